import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID, sign } from 'node:crypto';
import { type DataSource, type EntityManager, QueryRunnerAlreadyReleasedError, type SelectQueryBuilder } from 'typeorm';
import { ClsService } from 'nestjs-cls';
import type { Actor, RequestContextStore } from '../core/context/request-context.js';
import { ADVISORY_LOCKS } from '../core/database/advisory-locks.js';
import { keysetPage, type ListOrders, type Page, type PageQuery } from '../core/pagination/page.js';
import { Clock } from '../core/time/clock.js';
import { parseInstant } from '../core/time/copenhagen.js';
import {
  canonicalJson,
  type ChainContent,
  type ChainCursor,
  chainHead,
  type ChainKey,
  GENESIS_HASH,
  type StoredChainLink,
  verifyLinks,
} from './audit-chain.js';
import type { AuditAction } from './audit-actions.js';
import type { AuditKey } from './audit-key.js';
import { AuditEvent } from './audit-event.entity.js';
import type { AuditEventQuery, AuditEventSortField } from './dto/audit-event.query.js';
import { AuditEventResponse } from './dto/audit-event.response.js';
import { summarizeAuditEvent, type SummaryNames } from './audit-summary.js';

const VERIFY_BATCH = 5_000;

export interface AuditRecord {
  /** What happened, `<entity>.<verb>`: `application.submitted`, `auth.login_failed` (one of AUDIT_ACTIONS). */
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Who did it; by default the signed-in user of the request, and nobody (the system) outside one. */
  actor?: Actor | null;
}

export const AUDIT_KEY = Symbol('AuditKey');

/** What a use case's transaction gives back: its result, and the events that record what it did. */
export interface Audited<T> {
  result: T;
  events: AuditRecord[];
}

/** `audited(saved, { action: … })`: a result and its events; a falsy event (a condition not met) is left out. */
export function audited<T>(result: T, ...events: Array<AuditRecord | null | undefined | false>): Audited<T> {
  return { result, events: events.filter((event): event is AuditRecord => Boolean(event)) };
}

/** A head of the chain someone kept earlier (from `GET /audit-events/head` or the daily log line). */
export interface KeptHead {
  seq: number;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId?: string;
  /** How the kept head compares with the chain now: the same event, another one, or gone (the tail was cut). */
  keptHead?: KeptHead & { status: 'matches' | 'differs' | 'missing' };
}

/** The chain's last event as published: signed so an auditor can keep it and show later that it was ours. */
export interface SignedChainHead {
  seq: number;
  hash: string;
  occurredAt: string | null;
  publishedAt: string;
  keyFingerprint: string;
  /** `tilskud-audit-head:v1:<seq>:<hash>:<publishedAt>`, the text the signature is over. */
  statement: string;
  algorithm: 'Ed25519';
  signature: string;
  publicKey: string;
}

export function headStatement(head: { seq: number; hash: string; publishedAt: string }): string {
  return `tilskud-audit-head:v1:${head.seq}:${head.hash}:${head.publishedAt}`;
}

/** JSON-clean copy (what jsonb will give back), so the hash is computed over exactly what is stored. */
const asStored = (value: unknown): unknown =>
  value === undefined ? null : JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A case's every event: its application's, its award's, its reports' and its extension requests' (the view says which). */
function ofCase(builder: SelectQueryBuilder<AuditEvent>, caseId: string): SelectQueryBuilder<AuditEvent> {
  return builder.andWhere('(event.entity_type, event.entity_id) IN (SELECT c.entity_type, c.entity_id FROM case_entity c WHERE c.case_id = :caseId)', {
    caseId,
  });
}

