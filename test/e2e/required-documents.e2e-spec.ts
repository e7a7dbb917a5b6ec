import { randomUUID } from 'node:crypto';
import { givenDraft, givenProgramme, programmeBody } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

/** A small PDF: what the upload needs to know it is one is its header. */
const pdf = () => Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${randomUUID()}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');

/** A programme may require kinds of document on the case before an application is submitted: the uploads the case holds count. */
describe('documents required before submission', () => {
  let api: TestApp;
  let admin: SignedInUser;
  let lead: SignedInUser;
  let programme: { id: string };

  beforeAll(async () => {
    api = await createTestApp();
    admin = await signedInAs(api, 'admin');
    lead = await signedInAs(api, 'project_lead', '706');
    programme = await givenProgramme(api, admin, { requiredDocumentKinds: ['budget', 'signed_application'] });
  });
  afterAll(() => api.close());

  const submit = (id: string) => api.http.post(`/api/v1/applications/${id}/submit`).set(lead.bearer);
  /** A document of the kind on the draft, uploaded as the kommune uploads it. */
  const attach = async (applicationId: string, kind: string) => {
    const response = await api.http
      .post('/api/v1/documents')
      .set(lead.bearer)
      .field('subjectType', 'application')
      .field('subjectId', applicationId)
      .field('kind', kind)
      .attach('file', pdf(), { filename: `${kind}.pdf`, contentType: 'application/pdf' })
      .expect(201);
    return response.body as { id: string };
  };

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
    await attach(draft.id, 'budget');
    await attach(draft.id, 'other');
    expect((await submit(draft.id).expect(422)).body.detail).toBe('Ansøgningen mangler: underskrevet ansøgning.');
    // A deleted document is not on the case.
    const signed = await attach(draft.id, 'signed_application');
    await api.http.delete(`/api/v1/documents/${signed.id}`).set(lead.bearer).expect(204);
    expect((await submit(draft.id).expect(422)).body.detail).toBe('Ansøgningen mangler: underskrevet ansøgning.');
    expect((await api.http.get(`/api/v1/applications/${draft.id}`).set(lead.bearer).expect(200)).body).toMatchObject({ status: 'draft', caseNumber: null });
  });

  it('submits once every required kind is on the case', async () => {
    const draft = await givenDraft(api, lead, programme.id);
    await attach(draft.id, 'signed_application');
    await attach(draft.id, 'budget');
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
