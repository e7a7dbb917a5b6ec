import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CasePeople } from '../applications/case-people.js';
import type { AuditRecord } from '../audit/audit-trail.port.js';
import { audited, AuditService } from '../audit/audit.service.js';
import type { Award } from '../awards/award.entity.js';
import { nextAwardStatus } from '../awards/award.lifecycle.js';
import { AwardsService } from '../awards/awards.service.js';
import type { AuthUser } from '../core/access/auth-user.js';
import type { Actor } from '../core/context/request-context.js';
import { NotFoundDomainException } from '../core/errors/domain.exception.js';
import { formatKroner } from '../core/format/danish.js';
import { oreFromApi, type Ore } from '../core/money/money.js';
import { countOf, keysetPage, type Page } from '../core/pagination/page.js';
import { addDays } from '../core/time/calendar-date.js';
import { Clock } from '../core/time/clock.js';
import { copenhagenDate, fromCopenhagenWallClock } from '../core/time/copenhagen.js';
import { DanishCalendar } from '../core/time/danish-calendar.js';
import { CaseMessages, type QueuedMail } from '../reminders/case-messages.js';
import { SEND_HOUR } from '../reminders/reminder-planner.js';
import { caseLink, reportName } from '../reminders/reminder-messages.js';
import type { ApprovedReport } from '../reports/approved-reports.port.js';
import { ReminderJobs } from '../reminders/reminder-jobs.js';
import { awardCase } from '../awards/award-case.js';
import { BudgetRelease } from './budget-release.entity.js';
import type {
  FileFinalAccountsBody,
  FinalAccountQuery,
  RepaymentQuery,
  ReviewFinalAccountsBody,
  SettleRepaymentBody,
  WaiveRepaymentBody,
} from './dto/final-accounts.dto.js';
import { FinalAccount } from './final-account.entity.js';
import { finalAccountsReviewMessage, repaymentOpenedMessage } from './final-accounts-messages.js';
import { FinalAccountsException } from './final-accounts.exception.js';
import { budgetLinesDifference, needsAuditorStatement, type Settlement, settleFinalAccounts } from './final-accounts.rules.js';
import { Instalment } from './instalment.entity.js';
import { InstalmentsService } from './instalments.service.js';
import { Repayment, type RepaymentCause } from './repayment.entity.js';

/** The worklist's filters of the final-accounts and repayment queues, as its counts give them too. */
export type FinalAccountFilter = Pick<FinalAccountQuery, 'status' | 'programmeId' | 'municipalityCode' | 'assigneeId'>;
export type RepaymentFilter = Pick<RepaymentQuery, 'status' | 'programmeId' | 'municipalityCode' | 'assigneeId'>;

/**
 * A case queue's shared filters on a table of the case's rows (`programme_id`, `participant_codes`,
 * `application_id`), as the instalments' queue applies them: the programme, a kommune taking part, the
 * case's assigned caseworker (`me`, `none` or an id). A project lead sees their kommune's rows only.
 */
function caseQueue<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  alias: string,
  query: Pick<FinalAccountQuery, 'programmeId' | 'municipalityCode' | 'assigneeId'>,
  actor: Actor,
): SelectQueryBuilder<T> {
  if (actor.role === 'project_lead') builder.andWhere(`:actorKommune = ANY(${alias}.participant_codes)`, { actorKommune: actor.municipalityCode ?? '' });
  if (query.programmeId) builder.andWhere(`${alias}.programme_id = :programmeId`, { programmeId: query.programmeId });
  if (query.municipalityCode) builder.andWhere(`:code = ANY(${alias}.participant_codes)`, { code: query.municipalityCode });
  if (query.assigneeId) {
    builder.andWhere(
      `${alias}.application_id IN (SELECT a.id FROM application a WHERE ${query.assigneeId === 'none' ? 'a.assignee_id IS NULL' : 'a.assignee_id = :assignee'})`,
      { assignee: query.assigneeId === 'me' ? actor.id : query.assigneeId },
    );
  }
  return builder;
}

