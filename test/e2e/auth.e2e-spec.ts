import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { AuthService } from '../../libs/auth/auth.service.js';
import { ACCOUNT_LOCK_THRESHOLD, FREE_ATTEMPTS_PER_ADDRESS, MAX_ADDRESS_DELAY_MS } from '../../libs/auth/lockout.js';
import { UsersService } from '../../libs/auth/users.service.js';
import { ManualClock } from '../../libs/core/time/clock.js';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createScratchDatabase } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { givenUser, signIn, signedInAs, TEST_PASSWORD } from '../support/users.js';

const withoutRequestDetails = ({ requestId: _r, instance: _i, ...rest }: Record<string, unknown>) => rest;

describe('sign-in', () => {
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  let api: TestApp;
  beforeAll(async () => {
    // The throttle counts by client address: behind this test's "proxy", each test chooses its own.
    api = await createTestApp({ clock, env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => api.close());

  const login = (from: string, email: string, password: string) => api.http.post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ email, password });

  describe('POST /auth/login', () => {
    it('answers tokens and the user for the right password', async () => {
      const user = await givenUser(api, 'project_lead', '621');
      const response = await api.http.post('/api/v1/auth/login').send({ email: user.email.toUpperCase(), password: TEST_PASSWORD }).expect(200);
      expect(response.body).toMatchObject({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        user: { id: user.id, email: user.email, name: user.name, role: 'project_lead', municipalityCode: '621' },
      });
      const me = await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
      expect(me.body).toEqual({ id: user.id, email: user.email, name: user.name, role: 'project_lead', municipalityCode: '621' });
    });

    it('answers a wrong password and an unknown e-mail alike, with 401', async () => {
      const user = await givenUser(api, 'caseworker');
      const wrong = await api.http.post('/api/v1/auth/login').send({ email: user.email, password: 'not the password at all' }).expect(401);
      const unknown = await api.http.post('/api/v1/auth/login').send({ email: 'nobody@test.tilskud.dk', password: 'not the password at all' }).expect(401);
      expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(withoutRequestDetails(wrong.body)).toEqual(withoutRequestDetails(unknown.body));
      expect(wrong.body).toMatchObject({ type: 'urn:tilskud:problem:invalid-credentials', status: 401 });
    });

    it('spends the same password-hashing work on an unknown e-mail as on a wrong password', async () => {
      const user = await givenUser(api, 'caseworker');
      let attempt = 0;
      const time = async (email: string) => {
        const started = process.hrtime.bigint();
        // Each from an address of its own, so no attempt is made to wait.
        await login(`198.18.0.${(attempt += 1)}`, email, 'not the password at all').expect(401);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const wrong: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        wrong.push(await time(user.email));
        unknown.push(await time(`unknown-${i}@test.tilskud.dk`));
      }
      // argon2id dominates both; without the decoy hash the unknown e-mail would answer in a fraction of it.
      // The fastest of each is compared: the suites running beside this one only ever add time, and more
      // to a wrong password, which also writes the failure count (medians compared 44 ms with 92 ms).
      expect(Math.min(...unknown)).toBeGreaterThan(Math.min(...wrong) * 0.5);
    });

    it('refuses a malformed body with 400, not as a failed sign-in', async () => {
      const response = await api.http.post('/api/v1/auth/login').send({ email: 42 }).expect(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
    });

    it('makes an address wait after its fourth failure on an account, longer each time, and refuses unchecked meanwhile', async () => {
      const user = await givenUser(api, 'caseworker');
      const from = '198.51.100.7';
      for (let i = 0; i < FREE_ATTEMPTS_PER_ADDRESS; i += 1) await login(from, user.email, `wrong password ${i}`).expect(401);
      await login(from, user.email, 'wrong password 4').expect(401);
      const waiting = await login(from, user.email, TEST_PASSWORD).expect(429);
      expect(waiting.body).toMatchObject({ type: 'urn:tilskud:problem:sign-in-throttled', status: 429, retryAfterSeconds: 10 });
      expect(waiting.headers['retry-after']).toBe('10');

      clock.advance(10_000);
      await login(from, user.email, 'wrong password 5').expect(401);
      expect((await login(from, user.email, TEST_PASSWORD).expect(429)).body.retryAfterSeconds).toBe(20);
      clock.advance(20_000);
      await login(from, user.email, TEST_PASSWORD).expect(200);
      // A success starts the count again.
      for (let i = 0; i < FREE_ATTEMPTS_PER_ADDRESS; i += 1) await login(from, user.email, `wrong again ${i}`).expect(401);
      await login(from, user.email, TEST_PASSWORD).expect(200);
    });

    it('never makes the owner wait for an attacker’s failures at another address', async () => {
      const user = await givenUser(api, 'caseworker');
      for (let i = 0; i < 12; i += 1) {
        if (i > 0) clock.advance(MAX_ADDRESS_DELAY_MS);
        await login('203.0.113.66', user.email, `guess ${i}`).expect(401);
      }
      await login('203.0.113.66', user.email, 'one more guess').expect(429);
      await login('198.51.100.8', user.email, TEST_PASSWORD).expect(200);
    });

    it('treats an unknown e-mail exactly like a known one: the same 401s, then the same wait', async () => {
      const user = await givenUser(api, 'caseworker');
      const answers = async (email: string) => {
        const statuses: number[] = [];
        for (let i = 0; i < 5; i += 1) statuses.push((await login('198.51.100.9', email, `wrong password ${i}`)).status);
        return statuses;
      };
      expect(await answers(user.email)).toEqual(await answers(`nobody-${randomUUID()}@test.tilskud.dk`));
    });

    it('past 50 failures from strangers, makes every new address wait, but not the owner’s; an admin clears it', async () => {
      const user = await givenUser(api, 'caseworker');
      const admin = await signedInAs(api, 'admin');
      await login('192.0.2.1', user.email, TEST_PASSWORD).expect(200);
      for (let i = 0; i < ACCOUNT_LOCK_THRESHOLD; i += 1) await login(`10.9.${Math.floor(i / 3)}.${i % 3}`, user.email, `guess ${i}`).expect(401);
      const locked = await api.app.get(UsersService).list({ limit: 200, role: 'caseworker' } as never);
      expect(locked.items.find((item) => item.id === user.id)?.lockedUntil).not.toBeNull();
      // A new address is refused even with the right password (the same answer as a wrong one) …
      const stranger = await login('10.200.0.1', user.email, TEST_PASSWORD).expect(401);
      expect(stranger.body.type).toBe('urn:tilskud:problem:invalid-credentials');
      // … while the owner's address goes on.
      await login('192.0.2.1', user.email, TEST_PASSWORD).expect(200);

      for (let i = 0; i < ACCOUNT_LOCK_THRESHOLD; i += 1) await login(`10.8.${Math.floor(i / 3)}.${i % 3}`, user.email, `guess ${i}`).expect(401);
      await login('10.200.0.2', user.email, TEST_PASSWORD).expect(401);
      const unlocked = await api.http.post(`/api/v1/users/${user.id}/unlock`).set(admin.bearer).expect(200);
      expect(unlocked.body).toMatchObject({ lockedUntil: null });
      await login('10.200.0.2', user.email, TEST_PASSWORD).expect(200);
      await login('10.9.0.0', user.email, TEST_PASSWORD).expect(200);
    });

    it('records a failure with the user’s id, or with a keyed hash of what was typed, never the typed text', async () => {
      const typed = `${randomUUID()}-maybe-a-password`;
      await login('198.51.100.10', typed, 'wrong password here').expect(401);
      const admin = await signedInAs(api, 'admin');
      const events = await api.http.get('/api/v1/audit-events').query({ action: 'auth.login_failed', limit: 20 }).set(admin.bearer).expect(200);
      const unknown = events.body.items.find((event: { after: { emailHash?: string } }) => event.after.emailHash === api.app.get(AuthService).emailHash(typed));
      expect(unknown).toMatchObject({ entityId: null, after: { reason: 'unknown-email', emailHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
      expect(JSON.stringify(events.body)).not.toContain(typed);
      const user = await givenUser(api, 'caseworker');
      await login('198.51.100.10', user.email, 'wrong password here').expect(401);
      const known = await api.http.get('/api/v1/audit-events').query({ action: 'auth.login_failed', entityId: user.id }).set(admin.bearer).expect(200);
      expect(known.body.items[0].after).toEqual({ reason: 'wrong-password', failuresFromAddress: 1, knownAddress: false });
      expect(JSON.stringify(known.body)).not.toContain(user.email);
    });
  });

  describe('access tokens', () => {
    it('are required on every route that is not public', async () => {
      const response = await api.http.get('/api/v1/auth/me').expect(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.body).toMatchObject({ status: 401, type: 'urn:tilskud:problem:unauthenticated' });
    });

    it('are refused without an expiry, an issue time, an issuer or an audience, though signed with our key', async () => {
      const signedIn = await signedInAs(api, 'caseworker');
      const jwt = api.app.get(JwtService, { strict: false });
      const { sub, sid, role, mun, iat } = jwt.decode(signedIn.accessToken);
      const sign = (claims: Record<string, unknown>, options: Record<string, unknown>) => jwt.sign(claims, options);
      await api.http
        .get('/api/v1/auth/me')
        .set('Authorization', `Bearer ${sign({ sub, sid, role, mun }, { issuer: 'tilskud', audience: 'tilskud-api', expiresIn: 60 })}`)
        .expect(200);
      for (const token of [
        sign({ sub, sid, role, mun }, { issuer: 'tilskud', audience: 'tilskud-api' }),
        sign({ sub, sid, role, mun }, { issuer: 'tilskud', audience: 'tilskud-api', expiresIn: 60, noTimestamp: true }),
        sign({ sub, sid, role, mun }, { audience: 'tilskud-api', expiresIn: 60 }),
        sign({ sub, sid, role, mun }, { issuer: 'tilskud', expiresIn: 60 }),
        sign({ sub, sid: 'not-a-session', role, mun }, { issuer: 'tilskud', audience: 'tilskud-api', expiresIn: 60 }),
        // Issued two hours ago with a year to run: older than any access token lives.
        sign({ sub, sid, role, mun, iat: iat - 7_200 }, { issuer: 'tilskud', audience: 'tilskud-api', expiresIn: 365 * 86_400 }),
      ]) {
        await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
      }
    });

    it('are refused when signed with the development secret earlier versions published', async () => {
      const { user, accessToken } = await signedInAs(api, 'caseworker');
      const { sid } = api.app.get(JwtService, { strict: false }).decode(accessToken);
      const published = new JwtService({ secret: 'tilskud-development-secret-do-not-use-in-production' }).sign(
        { sub: user.id, sid, role: 'caseworker', mun: null },
        { issuer: 'tilskud', audience: 'tilskud-api', expiresIn: 60 },
      );
      await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${published}`).expect(401);
    });

    it('are refused when signed with another key', async () => {
      const { user } = await signedInAs(api, 'caseworker');
      const forged = new JwtService({ secret: 'someone-else-entirely-0123456789' }).sign(
        { sub: user.id, sid: user.id, role: 'admin', mun: null },
        { issuer: 'tilskud', audience: 'tilskud-api', expiresIn: 60 },
      );
      await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${forged}`).expect(401);
    });

    it('are refused unsigned (alg "none") and with the algorithm changed', async () => {
      const signedIn = await signedInAs(api, 'caseworker');
      const [, payload] = signedIn.accessToken.split('.');
      const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
      await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${none}`).expect(401);
      const header = Buffer.from(JSON.stringify({ alg: 'HS512', typ: 'JWT' })).toString('base64url');
      const hs512 = `${header}.${payload}.${createHmac('sha512', 'x').update(`${header}.${payload}`).digest('base64url')}`;
      await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${hs512}`).expect(401);
    });

    it('are refused, signed with our key, when expired or meant for another issuer or audience', async () => {
      const signedIn = await signedInAs(api, 'caseworker');
      const jwt = api.app.get(JwtService, { strict: false });
      const { sub, sid, role, mun } = jwt.decode(signedIn.accessToken);
      const token = (options: { issuer?: string; audience?: string; expiresIn?: number }) =>
        jwt.sign({ sub, sid, role, mun }, { issuer: 'tilskud', audience: 'tilskud-api', expiresIn: 60, ...options });
      // The same claims and options otherwise pass, so each refusal below is for the one thing changed.
      await api.http
        .get('/api/v1/auth/me')
        .set('Authorization', `Bearer ${token({})}`)
        .expect(200);
      // Expired by more than the 30 s the clocks of several API processes may differ.
      for (const changed of [{ expiresIn: -31 }, { issuer: 'someone-else' }, { audience: 'another-api' }]) {
        const response = await api.http
          .get('/api/v1/auth/me')
          .set('Authorization', `Bearer ${token(changed)}`)
          .expect(401);
        expect(response.body.type).toBe('urn:tilskud:problem:unauthenticated');
      }
    });

    it('are read from a Bearer header in any case, and nothing else', async () => {
      const { accessToken } = await signedInAs(api, 'caseworker');
      await api.http.get('/api/v1/auth/me').set('Authorization', `bearer ${accessToken}`).expect(200);
      await api.http.get('/api/v1/auth/me').set('Authorization', `BEARER  ${accessToken}`).expect(200);
      for (const header of [`Basic ${accessToken}`, 'Bearer', `Bearer ${accessToken} ${accessToken}`, accessToken]) {
        const response = await api.http.get('/api/v1/auth/me').set('Authorization', header).expect(401);
        expect(response.headers['www-authenticate']).toBe('Bearer');
      }
      // The query parameter and the cookie the queue dashboard takes are not read by the API's routes.
      await api.http.get(`/api/v1/auth/me?access_token=${accessToken}`).expect(401);
      await api.http.get('/api/v1/auth/me').set('Cookie', `tilskud_queues=${accessToken}`).expect(401);
    });

    it('stop working at once when the user is deactivated', async () => {
      const admin = await signedInAs(api, 'admin');
      const lead = await signedInAs(api, 'project_lead', '851');
      await api.http.get('/api/v1/auth/me').set(lead.bearer).expect(200);

      await api.http.patch(`/api/v1/users/${lead.user.id}`).set(admin.bearer).send({ active: false }).expect(200);

      await api.http.get('/api/v1/auth/me').set(lead.bearer).expect(401);
      await api.http.post('/api/v1/auth/refresh').send({ refreshToken: lead.refreshToken }).expect(401);
      await api.http.post('/api/v1/auth/login').send({ email: lead.email, password: TEST_PASSWORD }).expect(401);
    });
  });

  describe('POST /auth/refresh', () => {
    it('rotates: the new pair works and the old refresh token is spent', async () => {
      const first = await signedInAs(api, 'caseworker');
      const second = await api.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);
      const third = await api.http.post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(200);
      expect(third.body.user.id).toBe(first.user.id);
    });

    it('revokes the whole session when a spent token is used again', async () => {
      const first = await signedInAs(api, 'caseworker');
      const second = (await api.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;

      const reuse = await api.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
      expect(reuse.body.type).toBe('urn:tilskud:problem:invalid-refresh-token');

      await api.http.post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
      await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${second.accessToken}`).expect(401);
      await api.http.get('/api/v1/auth/me').set(first.bearer).expect(401);
    });

    it('refuses a token that is not ours', async () => {
      await api.http.post('/api/v1/auth/refresh').send({ refreshToken: 'nonsense' }).expect(401);
      await api.http
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: `${crypto.randomUUID()}.${'a'.repeat(43)}` })
        .expect(401);
      await api.http.post('/api/v1/auth/refresh').send({}).expect(400);
    });

    it('refuses once the session is older than its lifetime', async () => {
      const signedIn = await signedInAs(api, 'caseworker');
      clock.advance(31 * 86_400_000);
      await api.http.post('/api/v1/auth/refresh').send({ refreshToken: signedIn.refreshToken }).expect(401);
    });
  });

  describe('POST /auth/logout', () => {
    it('ends the session: its refresh and access tokens stop working, other sessions go on', async () => {
      const session = await signedInAs(api, 'caseworker');
      const other = await signIn(api, session.email);

      await api.http.post('/api/v1/auth/logout').set(session.bearer).send({ refreshToken: session.refreshToken }).expect(204);

      await api.http.post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      await api.http.get('/api/v1/auth/me').set(session.bearer).expect(401);
      await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${other.accessToken}`).expect(200);
    });

    it('needs a signed-in user', async () => {
      await api.http.post('/api/v1/auth/logout').send({ refreshToken: 'x' }).expect(401);
    });
  });
});

describe('sign-in throttling', () => {
  it('answers 429 past LOGIN_RATE_LIMIT attempts a minute from one address', async () => {
    // A prefix of its own, so the sign-ins of the other tests in this run are not counted.
    const api = await createTestApp({
      clock: new ManualClock(new Date('2026-12-04T10:00:00Z')),
      env: { LOGIN_RATE_LIMIT: '3', QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-throttle` },
    });
    const throttledEmail = `throttled-${randomUUID()}@test.tilskud.dk`;
    try {
      for (let i = 0; i < 3; i += 1) {
        await api.http.post('/api/v1/auth/login').send({ email: throttledEmail, password: 'wrong password here' }).expect(401);
      }
      const throttled = await api.http.post('/api/v1/auth/login').send({ email: throttledEmail, password: 'wrong password here' }).expect(429);
      expect(throttled.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
      expect(throttled.body).toMatchObject({ status: 429, type: 'urn:tilskud:problem:rate-limited' });
    } finally {
      await api.close();
    }
  });
});

describe('sign-in throttling per address', () => {
  it('counts only well-formed attempts: malformed bodies never use up an address’s allowance', async () => {
    const api = await createTestApp({
      clock: new ManualClock(new Date('2026-12-04T10:00:00Z')),
      env: { LOGIN_RATE_LIMIT: '2', QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-throttle-malformed` },
    });
    try {
      for (let i = 0; i < 5; i += 1) await api.http.post('/api/v1/auth/login').send({ email: 42 }).expect(400);
      for (let i = 0; i < 5; i += 1) await api.http.post('/api/v1/auth/refresh').send({ refreshToken: 7 }).expect(400);
      const email = `malformed-${randomUUID()}@test.tilskud.dk`;
      await api.http.post('/api/v1/auth/login').send({ email, password: 'wrong password here' }).expect(401);
      await api.http.post('/api/v1/auth/refresh').send({ refreshToken: 'nonsense' }).expect(401);
      const throttled = await api.http.post('/api/v1/auth/login').send({ email, password: 'wrong password here' }).expect(429);
      expect(throttled.body.type).toBe('urn:tilskud:problem:rate-limited');
    } finally {
      await api.close();
    }
  });

  it('counts by the client’s address behind a trusted proxy, and by the socket’s address otherwise', async () => {
    const prefix = `${process.env.QUEUE_PREFIX}-throttle-proxy`;
    // Clocks standing still: the count is per fixed minute, which a real clock could leave mid-test.
    const clock = new ManualClock(new Date('2026-12-04T10:00:00Z'));
    const trusting = await createTestApp({ clock, env: { LOGIN_RATE_LIMIT: '1', TRUST_PROXY: '127.0.0.1', QUEUE_PREFIX: `${prefix}-a` } });
    const direct = await createTestApp({ clock, env: { LOGIN_RATE_LIMIT: '1', QUEUE_PREFIX: `${prefix}-b` } });
    try {
      const body = { email: `proxied-${randomUUID()}@test.tilskud.dk`, password: 'wrong password here' };
      // Two clients behind the same load balancer do not block each other …
      await trusting.http.post('/api/v1/auth/login').set('X-Forwarded-For', '203.0.113.1').send(body).expect(401);
      await trusting.http.post('/api/v1/auth/login').set('X-Forwarded-For', '203.0.113.2').send(body).expect(401);
      await trusting.http.post('/api/v1/auth/login').set('X-Forwarded-For', '203.0.113.1').send(body).expect(429);
      // … and without TRUST_PROXY a forged header changes nothing.
      const other = { ...body, email: `direct-${randomUUID()}@test.tilskud.dk` };
      await direct.http.post('/api/v1/auth/login').set('X-Forwarded-For', '203.0.113.1').send(other).expect(401);
      await direct.http.post('/api/v1/auth/login').set('X-Forwarded-For', '203.0.113.2').send(other).expect(429);
    } finally {
      await trusting.close();
      await direct.close();
    }
  });
});

describe('signing keys', () => {
  it('are the installation’s own when JWT_SECRET is not set: two databases never share one', async () => {
    const scratch = await createScratchDatabase('signing_keys');
    await scratch.dataSource.runMigrations();
    // Passport keeps one `local` strategy per process, the last app's: each app signs in before the next is made.
    const api = await createTestApp();
    const here = await signedInAs(api, 'caseworker');
    const other = await createTestApp({ env: { DATABASE_URL: scratch.url } });
    const there = await signedInAs(other, 'caseworker');
    try {
      await api.http.get('/api/v1/auth/me').set(here.bearer).expect(200);
      await other.http.get('/api/v1/auth/me').set(there.bearer).expect(200);
      // A token of one installation is worth nothing at another, even for a user with the same claims.
      await other.http.get('/api/v1/auth/me').set(here.bearer).expect(401);
      await api.http.get('/api/v1/auth/me').set(there.bearer).expect(401);
      const [ours] = await api.app.get<DataSource>(getDataSourceToken()).query(`SELECT value FROM installation_secret WHERE name = 'jwt'`);
      const [theirs] = await scratch.dataSource.query(`SELECT value FROM installation_secret WHERE name = 'jwt'`);
      expect(ours.value).toMatch(/^[\w-]{64}$/);
      expect(ours.value).not.toBe(theirs.value);
    } finally {
      await api.close();
      await other.close();
      await scratch.drop();
    }
  });

  it('rotate: tokens of the previous secret are accepted beside the new one, and refused once it is gone', async () => {
    const [oldSecret, newSecret] = ['o'.repeat(40), 'n'.repeat(40)];
    const before = await createTestApp({ env: { JWT_SECRET: oldSecret } });
    const signedIn = await signedInAs(before, 'caseworker');
    await before.close();
    const during = await createTestApp({ env: { JWT_SECRET: newSecret, JWT_SECRET_PREVIOUS: oldSecret } });
    const after = await createTestApp({ env: { JWT_SECRET: newSecret } });
    try {
      await during.http.get('/api/v1/auth/me').set(signedIn.bearer).expect(200);
      const fresh = await signIn(during, signedIn.email);
      await after.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${fresh.accessToken}`).expect(200);
      await after.http.get('/api/v1/auth/me').set(signedIn.bearer).expect(401);
    } finally {
      await during.close();
      await after.close();
    }
  });

  it('rotate in the database too: `npm run secrets:rotate-jwt` keeps the old secret for an hour beside a new one', async () => {
    const scratch = await createScratchDatabase('rotate_jwt');
    await scratch.dataSource.runMigrations();
    const before = await createTestApp({ env: { DATABASE_URL: scratch.url } });
    const signedIn = await signedInAs(before, 'caseworker');
    await before.close();
    const [old] = await scratch.dataSource.query(`SELECT value FROM installation_secret WHERE name = 'jwt'`);
    const rotation = spawnSync(process.execPath, ['scripts/rotate-jwt-secret.mjs'], {
      env: { ...process.env, DATABASE_OWNER_URL: scratch.ownerUrl },
      encoding: 'utf8',
    });
    expect(rotation.status).toBe(0);
    const secrets: Array<{ name: string; value: string }> = await scratch.dataSource.query('SELECT name, value FROM installation_secret ORDER BY name');
    expect(secrets.find((secret) => secret.name === 'jwt_previous')?.value).toBe(old.value);
    expect(secrets.find((secret) => secret.name === 'jwt')?.value).not.toBe(old.value);
    const after = await createTestApp({ env: { DATABASE_URL: scratch.url } });
    try {
      await after.http.get('/api/v1/auth/me').set(signedIn.bearer).expect(200);
      const fresh = await signIn(after, signedIn.email);
      expect(fresh.accessToken).not.toBe(signedIn.accessToken);
      await after.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${fresh.accessToken}`).expect(200);
    } finally {
      await after.close();
      await scratch.drop();
    }
  });

  it('never put a session id in the audit trail, from which a token could be made', async () => {
    const api = await createTestApp();
    try {
      const signedIn = await signedInAs(api, 'caseworker');
      const { sid } = api.app.get(JwtService, { strict: false }).decode(signedIn.accessToken);
      await api.http.post('/api/v1/auth/refresh').send({ refreshToken: signedIn.refreshToken }).expect(200);
      await api.http.post('/api/v1/auth/refresh').send({ refreshToken: signedIn.refreshToken }).expect(401);
      const events: Array<{ action: string; after: unknown }> = await api.app
        .get<DataSource>(getDataSourceToken())
        .query('SELECT action, after FROM audit_event WHERE entity_id = $1 ORDER BY seq', [signedIn.user.id]);
      expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(['auth.login_succeeded', 'auth.refresh_token_reused']));
      expect(JSON.stringify(events)).not.toContain(sid);
      expect(events.find((event) => event.action === 'auth.login_succeeded')?.after).toEqual({ sessionRef: expect.stringMatching(/^[0-9a-f]{16}$/) });
    } finally {
      await api.close();
    }
  });
});
