import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ADVISORY_LOCKS } from '../core/database/advisory-locks.js';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../core/time/clock.js';
import { DanishCalendar } from '../core/time/danish-calendar.js';
import { ReminderJobs } from './reminder-jobs.js';
import { PLANNED_REMINDER_KINDS, type PlannedReminder, planReminders, reminderKey, remindersDigest } from './reminder-planner.js';
import { idRange, ReminderStateRepository } from './reminder-state.repository.js';

/** A restart catches up on reminders whose send time passed at most this long ago. */
export const CATCH_UP_MS = 48 * 3_600_000;
/**
 * Redis holds delivery jobs only for reminders due within this horizon; Postgres holds every planned
 * one, and each reconcile (every RECONCILE_EVERY_MS, far shorter) moves the next ones into Redis.
 */
export const QUEUE_HORIZON_MS = 24 * 3_600_000;
/**
 * Orders reconcilers' writes across worker processes, a batch at a time. The lanes of a full pass
 * hold it shared and write side by side: their batches are disjoint, and the inserts, each into
 * several large indexes at random places, were the first pass's bottleneck on a single writer
 * (75 s to 54 s for 2.3 million reminders). A single award's reconcile holds it alone.
 */
export const RECONCILE_LOCK = ADVISORY_LOCKS.reminderReconcile;

/** How a write holds {@link RECONCILE_LOCK}: `shared` beside the other lanes of a full pass, `exclusive` alone. */
export type WriteMode = 'shared' | 'exclusive';
/** Awards per batch of a full reconcile, and reminders per insert statement. */
const RECONCILE_BATCH = 1_000;
const INSERT_CHUNK = 5_000;
/** Reminders written by one pass beyond which the reminder table's statistics are renewed at its end. */
export const ANALYZE_AFTER_WRITES = 10_000;

/**
 * Whether a pass wrote so much that the planner's picture of the reminder table is out of date. After
 * the first pass over a large pool (millions of reminders) the statistics still described an empty
 * table, and the next pass read each batch through the wrong index: 1.5 s a batch instead of 0.1 s.
 * Autovacuum renews them in time where it is on; this does not rely on it.
 */
export function needsFreshStatistics(result: Pick<ReconcileResult, 'created' | 'revived' | 'cancelled'>): boolean {
  return result.created + result.revived + result.cancelled >= ANALYZE_AFTER_WRITES;
}

export interface ReconcileResult {
  planned: number;
  created: number;
  revived: number;
  cancelled: number;
  queued: number;
}

interface StoredReminder {
  id: string;
  award_id: string;
  status: 'scheduled' | 'sent' | 'failed' | 'cancelled';
  /** The reminder's identity, as {@link reminderKey} writes it. */
  key: string;
}

/** A reminder's identity as Postgres writes it, in {@link reminderKey}'s format; {@link remindersDigest} digests these. */
const STORED_KEY = `recipient_id || '|' || kind || '|' || subject_type || '|' || subject_id || '|' || due_date`;

/** What the outbox must change for a batch of awards to agree with the planner, and the state it was planned from. */
export interface BatchDifference {
  awardIds: string[];
  /** Each award's stamp (see {@link ReminderStateRepository.stamps}) when it was planned. */
  stamps: Map<string, string>;
  /** Reminders planned, per award. */
  planned: Map<string, number>;
  /** Planned and not in the outbox. */
  fresh: PlannedReminder[];
  /** Cancelled in the outbox, planned again. */
  revive: Array<{ id: string; awardId: string }>;
  /** Scheduled in the outbox, no longer planned. */
  cancel: Array<{ id: string; awardId: string }>;
  /** Awards whose outbox differed from their plan, and were compared reminder by reminder. */
  examined: number;
}

/**
 * Moves reminders from one status to another, only those still in the status they were read in (a
 * reminder delivered or changed by anyone since is left as they left it); answers the ones moved.
 */
async function moveStatus(manager: EntityManager, ids: string[], from: string, to: string): Promise<Array<{ id: string; send_at: Date }>> {
  if (ids.length === 0) return [];
  const [moved] = (await manager.query(`UPDATE reminder SET status = $3, updated_at = now() WHERE id = ANY($1) AND status = $2 RETURNING id, send_at`, [
    ids,
    from,
    to,
  ])) as [Array<{ id: string; send_at: Date }>, number];
  return moved;
}

/**
 * Makes the outbox and Redis agree with the planner. Postgres: new reminders inserted, ones no longer
 * called for (report submitted, end date moved) cancelled, cancelled ones called for again revived.
 * Redis: every scheduled reminder due within the horizon gets its (deterministic) delivery job, so a
 * wiped Redis is refilled; cancelled ones lose theirs.
 */
