import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMMUTABLE, SHORT_CACHE, WEB_CONTENT_SECURITY_POLICY } from '../../apps/api/src/web-app.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const INDEX =
  '<!doctype html><html lang="da"><head><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = 'console.log("Tilskud");';

/** A built web app as Vite lays it out, in a folder of the test's own. */
function fixtureDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tilskud-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), SCRIPT);
  writeFileSync(join(dir, 'favicon.ico'), 'ico');
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  return dir;
}

/** One request exactly as written (no client normalizes its `..`), and the answer. */
function rawGet(port: number, path: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host: '127.0.0.1', port }, () => socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, ...rest] = Buffer.concat(chunks).toString('utf8').split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

describe('the web app, served by the API', () => {
  let dist: string;
  let api: TestApp;
  let port: number;
  beforeAll(async () => {
    dist = fixtureDist();
    api = await createTestApp({ env: { WEB_DIST_DIR: dist } });
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await api.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers / and every route of the app with index.html, not stored, under the strict CSP', async () => {
    for (const path of ['/', '/sager/x', '/ansoegninger/ny', '/sager/123?fane=rapporter', '/index.html', '/apis']) {
      const response = await api.http.get(path).expect(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.text).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY);
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('keeps its CSP without inline scripts or styles and refuses every frame', () => {
    const directives = Object.fromEntries(WEB_CONTENT_SECURITY_POLICY.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(WEB_CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it('caches hashed assets for good, with their content type', async () => {
    const response = await api.http.get('/assets/app-abc123.js').expect(200);
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(response.headers['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY);
    expect(response.text).toBe(SCRIPT);
  });

  it('keeps the app’s other files a while, and answers a missing asset 404, never the page', async () => {
    const favicon = await api.http.get('/favicon.ico').expect(200);
    expect(favicon.headers['cache-control']).toBe(SHORT_CACHE);
    const missing = await api.http.get('/assets/app-gone.js').expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body.type).toBe('urn:tilskud:problem:not-found');
  });

  it('answers HEAD as GET, without the body', async () => {
    const page = await api.http.head('/sager/x').expect(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY);
    expect(page.text ?? '').toBe('');
    const asset = await api.http.head('/assets/app-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('leaves the API as it was: JSON 404 and 405 problems, health, its own headers', async () => {
    const nope = await api.http.get('/api/v1/nope').expect(404);
    expect(nope.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(nope.body).toMatchObject({ type: 'urn:tilskud:problem:not-found', detail: 'Der er intet på GET /api/v1/nope.' });
    expect(nope.headers['cache-control']).toBe('no-store');
    expect(nope.headers['content-security-policy']).not.toBe(WEB_CONTENT_SECURITY_POLICY);
    expect((await api.http.head('/api/v1/nope').expect(404)).headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await api.http.get('/api').expect(404)).headers['content-type']).toMatch(/^application\/problem\+json/);

    const wrongMethod = await api.http.get('/api/v1/auth/login').expect(405);
    expect(wrongMethod.headers.allow).toBe('POST');
    await api.http.post('/api/v1/nope').send({}).expect(404);

    const health = await api.http.get('/api/v1/health').expect(200);
    expect(health.headers['content-type']).toMatch(/^application\/json/);
    expect(health.headers['content-security-policy']).toBeDefined();
    expect(health.headers['content-security-policy']).not.toBe(WEB_CONTENT_SECURITY_POLICY);
    await api.http.get('/api/docs-json').expect(200);
  });

  it('takes no other method than GET and HEAD outside the API', async () => {
    const post = await api.http.post('/sager/x').send({}).expect(404);
    expect(post.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('never leaks a file outside its folder, nor a dotfile, however the path is written', async () => {
    for (const path of [
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/%2E%2E/%2E%2E/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/..%2F..%2F..%2Fetc%2Fpasswd',
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/assets/..\\..\\package.json',
      '/assets/%5c..%5c..%5cpackage.json',
      '/.env',
      '/%2eenv',
      '/assets//app-abc123.js',
      '/assets/./app-abc123.js',
      `/assets/../${'../'.repeat(8)}etc/passwd`,
    ]) {
      const response = await rawGet(port, path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.body).not.toContain('"name": "tilskud"');
      expect(response.body).not.toContain('SECRET');
      expect(response.body).not.toContain('root:');
    }
  });
});

describe('the web app, not built', () => {
  let api: TestApp;
  let missing: string;
  beforeAll(async () => {
    missing = join(tmpdir(), `tilskud-web-missing-${process.pid}`);
    api = await createTestApp({ env: { WEB_DIST_DIR: missing } });
  });
  afterAll(() => api.close());

  it('answers / with a small Danish page saying how to build it (503), and the API still works', async () => {
    for (const path of ['/', '/sager/x']) {
      const response = await api.http.get(path).expect(503);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY);
      expect(response.text).toContain('<html lang="da">');
      expect(response.text).toContain('Webappen er ikke bygget');
      expect(response.text).toContain('npm run build:web');
      expect(response.text).not.toContain(missing);
    }
    await api.http.get('/assets/app-abc123.js').expect(404);
    await api.http.get('/api/v1/health').expect(200);
    await api.http.get('/api/v1/nope').expect(404);
  });

  it('serves the app as soon as it is built, without a restart', async () => {
    mkdirSync(join(missing, 'assets'), { recursive: true });
    try {
      writeFileSync(join(missing, 'index.html'), INDEX);
      expect((await api.http.get('/').expect(200)).text).toBe(INDEX);
    } finally {
      rmSync(missing, { recursive: true, force: true });
    }
  });
});
