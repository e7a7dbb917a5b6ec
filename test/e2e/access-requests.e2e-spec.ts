import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ManualClock } from '../../libs/core/time/clock.js';
import { loadMessageContext, reminderMessage } from '../../libs/reminders/reminder-messages.js';
import { givenDraft, givenProgramme, givenSubmitted } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

/** Access requests (aktindsigt): registered by the ministry, due 7 working days after receipt, reminded 2 working days before. */
describe('access requests', () => {
  // Tuesday 31 March 2026, the week before Easter.
  const clock = new ManualClock(new Date('2026-03-31T10:00:00Z'));
  let api: TestApp;
  let admin: SignedInUser;
  let caseworker: SignedInUser;
  let colleague: SignedInUser;
  let lead: SignedInUser;
  let programme: { id: string };
  let application: { id: string; caseNumber: string };

  beforeAll(async () => {
    api = await createTestApp({ clock });
    admin = await signedInAs(api, 'admin');
    caseworker = await signedInAs(api, 'caseworker');
    colleague = await signedInAs(api, 'caseworker');
    lead = await signedInAs(api, 'project_lead', '813');
    programme = await givenProgramme(api, admin);
    application = await givenSubmitted(api, lead, programme.id);
  });
  afterEach(() => clock.set(new Date('2026-03-31T10:00:00Z')));
  afterAll(() => api.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    applicationId: application.id,
    requester: 'Jens Journalist',
    requesterEmail: 'jens@avisen.dk',
    kind: 'aktindsigt',
    receivedOn: '2026-03-31',
    ...overrides,
  });
  const register = (who: SignedInUser, overrides: Record<string, unknown> = {}) =>
    api.http.post('/api/v1/access-requests').set(who.bearer).send(body(overrides));
  const remindersOf = (id: string): Promise<Array<{ recipient_id: string; send_at: Date; due_date: string; status: string }>> =>
    api.app
      .get<DataSource>(getDataSourceToken())
      .query(`SELECT recipient_id, send_at, due_date::text, status FROM reminder WHERE subject_type = 'access_request' AND subject_id = $1`, [id]);
  const counts = async () =>
    (await api.http.get('/api/v1/worklist/counts').query({ programmeId: programme.id }).set(caseworker.bearer).expect(200)).body as {
      accessRequestsOpen: number;
      accessRequestsOverdue: number;
    };

  it('sets the deadline 7 working days after receipt, past the Easter holidays, and reminds every caseworker of an unassigned case', async () => {
    const { body: request } = await register(caseworker).expect(201);
    expect(request).toMatchObject({
      applicationId: application.id,
      caseNumber: application.caseNumber,
      requester: 'Jens Journalist',
      requesterEmail: 'jens@avisen.dk',
      kind: 'aktindsigt',
      receivedOn: '2026-03-31',
      // Maundy Thursday, Good Friday and Easter Monday are not working days.
      dueDate: '2026-04-14',
      status: 'open',
      overdue: false,
      createdBy: caseworker.user.id,
    });
    const reminders = await remindersOf(request.id);
    expect(reminders.map((reminder) => reminder.recipient_id)).toEqual(expect.arrayContaining([caseworker.user.id, colleague.user.id]));
    // Friday 10 April, two working days before, 08:00 Copenhagen time (summer time).
    for (const reminder of reminders)
      expect(reminder).toMatchObject({ send_at: new Date('2026-04-10T06:00:00Z'), due_date: '2026-04-14', status: 'scheduled' });
  });

  it('words the reminder in Danish, naming the case, the requester and the deadline', async () => {
    const { body: request } = await register(caseworker).expect(201);
    const context = await loadMessageContext(api.app.get<DataSource>(getDataSourceToken()).manager, 'access_request', request.id);
    expect(context).toMatchObject({ caseId: application.id, caseNumber: application.caseNumber, requester: 'Jens Journalist', accessKind: 'aktindsigt' });
    const message = reminderMessage('access_request_due', request.dueDate, context);
    expect(message.title).toBe(`En anmodning om aktindsigt i ${application.caseNumber} skal besvares senest 14. april 2026`);
    expect(message.body).toContain('Jens Journalist har anmodet om aktindsigt i sagen «Mere værdig hjemmepleje»');
    expect(message.body).toContain('senest 14. april 2026 (7 arbejdsdage efter modtagelsen)');
  });

  it('reminds only the case’s caseworker once it has one', async () => {
    const assigned = await givenSubmitted(api, lead, programme.id);
    await api.http.post(`/api/v1/applications/${assigned.id}/assign`).set(caseworker.bearer).send({ assigneeId: colleague.user.id }).expect(200);
    const { body: request } = await register(admin, { applicationId: assigned.id, kind: 'partsaktindsigt', requesterEmail: undefined }).expect(201);
    expect(request).toMatchObject({ kind: 'partsaktindsigt', requesterEmail: null, dueDate: '2026-04-14' });
    expect(await remindersOf(request.id)).toEqual([
      { recipient_id: colleague.user.id, send_at: new Date('2026-04-10T06:00:00Z'), due_date: '2026-04-14', status: 'scheduled' },
    ]);
  });

  it('sets the deadline past Christmas, the closure days and New Year; one registered after its deadline is overdue and reminds nobody', async () => {
    const { body: request } = await register(caseworker, { receivedOn: '2025-12-22' }).expect(201);
    // 24, 25, 26 and 31 December and 1 January are not working days: 23, 29, 30 December, 2, 5, 6 and 7 January are.
    expect(request).toMatchObject({ dueDate: '2026-01-07', status: 'open', overdue: true });
    expect(await remindersOf(request.id)).toEqual([]);
  });

  it.each([
    [{ kind: 'indsigt' }, 'kind', 'vælg aktindsigt eller partsaktindsigt'],
    [{ receivedOn: '2026-31-03' }, 'receivedOn', 'skal være en dato skrevet ÅÅÅÅ-MM-DD mellem 1900 og 2199'],
    [{ receivedOn: '2026-04-01' }, 'receivedOn', 'må ikke ligge efter i dag'],
    [{ requester: '' }, 'requester', 'skal udfyldes'],
    [{ requesterEmail: 'ikke en adresse' }, 'requesterEmail', 'skal være en e-mailadresse'],
    [{ cpr: '0101011234' }, 'cpr', 'er ikke et kendt felt'],
  ])('refuses a request with %j', async (overrides, field, message) => {
    const response = await register(caseworker, overrides).expect(400);
    expect(response.body.errors).toEqual([{ field, message }]);
  });

  it('refuses project leads (403), and a case the ministry cannot see: unknown or a draft (404)', async () => {
    await register(lead).expect(403);
    await api.http.get('/api/v1/access-requests').set(lead.bearer).expect(403);
    await register(caseworker, { applicationId: '7f3a9c21-4b6e-4d2a-9c1f-0e8b7a6d5c4b' }).expect(404);
    const draft = await givenDraft(api, lead, programme.id);
    await register(caseworker, { applicationId: draft.id }).expect(404);
  });

  it('lists by deadline, filters by status and pages by cursor', async () => {
    const early = (await register(caseworker, { receivedOn: '2026-03-02' }).expect(201)).body;
    const late = (await register(caseworker, { receivedOn: '2026-03-31' }).expect(201)).body;
    const all: Array<{ id: string; dueDate: string }> = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string; dueDate: string }>; nextCursor: string | null } } = await api.http
        .get('/api/v1/access-requests')
        .query({ limit: 1, status: 'open', ...(cursor ? { cursor } : {}) })
        .set(admin.bearer)
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const dueDates = all.map((item) => item.dueDate);
    expect(dueDates).toEqual([...dueDates].sort());
    expect(all.findIndex((item) => item.id === early.id)).toBeLessThan(all.findIndex((item) => item.id === late.id));
    await api.http.get('/api/v1/access-requests').query({ status: 'lukket' }).set(caseworker.bearer).expect(400);
  });

  it('lists one case’s requests with the case’s number and title', async () => {
    const other = await givenSubmitted(api, lead, programme.id);
    const mine = (await register(caseworker, { applicationId: other.id, requester: 'Karen Kommunal' }).expect(201)).body;
    expect(mine).toMatchObject({ caseNumber: other.caseNumber, projectTitle: expect.any(String), completedByName: null });
    const { body: page } = await api.http.get('/api/v1/access-requests').query({ applicationId: other.id }).set(caseworker.bearer).expect(200);
    expect(page.items.map((item: { id: string }) => item.id)).toEqual([mine.id]);
    const bad = await api.http.get('/api/v1/access-requests').query({ applicationId: 'sag-1' }).set(caseworker.bearer).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('is completed once with a note by a caseworker, which stops its reminder and is audited', async () => {
    const { body: request } = await register(caseworker).expect(201);
    await api.http.post(`/api/v1/access-requests/${request.id}/complete`).set(caseworker.bearer).send({}).expect(400);
    await api.http.post(`/api/v1/access-requests/${request.id}/complete`).set(admin.bearer).send({ note: 'Besvaret.' }).expect(403);
    const { body: completed } = await api.http
      .post(`/api/v1/access-requests/${request.id}/complete`)
      .set(caseworker.bearer)
      .send({ note: 'Aktindsigt givet i ansøgningen; personoplysninger undtaget.' })
      .expect(200);
    expect(completed).toMatchObject({
      status: 'completed',
      completionNote: 'Aktindsigt givet i ansøgningen; personoplysninger undtaget.',
      completedBy: caseworker.user.id,
      completedByName: caseworker.user.name,
    });
    expect((await remindersOf(request.id)).every((reminder) => reminder.status === 'cancelled')).toBe(true);
    const again = await api.http.post(`/api/v1/access-requests/${request.id}/complete`).set(caseworker.bearer).send({ note: 'Igen.' }).expect(409);
    expect(again.body.type).toBe('urn:tilskud:problem:illegal-transition');
    await api.http.post('/api/v1/access-requests/7f3a9c21-4b6e-4d2a-9c1f-0e8b7a6d5c4b/complete').set(caseworker.bearer).send({ note: 'x' }).expect(404);

    const events = (await api.http.get('/api/v1/audit-events').query({ entityId: request.id }).set(admin.bearer).expect(200)).body.items;
    expect(events.map((event: { action: string }) => event.action).sort()).toEqual(['access_request.completed', 'access_request.created']);
  });

  it('shows on the case trail, in words, naming the kind and the requester', async () => {
    const other = await givenSubmitted(api, lead, programme.id);
    const { body: request } = await register(caseworker, { applicationId: other.id, kind: 'partsaktindsigt', requester: 'Aarhus Kommune' }).expect(201);
    await api.http.post(`/api/v1/access-requests/${request.id}/complete`).set(caseworker.bearer).send({ note: 'Sagens akter udleveret.' }).expect(200);
    const trail = (await api.http.get(`/api/v1/applications/${other.id}/events`).set(caseworker.bearer).expect(200)).body.items as Array<{
      action: string;
      summary: string;
    }>;
    expect(trail.filter((event) => event.action.startsWith('access_request.')).map((event) => event.summary)).toEqual([
      'Anmodning om partsaktindsigt fra Aarhus Kommune registreret',
      'Anmodning om aktindsigt besvaret',
    ]);
  });

  it('counts the open and the overdue requests on the worklist', async () => {
    const own = await givenProgramme(api, admin);
    const kase = await givenSubmitted(api, lead, own.id);
    const ownCounts = async () =>
      (await api.http.get('/api/v1/worklist/counts').query({ programmeId: own.id }).set(caseworker.bearer).expect(200)).body as Awaited<
        ReturnType<typeof counts>
      >;
    expect(await ownCounts()).toMatchObject({ accessRequestsOpen: 0, accessRequestsOverdue: 0 });
    const first = (await register(caseworker, { applicationId: kase.id }).expect(201)).body;
    await register(caseworker, { applicationId: kase.id }).expect(201);
    expect(await ownCounts()).toMatchObject({ accessRequestsOpen: 2, accessRequestsOverdue: 0 });
    // The day after the deadline (14 April).
    clock.set(new Date('2026-04-15T08:00:00Z'));
    expect(await ownCounts()).toMatchObject({ accessRequestsOpen: 2, accessRequestsOverdue: 2 });
    const { body: late } = await api.http.get('/api/v1/access-requests').query({ status: 'open', limit: 200 }).set(caseworker.bearer).expect(200);
    expect(late.items.find((item: { id: string }) => item.id === first.id).overdue).toBe(true);
    await api.http.post(`/api/v1/access-requests/${first.id}/complete`).set(caseworker.bearer).send({ note: 'Besvaret for sent.' }).expect(200);
    expect(await ownCounts()).toMatchObject({ accessRequestsOpen: 1, accessRequestsOverdue: 1 });
    expect((await counts()).accessRequestsOpen).toBeGreaterThanOrEqual(0);
  });
});
