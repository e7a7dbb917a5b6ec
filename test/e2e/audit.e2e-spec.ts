import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../libs/audit/audit.service.js';
import { AuthService } from '../../libs/auth/auth.service.js';
import { parseCsv } from '../../libs/exports/csv.js';
import { createScratchDatabase } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { givenUser, type SignedInUser, signedInAs, signIn } from '../support/users.js';

describe('the audit trail', () => {
  let api: TestApp;
  let admin: SignedInUser;
  let dataSource: DataSource;
  beforeAll(async () => {
    api = await createTestApp();
    admin = await signedInAs(api, 'admin');
    dataSource = api.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => api.close());

  it('records sign-in, failed sign-in and lock-out with who, what and the request id', async () => {
    const user = await givenUser(api, 'caseworker');
    const failed = await api.http.post('/api/v1/auth/login').send({ email: user.email, password: 'wrong wrong wrong' }).expect(401);
    await signIn(api, user.email);

    const { body } = await api.http.get('/api/v1/audit-events').query({ entityId: user.id }).set(admin.bearer).expect(200);
    const actions = body.items.map((event: { action: string }) => event.action);
    expect(actions).toEqual(['auth.login_succeeded', 'auth.login_failed', 'user.created']);
    const failure = body.items[1];
    expect(failure).toMatchObject({ entityType: 'user', actorId: null, requestId: failed.body.requestId, after: { reason: 'wrong-password', failuresFromAddress: 1 } });
    expect(body.items[0]).toMatchObject({ actorId: user.id, actorRole: 'caseworker' });
  });

  it('records a sign-in attempt for an unknown e-mail by a keyed hash of what was typed', async () => {
    await api.http.post('/api/v1/auth/login').send({ email: 'ukendt@test.tilskud.dk', password: 'wrong wrong wrong' }).expect(401);
    const { body } = await api.http.get('/api/v1/audit-events').query({ action: 'auth.login_failed', limit: 5 }).set(admin.bearer).expect(200);
    const emailHash = api.app.get(AuthService).emailHash('ukendt@test.tilskud.dk');
    expect(body.items).toContainEqual(expect.objectContaining({ entityId: null, after: { reason: 'unknown-email', emailHash } }));
    expect(JSON.stringify(body.items)).not.toContain('ukendt@');
  });

  it('verifies: every event links to the one before it', async () => {
    const { body } = await api.http.get('/api/v1/audit-events/verify').set(admin.bearer).expect(200);
    expect(body).toEqual({ ok: true, checked: expect.any(Number) });
    expect(body.checked).toBeGreaterThan(0);
  });

  it('keeps one total order when many changes are recorded at once', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => givenUser(api, 'caseworker')));
    await Promise.all(users.flatMap((user) => [signIn(api, user.email), signIn(api, user.email)]));
    const [{ gaps }] = await dataSource.query('SELECT (count(*) - (max(seq) - min(seq) + 1))::int AS gaps FROM audit_event');
    expect(gaps).toBe(0);
    const { body } = await api.http.get('/api/v1/audit-events/verify').set(admin.bearer).expect(200);
    expect(body.ok).toBe(true);
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET action = 'edited' WHERE seq = 1`],
    ['DELETE', 'DELETE FROM audit_event WHERE seq = 1'],
    ['TRUNCATE', 'TRUNCATE audit_event'],
  ])('refuses a direct SQL %s', async (_operation, sql) => {
    await expect(dataSource.query(sql)).rejects.toThrow(/append-only/);
  });

  it('refuses to record outside a transaction', async () => {
    await expect(api.app.get(AuditService).record(dataSource.manager, { action: 'x.y', entityType: 'x' })).rejects.toThrow(/inside the transaction/);
  });

  it('filters by time and pages newest first', async () => {
    const first = await api.http.get('/api/v1/audit-events').query({ limit: 3 }).set(admin.bearer).expect(200);
    expect(first.body.items).toHaveLength(3);
    const seqs = first.body.items.map((event: { seq: number }) => event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const next = await api.http.get('/api/v1/audit-events').query({ limit: 3, cursor: first.body.nextCursor }).set(admin.bearer).expect(200);
    expect(next.body.items[0].seq).toBeLessThan(seqs[2]);
    const none = await api.http.get('/api/v1/audit-events').query({ from: '2100-01-01T00:00:00Z' }).set(admin.bearer).expect(200);
    expect(none.body).toEqual({ items: [], nextCursor: null });
    await api.http.get('/api/v1/audit-events').query({ from: 'yesterday' }).set(admin.bearer).expect(400);
  });

  it('exports the trail as CSV, oldest first, with the chain fields, for admins only', async () => {
    const response = await api.http.get('/api/v1/exports/audit-events.csv').set(admin.bearer).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    });
    expect(response.status).toBe(200);
    const [header, ...rows] = parseCsv(response.body as string);
    expect(header).toEqual(['seq', 'id', 'occurredAt', 'actorId', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after', 'requestId', 'prevHash', 'hash']);
    const seqs = rows.map((row) => Number(row[0]));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(rows[0][11]).toBe('0'.repeat(64));
    expect(rows[1][11]).toBe(rows[0][12]);
    const caseworker = await signedInAs(api, 'caseworker');
    await api.http.get('/api/v1/exports/audit-events.csv').set(caseworker.bearer).expect(403);
    await api.http.get('/api/v1/exports/audit-events.csv').query({ from: 'i går' }).set(admin.bearer).expect(400);
  });

  it('is for admins only', async () => {
    const caseworker = await signedInAs(api, 'caseworker');
    await api.http.get('/api/v1/audit-events').set(caseworker.bearer).expect(403);
    await api.http.get('/api/v1/audit-events/verify').set(caseworker.bearer).expect(403);
  });
});

describe('audit chain verification', () => {
  it('finds the first event changed behind the trigger’s back', async () => {
    const scratch = await createScratchDatabase('tamper');
    await scratch.dataSource.runMigrations();
    const api = await createTestApp({ env: { DATABASE_URL: scratch.url } });
    try {
      const admin = await signedInAs(api, 'admin');
      for (let i = 0; i < 3; i += 1) await givenUser(api, 'caseworker');
      const [victim] = await scratch.dataSource.query(`SELECT id FROM audit_event ORDER BY seq LIMIT 1 OFFSET 2`);
      // Only the table owner can do this; it is how a tampering superuser would get past the trigger.
      await scratch.dataSource.transaction(async (manager) => {
        await manager.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete');
        await manager.query(`UPDATE audit_event SET after = jsonb_set(after, '{role}', '"admin"') WHERE id = $1`, [victim.id]);
        await manager.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete');
      });
      const { body } = await api.http.get('/api/v1/audit-events/verify').set(admin.bearer).expect(200);
      expect(body).toEqual({ ok: false, checked: 3, firstBrokenId: victim.id });
    } finally {
      await api.close();
      await scratch.drop();
    }
  });
});
