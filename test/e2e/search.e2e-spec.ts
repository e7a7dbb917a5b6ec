import type { Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import pg from 'pg';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';
import { givenDraft, givenProgramme, givenSubmitted } from '../support/grant-case.js';
import { capturedQuery, planOf } from '../support/query-plans.js';

/**
 * Full-text search of applications (`q`): by case number, without regard to case or accents, with æ,
 * ø and å as the letters they are, however the query string was encoded; on its indexes, and never
 * past a project lead's kommune.
 */
describe('searching applications', () => {
  let api: TestApp;
  let caseworker: SignedInUser;
  let syddjurs: SignedInUser;
  let herning: SignedInUser;
  let programme: { id: string; code: string };
  let cafe: { id: string; caseNumber: string };
  let garden: { id: string; caseNumber: string };
  let lake: { id: string; caseNumber: string };
  let year: { id: string; caseNumber: string };
  let draft: { id: string };

  beforeAll(async () => {
    api = await createTestApp();
    const admin = await signedInAs(api, 'admin');
    caseworker = await signedInAs(api, 'caseworker');
    syddjurs = await signedInAs(api, 'project_lead', '706');
    herning = await signedInAs(api, 'project_lead', '657');
    programme = await givenProgramme(api, admin);
    const purpose = (text: string) => `${text} Projektet skal give de ældre mere nærvær i hverdagen.`;
    cafe = await givenSubmitted(api, syddjurs, programme.id, { title: 'Demenscafé i Syddjurs', purpose: purpose('Et fast mødested for borgere med demens.') });
    garden = await givenSubmitted(api, syddjurs, programme.id, {
      title: 'Sansehave på Søndergård',
      purpose: purpose('En have med dufte og lyde ved plejecentret Søndergård.'),
    });
    lake = await givenSubmitted(api, herning, programme.id, { title: 'Ture ved søen', purpose: purpose('Gåture rundt om Sunds Sø for beboerne.') });
    year = await givenSubmitted(api, herning, programme.id, { title: 'Et år med musik', purpose: purpose('Musikterapi hver uge, hele året rundt.') });
    draft = await givenDraft(api, syddjurs, programme.id, { title: 'Ældrecafé som kladde' });
  });
  afterAll(() => api.close());

  const found = async (q: string, who: SignedInUser = caseworker): Promise<string[]> =>
    (await api.http.get('/api/v1/applications').query({ programmeId: programme.id, q }).set(who.bearer).expect(200)).body.items
      .map((item: { id: string }) => item.id)
      .sort();
  /** The query string exactly as given, %-codes and all (supertest would encode `.query({...})` itself). */
  const foundRaw = async (queryString: string): Promise<string[]> =>
    (await api.http.get(`/api/v1/applications?programmeId=${programme.id}&${queryString}`).set(caseworker.bearer).expect(200)).body.items
      .map((item: { id: string }) => item.id)
      .sort();
  const sorted = (...ids: string[]) => [...ids].sort();

  describe('by case number', () => {
    it('finds a case by its whole case number, in any case', async () => {
      expect(await found(cafe.caseNumber)).toEqual([cafe.id]);
      expect(await found(cafe.caseNumber.toLowerCase())).toEqual([cafe.id]);
      expect(await found(` ${garden.caseNumber} `)).toEqual([garden.id]);
    });

    it('finds every case whose number begins with what was typed', async () => {
      expect(await found(`${programme.code}-`)).toEqual(sorted(cafe.id, garden.id, lake.id, year.id));
      expect(await found(programme.code.toLowerCase())).toEqual(sorted(cafe.id, garden.id, lake.id, year.id));
      expect(await found(cafe.caseNumber.slice(0, -1))).toEqual(sorted(cafe.id, garden.id, lake.id, year.id));
      expect(await found(`${programme.code}-9999`)).toEqual([]);
    });

    it('finds a case of a programme whose code has æ, ø or å, however the letters are sent', async () => {
      const admin = await signedInAs(api, 'admin');
      const letters = Array.from({ length: 6 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(Math.random() * 26)]).join('');
      const danish = await givenProgramme(api, admin, { code: `ÆØ${letters}Å-2026` });
      const application = await givenSubmitted(api, syddjurs, danish.id);
      expect(application.caseNumber).toBe(`ÆØ${letters}Å-2026-0001`);
      const ids = async (queryString: string) =>
        (await api.http.get(`/api/v1/applications?programmeId=${danish.id}&${queryString}`).set(caseworker.bearer).expect(200)).body.items.map(
          (item: { id: string }) => item.id,
        );
      expect(await ids(`q=${encodeURIComponent(application.caseNumber)}`)).toEqual([application.id]);
      expect(await ids(`q=${encodeURIComponent(application.caseNumber.toLowerCase())}`)).toEqual([application.id]);
      expect(await ids(`q=%C3%A6%C3%B8${letters.toLowerCase()}%C3%A5-2026`)).toEqual([application.id]);
      expect(await ids(`q=æø${letters}å-2026-0001`)).toEqual([application.id]);
    });

    it('does not find a draft, which has no case number, by the programme’s code', async () => {
      expect(await found(`${programme.code}-`, syddjurs)).not.toContain(draft.id);
    });
  });

  describe('without regard to case or accents', () => {
    it('finds “Demenscafé” as demenscafe, DEMENSCAFÉ and every other mix of case and accent', async () => {
      for (const q of ['demenscafe', 'DEMENSCAFÉ', 'Demenscafe', 'demenscafé', 'DEMENSCAFE']) expect(await found(q)).toEqual([cafe.id]);
    });

    it('takes æ, ø and å as letters of their own: sø finds Søndergård and søen, not “so”', async () => {
      expect(await found('sø')).toEqual(sorted(garden.id, lake.id));
      expect(await found('søndergård')).toEqual([garden.id]);
      expect(await found('SØNDERGÅRD')).toEqual([garden.id]);
      // Without the ø, another word: unaccent alone would have folded ø to o.
      expect(await found('sondergard')).toEqual([]);
      expect(await found('år')).toEqual([year.id]);
      expect(await found('ar')).toEqual([]);
    });

    it('reads æ, ø and å %-encoded, unencoded in the address given to the client, as + or %20 between words, and decomposed', async () => {
      expect(await foundRaw('q=s%C3%B8')).toEqual(sorted(garden.id, lake.id));
      expect(await foundRaw('q=sø')).toEqual(sorted(garden.id, lake.id));
      expect(await foundRaw('q=S%C3%98NDERG%C3%85RD')).toEqual([garden.id]);
      expect(await foundRaw('q=Søndergård')).toEqual([garden.id]);
      // å as a and a combining ring (what some keyboards send): the letter å all the same.
      expect(await foundRaw('q=s%C3%B8nderga%CC%8Ard')).toEqual([garden.id]);
      expect(await foundRaw('q=et+%C3%A5r')).toEqual([year.id]);
      expect(await foundRaw('q=et%20år')).toEqual([year.id]);
      expect(await foundRaw('q=demenscaf%C3%A9')).toEqual([cafe.id]);
    });

    it('answers a request line with raw, unencoded UTF-8 (which HTTP does not allow) with a 400 problem, never a 500', async () => {
      const server = api.app.getHttpServer() as Server;
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () =>
          socket.write(
            Buffer.concat([Buffer.from('GET /api/v1/applications?q='), Buffer.from('søndergård', 'utf8'), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]),
          ),
        );
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString('utf8')));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      expect(answer).toContain('application/problem+json');
    });

    it('still reads a web search: a phrase, or, and -word', async () => {
      expect(await found('"sansehave på søndergård"')).toEqual([garden.id]);
      expect(await found('demenscafe or musik')).toEqual(sorted(cafe.id, year.id));
      expect(await found('sø -søndergård')).toEqual([lake.id]);
    });

    it('finds a draft’s words for its own kommune, folded the same way', async () => {
      expect(await found('ældrecafe', syddjurs)).toEqual([draft.id]);
      expect(await found('ÆLDRECAFÉ', syddjurs)).toEqual([draft.id]);
    });
  });

  describe('within a project lead’s kommune', () => {
    it('never finds another kommune’s case, by words or by case number', async () => {
      expect(await found('sø', syddjurs)).toEqual([garden.id]);
      expect(await found('sø', herning)).toEqual([lake.id]);
      expect(await found(cafe.caseNumber, herning)).toEqual([]);
      expect(await found(lake.caseNumber, syddjurs)).toEqual([]);
      expect(await found(`${programme.code}-`, herning)).toEqual(sorted(lake.id, year.id));
      expect(await found('demenscafe', herning)).toEqual([]);
      for (const sort of ['title', '-submittedAt', 'caseNumber']) {
        const items = (
          await api.http
            .get('/api/v1/applications')
            .query({ programmeId: programme.id, q: `${programme.code}-`, sort })
            .set(herning.bearer)
            .expect(200)
        ).body.items.map((item: { id: string }) => item.id);
        expect(items.sort()).toEqual(sorted(lake.id, year.id));
      }
    });
  });

  describe('on its indexes', () => {
    /** The plan of the list's query as the API ran it, with table scans and sorting priced out. */
    async function searchPlan(q: string): Promise<string> {
      const query = await capturedQuery(
        () => api.http.get('/api/v1/applications').query({ q }).set(caseworker.bearer).expect(200),
        (text) => text.includes('search_query('),
      );
      return planOf(query, { enable_seqscan: 'off', enable_indexscan: 'off' });
    }

    it('finds words through the GIN index of the folded text', async () => {
      const plan = await searchPlan('demenscafe sø');
      expect(plan).toContain('application_search_idx');
      expect(plan).not.toMatch(/Seq Scan on application\b/);
    });

    it('finds a case number through the prefix index, beside the words', async () => {
      const plan = await searchPlan(cafe.caseNumber);
      expect(plan).toContain('application_search_idx');
      expect(plan).toContain('application_case_number_prefix_idx');
      expect(plan).not.toMatch(/Seq Scan on application\b/);
    });

    it('folds a query the way the stored text was folded (the same function on both sides)', async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      try {
        const matches = async (text: string, q: string) =>
          (await client.query<{ found: boolean }>(`SELECT to_tsvector('danish', search_fold($1)) @@ search_query($2) AS found`, [text, q])).rows[0].found;
        expect(await matches('Demenscaféen på Søndergård', 'demenscafe')).toBe(true);
        expect(await matches('Demenscaféen på Søndergård', 'SØNDERGÅRD')).toBe(true);
        expect(await matches('Sondergard', 'søndergård')).toBe(false);
        expect(await matches('Crème brûlée', 'creme brulee')).toBe(true);
      } finally {
        await client.end();
      }
    });
  });
});
