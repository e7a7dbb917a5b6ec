import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { ManualClock } from '../../libs/core/time/clock.js';
import { QueueName } from '../../libs/queue/queue.constants.js';
import { sendJobId } from '../../libs/reminders/reminder-jobs.js';
import { QUEUE_HORIZON_MS, RECONCILE_LOCK, ReminderReconciler } from '../../libs/reminders/reminder-reconciler.js';
import { PLANNED_REMINDER_KINDS } from '../../libs/reminders/reminder-planner.js';
import { givenAward, givenProgramme } from '../support/grant-case.js';
import { type IsolatedServices, isolatedServices } from '../support/isolated-services.js';
import { listReminders } from '../support/reminders.js';
import type { TestSmtpServer } from '../support/smtp.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestWorker, eventually } from '../support/test-worker.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

/**
 * Reminders end to end: a real SMTP server, the API, and two worker processes' module graphs on a
 * database, a Redis database and a key prefix of their own (so FLUSHDB here touches no other suite).
 * Thursday 18 November 2021, 08:30 in Copenhagen.
 */
describe('reminders', () => {
  const clock = new ManualClock(new Date('2021-11-18T07:30:00Z'));
  let services: IsolatedServices;
  let smtp: TestSmtpServer;
  let env: Record<string, string>;
  let api: TestApp;
  let workers: INestApplicationContext[];
  let admin: SignedInUser;
  let people: { lead: SignedInUser; assessor: SignedInUser; decider: SignedInUser };
  let programmeId: string;

  beforeAll(async () => {
    services = await isolatedServices('reminders', 3, { REMINDER_ATTEMPTS: '3', REMINDER_BACKOFF_MS: '50' });
    ({ smtp, env } = services);
    api = await createTestApp({ env, clock });
    workers = [await createTestWorker({ env, clock }), await createTestWorker({ env, clock })];
    admin = await signedInAs(api, 'admin');
    people = {
      lead: await signedInAs(api, 'project_lead', '630'),
      assessor: await signedInAs(api, 'caseworker'),
      decider: await signedInAs(api, 'caseworker'),
    };
    programmeId = (await givenProgramme(api, admin, { applicationOpensAt: '2020-01-01T00:00', applicationClosesAt: '2030-01-01T00:00' })).id;
  });
  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await api.close();
    await services.stop();
  });

  const reminders = (query: Record<string, string>) => listReminders(api, admin, query);
  /** A reminder the planner makes (not an outcome message, which is there from the decision on). */
  const planned = (kind: string) => (PLANNED_REMINDER_KINDS as readonly string[]).includes(kind);
  /** A report due 2 December 2021: its 14-day reminder is due at 08:00 today. */
  const awardWithReportDueSoon = () => givenAward(api, people, programmeId, { startDate: '2020-12-02', endDate: '2022-06-30' });

  it('delivers a due reminder by e-mail and into the inbox, once, and plans every later one', async () => {
    const award = await awardWithReportDueSoon();
    const due = await eventually(async () => (await reminders({ awardId: award.id, kind: 'report_due_in_14_days' })).find((r) => r.status === 'sent'));
    expect(due).toMatchObject({ recipientId: people.lead.user.id, dueDate: '2021-12-02', sendAt: '2021-11-18T07:00:00.000Z', attempts: 1 });

    const mails = smtp.received.filter((mail) => mail.messageId === `<reminder-${due.id}@tilskud>`);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([people.lead.email]);
    expect(mails[0].subject).toBe(`Statusrapport nr. 1 for ${award.caseNumber} skal indsendes om 14 dage`);

    const inbox = (await api.http.get('/api/v1/notifications').set(people.lead.bearer).expect(200)).body.items;
    const filed = inbox.find((n: { kind: string; subjectId: string }) => n.kind === 'report_due_in_14_days' && n.subjectId === due.subjectId);
    expect(filed.body).toContain('2. december 2021');
    await api.http
      .post(`/api/v1/notifications/${filed.id}/read`)
      .set(people.lead.bearer)
      .expect(200)
      .expect((r) => expect(r.body.readAt).not.toBeNull());
    await api.http.post(`/api/v1/notifications/${filed.id}/read`).set(people.decider.bearer).expect(404);

    // Everything later is planned already, at 08:00 on working days: 3 days before (Monday 29 Nov), on the day, the final report, the end.
    const planned = await reminders({ awardId: award.id, status: 'scheduled' });
    expect(planned.map((r) => `${r.kind} ${r.sendAt}`)).toEqual(
      expect.arrayContaining([
        'report_due_in_3_days 2021-11-29T07:00:00.000Z',
        'report_due_today 2021-12-02T07:00:00.000Z',
        'award_ending_in_30_days 2022-05-31T06:00:00.000Z',
        'report_due_in_14_days 2022-09-16T06:00:00.000Z',
      ]),
    );
  });

  it('numbers reminders by the time they are written (UUIDv7), so the outbox grows at the end of its index', async () => {
    const plannedIds = async (awardId: string) =>
      (
        await eventually(async () => {
          const rows = (await reminders({ awardId })).filter((r) => planned(r.kind));
          return rows.length > 0 && rows;
        })
      ).map((reminder) => reminder.id);
    const before = Date.now();
    const earlier = await plannedIds((await awardWithReportDueSoon()).id);
    const later = await plannedIds((await awardWithReportDueSoon()).id);
    const after = Date.now();

    for (const id of [...earlier, ...later]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      // The first 48 bits are the database's clock at the insert, in Unix milliseconds (same machine).
      const writtenAt = parseInt(id.replaceAll('-', '').slice(0, 12), 16);
      expect(writtenAt).toBeGreaterThanOrEqual(before - 1_000);
      expect(writtenAt).toBeLessThanOrEqual(after + 1_000);
    }
    expect(later.every((id) => earlier.every((older) => id > older))).toBe(true);
  });

  it('e-mails the applicant the receipt of a submission', async () => {
    const award = await awardWithReportDueSoon();
    await eventually(async () =>
      smtp.to(people.lead.email).find((mail) => mail.subject === `Kvittering for ansøgning ${award.caseNumber} «Mere værdig hjemmepleje»`),
    );
  });

  it('two workers deliver each reminder exactly once', async () => {
    const awards = await Promise.all(Array.from({ length: 6 }, () => awardWithReportDueSoon()));
    const sent = await eventually(async () => {
      const rows = (await Promise.all(awards.map((award) => reminders({ awardId: award.id, kind: 'report_due_in_14_days' }))))
        .flat()
        .filter((row) => row.dueDate === '2021-12-02');
      return rows.length === 6 && rows.every((row) => row.status === 'sent') ? rows : undefined;
    });
    for (const row of sent) {
      expect(smtp.received.filter((mail) => mail.messageId === `<reminder-${row.id}@tilskud>`)).toHaveLength(1);
      expect(row.attempts).toBe(1);
    }
    // And across the whole run: no message was ever sent twice.
    const ids = smtp.received.map((mail) => mail.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe('a reconcile compares without a lock and writes under it', () => {
    /**
     * An award whose reminders its own reconcile has planned, plus a scheduled reminder of it that the
     * planner does not call for, compared with the plan: the comparison says to cancel that one.
     */
    const comparedWithAStrayReminder = async () => {
      const award = await awardWithReportDueSoon();
      await eventually(async () => (await reminders({ awardId: award.id })).some((r) => planned(r.kind)));
      const [{ id: strayId }]: Array<{ id: string }> = await database().query(
        `INSERT INTO reminder (kind, recipient_id, subject_type, subject_id, award_id, due_date, send_at, status)
         VALUES ('report_due_today', $1, 'report', gen_random_uuid(), $2, '2030-01-02', '2030-01-02T07:00:00Z', 'scheduled') RETURNING id`,
        [people.lead.user.id, award.id],
      );
      const reconciler = workers[0].get(ReminderReconciler);
      const difference = await reconciler.compare([award.id], clock.now());
      expect(difference.cancel.map((row) => row.id)).toEqual([strayId]);
      return { award, strayId, reconciler, difference };
    };
    const database = () => workers[0].get<DataSource>(getDataSourceToken());
    const statusOf = async (id: string) => (await database().query('SELECT status FROM reminder WHERE id = $1', [id]))[0].status;

    it('compares an award reminder by reminder only when its outbox differs from its plan', async () => {
      // Nothing of this award is due before May 2022: no reminder of it is sent while the test runs.
      const award = await givenAward(api, people, programmeId, { startDate: '2021-06-01', endDate: '2023-06-30' });
      await eventually(async () => (await reminders({ awardId: award.id })).some((r) => planned(r.kind)));
      const reconciler = workers[0].get(ReminderReconciler);
      expect(await reconciler.compare([award.id], clock.now())).toMatchObject({ examined: 0, fresh: [], revive: [], cancel: [] });

      const [[{ id }]]: [[{ id: string }]] = await database().query(
        `UPDATE reminder SET status = 'cancelled' WHERE id = (SELECT id FROM reminder WHERE award_id = $1 AND status = 'scheduled' AND kind = ANY($2) ORDER BY id LIMIT 1) RETURNING id`,
        [award.id, PLANNED_REMINDER_KINDS],
      );
      const difference = await reconciler.compare([award.id], clock.now());
      expect(difference).toMatchObject({ examined: 1, fresh: [], cancel: [] });
      expect(difference.revive.map((row) => row.id)).toEqual([id]);
      expect(await reconciler.write(difference, clock.now())).toMatchObject({ revived: 1 });
      expect(await statusOf(id)).toBe('scheduled');
    });

    it('compares a batch given in any order, and never plans a sent reminder again', async () => {
      // Nothing of these awards is due before May 2022: no reminder of them is sent while the test runs.
      const awards = await Promise.all([0, 1].map(() => givenAward(api, people, programmeId, { startDate: '2021-06-01', endDate: '2023-06-30' })));
      await eventually(async () =>
        (await Promise.all(awards.map((award) => reminders({ awardId: award.id })))).every((rows) => rows.filter((r) => planned(r.kind)).length > 1),
      );
      // In each award one reminder was delivered and another cancelled: both awards differ from their plan.
      const cancelled: string[] = [];
      for (const award of awards) {
        const [sent, dropped]: Array<{ id: string }> = await database().query(
          `SELECT id FROM reminder WHERE award_id = $1 AND status = 'scheduled' AND kind = ANY($2) ORDER BY id LIMIT 2`,
          [award.id, PLANNED_REMINDER_KINDS],
        );
        await database().query(`UPDATE reminder SET status = 'sent', sent_at = now() WHERE id = $1`, [sent.id]);
        await database().query(`UPDATE reminder SET status = 'cancelled' WHERE id = $1`, [dropped.id]);
        cancelled.push(dropped.id);
      }
      const difference = await workers[0].get(ReminderReconciler).compare(
        awards
          .map((award) => award.id)
          .sort()
          .reverse(),
        clock.now(),
      );
      expect(difference).toMatchObject({ examined: 2, fresh: [], cancel: [] });
      expect(difference.revive.map((row) => row.id).sort()).toEqual(cancelled.sort());
    });

    it('leaves a reminder that was sent after the comparison as sent', async () => {
      const { strayId, reconciler, difference } = await comparedWithAStrayReminder();
      await database().query(`UPDATE reminder SET status = 'sent', sent_at = now() WHERE id = $1`, [strayId]);
      expect(await reconciler.write(difference, clock.now())).toMatchObject({ skipped: 0, cancelled: 0 });
      expect(await statusOf(strayId)).toBe('sent');
    });

    it('writes nothing for an award that changed after it was planned (its own reconcile does)', async () => {
      const { award, strayId, reconciler, difference } = await comparedWithAStrayReminder();
      await database().query(`UPDATE award SET updated_at = updated_at + interval '1 second' WHERE id = $1`, [award.id]);
      expect(await reconciler.write(difference, clock.now())).toMatchObject({ skipped: 1, planned: 0, created: 0, cancelled: 0 });
      expect(await statusOf(strayId)).toBe('scheduled');

      // Planned again from the award as it is now, the stray reminder goes.
      expect(await reconciler.write(await reconciler.compare([award.id], clock.now()), clock.now())).toMatchObject({ skipped: 0, cancelled: 1 });
      expect(await statusOf(strayId)).toBe('cancelled');
    });

    it('writes nothing for an award whose extension request was withdrawn after it was planned', async () => {
      const award = await givenAward(api, people, programmeId, { startDate: '2021-06-01', endDate: '2023-06-30' });
      const request = await api.http
        .post(`/api/v1/awards/${award.id}/extension-requests`)
        .set(people.lead.bearer)
        .send({ months: 2, reason: 'covid19', justification: 'Nedlukningen forsinkede afprøvningen.' })
        .expect(201);
      const waiting = await eventually(async () => {
        const rows = (await reminders({ awardId: award.id, kind: 'extension_decision_waiting' })).filter((r) => r.subjectId === request.body.id);
        return rows.length > 0 && rows.every((r) => r.status === 'scheduled') && rows;
      });
      const reconciler = workers[0].get(ReminderReconciler);
      const planned = await reconciler.compare([award.id], clock.now());
      // Withdrawn after everything else about the award (whose rows Postgres stamps with its own time,
      // while this test's clock says 2021), and its reminders cancelled, as the withdrawal's reconcile does.
      await database().query(`UPDATE extension_request SET status = 'withdrawn', withdrawn_at = now() + interval '1 second' WHERE id = $1`, [request.body.id]);
      await database().query(`UPDATE reminder SET status = 'cancelled' WHERE id = ANY($1)`, [waiting.map((r) => r.id)]);

      // The plan made while the request was pending would bring them back: it is not written.
      const stale = { ...planned, revive: waiting.map((r) => ({ id: r.id, awardId: award.id })) };
      expect(await reconciler.write(stale, clock.now())).toMatchObject({ skipped: 1, revived: 0 });
      for (const { id } of waiting) expect(await statusOf(id)).toBe('cancelled');
    });

    it('the lanes of a full pass write side by side; a single award’s write waits for them', async () => {
      const { strayId, reconciler, difference } = await comparedWithAStrayReminder();
      // Another lane, in the middle of its write.
      const lane = database().createQueryRunner();
      await lane.startTransaction();
      try {
        await lane.query('SELECT pg_advisory_xact_lock_shared($1)', [RECONCILE_LOCK]);
        expect(await reconciler.write({ ...difference, cancel: [] }, clock.now(), 'shared')).toMatchObject({ skipped: 0 });
        const alone = reconciler.write(difference, clock.now());
        const waited = await Promise.race([alone.then(() => false), new Promise((resolve) => setTimeout(() => resolve(true), 500))]);
        expect(waited).toBe(true);
        expect(await statusOf(strayId)).toBe('scheduled');
        await lane.commitTransaction();
        expect(await alone).toMatchObject({ cancelled: 1 });
        expect(await statusOf(strayId)).toBe('cancelled');
      } finally {
        if (lane.isTransactionActive) await lane.rollbackTransaction();
        await lane.release();
      }
    });
  });

  it('after Redis is wiped, the reconciler puts back every reminder due within the horizon', async () => {
    // Report due Friday 3 December 2021: its 14-day reminder is due tomorrow, 19 November, at 08:00.
    const award = await givenAward(api, people, programmeId, { startDate: '2020-12-03', endDate: '2022-06-30' });
    const [tomorrow, later] = await eventually(async () => {
      const rows = await reminders({ awardId: award.id, status: 'scheduled' });
      const soon = rows.find((r) => r.kind === 'report_due_in_14_days' && r.sendAt === '2021-11-19T07:00:00.000Z');
      const far = rows.find((r) => r.kind === 'award_ending_in_30_days');
      return soon && far ? [soon, far] : undefined;
    });
    const queue = workers[0].get<Queue>(getQueueToken(QueueName.Reminders));
    await eventually(async () => (await queue.getJob(sendJobId(tomorrow.id))) !== undefined);

    const redis = new Redis(env.REDIS_URL);
    await redis.flushdb();
    redis.disconnect();
    expect(await queue.getJob(sendJobId(tomorrow.id))).toBeUndefined();

    await workers[0].get(ReminderReconciler).reconcile();

    const job = await queue.getJob(sendJobId(tomorrow.id));
    expect(job).toBeDefined();
    expect(job!.delay).toBe(new Date(tomorrow.sendAt).getTime() - clock.now().getTime());
    // Postgres holds every planned reminder; Redis only the next 24 hours' (the reconciler moves the rest in on time).
    expect(new Date(later.sendAt).getTime() - clock.now().getTime()).toBeGreaterThan(QUEUE_HORIZON_MS);
    expect(await queue.getJob(sendJobId(later.id))).toBeUndefined();
  });

  it('an approved extension cancels the final report’s reminders and plans new ones', async () => {
    const award = await awardWithReportDueSoon();
    const finalBefore = await eventually(async () => {
      const rows = (await reminders({ awardId: award.id, status: 'scheduled' })).filter(
        (r) => r.kind === 'report_due_in_14_days' && r.dueDate === '2022-09-30',
      );
      return rows.length ? rows : undefined;
    });
    const request = await api.http
      .post(`/api/v1/awards/${award.id}/extension-requests`)
      .set(people.lead.bearer)
      .send({ months: 3, reason: 'covid19', justification: 'Nedlukningen forsinkede afprøvningen.' })
      .expect(201);
    await api.http
      .post(`/api/v1/extension-requests/${request.body.id}/decision`)
      .set(people.decider.bearer)
      .send({ outcome: 'approve', rationale: 'Godkendt som ansøgt.' })
      .expect(200);

    await eventually(async () => {
      const rows = await reminders({ awardId: award.id });
      const old = rows.find((r) => r.id === finalBefore[0].id);
      // The end date 30 September + 3 months for the final report is 31 December, a closure day and a Saturday: due Monday 2 January.
      const moved = rows.find((r) => r.kind === 'report_due_in_14_days' && r.dueDate === '2023-01-02' && r.status === 'scheduled');
      const ending = rows.find((r) => r.kind === 'award_ending_in_30_days' && r.dueDate === '2022-09-30' && r.status === 'scheduled');
      return old?.status === 'cancelled' && moved && ending;
    });
    const rows = await reminders({ awardId: award.id });
    expect(rows.filter((r) => r.dueDate === '2022-09-30' && r.kind.startsWith('report_due')).every((r) => r.status === 'cancelled')).toBe(true);
    expect(rows.find((r) => r.kind === 'award_ending_in_30_days' && r.dueDate === '2022-06-30')?.status).toBe('cancelled');
    const queue = workers[0].get<Queue>(getQueueToken(QueueName.Reminders));
    expect(await queue.getJob(sendJobId(finalBefore[0].id))).toBeUndefined();
  });

  it('a withdrawn extension request cancels its waiting reminders', async () => {
    // Nothing of this award is due before May 2022: no reminder of it is sent while the test runs.
    const award = await givenAward(api, people, programmeId, { startDate: '2021-06-01', endDate: '2023-06-30' });
    const request = await api.http
      .post(`/api/v1/awards/${award.id}/extension-requests`)
      .set(people.lead.bearer)
      .send({ months: 2, reason: 'covid19', justification: 'Nedlukningen forsinkede afprøvningen.' })
      .expect(201);
    const waitingFor = async () => (await reminders({ awardId: award.id, kind: 'extension_decision_waiting' })).filter((r) => r.subjectId === request.body.id);
    await eventually(async () => {
      const rows = await waitingFor();
      return rows.length > 0 && rows.every((r) => r.status === 'scheduled');
    });
    await api.http.post(`/api/v1/extension-requests/${request.body.id}/withdraw`).set(people.lead.bearer).expect(200);
    await eventually(async () => (await waitingFor()).every((r) => r.status === 'cancelled'));
  });

  it('a refusing SMTP server leads to retries, then failed, visible to admins; nothing is lost', async () => {
    smtp.refuse = true;
    try {
      const award = await awardWithReportDueSoon();
      const failed = await eventually(async () =>
        (await reminders({ awardId: award.id, kind: 'report_due_in_14_days' })).find((r) => r.dueDate === '2021-12-02' && r.status === 'failed'),
      );
      expect(failed).toMatchObject({ attempts: 3, lastError: expect.stringContaining('Mailbox unavailable') });
      expect((await reminders({ status: 'failed' })).map((r) => r.id)).toContain(failed.id);
      const adminInbox = (await api.http.get('/api/v1/notifications').set(admin.bearer).expect(200)).body.items;
      const notice = adminInbox.find((n: { kind: string; body: string }) => n.kind === 'reminder_failed' && n.body.includes(failed.id));
      // It names the person, the message and the case, never ids alone.
      expect(notice.title).toBe(`En e-mail til ${people.lead.user.name} kunne ikke leveres`);
      expect(notice.body).toContain(`Statusrapport nr. 1 for ${award.caseNumber} skal indsendes om 14 dage`);
      expect(notice.body).toContain(`${award.caseNumber} «Mere værdig hjemmepleje», Vejle Kommune`);
      expect(notice.body).not.toMatch(/undefined/);
      // The mail server being down kept nothing from the recipient's inbox: it was filed before the e-mail was tried.
      const leadInbox = (await api.http.get('/api/v1/notifications').query({ limit: 200 }).set(people.lead.bearer).expect(200)).body.items;
      expect(leadInbox.filter((n: { subjectId: string; kind: string }) => n.subjectId === failed.subjectId && n.kind === 'report_due_in_14_days')).toHaveLength(
        1,
      );
    } finally {
      smtp.refuse = false;
    }
  });

  it('GET /reminders is for admins, and filters', async () => {
    await api.http.get('/api/v1/reminders').set(people.decider.bearer).expect(403);
    await api.http.get('/api/v1/reminders').query({ status: 'lost' }).set(admin.bearer).expect(400);
    const sent = await reminders({ status: 'sent' });
    expect(sent.every((r) => r.status === 'sent')).toBe(true);
  });

  it('the queue dashboard is for admins only', async () => {
    await api.http.get('/api/v1/admin/queues').expect(401);
    await api.http.get('/api/v1/admin/queues').set(people.decider.bearer).expect(403);
    const page = await api.http.get('/api/v1/admin/queues').set(admin.bearer).expect(200);
    expect(page.text).toContain('<div id="root">');
    const viaLink = await api.http.get('/api/v1/admin/queues').query({ access_token: admin.accessToken }).expect(303);
    expect(viaLink.headers['set-cookie'][0]).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('the queue dashboard refuses as every route does: problem+json, and a Bearer challenge for no token', async () => {
    const anonymous = await api.http.get('/api/v1/admin/queues').expect(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    expect(anonymous.body).toMatchObject({ type: 'urn:tilskud:problem:unauthenticated', status: 401, instance: '/api/v1/admin/queues' });
    const caseworker = await api.http.get('/api/v1/admin/queues').set(people.decider.bearer).expect(403);
    expect(caseworker.body).toMatchObject({ type: 'urn:tilskud:problem:forbidden', status: 403, requestId: caseworker.headers['x-request-id'] });
  });
});
