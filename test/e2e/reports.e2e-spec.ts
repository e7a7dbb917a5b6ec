import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ManualClock } from '../../libs/core/time/clock.js';
import { eventually } from '../support/test-worker.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';
import { givenAward, givenProgramme, reportBody } from '../support/grant-case.js';

interface Report {
  id: string;
  kind: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  awardId: string;
}

describe('progress reports', () => {
  const clock = new ManualClock(new Date('2022-03-01T08:00:00Z'));
  let api: TestApp;
  let people: { lead: SignedInUser; assessor: SignedInUser; decider: SignedInUser };
  let other: SignedInUser;
  let programmeId: string;
  beforeAll(async () => {
    api = await createTestApp({ clock });
    people = {
      lead: await signedInAs(api, 'project_lead', '540'),
      assessor: await signedInAs(api, 'caseworker'),
      decider: await signedInAs(api, 'caseworker'),
    };
    other = await signedInAs(api, 'project_lead', '101');
    programmeId = (await givenProgramme(api, await signedInAs(api, 'admin'))).id;
  });
  afterAll(() => api.close());
  const schedule = async (awardId: string, who = people.lead): Promise<Report[]> =>
    (await api.http.get(`/api/v1/awards/${awardId}/reports`).set(who.bearer).expect(200)).body;
  const submit = (id: string, body = reportBody(), who = people.lead) => api.http.post(`/api/v1/reports/${id}/submit`).set(who.bearer).send(body);
  const review = (id: string, outcome: 'approve' | 'return', comment = 'Tak for rapporten.') =>
    api.http.post(`/api/v1/reports/${id}/review`).set(people.decider.bearer).send({ outcome, comment });
  const approveStatusReports = async (awardId: string) => {
    for (const report of (await schedule(awardId)).filter((r) => r.kind === 'status')) {
      await submit(report.id).expect(200);
      await review(report.id, 'approve').expect(200);
    }
  };

  it('an award gets its schedule when it is made', async () => {
    const award = await givenAward(api, people, programmeId, { startDate: '2021-01-01', endDate: '2023-06-30' });
    expect((await schedule(award.id)).map(({ kind, dueDate, status }) => ({ kind, dueDate, status }))).toEqual([
      // 1 January is Nytårsdag (and in 2022 a Saturday), 30 September 2023 a Saturday: each deadline is
      // the next working day.
      { kind: 'status', dueDate: '2022-01-03', status: 'due' },
      { kind: 'status', dueDate: '2023-01-02', status: 'due' },
      { kind: 'final', dueDate: '2023-10-02', status: 'due' },
    ]);
  });

  it('submit → return → resubmit → approve, keeping every submission', async () => {
    const award = await givenAward(api, people, programmeId);
    const [statusReport] = await schedule(award.id);
    expect((await submit(statusReport.id).expect(200)).body).toMatchObject({ status: 'submitted', overdue: false });
    await submit(statusReport.id).expect(409);
    expect((await review(statusReport.id, 'return', 'Regnskabet mangler fordeling på aktiviteter.').expect(200)).body.status).toBe('returned');
    await review(statusReport.id, 'approve').expect(409);
    await submit(statusReport.id, reportBody({ narrative: 'Rettet: fordeling på aktiviteter er tilføjet.', spentToDateOre: 260_000_000 })).expect(200);
    expect((await review(statusReport.id, 'approve').expect(200)).body.status).toBe('approved');

    const detail = await api.http.get(`/api/v1/reports/${statusReport.id}`).set(people.lead.bearer).expect(200);
    expect(detail.body.submissions.map((s: Record<string, unknown>) => [s.submissionNo, s.spentToDateOre, s.reviewOutcome, s.reviewComment])).toEqual([
      [1, 250_000_000, 'return', 'Regnskabet mangler fordeling på aktiviteter.'],
      [2, 260_000_000, 'approve', 'Tak for rapporten.'],
    ]);
    expect((await api.http.get(`/api/v1/awards/${award.id}`).set(people.lead.bearer)).body.status).toBe('active');
  });

  it('keeps what the kommune reported in the audit trail: narrative, milestones, deviations and next steps', async () => {
    const award = await givenAward(api, people, programmeId);
    const [statusReport] = await schedule(award.id);
    const body = reportBody({ narrative: 'Fortælling til revisionssporet: teams etableret.', milestones: ['Første milepæl'] });
    await submit(statusReport.id, body).expect(200);
    const admin = await signedInAs(api, 'admin');
    const events = await api.http
      .get('/api/v1/audit-events')
      .query({ entityType: 'report', entityId: statusReport.id, action: 'report.submitted' })
      .set(admin.bearer)
      .expect(200);
    expect(events.body.items[0].after).toMatchObject({
      narrative: body.narrative,
      milestones: body.milestones,
      deviations: body.deviations,
      nextSteps: body.nextSteps,
      spentToDateOre: String(body.spentToDateOre),
    });
  });

  it('approving the final report completes the award', async () => {
    const award = await givenAward(api, people, programmeId);
    await approveStatusReports(award.id);
    const final = (await schedule(award.id)).find((report) => report.kind === 'final')!;
    await submit(final.id).expect(200);
    await review(final.id, 'approve', 'Slutrapporten godkendes.').expect(200);
    expect((await api.http.get(`/api/v1/awards/${award.id}`).set(people.lead.bearer)).body.status).toBe('completed');
    const extension = await api.http
      .post(`/api/v1/awards/${award.id}/extension-requests`)
      .set(people.lead.bearer)
      .send({ months: 1, reason: 'covid19', justification: 'For sent.' });
    expect(extension.status).toBe(409);
  });

  it('approving the final report takes the award before the report, as an extension decision does: no deadlock', async () => {
    const award = await givenAward(api, people, programmeId);
    await approveStatusReports(award.id);
    const reports = await schedule(award.id);
    const final = reports.find((report) => report.kind === 'final')!;
    await submit(final.id).expect(200);
    const dataSource = api.app.get<DataSource>(getDataSourceToken());
    // An extension decision in the middle of its transaction: it has the award and is about to reschedule its reports.
    const decision = dataSource.createQueryRunner();
    await decision.startTransaction();
    try {
      await decision.query('SELECT id FROM award WHERE id = $1 FOR UPDATE', [award.id]);
      // Sent now (a supertest request goes out when it is awaited or then-ed), answered after the commit below.
      const approving = review(final.id, 'approve', 'Slutrapporten godkendes.').then((response) => response);
      const waitingOnLock = async () =>
        Number((await dataSource.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0].n) > 0;
      await eventually(waitingOnLock, 5_000, 20);
      // Taking the award's reports now must not deadlock (Postgres would end one of the two after a second).
      await decision.query(`SET LOCAL lock_timeout = '3s'`);
      expect(await decision.query('SELECT id FROM progress_report WHERE award_id = $1 ORDER BY id FOR UPDATE', [award.id])).toHaveLength(reports.length);
      await decision.commitTransaction();
      expect((await approving).status).toBe(200);
    } finally {
      if (decision.isTransactionActive) await decision.rollbackTransaction();
      await decision.release();
    }
    expect((await api.http.get(`/api/v1/awards/${award.id}`).set(people.lead.bearer)).body.status).toBe('completed');
  });

  describe('the rules of a submission', () => {
    it('is refused before its period has begun: the first at the award start, the next where the previous one ended', async () => {
      // Today is 1 March 2022. Status report 1 covers 1 July 2021 – 1 July 2022; the final report begins there.
      const award = await givenAward(api, people, programmeId, { startDate: '2021-07-01', endDate: '2023-06-30' });
      const [status, final] = await schedule(award.id);
      const early = await submit(final.id).expect(422);
      expect(early.body).toMatchObject({ type: 'urn:tilskud:problem:report-period-not-started', periodStartDate: '2022-07-01' });
      expect(early.body.detail).toContain('1. juli 2022');
      await submit(status.id).expect(200);

      const future = await givenAward(api, people, programmeId, { startDate: '2022-06-01', endDate: '2023-06-30' });
      const [first] = await schedule(future.id);
      expect((await submit(first.id).expect(422)).body).toMatchObject({ periodStartDate: '2022-06-01' });
      expect((await schedule(future.id))[0].status).toBe('due');
    });

    it('is refused on an award that is no longer active', async () => {
      const award = await givenAward(api, people, programmeId);
      const [report] = await schedule(award.id);
      // No endpoint closes an award yet (the historical import and the close-out do): set it as they will.
      await api.app
        .get<DataSource>(getDataSourceToken())
        .query(`UPDATE award SET status = 'closed', closed_at = now(), closed_reason = 'Lukket i testen.' WHERE id = $1`, [award.id]);
      const refused = await submit(report.id).expect(409);
      expect(refused.body).toMatchObject({ type: 'urn:tilskud:problem:award-not-active', awardStatus: 'closed' });
      expect(refused.body.detail).toBe('Tilsagnet er lukket; der kan ikke indsendes flere rapporter på det.');
      expect((await schedule(award.id))[0].status).toBe('due');
    });

    it('cannot report more spent than the award, and says the amount', async () => {
      const award = await givenAward(api, people, programmeId);
      const [report] = await schedule(award.id);
      const above = await submit(report.id, reportBody({ spentToDateOre: award.amountOre + 1 })).expect(422);
      expect(above.body).toMatchObject({ type: 'urn:tilskud:problem:spent-above-award', awardAmountOre: award.amountOre });
      expect(above.body.errors).toEqual([{ field: 'spentToDateOre', message: 'må højst være 11.014.260 kr. (tilsagnets beløb)' }]);
      await submit(report.id, reportBody({ spentToDateOre: award.amountOre })).expect(200);
    });

    it('cannot report less spent than the last approved report without explaining it in the deviations', async () => {
      const programme = (await givenProgramme(api, await signedInAs(api, 'admin'), { statusReportIntervalMonths: 3 })).id;
      const award = await givenAward(api, people, programme, { startDate: '2021-01-01', endDate: '2022-12-31' });
      const [apr, jul, oct] = await schedule(award.id);
      await submit(apr.id, reportBody({ spentToDateOre: 300_000_000 })).expect(200);
      // Not yet approved: a lower figure in the next report is not measured against it.
      await submit(jul.id, reportBody({ spentToDateOre: 200_000_000, deviations: undefined })).expect(200);
      await review(apr.id, 'approve').expect(200);
      const lower = await submit(oct.id, reportBody({ spentToDateOre: 299_999_999, deviations: '  ' })).expect(422);
      expect(lower.body).toMatchObject({ type: 'urn:tilskud:problem:spent-decreased', previousSpentToDateOre: 300_000_000 });
      expect(lower.body.errors[0]).toMatchObject({ field: 'deviations' });
      expect(lower.body.errors[0].message).toContain('3.000.000 kr.');
      await submit(oct.id, reportBody({ spentToDateOre: 300_000_000, deviations: undefined })).expect(200);
      await review(oct.id, 'return', 'Ret tallene.').expect(200);
      await submit(oct.id, reportBody({ spentToDateOre: 250_000_000, deviations: 'En faktura var bogført to gange og er tilbageført.' })).expect(200);
    });

    it('approves the final report only when every status report is approved, naming those that are not', async () => {
      const award = await givenAward(api, people, programmeId, { startDate: '2021-01-01', endDate: '2022-12-31' });
      const [status, final] = await schedule(award.id);
      await submit(final.id).expect(200);
      const refused = await review(final.id, 'approve', 'Slutrapporten godkendes.').expect(409);
      expect(refused.body).toMatchObject({
        type: 'urn:tilskud:problem:reports-outstanding',
        outstanding: [{ kind: 'status', sequence: 1, dueDate: '2022-01-03', status: 'due' }],
      });
      expect(refused.body.detail).toContain('Statusrapport nr. 1 (frist 3. januar 2022)');
      expect((await api.http.get(`/api/v1/awards/${award.id}`).set(people.lead.bearer)).body.status).toBe('active');
      // Returning the final report is still possible.
      await review(final.id, 'return', 'Mangler forbrug.').expect(200);
      await submit(status.id).expect(200);
      await review(status.id, 'approve').expect(200);
      await submit(final.id).expect(200);
      await review(final.id, 'approve', 'Slutrapporten godkendes.').expect(200);
      expect((await api.http.get(`/api/v1/awards/${award.id}`).set(people.lead.bearer)).body.status).toBe('completed');
    });
  });

  it('refuses a bad submission with 400 and changes nothing', async () => {
    const award = await givenAward(api, people, programmeId);
    const [report] = await schedule(award.id);
    await submit(report.id, reportBody({ spentToDateOre: -1 })).expect(400);
    await submit(report.id, reportBody({ milestones: 'alle' })).expect(400);
    await submit(report.id, reportBody({ narrative: '' })).expect(400);
    expect((await schedule(award.id))[0].status).toBe('due');
    await review(report.id, 'approve').expect(409);
    await api.http.post(`/api/v1/reports/${report.id}/review`).set(people.decider.bearer).send({ outcome: 'return' }).expect(400);
  });

  it('is submitted by the project lead and reviewed by caseworkers', async () => {
    const award = await givenAward(api, people, programmeId);
    const [report] = await schedule(award.id);
    await submit(report.id, reportBody(), people.decider).expect(403);
    await submit(report.id).expect(200);
    await api.http.post(`/api/v1/reports/${report.id}/review`).set(people.lead.bearer).send({ outcome: 'approve', comment: 'Selvgodkendt' }).expect(403);
  });

  it('another kommune gets 404 on every report endpoint', async () => {
    const award = await givenAward(api, people, programmeId);
    const [report] = await schedule(award.id);
    await api.http.get(`/api/v1/awards/${award.id}/reports`).set(other.bearer).expect(404);
    await api.http.get(`/api/v1/reports/${report.id}`).set(other.bearer).expect(404);
    await submit(report.id, reportBody(), other).expect(404);
    const worklist = await api.http.get('/api/v1/reports').query({ limit: 200 }).set(other.bearer).expect(200);
    expect(worklist.body.items.map((r: Report) => r.awardId)).not.toContain(award.id);
  });

  it('the overdue worklist shows exactly the reports past due and not submitted', async () => {
    const programme = (await givenProgramme(api, await signedInAs(api, 'admin'), { statusReportIntervalMonths: 3 })).id;
    const award = await givenAward(api, people, programme, { startDate: '2021-01-01', endDate: '2022-12-31' });
    // Status reports due 2021-04-01, 07-01, 10-01, 2022-01-01, 04-01, 07-01, 10-01; today is 2022-03-01.
    const reports = await schedule(award.id);
    const [apr, jul, oct, jan] = reports;
    await submit(apr.id).expect(200);
    await submit(jul.id).expect(200);
    await review(jul.id, 'return', 'Mangler tal for forbrug.').expect(200);
    await submit(oct.id).expect(200);
    await review(oct.id, 'approve').expect(200);

    const overdue = await api.http
      .get('/api/v1/reports')
      .query({ status: 'overdue', programmeId: programme, limit: 200 })
      .set(people.decider.bearer)
      .expect(200);
    expect(overdue.body.items.map((r: Report) => r.id)).toEqual([jul.id, jan.id]);
    expect(overdue.body.items.every((r: Report) => r.overdue)).toBe(true);
    expect((await schedule(award.id)).filter((r) => r.overdue).map((r) => r.id)).toEqual([jul.id, jan.id]);

    clock.set(new Date('2022-04-02T08:00:00Z'));
    try {
      // A month on, the old sign-in has expired: sign in again.
      const caseworker = await signedInAs(api, 'caseworker');
      const later = await api.http.get('/api/v1/reports').query({ status: 'overdue', programmeId: programme }).set(caseworker.bearer).expect(200);
      expect(later.body.items.map((r: Report) => r.dueDate)).toEqual(['2021-07-01', '2022-01-03', '2022-04-01']);
    } finally {
      clock.set(new Date('2022-03-01T08:00:00Z'));
    }
  });

  it('filters the worklist by kind, due date and kommune, in due-date order, page by page', async () => {
    const programme = (await givenProgramme(api, await signedInAs(api, 'admin'), { statusReportIntervalMonths: 6 })).id;
    await givenAward(api, people, programme, { startDate: '2021-01-01', endDate: '2022-12-31' });
    const finals = await api.http.get('/api/v1/reports').query({ programmeId: programme, kind: 'final' }).set(people.decider.bearer).expect(200);
    expect(finals.body.items.map((r: Report) => r.dueDate)).toEqual(['2023-03-31']);
    const early = await api.http.get('/api/v1/reports').query({ programmeId: programme, dueBefore: '2021-12-31' }).set(people.decider.bearer).expect(200);
    expect(early.body.items.map((r: Report) => r.dueDate)).toEqual(['2021-07-01']);
    const mine = await api.http.get('/api/v1/reports').query({ programmeId: programme, municipalityCode: '540' }).set(people.decider.bearer).expect(200);
    expect(mine.body.items).toHaveLength(4);
    const none = await api.http.get('/api/v1/reports').query({ programmeId: programme, municipalityCode: '101' }).set(people.decider.bearer).expect(200);
    expect(none.body.items).toHaveLength(0);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.http
        .get('/api/v1/reports')
        .query({ programmeId: programme, limit: 1, ...(cursor ? { cursor } : {}) })
        .set(people.decider.bearer)
        .expect(200);
      seen.push(...page.body.items.map((r: Report) => r.dueDate));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['2021-07-01', '2022-01-03', '2022-07-01', '2023-03-31']);
    await api.http.get('/api/v1/reports').query({ status: 'late' }).set(people.decider.bearer).expect(400);
    await api.http.get('/api/v1/reports').query({ dueBefore: '2022-02-30' }).set(people.decider.bearer).expect(400);
  });
});
