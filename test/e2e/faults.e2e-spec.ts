import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import { ManualClock } from '../../libs/core/time/clock.js';
import { createScratchDatabase } from '../support/databases.js';
import { assessmentBody, givenDraft, givenProgramme } from '../support/grant-case.js';
import { TestSmtpServer } from '../support/smtp.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestWorker, eventually } from '../support/test-worker.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

/** Redis is only the delivery van: with it gone the API serves on, and the reconciler catches up when it returns. */
describe('with Redis down', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  const smtp = new TestSmtpServer();
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let api: TestApp;
  let worker: INestApplicationContext | undefined;
  let admin: SignedInUser;
  let lead: SignedInUser;
  let env: Record<string, string>;

  beforeAll(async () => {
    const smtpPort = await smtp.start();
    scratch = await createScratchDatabase('redis_down');
    await scratch.dataSource.runMigrations();
    env = { DATABASE_URL: scratch.url, SMTP_PORT: String(smtpPort), QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-faults` };
    api = await createTestApp({ env: { ...env, REDIS_URL: 'redis://127.0.0.1:1' }, clock });
    admin = await signedInAs(api, 'admin');
    lead = await signedInAs(api, 'project_lead', '230');
  });
  afterAll(async () => {
    await worker?.close();
    await api.close();
    await smtp.stop();
    await scratch.drop();
    const redis = new Redis('redis://127.0.0.1:6379/4');
    await redis.flushdb();
    redis.disconnect();
  });

  it('health answers 503 and names Redis', async () => {
    const response = await api.http.get('/api/v1/health').expect(503);
    expect(response.body).toMatchObject({ detail: 'Ikke tilgængelig: redis.', info: { db: { status: 'up' } } });
  });

  it('reads and writes go on, without waiting for Redis, and the receipt waits in the outbox', async () => {
    const programme = await givenProgramme(api, admin, { applicationOpensAt: '2026-01-01T00:00', applicationClosesAt: '2099-12-31T12:00' });
    await api.http.get('/api/v1/applications').set(lead.bearer).expect(200);
    const draft = await givenDraft(api, lead, programme.id, { plannedStart: '2027-01-01', plannedEnd: '2028-06-30' });
    const started = Date.now();
    const submitted = await api.http.post(`/api/v1/applications/${draft.id}/submit`).set(lead.bearer).expect(200);
    expect(Date.now() - started).toBeLessThan(1_000);

    const assessor = await signedInAs(api, 'caseworker');
    const decider = await signedInAs(api, 'caseworker');
    await api.http.put(`/api/v1/applications/${draft.id}/assessment`).set(assessor.bearer).send(assessmentBody()).expect(200);
    await api.http.post(`/api/v1/applications/${draft.id}/assessment/complete`).set(assessor.bearer).expect(200);
    await api.http
      .post(`/api/v1/applications/${draft.id}/decision`)
      .set(decider.bearer)
      .send({ outcome: 'award', amountOre: 1_101_426_000, rationale: 'Fuld bevilling.' })
      .expect(201);

    const receipts = (await api.http.get('/api/v1/reminders').query({ kind: 'application_receipt' }).set(admin.bearer).expect(200)).body.items;
    expect(receipts).toEqual([expect.objectContaining({ subjectId: draft.id, status: 'scheduled', attempts: 0 })]);
    expect(submitted.body.caseNumber).toBeDefined();
  });

  it('when Redis is back, the reconciler queues what waited and it is delivered', async () => {
    worker = await createTestWorker({ env: { ...env, REDIS_URL: 'redis://127.0.0.1:6379/4' }, clock });
    const sent = await eventually(async () => {
      const [receipt] = (await api.http.get('/api/v1/reminders').query({ kind: 'application_receipt' }).set(admin.bearer).expect(200)).body.items;
      return receipt?.status === 'sent' ? receipt : undefined;
    });
    expect(smtp.received.filter((mail) => mail.messageId === `<reminder-${sent.id}@tilskud>`)).toHaveLength(1);
    expect(smtp.to(lead.email).some((mail) => mail.subject.startsWith('Kvittering for ansøgning'))).toBe(true);
  });
});
