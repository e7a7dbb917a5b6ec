import { Global, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SUBMITTED_DOCUMENTS, type SubmittedDocumentsPort } from '../../libs/applications/submitted-documents.port.js';
import { givenDraft, givenProgramme, programmeBody } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

/** The documents on each case, as the test says: the documents context's answer, without it. */
const documentsOnCase = new Map<string, string[]>();
const testDocuments: SubmittedDocumentsPort = { kindsOf: async (_manager: EntityManager, applicationId: string) => documentsOnCase.get(applicationId) ?? [] };

/** Provides the port globally, as the documents context's module does. */
@Global()
@Module({ providers: [{ provide: SUBMITTED_DOCUMENTS, useValue: testDocuments }], exports: [SUBMITTED_DOCUMENTS] })
class TestDocumentsModule {}

/** A programme may require kinds of document on the case before an application is submitted. */
describe('documents required before submission', () => {
  let api: TestApp;
  let admin: SignedInUser;
  let lead: SignedInUser;
  let programme: { id: string };

  beforeAll(async () => {
    api = await createTestApp({ imports: [TestDocumentsModule] });
    admin = await signedInAs(api, 'admin');
    lead = await signedInAs(api, 'project_lead', '706');
    programme = await givenProgramme(api, admin, { requiredDocumentKinds: ['budget', 'signed_application'] });
  });
  afterAll(() => api.close());

  const submit = (id: string) => api.http.post(`/api/v1/applications/${id}/submit`).set(lead.bearer);

  it('shows the required kinds on the programme; a programme that names none requires none', async () => {
    expect((await api.http.get(`/api/v1/programmes/${programme.id}`).set(lead.bearer).expect(200)).body.requiredDocumentKinds).toEqual([
      'budget',
      'signed_application',
    ]);
    const plain = await givenProgramme(api, admin);
    expect((await api.http.get(`/api/v1/programmes/${plain.id}`).set(lead.bearer).expect(200)).body.requiredDocumentKinds).toEqual([]);
  });

  it.each([
    [
      ['budget', 'kontrakt'],
      'requiredDocumentKinds',
      'hvert element skal være en af: budget, signed_application, auditor_statement, report_annex, letter, other',
    ],
    [['budget', 'budget'], 'requiredDocumentKinds', 'må ikke indeholde den samme værdi to gange'],
    ['budget', 'requiredDocumentKinds', 'skal være en liste'],
  ])('refuses a programme requiring %j', async (kinds, field, message) => {
    const response = await api.http
      .post('/api/v1/programmes')
      .set(admin.bearer)
      .send(programmeBody({ requiredDocumentKinds: kinds }))
      .expect(400);
    expect(response.body.errors).toEqual([{ field, message }]);
  });

  it('refuses submission naming every kind missing, in Danish, and leaves the draft a draft', async () => {
    const draft = await givenDraft(api, lead, programme.id);
    const response = await submit(draft.id).expect(422);
    expect(response.body).toMatchObject({
      type: 'urn:tilskud:problem:documents-missing',
      title: 'Dokumenter mangler',
      detail: 'Ansøgningen mangler: budget, underskrevet ansøgning.',
      missingDocumentKinds: ['budget', 'signed_application'],
    });
    documentsOnCase.set(draft.id, ['budget', 'other']);
    expect((await submit(draft.id).expect(422)).body.detail).toBe('Ansøgningen mangler: underskrevet ansøgning.');
    expect((await api.http.get(`/api/v1/applications/${draft.id}`).set(lead.bearer).expect(200)).body).toMatchObject({ status: 'draft', caseNumber: null });
  });

  it('submits once every required kind is on the case', async () => {
    const draft = await givenDraft(api, lead, programme.id);
    documentsOnCase.set(draft.id, ['signed_application', 'budget']);
    expect((await submit(draft.id).expect(200)).body.status).toBe('submitted');
  });

  it('lets an administrator change the required kinds before the first submission, never after', async () => {
    const fresh = await givenProgramme(api, admin);
    const changed = await api.http
      .patch(`/api/v1/programmes/${fresh.id}`)
      .set(admin.bearer)
      .send({ requiredDocumentKinds: ['auditor_statement'] })
      .expect(200);
    expect(changed.body.requiredDocumentKinds).toEqual(['auditor_statement']);
    const locked = await api.http
      .patch(`/api/v1/programmes/${programme.id}`)
      .set(admin.bearer)
      .send({ requiredDocumentKinds: [], requiresBudgetLines: true })
      .expect(422);
    expect(locked.body).toMatchObject({ type: 'urn:tilskud:problem:programme-field-locked' });
    expect(locked.body.errors.map((error: { field: string }) => error.field)).toEqual(['requiresBudgetLines', 'requiredDocumentKinds']);
    await api.http.patch(`/api/v1/programmes/${programme.id}`).set(lead.bearer).send({ requiredDocumentKinds: [] }).expect(403);
  });
});
