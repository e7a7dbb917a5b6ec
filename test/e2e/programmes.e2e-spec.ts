import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';
import { givenAssessed, givenProgramme, programmeBody, SUBSTANTIVE_PARTIAL } from '../support/grant-case.js';

describe('programmes', () => {
  let api: TestApp;
  let admin: SignedInUser;
  let caseworker: SignedInUser;
  let lead: SignedInUser;
  beforeAll(async () => {
    api = await createTestApp();
    admin = await signedInAs(api, 'admin');
    caseworker = await signedInAs(api, 'caseworker');
    lead = await signedInAs(api, 'project_lead', '706');
  });
  afterAll(() => api.close());

  it('an admin creates one; everyone signed in reads it with its money figures', async () => {
    const body = programmeBody({ code: 'ÆLDT-2020' });
    const created = await api.http.post('/api/v1/programmes').set(admin.bearer).send(body).expect(201);
    expect(created.body).toMatchObject({
      code: 'ÆLDT-2020',
      budgetOre: 24_500_000_000,
      minApplicationOre: 500_000_000,
      applicationClosesAt: '2100-01-01T11:00:00.000Z',
      themes: body.themes,
      criteria: body.criteria,
      committedOre: 0,
      adjustmentsOre: 0,
      remainingOre: 24_500_000_000,
    });
    const read = await api.http.get(`/api/v1/programmes/${created.body.id}`).set(lead.bearer).expect(200);
    expect(read.body).toEqual(created.body);
    // The list, page by page (other files' programmes share the database, in the order of their codes).
    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await api.http
        .get('/api/v1/programmes')
        .query({ limit: 100, ...(cursor ? { cursor } : {}) })
        .set(caseworker.bearer)
        .expect(200);
      listed.push(...page.body.items.map((p) => p.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(listed).toContain(created.body.id);
  });

  it('reads a deadline without an offset as Copenhagen time', async () => {
    const programme = await api.http
      .post('/api/v1/programmes')
      .set(admin.bearer)
      .send(programmeBody({ applicationOpensAt: '2020-08-24T00:00', applicationClosesAt: '2020-10-19T12:00' }))
      .expect(201);
    expect(programme.body.applicationClosesAt).toBe('2020-10-19T10:00:00.000Z');
    expect(programme.body.applicationOpensAt).toBe('2020-08-23T22:00:00.000Z');
  });

  it('refuses a time that does not exist instead of rolling it over into another day', async () => {
    for (const time of ['2027-02-30T12:00', '2099-13-45T99:99', '2026-04-31T08:00:00+02:00', '2026-01-01T24:00']) {
      const response = await api.http
        .post('/api/v1/programmes')
        .set(admin.bearer)
        .send(programmeBody({ applicationClosesAt: time }))
        .expect(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'applicationClosesAt' })]);
    }
    await api.http.get('/api/v1/audit-events').query({ from: '2027-02-30T12:00' }).set(admin.bearer).expect(400);
  });

  it('is for admins only to create', async () => {
    await api.http.post('/api/v1/programmes').set(lead.bearer).send(programmeBody()).expect(403);
    await api.http.post('/api/v1/programmes').set(caseworker.bearer).send(programmeBody()).expect(403);
  });

  it.each([
    [{ code: 'pulje 2020' }, 'code'],
    [{ budgetOre: 10.5 }, 'budgetOre'],
    [{ budgetOre: -1 }, 'budgetOre'],
    [{ applicationClosesAt: '2019-01-01T00:00' }, 'applicationClosesAt'],
    [{ applicationOpensAt: 'i morgen' }, 'applicationOpensAt'],
    [{ themes: [] }, 'themes'],
    [
      {
        themes: [
          { key: 'a', name: 'A' },
          { key: 'a', name: 'B' },
        ],
      },
      'themes[1].key',
    ],
    [{ criteria: [{ key: 'x', title: 'X' }] }, 'criteria[0].description'],
  ])('refuses %j with 400 naming %s', async (overrides, field) => {
    const response = await api.http.post('/api/v1/programmes').set(admin.bearer).send(programmeBody(overrides)).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a code that is taken with 409', async () => {
    const { code } = await givenProgramme(api, admin);
    await api.http.post('/api/v1/programmes').set(admin.bearer).send(programmeBody({ code })).expect(409);
  });

  it('answers 404 for an unknown programme and 400 for an id that is not a UUID', async () => {
    await api.http.get(`/api/v1/programmes/${crypto.randomUUID()}`).set(lead.bearer).expect(404);
    await api.http.get('/api/v1/programmes/ÆLD-2020').set(lead.bearer).expect(400);
  });

  describe('budget adjustments and the ledger', () => {
    it('records an adjustment with its reason, and the ledger reconciles to the øre', async () => {
      const programme = await givenProgramme(api, admin, { budgetOre: 1_000_000_001 });
      const adjustment = await api.http
        .post(`/api/v1/programmes/${programme.id}/budget-adjustments`)
        .set(admin.bearer)
        .send({ deltaOre: 49_999, reason: 'Rest fra tidligere pulje overført' })
        .expect(201);
      expect(adjustment.body).toMatchObject({ deltaOre: 49_999, reason: 'Rest fra tidligere pulje overført', createdBy: admin.user.id });

      const assessor = await signedInAs(api, 'caseworker');
      const application = await givenAssessed(api, { lead, assessor }, programme.id, { requestedOre: 600_000_003 });
      await api.http
        .post(`/api/v1/applications/${application.id}/decision`)
        .set(caseworker.bearer)
        .send({ outcome: 'award', amountOre: 600_000_001, rationale: SUBSTANTIVE_PARTIAL })
        .expect(201);

      const { body: ledger } = await api.http.get(`/api/v1/programmes/${programme.id}/ledger`).set(caseworker.bearer).expect(200);
      expect(ledger).toMatchObject({
        budgetOre: 1_000_000_001,
        adjustmentsOre: 49_999,
        committedOre: 600_000_001,
        remainingOre: 400_049_999,
        overCommittedOre: 0,
      });
      expect(ledger.budgetOre + ledger.adjustmentsOre - ledger.committedOre).toBe(ledger.remainingOre);
      // Each line names the application's themes: the committed amount per theme is read from them.
      expect(ledger.awards).toEqual([
        expect.objectContaining({ caseNumber: application.caseNumber, municipalityCode: '706', amountOre: 600_000_001, themes: ['livskvalitet'] }),
      ]);
      expect(ledger.adjustments).toHaveLength(1);

      const { body: read } = await api.http.get(`/api/v1/programmes/${programme.id}`).set(lead.bearer).expect(200);
      expect(read).toMatchObject({ committedOre: 600_000_001, adjustmentsOre: 49_999, remainingOre: 400_049_999 });
    });

    it('refuses a cut that would leave less than is committed, with 409', async () => {
      const programme = await givenProgramme(api, admin, { budgetOre: 1_000_000_000 });
      const assessor = await signedInAs(api, 'caseworker');
      const application = await givenAssessed(api, { lead, assessor }, programme.id, { requestedOre: 800_000_000 });
      await api.http
        .post(`/api/v1/applications/${application.id}/decision`)
        .set(caseworker.bearer)
        .send({ outcome: 'award', amountOre: 800_000_000, rationale: 'Fuld bevilling.' })
        .expect(201);
      const cut = await api.http
        .post(`/api/v1/programmes/${programme.id}/budget-adjustments`)
        .set(admin.bearer)
        .send({ deltaOre: -200_000_001, reason: 'Besparelse på finansloven' })
        .expect(409);
      expect(cut.body.type).toBe('urn:tilskud:problem:budget-exceeded');
      await api.http
        .post(`/api/v1/programmes/${programme.id}/budget-adjustments`)
        .set(admin.bearer)
        .send({ deltaOre: -200_000_000, reason: 'Besparelse på finansloven' })
        .expect(201);
    });

    it('keeps every amount and the budget with its adjustments under the ceiling, so lists and the ledger always answer', async () => {
      await api.http
        .post('/api/v1/programmes')
        .set(admin.bearer)
        .send(programmeBody({ budgetOre: 2 ** 53 + 2 }))
        .expect(400);
      await api.http
        .post('/api/v1/programmes')
        .set(admin.bearer)
        .send(programmeBody({ budgetOre: 100_000_000_001 }))
        .expect(400);
      const programme = await givenProgramme(api, admin, { budgetOre: 100_000_000_000 });
      await api.http
        .post(`/api/v1/programmes/${programme.id}/budget-adjustments`)
        .set(admin.bearer)
        .send({ deltaOre: 2 ** 53, reason: 'Et beløb uden for enhver pulje' })
        .expect(400);
      const over = await api.http
        .post(`/api/v1/programmes/${programme.id}/budget-adjustments`)
        .set(admin.bearer)
        .send({ deltaOre: 1, reason: 'Én øre over loftet' })
        .expect(422);
      expect(over.body).toMatchObject({ type: 'urn:tilskud:problem:amount-above-ceiling', maxOre: 100_000_000_000 });
      await api.http
        .post(`/api/v1/programmes/${programme.id}/budget-adjustments`)
        .set(admin.bearer)
        .send({ deltaOre: -1, reason: 'Én øre under loftet' })
        .expect(201);
      await api.http.get('/api/v1/programmes').query({ limit: 200 }).set(admin.bearer).expect(200);
      expect((await api.http.get(`/api/v1/programmes/${programme.id}/ledger`).set(admin.bearer).expect(200)).body.remainingOre).toBe(99_999_999_999);
    });

    it('needs a reason and a non-zero amount, and an admin', async () => {
      const programme = await givenProgramme(api, admin);
      await api.http.post(`/api/v1/programmes/${programme.id}/budget-adjustments`).set(admin.bearer).send({ deltaOre: 100 }).expect(400);
      await api.http
        .post(`/api/v1/programmes/${programme.id}/budget-adjustments`)
        .set(admin.bearer)
        .send({ deltaOre: 0, reason: 'Ingen ændring overhovedet' })
        .expect(400);
      await api.http
        .post(`/api/v1/programmes/${programme.id}/budget-adjustments`)
        .set(caseworker.bearer)
        .send({ deltaOre: 100, reason: 'Forsøg fra sagsbehandler' })
        .expect(403);
    });

    it('serves a ledger again only while nothing it shows has changed, whoever changed it', async () => {
      const programme = await givenProgramme(api, admin, { budgetOre: 2_000_000_000 });
      const ledger = () => api.http.get(`/api/v1/programmes/${programme.id}/ledger`).set(caseworker.bearer).expect(200);
      const first = await ledger();
      expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
      expect((await ledger()).body).toEqual(first.body);
      // Unchanged: a client that has it is told so.
      await api.http.get(`/api/v1/programmes/${programme.id}/ledger`).set(caseworker.bearer).set('If-None-Match', first.headers.etag).expect(304);
      // As HTTP has it: a list of tags matches when one of them does, and `*` matches any; a stale tag does not.
      await api.http
        .get(`/api/v1/programmes/${programme.id}/ledger`)
        .set(caseworker.bearer)
        .set('If-None-Match', `W/"stale", ${first.headers.etag}`)
        .expect(304);
      await api.http.get(`/api/v1/programmes/${programme.id}/ledger`).set(caseworker.bearer).set('If-None-Match', '*').expect(304);
      await api.http.get(`/api/v1/programmes/${programme.id}/ledger`).set(caseworker.bearer).set('If-None-Match', 'W/"stale"').expect(200);

      // An adjustment and an award are in the next answer.
      await api.http
        .post(`/api/v1/programmes/${programme.id}/budget-adjustments`)
        .set(admin.bearer)
        .send({ deltaOre: 1_000, reason: 'Overført restbeløb' })
        .expect(201);
      expect((await ledger()).body).toMatchObject({ adjustmentsOre: 1_000, remainingOre: 2_000_001_000 });
      const assessor = await signedInAs(api, 'caseworker');
      const application = await givenAssessed(api, { lead, assessor }, programme.id, { requestedOre: 700_000_000 });
      await api.http
        .post(`/api/v1/applications/${application.id}/decision`)
        .set(caseworker.bearer)
        .send({ outcome: 'award', amountOre: 700_000_000, rationale: 'Fuld bevilling.' })
        .expect(201);
      const awarded = await ledger();
      expect(awarded.body).toMatchObject({ committedOre: 700_000_000, remainingOre: 1_300_001_000, awards: [expect.objectContaining({ status: 'active' })] });
      expect(awarded.headers.etag).not.toBe(first.headers.etag);

      // So is a change made outside this process (another API process, or SQL): the database versions the ledger.
      const dataSource = api.app.get(DataSource);
      // (A cancelled award stays committed: what it had not paid is released by its cancellation, what it paid when repaid.)
      await dataSource.query(`UPDATE award SET status = 'cancelled', amount_ore = 600000000 WHERE programme_id = $1`, [programme.id]);
      expect((await ledger()).body).toMatchObject({ committedOre: 600_000_000, awards: [expect.objectContaining({ status: 'cancelled' })] });
      await dataSource.query('UPDATE programme SET budget_ore = budget_ore + 1 WHERE id = $1', [programme.id]);
      expect((await ledger()).body).toMatchObject({ budgetOre: 2_000_000_001 });
      // A change the ledger does not show moves nothing.
      const { etag } = (await ledger()).headers;
      await dataSource.query(`UPDATE award SET end_date = end_date + 1 WHERE programme_id = $1`, [programme.id]);
      expect((await ledger()).headers.etag).toBe(etag);
    });

    it('the ledger is for caseworkers and admins', async () => {
      const programme = await givenProgramme(api, admin);
      await api.http.get(`/api/v1/programmes/${programme.id}/ledger`).set(lead.bearer).expect(403);
      await api.http.get(`/api/v1/programmes/${programme.id}/ledger`).set(admin.bearer).expect(200);
    });
  });
});