/** A repayment claim is due this many days after the final accounts' approval. */
export const REPAYMENT_DUE_DAYS = 30;
/**
 * Final accounts are due this many days after the final report's approval, and again this many days
 * after a filing is returned (the kommune gets the same time to mend them as to file them); a reminder
 * goes to the kommune's contacts then, unless accounts are filed by that day.
 */
export const FINAL_ACCOUNTS_DUE_DAYS = 30;

/** 08:00 Copenhagen time on a day: when deadline reminders go out. */
function at8(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return fromCopenhagenWallClock(year, month, date, SEND_HOUR, 0);
}

const accountView = (account: FinalAccount) => ({
  filingNo: account.filingNo,
  spentOre: account.spentOre,
  budgetLines: account.budgetLines,
  auditorStatementDocumentId: account.auditorStatementDocumentId,
  comment: account.comment,
  status: account.status,
});

export interface Review {
  account: FinalAccount;
  settlement: (Settlement & { repayment: Repayment | null }) | null;
}

/**
 * Final accounts (slutregnskab), repayment claims (tilbagebetaling) and close-out: the end of the
 * money's path. The kommune files the accounts; a caseworker approves or returns them; approval pays
 * only the spending (the instalments beyond it are reduced or cancelled), claims back what was paid
 * beyond it and releases the rest of the commitment to the programme's budget, all in one transaction
 * (rules: final-accounts.rules.ts). An award closes when nothing of it is open, and then never changes.
 */
