import net from 'node:net';
import { API_MAIN, type RunningProcess, startProcess } from '../support/processes.js';
import { type IsolatedServices, isolatedServices } from '../support/isolated-services.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { eventually } from '../support/test-worker.js';
import { signedInAs } from '../support/users.js';

const PORT = 3983;
const READERS = 10;
const EVENTS = 300_000;
const STALL_MS = 3_000;

interface SlowReader {
  status: number;
  socket: net.Socket;
}

/** A client that asks for a download and then reads nothing: the answer's status line, and its socket. */
function slowReader(path: string, token: string): Promise<SlowReader> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host: '127.0.0.1', port: PORT }, () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n\r\n`);
    });
    socket.once('data', (chunk) => {
      // The first bytes tell the status; after them the client stops reading, and the kernel's buffers fill.
      socket.pause();
      resolve({ status: Number(chunk.toString('latin1').split(' ')[1]), socket });
    });
    socket.once('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
  });
}

/**
 * Ten clients open the audit export of a large trail and do not read it. Before, they held every
 * connection of the API's pool and every signed-in request answered 503. Now two of them stream from
 * the export pool (EXPORT_CONCURRENCY), the rest are refused at once, the API goes on answering
 * everyone else meanwhile, and the stalled downloads are cut off (EXPORT_STALL_TIMEOUT_MS) so their
 * connections come back.
 */
describe('slow readers of exports', () => {
  let services: IsolatedServices;
  let setup: TestApp;
  let api: RunningProcess;

  beforeAll(async () => {
    services = await isolatedServices('slow_readers', 6, {
      LOG_LEVEL: 'error',
      HOST: '127.0.0.1',
      PORT: String(PORT),
      DATABASE_POOL_SIZE: '4',
      EXPORT_CONCURRENCY: '2',
      EXPORT_STALL_TIMEOUT_MS: String(STALL_MS),
    });
    // A trail far larger than any socket buffer, written straight into the table (as its owner).
    await services.scratch.dataSource.query(
      `INSERT INTO audit_event (id, seq, occurred_at, action, entity_type, entity_id, after, prev_hash, hash)
       SELECT gen_random_uuid(), s, now(), 'bench.event', 'bench', s::text, jsonb_build_object('note', repeat('x', 200)), md5(s::text) || md5(s::text), md5(s::text || 'h') || md5(s::text || 'h')
         FROM generate_series(1, $1) s`,
      [EVENTS],
    );
    setup = await createTestApp({ env: services.env });
    api = await startProcess(API_MAIN, services.env, 'Tilskud API listening');
  }, 120_000);
  afterAll(async () => {
    await api?.stop();
    await setup?.close();
    await services.stop();
  });

  it('streams two, refuses the rest at once, answers everyone else meanwhile, and frees the connections of stalled readers', async () => {
    const admin = await signedInAs(setup, 'admin');
    const base = `http://127.0.0.1:${PORT}/api/v1`;
    const readers = [];
    for (let i = 0; i < READERS; i += 1) readers.push(await slowReader('/api/v1/exports/audit-events.csv', admin.accessToken));
    expect(readers.map((reader) => reader.status).sort()).toEqual([200, 200, ...Array(READERS - 2).fill(503)]);

    // With the downloads stalled, signed-in requests are answered as usual, in a pool they do not share.
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${base}/municipalities`, { headers: { authorization: `Bearer ${admin.accessToken}` } }).then((response) => response.status),
      ),
    );
    expect(answers).toEqual(Array(20).fill(200));
    expect(Date.now() - started).toBeLessThan(STALL_MS);
    expect((await fetch(`${base}/health`)).status).toBe(200);

    // Until the stalled downloads are cut off, another export is refused; after, one streams again,
    // while the stalled clients are still connected and not reading: the server gave up on them and
    // their slots and pool connections came back.
    const exportStatus = async () => {
      const response = await fetch(`${base}/exports/awards.csv`, { headers: { authorization: `Bearer ${admin.accessToken}` } });
      await response.text();
      return response.status;
    };
    expect(await exportStatus()).toBe(503);
    await eventually(async () => (await exportStatus()) === 200, 20_000, 250);
    expect(Date.now() - started).toBeGreaterThanOrEqual(STALL_MS - 500);
    expect(readers.every((reader) => !reader.socket.destroyed)).toBe(true);
    for (const reader of readers) reader.socket.destroy();
  }, 60_000);
});
