import { extractText } from 'unpdf';
import { ManualClock } from '../../libs/core/time/clock.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';
import { downloadBytes } from '../support/download.js';
import { applicationBody, assessmentBody, givenAssessed, givenDraft, givenProgramme, givenSubmitted, SUBSTANTIVE_PARTIAL } from '../support/grant-case.js';

/** The case's rules (issue 19) that are not the calendar's or the reports': windows, substance, decisions, assessments, programmes. */
describe('the rules of a case', () => {
  const clock = new ManualClock(new Date('2022-03-01T08:00:00Z'));
  let api: TestApp;
  let admin: SignedInUser;
  let lead: SignedInUser;
  let assessor: SignedInUser;
  let decider: SignedInUser;
  let standIn: SignedInUser;
  beforeAll(async () => {
    api = await createTestApp({ clock });
    admin = await signedInAs(api, 'admin');
    lead = await signedInAs(api, 'project_lead', '751');
    assessor = await signedInAs(api, 'caseworker');
    decider = await signedInAs(api, 'caseworker');
    standIn = await signedInAs(api, 'caseworker');
  });
  afterAll(() => api.close());
  afterEach(() => clock.set(new Date('2022-03-01T08:00:00Z')));

  const decide = (applicationId: string, body: Record<string, unknown>, who = decider) =>
    api.http.post(`/api/v1/applications/${applicationId}/decision`).set(who.bearer).send(body);
  const download = async (url: string, who: SignedInUser) => (await downloadBytes(api.http.get(url).set(who.bearer)).expect(200)).body as Buffer;
  const pdfText = async (pdf: Buffer) => ((await extractText(new Uint8Array(pdf), { mergePages: true })).text as string).replace(/\s+/g, ' ');
  const assessmentOf = async (applicationId: string) =>
    (await api.http.get(`/api/v1/applications/${applicationId}/assessment`).set(admin.bearer).expect(200)).body;

  describe('the application window and the substance of an application', () => {
    it('a draft may be started before the window opens, never after it has closed', async () => {
      const upcoming = await givenProgramme(api, admin, { applicationOpensAt: '2022-04-01T00:00', applicationClosesAt: '2022-06-01T12:00' });
      await givenDraft(api, lead, upcoming.id, { plannedStart: '2022-09-01', plannedEnd: '2023-08-31' });
      const closed = await givenProgramme(api, admin, { applicationOpensAt: '2021-01-01T00:00', applicationClosesAt: '2022-02-28T12:00' });
      const refused = await api.http.post('/api/v1/applications').set(lead.bearer).send(applicationBody(closed.id)).expect(422);
      expect(refused.body).toMatchObject({ type: 'urn:tilskud:problem:outside-application-window' });
      expect(refused.body.detail).toBe('Puljen lukkede for ansøgninger 28. februar 2022 kl. 12.00; der kan ikke oprettes nye ansøgninger til den.');
    });

    it('is submitted only with a purpose of at least a sentence and at least one activity, said at the fields', async () => {
      const programme = await givenProgramme(api, admin);
      const draft = await givenDraft(api, lead, programme.id, { purpose: 'Nærvær.', activities: [] });
      const refused = await api.http.post(`/api/v1/applications/${draft.id}/submit`).set(lead.bearer).expect(422);
      expect(refused.body.type).toBe('urn:tilskud:problem:submission-rules-not-met');
      expect(refused.body.errors).toEqual([
        { field: 'purpose', message: 'skal beskrive projektets formål i mindst én sætning (mindst 5 ord)' },
        { field: 'activities', message: 'skal nævne mindst én aktivitet' },
      ]);
      expect((await api.http.get(`/api/v1/applications/${draft.id}`).set(lead.bearer).expect(200)).body).toMatchObject({ status: 'draft', caseNumber: null });
      await api.http
        .patch(`/api/v1/applications/${draft.id}`)
        .set(lead.bearer)
        .send({ version: 1, purpose: 'Borgerne i hjemmeplejen skal mødes af faste medarbejdere.', activities: ['Faste teams'] })
        .expect(200);
      await api.http.post(`/api/v1/applications/${draft.id}/submit`).set(lead.bearer).expect(200);
    });
  });

  describe('decisions', () => {
    it('a pool decided after the deadline (the default) takes no decision before its window has closed', async () => {
      const programme = await givenProgramme(api, admin, { applicationClosesAt: '2022-06-01T12:00', decisionMode: undefined });
      expect((await api.http.get(`/api/v1/programmes/${programme.id}`).set(admin.bearer).expect(200)).body.decisionMode).toBe('after_deadline');
      const application = await givenAssessed(api, { lead, assessor }, programme.id);
      const early = await decide(application.id, { outcome: 'award', amountOre: application.requestedOre }).expect(422);
      expect(early.body).toMatchObject({ type: 'urn:tilskud:problem:decision-before-deadline', applicationClosesAt: '2022-06-01T10:00:00.000Z' });
      expect(early.body.detail).toContain('1. juni 2022 kl. 12.00');
      expect((await api.http.get(`/api/v1/applications/${application.id}`).set(admin.bearer).expect(200)).body.status).toBe('assessed');
      clock.set(new Date('2022-06-01T10:00:00Z'));
      // Three months on, the decider's sign-in has long expired: a fresh one.
      const later = await signedInAs(api, 'caseworker');
      await decide(application.id, { outcome: 'award', amountOre: application.requestedOre }, later).expect(201);
    });

    it('a rolling pool decides as applications arrive', async () => {
      const programme = await givenProgramme(api, admin, { decisionMode: 'rolling' });
      const application = await givenAssessed(api, { lead, assessor }, programme.id);
      await decide(application.id, { outcome: 'reject', rationale: SUBSTANTIVE_PARTIAL }).expect(201);
    });

    it('a full grant may go without a rationale (§ 22), but one that is given is real text', async () => {
      const programme = await givenProgramme(api, admin);
      const application = await givenAssessed(api, { lead, assessor }, programme.id);
      const thin = await decide(application.id, { outcome: 'award', amountOre: application.requestedOre, rationale: 'x' }).expect(400);
      expect(thin.body.errors).toEqual([{ field: 'rationale', message: 'skal være en egentlig begrundelse på mindst 10 tegn og to ord, eller udelades' }]);
      await decide(application.id, { outcome: 'award', amountOre: application.requestedOre - 100, rationale: '' }).expect(422);
      const granted = await decide(application.id, { outcome: 'award', amountOre: application.requestedOre }).expect(201);
      expect(granted.body.decision).toMatchObject({ rationale: '', fullGrant: true });
      const letter = pdfText(await download(`/api/v1/applications/${application.id}/decision/letter.pdf`, lead));
      expect(await letter).not.toContain('Begrundelse');
      // The published overview shows the assessment's rationale per criterion in its place.
      const overview = await pdfText(await download(`/api/v1/exports/award-overview.pdf?programmeId=${programme.id}`, admin));
      expect(overview).toContain('Understøtter puljens formål: Projektet udmærker sig ved understøtter puljens formål.');
    });
  });

  describe('the assessment', () => {
    it('takes the version it was read at and refuses a stale one with 409', async () => {
      const programme = await givenProgramme(api, admin);
      const application = await givenSubmitted(api, lead, programme.id);
      const url = `/api/v1/applications/${application.id}/assessment`;
      const first = await api.http.put(url).set(assessor.bearer).send(assessmentBody()).expect(200);
      const second = await api.http
        .put(url)
        .set(assessor.bearer)
        .send(assessmentBody({ summary: 'Anden udgave af sammenfatningen.', version: first.body.version }))
        .expect(200);
      expect(second.body.version).toBe(first.body.version + 1);
      const stale = await api.http
        .put(url)
        .set(assessor.bearer)
        .send(assessmentBody({ summary: 'En forældet udgave.', version: first.body.version }))
        .expect(409);
      expect(stale.body).toMatchObject({ type: 'urn:tilskud:problem:stale-version', currentVersion: second.body.version });
      expect((await assessmentOf(application.id)).summary).toBe('Anden udgave af sammenfatningen.');
    });

    it('is handed to another caseworker while in progress, audited and notified; four-eyes follows the new author', async () => {
      const programme = await givenProgramme(api, admin);
      const application = await givenSubmitted(api, lead, programme.id);
      const url = `/api/v1/applications/${application.id}/assessment`;
      await api.http.put(url).set(assessor.bearer).send(assessmentBody()).expect(200);

      await api.http.post(`${url}/handover`).set(admin.bearer).send({ assessorId: lead.user.id }).expect(422);
      await api.http.post(`${url}/handover`).set(admin.bearer).send({ assessorId: assessor.user.id }).expect(422);
      await api.http.post(`${url}/handover`).set(lead.bearer).send({ assessorId: standIn.user.id }).expect(403);
      const handed = await api.http
        .post(`${url}/handover`)
        .set(admin.bearer)
        .send({ assessorId: standIn.user.id, reason: 'Sagsbehandleren er syg.' })
        .expect(200);
      expect(handed.body).toMatchObject({ assessorId: standIn.user.id, status: 'in_assessment' });

      // The first author no longer writes it; the new one does, and completes it.
      await api.http.put(url).set(assessor.bearer).send(assessmentBody()).expect(403);
      await api.http
        .put(url)
        .set(standIn.bearer)
        .send(assessmentBody({ version: handed.body.version }))
        .expect(200);
      await api.http.post(`${url}/complete`).set(standIn.bearer).expect(200);
      // A completed assessment stays with its author.
      await api.http.post(`${url}/handover`).set(admin.bearer).send({ assessorId: assessor.user.id }).expect(409);

      const inbox = (await api.http.get('/api/v1/notifications').query({ limit: 200 }).set(standIn.bearer).expect(200)).body.items;
      expect(inbox.filter((n: { caseId: string }) => n.caseId === application.id)).toEqual([
        expect.objectContaining({
          kind: 'assessment_handed_over',
          title: `Vurderingen af ${application.caseNumber} er overdraget til dig`,
          body: expect.stringContaining('med begrundelsen: Sagsbehandleren er syg.'),
        }),
      ]);
      // The header's badge: one unread, none once it is read.
      const unread = async (who: SignedInUser) => (await api.http.get('/api/v1/notifications/unread-count').set(who.bearer).expect(200)).body.count;
      expect(await unread(standIn)).toBe(1);
      await api.http.post(`/api/v1/notifications/${inbox[0].id}/read`).set(standIn.bearer).expect(200);
      expect(await unread(standIn)).toBe(0);
      const trail = (await api.http.get('/api/v1/audit-events').query({ caseId: application.id, limit: 200 }).set(admin.bearer).expect(200)).body.items;
      expect(trail.find((event: { action: string }) => event.action === 'assessment.handed_over')).toMatchObject({
        before: { assessorId: assessor.user.id },
        after: { assessorId: standIn.user.id, reason: 'Sagsbehandleren er syg.' },
      });

      // Four-eyes follows the new author: they may not decide; the first author, who no longer wrote it, may.
      await decide(application.id, { outcome: 'award', amountOre: application.requestedOre }, standIn).expect(403);
      await decide(application.id, { outcome: 'award', amountOre: application.requestedOre }, assessor).expect(201);
    });
  });

  describe('changing a programme', () => {
    const patch = (id: string, body: Record<string, unknown>, who = admin) => api.http.patch(`/api/v1/programmes/${id}`).set(who.bearer).send(body);

    it('changes its texts at any time, audited with before and after', async () => {
      const programme = await givenProgramme(api, admin);
      const changed = await patch(programme.id, {
        name: 'Ny pulje til nærvær',
        description: 'Puljen støtter nærvær i ældreplejen.',
        appealGuidance: 'Kan påklages.',
      }).expect(200);
      expect(changed.body).toMatchObject({ name: 'Ny pulje til nærvær', description: 'Puljen støtter nærvær i ældreplejen.', appealGuidance: 'Kan påklages.' });
      const events = (await api.http.get('/api/v1/audit-events').query({ entityType: 'programme', entityId: programme.id }).set(admin.bearer).expect(200)).body
        .items;
      expect(events.find((event: { action: string }) => event.action === 'programme.updated')).toMatchObject({
        before: { name: 'Testpulje til omsorg og nærvær', description: null },
        after: { name: 'Ny pulje til nærvær', description: 'Puljen støtter nærvær i ældreplejen.' },
      });
      await patch(programme.id, { name: 'Kaseworkerens navn' }, decider).expect(403);
    });

    it('moves a date only while it has not passed, and never into the past', async () => {
      const programme = await givenProgramme(api, admin, { applicationOpensAt: '2022-01-01T00:00', applicationClosesAt: '2022-06-01T12:00' });
      const passed = await patch(programme.id, { applicationOpensAt: '2022-02-01T00:00' }).expect(422);
      expect(passed.body).toMatchObject({ type: 'urn:tilskud:problem:programme-field-locked' });
      expect(passed.body.errors[0]).toMatchObject({ field: 'applicationOpensAt' });
      const past = await patch(programme.id, { applicationClosesAt: '2022-02-01T12:00' }).expect(422);
      expect(past.body.errors).toEqual([{ field: 'applicationClosesAt', message: 'skal ligge i fremtiden' }]);
      const later = await patch(programme.id, { applicationClosesAt: '2022-07-01T12:00' }).expect(200);
      expect(later.body.applicationClosesAt).toBe('2022-07-01T10:00:00.000Z');
    });

    it('changes criteria, themes and the decision mode only before the first submission', async () => {
      const programme = await givenProgramme(api, admin);
      const before = await patch(programme.id, {
        criteria: [{ key: 'formaal', title: 'Formål', description: 'Understøtter puljens formål' }, ...assessmentCriteria()],
      }).expect(200);
      expect(before.body.hasSubmissions).toBe(false);
      await givenSubmitted(api, lead, programme.id);
      const after = await patch(programme.id, { themes: [{ key: 'ny', name: 'Nyt tema' }], decisionMode: 'after_deadline' }).expect(422);
      expect(after.body.errors.map((error: { field: string }) => error.field)).toEqual(['themes', 'decisionMode']);
      const read = (await api.http.get(`/api/v1/programmes/${programme.id}`).set(admin.bearer).expect(200)).body;
      expect(read).toMatchObject({ hasSubmissions: true, decisionMode: 'rolling' });
      await patch(programme.id, { name: 'Stadig tilladt', version: read.version }).expect(200);
      const stale = await patch(programme.id, { name: 'For sent', version: read.version }).expect(409);
      expect(stale.body.type).toBe('urn:tilskud:problem:stale-version');
    });
  });
});

/** The test criteria other than `formaal`, as the programme has them. */
function assessmentCriteria() {
  return [
    { key: 'nyskabelse', title: 'Potentiale for ny praksis', description: 'Kan overføres til andre kommuner' },
    { key: 'forankring', title: 'Forankring og ressourcer', description: 'Ledelsesforankring og afsatte ressourcer' },
  ];
}
