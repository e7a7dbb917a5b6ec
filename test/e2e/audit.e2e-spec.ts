import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { hashEvent } from '../../libs/audit/audit-chain.js';
import { AuthService } from '../../libs/auth/auth.service.js';
import { readCsv } from '../support/csv.js';
import { randomUUID, verify } from 'node:crypto';
import { AuditService } from '../../libs/audit/audit.service.js';
import { createScratchDatabase, ownerDataSource } from '../support/databases.js';
import { givenAward, givenProgramme, givenSubmitted, reportBody } from '../support/grant-case.js';
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
    expect(failure).toMatchObject({
      entityType: 'user',
      actorId: null,
      requestId: failed.body.requestId,
      after: { reason: 'wrong-password', failuresFromAddress: 1 },
    });
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

  describe('the chain, linked at commit inside Postgres', () => {
    const chainState = async () => {
      const [row] = await dataSource.query(
        `SELECT count(*)::int AS events, count(DISTINCT seq)::int AS seqs, (max(seq) - min(seq) + 1)::int AS span,
                (SELECT count(*)::int FROM audit_pending) AS pending
           FROM audit_event`,
      );
      return row as { events: number; seqs: number; span: number; pending: number };
    };

    it('stays gapless, without duplicates and verifiable under 50 parallel audited writes', async () => {
      const caseworker = await signedInAs(api, 'caseworker');
      const lead = await signedInAs(api, 'project_lead', '751');
      const programme = await givenProgramme(api, admin);
      const application = await givenSubmitted(api, lead, programme.id);
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          api.http
            .post('/api/v1/access-requests')
            .set(caseworker.bearer)
            .send({ applicationId: application.id, requester: `Anmoder ${index}`, kind: 'aktindsigt', receivedOn: '2026-01-05' }),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
      const ids = responses.map((response) => response.body.id as string);
      const [{ count, distinctSeqs }] = await dataSource.query(
        `SELECT count(*)::int AS count, count(DISTINCT seq)::int AS "distinctSeqs" FROM audit_event WHERE action = 'access_request.created' AND entity_id = ANY($1)`,
        [ids],
      );
      expect({ count, distinctSeqs }).toEqual({ count: 50, distinctSeqs: 50 });
      const state = await chainState();
      expect(state).toEqual({ events: state.span, seqs: state.span, span: state.span, pending: 0 });
      expect((await api.http.get('/api/v1/audit-events/verify').set(admin.bearer).expect(200)).body.ok).toBe(true);
    });

    it('leaves nothing of a transaction that fails after its events were written, even at its commit', async () => {
      const audit = api.app.get(AuditService) as unknown as { enqueue: (manager: unknown, records: unknown[]) => Promise<void> };
      const before = await chainState();
      const marker = randomUUID();
      // Rolled back before the commit: the work fails after writing its event.
      await expect(
        dataSource.transaction(async (manager) => {
          await audit.enqueue(manager, [{ action: 'programme.updated', entityType: 'programme', entityId: marker, after: { name: 'før fejlen' } }]);
          throw new Error('the work fails');
        }),
      ).rejects.toThrow('the work fails');
      // Failing at the commit, after the chain's trigger has linked the event: a deferred foreign key
      // checked after it (a chunk of a document that does not exist) rolls the whole transaction back.
      await expect(
        dataSource.transaction(async (manager) => {
          await audit.enqueue(manager, [{ action: 'programme.updated', entityType: 'programme', entityId: marker, after: { name: 'ved commit' } }]);
          await manager.query(`INSERT INTO document_chunk (document_id, seq, data) VALUES ($1, 0, '\\x00')`, [randomUUID()]);
        }),
      ).rejects.toThrow(/foreign key/);
      expect(await dataSource.query('SELECT seq FROM audit_event WHERE entity_id = $1', [marker])).toEqual([]);
      // Nothing of either is left, and no number was taken: the chain is as gapless as before (other
      // writes of the app may have been linked meanwhile).
      const between = await chainState();
      expect(between).toEqual({ events: between.span, seqs: between.span, span: between.span, pending: 0 });
      expect(between.span).toBeGreaterThanOrEqual(before.span);
      // The next write takes the next number: nothing was skipped.
      await signIn(api, (await givenUser(api, 'caseworker')).email);
      const after = await chainState();
      expect(after).toEqual({ events: after.span, seqs: after.span, span: after.span, pending: 0 });
      expect((await api.http.get('/api/v1/audit-events/verify').set(admin.bearer).expect(200)).body.ok).toBe(true);
    });

    it('is written in READ COMMITTED only: audit_enqueue refuses a REPEATABLE READ transaction, which would link to a stale head', async () => {
      const audit = api.app.get(AuditService) as unknown as { enqueue: (manager: unknown, records: unknown[]) => Promise<void> };
      await expect(
        dataSource.transaction('REPEATABLE READ', (manager) =>
          audit.enqueue(manager, [{ action: 'programme.updated', entityType: 'programme', entityId: randomUUID(), after: { name: 'x' } }]),
        ),
      ).rejects.toThrow(/READ COMMITTED transactions, not repeatable read/);
      expect((await chainState()).pending).toBe(0);
    });

    it('refuses an event written around audit_enqueue, without the key: the commit fails', async () => {
      await expect(
        dataSource.query(
          `INSERT INTO audit_pending (id, chain_lock, occurred_at, action, entity_type, head, request_json)
           VALUES (gen_random_uuid(), 1, now(), 'programme.updated', 'programme', '{', 'null')`,
        ),
      ).rejects.toThrow(/audit_enqueue/);
      expect((await chainState()).pending).toBe(0);
    });
  });

  describe('in the database', () => {
    let owner: DataSource;
    beforeAll(async () => {
      owner = await ownerDataSource();
      // A decision and a submitted report of their own, so each statement below has rows to refuse.
      const lead = await signedInAs(api, 'project_lead', '851');
      const programme = await givenProgramme(api, admin);
      const award = await givenAward(api, { lead, assessor: await signedInAs(api, 'caseworker'), decider: await signedInAs(api, 'caseworker') }, programme.id);
      const [report] = (await api.http.get(`/api/v1/awards/${award.id}/reports`).set(lead.bearer).expect(200)).body;
      await api.http.post(`/api/v1/reports/${report.id}/submit`).set(lead.bearer).send(reportBody()).expect(200);
      await api.http
        .post(`/api/v1/reports/${report.id}/review`)
        .set((await signedInAs(api, 'caseworker')).bearer)
        .send({ outcome: 'return', comment: 'Uddyb budgettet.' })
        .expect(200);
    });

    it('lets the app role write a report’s review once, never again', async () => {
      await expect(dataSource.query(`UPDATE report_submission SET review_comment = 'ændret bagefter' WHERE review_outcome IS NOT NULL`)).rejects.toThrow(
        /review is written once/,
      );
    });
    afterAll(() => owner.destroy());

    it.each([
      ['UPDATE', `UPDATE audit_event SET action = 'edited' WHERE seq = 1`],
      ['DELETE', 'DELETE FROM audit_event WHERE seq = 1'],
      ['TRUNCATE', 'TRUNCATE audit_event'],
      ['UPDATE of where the keyed chain begins', 'UPDATE audit_chain_state SET keyed_from_seq = 1000000'],
      ['DELETE of a decision', 'DELETE FROM decision'],
      ['UPDATE of a decision', `UPDATE decision SET rationale = 'anden begrundelse'`],
      ['UPDATE of a submitted report', `UPDATE report_submission SET narrative = 'omskrevet'`],
      ['DELETE of a submitted report', 'DELETE FROM report_submission'],
      ['switching the audit trail’s trigger off', 'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete'],
      ['reading the migrations', 'SELECT * FROM typeorm_migrations'],
      ['writing the installation’s secrets', `UPDATE installation_secret SET value = repeat('x', 64)`],
    ])('refuses the app role a direct SQL %s', async (_operation, sql) => {
      await expect(dataSource.query(sql)).rejects.toThrow(/permission denied|must be owner/);
    });

    it.each([
      ['UPDATE', `UPDATE audit_event SET action = 'edited' WHERE seq = 1`],
      ['DELETE', 'DELETE FROM audit_event WHERE seq = 1'],
      ['TRUNCATE', 'TRUNCATE audit_event'],
      ['UPDATE of a decision', `UPDATE decision SET rationale = 'anden begrundelse'`],
      ['UPDATE of a submitted report', `UPDATE report_submission SET narrative = 'omskrevet'`],
    ])('refuses even the owner a direct SQL %s while the triggers are on', async (_operation, sql) => {
      await expect(owner.query(sql)).rejects.toThrow(/append-only|never changed/);
    });

    it('runs the system as a role that can do none of that', async () => {
      const { LeastPrivilegeCheck } = await import('../../libs/core/database/least-privilege.js');
      expect(await api.app.get(LeastPrivilegeCheck).powersOverTheAuditTrail()).toEqual([]);
      const [{ role }] = await dataSource.query('SELECT current_user AS role');
      expect(role).toBe('tilskud_app');
    });
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
    const response = await api.http
      .get('/api/v1/exports/audit-events.csv')
      .set(admin.bearer)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
    expect(response.status).toBe(200);
    const [header, ...rows] = readCsv(response.body as string);
    expect(header).toEqual([
      'seq',
      'id',
      'occurredAt',
      'actorId',
      'actorRole',
      'action',
      'entityType',
      'entityId',
      'before',
      'after',
      'requestId',
      'prevHash',
      'hash',
    ]);
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

  it('finds an event changed and the whole rest of the chain re-hashed, without the key', async () => {
    const scratch = await createScratchDatabase('rehash');
    await scratch.dataSource.runMigrations();
    const api = await createTestApp({ env: { DATABASE_URL: scratch.url } });
    try {
      const admin = await signedInAs(api, 'admin');
      for (let i = 0; i < 3; i += 1) await givenUser(api, 'caseworker');
      const rows = await scratch.dataSource.query('SELECT * FROM audit_event ORDER BY seq');
      const [first] = rows;
      // An intruder with the database rewrites the first event and recomputes every link, with plain
      // SHA-256 as the chain once used (they have no key), in one sweep behind the trigger's back.
      await scratch.dataSource.transaction(async (manager) => {
        await manager.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete');
        let prevHash = '0'.repeat(64);
        for (const row of rows) {
          const fields = {
            seq: Number(row.seq),
            occurredAt: row.occurred_at.toISOString(),
            actorId: row.actor_id,
            actorRole: row.actor_role,
            action: row.action,
            entityType: row.entity_type,
            entityId: row.entity_id,
            before: row.before,
            requestId: row.request_id,
            prevHash,
            after: row.id === first.id ? { ...row.after, role: 'admin' } : row.after,
          };
          const hash = hashEvent(fields, null);
          await manager.query('UPDATE audit_event SET after = $2, prev_hash = $3, hash = $4 WHERE id = $1', [
            row.id,
            JSON.stringify(fields.after),
            prevHash,
            hash,
          ]);
          prevHash = hash;
        }
        await manager.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete');
      });
      const { body } = await api.http.get('/api/v1/audit-events/verify').set(admin.bearer).expect(200);
      expect(body).toEqual({ ok: false, checked: 1, firstBrokenId: first.id });
    } finally {
      await api.close();
      await scratch.drop();
    }
  });

  it('publishes a signed head, and finds a chain cut short after a head someone kept', async () => {
    const scratch = await createScratchDatabase('truncate');
    await scratch.dataSource.runMigrations();
    const api = await createTestApp({ env: { DATABASE_URL: scratch.url } });
    try {
      const admin = await signedInAs(api, 'admin');
      await givenUser(api, 'caseworker');
      const { body: head } = await api.http.get('/api/v1/audit-events/head').set(admin.bearer).expect(200);
      const [last] = await scratch.dataSource.query('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1');
      expect(head).toMatchObject({ seq: Number(last.seq), hash: last.hash, algorithm: 'Ed25519', keyFingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) });
      expect(head.statement).toBe(`tilskud-audit-head:v1:${head.seq}:${head.hash}:${head.publishedAt}`);
      // Anyone can check the signature with the public key (raw Ed25519, wrapped as SPKI here).
      const publicKey = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(head.publicKey, 'base64')]);
      expect(verify(null, Buffer.from(head.statement), { key: publicKey, format: 'der', type: 'spki' }, Buffer.from(head.signature, 'base64'))).toBe(true);
      expect(
        verify(
          null,
          Buffer.from(head.statement.replace(/:\d+:/, ':1:')),
          { key: publicKey, format: 'der', type: 'spki' },
          Buffer.from(head.signature, 'base64'),
        ),
      ).toBe(false);

      const kept = { headSeq: head.seq, headHash: head.hash };
      expect((await api.http.get('/api/v1/audit-events/verify').query(kept).set(admin.bearer).expect(200)).body).toMatchObject({
        ok: true,
        keptHead: { seq: head.seq, hash: head.hash, status: 'matches' },
      });
      // The last events are deleted behind the triggers' back: what is left still links, but the kept head is gone.
      await scratch.dataSource.transaction(async (manager) => {
        await manager.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_or_delete');
        await manager.query('DELETE FROM audit_event WHERE seq >= $1', [head.seq - 1]);
        await manager.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_or_delete');
      });
      expect((await api.http.get('/api/v1/audit-events/verify').set(admin.bearer).expect(200)).body.ok).toBe(true);
      expect((await api.http.get('/api/v1/audit-events/verify').query(kept).set(admin.bearer).expect(200)).body).toMatchObject({
        ok: false,
        keptHead: { seq: head.seq, status: 'missing' },
      });
      const other = await api.http
        .get('/api/v1/audit-events/verify')
        .query({ headSeq: 1, headHash: 'a'.repeat(64) })
        .set(admin.bearer)
        .expect(200);
      expect(other.body).toMatchObject({ ok: false, keptHead: { seq: 1, status: 'differs' } });
      await api.http.get('/api/v1/audit-events/verify').query({ headSeq: 1 }).set(admin.bearer).expect(400);
      await api.http.get('/api/v1/audit-events/verify').query({ headSeq: 1, headHash: 'xyz' }).set(admin.bearer).expect(400);
    } finally {
      await api.close();
      await scratch.drop();
    }
  });

  it('verifies the events written before the chain was keyed by their plain hashes', async () => {
    const scratch = await createScratchDatabase('legacy_chain');
    // The database as it was before the keyed chain: events appended by the old, unkeyed function.
    const all = scratch.dataSource.migrations;
    const keyedAt = all.findIndex((migration) => migration.name === 'KeyTheAuditChainAndSeparateRoles1765600000000');
    await scratch.dataSource.destroy();
    const { DataSource: Source } = await import('typeorm');
    const { dataSourceOptions } = await import('../../libs/core/database/data-source-options.js');
    const before = new Source({
      ...dataSourceOptions({ DATABASE_URL: scratch.ownerUrl, DATABASE_POOL_SIZE: 1 }, { logging: false }),
      migrations: all.slice(0, keyedAt).map((m) => m.constructor as never),
    });
    await before.initialize();
    await before.runMigrations();
    let prevHash = '0'.repeat(64);
    for (let seq = 1; seq <= 3; seq += 1) {
      const fields = {
        seq,
        occurredAt: `2026-01-0${seq}T08:00:00.000Z`,
        actorId: null,
        actorRole: null,
        action: 'legacy.event',
        entityType: 'test',
        entityId: String(seq),
        before: null,
        after: { n: seq },
        requestId: null,
        prevHash,
      };
      const hash = hashEvent(fields, null);
      await before.query(
        `INSERT INTO audit_event (id, seq, occurred_at, action, entity_type, entity_id, after, prev_hash, hash) VALUES (gen_random_uuid(), $1, $2, 'legacy.event', 'test', $3, $4, $5, $6)`,
        [seq, fields.occurredAt, String(seq), JSON.stringify(fields.after), prevHash, hash],
      );
      prevHash = hash;
    }
    await before.destroy();
    const after = new Source(dataSourceOptions({ DATABASE_URL: scratch.ownerUrl, DATABASE_POOL_SIZE: 1 }, { logging: false }));
    await after.initialize();
    await after.runMigrations();
    await after.destroy();
    const api = await createTestApp({ env: { DATABASE_URL: scratch.url } });
    try {
      const admin = await signedInAs(api, 'admin');
      const { body } = await api.http.get('/api/v1/audit-events/verify').set(admin.bearer).expect(200);
      expect(body).toEqual({ ok: true, checked: 5 });
    } finally {
      await api.close();
      await scratch.drop();
    }
  });
});
