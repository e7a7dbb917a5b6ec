import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { type DataSource, type EntityManager, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { ClsService } from 'nestjs-cls';
import type { Actor, RequestContextStore } from '../core/context/request-context.js';
import { keysetPage, type Page } from '../core/pagination/page.js';
import { Clock } from '../core/time/clock.js';
import { type ChainCursor, GENESIS_HASH, hashEvent, type StoredChainLink, verifyLinks } from './audit-chain.js';
import { AuditEvent } from './audit-event.entity.js';
import type { AuditEventQuery } from './dto/audit-event.query.js';

/** Serialises appends to the chain across every process; held until the recording transaction ends. */
const AUDIT_CHAIN_LOCK = 7_304_117_001;
const VERIFY_BATCH = 5_000;

export interface AuditRecord {
  /** What happened, `<entity>.<verb>`: `application.submitted`, `auth.login_failed`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Who did it; by default the signed-in user of the request, and nobody (the system) outside one. */
  actor?: Actor | null;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId?: string;
}

/** JSON-clean copy (what jsonb will give back), so the hash is computed over exactly what is stored. */
const asStored = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))));

function toLink(row: AuditEvent): StoredChainLink {
  return {
    id: row.id,
    hash: row.hash,
    seq: Number(row.seq),
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
    prevHash: row.prevHash,
  };
}

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ClsService) private readonly context: ClsService<RequestContextStore>,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Appends an event inside the transaction of the change it records, so both commit or neither does.
   * Call it as the last write of the transaction: it holds the chain lock until the commit.
   */
  async record(manager: EntityManager, record: AuditRecord): Promise<AuditEvent> {
    // The connection broke under the transaction (a database restart): a lost connection, not a bug here.
    if (manager.queryRunner?.isReleased) throw new QueryRunnerAlreadyReleasedError();
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('An audit event must be written inside the transaction of the change it records');
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const [last]: Array<{ seq: string; hash: string }> = await manager.query('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1');

    const actor = record.actor === undefined ? (this.context.isActive() ? this.context.get('actor') : undefined) : record.actor;
    const requestId = this.context.isActive() ? (this.context.get('requestId') ?? null) : null;
    const fields = {
      seq: last ? Number(last.seq) + 1 : 1,
      occurredAt: this.clock.now().toISOString(),
      actorId: actor?.id ?? null,
      actorRole: actor?.role ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId ?? null,
      before: asStored(record.before),
      after: asStored(record.after),
      requestId: requestId || null,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const event = manager.create(AuditEvent, {
      ...fields,
      id: randomUUID(),
      seq: String(fields.seq),
      occurredAt: new Date(fields.occurredAt),
      hash: hashEvent(fields),
    });
    return manager.save(event);
  }

  /** Records an event that has no other change to go with it (a refused sign-in), in a transaction of its own. */
  recordAlone(record: AuditRecord): Promise<AuditEvent> {
    return this.dataSource.transaction((manager) => this.record(manager, record));
  }

  async list(query: AuditEventQuery): Promise<Page<AuditEvent>> {
    const builder = this.dataSource.getRepository(AuditEvent).createQueryBuilder('event');
    if (query.entityType) builder.andWhere('event.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) builder.andWhere('event.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) builder.andWhere('event.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) builder.andWhere('event.action = :action', { action: query.action });
    if (query.from) builder.andWhere('event.occurred_at >= :from', { from: query.from });
    if (query.to) builder.andWhere('event.occurred_at < :to', { to: query.to });
    return keysetPage(builder, 'audit-events', query, 'DESC', [{ column: 'event.seq', key: (row) => Number(row.seq) }]);
  }

  /** Walks the whole chain in `seq` order, a batch at a time, and reports the first event that breaks it. */
  async verify(): Promise<ChainVerification> {
    const repository = this.dataSource.getRepository(AuditEvent);
    let cursor: ChainCursor = { seq: 0, hash: GENESIS_HASH };
    let checked = 0;
    for (;;) {
      const rows = await repository
        .createQueryBuilder('event')
        .where('event.seq > :seq', { seq: String(cursor.seq) })
        .orderBy('event.seq', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      if (rows.length === 0) return { ok: true, checked };
      const result = verifyLinks(cursor, rows.map(toLink));
      if ('brokenId' in result) {
        return { ok: false, checked: checked + rows.findIndex((row) => row.id === result.brokenId) + 1, firstBrokenId: result.brokenId };
      }
      checked += rows.length;
      cursor = result.next;
    }
  }
}
