import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ManualClock } from '../../libs/core/time/clock.js';
import { CONFLICT_WINDOW_MS } from '../../libs/programmes/programmes.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs, signIn } from '../support/users.js';
import {
  APPEAL_GUIDANCE,
  assessmentBody,
  CRITERIA,
  fullRatings,
  givenAssessed,
  givenProgramme,
  givenSubmitted,
  LEGAL_BASIS,
  SUBSTANTIVE_PARTIAL,
  SUBSTANTIVE_REJECTION,
} from '../support/grant-case.js';

describe('assessment and decision', () => {
  let api: TestApp;
  let admin: SignedInUser;
  let assessor: SignedInUser;
  let decider: SignedInUser;
  let lead: SignedInUser;
  let programme: { id: string };
  beforeAll(async () => {
    api = await createTestApp();
    admin = await signedInAs(api, 'admin');
    assessor = await signedInAs(api, 'caseworker');
    decider = await signedInAs(api, 'caseworker');
    lead = await signedInAs(api, 'project_lead', '147');
    programme = await givenProgramme(api, admin);
  });
  afterAll(() => api.close());
  const assessment = (id: string, action = '') => `/api/v1/applications/${id}/assessment${action}`;
  const decision = (id: string) => `/api/v1/applications/${id}/decision`;
  const status = async (id: string) => (await api.http.get(`/api/v1/applications/${id}`).set(decider.bearer)).body.status;

  it('the whole path: draft → submit → assess → complete → award, with the ledger and audit trail following', async () => {
    const application = await givenSubmitted(api, lead, programme.id);
    const partial = await api.http
      .put(assessment(application.id))
      .set(assessor.bearer)
      .send(assessmentBody({ ratings: fullRatings().slice(0, 1) }))
      .expect(200);
    expect(partial.body).toMatchObject({ status: 'in_assessment', assessorId: assessor.user.id, completedAt: null });
    const incomplete = await api.http.post(assessment(application.id, '/complete')).set(assessor.bearer).expect(422);
    expect(incomplete.body).toMatchObject({ type: 'urn:tilskud:problem:assessment-incomplete', missingCriteria: ['nyskabelse', 'forankring'] });

    await api.http.put(assessment(application.id)).set(assessor.bearer).send(assessmentBody()).expect(200);
    const completed = await api.http.post(assessment(application.id, '/complete')).set(assessor.bearer).expect(200);
    expect(completed.body).toMatchObject({ status: 'assessed', completedAt: expect.any(String) });

    const decided = await api.http
      .post(decision(application.id))
      .set(decider.bearer)
      .send({
        outcome: 'award',
        amountOre: application.requestedOre,
        rationale: 'Projektet bevilges fuldt ud.',
        startDate: '2021-01-01',
        endDate: '2022-06-30',
      })
      .expect(201);
    expect(decided.body).toMatchObject({
      applicationId: application.id,
      status: 'awarded',
      decision: { outcome: 'award', fullGrant: true, decidedBy: decider.user.id, legalBasis: LEGAL_BASIS, appealGuidance: APPEAL_GUIDANCE },
      award: {
        applicationId: application.id,
        caseNumber: application.caseNumber,
        programmeId: programme.id,
        municipalityCode: '147',
        amountOre: application.requestedOre,
        startDate: '2021-01-01',
        endDate: '2022-06-30',
        originalEndDate: '2022-06-30',
        status: 'active',
        approvedExtensionMonths: 0,
      },
    });
    await api.http.post(decision(application.id)).set(decider.bearer).send({ outcome: 'reject', rationale: SUBSTANTIVE_REJECTION }).expect(409);

    const events = await api.http.get('/api/v1/audit-events').query({ entityType: 'application', entityId: application.id }).set(admin.bearer).expect(200);
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual([
      'application.awarded',
      'assessment.completed',
      'assessment.updated',
      'assessment.started',
      'application.submitted',
      'application.created',
    ]);
    expect(events.body.items[0]).toMatchObject({
      actorId: decider.user.id,
      actorRole: 'caseworker',
      before: { status: 'assessed' },
      after: { status: 'awarded' },
    });
    expect((await api.http.get('/api/v1/audit-events/verify').set(admin.bearer).expect(200)).body.ok).toBe(true);
  });

  describe('the assessment', () => {
    it.each([
      [{ ratings: [{ criterionKey: 'pris', rating: 3, rationale: 'x' }] }, 400, 'ratings[0].criterionKey'],
      [{ ratings: [{ criterionKey: 'formaal', rating: 6, rationale: 'x' }] }, 400, 'ratings[0].rating'],
      [{ ratings: [{ criterionKey: 'formaal', rating: 3, rationale: '' }] }, 400, 'ratings[0].rationale'],
      [{ recommendedOre: undefined }, 400, 'recommendedOre'],
      [{ recommendation: 'reject' }, 400, 'recommendedOre'],
      [{ recommendedOre: 1_101_426_001 }, 422, 'recommendedOre'],
    ])('refuses %j with %i naming %s and leaves the application as it was', async (overrides, code, field) => {
      const application = await givenSubmitted(api, lead, programme.id);
      const response = await api.http.put(assessment(application.id)).set(assessor.bearer).send(assessmentBody(overrides)).expect(code);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await status(application.id)).toBe('submitted');
    });

    it('only its author changes or completes it', async () => {
      const application = await givenSubmitted(api, lead, programme.id);
      await api.http.put(assessment(application.id)).set(assessor.bearer).send(assessmentBody()).expect(200);
      await api.http.put(assessment(application.id)).set(decider.bearer).send(assessmentBody()).expect(403);
      await api.http.post(assessment(application.id, '/complete')).set(decider.bearer).expect(403);
    });

    it('is written by caseworkers only; a draft is not the ministry’s to assess (404)', async () => {
      const application = await givenSubmitted(api, lead, programme.id);
      await api.http.put(assessment(application.id)).set(lead.bearer).send(assessmentBody()).expect(403);
      await api.http.put(assessment(application.id)).set(admin.bearer).send(assessmentBody()).expect(403);
      const draft = await api.http
        .post('/api/v1/applications')
        .set(lead.bearer)
        .send({ ...(await import('../support/grant-case.js')).applicationBody(programme.id) })
        .expect(201);
      await api.http.put(assessment(draft.body.id)).set(assessor.bearer).send(assessmentBody()).expect(404);
      await api.http.post(assessment(application.id, '/complete')).set(assessor.bearer).expect(409);
    });

    it('can be read by caseworkers and admins, not by the applicant', async () => {
      const application = await givenAssessed(api, { lead, assessor }, programme.id);
      const read = await api.http.get(assessment(application.id)).set(admin.bearer).expect(200);
      expect(read.body.ratings).toHaveLength(CRITERIA.length);
      await api.http.get(assessment(application.id)).set(lead.bearer).expect(403);
    });
  });

  describe('the decision', () => {
    it('is refused to the caseworker who assessed the application (four-eyes, 403)', async () => {
      const application = await givenAssessed(api, { lead, assessor }, programme.id);
      const response = await api.http
        .post(decision(application.id))
        .set(assessor.bearer)
        .send({ outcome: 'reject', rationale: SUBSTANTIVE_REJECTION })
        .expect(403);
      expect(response.body.type).toBe('urn:tilskud:problem:four-eyes');
      expect(await status(application.id)).toBe('assessed');
    });

    it('refuses an award above the requested amount with 422', async () => {
      const application = await givenAssessed(api, { lead, assessor }, programme.id);
      const response = await api.http
        .post(decision(application.id))
        .set(decider.bearer)
        .send({ outcome: 'award', amountOre: application.requestedOre + 1, rationale: SUBSTANTIVE_PARTIAL })
        .expect(422);
      expect(response.body.type).toBe('urn:tilskud:problem:amount-above-requested');
    });

    it('needs the main considerations for a partial award, and carries the appeal guidance', async () => {
      const application = await givenAssessed(api, { lead, assessor }, programme.id);
      const bare = await api.http
        .post(decision(application.id))
        .set(decider.bearer)
        .send({ outcome: 'award', amountOre: 1_000_000_000, rationale: 'Delvis bevilling.' })
        .expect(422);
      expect(bare.body.type).toBe('urn:tilskud:problem:main-considerations-required');
      const reasoned = await api.http
        .post(decision(application.id))
        .set(decider.bearer)
        .send({ outcome: 'award', amountOre: 1_000_000_000, rationale: SUBSTANTIVE_PARTIAL })
        .expect(201);
      expect(reasoned.body.decision).toMatchObject({ fullGrant: false, amountOre: 1_000_000_000, appealGuidance: APPEAL_GUIDANCE, legalBasis: LEGAL_BASIS });
      expect(reasoned.body.award.amountOre).toBe(1_000_000_000);
    });

    it('needs the main considerations for a rejection, refusing boilerplate', async () => {
      const application = await givenAssessed(api, { lead, assessor }, programme.id);
      for (const rationale of ['Afslag.', 'Ansøgningen afvises. Se vurderingen.']) {
        await api.http.post(decision(application.id)).set(decider.bearer).send({ outcome: 'reject', rationale }).expect(422);
      }
      const rejected = await api.http
        .post(decision(application.id))
        .set(decider.bearer)
        .send({ outcome: 'reject', rationale: SUBSTANTIVE_REJECTION })
        .expect(201);
      expect(rejected.body).toMatchObject({ status: 'rejected', decision: { outcome: 'reject', amountOre: null, appealGuidance: APPEAL_GUIDANCE } });
      expect(rejected.body.award).toBeUndefined();
    });

    it('is refused before the assessment is complete (409) and to project leads (403)', async () => {
      const application = await givenSubmitted(api, lead, programme.id);
      await api.http.post(decision(application.id)).set(decider.bearer).send({ outcome: 'reject', rationale: SUBSTANTIVE_REJECTION }).expect(409);
      await api.http.post(decision(application.id)).set(lead.bearer).send({ outcome: 'reject', rationale: SUBSTANTIVE_REJECTION }).expect(403);
    });

    it('refuses an incoherent body with 400', async () => {
      const application = await givenAssessed(api, { lead, assessor }, programme.id);
      await api.http.post(decision(application.id)).set(decider.bearer).send({ outcome: 'award', rationale: SUBSTANTIVE_PARTIAL }).expect(400);
      await api.http.post(decision(application.id)).set(decider.bearer).send({ outcome: 'reject', amountOre: 5, rationale: SUBSTANTIVE_REJECTION }).expect(400);
      await api.http
        .post(decision(application.id))
        .set(decider.bearer)
        .send({ outcome: 'award', amountOre: application.requestedOre, rationale: 'Fuld bevilling.', startDate: '2022-01-01', endDate: '2021-01-01' })
        .expect(400);
      expect(await status(application.id)).toBe('assessed');
    });
  });

  describe('the budget', () => {
    it('refuses an award that would exceed it (409) until an adjustment covers it', async () => {
      const small = await givenProgramme(api, admin, { budgetOre: 1_500_000_000 });
      const first = await givenAssessed(api, { lead, assessor }, small.id, { requestedOre: 1_000_000_000 });
      const second = await givenAssessed(api, { lead, assessor }, small.id, { requestedOre: 600_000_000 });
      await api.http
        .post(decision(first.id))
        .set(decider.bearer)
        .send({ outcome: 'award', amountOre: 1_000_000_000, rationale: 'Fuld bevilling.' })
        .expect(201);
      const over = await api.http
        .post(decision(second.id))
        .set(decider.bearer)
        .send({ outcome: 'award', amountOre: 600_000_000, rationale: 'Fuld bevilling.' })
        .expect(409);
      expect(over.body).toMatchObject({ type: 'urn:tilskud:problem:budget-exceeded', remainingOre: 500_000_000, shortOre: 100_000_000 });
      expect(over.body.detail).toContain('der mangler 1.000.000 kr. En administrator');
      expect(await status(second.id)).toBe('assessed');

      await api.http
        .post(`/api/v1/programmes/${small.id}/budget-adjustments`)
        .set(admin.bearer)
        .send({ deltaOre: 100_000_000, reason: 'Dækning af ekstra bevilling' })
        .expect(201);
      await api.http.post(decision(second.id)).set(decider.bearer).send({ outcome: 'award', amountOre: 600_000_000, rationale: 'Fuld bevilling.' }).expect(201);
      const ledger = (await api.http.get(`/api/v1/programmes/${small.id}/ledger`).set(admin.bearer).expect(200)).body;
      expect(ledger).toMatchObject({ budgetOre: 1_500_000_000, adjustmentsOre: 100_000_000, committedOre: 1_600_000_000, remainingOre: 0 });
    });

    it('is never over-committed by concurrent decisions', async () => {
      // 10 awards of 600.000 kr. raced at a budget that holds 3 of them, with a different decider each.
      const tight = await givenProgramme(api, admin, { budgetOre: 190_000_000, minApplicationOre: 1 });
      const deciders = await Promise.all(Array.from({ length: 10 }, () => signedInAs(api, 'caseworker')));
      const applications = [];
      for (let i = 0; i < 10; i += 1) applications.push(await givenAssessed(api, { lead, assessor }, tight.id, { requestedOre: 60_000_000 }));

      const results = await Promise.all(
        applications.map((application, i) =>
          api.http.post(decision(application.id)).set(deciders[i].bearer).send({ outcome: 'award', amountOre: 60_000_000, rationale: 'Fuld bevilling.' }),
        ),
      );
      const statuses = results.map((result) => result.status).sort();
      expect(statuses).toEqual([...Array(3).fill(201), ...Array(7).fill(409)]);

      const dataSource = api.app.get<DataSource>(getDataSourceToken());
      const [{ committed }] = await dataSource.query(`SELECT sum(amount_ore)::bigint::text AS committed FROM award WHERE programme_id = $1`, [tight.id]);
      expect(BigInt(committed)).toBe(180_000_000n);
      const ledger = (await api.http.get(`/api/v1/programmes/${tight.id}/ledger`).set(admin.bearer).expect(200)).body;
      expect(ledger).toMatchObject({ committedOre: 180_000_000, remainingOre: 10_000_000, overCommittedOre: 0 });
    });
  });
});

