import { APPLICATION_SORT_FIELDS } from '../../libs/applications/dto/application.dto.js';
import { AUDIT_EVENT_SORT_FIELDS } from '../../libs/audit/dto/audit-event.query.js';
import { USER_SORT_FIELDS } from '../../libs/auth/dto/user.dto.js';
import { AWARD_SORT_FIELDS } from '../../libs/awards/dto/award.dto.js';
import { sortValues } from '../../libs/core/pagination/page.js';
import { EXTENSION_SORT_FIELDS } from '../../libs/extensions/dto/extension.dto.js';
import { NOTIFICATION_SORT_FIELDS } from '../../libs/notifications/dto/notification.dto.js';
import { PROGRAMME_SORT_FIELDS } from '../../libs/programmes/dto/programme.dto.js';
import { REMINDER_SORT_FIELDS } from '../../libs/reminders/dto/reminder.dto.js';
import { REPORT_SORT_FIELDS } from '../../libs/reports/dto/report.dto.js';
import { givenAward, givenDraft, givenProgramme, givenSubmitted, MIN_APPLICATION_ORE, reportBody } from '../support/grant-case.js';
import { capturedQuery, planOf } from '../support/query-plans.js';
import { ManualClock } from '../../libs/core/time/clock.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

type Item = { id: string } & Record<string, unknown>;

/** A clock a second further on each time it is read: every submission, decision and request at a time of its own. */
class TickingClock extends ManualClock {
  override now(): Date {
    const now = super.now();
    this.advance(1_000);
    return now;
  }
}
type Key = string | number | null;

/**
 * `sort` on every list: each order right across pages of two, both ways, ties by id; a cursor belongs
 * to its order; an unknown order is a 400 naming `sort` in Danish; every order on an index; and a
 * project lead's lists stay their kommune's whatever the order.
 */
