import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { givenDraft, givenProgramme, givenSubmitted } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

/** The version history on the case (`GET /applications/:id/versions`): what was submitted, when and by whom, newest first. */
describe('the submitted versions of an application', () => {
  let api: TestApp;
  let admin: SignedInUser;
  let lead: SignedInUser;
  let coApplicant: SignedInUser;
  let otherLead: SignedInUser;
  let caseworker: SignedInUser;
  let programme: { id: string };

  beforeAll(async () => {
    api = await createTestApp();
    admin = await signedInAs(api, 'admin');
    lead = await signedInAs(api, 'project_lead', '706');
    coApplicant = await signedInAs(api, 'project_lead', '707');
    otherLead = await signedInAs(api, 'project_lead', '101');
    caseworker = await signedInAs(api, 'caseworker');
    programme = await givenProgramme(api, admin);
  });
  afterAll(() => api.close());

  const versions = (id: string, who: SignedInUser) => api.http.get(`/api/v1/applications/${id}/versions`).set(who.bearer);

  it('answers the content as it was submitted, with when and by whom, to the case’s kommuner and the ministry', async () => {
    const application = await givenSubmitted(api, lead, programme.id, { coApplicantCodes: ['707'], themes: ['livskvalitet', 'ensomhed'] });
    const submittedAt = (await api.http.get(`/api/v1/applications/${application.id}`).set(lead.bearer).expect(200)).body.submittedAt;
    const expected = [
      {
        versionNo: 1,
        submittedAt,
        submittedBy: lead.user.id,
        submittedByName: lead.user.name,
        title: 'Mere værdig hjemmepleje',
        purpose: expect.stringContaining('Projektets formål'),
        activities: ['Implementere selvstyrende teams i hjemmeplejen', 'Reducere dokumentationstiden'],
        themes: ['livskvalitet', 'ensomhed'],
        requestedOre: 1_101_426_000,
        plannedStart: '2021-01-01',
        plannedEnd: '2022-06-30',
        municipalityCode: '706',
        coApplicantCodes: ['707'],
        cvr: null,
        contactPerson: null,
        coFinancingOre: null,
        budgetLines: [],
      },
    ];
    for (const who of [lead, coApplicant, caseworker, admin]) expect((await versions(application.id, who).expect(200)).body).toEqual(expected);
  });

  it('lists the newest first, and leaves out what a version did not record (a historical import’s)', async () => {
    const application = await givenSubmitted(api, lead, programme.id);
    // A second version, as an import records one: only what was published. (Nothing in the API submits twice yet.)
    await api.app
      .get<DataSource>(getDataSourceToken())
      .query(`INSERT INTO application_version (application_id, version_no, content, submitted_at, submitted_by) VALUES ($1, 2, $2, $3, $4)`, [
        application.id,
        JSON.stringify({ title: 'Importeret titel', purpose: 'Importeret formål', activities: ['Aktivitet'], source: 'award-overview-2020' }),
        '2030-01-01T10:00:00Z',
        caseworker.user.id,
      ]);
    const { body } = await versions(application.id, caseworker).expect(200);
    expect(body.map((version: { versionNo: number }) => version.versionNo)).toEqual([2, 1]);
    expect(body[0]).toEqual({
      versionNo: 2,
      submittedAt: '2030-01-01T10:00:00.000Z',
      submittedBy: caseworker.user.id,
      submittedByName: caseworker.user.name,
      title: 'Importeret titel',
      purpose: 'Importeret formål',
      activities: ['Aktivitet'],
      themes: null,
      requestedOre: null,
      plannedStart: null,
      plannedEnd: null,
      municipalityCode: null,
      coApplicantCodes: null,
      cvr: null,
      contactPerson: null,
      coFinancingOre: null,
      budgetLines: null,
    });
    expect(body[1]).toMatchObject({ versionNo: 1, requestedOre: 1_101_426_000, submittedByName: lead.user.name });
  });

  it('is empty for the kommune’s own draft, not found for the ministry, and another kommune’s case is 404', async () => {
    const draft = await givenDraft(api, lead, programme.id);
    expect((await versions(draft.id, lead).expect(200)).body).toEqual([]);
    await versions(draft.id, caseworker).expect(404);
    const submitted = await givenSubmitted(api, lead, programme.id);
    const hidden = await versions(submitted.id, otherLead).expect(404);
    expect(hidden.body.type).toBe('urn:tilskud:problem:not-found');
    await versions('00000000-0000-4000-8000-000000000000', caseworker).expect(404);
    await api.http.get(`/api/v1/applications/${submitted.id}/versions`).expect(401);
    await api.http.get('/api/v1/applications/not-an-id/versions').set(caseworker.bearer).expect(400);
  });
});
