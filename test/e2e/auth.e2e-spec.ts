import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { LOCKOUT_MS } from '../../libs/auth/lockout.js';
import { ManualClock } from '../../libs/core/time/clock.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { givenUser, signIn, signedInAs, TEST_PASSWORD } from '../support/users.js';

const withoutRequestDetails = ({ requestId: _r, instance: _i, ...rest }: Record<string, unknown>) => rest;

describe('sign-in', () => {
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp({ clock });
  });
  afterAll(() => api.close());

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
      const time = async (email: string) => {
        const started = process.hrtime.bigint();
        await api.http.post('/api/v1/auth/login').send({ email, password: 'not the password at all' }).expect(401);
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

    it('locks the account after 10 failures in a row, refuses even the right password, and unlocks after 15 minutes', async () => {
      const user = await givenUser(api, 'caseworker');
      for (let i = 0; i < 10; i += 1) {
        await api.http.post('/api/v1/auth/login').send({ email: user.email, password: `wrong password ${i}` }).expect(401);
      }
      const locked = await api.http.post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
      expect(locked.body.type).toBe('urn:tilskud:problem:invalid-credentials');

      clock.advance(LOCKOUT_MS - 1000);
      await api.http.post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(401);
      clock.advance(1000);
      await api.http.post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    });

    it('does not lock after 9 failures followed by a success', async () => {
      const user = await givenUser(api, 'caseworker');
      for (let i = 0; i < 9; i += 1) await api.http.post('/api/v1/auth/login').send({ email: user.email, password: `wrong ${i} password` }).expect(401);
      await signIn(api, user.email);
      for (let i = 0; i < 9; i += 1) await api.http.post('/api/v1/auth/login').send({ email: user.email, password: `wrong ${i} password` }).expect(401);
      await signIn(api, user.email);
    });
  });

  describe('access tokens', () => {
    it('are required on every route that is not public', async () => {
      const response = await api.http.get('/api/v1/auth/me').expect(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.body).toMatchObject({ status: 401, type: 'urn:tilskud:problem:unauthenticated' });
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
      await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token({})}`).expect(200);
      for (const changed of [{ expiresIn: -1 }, { issuer: 'someone-else' }, { audience: 'another-api' }]) {
        const response = await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token(changed)}`).expect(401);
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
      await api.http.post('/api/v1/auth/refresh').send({ refreshToken: `${crypto.randomUUID()}.${'a'.repeat(43)}` }).expect(401);
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
    const api = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3', QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-throttle` } });
    try {
      for (let i = 0; i < 3; i += 1) {
        await api.http.post('/api/v1/auth/login').send({ email: 'x@test.tilskud.dk', password: 'wrong password here' }).expect(401);
      }
      const throttled = await api.http.post('/api/v1/auth/login').send({ email: 'x@test.tilskud.dk', password: 'wrong password here' }).expect(429);
      expect(throttled.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
      expect(throttled.body).toMatchObject({ status: 429, type: 'urn:tilskud:problem:rate-limited' });
    } finally {
      await api.close();
    }
  });
});
