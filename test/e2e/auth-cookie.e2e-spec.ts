import { ManualClock } from '../../libs/core/time/clock.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { givenUser, TEST_PASSWORD } from '../support/users.js';

const COOKIE_MODE = { 'X-Refresh-Token-Transport': 'cookie' };
const SESSION_SECONDS = 30 * 86_400;

interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

/** The `tilskud_refresh` cookie an answer sets, read attribute by attribute; undefined when it sets none. */
function refreshCookieOf(response: { headers: Record<string, unknown> }): SetCookie | undefined {
  const header = response.headers['set-cookie'];
  const lines = Array.isArray(header) ? (header as string[]) : typeof header === 'string' ? [header] : [];
  const line = lines.find((candidate) => candidate.startsWith('tilskud_refresh='));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(/;\s*/);
  return {
    name: pair.slice(0, pair.indexOf('=')),
    value: pair.slice(pair.indexOf('=') + 1),
    attributes: Object.fromEntries(
      attributes.map((attribute) => {
        const at = attribute.indexOf('=');
        return at === -1 ? [attribute.toLowerCase(), true] : [attribute.slice(0, at).toLowerCase(), attribute.slice(at + 1)];
      }),
    ),
  };
}

const asCookie = (value: string) => ({ Cookie: `tilskud_refresh=${value}` });

