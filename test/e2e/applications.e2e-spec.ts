import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ManualClock } from '../../libs/core/time/clock.js';
import { ownerDataSource } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';
import { applicationBody, assessmentBody, givenDraft, givenProgramme, givenSubmitted, MIN_APPLICATION_ORE } from '../support/grant-case.js';

describe('applications', () => {
  // Inside the 2020 pool's window: a few minutes before the deadline, 19 October 2020 kl. 12.00.
  const clock = new ManualClock(new Date('2020-10-19T09:58:00Z'));
  let api: TestApp;
  let admin: SignedInUser;
  let caseworker: SignedInUser;
  let syddjurs: SignedInUser;
  let syddjursColleague: SignedInUser;
  let aalborg: SignedInUser;
  let herning: SignedInUser;
  let programme: { id: string; code: string };

  beforeAll(async () => {
    api = await createTestApp({ clock });
    admin = await signedInAs(api, 'admin');
    caseworker = await signedInAs(api, 'caseworker');
    syddjurs = await signedInAs(api, 'project_lead', '706');
    syddjursColleague = await signedInAs(api, 'project_lead', '706');
    aalborg = await signedInAs(api, 'project_lead', '851');
    herning = await signedInAs(api, 'project_lead', '657');
    programme = await givenProgramme(api, admin, { applicationOpensAt: '2020-08-24T00:00', applicationClosesAt: '2020-10-19T12:00' });
  });
  afterAll(() => api.close());
  const url = (id: string, action = '') => `/api/v1/applications/${id}${action}`;

  describe('the project period', () => {
    it.each([
      [{ plannedStart: '0001-01-01' }, 'plannedStart'],
      [{ plannedEnd: '9999-12-31' }, 'plannedEnd'],
      // Longer than the programme's longest period (60 months).
      [{ plannedStart: '2021-01-01', plannedEnd: '2026-01-02' }, 'plannedEnd'],
      // Starting more than a year before the window opens, or more than two years after it closes.
      [{ plannedStart: '2019-08-01', plannedEnd: '2020-06-30' }, 'plannedStart'],
      [{ plannedStart: '2022-11-01', plannedEnd: '2023-06-30' }, 'plannedStart'],
    ])('refuses a draft planned %j, naming %s, and stores nothing', async (period, field) => {
      const before = (await api.http.get('/api/v1/applications').query({ limit: 200 }).set(syddjurs.bearer).expect(200)).body.items.length;
      const response = await api.http.post('/api/v1/applications').set(syddjurs.bearer).send(applicationBody(programme.id, period)).expect(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect((await api.http.get('/api/v1/applications').query({ limit: 200 }).set(syddjurs.bearer).expect(200)).body.items).toHaveLength(before);
    });

    it('accepts a period of exactly the programme’s longest, and refuses an edit that stretches it', async () => {
      const draft = await givenDraft(api, syddjurs, programme.id, { plannedStart: '2021-01-01', plannedEnd: '2026-01-01' });
      const response = await api.http.patch(url(draft.id)).set(syddjurs.bearer).send({ version: draft.version, plannedEnd: '2026-06-30' }).expect(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'plannedEnd' })]);
    });
  });

  describe('drafts', () => {
    it('a project lead starts one for their own kommune; it may ask for less than the minimum', async () => {
      const response = await api.http
        .post('/api/v1/applications')
        .set(syddjurs.bearer)
        .send(applicationBody(programme.id, { requestedOre: 1 }))
        .expect(201);
      expect(response.body).toMatchObject({
        status: 'draft',
        municipalityCode: '706',
        version: 1,
        requestedOre: 1,
        caseNumber: null,
        createdBy: syddjurs.user.id,
      });
    });

    it.each([
      [{ themes: ['sport'] }, 'themes[0]'],
      [{ plannedEnd: '2020-12-31', plannedStart: '2021-01-01' }, 'plannedEnd'],
      [{ plannedStart: '2021-02-30' }, 'plannedStart'],
      [{ requestedOre: 1.5 }, 'requestedOre'],
      [{ coApplicantCodes: ['706'] }, 'coApplicantCodes'],
      [{ coApplicantCodes: ['999'] }, 'coApplicantCodes[0]'],
      [{ programmeId: crypto.randomUUID() }, 'programmeId'],
      [{ municipalityCode: '851' }, 'municipalityCode'],
    ])('refuses %j with 400 naming %s, and stores nothing', async (overrides, field) => {
      // The drafts this lead started: other test files start drafts for the same kommune meanwhile.
      const mine = async () =>
        (await api.http.get('/api/v1/applications').query({ limit: 200 }).set(syddjurs.bearer)).body.items.filter(
          (item: { createdBy: string }) => item.createdBy === syddjurs.user.id,
        ).length;
      const before = await mine();
      const response = await api.http.post('/api/v1/applications').set(syddjurs.bearer).send(applicationBody(programme.id, overrides)).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await mine()).toBe(before);
    });

    it('only project leads start applications', async () => {
      await api.http.post('/api/v1/applications').set(caseworker.bearer).send(applicationBody(programme.id)).expect(403);
    });

    it('the lead kommune edits it against the current version; a stale version is 409', async () => {
      const draft = await givenDraft(api, syddjurs, programme.id);
      const edited = await api.http.patch(url(draft.id)).set(syddjursColleague.bearer).send({ version: 1, title: 'Nærvær i hjemmeplejen' }).expect(200);
      expect(edited.body).toMatchObject({ title: 'Nærvær i hjemmeplejen', version: 2 });
      const stale = await api.http.patch(url(draft.id)).set(syddjurs.bearer).send({ version: 1, title: 'Overskrevet' }).expect(409);
      expect(stale.body).toMatchObject({ type: 'urn:tilskud:problem:stale-version', currentVersion: 2 });
      expect((await api.http.get(url(draft.id)).set(syddjurs.bearer)).body.title).toBe('Nærvær i hjemmeplejen');
      await api.http.patch(url(draft.id)).set(syddjurs.bearer).send({ title: 'Uden version' }).expect(400);
    });
  });

  describe('kommune scoping', () => {
    it('another kommune’s project lead gets 404 on every route, never the data', async () => {
      const draft = await givenDraft(api, syddjurs, programme.id);
      for (const request of [
        api.http.get(url(draft.id)).set(herning.bearer),
        api.http.patch(url(draft.id)).set(herning.bearer).send({ version: 1, title: 'Kapret' }),
        api.http.post(url(draft.id, '/submit')).set(herning.bearer),
        api.http.post(url(draft.id, '/withdraw')).set(herning.bearer),
      ]) {
        const response = await request;
        expect(response.status).toBe(404);
        expect(JSON.stringify(response.body)).not.toContain('hjemmepleje');
      }
      const list = await api.http.get('/api/v1/applications').query({ limit: 200 }).set(herning.bearer).expect(200);
      expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(draft.id);
    });

    it('a co-applicant kommune sees the joint case but cannot change it', async () => {
      const joint = await givenDraft(api, syddjurs, programme.id, { coApplicantCodes: ['0851', '751'] });
      const seen = await api.http.get(url(joint.id)).set(aalborg.bearer).expect(200);
      expect(seen.body).toMatchObject({ municipalityCode: '706', coApplicantCodes: ['851', '751'] });
      const listed = await api.http.get('/api/v1/applications').query({ limit: 200 }).set(aalborg.bearer).expect(200);
      expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(joint.id);
      await api.http.patch(url(joint.id)).set(aalborg.bearer).send({ version: 1, title: 'Aalborgs titel' }).expect(403);
      await api.http.post(url(joint.id, '/submit')).set(aalborg.bearer).expect(403);
    });

    it('caseworkers and admins see every kommune’s cases from their submission on', async () => {
      const submitted = await givenSubmitted(api, herning, programme.id);
      await api.http.get(url(submitted.id)).set(caseworker.bearer).expect(200);
      await api.http.get(url(submitted.id)).set(admin.bearer).expect(200);
    });

    it('a draft is the kommune’s own: the ministry neither reads nor lists it', async () => {
      const draft = await givenDraft(api, herning, programme.id);
      await api.http.get(url(draft.id)).set(caseworker.bearer).expect(404);
      await api.http.get(url(draft.id)).set(admin.bearer).expect(404);
      await api.http.get(url(draft.id, '/decision')).set(caseworker.bearer).expect(404);
      await api.http.post(url(draft.id, '/assign')).set(caseworker.bearer).send({ assigneeId: caseworker.user.id }).expect(404);
      for (const who of [caseworker, admin]) {
        const listed = await api.http.get('/api/v1/applications').query({ programmeId: programme.id, status: 'draft' }).set(who.bearer).expect(200);
        expect(listed.body.items).toEqual([]);
      }
      await api.http.get(url(draft.id)).set(herning.bearer).expect(200);
    });
  });

  describe('submission', () => {
    it('gives a case number, stamps the time and writes a receipt in Copenhagen time', async () => {
      const draft = await givenDraft(api, syddjurs, programme.id);
      const submitted = await api.http.post(url(draft.id, '/submit')).set(syddjurs.bearer).expect(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', submittedAt: '2020-10-19T09:58:00.000Z' });
      expect(submitted.body.caseNumber).toMatch(new RegExp(`^${programme.code}-\\d{4}$`));
      expect(submitted.body.receipt).toMatchObject({
        caseNumber: submitted.body.caseNumber,
        receivedAt: '2020-10-19T09:58:00.000Z',
        receivedAtCopenhagen: '19. oktober 2020 kl. 11.58',
      });
      expect(submitted.body.receipt.text).toContain(submitted.body.caseNumber);
      expect(submitted.body.receipt.text).toContain('19. oktober 2020 kl. 11.58');
    });

    it('numbers cases one after another within the programme, never twice', async () => {
      const numbers = [];
      for (let i = 0; i < 3; i += 1) numbers.push((await givenSubmitted(api, syddjurs, programme.id)).caseNumber);
      const sequence = numbers.map((n) => Number(n.slice(-4)));
      expect(sequence).toEqual([sequence[0], sequence[0] + 1, sequence[0] + 2]);
      const concurrent = await Promise.all(Array.from({ length: 6 }, () => givenSubmitted(api, syddjurs, programme.id)));
      expect(new Set(concurrent.map((a) => a.caseNumber)).size).toBe(6);
    });

    it('refuses less than the programme’s minimum with 422', async () => {
      const draft = await givenDraft(api, syddjurs, programme.id, { requestedOre: MIN_APPLICATION_ORE - 1 });
      const response = await api.http.post(url(draft.id, '/submit')).set(syddjurs.bearer).expect(422);
      expect(response.body).toMatchObject({ type: 'urn:tilskud:problem:submission-rules-not-met' });
      expect(response.body.errors).toEqual([{ field: 'requestedOre', message: 'skal være mindst 5.000.000 kr.' }]);
      expect((await api.http.get(url(draft.id)).set(syddjurs.bearer)).body).toMatchObject({ status: 'draft', caseNumber: null });
    });

    it('refuses an application without a theme with 422', async () => {
      const draft = await givenDraft(api, syddjurs, programme.id, { themes: [] });
      const response = await api.http.post(url(draft.id, '/submit')).set(syddjurs.bearer).expect(422);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'themes' })]);
    });

    it('refuses after the deadline, kl. 12.00 Copenhagen time, with 422', async () => {
      const draft = await givenDraft(api, syddjurs, programme.id);
      clock.set(new Date('2020-10-19T10:00:00Z'));
      try {
        const response = await api.http.post(url(draft.id, '/submit')).set(syddjurs.bearer).expect(422);
        expect(response.body).toMatchObject({
          type: 'urn:tilskud:problem:outside-application-window',
          detail: 'Ansøgningsfristen udløb 19. oktober 2020 kl. 12.00.',
        });
      } finally {
        clock.set(new Date('2020-10-19T09:58:00Z'));
      }
    });

    it('freezes the content: no edit after submission, and the submitted version is kept unchangeable', async () => {
      const submitted = await givenSubmitted(api, syddjurs, programme.id);
      const frozen = await api.http.patch(url(submitted.id)).set(syddjurs.bearer).send({ version: 2, title: 'Ændret efter indsendelse' }).expect(409);
      expect(frozen.body.type).toBe('urn:tilskud:problem:illegal-transition');
      await api.http.post(url(submitted.id, '/submit')).set(syddjurs.bearer).expect(409);

      const dataSource = api.app.get<DataSource>(getDataSourceToken());
      const [version] = await dataSource.query('SELECT version_no, content FROM application_version WHERE application_id = $1', [submitted.id]);
      expect(version).toMatchObject({ version_no: 1, content: { title: 'Mere værdig hjemmepleje', requestedOre: '1101426000' } });
      // The system's own role may not; the owner is stopped by the trigger.
      await expect(dataSource.query(`UPDATE application_version SET content = '{}' WHERE application_id = $1`, [submitted.id])).rejects.toThrow(
        /permission denied/,
      );
      const owner = await ownerDataSource();
      try {
        await expect(owner.query(`UPDATE application_version SET content = '{}' WHERE application_id = $1`, [submitted.id])).rejects.toThrow(/never changed/);
      } finally {
        await owner.destroy();
      }
    });
  });

  describe('withdrawal', () => {
    it('withdraws a draft and a submitted application, nothing later', async () => {
      const draft = await givenDraft(api, syddjurs, programme.id);
      await api.http
        .post(url(draft.id, '/withdraw'))
        .set(syddjurs.bearer)
        .expect(200)
        .expect((r) => expect(r.body.status).toBe('withdrawn'));
      const submitted = await givenSubmitted(api, syddjurs, programme.id);
      await api.http.post(url(submitted.id, '/withdraw')).set(syddjurs.bearer).expect(200);
      await api.http.post(url(submitted.id, '/withdraw')).set(syddjurs.bearer).expect(409);
      await api.http.post(url(submitted.id, '/submit')).set(syddjurs.bearer).expect(409);
    });
  });

  describe('the list', () => {
    let list: Awaited<ReturnType<typeof createListFixture>>;
    async function createListFixture() {
      const other = await givenProgramme(api, admin, { applicationOpensAt: '2020-08-24T00:00', applicationClosesAt: '2020-10-19T12:00' });
      const a = await givenSubmitted(api, syddjurs, other.id, {
        title: 'Selvstyrende teams i hjemmeplejen',
        purpose: 'Borgerne skal mødes af færre og faste medarbejdere.',
        themes: ['livskvalitet'],
      });
      const b = await givenSubmitted(api, aalborg, other.id, {
        title: 'Pårørendeinddragelse',
        purpose: 'Et virtuelt mestringskursus for pårørende.',
        themes: ['paarorende'],
      });
      const c = await givenSubmitted(api, herning, other.id, {
        title: 'Mod ensomhed',
        purpose: 'Fællesspisning på plejecentrene mod ensomhed blandt beboerne.',
        themes: ['ensomhed'],
        coApplicantCodes: ['706'],
      });
      // One of them in assessment, for the status filter.
      await api.http.put(`/api/v1/applications/${a.id}/assessment`).set(caseworker.bearer).send(assessmentBody()).expect(200);
      return { programmeId: other.id, a, b, c };
    }
    beforeAll(async () => {
      list = await createListFixture();
    });
    const ids = async (query: Record<string, string | number>, who: SignedInUser = caseworker) =>
      (
        await api.http
          .get('/api/v1/applications')
          .query({ programmeId: list.programmeId, ...query })
          .set(who.bearer)
          .expect(200)
      ).body.items.map((a: { id: string }) => a.id);

    /** Every case of a programme, one page of one at a time, following the cursors to the end. */
    const everyPage = async (programmeId: string): Promise<string[]> => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.http
          .get('/api/v1/applications')
          .query({ programmeId, limit: 1, ...(cursor ? { cursor } : {}) })
          .set(caseworker.bearer)
          .expect(200);
        seen.push(...page.body.items.map((a: { id: string }) => a.id));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };

    it('filters by status, kommune (lead or co-applicant) and theme', async () => {
      expect(await ids({ status: 'in_assessment' })).toEqual([list.a.id]);
      expect(await ids({ status: 'submitted' })).toEqual([list.c.id, list.b.id]);
      // Several statuses, as a repeated parameter or a comma list: the cases in any of them.
      expect(await ids({ status: 'submitted,in_assessment' })).toEqual([list.c.id, list.b.id, list.a.id]);
      const repeated = await api.http
        .get(`/api/v1/applications?programmeId=${list.programmeId}&status=submitted&status=in_assessment`)
        .set(caseworker.bearer)
        .expect(200);
      expect(repeated.body.items.map((a: { id: string }) => a.id)).toEqual([list.c.id, list.b.id, list.a.id]);
      expect(await ids({ municipalityCode: '706' })).toEqual([list.c.id, list.a.id]);
      expect(await ids({ theme: 'paarorende' })).toEqual([list.b.id]);
    });

    it('searches title and purpose in Danish, across word forms', async () => {
      expect(await ids({ q: 'hjemmepleje' })).toEqual([list.a.id]);
      expect(await ids({ q: 'pårørende' })).toEqual([list.b.id]);
      expect(await ids({ q: 'plejecentre' })).toEqual([list.c.id]);
      expect(await ids({ q: 'fællesspisning plejecentre' })).toEqual([list.c.id]);
      expect(await ids({ q: 'cykelsti' })).toEqual([]);
    });

    it('scopes a project lead’s list to their kommune', async () => {
      expect(await ids({}, herning)).toEqual([list.c.id]);
      expect((await ids({}, syddjurs)).sort()).toEqual([list.a.id, list.c.id].sort());
    });

    it('follows a change of co-applicants in every kommune’s list at once', async () => {
      const programme = await givenProgramme(api, admin);
      const draft = await givenDraft(api, syddjurs, programme.id);
      const listed = async (who: SignedInUser, query: Record<string, string> = {}) =>
        (
          await api.http
            .get('/api/v1/applications')
            .query({ programmeId: programme.id, ...query })
            .set(who.bearer)
            .expect(200)
        ).body.items.map((a: { id: string }) => a.id);
      expect(await listed(herning)).toEqual([]);
      await api.http
        .patch(`/api/v1/applications/${draft.id}`)
        .set(syddjurs.bearer)
        .send({ version: 1, coApplicantCodes: ['657'] })
        .expect(200);
      expect(await listed(herning)).toEqual([draft.id]);
      // A draft, so not the ministry's to see yet.
      expect(await listed(caseworker, { municipalityCode: '657' })).toEqual([]);
      expect(await listed(syddjurs, { municipalityCode: '657' })).toEqual([draft.id]);
      await api.http.patch(`/api/v1/applications/${draft.id}`).set(syddjurs.bearer).send({ version: 2, coApplicantCodes: [] }).expect(200);
      expect(await listed(herning)).toEqual([]);
      expect(await listed(caseworker, { municipalityCode: '657' })).toEqual([]);
      expect(await listed(syddjurs)).toEqual([draft.id]);
    });

    it('pages with a cursor in a stable order, newest first, without repeats', async () => {
      const seen = await everyPage(list.programmeId);
      expect(seen).toEqual([list.c.id, list.b.id, list.a.id]);
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('pages through cases created within the same millisecond without skipping one', async () => {
      const programme = await givenProgramme(api, admin);
      const drafts = [];
      for (let i = 0; i < 4; i += 1) drafts.push(await givenSubmitted(api, syddjurs, programme.id));
      // As concurrent inserts can: microseconds apart, inside one millisecond.
      await api.app
        .get<DataSource>(getDataSourceToken())
        .query(
          `UPDATE application SET created_at = '2026-03-02 10:00:00.123'::timestamptz + (array_position($1::uuid[], id) * interval '100 microseconds') WHERE id = ANY($1)`,
          [drafts.map((draft) => draft.id)],
        );
      const seen = await everyPage(programme.id);
      expect(seen.sort()).toEqual(drafts.map((draft) => draft.id).sort());
    });

    it('refuses an unknown filter or a bad value with 400', async () => {
      await api.http.get('/api/v1/applications').query({ colour: 'red' }).set(caseworker.bearer).expect(400);
      await api.http.get('/api/v1/applications').query({ status: 'approved' }).set(caseworker.bearer).expect(400);
      await api.http.get('/api/v1/applications').query({ status: 'submitted,approved' }).set(caseworker.bearer).expect(400);
      await api.http.get('/api/v1/applications').query({ programmeId: 'x' }).set(caseworker.bearer).expect(400);
    });
  });
});
