import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { readCsv } from '../support/csv.js';
import { givenAssessed, givenAward, givenDraft, givenProgramme, MIN_APPLICATION_ORE, programmeBody, SUBSTANTIVE_PARTIAL } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

/** Words of English sentences and of class-validator's defaults; none may reach a person. */
const ENGLISH =
  /\b(the|must|is|are|was|cannot|not|found|only|may|this|with|of|and|be|has|your|should|than|each|value|array|string|number|elements|characters|longer|shorter|greater|less|empty|unknown|property|Bad Request|Not Found|Error)\b/i;

interface ProblemBody {
  type: string;
  title: string;
  detail: string;
  errors?: Array<{ field: string; message: string }>;
}

/** Every text of a problem answer is Danish: title, detail and each field's message. */
function expectDanish(problem: ProblemBody): void {
  for (const text of [problem.title, problem.detail, ...(problem.errors ?? []).map((error) => error.message)]) {
    expect(text).not.toMatch(ENGLISH);
    expect(text).not.toContain('kr..');
  }
}

/** A raw HTTP exchange, for a URL supertest would encode. */
function rawGet(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const lines = Object.entries({ Host: 'x', Connection: 'close', ...headers }).map(([name, value]) => `${name}: ${value}\r\n`);
    const socket = net.createConnection({ host: '127.0.0.1', port }, () => socket.write(`GET ${path} HTTP/1.1\r\n${lines.join('')}\r\n`));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const parsed = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers: parsed, body: rest.join('\r\n\r\n') });
    });
  });
}