describe('the refresh token in an HttpOnly cookie (cookie mode)', () => {
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  let api: TestApp;
  beforeAll(async () => {
    // Its own rate-limit keys and a generous limit: this spec signs in and refreshes many times from one address.
    api = await createTestApp({ clock, env: { LOGIN_RATE_LIMIT: '1000', QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-cookie` } });
  });
  afterAll(() => api.close());

  const loginWithCookie = async () => {
    const user = await givenUser(api, 'project_lead', '621');
    const response = await api.http.post('/api/v1/auth/login').set(COOKIE_MODE).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    return { user, response, cookie: refreshCookieOf(response)!, bearer: { Authorization: `Bearer ${response.body.accessToken}` } };
  };
  const refreshWithCookie = (value: string) => api.http.post('/api/v1/auth/refresh').set(COOKIE_MODE).set(asCookie(value));

  it('sets the refresh token as an HttpOnly, SameSite=Strict cookie on the auth path, for the session’s lifetime, and leaves it out of the body', async () => {
    const { response, cookie, user } = await loginWithCookie();
    expect(cookie).toBeDefined();
    expect(cookie.value).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(cookie.attributes).toEqual({ 'max-age': String(SESSION_SECONDS), path: '/api/v1/auth', httponly: true, samesite: 'Strict' });
    expect(response.body).not.toHaveProperty('refreshToken');
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { id: user.id } });
    await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${response.body.accessToken}`).expect(200);
  });

  it('refreshes from the cookie alone, rotating it; the old value is then refused and the session revoked, as in body mode', async () => {
    const { cookie } = await loginWithCookie();
    clock.advance(3_600_000);
    const first = await refreshWithCookie(cookie.value).expect(200);
    const rotated = refreshCookieOf(first)!;
    expect(rotated.value).not.toBe(cookie.value);
    // As long as the session can still be kept alive: an hour of it has gone.
    expect(rotated.attributes['max-age']).toBe(String(SESSION_SECONDS - 3_600));
    expect(first.body).not.toHaveProperty('refreshToken');
    await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(200);

    // An empty JSON body is cookie mode too.
    const second = await refreshWithCookie(rotated.value).send({}).expect(200);
    const latest = refreshCookieOf(second)!;

    const reused = await refreshWithCookie(cookie.value).expect(401);
    expect(reused.body.type).toBe('urn:tilskud:problem:invalid-refresh-token');
    expect(refreshCookieOf(reused)).toMatchObject({ value: '', attributes: { 'max-age': '0', path: '/api/v1/auth' } });
    await refreshWithCookie(latest.value).expect(401);
    await api.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(401);
  });

  it('answers 401 in cookie mode without a cookie, and clears whatever cookie was refused', async () => {
    const none = await api.http.post('/api/v1/auth/refresh').set(COOKIE_MODE).expect(401);
    expect(none.body.type).toBe('urn:tilskud:problem:invalid-refresh-token');
    const forged = await refreshWithCookie(`${crypto.randomUUID()}.${'a'.repeat(43)}`).expect(401);
    expect(refreshCookieOf(forged)?.attributes['max-age']).toBe('0');
  });

  it('never takes the cookie without the header (a form of another site cannot send one): body mode refuses as it always did', async () => {
    const { cookie } = await loginWithCookie();
    const refused = await api.http.post('/api/v1/auth/refresh').set(asCookie(cookie.value)).expect(400);
    expect(refused.body).toMatchObject({ type: 'urn:tilskud:problem:validation-failed', errors: [{ field: 'refreshToken', message: 'skal udfyldes' }] });
    expect(refreshCookieOf(refused)).toBeUndefined();
    await api.http.post('/api/v1/auth/refresh').set(asCookie(cookie.value)).send({}).expect(400);
    // The cookie is still good: nothing was spent.
    await refreshWithCookie(cookie.value).expect(200);
  });

  it('grants no other site a preflight for the header, so no script elsewhere can send it', async () => {
    const preflight = await api.http
      .options('/api/v1/auth/refresh')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'x-refresh-token-transport');
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('refuses unknown fields and a transport it does not know, with 400', async () => {
    const { cookie } = await loginWithCookie();
    const unknown = await refreshWithCookie(cookie.value).send({ refresh: 'x' }).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'refresh', message: 'er ikke et kendt felt' }]);
    const transport = await api.http.post('/api/v1/auth/refresh').set('X-Refresh-Token-Transport', 'cookies').set(asCookie(cookie.value)).expect(400);
    expect(transport.body).toMatchObject({
      type: 'urn:tilskud:problem:validation-failed',
      errors: [{ field: 'X-Refresh-Token-Transport', message: 'skal være cookie' }],
    });
    await refreshWithCookie(cookie.value).send({ refreshToken: 7 }).expect(400);
  });

  it('logs out from the cookie: the cookie is cleared, the session’s tokens stop working', async () => {
    const { cookie, bearer } = await loginWithCookie();
    const response = await api.http.post('/api/v1/auth/logout').set(COOKIE_MODE).set(bearer).set(asCookie(cookie.value)).expect(204);
    expect(refreshCookieOf(response)).toMatchObject({ value: '', attributes: { 'max-age': '0', path: '/api/v1/auth', httponly: true, samesite: 'Strict' } });
    await api.http.get('/api/v1/auth/me').set(bearer).expect(401);
    await refreshWithCookie(cookie.value).expect(401);
  });

  it('logs out from the cookie when the body has no token, and still needs the access token', async () => {
    const { cookie, bearer } = await loginWithCookie();
    await api.http.post('/api/v1/auth/logout').set(asCookie(cookie.value)).expect(401);
    const response = await api.http.post('/api/v1/auth/logout').set(bearer).set(asCookie(cookie.value)).send({}).expect(204);
    expect(refreshCookieOf(response)?.attributes['max-age']).toBe('0');
    await refreshWithCookie(cookie.value).expect(401);
  });

  it('ends the caller’s session on logout in cookie mode even without a cookie', async () => {
    const { bearer } = await loginWithCookie();
    await api.http.post('/api/v1/auth/logout').set(COOKIE_MODE).set(bearer).expect(204);
    await api.http.get('/api/v1/auth/me').set(bearer).expect(401);
  });

  it('leaves body mode exactly as it was: the token in the body, no cookie', async () => {
    const user = await givenUser(api, 'caseworker');
    const login = await api.http.post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    expect(Object.keys(login.body)).toEqual(['accessToken', 'refreshToken', 'tokenType', 'expiresIn', 'user']);
    expect(refreshCookieOf(login)).toBeUndefined();
    const refreshed = await api.http.post('/api/v1/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(200);
    expect(refreshed.body.refreshToken).toEqual(expect.any(String));
    expect(refreshCookieOf(refreshed)).toBeUndefined();
    await api.http.post('/api/v1/auth/refresh').send({}).expect(400);
    const bearer = { Authorization: `Bearer ${refreshed.body.accessToken}` };
    await api.http.post('/api/v1/auth/logout').set(bearer).send({}).expect(400);
    const logout = await api.http.post('/api/v1/auth/logout').set(bearer).send({ refreshToken: refreshed.body.refreshToken }).expect(204);
    expect(refreshCookieOf(logout)).toBeUndefined();
  });

  it('takes a token in the body in cookie mode too, and answers it as a cookie', async () => {
    const user = await givenUser(api, 'caseworker');
    const login = await api.http.post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    const switched = await api.http.post('/api/v1/auth/refresh').set(COOKIE_MODE).send({ refreshToken: login.body.refreshToken }).expect(200);
    expect(switched.body).not.toHaveProperty('refreshToken');
    await refreshWithCookie(refreshCookieOf(switched)!.value).expect(200);
  });

  it('does not mark the cookie Secure on the word of a proxy the app does not trust (TRUST_PROXY=false)', async () => {
    const user = await givenUser(api, 'caseworker');
    const response = await api.http
      .post('/api/v1/auth/login')
      .set(COOKIE_MODE)
      .set('X-Forwarded-Proto', 'https')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(200);
    expect(refreshCookieOf(response)!.attributes.secure).toBeUndefined();
  });
});

describe('the refresh cookie behind a trusted proxy', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp({ env: { TRUST_PROXY: 'true', LOGIN_RATE_LIMIT: '1000', QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-cookie-proxy` } });
  });
  afterAll(() => api.close());

  it('is Secure when the request came over HTTPS, and only then', async () => {
    const user = await givenUser(api, 'caseworker');
    const login = (proto: string) =>
      api.http.post('/api/v1/auth/login').set(COOKIE_MODE).set('X-Forwarded-Proto', proto).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    const https = await login('https');
    expect(refreshCookieOf(https)!.attributes.secure).toBe(true);
    expect(refreshCookieOf(await login('http'))!.attributes.secure).toBeUndefined();

    const refreshed = await api.http
      .post('/api/v1/auth/refresh')
      .set(COOKIE_MODE)
      .set('X-Forwarded-Proto', 'https')
      .set(asCookie(refreshCookieOf(https)!.value))
      .expect(200);
    expect(refreshCookieOf(refreshed)!.attributes).toMatchObject({ secure: true, httponly: true, samesite: 'Strict', path: '/api/v1/auth' });
    const logout = await api.http
      .post('/api/v1/auth/logout')
      .set(COOKIE_MODE)
      .set('X-Forwarded-Proto', 'https')
      .set('Authorization', `Bearer ${refreshed.body.accessToken}`)
      .set(asCookie(refreshCookieOf(refreshed)!.value))
      .expect(204);
    expect(refreshCookieOf(logout)!.attributes).toMatchObject({ secure: true, 'max-age': '0' });
  });
});