describe('who may decide', () => {
  const clock = new ManualClock(new Date());
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp({ clock });
  });
  afterAll(() => api.close());
  const decision = (id: string) => `/api/v1/applications/${id}/decision`;

  it('refuses an award period longer than the programme’s longest, naming the field, and awards nothing', async () => {
    const admin = await signedInAs(api, 'admin');
    const programme = await givenProgramme(api, admin);
    const application = await givenAssessed(
      api,
      { lead: await signedInAs(api, 'project_lead', '147'), assessor: await signedInAs(api, 'caseworker') },
      programme.id,
    );
    const decider = await signedInAs(api, 'caseworker');
    for (const period of [
      { startDate: '2021-01-01', endDate: '2027-01-01' },
      { startDate: '0001-01-01', endDate: '9999-12-31' },
    ]) {
      const response = await api.http
        .post(decision(application.id))
        .set(decider.bearer)
        .send({ outcome: 'award', amountOre: application.requestedOre, rationale: 'Fuld bevilling.', ...period })
        .expect(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['endDate']));
    }
    expect((await api.http.get(`/api/v1/applications/${application.id}`).set(decider.bearer).expect(200)).body.status).toBe('assessed');
    expect((await api.http.get('/api/v1/awards').query({ programmeId: programme.id }).set(decider.bearer).expect(200)).body.items).toEqual([]);
  });

  it('refuses, for a week, to let someone who set up the programme or adjusted its budget assess or decide its cases', async () => {
    const [founder, second, third] = [await signedInAs(api, 'admin'), await signedInAs(api, 'admin'), await signedInAs(api, 'admin')];
    const programme = await givenProgramme(api, founder);
    await api.http
      .post(`/api/v1/programmes/${programme.id}/budget-adjustments`)
      .set(second.bearer)
      .send({ deltaOre: 100_000_000, reason: 'Overført restbeløb fra 2019' })
      .expect(201);
    // The founder is made a caseworker by another admin, approved by a third: the rule the roles cannot get round.
    await api.http.patch(`/api/v1/users/${founder.user.id}`).set(second.bearer).send({ role: 'caseworker' }).expect(200);
    await api.http.post(`/api/v1/users/${founder.user.id}/approve`).set(third.bearer).expect(200);
    const asCaseworker = { Authorization: `Bearer ${(await signIn(api, founder.email)).accessToken}` };

    const lead = await signedInAs(api, 'project_lead', '147');
    const submitted = await givenSubmitted(api, lead, programme.id);
    const assessing = await api.http.put(`/api/v1/applications/${submitted.id}/assessment`).set(asCaseworker).send(assessmentBody()).expect(403);
    expect(assessing.body).toMatchObject({ type: 'urn:tilskud:problem:conflict-of-interest', detail: expect.stringContaining('oprettet puljen') });
    const assessed = await givenAssessed(api, { lead, assessor: await signedInAs(api, 'caseworker') }, programme.id);
    const deciding = await api.http
      .post(decision(assessed.id))
      .set(asCaseworker)
      .send({ outcome: 'award', amountOre: assessed.requestedOre, rationale: 'Fuld bevilling.' })
      .expect(403);
    expect(deciding.body.type).toBe('urn:tilskud:problem:conflict-of-interest');

    // The one who adjusted the budget is bound the same way.
    await api.http.patch(`/api/v1/users/${second.user.id}`).set(third.bearer).send({ role: 'caseworker' }).expect(200);
    await api.http
      .post(`/api/v1/users/${second.user.id}/approve`)
      .set((await signedInAs(api, 'admin')).bearer)
      .expect(200);
    const adjuster = { Authorization: `Bearer ${(await signIn(api, second.email)).accessToken}` };
    const adjusting = await api.http
      .post(decision(assessed.id))
      .set(adjuster)
      .send({ outcome: 'award', amountOre: assessed.requestedOre, rationale: 'Fuld bevilling.' })
      .expect(403);
    expect(adjusting.body.detail).toContain('reguleret puljens budget');

    // A week later, they may.
    clock.advance(CONFLICT_WINDOW_MS + 60_000);
    await api.http
      .post(decision(assessed.id))
      .set(asCaseworker)
      .send({ outcome: 'award', amountOre: assessed.requestedOre, rationale: 'Fuld bevilling.' })
      .expect(201);
  });
});
