import { ManualClock } from '../../libs/core/time/clock.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';
import { givenAward, givenProgramme, SUBSTANTIVE_EXTENSION_REJECTION } from '../support/grant-case.js';

describe('COVID-19 extension requests', () => {
  const clock = new ManualClock(new Date('2021-06-01T08:00:00Z'));
  let api: TestApp;
  let people: { lead: SignedInUser; assessor: SignedInUser; decider: SignedInUser };
  let other: SignedInUser;
  let coApplicant: SignedInUser;
  let programmeId: string;
  beforeAll(async () => {
    api = await createTestApp({ clock });
    people = {
      lead: await signedInAs(api, 'project_lead', '461'),
      assessor: await signedInAs(api, 'caseworker'),
      decider: await signedInAs(api, 'caseworker'),
    };
    other = await signedInAs(api, 'project_lead', '101');
    coApplicant = await signedInAs(api, 'project_lead', '751');
    programmeId = (await givenProgramme(api, await signedInAs(api, 'admin'))).id;
  });
  afterAll(() => api.close());
  const request = (awardId: string, months: number, who = people.lead) =>
    api.http
      .post(`/api/v1/awards/${awardId}/extension-requests`)
      .set(who.bearer)
      .send({ months, reason: 'covid19', justification: 'Nedlukningen forsinkede afprøvningen.' });
  const decide = (id: string, body: Record<string, unknown>) =>
    api.http.post(`/api/v1/extension-requests/${id}/decision`).set(people.decider.bearer).send(body);
  const award = async (id: string) => (await api.http.get(`/api/v1/awards/${id}`).set(people.lead.bearer).expect(200)).body;
  const finalReport = async (id: string) =>
    (await api.http.get(`/api/v1/awards/${id}/reports`).set(people.lead.bearer).expect(200)).body.find((r: { kind: string }) => r.kind === 'final');

  it('4 + 2 months are approved; a further month is refused with 422 naming 0 months left', async () => {
    const { id } = await givenAward(api, people, programmeId);
    const four = await request(id, 4).expect(201);
    expect(four.body).toMatchObject({ status: 'submitted', months: 4, reason: 'covid19' });
    const approved = await decide(four.body.id, { outcome: 'approve', rationale: 'Godkendt som ansøgt.' }).expect(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      approvedMonths: 4,
      endDateBefore: '2022-06-30',
      endDateAfter: '2022-10-31',
      award: { endDate: '2022-10-31', approvedExtensionMonths: 4 },
    });

    const two = await request(id, 2).expect(201);
    await decide(two.body.id, { outcome: 'approve', rationale: 'Godkendt som ansøgt.' }).expect(200);
    expect(await award(id)).toMatchObject({ endDate: '2022-12-31', originalEndDate: '2022-06-30', approvedExtensionMonths: 6 });

    const more = await request(id, 1).expect(422);
    expect(more.body).toMatchObject({ type: 'urn:tilskud:problem:extension-months-exceeded', monthsAvailable: 0 });
    expect(more.body.detail).toContain('der er 0 måneder tilbage.');
  });

  it('the award answers the months still available: the approved ones count, a pending request does not, as the request rule counts them', async () => {
    const { id } = await givenAward(api, people, programmeId);
    const months = async () => {
      const [one, list] = [
        await award(id),
        (await api.http.get('/api/v1/awards').query({ programmeId, limit: 200 }).set(people.decider.bearer).expect(200)).body,
      ];
      const listed = list.items.find((item: { id: string }) => item.id === id);
      expect(listed.extensionMonthsLeft).toBe(one.extensionMonthsLeft);
      return one.extensionMonthsLeft;
    };
    expect(await months()).toBe(6);
    const pending = await request(id, 2).expect(201);
    expect(await months()).toBe(6);
    await decide(pending.body.id, { outcome: 'approve', rationale: 'Godkendt som ansøgt.' }).expect(200);
    expect(await months()).toBe(4);
    // What the award says is left is exactly what a request may ask for.
    expect((await request(id, 5).expect(422)).body.monthsAvailable).toBe(4);
    const rest = await request(id, 4).expect(201);
    await decide(rest.body.id, { outcome: 'approve', rationale: 'Godkendt som ansøgt.' }).expect(200);
    expect(await months()).toBe(0);
    // A programme that allows no extension leaves none.
    const none = await givenProgramme(api, await signedInAs(api, 'admin'), { maxCovidExtensionMonths: 0 });
    await givenAward(api, people, none.id);
    const [only] = (await api.http.get('/api/v1/awards').query({ programmeId: none.id }).set(people.lead.bearer).expect(200)).body.items;
    expect(only.extensionMonthsLeft).toBe(0);
  });

  it('refuses 7 months with 422, saying 6 are available', async () => {
    const { id } = await givenAward(api, people, programmeId);
    const response = await request(id, 7).expect(422);
    expect(response.body.monthsAvailable).toBe(6);
    expect(response.body.detail).toBe('7 måneder ville overskride puljens grænse på 6 måneders COVID-19-forlængelse; der er 6 måneder tilbage.');
    expect(response.body.errors).toEqual([{ field: 'months', message: 'må højst være 6' }]);
    await request(id, 0).expect(400);
  });

  it('moves the final report’s due date with the end date', async () => {
    const { id } = await givenAward(api, people, programmeId);
    expect((await finalReport(id)).dueDate).toBe('2022-09-30');
    const pending = await request(id, 3).expect(201);
    await decide(pending.body.id, { outcome: 'approve', rationale: 'Godkendt som ansøgt.' }).expect(200);
    // 30 June + 3 months ends with September (a month end stays one); the final report 3 months on is due
    // 31 December, a closure day and a Saturday, and New Year falls on the Sunday: Monday 2 January.
    expect((await finalReport(id)).dueDate).toBe('2023-01-02');
  });

  it('may approve fewer months, with the main considerations', async () => {
    const { id } = await givenAward(api, people, programmeId);
    const pending = await request(id, 5).expect(201);
    await decide(pending.body.id, { outcome: 'approve', approvedMonths: 2, rationale: 'Kort.' }).expect(422);
    await decide(pending.body.id, { outcome: 'approve', approvedMonths: 6, rationale: SUBSTANTIVE_EXTENSION_REJECTION }).expect(400);
    const partial = await decide(pending.body.id, { outcome: 'approve', approvedMonths: 2, rationale: SUBSTANTIVE_EXTENSION_REJECTION }).expect(200);
    expect(partial.body).toMatchObject({ approvedMonths: 2, award: { endDate: '2022-08-31', approvedExtensionMonths: 2 } });
  });

  it('a rejection changes nothing but the request', async () => {
    const { id } = await givenAward(api, people, programmeId);
    const before = await award(id);
    const reportsBefore = (await api.http.get(`/api/v1/awards/${id}/reports`).set(people.lead.bearer)).body;
    const pending = await request(id, 3).expect(201);
    await decide(pending.body.id, { outcome: 'reject', rationale: 'Afslag.' }).expect(422);
    const rejected = await decide(pending.body.id, { outcome: 'reject', rationale: SUBSTANTIVE_EXTENSION_REJECTION }).expect(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      approvedMonths: null,
      rationale: SUBSTANTIVE_EXTENSION_REJECTION,
      award: { endDate: '2022-06-30' },
    });
    expect(await award(id)).toEqual(before);
    expect((await api.http.get(`/api/v1/awards/${id}/reports`).set(people.lead.bearer)).body).toEqual(reportsBefore);
    await decide(pending.body.id, { outcome: 'approve', rationale: 'Godkendt som ansøgt.' }).expect(409);
  });

  it('allows one pending request at a time, and a withdrawn one frees the place', async () => {
    const { id } = await givenAward(api, people, programmeId);
    const first = await request(id, 2).expect(201);
    const second = await request(id, 1).expect(409);
    expect(second.body.type).toBe('urn:tilskud:problem:extension-pending');
    const racing = await Promise.all([request(id, 1), request(id, 1)]);
    expect(racing.map((r) => r.status)).toEqual([409, 409]);

    await api.http.post(`/api/v1/extension-requests/${first.body.id}/withdraw`).set(people.lead.bearer).expect(200);
    await request(id, 1).expect(201);
    await api.http.post(`/api/v1/extension-requests/${first.body.id}/withdraw`).set(people.lead.bearer).expect(409);
  });

  it('is withdrawn by a project lead of the lead kommune while undecided: 200, audited, and the award is free again', async () => {
    const admin = await signedInAs(api, 'admin');
    const { id } = await givenAward(api, people, programmeId, undefined, { coApplicantCodes: ['751'] });
    const pending = await request(id, 2).expect(201);
    expect(pending.body.withdrawnAt).toBeNull();
    const withdraw = (requestId: string, who: SignedInUser) => api.http.post(`/api/v1/extension-requests/${requestId}/withdraw`).set(who.bearer);

    expect((await withdraw(pending.body.id, people.decider).expect(403)).body.type).toBe('urn:tilskud:problem:forbidden');
    expect((await withdraw(pending.body.id, coApplicant).expect(403)).body.type).toBe('urn:tilskud:problem:not-owner');
    await withdraw(pending.body.id, other).expect(404);

    const withdrawn = await withdraw(pending.body.id, people.lead).expect(200);
    expect(withdrawn.body).toMatchObject({ id: pending.body.id, status: 'withdrawn', withdrawnAt: clock.now().toISOString(), decidedAt: null, months: 2 });
    const listed = (await api.http.get(`/api/v1/awards/${id}/extension-requests`).set(people.lead.bearer).expect(200)).body;
    expect(listed).toEqual([expect.objectContaining({ id: pending.body.id, status: 'withdrawn' })]);
    const waiting = await api.http.get('/api/v1/extension-requests').query({ status: 'submitted', limit: 200 }).set(people.decider.bearer).expect(200);
    expect(waiting.body.items.map((r: { id: string }) => r.id)).not.toContain(pending.body.id);

    const trail = await api.http
      .get('/api/v1/audit-events')
      .query({ entityType: 'extension_request', entityId: pending.body.id })
      .set(admin.bearer)
      .expect(200);
    const event = trail.body.items.find((e: { action: string }) => e.action === 'extension.withdrawn');
    expect(event).toMatchObject({
      actorId: people.lead.user.id,
      before: { status: 'submitted' },
      after: { status: 'withdrawn', withdrawnAt: clock.now().toISOString() },
    });

    const again = await withdraw(pending.body.id, people.lead).expect(409);
    expect(again.body).toMatchObject({ type: 'urn:tilskud:problem:illegal-transition', currentStatus: 'withdrawn' });
    expect(again.body.detail).toBe('En anmodning om forlængelse, der er trukket tilbage, kan ikke trækkes tilbage.');
    await decide(pending.body.id, { outcome: 'approve', rationale: 'Godkendt som ansøgt.' }).expect(409);
    // The award takes a new request at once.
    await request(id, 1).expect(201);
  });

  it('refuses to withdraw a decided request with 409, saying why in Danish', async () => {
    const { id } = await givenAward(api, people, programmeId);
    const approved = await request(id, 1).expect(201);
    await decide(approved.body.id, { outcome: 'approve', rationale: 'Godkendt som ansøgt.' }).expect(200);
    const late = await api.http.post(`/api/v1/extension-requests/${approved.body.id}/withdraw`).set(people.lead.bearer).expect(409);
    expect(late.body).toMatchObject({ type: 'urn:tilskud:problem:illegal-transition', currentStatus: 'approved' });
    expect(late.body.detail).toMatch(/^En anmodning om forlængelse, der .+, kan ikke trækkes tilbage\.$/);

    // A moment later: the award's requests are listed by when they were made, and at one moment by their random ids.
    clock.advance(1_000);
    const rejected = await request(id, 1).expect(201);
    await decide(rejected.body.id, { outcome: 'reject', rationale: SUBSTANTIVE_EXTENSION_REJECTION }).expect(200);
    const refused = await api.http.post(`/api/v1/extension-requests/${rejected.body.id}/withdraw`).set(people.lead.bearer).expect(409);
    expect(refused.body.currentStatus).toBe('rejected');
    expect((await api.http.get(`/api/v1/awards/${id}/extension-requests`).set(people.lead.bearer)).body.map((r: { status: string }) => r.status)).toEqual([
      'approved',
      'rejected',
    ]);
  });

  it('refuses a request on or after the current end date', async () => {
    const { id } = await givenAward(api, people, programmeId, { startDate: '2021-01-01', endDate: '2021-06-01' });
    const response = await request(id, 2).expect(422);
    expect(response.body).toMatchObject({ type: 'urn:tilskud:problem:after-end-date', endDate: '2021-06-01' });
    clock.set(new Date('2021-05-31T21:59:00Z'));
    try {
      await request(id, 2).expect(201);
    } finally {
      clock.set(new Date('2021-06-01T08:00:00Z'));
    }
  });

  it('another kommune gets 404 on every extension endpoint', async () => {
    const { id } = await givenAward(api, people, programmeId);
    const pending = await request(id, 2).expect(201);
    await request(id, 1, other).expect(404);
    await api.http.get(`/api/v1/awards/${id}/extension-requests`).set(other.bearer).expect(404);
    await api.http.post(`/api/v1/extension-requests/${pending.body.id}/withdraw`).set(other.bearer).expect(404);
    const worklist = await api.http.get('/api/v1/extension-requests').query({ limit: 200 }).set(other.bearer).expect(200);
    expect(worklist.body.items.map((r: { id: string }) => r.id)).not.toContain(pending.body.id);
    await api.http.get(`/api/v1/awards/${id}`).set(other.bearer).expect(404);
  });

  it('a co-applicant kommune sees a joint award’s requests but does not file them', async () => {
    const { id } = await givenAward(api, people, programmeId, undefined, { coApplicantCodes: ['751'] });
    await api.http.get(`/api/v1/awards/${id}`).set(coApplicant.bearer).expect(200);
    await request(id, 1, coApplicant).expect(403);
    await request(id, 1).expect(201);
    expect((await api.http.get(`/api/v1/awards/${id}/extension-requests`).set(coApplicant.bearer).expect(200)).body).toHaveLength(1);
  });

  it('the caseworkers’ worklist shows waiting requests oldest first', async () => {
    const first = await givenAward(api, people, programmeId);
    const second = await givenAward(api, people, programmeId);
    clock.advance(1000);
    const older = await request(first.id, 1).expect(201);
    clock.advance(1000);
    const newer = await request(second.id, 1).expect(201);
    const worklist = await api.http.get('/api/v1/extension-requests').query({ status: 'submitted', limit: 200 }).set(people.decider.bearer).expect(200);
    const ids = worklist.body.items.map((r: { id: string }) => r.id);
    expect(ids.indexOf(older.body.id)).toBeLessThan(ids.indexOf(newer.body.id));
    expect(worklist.body.items.every((r: { status: string }) => r.status === 'submitted')).toBe(true);
    const times = worklist.body.items.map((r: { requestedAt: string }) => r.requestedAt);
    expect(times).toEqual([...times].sort());
  });

  it('is filed by project leads and decided by caseworkers only', async () => {
    const { id } = await givenAward(api, people, programmeId);
    await request(id, 1, people.decider).expect(403);
    const pending = await request(id, 1).expect(201);
    await api.http
      .post(`/api/v1/extension-requests/${pending.body.id}/decision`)
      .set(people.lead.bearer)
      .send({ outcome: 'approve', rationale: 'Selvgodkendt.' })
      .expect(403);
  });
});
