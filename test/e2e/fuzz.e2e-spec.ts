import fc from 'fast-check';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createScratchDatabase } from '../support/databases.js';
import { givenAward, givenProgramme, givenSubmitted } from '../support/grant-case.js';
import { registeredRoutes } from '../support/routes.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

/**
 * Thousands of malformed requests, generated and seeded (a failure prints its seed and replays), across
 * every registered route: wrong types, missing and extra fields, huge strings, deep nesting, bad UUIDs
 * and cursors, odd content types, prototype-pollution keys, bodies of tens of thousands of unknown keys,
 * NUL characters and half surrogate pairs in bodies, queries and paths, and URLs that cannot be decoded
 * or are too long. None may answer 5xx, and none may store anything: every table's row count and the
 * audit chain's head are the same afterwards.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);
const SEED = Number(process.env.FUZZ_SEED ?? 20201218);

const deep = (depth: number): unknown => (depth === 0 ? 'bund' : { a: deep(depth - 1) });
const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constant(Number.MAX_SAFE_INTEGER + 2),
  fc.constant(-1),
  fc.string(),
  fc.constant('x'.repeat(20_000)),
  fc.constant('💥\u0000\u202e'),
  fc.constant('halvt \ud800 surrogatpar'),
  fc.constant('\udfff'),
  fc.constant(['a', { b: 1 }]),
  fc.constant({}),
  fc.constant(deep(60)),
  fc.constant('2020-02-30'),
  fc.constant('not-a-uuid'),
);
const FIELDS = [
  'email',
  'password',
  'refreshToken',
  'programmeId',
  'title',
  'purpose',
  'activities',
  'themes',
  'requestedOre',
  'plannedStart',
  'plannedEnd',
  'coApplicantCodes',
  'version',
  'ratings',
  'summary',
  'recommendation',
  'recommendedOre',
  'outcome',
  'rationale',
  'amountOre',
  'startDate',
  'endDate',
  'months',
  'reason',
  'justification',
  'approvedMonths',
  'narrative',
  'spentToDateOre',
  'milestones',
  'comment',
  'deltaOre',
  'code',
  'name',
  'budgetOre',
  'role',
  'active',
  'municipalityCode',
];
/** A body that is wrong by construction: an unknown or polluting key, always, beside random fields. */
const badBody = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...FIELDS), junk, { maxKeys: 6 }),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'role_override'),
    junk,
  )
  .map(
    ([fields, key, value]) =>
      `{${[...Object.entries(fields).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`), `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`].join(',')}}`,
  );
/** The unknown-keys family: objects wider than any endpoint takes, up to the 40,000 keys that once stalled the API. */
const wideObject = (keys: number) => JSON.stringify(Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i])));
const WIDEST = wideObject(40_000);
const wideBody = fc.oneof(fc.integer({ min: 65, max: 1_000 }).map(wideObject), fc.constant(WIDEST));
/** The NUL family, inside bodies as JSON escapes: in values, in keys, deep down. */
const nulBody = fc.constantFrom(
  '{"title":"a\\u0000b"}',
  '{"a\\u0000":1}',
  '{"ratings":[{"rationale":"\\u0000"}]}',
  '{"email":"x@y.dk","password":"\\u0000\\u0000"}',
  '"\\ud800"',
);
const rawBody = fc.oneof(
  badBody,
  wideBody,
  nulBody,
  fc.constantFrom('{', '{"a":', 'null', '[]', '"text"', '{"a":1}}', '\u0000', '{"__proto__":{"isAdmin":true}}'),
  fc.string(),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'text/plain',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  '',
);
/** Ids, and the bad-URL family: undecodable %-codes, NUL, a path past the URL limit. */
const badId = fc.oneof(
  fc.uuid(),
  fc.constantFrom('1', 'null', '%00', '..%2F..', "' OR 1=1 --", 'x'.repeat(300), '%', '%zz', '%E0%A4%A', '%C0%80', '%ED%A0%80', 'x'.repeat(9_000)),
  fc.string({ minLength: 1 }).map(encodeURIComponent),
);
const badQuery = fc.dictionary(
  fc.constantFrom(
    'limit',
    'cursor',
    'status',
    'programmeId',
    'municipalityCode',
    'theme',
    'q',
    'dueBefore',
    'kind',
    'from',
    'to',
    'awardId',
    'unknown',
    '__proto__',
  ),
  fc.oneof(
    fc.string(),
    fc.constantFrom(
      '0',
      '201',
      '-1',
      '1e9',
      'NaN',
      'eyJ4Ijp0cnVlfQ',
      'x'.repeat(5000),
      'a\u0000b',
      '\u0000',
      'WyJwcm9ncmFtbWVzIiwiYVx1MDAwMGIiXQ',
      '2027-02-30T12:00',
    ),
  ),
  { minKeys: 1, maxKeys: 4 },
);

const BODILESS = new Set([
  'POST /api/v1/applications/:id/submit',
  'POST /api/v1/applications/:id/withdraw',
  'POST /api/v1/applications/:id/assessment/complete',
  'POST /api/v1/extension-requests/:id/withdraw',
  'POST /api/v1/notifications/:id/read',
  'POST /api/v1/users/:id/approve',
  'POST /api/v1/users/:id/unlock',
]);

describe('fuzzing every route with malformed requests', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let api: TestApp;
  let people: Record<'admin' | 'caseworker' | 'lead', SignedInUser>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    scratch = await createScratchDatabase('fuzz');
    await scratch.dataSource.runMigrations();
    api = await createTestApp({ env: { DATABASE_URL: scratch.url } });
    people = { admin: await signedInAs(api, 'admin'), caseworker: await signedInAs(api, 'caseworker'), lead: await signedInAs(api, 'project_lead', '101') };
    const programme = await givenProgramme(api, people.admin);
    const award = await givenAward(api, { lead: people.lead, assessor: people.caseworker, decider: await signedInAs(api, 'caseworker') }, programme.id, {
      startDate: '2026-01-01',
      endDate: '2030-12-31',
    });
    const application = await givenSubmitted(api, people.lead, programme.id);
    ids.programme = programme.id;
    ids.award = award.id;
    ids.application = application.id;
    ids.user = people.lead.user.id;
  }, 60_000);
  afterAll(async () => {
    await api.close();
    await scratch.drop();
  });

  async function snapshot() {
    const dataSource = api.app.get<DataSource>(getDataSourceToken());
    const tables: Array<{ table_name: string }> = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of tables) counts[table_name] = (await dataSource.query(`SELECT count(*)::int AS n FROM "${table_name}"`))[0].n;
    const [head] = await dataSource.query('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1');
    return { counts, head };
  }

  it(`answers ${RUNS} malformed requests without a 5xx and stores nothing`, async () => {
    const routes = registeredRoutes(api).filter((route) => !route.endsWith('/auth/logout'));
    const before = await snapshot();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom('anonymous', 'admin', 'caseworker', 'lead'),
        badId,
        badQuery,
        rawBody,
        contentType,
        fc.boolean(),
        async (route, who, id, query, body, type, realId) => {
          const [method, template] = route.split(' ');
          // A POST that takes no body is only malformed through its id, so it never gets a real one.
          const bodiless = BODILESS.has(route);
          const path = template.replace(/:(\w+)/g, () => (realId && !bodiless ? Object.values(ids)[id.length % 4] : `${id}x`));
          let request = api.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch'](path).query(query);
          if (who !== 'anonymous') request = request.set(people[who].bearer);
          if (method !== 'GET') {
            request = request.set('Content-Type', type);
            request = request.send(body);
          }
          const response = await request;
          sent += 1;
          if (response.status >= 500) throw new Error(`${method} ${path} as ${who} → ${response.status}: ${JSON.stringify(response.body)}`);
          // A GET with a well-formed real id may succeed; nothing else may change state.
          return true;
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(sent).toBe(RUNS);
    const added = await api.app.get<DataSource>(getDataSourceToken()).query('SELECT action, after FROM audit_event WHERE seq > $1', [before.head?.seq ?? 0]);
    expect(added).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 600_000);
});
