import pg from 'pg';
import { ManualClock } from '../../libs/core/time/clock.js';
import { assessmentBody, givenAssessed, givenAward, givenProgramme, givenSubmitted, reportBody } from '../support/grant-case.js';
import { planOf, type SentQuery } from '../support/query-plans.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

type Counts = Record<
  | 'awaitingAssessment'
  | 'awaitingMyDecision'
  | 'reportsToReview'
  | 'extensionsToDecide'
  | 'overdueReports'
  | 'accessRequestsOpen'
  | 'accessRequestsOverdue'
  | 'instalmentsReady'
  | 'finalAccountsToReview'
  | 'repaymentsOpen'
  | 'repaymentsOverdue',
  number
>;

/**
 * The caseworker's queues at a glance (`GET /worklist/counts`): each count is the length of the list
 * it leads to, with the same filters, for whoever asks; and each is counted on an index.
 */
describe('the worklist’s counts', () => {
  // Inside the awards' period: their first status report (due 3 January 2022) is overdue, and can be submitted.
  const clock = new ManualClock(new Date('2022-01-15T08:00:00Z'));
  let api: TestApp;
  let admin: SignedInUser;
  let lead: SignedInUser;
  let other: SignedInUser;
  let assessor: SignedInUser;
  let decider: SignedInUser;
  let programme: { id: string };
  /** The money after the award (final accounts, repayment claims) in a programme of its own, so the first one's counts stay as they are. */
  let money: { id: string };

  beforeAll(async () => {
    api = await createTestApp({ clock });
    admin = await signedInAs(api, 'admin');
    lead = await signedInAs(api, 'project_lead', '561');
    other = await signedInAs(api, 'project_lead', '563');
    assessor = await signedInAs(api, 'caseworker');
    decider = await signedInAs(api, 'caseworker');
    programme = await givenProgramme(api, admin);
    const people = { lead, assessor, decider };

    // Awards, each with its first status report overdue: one submitted (to review), two with an extension asked for.
    const reviewed = await givenAward(api, people, programme.id);
    const [report] = (await api.http.get(`/api/v1/awards/${reviewed.id}/reports`).set(lead.bearer).expect(200)).body;
    await api.http.post(`/api/v1/reports/${report.id}/submit`).set(lead.bearer).send(reportBody()).expect(200);
    await api.http.post(`/api/v1/applications/${reviewed.applicationId}/assign`).set(admin.bearer).send({ assigneeId: decider.user.id }).expect(200);
    for (const [owner, award] of [
      [lead, await givenAward(api, people, programme.id)],
      [other, await givenAward(api, { ...people, lead: other }, programme.id)],
    ] as const) {
      await api.http
        .post(`/api/v1/awards/${award.id}/extension-requests`)
        .set(owner.bearer)
        .send({ months: 2, reason: 'covid19', justification: 'Nedlukningen forsinkede afprøvningen.' })
        .expect(201);
    }

    // Applications in each state before a decision.
    const mine = await givenSubmitted(api, lead, programme.id);
    await api.http.post(`/api/v1/applications/${mine.id}/assign`).set(admin.bearer).send({ assigneeId: decider.user.id }).expect(200);
    await givenSubmitted(api, lead, programme.id);
    const theirs = await givenSubmitted(api, other, programme.id);
    // Access requests: one on the decider's case past its deadline (12 January), one on Fanø's case still open.
    const accessRequest = (applicationId: string, receivedOn: string) =>
      api.http
        .post('/api/v1/access-requests')
        .set(admin.bearer)
        .send({ applicationId, requester: 'Jens Journalist', kind: 'aktindsigt', receivedOn })
        .expect(201);
    await accessRequest(mine.id, '2022-01-03');
    await accessRequest(theirs.id, '2022-01-14');
    const inAssessment = await givenSubmitted(api, lead, programme.id);
    await api.http.put(`/api/v1/applications/${inAssessment.id}/assessment`).set(assessor.bearer).send(assessmentBody()).expect(200);
    const toDecide = await givenAssessed(api, people, programme.id);
    await api.http.post(`/api/v1/applications/${toDecide.id}/assign`).set(admin.bearer).send({ assigneeId: assessor.user.id }).expect(200);
    await givenAssessed(api, people, programme.id);
    await givenAssessed(api, { ...people, lead: other }, programme.id);
    await givenAssessed(api, { lead, assessor: decider }, programme.id);

    // Final accounts and repayment claims. Each award's first instalment (50 %) is paid; final accounts
    // that spent less than that make a claim for the difference, due 30 days after their approval.
    money = await givenProgramme(api, admin, { auditorStatementThresholdOre: 100_000_000_000 });
    const paidAward = async (who: SignedInUser) => {
      const award = await givenAward(api, { ...people, lead: who }, money.id);
      const [first] = (await api.http.get(`/api/v1/awards/${award.id}/instalments`).set(who.bearer).expect(200)).body;
      await api.http.post(`/api/v1/instalments/${first.id}/approve`).set(assessor.bearer).expect(200);
      await api.http
        .post(`/api/v1/payments/${first.id}/paid`)
        .set(admin.bearer)
        .send({ paidOn: '2021-11-01', reference: `NAV-${award.caseNumber}` })
        .expect(200);
      return award;
    };
    const fileAccounts = async (who: SignedInUser, awardId: string) =>
      (
        await api.http
          .post(`/api/v1/awards/${awardId}/final-accounts`)
          .set(who.bearer)
          .send({ spentOre: 100_000_000, budgetLines: [{ label: 'Løn', budgetOre: 200_000_000, spentOre: 100_000_000 }] })
          .expect(201)
      ).body as { id: string };
    const approve = (accountId: string) =>
      api.http
        .post(`/api/v1/final-accounts/${accountId}/review`)
        .set(decider.bearer)
        .send({ outcome: 'approve', comment: 'Regnskabet er i orden.' })
        .expect(200);
    // Approved on 1 December 2021: the claim was due on 31 December, and is past it.
    clock.set(new Date('2021-12-01T09:00:00Z'));
    const overdue = await paidAward(lead);
    await approve((await fileAccounts(lead, overdue.id)).id);
    await api.http.post(`/api/v1/applications/${overdue.applicationId}/assign`).set(admin.bearer).send({ assigneeId: decider.user.id }).expect(200);
    clock.set(new Date('2022-01-15T08:00:00Z'));
    // Approved today: due 14 February, open and not past it (Fanø's).
    const open = await paidAward(other);
    await approve((await fileAccounts(other, open.id)).id);
    // Filed and waiting for review: one of each kommune; one returned (no longer waiting).
    await fileAccounts(lead, (await paidAward(lead)).id);
    await fileAccounts(other, (await paidAward(other)).id);
    const returnedAward = await paidAward(lead);
    await api.http
      .post(`/api/v1/final-accounts/${(await fileAccounts(lead, returnedAward.id)).id}/review`)
      .set(decider.bearer)
      .send({ outcome: 'return', comment: 'Lønnen skal fordeles på to linjer.' })
      .expect(200);
  });
  afterAll(() => api.close());

  const counts = async (who: SignedInUser, query: Record<string, string>): Promise<Counts> =>
    (await api.http.get('/api/v1/worklist/counts').query(query).set(who.bearer).expect(200)).body;

  /** How many items a list holds for `who`, following its cursors to the end. */
  async function lengthOf(path: string, query: Record<string, string>, who: SignedInUser): Promise<number> {
    let length = 0;
    let cursor: string | undefined;
    do {
      const page = await api.http
        .get(path)
        .query({ ...query, limit: 200, ...(cursor ? { cursor } : {}) })
        .set(who.bearer)
        .expect(200);
      length += page.body.items.length;
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    return length;
  }

  /** What the lists show, for the same filters: each count's definition. */
  async function listed(who: SignedInUser, query: Record<string, string>): Promise<Counts> {
    return {
      awaitingAssessment:
        (await lengthOf('/api/v1/applications', { ...query, status: 'submitted' }, who)) +
        (await lengthOf('/api/v1/applications', { ...query, status: 'in_assessment' }, who)),
      awaitingMyDecision: await lengthOf('/api/v1/applications', { ...query, decidableBy: 'me' }, who),
      reportsToReview: await lengthOf('/api/v1/reports', { ...query, status: 'submitted' }, who),
      extensionsToDecide: await lengthOf('/api/v1/extension-requests', { ...query, status: 'submitted' }, who),
      overdueReports: await lengthOf('/api/v1/reports', { ...query, status: 'overdue' }, who),
      accessRequestsOpen: await lengthOf('/api/v1/access-requests', { ...query, status: 'open' }, who),
      accessRequestsOverdue: await lengthOf('/api/v1/access-requests', { ...query, status: 'overdue' }, who),
      instalmentsReady: await lengthOf('/api/v1/instalments', { ...query, status: 'ready' }, who),
      finalAccountsToReview: await lengthOf('/api/v1/final-accounts', { ...query, status: 'submitted' }, who),
      repaymentsOpen: await lengthOf('/api/v1/repayments', { ...query, status: 'open' }, who),
      repaymentsOverdue: await lengthOf('/api/v1/repayments', { ...query, status: 'overdue' }, who),
    };
  }

  it('counts each queue of a programme', async () => {
    expect(await counts(decider, { programmeId: programme.id })).toEqual({
      awaitingAssessment: 4,
      awaitingMyDecision: 3,
      reportsToReview: 1,
      extensionsToDecide: 2,
      overdueReports: 2,
      accessRequestsOpen: 2,
      accessRequestsOverdue: 1,
      // Each award's first instalment, ready since the award.
      instalmentsReady: 3,
      finalAccountsToReview: 0,
      repaymentsOpen: 0,
      repaymentsOverdue: 0,
    });
    // The assessor may decide only the one case someone else assessed; an administrator decides nothing.
    expect(await counts(assessor, { programmeId: programme.id })).toMatchObject({ awaitingMyDecision: 1, awaitingAssessment: 4 });
    expect(await counts(admin, { programmeId: programme.id })).toMatchObject({ awaitingMyDecision: 0, awaitingAssessment: 4 });
  });

  it('gives, for every filter and caller, exactly what the lists show', async () => {
    const filters: Array<Record<string, string>> = [
      {},
      { municipalityCode: '561' },
      { municipalityCode: '0563' },
      { municipalityCode: '101' },
      { assigneeId: 'me' },
      { assigneeId: 'none' },
      { assigneeId: assessor.user.id },
      { assigneeId: 'none', municipalityCode: '561' },
    ];
    for (const who of [decider, assessor, admin]) {
      for (const filter of filters) {
        // Always within this test's programme: other tests add cases of their own meanwhile.
        const query = { programmeId: programme.id, ...filter };
        expect({ role: who.user.role, query, counts: await counts(who, query) }).toEqual({ role: who.user.role, query, counts: await listed(who, query) });
      }
    }
    expect(await counts(decider, { programmeId: programme.id, assigneeId: 'me' })).toEqual({
      awaitingAssessment: 1,
      awaitingMyDecision: 0,
      reportsToReview: 1,
      extensionsToDecide: 0,
      overdueReports: 0,
      accessRequestsOpen: 1,
      accessRequestsOverdue: 1,
      instalmentsReady: 1,
      finalAccountsToReview: 0,
      repaymentsOpen: 0,
      repaymentsOverdue: 0,
    });
    expect(await counts(decider, { programmeId: programme.id, municipalityCode: '563' })).toEqual({
      awaitingAssessment: 1,
      awaitingMyDecision: 1,
      reportsToReview: 0,
      extensionsToDecide: 1,
      overdueReports: 1,
      accessRequestsOpen: 1,
      accessRequestsOverdue: 0,
      instalmentsReady: 1,
      finalAccountsToReview: 0,
      repaymentsOpen: 0,
      repaymentsOverdue: 0,
    });
  });

  it('counts the final accounts to review and the open repayment claims, those past their due date apart, as their lists show them', async () => {
    expect(await counts(decider, { programmeId: money.id })).toMatchObject({ finalAccountsToReview: 2, repaymentsOpen: 2, repaymentsOverdue: 1 });
    expect(await counts(decider, { programmeId: money.id, municipalityCode: '563' })).toMatchObject({
      finalAccountsToReview: 1,
      repaymentsOpen: 1,
      repaymentsOverdue: 0,
    });
    expect(await counts(decider, { programmeId: money.id, assigneeId: 'me' })).toMatchObject({
      finalAccountsToReview: 0,
      repaymentsOpen: 1,
      repaymentsOverdue: 1,
    });
    const filters: Array<Record<string, string>> = [{}, { municipalityCode: '561' }, { municipalityCode: '563' }, { assigneeId: 'me' }, { assigneeId: 'none' }];
    for (const who of [decider, admin]) {
      for (const filter of filters) {
        const query = { programmeId: money.id, ...filter };
        expect({ query, counts: await counts(who, query) }).toEqual({ query, counts: await listed(who, query) });
      }
    }
    // The lists' own answers: the case to link to, the kommune; a project lead gets 403.
    const [filed] = (
      await api.http
        .get('/api/v1/final-accounts')
        .query({ programmeId: money.id, status: 'submitted', municipalityCode: '563' })
        .set(decider.bearer)
        .expect(200)
    ).body.items;
    expect(filed).toMatchObject({ municipalityCode: '563', filingNo: 1, spentOre: 100_000_000, status: 'submitted' });
    expect(filed.applicationId).toEqual(expect.any(String));
    await api.http.get('/api/v1/final-accounts').set(lead.bearer).expect(403);
    await api.http.get('/api/v1/repayments').set(lead.bearer).expect(403);
    const bad = await api.http.get('/api/v1/final-accounts').query({ status: 'filed' }).set(decider.bearer).expect(400);
    expect(bad.body.errors[0].field).toBe('status');
  });

  it('counts each queue on an index, reading no rows to count them', async () => {
    const sent: SentQuery[] = [];
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const [text, values] = args;
      if (typeof text === 'string' && text.includes('count(*)')) sent.push({ text, values: Array.isArray(values) ? values : [] });
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      await counts(decider, {});
      await counts(decider, { assigneeId: 'me' });
    } finally {
      pg.Client.prototype.query = original;
    }
    expect(sent).toHaveLength(22);
    // Across every programme, the applications' queues are a range of the status index, not a walk of all cases.
    for (const query of sent.slice(0, 2)) {
      expect(await planOf(query, { enable_seqscan: 'off' })).toMatch(/(using|on) application_status_created_idx[^\n]*\n[^\n]*Index Cond: \(status = /);
    }
    for (const query of sent) {
      // Table scans priced out: a plan that still has one has no index for the count's conditions.
      const plan = await planOf(query, { enable_seqscan: 'off', enable_bitmapscan: 'on' });
      expect({ query: query.text, plan }).toEqual({ query: query.text, plan: expect.not.stringMatching(/Seq Scan/) });
      // The queue's own table is reached by its conditions (an index condition, or a partial index that
      // holds just the pending requests), not read whole.
      expect({ query: query.text, plan }).toEqual({
        query: query.text,
        plan: expect.stringMatching(/Index Cond: [^\n]*(status|assignee_id)|using (extension_request_one_pending_idx|final_account_one_open_idx)/),
      });
    }
  });

  it('is the ministry’s: a project lead gets 403; a filter that is not one is 400', async () => {
    const refused = await api.http.get('/api/v1/worklist/counts').set(lead.bearer).expect(403);
    expect(refused.body.type).toBe('urn:tilskud:problem:forbidden');
    await api.http.get('/api/v1/worklist/counts').expect(401);
    for (const query of [{ programmeId: 'x' }, { municipalityCode: '12' }, { assigneeId: 'someone' }, { status: 'submitted' }]) {
      const bad = await api.http.get('/api/v1/worklist/counts').query(query).set(decider.bearer).expect(400);
      expect(bad.body.type).toBe('urn:tilskud:problem:validation-failed');
    }
  });

  it('the extension worklist takes a kommune, as the other worklists do', async () => {
    const theirs = (
      await api.http.get('/api/v1/extension-requests').query({ programmeId: programme.id, municipalityCode: '563' }).set(decider.bearer).expect(200)
    ).body.items;
    expect(theirs).toHaveLength(1);
    expect(theirs[0].municipalityName).toBe('Fanø Kommune');
    expect(
      (await api.http.get('/api/v1/extension-requests').query({ programmeId: programme.id, municipalityCode: '101' }).set(decider.bearer).expect(200)).body
        .items,
    ).toEqual([]);
    // A project lead's list stays their kommune's whatever they ask.
    expect((await api.http.get('/api/v1/extension-requests').query({ municipalityCode: '563' }).set(lead.bearer).expect(200)).body.items).toEqual([]);
  });
});
