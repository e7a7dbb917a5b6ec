import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { RedisClient } from '../../libs/core/redis/redis.module.js';
import { heartbeatKey } from '../../libs/queue/heartbeat.processor.js';
import { verify } from 'node:crypto';
import { AUDIT_HEAD_SCHEDULER_ID, JobName, QueueName } from '../../libs/queue/queue.constants.js';
import { createScratchDatabase } from '../support/databases.js';
import { createTestWorker } from '../support/test-worker.js';

describe('the worker', () => {
  let worker: INestApplicationContext;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    // A database and key prefix of its own: its reminder reconciler must not touch other suites' data.
    scratch = await createScratchDatabase('heartbeat');
    await scratch.dataSource.runMigrations();
    worker = await createTestWorker({ env: { DATABASE_URL: scratch.url, QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-heartbeat` } });
  });
  afterAll(async () => {
    await worker.close();
    await scratch.drop();
  });

  it('registers the heartbeat job scheduler on start', async () => {
    const queue = worker.get<Queue>(getQueueToken(QueueName.Heartbeat));
    const scheduler = await queue.getJobScheduler('worker-heartbeat');
    expect(scheduler).toMatchObject({ key: 'worker-heartbeat', name: JobName.Heartbeat });
  });

  it('publishes the audit chain’s signed head daily at 00:05 Copenhagen time, as a job that returns it', async () => {
    const queue = worker.get<Queue>(getQueueToken(QueueName.Audit));
    const scheduler = await queue.getJobScheduler(AUDIT_HEAD_SCHEDULER_ID);
    expect(scheduler).toMatchObject({ name: JobName.PublishAuditHead, pattern: '5 0 * * *', tz: 'Europe/Copenhagen' });

    const job = await queue.add(JobName.PublishAuditHead, {});
    for (let i = 0; i < 100 && !(await job.isCompleted()); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    const head = (await queue.getJob(job.id!))!.returnvalue;
    const [last] = await scratch.dataSource.query('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1');
    expect(head).toMatchObject({ seq: Number(last?.seq ?? 0), algorithm: 'Ed25519' });
    const publicKey = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(head.publicKey, 'base64')]);
    expect(verify(null, Buffer.from(head.statement), { key: publicKey, format: 'der', type: 'spki' }, Buffer.from(head.signature, 'base64'))).toBe(true);
  });

  it('processes a heartbeat job from Redis and records the beat', async () => {
    const queue = worker.get<Queue>(getQueueToken(QueueName.Heartbeat));
    const redis = worker.get(RedisClient);
    const key = heartbeatKey(`${process.env.QUEUE_PREFIX}-heartbeat`);
    await redis.del(key);

    const job = await queue.add(JobName.Heartbeat, {});
    for (let i = 0; i < 100 && !(await job.isCompleted()); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));

    expect(await job.isCompleted()).toBe(true);
    const beat = JSON.parse((await redis.get(key)) ?? '{}');
    expect(beat).toMatchObject({ jobId: job.id, worker: expect.stringContaining(String(process.pid)) });
    expect(await redis.ttl(key)).toBeGreaterThan(0);
  });
});
