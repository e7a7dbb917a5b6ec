import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Job, Queue } from 'bullmq';
import { hostname } from 'node:os';
import type { AppConfigService } from '../core/config/config.module.js';
import { RedisClient } from '../core/redis/redis.module.js';
import { QueueWorker } from './queue-worker.js';
import { HEARTBEAT_EVERY_MS, JobName, type JobPayload, QueueName } from './queue.constants.js';

const HEARTBEAT_TTL_SECONDS = Math.ceil((HEARTBEAT_EVERY_MS * 3) / 1000);

/** The Redis key where the last worker heartbeat is kept; it expires when no worker has beaten for 3 periods. */
export function heartbeatKey(queuePrefix: string): string {
  return `${queuePrefix}:worker:last-heartbeat`;
}

/** Proves the worker is alive and processing: records who beat last and when. */
@Injectable()
export class HeartbeatProcessor extends QueueWorker {
  protected readonly queueName = QueueName.Heartbeat;

  constructor(
    @Inject(RedisClient) private readonly redis: RedisClient,
    @Inject(ConfigService) config: AppConfigService,
  ) {
    super(config);
  }

  async process(job: Job<JobPayload[JobName.Heartbeat], void, JobName.Heartbeat>): Promise<void> {
    const beat = { at: new Date().toISOString(), worker: `${hostname()}:${process.pid}`, jobId: job.id };
    await this.redis.set(heartbeatKey(this.config.get('QUEUE_PREFIX', { infer: true })), JSON.stringify(beat), 'EX', HEARTBEAT_TTL_SECONDS);
  }
}

/** One job scheduler for all workers: upserting the same scheduler id from every worker is idempotent. */
@Injectable()
export class HeartbeatScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(HeartbeatScheduler.name);

  constructor(@InjectQueue(QueueName.Heartbeat) private readonly queue: Queue<JobPayload[JobName.Heartbeat]>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('worker-heartbeat', { every: HEARTBEAT_EVERY_MS }, { name: JobName.Heartbeat, data: {} });
    this.logger.log(`Heartbeat scheduled every ${HEARTBEAT_EVERY_MS / 1000} s`);
  }
}