@Injectable()
export class FinalAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AwardsService) private readonly awards: AwardsService,
    @Inject(InstalmentsService) private readonly instalments: InstalmentsService,
    @Inject(CasePeople) private readonly people: CasePeople,
    @Inject(CaseMessages) private readonly messages: CaseMessages,
    @Inject(ReminderJobs) private readonly reminderJobs: ReminderJobs,
    @Inject(DanishCalendar) private readonly calendar: DanishCalendar,
  ) {}

  today(): string {
    return copenhagenDate(this.clock.now());
  }

  /**
   * The lead kommune's project lead files the award's final accounts (again, after a return): the award
   * active or completed (the accounts may come with or after the final report), no filing waiting for
   * review and none approved; the lines' spending sums to the total, which is at most the award; an
   * auditor's statement on the award when its amount is at or above the programme's threshold.
   */
  async file(awardId: string, body: FileFinalAccountsBody, actor: AuthUser): Promise<FinalAccount> {
    const { account, cancelled } = await this.audit.transaction(async (manager) => {
      const award = await this.awards.findVisible(manager, awardId, actor, true);
      if (actor.municipalityCode !== award.municipalityCode) throw FinalAccountsException.notOwner();
      if (award.status === 'closed') throw FinalAccountsException.awardClosed();
      if (award.status !== 'active' && award.status !== 'completed') throw FinalAccountsException.awardNotOpen(award.status);
      const filings = await manager.find(FinalAccount, { where: { awardId }, order: { filingNo: 'ASC' } });
      if (filings.some((filing) => filing.status === 'approved')) throw FinalAccountsException.alreadyApproved();
      const pending = filings.find((filing) => filing.status === 'submitted');
      if (pending) throw FinalAccountsException.pending(pending.filingNo);

      const spentOre = oreFromApi(body.spentOre);
      if (spentOre > award.amountOre) throw FinalAccountsException.spentAboveAward(award.amountOre);
      const lines = body.budgetLines.map((line) => ({ label: line.label.trim(), budgetOre: oreFromApi(line.budgetOre), spentOre: oreFromApi(line.spentOre) }));
      if (budgetLinesDifference(spentOre, lines) !== 0n)
        throw FinalAccountsException.linesMismatch(spentOre, spentOre + budgetLinesDifference(spentOre, lines));
      const [programme]: Array<{ threshold: string }> = await manager.query(
        'SELECT auditor_statement_threshold_ore AS threshold FROM programme WHERE id = $1',
        [award.programmeId],
      );
      const threshold = BigInt(programme.threshold);
      if (body.auditorStatementDocumentId) {
        const found = await manager.query(
          `SELECT 1 FROM document WHERE id = $1 AND subject_type = 'award' AND subject_id = $2 AND kind = 'auditor_statement' AND deleted_at IS NULL`,
          [body.auditorStatementDocumentId, awardId],
        );
        if (found.length === 0) throw FinalAccountsException.notAnAuditorStatement();
      } else if (needsAuditorStatement(award.amountOre, threshold)) {
        throw FinalAccountsException.auditorStatementRequired(award.amountOre, threshold);
      }

      const account = manager.create(FinalAccount, {
        awardId,
        applicationId: award.applicationId,
        programmeId: award.programmeId,
        municipalityCode: award.municipalityCode,
        participantCodes: award.participantCodes,
        caseNumber: award.caseNumber,
        filingNo: filings.length + 1,
        spentOre,
        budgetLines: lines.map((line) => ({ label: line.label, budgetOre: line.budgetOre.toString(), spentOre: line.spentOre.toString() })),
        auditorStatementDocumentId: body.auditorStatementDocumentId ?? null,
        comment: body.comment?.trim() || null,
        status: 'submitted',
        filedBy: actor.id,
        filedAt: this.clock.now(),
        reviewedBy: null,
        reviewedAt: null,
        reviewComment: null,
      });
      const saved = await manager.save(account);
      // Filed: the reminder that they are due is no longer needed.
      const cancelled = await this.messages.cancelPlanned(manager, 'award', awardId, 'final_accounts_due');
      return audited(
        { account: saved, cancelled },
        { action: 'final_accounts.filed', entityType: 'final_account', entityId: saved.id, after: { awardId, ...accountView(saved) } },
      );
    });
    await this.reminderJobs.unschedule(cancelled).catch(() => undefined);
    return account;
  }

  /** The award's filings, the first first (another kommune: 404). */
  async forAward(awardId: string, actor: Actor): Promise<FinalAccount[]> {
    await this.awards.findVisible(this.dataSource.manager, awardId, actor);
    return this.dataSource.manager.find(FinalAccount, { where: { awardId }, order: { filingNo: 'ASC' } });
  }

  /**
   * A caseworker approves or returns a filing. Approval, in one transaction with the award locked: the
   * spending is fixed; the unpaid instalments keep only what is still due and the held-back ones become
   * ready; what was paid beyond the spending becomes a repayment claim (waived at once below the
   * programme's waiver); the commitment beyond max(spent, paid) is released to the budget. The
   * kommune's contacts are told either way.
   */
  async review(id: string, body: ReviewFinalAccountsBody, actor: AuthUser): Promise<Review> {
    const { review, mails } = await this.audit.transaction(async (manager) => {
      // The award first, then the filing and the instalments: the order the instalment writes take too.
      const [row]: Array<{ award_id: string }> = await manager.query('SELECT award_id FROM final_account WHERE id = $1', [id]);
      if (!row) throw new NotFoundDomainException('Slutregnskabet', id);
      const award = await this.awards.findVisible(manager, row.award_id, actor, true);
      if (award.status === 'closed') throw FinalAccountsException.awardClosed();
      const account = await manager.findOneOrFail(FinalAccount, { where: { id }, lock: { mode: 'for_no_key_update' } });
      if (account.status !== 'submitted') throw FinalAccountsException.notSubmitted(account.status);
      const now = this.clock.now();
      const comment = body.comment.trim();
      account.status = body.outcome === 'approve' ? 'approved' : 'returned';
      account.reviewedBy = actor.id;
      account.reviewedAt = now;
      account.reviewComment = comment;
      const saved = await manager.save(account);
      const events: AuditRecord[] = [
        {
          action: body.outcome === 'approve' ? 'final_accounts.approved' : 'final_accounts.returned',
          entityType: 'final_account',
          entityId: id,
          before: { status: 'submitted' },
          after: { status: saved.status, filingNo: saved.filingNo, spentOre: saved.spentOre, comment },
        },
      ];
      const label = (await this.people.labels([award.applicationId], [], manager)).labels.get(award.applicationId)!;
      const news = { caseNumber: award.caseNumber, projectTitle: label.projectTitle, municipalityName: label.municipalityName };
      const recipientIds = await this.people.recipients(manager, award.applicationId);
      const mails: QueuedMail[] = [];

      let settlement: Review['settlement'] = null;
      if (body.outcome === 'return') {
        // Returned after the final report's approval: the mended accounts are due anew (before it, that
        // approval plans the reminder, as no filing is waiting then).
        const [final]: Array<{ status: string }> = await manager.query(`SELECT status FROM progress_report WHERE award_id = $1 AND kind = 'final'`, [award.id]);
        if (final?.status === 'approved') await this.planFinalAccountsDue(manager, award.id, award.applicationId, now, recipientIds);
      }
      if (body.outcome === 'approve') {
        settlement = await this.settle(manager, award, saved, actor, now, events);
        if (settlement.repayment?.status === 'open') {
          mails.push(
            ...(await this.messages.send(
              manager,
              {
                kind: 'repayment_opened',
                recipientIds,
                subjectType: 'repayment',
                subjectId: settlement.repayment.id,
                caseId: award.applicationId,
                awardId: award.id,
                ...repaymentOpenedMessage({ ...news, amountOre: settlement.repayment.amountOre, dueDate: settlement.repayment.dueDate }),
                link: caseLink(award.applicationId),
              },
              now,
            )),
          );
        }
      }
      mails.push(
        ...(await this.messages.send(
          manager,
          {
            kind: body.outcome === 'approve' ? 'final_accounts_approved' : 'final_accounts_returned',
            recipientIds,
            subjectType: 'final_account',
            subjectId: id,
            caseId: award.applicationId,
            awardId: award.id,
            ...finalAccountsReviewMessage({
              ...news,
              outcome: body.outcome,
              filingNo: saved.filingNo,
              spentOre: saved.spentOre,
              comment,
              reviewer: actor.name,
            }),
            link: caseLink(award.applicationId),
          },
          now,
        )),
      );
      events[0].after = { ...(events[0].after as object), notified: recipientIds };
      return audited({ review: { account: saved, settlement }, mails }, ...events);
    });
    await this.reminderJobs.scheduleQuietly(mails);
    return review;
  }

  /** What the approval settles (final-accounts.rules.ts), written and audited. */
  private async settle(
    manager: EntityManager,
    award: Award,
    account: FinalAccount,
    actor: AuthUser,
    now: Date,
    events: AuditRecord[],
  ): Promise<Settlement & { repayment: Repayment | null }> {
    const instalments = await manager.find(Instalment, { where: { awardId: award.id }, order: { sequence: 'ASC' }, lock: { mode: 'for_no_key_update' } });
    // An instalment approved and not yet recorded as paid may be on its way from the finance system: the
    // settlement waits for it rather than cut or cancel money that may have left.
    if (instalments.length === 0) throw FinalAccountsException.noInstalments();
    const awaiting = instalments.filter((instalment) => instalment.status === 'approved');
    if (awaiting.length > 0) throw FinalAccountsException.instalmentsAwaitingPayment(awaiting.map((instalment) => instalment.sequence));
    const paidOre = instalments.filter((instalment) => instalment.status === 'paid').reduce((total, instalment) => total + instalment.amountOre, 0n);
    const unpaid = instalments.filter((instalment) => ['planned', 'ready'].includes(instalment.status));
    const [programme]: Array<{ waiver: string }> = await manager.query('SELECT repayment_waiver_ore AS waiver FROM programme WHERE id = $1', [
      award.programmeId,
    ]);
    const settlement = settleFinalAccounts({ awardOre: award.amountOre, spentOre: account.spentOre, paidOre, unpaid, waiverOre: BigInt(programme.waiver) });

    events.push(...(await this.instalments.applySettlement(manager, award.id, settlement, now)));
    // The held-back instalment, if any of it is still due, becomes ready: its trigger is this approval.
    events.push(...(await this.instalments.finalAccountsApproved(manager, award.id, actor.id, now)));

    if (settlement.releaseOre > 0n) events.push(await this.release(manager, award, settlement.releaseOre, 'final_accounts', account.id, actor.id));

    const repayment =
      settlement.repaymentOre > 0n
        ? await this.openRepayment(
            manager,
            award,
            {
              cause: 'final_accounts',
              finalAccountId: account.id,
              amountOre: settlement.repaymentOre,
              waived: settlement.waived,
              waiverOre: BigInt(programme.waiver),
            },
            { paidOre, spentOre: account.spentOre },
            now,
            events,
          )
        : null;
    return { ...settlement, repayment };
  }

  /**
   * Opens a repayment claim on the award (final accounts that spent less than was paid, or a cancelled
   * award), due REPAYMENT_DUE_DAYS from now: waived at once when it is below the programme's waiver
   * (`waived`, the caller's rule), else the caseworker is reminded when it is overdue. Its audit events
   * go on `events`, the opening's with `opened` besides the claim.
   */
  async openRepayment(
    manager: EntityManager,
    award: Award,
    claim: { cause: RepaymentCause; finalAccountId: string | null; amountOre: Ore; waived: boolean; waiverOre: Ore },
    opened: Record<string, unknown>,
    now: Date,
    events: AuditRecord[],
  ): Promise<Repayment> {
    const { waived } = claim;
    const repayment = await manager.save(
      manager.create(Repayment, {
        ...awardCase(award),
        finalAccountId: claim.finalAccountId,
        cause: claim.cause,
        amountOre: claim.amountOre,
        dueDate: addDays(copenhagenDate(now), REPAYMENT_DUE_DAYS),
        status: waived ? 'waived' : 'open',
        waivedAutomatically: waived,
        waiveReason: waived ? `Under puljens bagatelgrænse på ${formatKroner(claim.waiverOre)}` : null,
        waivedAt: waived ? now : null,
        waivedBy: null,
      }),
    );
    events.push({
      action: 'repayment.opened',
      entityType: 'repayment',
      entityId: repayment.id,
      after: { awardId: award.id, amountOre: repayment.amountOre, dueDate: repayment.dueDate, ...opened },
    });
    if (waived) {
      events.push({
        action: 'repayment.waived',
        entityType: 'repayment',
        entityId: repayment.id,
        before: { status: 'open' },
        after: { status: 'waived', automatic: true, reason: repayment.waiveReason, amountOre: repayment.amountOre },
      });
    } else {
      await this.planOverdueReminder(manager, repayment);
    }
    return repayment;
  }

  async release(
    manager: EntityManager,
    award: Pick<Award, 'id' | 'programmeId'>,
    amountOre: Ore,
    reason: BudgetRelease['reason'],
    finalAccountId: string | null,
    by: string,
  ): Promise<AuditRecord> {
    const release = await manager.save(
      manager.create(BudgetRelease, { awardId: award.id, programmeId: award.programmeId, amountOre, reason, finalAccountId, createdBy: by }),
    );
    return {
      action: 'award.released',
      entityType: 'award',
      entityId: award.id,
      after: { releaseId: release.id, amountOre, reason, programmeId: award.programmeId },
    };
  }

  /** A reminder to the case's caseworker (every caseworker when none is assigned), the working day after the claim's due date. */
  private async planOverdueReminder(manager: EntityManager, repayment: Repayment): Promise<void> {
    const [assigned]: Array<{ assignee_id: string | null }> = await manager.query(
      `SELECT a.assignee_id FROM application a JOIN app_user u ON u.id = a.assignee_id AND u.active WHERE a.id = $1`,
      [repayment.applicationId],
    );
    const recipients = assigned?.assignee_id
      ? [assigned.assignee_id]
      : ((await manager.query(`SELECT id FROM app_user WHERE role = 'caseworker' AND active ORDER BY id`)) as Array<{ id: string }>).map((row) => row.id);
    await this.messages.plan(manager, {
      kind: 'repayment_overdue',
      recipientIds: recipients,
      subjectType: 'repayment',
      subjectId: repayment.id,
      awardId: repayment.awardId,
      dueDate: repayment.dueDate,
      sendAt: at8(this.calendar.onOrAfter(addDays(repayment.dueDate, 1))),
    });
  }

  /**
   * The final report approved (through the reports context's port, in the review's transaction): unless
   * final accounts are already filed, the kommune's contacts are reminded FINAL_ACCOUNTS_DUE_DAYS later.
   */
  async finalReportApproved(manager: EntityManager, report: ApprovedReport): Promise<AuditRecord[]> {
    if (report.kind !== 'final') return [];
    const filed = await manager.query(`SELECT 1 FROM final_account WHERE award_id = $1 AND status IN ('submitted', 'approved')`, [report.awardId]);
    if (filed.length > 0) return [];
    const [award]: Array<{ application_id: string }> = await manager.query('SELECT application_id FROM award WHERE id = $1', [report.awardId]);
    await this.planFinalAccountsDue(manager, report.awardId, award.application_id, report.approvedAt);
    return [];
  }

  /**
   * The final accounts are due FINAL_ACCOUNTS_DUE_DAYS after `from` (the final report's approval, or a
   * return): a reminder to the kommune's contacts at 08:00 on that day, or the working day after. Filing
   * cancels it.
   */
  private async planFinalAccountsDue(manager: EntityManager, awardId: string, applicationId: string, from: Date, recipientIds?: string[]): Promise<void> {
    const due = addDays(copenhagenDate(from), FINAL_ACCOUNTS_DUE_DAYS);
    await this.messages.plan(manager, {
      kind: 'final_accounts_due',
      recipientIds: recipientIds ?? (await this.people.recipients(manager, applicationId)),
      subjectType: 'award',
      subjectId: awardId,
      awardId,
      dueDate: due,
      sendAt: at8(this.calendar.onOrAfter(due)),
    });
  }

  // Repayment claims

  /** The award's claims, the first first (another kommune: 404). */
  async repaymentsOfAward(awardId: string, actor: Actor): Promise<Repayment[]> {
    await this.awards.findVisible(this.dataSource.manager, awardId, actor);
    return this.dataSource.manager.find(Repayment, { where: { awardId }, order: { createdAt: 'ASC' } });
  }

  /** The repayment claims, by due date; `status=open` and `status=overdue` are the worklist's queue. */
  list(query: RepaymentQuery, actor: Actor): Promise<Page<Repayment>> {
    return keysetPage(this.repayments(query, actor), 'repayments', query, 'ASC', [
      { column: 'repayment.due_date', key: (row) => row.dueDate },
      { column: 'repayment.id', key: (row) => row.id },
    ]);
  }

  /** How many the repayments list shows for these filters, on its own conditions (the worklist's count). */
  async countRepayments(query: RepaymentFilter, actor: Actor): Promise<number> {
    return countOf(this.repayments(query, actor));
  }

  private repayments(query: RepaymentFilter, actor: Actor): SelectQueryBuilder<Repayment> {
    const builder = this.dataSource.getRepository(Repayment).createQueryBuilder('repayment');
    if (query.status === 'overdue') builder.andWhere(`repayment.status = 'open' AND repayment.due_date < :today`, { today: this.today() });
    else if (query.status) builder.andWhere('repayment.status = :status', { status: query.status });
    return caseQueue(builder, 'repayment', query, actor);
  }

  /** The filings of every award; `status=submitted` is the review queue, the longest waiting first. */
  listFinalAccounts(query: FinalAccountQuery, actor: Actor): Promise<Page<FinalAccount>> {
    return keysetPage(this.finalAccounts(query, actor), 'final-accounts', query, 'ASC', [
      { column: 'account.filed_at', key: (row) => row.filedAt.toISOString() },
      { column: 'account.id', key: (row) => row.id },
    ]);
  }

  /** How many the final-accounts list shows for these filters (the worklist's count). */
  async countFinalAccounts(query: FinalAccountFilter, actor: Actor): Promise<number> {
    return countOf(this.finalAccounts(query, actor));
  }

  private finalAccounts(query: FinalAccountFilter, actor: Actor): SelectQueryBuilder<FinalAccount> {
    const builder = this.dataSource.getRepository(FinalAccount).createQueryBuilder('account');
    if (query.status) builder.andWhere('account.status = :status', { status: query.status });
    return caseQueue(builder, 'account', query, actor);
  }

  /** Records that an open claim has been paid back: once (the row locked: of two at a time, the second is 409). The amount goes back to the budget. */
  async settleRepayment(id: string, body: SettleRepaymentBody, actor: AuthUser): Promise<Repayment> {
    const { repayment, cancelled } = await this.audit.transaction(async (manager) => {
      const repayment = await this.lockOpen(manager, id);
      const today = this.today();
      if (body.settledOn > today) throw FinalAccountsException.settledInFuture(today);
      const now = this.clock.now();
      Object.assign(repayment, {
        status: 'settled',
        settledOn: body.settledOn,
        settlementReference: body.reference.trim(),
        settledBy: actor.id,
        settledAt: now,
      });
      const saved = await manager.save(repayment);
      const released = await this.release(
        manager,
        { id: saved.awardId, programmeId: saved.programmeId },
        saved.amountOre,
        'repayment_settled',
        saved.finalAccountId,
        actor.id,
      );
      const cancelled = await this.messages.cancelPlanned(manager, 'repayment', id);
      return audited(
        { repayment: saved, cancelled },
        {
          action: 'repayment.settled',
          entityType: 'repayment',
          entityId: id,
          before: { status: 'open' },
          after: { status: 'settled', amountOre: saved.amountOre, settledOn: saved.settledOn, reference: saved.settlementReference },
        },
        released,
      );
    });
    await this.reminderJobs.unschedule(cancelled).catch(() => undefined);
    return repayment;
  }

  /** Waives an open claim, with the reason: once. Nothing comes back, so nothing is released. */
  async waiveRepayment(id: string, body: WaiveRepaymentBody, actor: AuthUser): Promise<Repayment> {
    const { repayment, cancelled } = await this.audit.transaction(async (manager) => {
      const repayment = await this.lockOpen(manager, id);
      Object.assign(repayment, { status: 'waived', waiveReason: body.reason.trim(), waivedBy: actor.id, waivedAt: this.clock.now() });
      const saved = await manager.save(repayment);
      const cancelled = await this.messages.cancelPlanned(manager, 'repayment', id);
      return audited(
        { repayment: saved, cancelled },
        {
          action: 'repayment.waived',
          entityType: 'repayment',
          entityId: id,
          before: { status: 'open' },
          after: { status: 'waived', automatic: false, reason: saved.waiveReason, amountOre: saved.amountOre },
        },
      );
    });
    await this.reminderJobs.unschedule(cancelled).catch(() => undefined);
    return repayment;
  }

  private async lockOpen(manager: EntityManager, id: string): Promise<Repayment> {
    const repayment = await manager.findOne(Repayment, { where: { id }, lock: { mode: 'for_no_key_update' } });
    if (!repayment) throw new NotFoundDomainException('Tilbagebetalingskravet', id);
    if (repayment.status === 'settled') throw FinalAccountsException.repaymentClosed('settled', repayment.settledOn!);
    if (repayment.status === 'waived') throw FinalAccountsException.repaymentClosed('waived', copenhagenDate(repayment.waivedAt!));
    return repayment;
  }

  // Close-out

  /** What still keeps the award open, in Danish, and whether it can be closed now (another kommune: 404). */
  async closeout(awardId: string, actor: Actor): Promise<{ award: Award; closable: boolean; open: Array<{ what: string; id: string }> }> {
    const award = await this.awards.findVisible(this.dataSource.manager, awardId, actor);
    const open = award.status === 'closed' ? [] : await this.openItems(this.dataSource.manager, award);
    return { award, closable: award.status === 'completed' && open.length === 0, open };
  }

  /** A caseworker closes a completed award with nothing open (409 listing what is); nothing of it changes afterwards. */
  async close(awardId: string, actor: AuthUser): Promise<Award> {
    return this.audit.transaction(async (manager) => {
      const award = await this.awards.findVisible(manager, awardId, actor, true);
      if (award.status === 'closed') nextAwardStatus(award.status, 'close');
      const open = await this.openItems(manager, award);
      if (open.length > 0) throw FinalAccountsException.notClosable(open);
      const before = { status: award.status };
      award.status = nextAwardStatus(award.status, 'close');
      award.closedAt = this.clock.now();
      const saved = await manager.save(award);
      return audited(saved, {
        action: 'award.closed',
        entityType: 'award',
        entityId: awardId,
        before,
        after: { status: saved.status, closedAt: saved.closedAt!.toISOString() },
      });
    });
  }

  private async openItems(manager: EntityManager, award: Award): Promise<Array<{ what: string; id: string }>> {
    const open: Array<{ what: string; id: string }> = [];
    if (award.status === 'cancelled') {
      // A cancelled award has no reports or final accounts due and its unpaid instalments are cancelled:
      // only its repayment claim is left to follow up. It stays cancelled; it is not closed.
      return this.openClaims(manager, award, open);
    }
    const reports: Array<{ id: string; kind: 'status' | 'final'; sequence: number; status: string }> = await manager.query(
      `SELECT id, kind, sequence, status FROM progress_report WHERE award_id = $1 AND status <> 'approved' ORDER BY due_date, kind DESC, sequence`,
      [award.id],
    );
    for (const report of reports) open.push({ what: `${reportName(report.kind, report.sequence)} er ikke godkendt`, id: report.id });
    const filings = await manager.find(FinalAccount, { where: { awardId: award.id }, order: { filingNo: 'DESC' } });
    if (!filings.some((filing) => filing.status === 'approved')) {
      const latest = filings[0];
      open.push(
        latest
          ? {
              what: latest.status === 'submitted' ? 'Slutregnskabet venter på godkendelse' : 'Slutregnskabet er sendt retur og ikke indsendt igen',
              id: latest.id,
            }
          : { what: 'Slutregnskabet er ikke indsendt', id: award.id },
      );
    }
    const instalments = await manager.find(Instalment, { where: { awardId: award.id }, order: { sequence: 'ASC' } });
    for (const instalment of instalments.filter((row) => row.status !== 'paid' && row.status !== 'cancelled')) {
      open.push({ what: `Rate ${instalment.sequence} på ${formatKroner(instalment.amountOre)} er hverken udbetalt eller annulleret`, id: instalment.id });
    }
    return this.openClaims(manager, award, open);
  }

  private async openClaims(manager: EntityManager, award: Award, open: Array<{ what: string; id: string }>): Promise<Array<{ what: string; id: string }>> {
    const claims = await manager.find(Repayment, { where: { awardId: award.id, status: 'open' }, order: { createdAt: 'ASC' } });
    for (const claim of claims)
      open.push({ what: `Tilbagebetalingskravet på ${formatKroner(claim.amountOre)} er hverken indbetalt eller eftergivet`, id: claim.id });
    return open;
  }
}
