import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CasePeople } from '../applications/case-people.js';
import { CaseNames } from '../applications/dto/case-names.dto.js';
import type { AuditRecord } from '../audit/audit-trail.port.js';
import { audited, AuditService } from '../audit/audit.service.js';
import type { Award } from '../awards/award.entity.js';
import { AwardsService } from '../awards/awards.service.js';
import type { AuthUser } from '../core/access/auth-user.js';
import type { Actor } from '../core/context/request-context.js';
import { NotFoundDomainException } from '../core/errors/domain.exception.js';
import { countOf, keysetPage, type Page, type SortKey } from '../core/pagination/page.js';
import { Clock } from '../core/time/clock.js';
import { copenhagenDate } from '../core/time/copenhagen.js';
import type { PlannedShare } from '../programmes/payment-plan.js';
import type { ApprovedReport } from '../reports/approved-reports.port.js';
import type { InstalmentQuery, InstalmentResponse, RecordPaymentBody } from './dto/instalment.dto.js';
import { InstalmentResponse as Response } from './dto/instalment.dto.js';
import { awardCase } from '../awards/award-case.js';
import { splitByShares } from './instalment-amounts.js';
import { Instalment } from './instalment.entity.js';
import { InstalmentException } from './instalment.exception.js';
import { InstalmentReminders } from './instalment-reminders.js';
import { nextInstalmentStatus } from './instalment.lifecycle.js';
import { approvalRefusal, approvalRefusalReason } from './instalment.rules.js';
import { FinalAccountsException } from './final-accounts.exception.js';
import type { Settlement } from './final-accounts.rules.js';

/** The queue's filters, as the worklist's count gives them too. */
export type InstalmentFilter = Pick<InstalmentQuery, 'status' | 'programmeId' | 'municipalityCode' | 'assigneeId'>;

/** The payment approval queue: ready instalments, the longest waiting first (index instalment_status_ready_idx). */
const READY_ORDER: SortKey<Instalment>[] = [
  { column: 'instalment.ready_at', key: (row) => row.readyAt!.toISOString() },
  { column: 'instalment.id', key: (row) => row.id },
];
/** Any other status: in the order they were planned. */
const PLANNED_ORDER: SortKey<Instalment>[] = [
  { column: 'instalment.created_at', key: (row) => row.createdAt.toISOString() },
  { column: 'instalment.id', key: (row) => row.id },
];

/** The instalment as its audit events record it. */
const auditView = (instalment: Pick<Instalment, 'sequence' | 'trigger' | 'reportSequence' | 'amountOre' | 'status'>) => ({
  sequence: instalment.sequence,
  trigger: instalment.trigger,
  reportSequence: instalment.reportSequence,
  amountOre: instalment.amountOre,
  status: instalment.status,
});

/**
 * Paying awards out in instalments (rater): each award's instalments by its programme's payment plan,
 * made with the award; each made ready by its trigger in the transaction of the act that is the trigger
 * (the decision, a report's approval, later the final accounts' approval); approved by a caseworker
 * who did not make that act (four-eyes); and recorded as paid, once, from the finance system.
 */