/** The trail in the chain's order, newest first unless asked otherwise. */
export const AUDIT_EVENT_ORDERS: ListOrders<AuditEvent, AuditEventSortField> = {
  default: '-seq',
  keys: { seq: [{ column: 'event.seq', key: (row) => Number(row.seq) }] },
};

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ClsService) private readonly context: ClsService<RequestContextStore>,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AUDIT_KEY) private readonly key: AuditKey,
  ) {}

  /**
   * The one way a use case changes data: `work` makes the change in a transaction and returns its result
   * with the events that record it ({@link audited}); the events are written after the work, in one
   * statement, so both commit or neither does. They are linked into the chain at the commit, by
   * Postgres (see the migration that chains the audit trail at commit): the chain's lock is taken and
   * released inside the server, so no audited write waits on another's round trips.
   */
  transaction<T>(work: (manager: EntityManager) => Promise<Audited<T>>): Promise<T> {
    // The database's default level, READ COMMITTED: the chain's commit trigger reads the head after taking
    // its lock, which only a statement's own snapshot sees. audit_enqueue refuses any other level (naming
    // it here would cost every audited write a SET TRANSACTION round trip).
    return this.dataSource.transaction(async (manager) => {
      const { result, events } = await work(manager);
      await this.enqueue(manager, events);
      return result;
    });
  }

  /** Writes a transaction's events for the chain to link at its commit (see {@link transaction}). */
  private async enqueue(manager: EntityManager, records: readonly AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    // The connection broke under the transaction (a database restart): a lost connection, not a bug here.
    if (manager.queryRunner?.isReleased) throw new QueryRunnerAlreadyReleasedError();
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('An audit event must be written inside the transaction of the change it records');
    }
    const active = this.context.isActive();
    const requestId = (active ? this.context.get('requestId') : null) || null;
    const events = records.map((record) => {
      const actor = record.actor === undefined ? (active ? this.context.get('actor') : undefined) : record.actor;
      const content: ChainContent = {
        occurredAt: this.clock.now().toISOString(),
        actorId: actor?.id ?? null,
        actorRole: actor?.role ?? null,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId ?? null,
        before: asStored(record.before),
        after: asStored(record.after),
      };
      return { ...content, id: randomUUID(), requestId, head: chainHead(content), requestJson: canonicalJson(requestId) };
    });
    await manager.query('SELECT audit_enqueue($1, $2, $3, $4)', [ADVISORY_LOCKS.auditChain, JSON.stringify(events), this.key.innerPad, this.key.outerPad]);
  }

  /** Records an event that has no other change to go with it (a refused sign-in), in a transaction of its own. */
  async recordAlone(record: AuditRecord): Promise<void> {
    await this.dataSource.transaction((manager) => this.enqueue(manager, [record]));
  }

  async list(query: AuditEventQuery): Promise<Page<AuditEvent>> {
    const builder = this.dataSource.getRepository(AuditEvent).createQueryBuilder('event');
    if (query.entityType) builder.andWhere('event.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) builder.andWhere('event.entity_id = :entityId', { entityId: query.entityId });
    if (query.caseId) ofCase(builder, query.caseId);
    if (query.actorId) builder.andWhere('event.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) builder.andWhere('event.action = :action', { action: query.action });
    if (query.from) builder.andWhere('event.occurred_at >= :from', { from: parseInstant(query.from) });
    if (query.to) builder.andWhere('event.occurred_at < :to', { to: parseInstant(query.to) });
    return keysetPage(builder, 'audit-events', query, AUDIT_EVENT_ORDERS);
  }

  /**
   * A case's trail, oldest first: the events `GET /audit-events?caseId=` finds, for the caseworkers
   * who work the case (the caller has checked that they may see it).
   */
  async caseTrail(caseId: string, query: PageQuery): Promise<Page<AuditEvent>> {
    const builder = ofCase(this.dataSource.getRepository(AuditEvent).createQueryBuilder('event'), caseId);
    return keysetPage(builder, 'case-events', query, 'ASC', AUDIT_EVENT_ORDERS.keys.seq);
  }

  /**
   * The answers for some events: each with its actor's name and a sentence in words (see
   * audit-summary.ts). The names the sentences need (people, reports, kommuner) come in one query,
   * whatever the number of events.
   */
  async respond(events: readonly AuditEvent[]): Promise<AuditEventResponse[]> {
    const uuids = (ids: Array<string | null>) => [...new Set(ids.filter((id): id is string => id !== null && UUID.test(id)))];
    const personIds = uuids(events.flatMap((event) => [event.actorId, event.entityType === 'user' ? event.entityId : null]));
    const reportIds = uuids(events.map((event) => (event.entityType === 'report' ? event.entityId : null)));
    const codes = [
      ...new Set(
        events
          .map((event) => (event.after as { municipalityCode?: unknown } | null)?.municipalityCode)
          .filter((code): code is string => typeof code === 'string'),
      ),
    ];
    const rows: Array<{
      kind: 'person' | 'report' | 'kommune';
      id: string;
      name: string | null;
      report_kind: 'status' | 'final' | null;
      sequence: number | null;
    }> =
      personIds.length + reportIds.length + codes.length === 0
        ? []
        : await this.dataSource.query(
            `SELECT 'person' AS kind, id::text AS id, name, NULL::text AS report_kind, NULL::int AS sequence FROM app_user WHERE id = ANY($1::uuid[])
             UNION ALL SELECT 'report', id::text, NULL, kind, sequence FROM progress_report WHERE id = ANY($2::uuid[])
             UNION ALL SELECT 'kommune', code, official_name, NULL, NULL FROM municipality WHERE code = ANY($3::text[])`,
            [personIds, reportIds, codes],
          );
    const names: SummaryNames = {
      people: new Map(rows.filter((row) => row.kind === 'person').map((row) => [row.id, row.name ?? ''])),
      reports: new Map(rows.filter((row) => row.kind === 'report').map((row) => [row.id, { kind: row.report_kind!, sequence: row.sequence! }])),
      kommuner: new Map(rows.filter((row) => row.kind === 'kommune').map((row) => [row.id.trim(), row.name ?? ''])),
    };
    return events.map((event) =>
      AuditEventResponse.from(event, {
        actorName: event.actorId ? (names.people.get(event.actorId) ?? null) : null,
        summary: summarizeAuditEvent(event, names),
      }),
    );
  }

  /**
   * Walks the whole chain in `seq` order, a batch at a time, and reports the first event that breaks it.
   * Given a head kept earlier, also checks that the chain still holds that event with that hash: a
   * chain cut short after the head, or rewritten up to it and re-hashed, fails here even when it links.
   */
  async verify(kept?: KeptHead): Promise<ChainVerification> {
    const repository = this.dataSource.getRepository(AuditEvent);
    const chainKey = await this.chainKey();
    let cursor: ChainCursor = { seq: 0, hash: GENESIS_HASH };
    let checked = 0;
    let keptStatus: 'matches' | 'differs' | 'missing' = 'missing';
    for (;;) {
      const rows = await repository
        .createQueryBuilder('event')
        .where('event.seq > :seq', { seq: String(cursor.seq) })
        .orderBy('event.seq', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      if (rows.length === 0) break;
      const keptRow = kept && rows.find((row) => Number(row.seq) === kept.seq);
      if (keptRow) keptStatus = keptRow.hash === kept.hash ? 'matches' : 'differs';
      const result = verifyLinks(cursor, rows.map(toLink), chainKey);
      if ('brokenId' in result) {
        return {
          ok: false,
          checked: checked + rows.findIndex((row) => row.id === result.brokenId) + 1,
          firstBrokenId: result.brokenId,
          ...(kept ? { keptHead: { ...kept, status: keptStatus } } : {}),
        };
      }
      checked += rows.length;
      cursor = result.next;
    }
    if (!kept) return { ok: true, checked };
    return { ok: keptStatus === 'matches', checked, keptHead: { ...kept, status: keptStatus } };
  }

  /** The chain's last event now, signed with the audit key's Ed25519 half (see {@link SignedChainHead}). */
  async signedHead(): Promise<SignedChainHead> {
    const [last]: Array<{ seq: string; hash: string; occurred_at: Date }> = await this.dataSource.query(
      'SELECT seq, hash, occurred_at FROM audit_event ORDER BY seq DESC LIMIT 1',
    );
    const head = { seq: last ? Number(last.seq) : 0, hash: last?.hash ?? GENESIS_HASH, publishedAt: this.clock.now().toISOString() };
    const statement = headStatement(head);
    return {
      ...head,
      occurredAt: last?.occurred_at.toISOString() ?? null,
      keyFingerprint: this.key.fingerprint,
      statement,
      algorithm: 'Ed25519',
      signature: sign(null, Buffer.from(statement), this.key.signingKey).toString('base64'),
      publicKey: this.key.publicKey,
    };
  }

  private async chainKey(): Promise<ChainKey> {
    const [state]: Array<{ keyed_from_seq: string }> = await this.dataSource.query('SELECT keyed_from_seq FROM audit_chain_state');
    return { keyedFromSeq: Number(state?.keyed_from_seq ?? 1), key: this.key.material };
  }
}
