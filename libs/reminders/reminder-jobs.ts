import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import type { AppConfigService } from '../core/config/config.module.js';
import { RedisClient } from '../core/redis/redis.module.js';
import { Clock } from '../core/time/clock.js';
import { JobName, type JobPayload, QueueName } from '../queue/queue.constants.js';

const ENQUEUE_TIMEOUT_MS = 2_000;
const BULK = 1_000;

/** The job id of a reminder's delivery: deterministic, so adding it twice adds it once. */
export const sendJobId = (reminderId: string) => `reminder-${reminderId}`;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms).unref())]);
}

/**
 * Puts reminder work on the queue. Redis only delivers: when it is away, nothing here fails the caller,
 * because the reconciler finds every scheduled reminder without a job and queues it again.
 */
@Injectable()
export class ReminderJobs {
  private readonly logger = new Logger(ReminderJobs.name);

  constructor(
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
    @Inject(ConfigService) private readonly config: AppConfigService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(RedisClient) private readonly redis: RedisClient,
  ) {}

  /** Queues deliveries at their send times (now, when that has passed). Throws when Redis is away. */
  async schedule(reminders: Array<{ id: string; sendAt: Date }>): Promise<void> {
    const now = this.clock.now().getTime();
    const attempts = this.config.get('REMINDER_ATTEMPTS', { infer: true });
    const backoff = { type: 'exponential', delay: this.config.get('REMINDER_BACKOFF_MS', { infer: true }) };
    for (let i = 0; i < reminders.length; i += BULK) {
      const jobs = reminders.slice(i, i + BULK).map((reminder) => ({
        name: JobName.SendReminder,
        data: { reminderId: reminder.id } satisfies JobPayload[JobName.SendReminder],
        opts: {
          jobId: sendJobId(reminder.id),
          delay: Math.max(0, reminder.sendAt.getTime() - now),
          attempts,
          backoff,
          removeOnComplete: true,
          removeOnFail: { age: 7 * 86_400 },
        },
      }));
      await within(this.queue.addBulk(jobs), ENQUEUE_TIMEOUT_MS * 5);
    }
  }

  async unschedule(reminderIds: string[]): Promise<void> {
    for (const id of reminderIds) await within(this.queue.remove(sendJobId(id)), ENQUEUE_TIMEOUT_MS);
  }

  /** Asks a worker to recompute one award's reminders now; never fails the caller. */
  async reconcileAward(awardId: string): Promise<void> {
    await this.quietly(`reconcile award ${awardId}`, () =>
      this.queue.add(JobName.ReconcileReminders, { awardId } satisfies JobPayload[JobName.ReconcileReminders], { removeOnComplete: true, removeOnFail: 100 }),
    );
  }

  /** Asks a worker to recompute the reminders of a case's award, if it has one (its contacts or assignee changed). */
  async reconcileCase(caseId: string): Promise<void> {
    await this.quietly(`reconcile case ${caseId}`, () =>
      this.queue.add(JobName.ReconcileReminders, { caseId } satisfies JobPayload[JobName.ReconcileReminders], { removeOnComplete: true, removeOnFail: 100 }),
    );
  }

  /** Puts a failed delivery back on the queue, to be tried again from the first attempt. */
  async retry(reminderId: string, sendAt: Date): Promise<void> {
    await this.quietly(`retry reminder ${reminderId}`, async () => {
      await this.queue.remove(sendJobId(reminderId));
      await this.schedule([{ id: reminderId, sendAt }]);
    });
  }

  /** Queues deliveries, but a Redis outage only logs: the reconciler will queue them later. */
  async scheduleQuietly(reminders: Array<{ id: string; sendAt: Date }>): Promise<void> {
    await this.quietly('schedule reminders', () => this.schedule(reminders));
  }

  private async quietly(what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      // With Redis away (our own client to it is not ready), fail at once rather than make every write wait.
      if (this.redis.status !== 'ready') throw new Error(`Redis connection is ${this.redis.status}`);
      await within(work(), ENQUEUE_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn({ err: error }, `Could not ${what} now; the reconciler will catch up`);
    }
  }
}
