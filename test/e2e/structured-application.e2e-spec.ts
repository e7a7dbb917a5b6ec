import { applicationBody, givenDraft, givenProgramme } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

/** The structured application: CVR number, contact person, co-financing and budget lines, checked at submission. */
describe('the structured application', () => {
  let api: TestApp;
  let admin: SignedInUser;
  let caseworker: SignedInUser;
  let lead: SignedInUser;
  let otherLead: SignedInUser;
  let structured: { id: string };
  let unstructured: { id: string };

  // A real CVR number (modulus 11 holds) and one with its check digit wrong.
  const CVR = '24256790';
  const CONTACT = { name: 'Mette Hansen', email: 'meha@syddjurs.dk', phone: '+45 87 53 50 00' };
  // 11.014.260 kr. applied for (the fixture's requestedOre), in two lines that add up to it.
  const LINES = [
    { label: 'Løn til projektleder og teams', amountOre: 800_000_000 },
    { label: 'Uddannelse og evaluering', amountOre: 301_426_000 },
  ];

  beforeAll(async () => {
    api = await createTestApp();
    admin = await signedInAs(api, 'admin');
    caseworker = await signedInAs(api, 'caseworker');
    lead = await signedInAs(api, 'project_lead', '706');
    otherLead = await signedInAs(api, 'project_lead', '101');
    structured = await givenProgramme(api, admin, { requiresBudgetLines: true });
    unstructured = await givenProgramme(api, admin);
  });
  afterAll(() => api.close());

  const url = (id: string, action = '') => `/api/v1/applications/${id}${action}`;
  const fieldsOf = (body: { errors: Array<{ field: string; message: string }> }) => body.errors.map((error) => [error.field, error.message]);

  it('keeps the CVR number, contact person, co-financing and budget lines of a draft, and shows them', async () => {
    const draft = await givenDraft(api, lead, structured.id, { cvr: CVR, contactPerson: CONTACT, coFinancingOre: 50_000_000, budgetLines: LINES });
    const { body } = await api.http.get(url(draft.id)).set(lead.bearer).expect(200);
    expect(body).toMatchObject({ cvr: CVR, contactPerson: CONTACT, coFinancingOre: 50_000_000, budgetLines: LINES });
  });

  it('answers the new fields empty for a draft that does not give them (a client from before them)', async () => {
    const draft = await givenDraft(api, lead, unstructured.id);
    const { body } = await api.http.get(url(draft.id)).set(lead.bearer).expect(200);
    expect(body).toMatchObject({ cvr: null, contactPerson: null, coFinancingOre: null, budgetLines: [] });
  });

  it.each([
    [{ cvr: '24256791' }, [['cvr', 'er ikke et gyldigt CVR-nummer (kontrolcifferet passer ikke)']]],
    [{ cvr: '2425679' }, [['cvr', 'skal være et CVR-nummer på 8 cifre']]],
    [{ cvr: 24256790 }, [['cvr', 'skal være et CVR-nummer på 8 cifre']]],
    [
      { contactPerson: { name: '', email: 'ikke en adresse', phone: '12 34' } },
      [
        ['contactPerson.name', 'skal udfyldes'],
        ['contactPerson.email', 'skal være en e-mailadresse'],
        ['contactPerson.phone', 'skal være et dansk telefonnummer på 8 cifre, evt. med +45 foran'],
      ],
    ],
    [{ contactPerson: { ...CONTACT, cpr: '0101011234' } }, [['contactPerson.cpr', 'er ikke et kendt felt']]],
    [{ coFinancingOre: -1 }, [['coFinancingOre', 'skal være mindst 0 kr.']]],
    [{ budgetLines: [{ label: 'x'.repeat(201), amountOre: 100 }] }, [['budgetLines[0].label', 'må højst være 200 tegn']]],
    [{ budgetLines: [{ label: 'Løn', amountOre: 0 }] }, [['budgetLines[0].amountOre', 'skal være mere end 0 kr.']]],
    [{ budgetLines: Array.from({ length: 51 }, () => ({ label: 'Løn', amountOre: 100 })) }, [['budgetLines', 'må højst indeholde 50 elementer']]],
  ])('refuses a draft with %j, in Danish at the field, and stores nothing', async (fields, errors) => {
    const before = (await api.http.get('/api/v1/applications').query({ limit: 200 }).set(lead.bearer).expect(200)).body.items.length;
    const response = await api.http.post('/api/v1/applications').set(lead.bearer).send(applicationBody(structured.id, fields)).expect(400);
    expect(fieldsOf(response.body)).toEqual(errors);
    expect((await api.http.get('/api/v1/applications').query({ limit: 200 }).set(lead.bearer).expect(200)).body.items).toHaveLength(before);
  });

  it('changes and clears the fields with PATCH: null clears, left out keeps', async () => {
    const draft = await givenDraft(api, lead, structured.id, { cvr: CVR, contactPerson: CONTACT, coFinancingOre: 50_000_000, budgetLines: LINES });
    const changed = await api.http
      .patch(url(draft.id))
      .set(lead.bearer)
      .send({ version: draft.version, contactPerson: { ...CONTACT, phone: '87535000' }, budgetLines: [LINES[0]] })
      .expect(200);
    expect(changed.body).toMatchObject({ cvr: CVR, contactPerson: { ...CONTACT, phone: '87535000' }, coFinancingOre: 50_000_000, budgetLines: [LINES[0]] });
    const cleared = await api.http
      .patch(url(draft.id))
      .set(lead.bearer)
      .send({ version: changed.body.version, cvr: null, contactPerson: null, coFinancingOre: null, budgetLines: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ cvr: null, contactPerson: null, coFinancingOre: null, budgetLines: [] });
    const wrong = await api.http.patch(url(draft.id)).set(lead.bearer).send({ version: cleared.body.version, cvr: '11111111' }).expect(400);
    expect(fieldsOf(wrong.body)).toEqual([['cvr', 'er ikke et gyldigt CVR-nummer (kontrolcifferet passer ikke)']]);
  });

  it('gives another kommune’s project lead 404 for the draft, whatever it sends', async () => {
    const draft = await givenDraft(api, lead, structured.id, { cvr: CVR });
    await api.http.patch(url(draft.id)).set(otherLead.bearer).send({ version: draft.version, cvr: null }).expect(404);
    await api.http.post(url(draft.id, '/submit')).set(otherLead.bearer).expect(404);
    expect((await api.http.get(url(draft.id)).set(lead.bearer).expect(200)).body.cvr).toBe(CVR);
  });

  it('refuses submission without budget lines when the programme requires them, and leaves the draft a draft', async () => {
    const draft = await givenDraft(api, lead, structured.id);
    const response = await api.http.post(url(draft.id, '/submit')).set(lead.bearer).expect(422);
    expect(response.body).toMatchObject({ type: 'urn:tilskud:problem:submission-rules-not-met' });
    expect(fieldsOf(response.body)).toEqual([['budgetLines', 'skal udfyldes: puljen kræver et budget, der summerer til det ansøgte beløb']]);
    expect((await api.http.get(url(draft.id)).set(lead.bearer).expect(200)).body).toMatchObject({ status: 'draft', caseNumber: null });
  });

  it('refuses submission when the lines do not sum to the amount applied for, naming the difference in kroner', async () => {
    const draft = await givenDraft(api, lead, structured.id, { budgetLines: [LINES[0], { ...LINES[1], amountOre: 291_426_000 }] });
    const response = await api.http.post(url(draft.id, '/submit')).set(lead.bearer).expect(422);
    expect(response.body).toMatchObject({
      type: 'urn:tilskud:problem:budget-lines-mismatch',
      title: 'Budgettet passer ikke med det ansøgte beløb',
      detail: 'Budgetlinjerne summerer til 10.914.260 kr., 100.000 kr. mindre end det ansøgte beløb på 11.014.260 kr.',
      budgetLinesSumOre: 1_091_426_000,
      differenceOre: -10_000_000,
    });
    expect((await api.http.get(url(draft.id)).set(lead.bearer).expect(200)).body.status).toBe('draft');
  });

  it('checks lines given to a programme that does not require them, and submits without any as before', async () => {
    const mismatched = await givenDraft(api, lead, unstructured.id, { budgetLines: [{ label: 'Løn', amountOre: 1_201_426_000 }] });
    const refused = await api.http.post(url(mismatched.id, '/submit')).set(lead.bearer).expect(422);
    expect(refused.body.detail).toBe('Budgetlinjerne summerer til 12.014.260 kr., 1.000.000 kr. mere end det ansøgte beløb på 11.014.260 kr.');
    const plain = await givenDraft(api, lead, unstructured.id);
    await api.http.post(url(plain.id, '/submit')).set(lead.bearer).expect(200);
  });

  it('freezes the fields in the submitted version, names the CVR number in the receipt and records them in the audit trail', async () => {
    const draft = await givenDraft(api, lead, structured.id, { cvr: CVR, contactPerson: CONTACT, coFinancingOre: 50_000_000, budgetLines: LINES });
    const submitted = await api.http.post(url(draft.id, '/submit')).set(lead.bearer).expect(200);
    expect(submitted.body.receipt.text).toContain(`(CVR-nr. ${CVR})`);

    const [version] = (await api.http.get(url(draft.id, '/versions')).set(caseworker.bearer).expect(200)).body;
    expect(version).toMatchObject({ cvr: CVR, contactPerson: CONTACT, coFinancingOre: 50_000_000, budgetLines: LINES });

    const events = (await api.http.get('/api/v1/audit-events').query({ entityId: draft.id }).set(admin.bearer).expect(200)).body.items;
    const byAction = (action: string) => events.find((event: { action: string }) => event.action === action);
    const stored = LINES.map((line) => ({ label: line.label, amountOre: String(line.amountOre) }));
    expect(byAction('application.created').after).toMatchObject({ cvr: CVR, contactPerson: CONTACT, coFinancingOre: '50000000', budgetLines: stored });
    expect(byAction('application.submitted').after).toMatchObject({ cvr: CVR, contactPerson: CONTACT, budgetLines: stored });
  });

  it('shows on the programme whether it requires budget lines; a programme created without saying does not', async () => {
    const { body } = await api.http.get(`/api/v1/programmes/${structured.id}`).set(lead.bearer).expect(200);
    expect(body.requiresBudgetLines).toBe(true);
    expect((await api.http.get(`/api/v1/programmes/${unstructured.id}`).set(lead.bearer).expect(200)).body.requiresBudgetLines).toBe(false);
  });
});