@Injectable()
export class InstalmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AwardsService) private readonly awards: AwardsService,
    @Inject(CasePeople) private readonly people: CasePeople,
    @Inject(InstalmentReminders) private readonly reminders: InstalmentReminders,
  ) {}

  /**
   * The instalments of a new award, in the decision's transaction: the award's amount split by the
   * plan's shares to the øre (largest remainder), the ones due at the award ready at once, with the
   * decider as the one who made them ready. Answers the audit events for the decision to record.
   */
  async createForAward(manager: EntityManager, award: Award, plan: readonly PlannedShare[], now: Date): Promise<AuditRecord[]> {
    const amounts = splitByShares(
      award.amountOre,
      plan.map((share) => share.sharePct),
    );
    const instalments = plan.map((share, index) => {
      const ready = share.trigger === 'award';
      return manager.create(Instalment, {
        id: randomUUID(),
        ...awardCase(award),
        sequence: index + 1,
        trigger: share.trigger,
        reportSequence: share.trigger === 'status_report_approved' ? share.sequence! : null,
        sharePct: share.sharePct,
        amountOre: amounts[index],
        status: ready ? 'ready' : 'planned',
        readyAt: ready ? now : null,
        triggeredBy: ready ? award.decidedBy : null,
      });
    });
    if (instalments.length === 0) return [];
    // The instalments and the ready ones' reminder in one statement: a decision's round trips are counted.
    const insert = (first: number) => ({
      sql: `INSERT INTO instalment (id, award_id, application_id, programme_id, municipality_code, participant_codes, case_number,
                                    sequence, trigger, report_sequence, share_pct, amount_ore, status, ready_at, triggered_by)
            SELECT id, $${first}, $${first + 1}, $${first + 2}, $${first + 3}, $${first + 4}, $${first + 5},
                   sequence, trigger, report_sequence, share_pct, amount_ore, status, ready_at, triggered_by
              FROM unnest($${first + 6}::uuid[], $${first + 7}::int[], $${first + 8}::text[], $${first + 9}::int[], $${first + 10}::int[],
                          $${first + 11}::bigint[], $${first + 12}::text[], $${first + 13}::timestamptz[], $${first + 14}::uuid[])
                AS t(id, sequence, trigger, report_sequence, share_pct, amount_ore, status, ready_at, triggered_by)`,
      parameters: [
        award.id,
        award.applicationId,
        award.programmeId,
        award.municipalityCode,
        award.participantCodes,
        award.caseNumber,
        instalments.map((instalment) => instalment.id),
        instalments.map((instalment) => instalment.sequence),
        instalments.map((instalment) => instalment.trigger),
        instalments.map((instalment) => instalment.reportSequence),
        instalments.map((instalment) => instalment.sharePct),
        instalments.map((instalment) => instalment.amountOre.toString()),
        instalments.map((instalment) => instalment.status),
        instalments.map((instalment) => instalment.readyAt),
        instalments.map((instalment) => instalment.triggeredBy),
      ],
    });
    const ready = instalments.filter((instalment) => instalment.status === 'ready');
    await this.reminders.planApprovalWaiting(
      manager,
      {
        awardId: award.id,
        applicationId: award.applicationId,
        instalmentIds: ready.map((instalment) => instalment.id),
        readyAt: now,
        triggeredBy: award.decidedBy,
      },
      insert,
    );
    return [
      {
        action: 'award.instalments_planned',
        entityType: 'award',
        entityId: award.id,
        after: {
          amountOre: award.amountOre,
          instalments: instalments.map((instalment) => ({ id: instalment.id, ...auditView(instalment), sharePct: instalment.sharePct })),
        },
      },
      ...instalments.filter((instalment) => instalment.status === 'ready').map((instalment) => this.readyEvent(instalment, 'award')),
    ];
  }

  /**
   * A report of the award approved (the reports context's port, in the review's transaction): the
   * instalments waiting for that status report become ready. Approving the final report also makes
   * ready those waiting for a status report the award's schedule never had (its period was shorter
   * than the plan assumed): every status report is approved before the final one, so nothing else
   * can still wait for one.
   */
  async reportApproved(manager: EntityManager, report: ApprovedReport): Promise<AuditRecord[]> {
    const ready = await this.makeReady(
      manager,
      report.awardId,
      report.kind === 'status' ? `trigger = 'status_report_approved' AND report_sequence = $4` : `trigger = 'status_report_approved'`,
      report.kind === 'status' ? [report.sequence] : [],
      report.approvedBy,
      report.approvedAt,
    );
    return ready.map((instalment) => this.readyEvent(instalment, report.kind === 'status' ? 'status_report' : 'final_report'));
  }

  /**
   * The award's final accounts (slutregnskab) approved by `approvedBy`: the instalments held back for
   * them become ready. Called by FinalAccountsService in its approval's transaction, after the
   * instalments beyond the approved spending are reduced or cancelled.
   */
  async finalAccountsApproved(manager: EntityManager, awardId: string, approvedBy: string, approvedAt: Date): Promise<AuditRecord[]> {
    const ready = await this.makeReady(manager, awardId, `trigger = 'final_accounts_approved'`, [], approvedBy, approvedAt);
    return ready.map((instalment) => this.readyEvent(instalment, 'final_accounts'));
  }

  /**
   * What approved final accounts settle for the instalments (final-accounts.rules.ts), in the approval's
   * transaction, the award locked: the unpaid ones keep only what is still due, in the plan's order; an
   * amount goes down where only part of it is due, and one not due at all is cancelled.
   */
  async applySettlement(manager: EntityManager, awardId: string, settlement: Settlement, now: Date): Promise<AuditRecord[]> {
    const events: AuditRecord[] = [];
    const touched = [...settlement.reduce.map((change) => change.id), ...settlement.cancel];
    if (touched.length === 0) return events;
    const rows = await manager.find(Instalment, { where: touched.map((id) => ({ id, awardId })), lock: { mode: 'for_no_key_update' } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const change of settlement.reduce) {
      const instalment = byId.get(change.id)!;
      await manager.update(Instalment, { id: change.id }, { amountOre: change.toOre, version: instalment.version + 1 });
      events.push({
        action: 'instalment.reduced',
        entityType: 'instalment',
        entityId: change.id,
        before: { amountOre: change.fromOre },
        after: { ...auditView({ ...instalment, amountOre: change.toOre }), cause: 'final_accounts' },
      });
    }
    // A cancelled instalment waits for no approval.
    await this.reminders.cancel(manager, settlement.cancel);
    for (const id of settlement.cancel) {
      const instalment = byId.get(id)!;
      const status = nextInstalmentStatus(instalment.status, 'cancel');
      await manager.update(Instalment, { id }, { status, cancelledAt: now, version: instalment.version + 1 });
      events.push({
        action: 'instalment.cancelled',
        entityType: 'instalment',
        entityId: id,
        before: { status: instalment.status },
        after: { ...auditView({ ...instalment, status }), cause: 'final_accounts' },
      });
    }
    return events;
  }

  private async makeReady(manager: EntityManager, awardId: string, condition: string, parameters: unknown[], by: string, at: Date): Promise<Instalment[]> {
    const [rows]: [Array<{ id: string }>, number] = await manager.query(
      `UPDATE instalment SET status = 'ready', ready_at = $2, triggered_by = $3, version = version + 1
        WHERE award_id = $1 AND status = 'planned' AND ${condition} RETURNING id`,
      [awardId, at, by, ...parameters],
    );
    if (rows.length === 0) return [];
    const ready = await manager.find(Instalment, { where: rows.map((row) => ({ id: row.id })), order: { sequence: 'ASC' } });
    await this.reminders.planApprovalWaiting(manager, {
      awardId,
      applicationId: ready[0].applicationId,
      instalmentIds: ready.map((instalment) => instalment.id),
      readyAt: at,
      triggeredBy: by,
    });
    return ready;
  }

  private readyEvent(instalment: Instalment, cause: 'award' | 'status_report' | 'final_report' | 'final_accounts'): AuditRecord {
    return {
      action: 'instalment.ready',
      entityType: 'instalment',
      entityId: instalment.id,
      before: { status: 'planned' },
      after: { ...auditView(instalment), cause },
    };
  }

  /** An award's instalments in the plan's order, for those who may see the award (another kommune: 404). */
  async forAward(awardId: string, actor: Actor): Promise<Instalment[]> {
    await this.awards.findVisible(this.dataSource.manager, awardId, actor);
    return this.dataSource.manager.find(Instalment, { where: { awardId }, order: { sequence: 'ASC' } });
  }

  /** The instalments list; with `status=ready`, the payment approval queue, the longest waiting first. */
  list(query: InstalmentQuery, actor: Actor): Promise<Page<Instalment>> {
    const ready = query.status === 'ready';
    return keysetPage(this.filtered(query, actor), ready ? 'instalments-ready' : 'instalments', query, 'ASC', ready ? READY_ORDER : PLANNED_ORDER);
  }

  /** How many the list shows for these filters, on its own conditions (the worklist's count). */
  async count(query: InstalmentFilter, actor: Actor): Promise<number> {
    return countOf(this.filtered(query, actor));
  }

  private filtered(query: InstalmentFilter, actor: Actor): SelectQueryBuilder<Instalment> {
    const builder = this.dataSource.getRepository(Instalment).createQueryBuilder('instalment');
    if (actor.role === 'project_lead') builder.andWhere(':actorKommune = ANY(instalment.participant_codes)', { actorKommune: actor.municipalityCode ?? '' });
    if (query.status) builder.andWhere('instalment.status = :status', { status: query.status });
    if (query.programmeId) builder.andWhere('instalment.programme_id = :programmeId', { programmeId: query.programmeId });
    if (query.municipalityCode) builder.andWhere(':code = ANY(instalment.participant_codes)', { code: query.municipalityCode });
    if (query.assigneeId) {
      builder.andWhere(
        `instalment.application_id IN (SELECT a.id FROM application a WHERE ${query.assigneeId === 'none' ? 'a.assignee_id IS NULL' : 'a.assignee_id = :assignee'})`,
        { assignee: query.assigneeId === 'me' ? actor.id : query.assigneeId },
      );
    }
    return builder;
  }

  /** The answers for some instalments, with their case and approvers named and the caller's right to approve each: one query. */
  async respond(instalments: Instalment[], actor: Actor, manager: EntityManager = this.dataSource.manager): Promise<InstalmentResponse[]> {
    const { labels, people } = await this.people.labels(
      instalments.map((instalment) => instalment.applicationId),
      instalments.map((instalment) => instalment.approvedBy),
      manager,
    );
    return instalments.map((instalment) => {
      const refusal = approvalRefusal(instalment, actor);
      return Response.from(instalment, CaseNames.of(labels.get(instalment.applicationId)), people, {
        mayApprove: refusal === null,
        reason: approvalRefusalReason(refusal, instalment.trigger),
      });
    });
  }

  /**
   * A caseworker approves a ready instalment for payment; not the one who made its trigger happen (403).
   * Its reminder that it waits for approval is cancelled with it.
   */
  async approve(id: string, actor: AuthUser): Promise<Instalment> {
    const { instalment, cancelled } = await this.audit.transaction(async (manager) => {
      const instalment = await this.lock(manager, id, true);
      const refusal = approvalRefusal(instalment, actor);
      // Not ready: the life cycle refuses it (409), saying the instalment's state.
      if (refusal === 'not-ready') nextInstalmentStatus(instalment.status, 'approve');
      if (refusal === 'four-eyes') throw InstalmentException.fourEyes(instalment.trigger);
      const before = { status: instalment.status };
      instalment.status = nextInstalmentStatus(instalment.status, 'approve');
      instalment.approvedBy = actor.id;
      instalment.approvedAt = this.clock.now();
      const saved = await manager.save(instalment);
      const cancelled = await this.reminders.cancel(manager, [id]);
      return audited(
        { instalment: saved, cancelled },
        { action: 'instalment.approved', entityType: 'instalment', entityId: id, before, after: auditView(saved) },
      );
    });
    await this.reminders.unschedule(cancelled);
    return instalment;
  }

  /**
   * Records that the finance system has paid an approved instalment: once. The row is locked first, so
   * of two recordings at the same time the second waits, finds it paid and is refused (409).
   */
  recordPayment(id: string, body: RecordPaymentBody, actor: AuthUser): Promise<Instalment> {
    return this.audit.transaction(async (manager) => {
      const instalment = await this.lock(manager, id, true);
      if (instalment.status === 'paid') throw InstalmentException.alreadyPaid(instalment.paidOn!, instalment.paymentReference!);
      const before = { status: instalment.status };
      instalment.status = nextInstalmentStatus(instalment.status, 'pay');
      const now = this.clock.now();
      const today = copenhagenDate(now);
      if (body.paidOn > today) throw InstalmentException.paidInFuture(today);
      instalment.paidOn = body.paidOn;
      instalment.paymentReference = body.reference.trim();
      instalment.paidBy = actor.id;
      instalment.paidAt = now;
      const saved = await manager.save(instalment);
      return audited(saved, {
        action: 'instalment.paid',
        entityType: 'instalment',
        entityId: id,
        before,
        after: { ...auditView(saved), paidOn: saved.paidOn, reference: saved.paymentReference },
      });
    });
  }

  /**
   * The instalment, locked for the rest of the transaction (staff only reach the writes); else 404.
   * With `award`, its award first, shared (a closed award's instalments never change: 409), in the
   * order the final accounts' approval and the close-out take them (award, then instalments).
   */
  private async lock(manager: EntityManager, id: string, award = false): Promise<Instalment> {
    if (award) {
      const [row]: Array<{ award_id: string }> = await manager.query('SELECT award_id FROM instalment WHERE id = $1', [id]);
      if (!row) throw new NotFoundDomainException('Raten', id);
      const [owner]: Array<{ status: string }> = await manager.query('SELECT status FROM award WHERE id = $1 FOR SHARE', [row.award_id]);
      if (owner?.status === 'closed') throw FinalAccountsException.awardClosed();
    }
    const instalment = await manager.findOne(Instalment, { where: { id }, lock: { mode: 'for_no_key_update' } });
    if (!instalment) throw new NotFoundDomainException('Raten', id);
    return instalment;
  }
}
