import pg from 'pg';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';
import { givenAward, givenProgramme, givenSubmitted } from '../support/grant-case.js';

/**
 * No N+1: a list request makes the same few queries whether the page holds 1 row or 50. Counted at
 * the pg driver, in this process, while one request runs.
 */
describe('queries per list request', () => {
  let api: TestApp;
  let people: { lead: SignedInUser; assessor: SignedInUser; decider: SignedInUser };
  let admin: SignedInUser;
  let programmeId: string;

  beforeAll(async () => {
    api = await createTestApp();
    admin = await signedInAs(api, 'admin');
    people = {
      lead: await signedInAs(api, 'project_lead', '482'),
      assessor: await signedInAs(api, 'caseworker'),
      decider: await signedInAs(api, 'caseworker'),
    };
    programmeId = (await givenProgramme(api, admin)).id;
    for (let i = 0; i < 6; i += 1) await givenAward(api, people, programmeId);
    for (let i = 0; i < 6; i += 1) await givenSubmitted(api, people.lead, programmeId);
  });
  afterAll(() => api.close());

  async function queriesDuring(request: () => Promise<unknown>): Promise<number> {
    const original = pg.Client.prototype.query;
    let count = 0;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      count += 1;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      await request();
    } finally {
      pg.Client.prototype.query = original;
    }
    return count;
  }

  it.each([
    ['/api/v1/applications', 'lead'],
    ['/api/v1/awards', 'lead'],
    ['/api/v1/reports', 'lead'],
    ['/api/v1/extension-requests', 'lead'],
    ['/api/v1/programmes', 'decider'],
    ['/api/v1/notifications', 'lead'],
    ['/api/v1/audit-events', 'admin'],
  ] as const)('%s makes the same number of queries for 1 row as for a full page', async (path, who) => {
    const user = who === 'admin' ? admin : people[who];
    const one = await queriesDuring(() => api.http.get(path).query({ limit: 1 }).set(user.bearer).expect(200));
    const many = await queriesDuring(() => api.http.get(path).query({ limit: 50 }).set(user.bearer).expect(200));
    expect(many).toBe(one);
    // Sign-in check, the list itself, and one query naming the page's cases and people (the programme
    // list adds two grouped sums for the ledger figures instead).
    expect(many).toBeLessThanOrEqual(path === '/api/v1/programmes' ? 5 : 3);
  });

  it('the ledger of a programme with many awards takes a fixed number of queries', async () => {
    const ledger = () => queriesDuring(() => api.http.get(`/api/v1/programmes/${programmeId}/ledger`).set(admin.bearer).expect(200));
    // The version lookup, then (the first time) the computation in one transaction.
    expect(await ledger()).toBeLessThanOrEqual(9);
    // Then, while nothing has changed, the sign-in check and the version lookup only.
    expect(await ledger()).toBe(2);
  });
});