@Injectable()
export class ReminderReconciler {
  private readonly logger = new Logger(ReminderReconciler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ReminderStateRepository) private readonly state: ReminderStateRepository,
    @Inject(ReminderJobs) private readonly jobs: ReminderJobs,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(DanishCalendar) private readonly calendar: DanishCalendar,
  ) {}

  /** The reminders of a case's award, if it has one (after its contacts or assignee changed). */
  async reconcileCase(caseId: string): Promise<ReconcileResult | null> {
    const [award]: Array<{ id: string }> = await this.dataSource.query('SELECT id FROM award WHERE application_id = $1', [caseId]);
    return award ? this.reconcile(award.id) : null;
  }

  /**
   * One award (after a change to it), or every active award, a batch at a time: memory stays bounded
   * and each batch is a short transaction of its own, whatever the number of awards.
   */
  async reconcile(awardId?: string): Promise<ReconcileResult> {
    const now = this.clock.now();
    const total: ReconcileResult = { planned: 0, created: 0, revived: 0, cancelled: 0, queued: 0 };
    const add = (result: Omit<ReconcileResult, 'queued'>) => {
      total.planned += result.planned;
      total.created += result.created;
      total.revived += result.revived;
      total.cancelled += result.cancelled;
    };
    if (awardId) {
      // One award: if it changes again while we plan, plan again from the newer state.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const result = await this.reconcileBatch([awardId], now, 'exclusive');
        add(result);
        if (result.skipped === 0) break;
      }
    } else {
      // Two batches at a time: the lanes plan (CPU) and write (Postgres) side by side.
      const ids = await this.state.activeAwardIds();
      const batches = Array.from({ length: Math.ceil(ids.length / RECONCILE_BATCH) }, (_, i) => ids.slice(i * RECONCILE_BATCH, (i + 1) * RECONCILE_BATCH));
      const lane = async () => {
        for (let batch = batches.shift(); batch; batch = batches.shift()) add(await this.reconcileBatch(batch, now, 'shared'));
      };
      await Promise.all([lane(), lane()]);
      // Awards no longer active (completed, cancelled) keep no scheduled reminders.
      const [, stale] = await this.dataSource.query(
        `UPDATE reminder r SET status = 'cancelled', updated_at = now() FROM award a
          WHERE r.award_id = a.id AND a.status <> 'active' AND r.status = 'scheduled' AND r.kind = ANY($1)`,
        [PLANNED_REMINDER_KINDS],
      );
      total.cancelled += Number(stale ?? 0);
      if (needsFreshStatistics(total)) await this.dataSource.query('ANALYZE reminder');
    }

    // Every scheduled reminder due within the horizon (in scope), one-off messages included, gets its
    // job (back, if Redis lost it); adding an existing job id is a no-op.
    const horizon = new Date(now.getTime() + QUEUE_HORIZON_MS);
    const scheduled: Array<{ id: string; send_at: Date }> = await this.dataSource.query(
      `SELECT id, send_at FROM reminder WHERE status = 'scheduled' AND send_at < $1 ${awardId ? 'AND award_id = $2' : ''}`,
      awardId ? [horizon, awardId] : [horizon],
    );
    await this.jobs.schedule(scheduled.map((row) => ({ id: row.id, sendAt: row.send_at })));
    total.queued = scheduled.length;
    this.logger.log(total, awardId ? `Reconciled the reminders of award ${awardId}` : 'Reconciled every reminder');
    return total;
  }

  /**
   * Plans a batch and compares it with the outbox outside any lock, so the two lanes (and other
   * reconcilers) plan, read and compare at the same time; only the writes take the lock.
   */
  private async reconcileBatch(batch: string[], now: Date, mode: WriteMode): Promise<Omit<ReconcileResult, 'queued'> & { skipped: number }> {
    const difference = await this.compare(batch, now);
    // A full pass's batch whose outbox is its plan (most of them, on a steady day) has nothing to
    // write: no transaction, lock or second read of its stamps. An award that changed meanwhile is
    // reconciled by its own change. One award's reconcile still writes, to learn whether it changed.
    if (mode === 'shared' && difference.fresh.length + difference.revive.length + difference.cancel.length === 0) {
      const planned = [...difference.planned.values()].reduce((sum, count) => sum + count, 0);
      return { planned, created: 0, revived: 0, cancelled: 0, skipped: 0 };
    }
    const { queuedCancelIds, ...result } = await this.write(difference, now, mode);
    await this.jobs.unschedule(queuedCancelIds);
    return result;
  }

  /**
   * Plans a batch of awards and finds what the outbox lacks and holds too much of. Takes no lock and
   * writes nothing. Most awards' scheduled reminders are exactly their plan: Postgres answers a digest
   * of each award's scheduled reminders, and only the awards whose digest differs from the plan's are
   * read reminder by reminder (a steady pass used to parse every stored reminder of every award).
   */
  async compare(awardIds: string[], now: Date): Promise<BatchDifference> {
    const state = await this.state.load(awardIds);
    const plan = new Map<string, Array<{ reminder: PlannedReminder; key: string }>>(awardIds.map((id) => [id, []]));
    for (const reminder of planReminders(state, this.calendar, new Date(now.getTime() - CATCH_UP_MS))) {
      plan.get(reminder.awardId)?.push({ reminder, key: reminderKey(reminder) });
    }
    // A batch is a run of active awards in id order, so the range alone selects it: one index range
    // scan rather than a thousand descents for `= ANY`. Any other award in the range is not looked up.
    const digests: Array<{ award_id: string; digest: string }> = await this.dataSource.query(
      `SELECT award_id, md5(string_agg(${STORED_KEY}, ',' ORDER BY (${STORED_KEY}) COLLATE "C")) AS digest
         FROM reminder
        WHERE kind = ANY($1) AND status = 'scheduled' AND award_id BETWEEN $2 AND $3
        GROUP BY award_id`,
      [PLANNED_REMINDER_KINDS, ...idRange(awardIds)],
    );
    const stored = new Map(digests.map((row) => [row.award_id, row.digest]));
    const differing = awardIds.filter((id) => stored.get(id) !== remindersDigest(plan.get(id)!.map((entry) => entry.key)));

    const planned = new Map([...plan].map(([id, entries]) => [id, entries.length]));
    const difference: BatchDifference = { awardIds, stamps: state.stamps, planned, fresh: [], revive: [], cancel: [], examined: differing.length };
    if (differing.length === 0) return difference;
    // The differing awards' reminders, keyed by Postgres in the planner's format: narrow rows parse fast.
    // Sent and failed ones too: they are few, they are never planned again (reminder_once), and a status
    // condition here let Postgres, without statistics, combine the award index with a scan of the status one.
    const rows: StoredReminder[] = await this.dataSource.query(
      `SELECT id, award_id, status, ${STORED_KEY} AS key
         FROM reminder
        WHERE kind = ANY($1) AND award_id = ANY($2) AND award_id BETWEEN $3 AND $4`,
      [PLANNED_REMINDER_KINDS, differing, ...idRange(differing)],
    );
    const storedKeys = new Set(rows.map((row) => row.key));
    const wanted = new Set<string>();
    for (const { reminder, key } of differing.flatMap((id) => plan.get(id)!)) {
      wanted.add(key);
      if (!storedKeys.has(key)) difference.fresh.push(reminder);
    }
    difference.revive = rows.filter((row) => row.status === 'cancelled' && wanted.has(row.key)).map((row) => ({ id: row.id, awardId: row.award_id }));
    difference.cancel = rows.filter((row) => row.status === 'scheduled' && !wanted.has(row.key)).map((row) => ({ id: row.id, awardId: row.award_id }));
    return difference;
  }

  /**
   * Writes a difference under the reconcile lock, for the awards whose state is still the one it was
   * planned from (the others are left to the reconcile their change triggered). Each write checks the
   * status it was computed from, so a reminder sent, revived or cancelled by anyone since the
   * comparison is left as they left it.
   */
  async write(
    difference: BatchDifference,
    now: Date,
    mode: WriteMode = 'exclusive',
  ): Promise<Omit<ReconcileResult, 'queued'> & { skipped: number; queuedCancelIds: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(mode === 'shared' ? 'SELECT pg_advisory_xact_lock_shared($1)' : 'SELECT pg_advisory_xact_lock($1)', [RECONCILE_LOCK]);
      const current = await this.state.stamps(manager, difference.awardIds);
      const unchanged = new Set(difference.awardIds.filter((id) => current.get(id) === difference.stamps.get(id)));
      const fresh = difference.fresh.filter((reminder) => unchanged.has(reminder.awardId));
      let created = 0;
      for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
        const chunk = fresh.slice(i, i + INSERT_CHUNK);
        const [{ inserted }]: Array<{ inserted: number }> = await manager.query(
          `WITH inserted AS (
             INSERT INTO reminder (kind, recipient_id, subject_type, subject_id, award_id, due_date, send_at, status)
             SELECT kind, recipient_id, subject_type, subject_id, award_id, due_date, send_at, 'scheduled'
               FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::date[], $7::timestamptz[])
                 AS t(kind, recipient_id, subject_type, subject_id, award_id, due_date, send_at)
             ON CONFLICT ON CONSTRAINT reminder_once DO NOTHING
             RETURNING 1)
           SELECT count(*)::int AS inserted FROM inserted`,
          [
            chunk.map((r) => r.kind),
            chunk.map((r) => r.recipientId),
            chunk.map((r) => r.subjectType),
            chunk.map((r) => r.subjectId),
            chunk.map((r) => r.awardId),
            chunk.map((r) => r.dueDate),
            chunk.map((r) => r.sendAt),
          ],
        );
        created += inserted;
      }
      const unchangedIds = (rows: Array<{ id: string; awardId: string }>) => rows.filter((row) => unchanged.has(row.awardId)).map((row) => row.id);
      const revived = await moveStatus(manager, unchangedIds(difference.revive), 'cancelled', 'scheduled');
      const cancelled = await moveStatus(manager, unchangedIds(difference.cancel), 'scheduled', 'cancelled');
      // Only reminders inside the horizon have a job to take back.
      const horizon = now.getTime() + QUEUE_HORIZON_MS;
      return {
        planned: [...unchanged].reduce((sum, id) => sum + (difference.planned.get(id) ?? 0), 0),
        skipped: difference.awardIds.length - unchanged.size,
        created,
        revived: revived.length,
        cancelled: cancelled.length,
        queuedCancelIds: cancelled.filter((row) => row.send_at.getTime() < horizon).map((row) => row.id),
      };
    });
  }
}
