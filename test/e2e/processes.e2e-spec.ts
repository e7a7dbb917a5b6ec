import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The compiled apps, as `npm start` runs them (`npm test` builds first).
const apiMain = fileURLToPath(new URL('../../dist/apps/api/src/main.js', import.meta.url));

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

function runApi(env: Record<string, string>, whileRunning?: (port: string) => Promise<void>): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [apiMain], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (whileRunning && output.includes('Tilskud API listening')) {
        const run = whileRunning;
        whileRunning = undefined;
        run(env.PORT).then(
          () => child.kill('SIGTERM'),
          (error) => (child.kill('SIGKILL'), reject(error)),
        );
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

describe('the API process', () => {
  beforeAll(() => {
    if (!existsSync(apiMain)) throw new Error(`${apiMain} is missing: run the tests with npm test, which builds first`);
  });

  it('refuses to start with a bad PORT and says which variable is wrong', async () => {
    const { code, output } = await runApi({ PORT: 'not-a-port' });
    expect(code).toBe(78);
    expect(output).toContain('PORT must be a whole number between 1 and 65535 (got "not-a-port")');
  });

  it('refuses to start in production without the audit chain’s key', async () => {
    const { code, output } = await runApi({ NODE_ENV: 'production', PORT: '3998', AUDIT_HMAC_KEY: '' });
    expect(code).toBe(78);
    expect(output).toContain('AUDIT_HMAC_KEY or AUDIT_HMAC_KEY_FILE must be set in production');
  });

  it('refuses to start in production connected as a role that could rewrite the audit trail', async () => {
    const { code, output } = await runApi({ NODE_ENV: 'production', PORT: '3998', DATABASE_URL: process.env.DATABASE_OWNER_URL! });
    expect(code).not.toBe(0);
    expect(output).toContain('owns audit_event and can switch its triggers off');
  });

  it('finishes every request in flight when SIGTERM arrives under load', async () => {
    const port = 3996;
    const child = spawn(process.execPath, [apiMain], {
      // The hang guard (15 s by default) is for a shutdown that hangs, not for a slow one: on a machine
      // the rest of the e2e tier keeps busy, draining the sign-ins below has taken longer than that.
      env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', SHUTDOWN_GRACE_MS: '1500', SHUTDOWN_TIMEOUT_MS: '45000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (chunk.toString().includes('Tilskud API listening')) resolve();
      }),
    );

    // Sign-ins are slow on purpose (argon2id): twenty at once keep the two cores busy for a while.
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `nobody-${i}@test.tilskud.dk`, password: 'not the password at all' }),
      }).then(
        (response) => response.status,
        () => 0,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    child.kill('SIGTERM');
    // While it drains, health says so, and a load balancer would stop sending work.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status).toBe(503);

    const answers = await Promise.all(inFlight);
    expect(answers.filter((status) => status !== 401)).toEqual([]);
    // On a failure, what the process said on its way out.
    const code = await exited;
    expect({ code, output: code === 0 ? '' : output.slice(-3000) }).toEqual({ code: 0, output: '' });
  }, 90_000);

  it('logs one line per request with its id at info, and none where the level drops info lines', async () => {
    const call = (port: string) =>
      fetch(`http://127.0.0.1:${port}/api/v1/municipalities`, {
        headers: { 'X-Request-Id': '0b9e0d1c-1111-4a5b-8c6d-000000000001', authorization: 'Bearer not-a-token' },
      }).then((r) => r.status);
    let status = 0;
    const atInfo = await runApi({ PORT: '3995', HOST: '127.0.0.1', LOG_LEVEL: 'info' }, async (port) => void (status = await call(port)));
    expect(status).toBe(401);
    const lines = atInfo.output.split('\n').filter((line) => line.includes('"requestId":"0b9e0d1c-1111-4a5b-8c6d-000000000001"'));
    expect(lines.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ msg: 'request completed', res: expect.objectContaining({ statusCode: 401 }) }),
    );
    expect(lines.join('\n')).not.toContain('not-a-token');

    const atWarn = await runApi({ PORT: '3995', HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, async (port) => void (status = await call(port)));
    expect(status).toBe(401);
    expect(atWarn.output).not.toContain('request completed');
  });

  it('at warn, a line logged during a request still names the request (id, method, url), without the token', async () => {
    let status = 0;
    // With Redis away the rate limiter logs a warning in the middle of the sign-in request.
    const { output } = await runApi({ PORT: '3994', HOST: '127.0.0.1', LOG_LEVEL: 'warn', REDIS_URL: 'redis://127.0.0.1:1' }, async (port) => {
      status = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Request-Id': '0b9e0d1c-1111-4a5b-8c6d-000000000002', authorization: 'Bearer not-a-token' },
        body: JSON.stringify({ email: 'nobody@test.tilskud.dk', password: 'not the password at all' }),
      }).then((r) => r.status);
    });
    expect(status).toBe(401);
    const warnings = output
      .split('\n')
      .filter((line) => line.includes('Rate limiting skipped'))
      .map((line) => JSON.parse(line));
    expect(warnings).toContainEqual(
      expect.objectContaining({ requestId: '0b9e0d1c-1111-4a5b-8c6d-000000000002', req: { method: 'POST', url: '/api/v1/auth/login' } }),
    );
    expect(output).not.toContain('not-a-token');
  });

  it('never writes the dashboard’s access_token to its log, whatever the route', async () => {
    const token = `eyJ.secret-${Date.now()}.token`;
    let status = 0;
    const { output } = await runApi({ PORT: '3993', HOST: '127.0.0.1', LOG_LEVEL: 'info' }, async (port) => {
      status = (await fetch(`http://127.0.0.1:${port}/api/v1/admin/queues?access_token=${token}&x=1`)).status;
      await fetch(`http://127.0.0.1:${port}/api/v1/municipalities?access_token=${token}`);
    });
    expect(status).toBe(401);
    expect(output).toContain('access_token=[REDACTED]');
    expect(output).not.toContain(token);
  });

  it('serves, then shuts down cleanly on SIGTERM', async () => {
    let health = 0;
    const { code, signal, output } = await runApi({ PORT: '3997', HOST: '127.0.0.1' }, async (port) => {
      health = (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status;
    });
    expect(health).toBe(200);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(output).not.toContain('Shutdown took longer');
  });
});