describe('sorting the lists', () => {
  let api: TestApp;
  let admin: SignedInUser;
  let people: { lead: SignedInUser; assessor: SignedInUser; decider: SignedInUser };
  let other: SignedInUser;
  let programme: { id: string; code: string };
  let otherProgramme: { id: string };
  const applications: Array<{ id: string }> = [];
  const awards: Array<{ id: string; applicationId: string }> = [];
  let otherKommuneAward: { id: string; applicationId: string };

  beforeAll(async () => {
    // Inside every award's period, so its reports can be submitted and its extension asked for.
    api = await createTestApp({ clock: new TickingClock(new Date('2022-01-15T08:00:00Z')) });
    admin = await signedInAs(api, 'admin');
    people = {
      lead: await signedInAs(api, 'project_lead', '561'),
      assessor: await signedInAs(api, 'caseworker'),
      decider: await signedInAs(api, 'caseworker'),
    };
    other = await signedInAs(api, 'project_lead', '563');
    programme = await givenProgramme(api, admin);
    otherProgramme = await givenProgramme(api, admin);
    // Titles whose order no collation disputes, one of them twice (a tie, broken by id).
    for (const title of ['Bravo', 'Alfa', 'Charlie', 'Alfa'])
      applications.push(await givenSubmitted(api, people.lead, programme.id, { title: `${title} sortering` }));
    applications.push(await givenDraft(api, people.lead, programme.id, { title: 'Delta sortering' }));
    // Awards of different amounts (two alike) and periods.
    const grants: Array<[number, string]> = [
      [MIN_APPLICATION_ORE + 300_000_000, '2022-06-30'],
      [MIN_APPLICATION_ORE + 100_000_000, '2022-03-31'],
      [MIN_APPLICATION_ORE + 300_000_000, '2022-09-30'],
    ];
    for (const [requestedOre, endDate] of grants)
      awards.push(await givenAward(api, people, programme.id, { startDate: '2021-01-01', endDate }, { requestedOre }));
    otherKommuneAward = await givenAward(api, { ...people, lead: other }, otherProgramme.id);
    await givenAward(api, people, otherProgramme.id);

    // Reports: two of the first award's submitted, in turn; the rest due.
    const reports = async (awardId: string) => (await api.http.get(`/api/v1/awards/${awardId}/reports`).set(people.lead.bearer).expect(200)).body;
    for (const award of [awards[2], awards[0]]) {
      const [first] = await reports(award.id);
      await api.http.post(`/api/v1/reports/${first.id}/submit`).set(people.lead.bearer).send(reportBody()).expect(200);
    }
    // Extension requests on each award, two of them decided.
    const requests = [];
    for (const award of awards) {
      requests.push(
        (
          await api.http
            .post(`/api/v1/awards/${award.id}/extension-requests`)
            .set(people.lead.bearer)
            .send({ months: 2, reason: 'covid19', justification: 'Nedlukningen forsinkede afprøvningen.' })
            .expect(201)
        ).body,
      );
    }
    for (const request of [requests[2], requests[0]]) {
      await api.http
        .post(`/api/v1/extension-requests/${request.id}/decision`)
        .set(people.decider.bearer)
        .send({ outcome: 'approve', rationale: 'Godkendt.' })
        .expect(200);
    }
    await api.http
      .post(`/api/v1/awards/${otherKommuneAward.id}/extension-requests`)
      .set(other.bearer)
      .send({ months: 1, reason: 'covid19', justification: 'Nedlukningen forsinkede afprøvningen.' })
      .expect(201);
  });
  afterAll(() => api.close());

  /** Every item of a list, a page of `limit` at a time, following the cursors to the end. */
  async function walk(path: string, query: Record<string, string>, who: SignedInUser, limit = 2): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.http
        .get(path)
        .query({ ...query, limit, ...(cursor ? { cursor } : {}) })
        .set(who.bearer)
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.body.items);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    return items;
  }

  /** The items in the order `sort` promises: by the key (a missing one first), ties by id; descending reverses both. */
  function inOrder(items: Item[], key: (item: Item) => Key, descending: boolean): string[] {
    const compare = (a: Item, b: Item) => {
      const [x, y] = [key(a), key(b)];
      if (x !== y) {
        if (x === null) return -1;
        if (y === null) return 1;
        return x < y ? -1 : 1;
      }
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    };
    const sorted = [...items].sort(compare).map((item) => item.id);
    return descending ? sorted.reverse() : sorted;
  }

  /** Walks the list in each order of `fields` both ways and checks it against the same items sorted here. */
  async function expectSorted(path: string, query: Record<string, string>, who: SignedInUser, fields: Record<string, (item: Item) => Key>, atLeast: number) {
    const everything = await walk(path, query, who, 200);
    expect(everything.length).toBeGreaterThanOrEqual(atLeast);
    for (const [field, key] of Object.entries(fields)) {
      for (const descending of [false, true]) {
        const sort = descending ? `-${field}` : field;
        const walked = await walk(path, { ...query, sort }, who);
        expect({ sort, ids: walked.map((item) => item.id) }).toEqual({ sort, ids: inOrder(everything, key, descending) });
      }
    }
  }

  const at = (name: string) => (item: Item) => (item[name] as Key) ?? null;
  const time = (name: string) => (item: Item) => (item[name] === null || item[name] === undefined ? null : new Date(item[name] as string).toISOString());

  describe('each order, across pages, both ways', () => {
    it('applications: createdAt, submittedAt, caseNumber, title (drafts, without the last two, first)', async () => {
      const fields = { createdAt: time('createdAt'), submittedAt: time('submittedAt'), caseNumber: at('caseNumber'), title: at('title') };
      await expectSorted('/api/v1/applications', { programmeId: programme.id }, people.decider, fields, 7);
      await expectSorted('/api/v1/applications', { programmeId: programme.id }, people.lead, fields, 8);
      // Ties: the two “Alfa” cases, by id.
      const titles = (await walk('/api/v1/applications', { programmeId: programme.id, sort: 'title' }, people.lead)).map((item) => item.title);
      expect(titles.slice(0, 2)).toEqual(['Alfa sortering', 'Alfa sortering']);
    });

    it('awards: createdAt, decidedAt, amountOre (two alike), caseNumber, endDate', async () => {
      const fields = { decidedAt: time('decidedAt'), amountOre: at('amountOre'), caseNumber: at('caseNumber'), endDate: at('endDate') };
      await expectSorted('/api/v1/awards', { programmeId: programme.id }, people.decider, fields, 3);
      await expectSorted('/api/v1/awards', {}, people.lead, fields, 4);
      // An award's answer has no createdAt: oldest first is the default, newest first, turned round.
      const ids = async (query: Record<string, string>) =>
        (await walk('/api/v1/awards', { programmeId: programme.id, ...query }, people.decider)).map((item) => item.id);
      expect(await ids({ sort: 'createdAt' })).toEqual([...(await ids({}))].reverse());
      expect(await ids({ sort: 'createdAt' })).toEqual(awards.map((award) => award.id));
    });

    it('reports: dueDate and submittedAt (reports not submitted first)', async () => {
      const fields = { dueDate: at('dueDate'), submittedAt: time('submittedAt') };
      await expectSorted('/api/v1/reports', { programmeId: programme.id }, people.decider, fields, 6);
      await expectSorted('/api/v1/reports', {}, people.lead, fields, 8);
    });

    it('extension requests: requestedAt and decidedAt (undecided first)', async () => {
      const fields = { requestedAt: time('requestedAt'), decidedAt: time('decidedAt') };
      await expectSorted('/api/v1/extension-requests', { programmeId: programme.id }, people.decider, fields, 3);
      await expectSorted('/api/v1/extension-requests', {}, people.lead, fields, 3);
    });

    it('reminders, notifications, users, programmes and the audit trail', async () => {
      await expectSorted('/api/v1/reminders', { recipientId: people.lead.user.id }, admin, { sendAt: time('sendAt') }, 4);
      await expectSorted('/api/v1/notifications', {}, people.lead, { createdAt: time('createdAt') }, 4);
      await expectSorted('/api/v1/audit-events', { caseId: awards[0].applicationId }, admin, { seq: at('seq') }, 5);
      // Users of a kommune of their own, with names to sort by.
      const names = ['Carl Sørensen', 'Anna Holm', 'Bent Dahl', 'Anna Holm'];
      for (const name of names) {
        const user = await signedInAs(api, 'project_lead', '492');
        await api.http.patch(`/api/v1/users/${user.user.id}`).set(admin.bearer).send({ name }).expect(200);
      }
      const users = { email: at('email'), name: at('name'), createdAt: time('createdAt') };
      await expectSorted('/api/v1/users', { municipalityCode: '492' }, admin, users, 4);
    });

    it('programmes: code, name and applicationClosesAt, in an order that holds among everyone else’s', async () => {
      const token = programme.code.slice(0, 8);
      const mine: Array<{ id: string; code: string }> = [];
      for (const [name, closes] of [
        ['B', '2101-03-01T12:00'],
        ['A', '2101-01-01T12:00'],
        ['C', '2101-02-01T12:00'],
      ]) {
        mine.push(await givenProgramme(api, admin, { name: `Sorteringspulje ${name} ${token}`, applicationClosesAt: closes }));
      }
      const [b, a, c] = mine.map((one) => one.id);
      const order = async (sort: string) =>
        (await walk('/api/v1/programmes', { sort }, people.decider, 50)).map((item) => item.id).filter((id) => mine.some((one) => one.id === id));
      expect(await order('name')).toEqual([a, b, c]);
      expect(await order('-name')).toEqual([c, b, a]);
      expect(await order('applicationClosesAt')).toEqual([a, c, b]);
      expect(await order('-applicationClosesAt')).toEqual([b, c, a]);
      const byCode = mine
        .map((one) => one)
        .sort((x, y) => (x.code < y.code ? -1 : 1))
        .map((one) => one.id);
      expect(await order('code')).toEqual(byCode);
      expect(await order('-code')).toEqual([...byCode].reverse());
    });

    it('keeps the order the list always had when no sort is given', async () => {
      const plain = await walk('/api/v1/applications', { programmeId: programme.id }, people.lead);
      expect(plain.map((item) => item.id)).toEqual(
        (await walk('/api/v1/applications', { programmeId: programme.id, sort: '-createdAt' }, people.lead)).map((item) => item.id),
      );
      expect(plain.map((item) => item.id)).toEqual([...applications, ...awards.map((award) => ({ id: award.applicationId }))].reverse().map((item) => item.id));
      const reports = await walk('/api/v1/reports', { programmeId: programme.id }, people.decider);
      expect(reports.map((item) => item.id)).toEqual(inOrder(reports, at('dueDate'), false));
      // A cursor of the default order is the same with or without `sort` naming it.
      const first = await api.http.get('/api/v1/applications').query({ programmeId: programme.id, limit: 1 }).set(people.lead.bearer).expect(200);
      const next = await api.http
        .get('/api/v1/applications')
        .query({ programmeId: programme.id, limit: 1, sort: '-createdAt', cursor: first.body.nextCursor })
        .set(people.lead.bearer)
        .expect(200);
      expect(next.body.items[0].id).toBe(plain[1].id);
    });
  });

  const LISTS: Array<{ path: string; fields: readonly string[]; who: () => SignedInUser }> = [
    { path: '/api/v1/applications', fields: APPLICATION_SORT_FIELDS, who: () => people.decider },
    { path: '/api/v1/awards', fields: AWARD_SORT_FIELDS, who: () => people.decider },
    { path: '/api/v1/reports', fields: REPORT_SORT_FIELDS, who: () => people.decider },
    { path: '/api/v1/extension-requests', fields: EXTENSION_SORT_FIELDS, who: () => people.decider },
    { path: '/api/v1/reminders', fields: REMINDER_SORT_FIELDS, who: () => admin },
    { path: '/api/v1/notifications', fields: NOTIFICATION_SORT_FIELDS, who: () => people.lead },
    { path: '/api/v1/users', fields: USER_SORT_FIELDS, who: () => admin },
    { path: '/api/v1/programmes', fields: PROGRAMME_SORT_FIELDS, who: () => people.decider },
    { path: '/api/v1/audit-events', fields: AUDIT_EVENT_SORT_FIELDS, who: () => admin },
  ];

  describe('what a client may ask', () => {
    it.each(LISTS.map((list) => [list.path, list] as const))('%s refuses an unknown order with 400 and a Danish field error for sort', async (path, list) => {
      for (const sort of ['colour', '--createdAt', '+createdAt', 'id', '', '-']) {
        const response = await api.http.get(path).query({ sort }).set(list.who().bearer).expect(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body.type).toBe('urn:tilskud:problem:validation-failed');
        expect(response.body.errors).toEqual([{ field: 'sort', message: `skal være en af ${sortValues(list.fields).join(', ')}` }]);
      }
      await api.http.get(`${path}?sort=${list.fields[0]}&sort=-${list.fields[0]}`).set(list.who().bearer).expect(400);
    });

    it.each(LISTS.map((list) => [list.path, list] as const))('%s refuses a cursor of one order under another', async (path, list) => {
      // Enough rows for a next page in each order: every list holds at least two for these users.
      const orders = [...sortValues(list.fields), undefined];
      for (const from of orders) {
        const page = await api.http
          .get(path)
          .query({ limit: 1, ...(from ? { sort: from } : {}) })
          .set(list.who().bearer)
          .expect(200);
        expect(page.body.nextCursor).toEqual(expect.any(String));
        for (const to of orders) {
          const same = (from ?? defaultOf(path)) === (to ?? defaultOf(path));
          const response = await api.http
            .get(path)
            .query({ limit: 1, cursor: page.body.nextCursor, ...(to ? { sort: to } : {}) })
            .set(list.who().bearer)
            .expect(same ? 200 : 400);
          if (!same) expect(response.body.type).toBe('urn:tilskud:problem:invalid-cursor');
        }
      }
    });
  });

  const DEFAULTS: Record<string, string> = {
    '/api/v1/applications': '-createdAt',
    '/api/v1/awards': '-createdAt',
    '/api/v1/reports': 'dueDate',
    '/api/v1/extension-requests': 'requestedAt',
    '/api/v1/reminders': 'sendAt',
    '/api/v1/notifications': '-createdAt',
    '/api/v1/users': 'email',
    '/api/v1/programmes': 'code',
    '/api/v1/audit-events': '-seq',
  };
  const defaultOf = (path: string) => DEFAULTS[path];

  describe('on indexes', () => {
    const TABLES: Record<string, string> = {
      '/api/v1/applications': 'application',
      '/api/v1/awards': 'award',
      '/api/v1/reports': 'progress_report',
      '/api/v1/extension-requests': 'extension_request',
      '/api/v1/reminders': 'reminder',
      '/api/v1/notifications': 'notification',
      '/api/v1/users': 'app_user',
      '/api/v1/programmes': 'programme',
      '/api/v1/audit-events': 'audit_event',
    };

    it.each(LISTS.map((list) => [list.path, list] as const))('%s reads every order off an index, never sorting the rows', async (path, list) => {
      const who = [
        list.who(),
        ...(['/api/v1/applications', '/api/v1/awards', '/api/v1/reports', '/api/v1/extension-requests'].includes(path) ? [people.lead] : []),
      ];
      for (const user of who) {
        for (const sort of sortValues(list.fields)) {
          const query = await capturedQuery(
            () => api.http.get(path).query({ sort, limit: 10 }).set(user.bearer).expect(200),
            (text) => text.includes(`FROM "${TABLES[path]}"`) && text.includes('ORDER BY'),
          );
          // Sorting and table scans priced out: a plan that still sorts has no index in the order.
          const plan = await planOf(query, { enable_sort: 'off', enable_incremental_sort: 'off', enable_seqscan: 'off' });
          expect({ path, sort, role: user.user.role, plan }).toEqual({
            path,
            sort,
            role: user.user.role,
            plan: expect.not.stringMatching(/\bSort\b|Seq Scan/),
          });
        }
      }
    });
  });

  describe('filters', () => {
    it('GET /extension-requests and GET /reports filter by programme', async () => {
      const requests = await walk('/api/v1/extension-requests', { programmeId: programme.id }, people.decider);
      expect(requests.map((item) => item.awardId).sort()).toEqual(awards.map((award) => award.id).sort());
      const others = await walk('/api/v1/extension-requests', { programmeId: otherProgramme.id }, people.decider);
      expect(others.map((item) => item.awardId)).toEqual([otherKommuneAward.id]);
      const reports = await walk('/api/v1/reports', { programmeId: programme.id }, people.decider);
      expect(new Set(reports.map((item) => item.awardId))).toEqual(new Set(awards.map((award) => award.id)));
      expect(reports.every((item) => item.programmeId === programme.id)).toBe(true);
      await api.http.get('/api/v1/extension-requests').query({ programmeId: 'x' }).set(people.decider.bearer).expect(400);
    });
  });

  describe('within a project lead’s kommune', () => {
    it('shows nothing of another kommune’s cases in any order', async () => {
      const theirs = new Set([otherKommuneAward.id, otherKommuneAward.applicationId]);
      const mine = new Set([...awards.map((award) => award.id), ...awards.map((award) => award.applicationId), ...applications.map((one) => one.id)]);
      for (const [path, fields] of [
        ['/api/v1/applications', APPLICATION_SORT_FIELDS],
        ['/api/v1/awards', AWARD_SORT_FIELDS],
        ['/api/v1/reports', REPORT_SORT_FIELDS],
        ['/api/v1/extension-requests', EXTENSION_SORT_FIELDS],
      ] as const) {
        for (const sort of sortValues(fields)) {
          for (const item of await walk(path, { sort }, other, 50)) {
            const ids = [item.id, item.awardId, item.applicationId].filter((id): id is string => typeof id === 'string');
            expect({ path, sort, mine: ids.filter((id) => mine.has(id)) }).toEqual({ path, sort, mine: [] });
          }
          const seen = (await walk(path, { sort }, other, 50)).flatMap((item) => [item.id, item.awardId, item.applicationId]);
          expect(seen.some((id) => typeof id === 'string' && theirs.has(id))).toBe(true);
        }
      }
    });
  });
});