describe('Danish, everywhere a person reads', () => {
  let api: TestApp;
  let admin: SignedInUser;
  let caseworker: SignedInUser;
  let port: number;
  beforeAll(async () => {
    api = await createTestApp();
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as AddressInfo).port;
    admin = await signedInAs(api, 'admin');
    caseworker = await signedInAs(api, 'caseworker');
  });
  afterAll(() => api.close());

  describe('field messages', () => {
    it('refuses a programme with an empty list of criteria, saying so in Danish at the field', async () => {
      const response = await api.http
        .post('/api/v1/programmes')
        .set(admin.bearer)
        .send(programmeBody({ criteria: [] }))
        .expect(400);
      expect(response.body).toMatchObject({
        type: 'urn:tilskud:problem:validation-failed',
        title: 'Ugyldige oplysninger',
        detail: 'Oplysningerne er ikke gyldige: criteria skal indeholde mindst 1 element.',
        errors: [{ field: 'criteria', message: 'skal indeholde mindst 1 element' }],
      });
    });

    it('names nested fields by their path, says amounts in kroner, and a missing field once', async () => {
      const response = await api.http
        .post('/api/v1/programmes')
        .set(admin.bearer)
        .send(programmeBody({ budgetOre: 100_000_000_001, minApplicationOre: -1, name: undefined, themes: [{ key: 'Store Bogstaver', name: '' }] }))
        .expect(400);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'name', message: 'skal udfyldes' },
          { field: 'budgetOre', message: 'må højst være 1.000.000.000 kr.' },
          { field: 'minApplicationOre', message: 'skal være mindst 0 kr.' },
          { field: 'themes[0].key', message: 'skal være 1–50 små bogstaver, cifre eller -' },
          { field: 'themes[0].name', message: 'skal udfyldes' },
        ]),
      );
      expect(response.body.errors.filter((error: { field: string }) => error.field === 'name')).toHaveLength(1);
      expectDanish(response.body);
    });

    it('refuses an application below the programme’s minimum: skal være mindst 5.000.000 kr.', async () => {
      const programme = await givenProgramme(api, admin);
      const lead = await signedInAs(api, 'project_lead', '706');
      const draft = await givenDraft(api, lead, programme.id, { requestedOre: MIN_APPLICATION_ORE - 100 });
      const response = await api.http.post(`/api/v1/applications/${draft.id}/submit`).set(lead.bearer).expect(422);
      expect(response.body).toMatchObject({
        type: 'urn:tilskud:problem:submission-rules-not-met',
        title: 'Opfylder ikke puljens regler',
        detail: 'Ansøgningen opfylder ikke puljens regler: requestedOre skal være mindst 5.000.000 kr.',
        errors: [{ field: 'requestedOre', message: 'skal være mindst 5.000.000 kr.' }],
      });
    });

    it('answers a query parameter of the wrong kind in Danish', async () => {
      const response = await api.http.get('/api/v1/applications').query({ status: 'maybe', limit: 'mange' }).set(caseworker.bearer).expect(400);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'limit', message: 'skal være et helt tal' },
          { field: 'status', message: expect.stringMatching(/^skal være en af: draft, submitted, /) },
        ]),
      );
      expectDanish(response.body);
    });
  });

  describe('details', () => {
    it('refuses a step the case is not in with the status as a Danish word', async () => {
      const programme = await givenProgramme(api, admin);
      const lead = await signedInAs(api, 'project_lead', '751');
      const draft = await givenDraft(api, lead, programme.id);
      await api.http.post(`/api/v1/applications/${draft.id}/submit`).set(lead.bearer).expect(200);
      const again = await api.http.post(`/api/v1/applications/${draft.id}/submit`).set(lead.bearer).expect(409);
      expect(again.body).toMatchObject({
        type: 'urn:tilskud:problem:illegal-transition',
        title: 'Ikke muligt i sagens tilstand',
        detail: 'En ansøgning, der er indsendt, kan ikke indsendes.',
      });
    });

    it('answers an unknown record, and an id that is not one, in Danish', async () => {
      const id = randomUUID();
      const missing = await api.http.get(`/api/v1/programmes/${id}`).set(admin.bearer).expect(404);
      expect(missing.body).toMatchObject({ title: 'Findes ikke', detail: `Puljen ${id} findes ikke.` });
      const notAnId = await api.http.get('/api/v1/programmes/not-an-id').set(admin.bearer).expect(400);
      expect(notAnId.body).toMatchObject({ type: 'urn:tilskud:problem:invalid-value', errors: [{ field: 'id', message: 'skal være et id (UUID)' }] });
      expectDanish(notAnId.body);
    });

    it('refuses a cursor of another list in Danish', async () => {
      const response = await api.http.get('/api/v1/programmes').query({ cursor: 'bm90LWEtY3Vyc29y' }).set(admin.bearer).expect(400);
      expect(response.body).toMatchObject({ type: 'urn:tilskud:problem:invalid-cursor', errors: [{ field: 'cursor', message: 'er ikke en gyldig markør' }] });
      expectDanish(response.body);
    });

    it('says what the budget lacks in kroner, with one full stop after kr.', async () => {
      const small = await givenProgramme(api, admin, { budgetOre: MIN_APPLICATION_ORE });
      const lead = await signedInAs(api, 'project_lead', '810');
      const people = { lead, assessor: await signedInAs(api, 'caseworker'), decider: await signedInAs(api, 'caseworker') };
      const application = await givenAssessed(api, people, small.id, { requestedOre: MIN_APPLICATION_ORE + 100_000_000 });
      const response = await api.http
        .post(`/api/v1/applications/${application.id}/decision`)
        .set(people.decider.bearer)
        .send({ outcome: 'award', amountOre: application.requestedOre, rationale: 'Projektet bevilges fuldt ud.' })
        .expect(409);
      expect(response.body.detail).toBe(
        'Det kræver 6.000.000 kr., men puljen har 5.000.000 kr. tilbage: der mangler 1.000.000 kr. En administrator kan registrere en budgetregulering, der dækker det.',
      );
    });
  });

  describe('the books and the exports', () => {
    let programmeId: string;
    let caseNumber: string;
    beforeAll(async () => {
      const programme = await givenProgramme(api, admin);
      programmeId = programme.id;
      const lead = await signedInAs(api, 'project_lead', '851');
      const people = { lead, assessor: await signedInAs(api, 'caseworker'), decider: await signedInAs(api, 'caseworker') };
      const application = await givenAssessed(api, people, programmeId, { requestedOre: MIN_APPLICATION_ORE });
      const decided = await api.http
        .post(`/api/v1/applications/${application.id}/decision`)
        .set(people.decider.bearer)
        .send({ outcome: 'award', amountOre: 400_000_000, rationale: SUBSTANTIVE_PARTIAL })
        .expect(201);
      caseNumber = decided.body.award.caseNumber;
      await givenAward(api, people, programmeId);
    });

    it('gives each deviation of the ledger a Danish message beside its code', async () => {
      const { body } = await api.http.get(`/api/v1/programmes/${programmeId}/ledger`).set(admin.bearer).expect(200);
      expect(body.deviations).toEqual([
        {
          rule: 'below-minimum',
          caseNumber,
          message: 'Tilsagnet er på 4.000.000 kr., under puljens mindstebeløb på 5.000.000 kr.',
          detail: 'Tilsagnet er på 4.000.000 kr., under puljens mindstebeløb på 5.000.000 kr.',
        },
      ]);
    });

    it('writes the awards’ statuses in Danish in the CSV', async () => {
      const response = await api.http
        .get('/api/v1/exports/awards.csv')
        .query({ programmeId })
        .set(caseworker.bearer)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
        })
        .expect(200);
      const [header, ...rows] = readCsv(response.body as string);
      expect(rows).toHaveLength(2);
      expect(rows.map((row) => row[header.indexOf('Status')])).toEqual(['Aktiv', 'Aktiv']);
    });
  });

  describe('what the framework refuses', () => {
    it('answers JSON that does not parse in Danish', async () => {
      const response = await api.http.post('/api/v1/programmes').set(admin.bearer).set('content-type', 'application/json').send('{"code":').expect(400);
      expect(response.body).toMatchObject({
        type: 'urn:tilskud:problem:malformed-body',
        title: 'Ugyldigt indhold',
        detail: 'Anmodningens indhold er ikke gyldig JSON.',
      });
    });

    it('answers a body that is not JSON with 415 in Danish', async () => {
      const response = await api.http.post('/api/v1/programmes').set(admin.bearer).set('content-type', 'text/plain').send('navn=x').expect(415);
      expect(response.body).toMatchObject({ type: 'urn:tilskud:problem:unsupported-media-type', title: 'Ikke-understøttet indholdstype' });
      expectDanish(response.body);
    });

    it('answers a method the path does not have with 405, Allow and a Danish detail', async () => {
      const response = await api.http.put('/api/v1/programmes').set(admin.bearer).expect(405);
      expect(response.headers.allow).toBe('GET, HEAD, POST');
      expect(response.body).toMatchObject({ title: 'Metoden er ikke tilladt', detail: 'PUT kan ikke bruges på denne adresse; brug GET, HEAD eller POST.' });
    });

    it('answers an over-long URL with 414 in Danish', async () => {
      const response = await api.http.get(`/api/v1/programmes?q=${'a'.repeat(9_000)}`).expect(414);
      expect(response.body).toMatchObject({
        type: 'urn:tilskud:problem:uri-too-long',
        title: 'Adressen er for lang',
        detail: 'Adressen må højst være 8.192 tegn.',
      });
    });

    it('answers a query string that cannot be read with 400 problem+json, never a field named after the broken escape', async () => {
      for (const query of ['?%ZZ=1', '?limit=%E0%A4%A', '?cursor=%C0%80', '?limit=5%']) {
        const response = await rawGet(port, `/api/v1/programmes${query}`, admin.bearer);
        expect([query, response.status]).toEqual([query, 400]);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        const body = JSON.parse(response.body);
        expect(body).toMatchObject({ type: 'urn:tilskud:problem:invalid-url', title: 'Ugyldig adresse', requestId: response.headers['x-request-id'] });
        expect(body.detail).toMatch(/^Adressens forespørgsel \(efter \?\) kan ikke læses/);
      }
      // An escape that decodes is read as usual: `%C3%A6` is æ.
      const fine = await api.http.get('/api/v1/applications?q=%C3%A6ldre').set(caseworker.bearer).expect(200);
      expect(fine.body.items).toEqual(expect.any(Array));
    });
  });
});
