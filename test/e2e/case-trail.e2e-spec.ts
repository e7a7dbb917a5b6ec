import { ManualClock } from '../../libs/core/time/clock.js';
import { assessmentBody, givenDraft, givenProgramme, givenSubmitted, reportBody } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { givenUser, type SignedInUser, signedInAs, signIn } from '../support/users.js';

interface TrailItem {
  id: string;
  seq: number;
  action: string;
  actorId: string | null;
  actorName: string | null;
  summary: string;
}

/**
 * The case trail a caseworker reads on the case (`GET /applications/:id/events`): every event of the
 * case, oldest first, each with who did it and what happened in words; and the same words on the
 * administrator's audit trail.
 */
describe('the case trail', () => {
  // Inside the award's period, so its first report can be submitted and an extension asked for.
  const clock = new ManualClock(new Date('2022-01-15T08:00:00Z'));
  let api: TestApp;
  let admin: SignedInUser;
  let lead: SignedInUser;
  let otherLead: SignedInUser;
  let assessor: SignedInUser;
  let mette: SignedInUser;
  let decider: SignedInUser;
  let caseId: string;

  /** A caseworker with a name of their own, signed in. */
  async function caseworkerNamed(name: string): Promise<SignedInUser> {
    const user = await givenUser(api, 'caseworker');
    await api.http.patch(`/api/v1/users/${user.id}`).set(admin.bearer).send({ name }).expect(200);
    const { accessToken, refreshToken } = await signIn(api, user.email);
    return { user: { ...user, name }, email: user.email, accessToken, refreshToken, bearer: { Authorization: `Bearer ${accessToken}` } };
  }

  beforeAll(async () => {
    api = await createTestApp({ clock });
    admin = await signedInAs(api, 'admin');
    lead = await signedInAs(api, 'project_lead', '727');
    otherLead = await signedInAs(api, 'project_lead', '101');
    assessor = await caseworkerNamed('Jonas Krogh');
    mette = await caseworkerNamed('Mette Hansen');
    decider = await caseworkerNamed('Bodil Æbelø');
    const programme = await givenProgramme(api, admin);

    // The life of one case, each step by its person.
    const application = await givenSubmitted(api, lead, programme.id);
    caseId = application.id;
    const at = (path = '') => `/api/v1/applications/${caseId}${path}`;
    await api.http.post(at('/assign')).set(admin.bearer).send({ assigneeId: mette.user.id }).expect(200);
    await api.http
      .put(at('/assessment'))
      .set(assessor.bearer)
      .send(assessmentBody({ recommendedOre: application.requestedOre }))
      .expect(200);
    await api.http.post(at('/assessment/handover')).set(admin.bearer).send({ assessorId: mette.user.id, reason: 'Jonas er på ferie.' }).expect(200);
    await api.http.post(at('/assessment/complete')).set(mette.bearer).expect(200);
    const decided = await api.http
      .post(at('/decision'))
      .set(decider.bearer)
      .send({ outcome: 'award', amountOre: application.requestedOre, startDate: '2021-01-01', endDate: '2022-06-30' })
      .expect(201);
    const awardId = decided.body.award.id;
    const [report] = (await api.http.get(`/api/v1/awards/${awardId}/reports`).set(lead.bearer).expect(200)).body;
    await api.http.post(`/api/v1/reports/${report.id}/submit`).set(lead.bearer).send(reportBody()).expect(200);
    await api.http
      .post(`/api/v1/reports/${report.id}/review`)
      .set(decider.bearer)
      .send({ outcome: 'return', comment: 'Forbruget skal specificeres.' })
      .expect(200);
    const request = await api.http
      .post(`/api/v1/awards/${awardId}/extension-requests`)
      .set(lead.bearer)
      .send({ months: 3, reason: 'covid19', justification: 'Nedlukningen forsinkede afprøvningen.' })
      .expect(201);
    await api.http
      .post(`/api/v1/extension-requests/${request.body.id}/decision`)
      .set(decider.bearer)
      .send({ outcome: 'approve', rationale: 'Godkendt.' })
      .expect(200);
  });
  afterAll(() => api.close());

  /** The whole trail, a page of `limit` at a time. */
  async function trail(who: SignedInUser, limit = 200): Promise<TrailItem[]> {
    const items: TrailItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.http
        .get(`/api/v1/applications/${caseId}/events`)
        .query({ limit, ...(cursor ? { cursor } : {}) })
        .set(who.bearer)
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.body.items);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  it('tells the case’s life oldest first, each step in Danish words with who took it', async () => {
    const items = await trail(mette);
    expect(items.map((item) => [item.summary, item.actorName])).toEqual([
      ['Ansøgningen oprettet som kladde', lead.user.name],
      ['Ansøgning indsendt', lead.user.name],
      ['Sagen tildelt Mette Hansen', admin.user.name],
      ['Vurdering påbegyndt', 'Jonas Krogh'],
      ['Vurderingen overdraget til Mette Hansen', admin.user.name],
      ['Vurdering afsluttet', 'Mette Hansen'],
      ['Tilsagn givet: 11.014.260 kr.', 'Bodil Æbelø'],
      // The award's instalments, by the programme's payment plan: the first ready at once.
      ['Tilsagnet delt i 3 rater efter puljens betalingsplan', 'Bodil Æbelø'],
      ['Rate 1 på 5.507.130 kr. klar til godkendelse', 'Bodil Æbelø'],
      ['Statusrapport nr. 1 indsendt', lead.user.name],
      ['Statusrapport nr. 1 sendt retur', 'Bodil Æbelø'],
      ['Forlængelse på 3 måneder ansøgt', lead.user.name],
      ['Forlængelse på 3 måneder godkendt', 'Bodil Æbelø'],
    ]);
    expect(items.map((item) => item.seq)).toEqual([...items.map((item) => item.seq)].sort((a, b) => a - b));
    // Never the raw code, anywhere in the words.
    for (const item of items)
      expect({ action: item.action, summary: item.summary }).toEqual({ action: item.action, summary: expect.not.stringMatching(/[a-z]\.[a-z]/) });
  });

  it('holds exactly the events the administrator’s trail finds for the case, with the same words', async () => {
    const mine = await trail(decider);
    const admins = (await api.http.get('/api/v1/audit-events').query({ caseId, limit: 200 }).set(admin.bearer).expect(200)).body.items as TrailItem[];
    expect(mine.map((item) => item.id)).toEqual(admins.map((item) => item.id).reverse());
    expect(mine.map((item) => item.summary)).toEqual(admins.map((item) => item.summary).reverse());
    // Every field of the audit event is there too.
    expect(Object.keys(mine[0]).sort()).toEqual(Object.keys(admins[0]).sort());
    expect(Object.keys(mine[0])).toEqual(
      expect.arrayContaining(['action', 'entityType', 'entityId', 'before', 'after', 'occurredAt', 'actorRole', 'hash', 'prevHash']),
    );
  });

  it('pages with a cursor, a page at a time, without skipping or repeating an event', async () => {
    const whole = await trail(mette);
    const paged = await trail(mette, 2);
    expect(paged.map((item) => item.id)).toEqual(whole.map((item) => item.id));
    const bad = await api.http.get(`/api/v1/applications/${caseId}/events`).query({ cursor: 'ikke-en-markør' }).set(mette.bearer).expect(400);
    expect(bad.body.type).toBe('urn:tilskud:problem:invalid-cursor');
    // A cursor of the audit trail is another list's.
    const audit = await api.http.get('/api/v1/audit-events').query({ caseId, limit: 1 }).set(admin.bearer).expect(200);
    await api.http.get(`/api/v1/applications/${caseId}/events`).query({ cursor: audit.body.nextCursor }).set(mette.bearer).expect(400);
  });

  it('is the ministry’s: a project lead gets 403, even the case’s own; an unknown case or a kommune’s draft is 404', async () => {
    for (const who of [lead, otherLead]) {
      const refused = await api.http.get(`/api/v1/applications/${caseId}/events`).set(who.bearer).expect(403);
      expect(refused.body.type).toBe('urn:tilskud:problem:forbidden');
    }
    await api.http.get(`/api/v1/applications/${caseId}/events`).expect(401);
    await api.http.get('/api/v1/applications/00000000-0000-4000-8000-000000000000/events').set(mette.bearer).expect(404);
    const draft = await givenDraft(api, lead, (await givenProgramme(api, admin)).id);
    await api.http.get(`/api/v1/applications/${draft.id}/events`).set(mette.bearer).expect(404);
    await api.http.get(`/api/v1/applications/${caseId}/events`).query({ limit: 0 }).set(mette.bearer).expect(400);
    await api.http.get(`/api/v1/applications/${caseId}/events`).query({ action: 'report.submitted' }).set(mette.bearer).expect(400);
  });

  it('names the actor and says what happened on the administrator’s audit trail too; the system acts without a name', async () => {
    await api.http.post('/api/v1/auth/login').send({ email: mette.email, password: 'forkert adgangskode her' }).expect(401);
    const failed = (await api.http.get('/api/v1/audit-events').query({ entityId: mette.user.id, action: 'auth.login_failed' }).set(admin.bearer).expect(200))
      .body.items[0];
    expect(failed).toMatchObject({ actorId: null, actorName: null, summary: 'Log-ind mislykkedes: forkert adgangskode' });
    const renamed = (await api.http.get('/api/v1/audit-events').query({ entityId: mette.user.id, action: 'user.updated' }).set(admin.bearer).expect(200)).body
      .items[0];
    expect(renamed).toMatchObject({ actorId: admin.user.id, actorName: admin.user.name, summary: 'Brugeren Mette Hansen ændret' });
  });
});
