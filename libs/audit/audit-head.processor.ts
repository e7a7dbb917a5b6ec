import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Job, Queue } from 'bullmq';
import type { AppConfigService } from '../core/config/config.module.js';
import { COPENHAGEN } from '../core/time/copenhagen.js';
import { AUDIT_HEAD_PATTERN, AUDIT_HEAD_SCHEDULER_ID, JobName, type JobPayload, QueueName } from '../queue/queue.constants.js';
import { QueueWorker } from '../queue/queue-worker.js';
import { AuditService, type SignedChainHead } from './audit.service.js';

/**
 * Publishes the chain's signed head once a day as a log line (`auditHead`), which log shipping keeps
 * outside the database: an auditor who holds one can later show that the chain still contains that
 * event, or that it was cut short after it (`GET /audit-events/verify?headSeq=…&headHash=…`).
 */
@Injectable()
export class AuditHeadProcessor extends QueueWorker {
  protected readonly queueName = QueueName.Audit;

  constructor(
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ConfigService) config: AppConfigService,
  ) {
    super(config);
  }

  async process(_job: Job<JobPayload[JobName.PublishAuditHead], SignedChainHead, JobName.PublishAuditHead>): Promise<SignedChainHead> {
    const head = await this.audit.signedHead();
    this.logger.log({ auditHead: head }, `Audit chain head ${head.seq} (signed)`);
    return head;
  }
}

/** One scheduler for every worker (upserting it is idempotent). */
@Injectable()
export class AuditHeadScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditHeadScheduler.name);

  constructor(@InjectQueue(QueueName.Audit) private readonly queue: Queue<JobPayload[JobName.PublishAuditHead]>) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        AUDIT_HEAD_SCHEDULER_ID,
        { pattern: AUDIT_HEAD_PATTERN, tz: COPENHAGEN },
        { name: JobName.PublishAuditHead, data: {}, opts: { removeOnComplete: 30, removeOnFail: 100 } },
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not schedule the daily audit head yet (Redis away?)');
    }
  }
}
