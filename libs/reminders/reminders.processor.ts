import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Job, Queue } from 'bullmq';
import type { AppConfigService } from '../core/config/config.module.js';
import { JobName, type JobPayload, QueueName, RECONCILE_ALL_SCHEDULER_ID } from '../queue/queue.constants.js';
import { QueueWorker } from '../queue/queue-worker.js';
import { ReminderDelivery } from './reminder-delivery.js';
import { ReminderReconciler } from './reminder-reconciler.js';

type ReminderJob =
  Job<JobPayload[JobName.SendReminder], unknown, JobName.SendReminder> | Job<JobPayload[JobName.ReconcileReminders], unknown, JobName.ReconcileReminders>;

/** The reminders queue: deliveries, and reconciles (all, every 10 minutes; one award after a change). */
@Injectable()
export class RemindersProcessor extends QueueWorker {
  protected readonly queueName = QueueName.Reminders;

  constructor(
    @Inject(ReminderDelivery) private readonly delivery: ReminderDelivery,
    @Inject(ReminderReconciler) private readonly reconciler: ReminderReconciler,
    @Inject(ConfigService) config: AppConfigService,
  ) {
    super(config);
  }

  async process(job: ReminderJob): Promise<unknown> {
    switch (job.name) {
      case JobName.SendReminder:
        return this.delivery.deliver(job.data.reminderId, job.attemptsMade + 1, job.opts.attempts ?? 1);
      case JobName.ReconcileReminders:
        return job.data.caseId ? this.reconciler.reconcileCase(job.data.caseId) : this.reconciler.reconcile(job.data.awardId);
    }
  }
}

/** At worker start: the recurring reconcile (one scheduler for all workers) and one reconcile right away. */
@Injectable()
export class ReconcileScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReconcileScheduler.name);

  constructor(
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
    @Inject(ConfigService) private readonly config: AppConfigService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const every = this.config.get('RECONCILE_EVERY_MS', { infer: true });
      await this.queue.upsertJobScheduler(
        RECONCILE_ALL_SCHEDULER_ID,
        { every },
        { name: JobName.ReconcileReminders, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
      );
      await this.queue.add(JobName.ReconcileReminders, {}, { removeOnComplete: true, removeOnFail: 100 });
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not schedule the reminder reconcile yet (Redis away?); the worker retries as it reconnects');
    }
  }
}
