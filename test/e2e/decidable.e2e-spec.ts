import { sortValues } from '../../libs/core/pagination/page.js';
import { ManualClock } from '../../libs/core/time/clock.js';
import { APPLICATION_SORT_FIELDS } from '../../libs/applications/dto/application.dto.js';
import { CONFLICT_WINDOW_MS } from '../../libs/programmes/conflict-of-interest.js';
import { assessmentBody, givenAssessed, givenProgramme, givenSubmitted, SUBSTANTIVE_REJECTION } from '../support/grant-case.js';
import { capturedQuery, planOf } from '../support/query-plans.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs, signIn } from '../support/users.js';

/** A Copenhagen wall-clock time (`2026-12-06T12:00`), as a programme's dates are given, `days` from `from`. */
const copenhagenMinute = (from: Date, days: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' })
    .format(new Date(from.getTime() + days * 86_400_000))
    .replace(' ', 'T');

/**
 * Who assesses a case, on every read of it, and the caseworker's list of what they may decide
 * (`decidableBy=me`): exactly the cases `POST /applications/:id/decision` would take from them.
 */
describe('the assessor and the cases a caseworker may decide', () => {
  const clock = new ManualClock(new Date());
  let api: TestApp;
  let admin: SignedInUser;
  let lead: SignedInUser;
  let assessor: SignedInUser;
  let decider: SignedInUser;
  let programme: { id: string };

  beforeAll(async () => {
    api = await createTestApp({ clock });
    admin = await signedInAs(api, 'admin');
    lead = await signedInAs(api, 'project_lead', '265');
    assessor = await signedInAs(api, 'caseworker');
    decider = await signedInAs(api, 'caseworker');
    programme = await givenProgramme(api, admin);
  });
  afterAll(() => api.close());
  // The tests move the clock on by days: everyone signs in afresh before each (an access token lives a quarter of an hour).
  const again = async (who: SignedInUser): Promise<SignedInUser> => ({
    ...who,
    bearer: { Authorization: `Bearer ${(await signIn(api, who.email)).accessToken}` },
  });
  beforeEach(async () => {
    [admin, lead, assessor, decider] = [await again(admin), await again(lead), await again(assessor), await again(decider)];
  });

  const read = async (id: string, who: SignedInUser) => (await api.http.get(`/api/v1/applications/${id}`).set(who.bearer).expect(200)).body;
  /** Every case of `decidableBy=me` for `who`, a page of `limit` at a time. */
  async function decidable(who: SignedInUser, query: Record<string, string> = {}, limit = 200): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.http
        .get('/api/v1/applications')
        .query({ decidableBy: 'me', limit, ...query, ...(cursor ? { cursor } : {}) })
        .set(who.bearer)
        .expect(200);
      ids.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }
  const decide = (id: string, who: SignedInUser) =>
    api.http.post(`/api/v1/applications/${id}/decision`).set(who.bearer).send({ outcome: 'reject', rationale: SUBSTANTIVE_REJECTION });

  describe('assessorId and assessorName', () => {
    it('are null until an assessment is started, then name its author on the case and in the list, and follow a handover', async () => {
      const application = await givenSubmitted(api, lead, programme.id);
      expect(await read(application.id, decider)).toMatchObject({ assessorId: null, assessorName: null });

      await api.http.put(`/api/v1/applications/${application.id}/assessment`).set(assessor.bearer).send(assessmentBody()).expect(200);
      expect(await read(application.id, decider)).toMatchObject({ status: 'in_assessment', assessorId: assessor.user.id, assessorName: assessor.user.name });
      const listed = (await api.http.get('/api/v1/applications').query({ programmeId: programme.id, limit: 200 }).set(decider.bearer).expect(200)).body.items;
      expect(listed.find((item: { id: string }) => item.id === application.id)).toMatchObject({
        assessorId: assessor.user.id,
        assessorName: assessor.user.name,
      });
      // The applicant's project lead reads the same case.
      expect(await read(application.id, lead)).toMatchObject({ assessorId: assessor.user.id, assessorName: assessor.user.name });

      const standIn = await signedInAs(api, 'caseworker');
      await api.http
        .post(`/api/v1/applications/${application.id}/assessment/handover`)
        .set(admin.bearer)
        .send({ assessorId: standIn.user.id, reason: 'Sagsbehandleren er syg.' })
        .expect(200);
      expect(await read(application.id, decider)).toMatchObject({ assessorId: standIn.user.id, assessorName: standIn.user.name });
    });
  });

  describe('decidableBy=me', () => {
    it('lists the assessed cases the caller did not assess, and nothing in assessment, undecided or decided by anyone else’s rules', async () => {
      const own = await givenProgramme(api, admin);
      const assessedByAssessor = await givenAssessed(api, { lead, assessor }, own.id);
      const assessedByDecider = await givenAssessed(api, { lead, assessor: decider }, own.id);
      await givenSubmitted(api, lead, own.id);
      const inAssessment = await givenSubmitted(api, lead, own.id);
      await api.http.put(`/api/v1/applications/${inAssessment.id}/assessment`).set(assessor.bearer).send(assessmentBody()).expect(200);
      const decided = await givenAssessed(api, { lead, assessor }, own.id);
      await decide(decided.id, decider).expect(201);

      expect(await decidable(decider, { programmeId: own.id })).toEqual([assessedByAssessor.id]);
      expect(await decidable(assessor, { programmeId: own.id })).toEqual([assessedByDecider.id]);
      const third = await signedInAs(api, 'caseworker');
      expect((await decidable(third, { programmeId: own.id })).sort()).toEqual([assessedByAssessor.id, assessedByDecider.id].sort());
      expect(await decidable(decider, { programmeId: own.id, status: 'submitted' })).toEqual([]);

      // What the list promises, the decision keeps: the assessor is refused, the one listed decides.
      expect((await decide(assessedByAssessor.id, assessor).expect(403)).body.type).toBe('urn:tilskud:problem:four-eyes');
      await decide(assessedByAssessor.id, decider).expect(201);
      expect(await decidable(third, { programmeId: own.id })).toEqual([assessedByDecider.id]);
    });

    it('leaves out a programme the caller set up in the last week (conflict of interest), until the week is over', async () => {
      const [founder, second, third] = [await signedInAs(api, 'admin'), await signedInAs(api, 'admin'), await signedInAs(api, 'admin')];
      const founded = await givenProgramme(api, founder);
      await api.http.patch(`/api/v1/users/${founder.user.id}`).set(second.bearer).send({ role: 'caseworker' }).expect(200);
      await api.http.post(`/api/v1/users/${founder.user.id}/approve`).set(third.bearer).expect(200);
      const application = await givenAssessed(api, { lead, assessor }, founded.id);
      const asCaseworker = await again(founder);

      expect(await decidable(asCaseworker, { programmeId: founded.id })).toEqual([]);
      expect(await decidable(decider, { programmeId: founded.id })).toEqual([application.id]);
      expect((await decide(application.id, asCaseworker).expect(403)).body.type).toBe('urn:tilskud:problem:conflict-of-interest');

      clock.advance(CONFLICT_WINDOW_MS + 60_000);
      const later = await again(founder);
      expect(await decidable(later, { programmeId: founded.id })).toEqual([application.id]);
      await decide(application.id, later).expect(201);
    });

    it('leaves out the cases of a programme that decides after its deadline until the deadline has passed', async () => {
      const closing = await givenProgramme(api, admin, { decisionMode: 'after_deadline', applicationClosesAt: copenhagenMinute(clock.now(), 2) });
      const application = await givenAssessed(api, { lead, assessor }, closing.id);
      expect(await decidable(decider, { programmeId: closing.id })).toEqual([]);
      expect((await decide(application.id, decider).expect(422)).body.type).toBe('urn:tilskud:problem:decision-before-deadline');

      clock.advance(3 * 86_400_000);
      const fresh = await again(decider);
      expect(await decidable(fresh, { programmeId: closing.id })).toEqual([application.id]);
      await decide(application.id, fresh).expect(201);
    });

    it('pages with a cursor in every order, keeps the other filters, and walks an index for each order', async () => {
      const paged = await givenProgramme(api, admin);
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) ids.push((await givenAssessed(api, { lead, assessor }, paged.id, { title: `Sag ${'EDCBA'[i]} til afgørelse` })).id);
      await givenAssessed(api, { lead, assessor: decider }, paged.id);

      const all = await decidable(decider, { programmeId: paged.id });
      expect([...all].sort()).toEqual([...ids].sort());
      for (const sort of sortValues(APPLICATION_SORT_FIELDS)) {
        expect({ sort, ids: await decidable(decider, { programmeId: paged.id, sort }, 2) }).toEqual({
          sort,
          ids: await decidable(decider, { programmeId: paged.id, sort }),
        });
      }
      expect(await decidable(decider, { programmeId: paged.id, sort: 'title' })).toEqual([...ids].reverse());

      await api.http.post(`/api/v1/applications/${ids[0]}/assign`).set(admin.bearer).send({ assigneeId: decider.user.id }).expect(200);
      expect(await decidable(decider, { programmeId: paged.id, assigneeId: 'me' })).toEqual([ids[0]]);
      expect(await decidable(decider, { programmeId: paged.id, municipalityCode: '265', sort: 'title' })).toEqual([...ids].reverse());
      expect(await decidable(decider, { programmeId: paged.id, municipalityCode: '101' })).toEqual([]);

      for (const query of [{}, { programmeId: paged.id }]) {
        for (const sort of sortValues(APPLICATION_SORT_FIELDS)) {
          const sent = await capturedQuery(
            () =>
              api.http
                .get('/api/v1/applications')
                .query({ decidableBy: 'me', sort, limit: 10, ...query })
                .set(decider.bearer)
                .expect(200),
            (text) => text.includes('FROM "application"') && text.includes('ORDER BY'),
          );
          const plan = await planOf(sent, { enable_sort: 'off', enable_incremental_sort: 'off', enable_seqscan: 'off' });
          expect({ sort, query, plan }).toEqual({ sort, query, plan: expect.not.stringMatching(/\bSort\b|Seq Scan/) });
        }
      }
    });

    it('is empty for an administrator, who decides nothing, and refused to a project lead with 400', async () => {
      expect(await decidable(admin, { programmeId: programme.id })).toEqual([]);
      const refused = await api.http.get('/api/v1/applications').query({ decidableBy: 'me' }).set(lead.bearer).expect(400);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ type: 'urn:tilskud:problem:validation-failed', errors: [{ field: 'decidableBy', message: expect.any(String) }] });
      const unknown = await api.http.get('/api/v1/applications').query({ decidableBy: 'you' }).set(decider.bearer).expect(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'decidableBy' })]);
    });
  });
});
