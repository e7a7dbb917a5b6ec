import type { Logger } from '@nestjs/common';
import type { Worker } from 'bullmq';
import type { AppConfigService } from '../core/config/config.module.js';

/** Processors are declared with these options, so that no job is taken before {@link startWorker} has set them up. */
export const STARTED_BY_CONFIG = { autorun: false } as const;

/**
 * Applies the configured concurrency and job-lock timings, then starts taking jobs. The lock settings
 * decide how soon a job whose worker died is taken up again: its lock runs out after `WORKER_LOCK_MS`,
 * and a live worker's check, every `WORKER_STALLED_CHECK_MS`, puts it back in the queue.
 */
export function startWorker(worker: Worker, config: AppConfigService, logger: Logger): void {
  const lockDuration = config.get('WORKER_LOCK_MS', { infer: true });
  Object.assign(worker.opts, { lockDuration, lockRenewTime: lockDuration / 2, stalledInterval: config.get('WORKER_STALLED_CHECK_MS', { infer: true }) });
  worker.concurrency = config.get('WORKER_CONCURRENCY', { infer: true });
  // BullMQ builds the lock manager from the options in its constructor; its documented hook builds it again from ours.
  (worker as unknown as { createLockManager(): void }).createLockManager();
  worker.run().catch((error: unknown) => logger.error({ err: error }, `The ${worker.name} worker stopped`));
}
