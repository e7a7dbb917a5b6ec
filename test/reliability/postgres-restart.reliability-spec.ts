import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensurePostgres } from '../../scripts/services.mjs';

const apiMain = fileURLToPath(new URL('../../dist/apps/api/src/main.js', import.meta.url));
const PORT = 3990;
const base = `http://127.0.0.1:${PORT}/api/v1`;

/**
 * Postgres restarted under load: requests fail cleanly (503 problem+json, quickly, never a hang or a
 * 500) and the API recovers by itself. Restarts the local cluster, so it runs on its own, after the
 * main suite (`npm run test:reliability`).
 */
describe('Postgres restarted under load', () => {
  it('answers 503 while it is away and serves again when it is back, without a restart of the API', async () => {
    const api = spawn(process.execPath, [apiMain], {
      env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The API's own account of any 500, to show with a failure.
    const errors: string[] = [];
    const collect = (chunk: Buffer) =>
      errors.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((line) => line.includes('Answered 500')),
      );
    api.stdout.on('data', collect);
    api.stderr.on('data', collect);
    try {
      await new Promise<void>((resolve) => api.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve()));
      const results: Array<{ status: number; ms: number; type: string }> = [];
      let running = true;
      // A new e-mail each time: the same one from one address would soon have to wait (429) after its failures.
      let attempt = 0;
      // Health, and a sign-in (which reads and writes the database), over and over from 16 clients.
      const loop = async (_: unknown, client: number) => {
        while (running) {
          const started = Date.now();
          try {
            const response =
              client % 2 === 0
                ? await fetch(`${base}/health`, { signal: AbortSignal.timeout(15_000) })
                : await fetch(`${base}/auth/login`, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify({ email: `nobody-${(attempt += 1)}@test.tilskud.dk`, password: 'not the password at all' }),
                    signal: AbortSignal.timeout(15_000),
                  });
            results.push({ status: response.status, ms: Date.now() - started, type: response.headers.get('content-type') ?? '' });
          } catch {
            results.push({ status: 0, ms: Date.now() - started, type: '' });
          }
        }
      };
      const loops = Array.from({ length: 16 }, loop);

      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const version = readdirSync('/etc/postgresql')[0];
      // Down for two seconds under load (a plain restart can fall between requests), then back.
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'stop', '--', '-m', 'fast'], { stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await ensurePostgres();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      running = false;
      await Promise.all(loops);

      expect(results.length).toBeGreaterThan(100);
      // The outage was seen, and answered as it should be.
      expect(results.some((r) => r.status === 503)).toBe(true);
      expect({ failures: results.filter((r) => r.status === 0 || (r.status >= 500 && r.status !== 503)), errors }).toEqual({ failures: [], errors: [] });
      expect(results.filter((r) => r.status === 503).every((r) => r.type.startsWith('application/problem+json'))).toBe(true);
      expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(10_000);
      // Recovered by itself: the last answers are all normal again (200 health, 401 for the wrong password).
      expect(results.slice(-32).every((r) => r.status === 200 || r.status === 401)).toBe(true);
      const answered = await fetch(`${base}/health`);
      expect(answered.status).toBe(200);
    } finally {
      api.kill('SIGTERM');
      await new Promise((resolve) => api.once('exit', resolve));
    }
  }, 60_000);
});
