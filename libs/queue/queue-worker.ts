import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type Job, Worker } from 'bullmq';
import type { AppConfigService } from '../core/config/config.module.js';
import { redisConnectionOptions } from '../core/redis/redis.module.js';
import type { QueueName } from './queue.constants.js';

/**
 * A BullMQ worker for one queue, made with its options from the configuration: how many jobs run at
 * once (`WORKER_CONCURRENCY`), and the lock timings that decide how soon a job whose worker died is
 * taken up again (its lock runs out after `WORKER_LOCK_MS`; a live worker's check, every
 * `WORKER_STALLED_CHECK_MS`, puts it back in the queue). It starts taking jobs when the application has
 * booted, and on shutdown stops taking new ones and waits for the running ones before Postgres and
 * Redis close (`beforeApplicationShutdown` runs before any module's `onApplicationShutdown`).
 *
 * Made here rather than by @nestjs/bullmq's `@Processor`, whose worker options are fixed when the
 * class is declared, before the configuration is read.
 */
@Injectable()
export abstract class QueueWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected abstract readonly queueName: QueueName;
  protected readonly logger = new Logger(this.constructor.name);
  private running?: Worker;

  constructor(@Inject(ConfigService) protected readonly config: AppConfigService) {}

  /** What a job of the queue does. */
  abstract process(job: Job): Promise<unknown>;

  /** The worker, once the application has booted. */
  get worker(): Worker {
    if (!this.running) throw new Error(`The ${this.queueName} worker has not started`);
    return this.running;
  }

  onApplicationBootstrap(): void {
    const lockDuration = this.config.get('WORKER_LOCK_MS', { infer: true });
    this.running = new Worker(this.queueName, (job) => this.process(job), {
      connection: redisConnectionOptions(this.config.get('REDIS_URL', { infer: true })),
      prefix: this.config.get('QUEUE_PREFIX', { infer: true }),
      concurrency: this.config.get('WORKER_CONCURRENCY', { infer: true }),
      lockDuration,
      lockRenewTime: lockDuration / 2,
      stalledInterval: this.config.get('WORKER_STALLED_CHECK_MS', { infer: true }),
    });
    // A lost Redis connection is retried by ioredis; the error is reported, not thrown into the process.
    this.running.on('error', (error) => this.logger.warn({ err: error }, `The ${this.queueName} worker lost Redis; it reconnects`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.running?.close();
  }
}
