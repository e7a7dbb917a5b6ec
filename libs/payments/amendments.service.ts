import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CasePeople } from '../applications/case-people.js';
import type { AuditRecord } from '../audit/audit-trail.port.js';
import { audited, AuditService } from '../audit/audit.service.js';
import type { AwardAmendment } from '../awards/award-amendment.entity.js';
import type { Award } from '../awards/award.entity.js';
import { nextAwardStatus } from '../awards/award.lifecycle.js';
import { AwardsService } from '../awards/awards.service.js';
import type { AuthUser } from '../core/access/auth-user.js';
import type { Actor } from '../core/context/request-context.js';
import { formatDate, formatKroner } from '../core/format/danish.js';
import { oreFromApi, type Ore } from '../core/money/money.js';
import { Clock } from '../core/time/clock.js';
import { fitsBudget } from '../programmes/ledger.js';
import { ProgrammeException } from '../programmes/programme.exception.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { CaseMessages, type QueuedMail } from '../reminders/case-messages.js';
import { ReminderJobs } from '../reminders/reminder-jobs.js';
import { caseLink } from '../reminders/reminder-messages.js';
import { ReportsService } from '../reports/reports.service.js';
import { amendmentMessage, type AmendmentNews, cancellationMessage } from './amendment-messages.js';
import { AmendmentException } from './amendment.exception.js';
import type { AmendmentBody, AwardRationaleBody } from './dto/amendment.dto.js';
import { FinalAccountsService } from './final-accounts.service.js';
import { resizeInstalments } from './instalment-resize.js';
import { Instalment } from './instalment.entity.js';
import { InstalmentReminders } from './instalment-reminders.js';
import { nextInstalmentStatus } from './instalment.lifecycle.js';
import { Repayment } from './repayment.entity.js';

/** The field each kind of amendment takes, and only it. */
const FIELDS = { amount: 'amountOre', period: 'endDate', contact: 'contactUserId' } as const;

export interface Amended {
  award: Award;
  amendment: AwardAmendment;
}

export interface Cancellation extends Amended {
  paidOre: Ore;
  releasedOre: Ore;
  cancelledInstalmentIds: string[];
  repayment: Repayment | null;
}

/**
 * What is decided on an award after its decision, each change a numbered version of the award with its
 * rationale (AwardsService.recordVersion) and the kommune told: its amount (within the budget, under the
 * decisions' lock; never below what is paid or approved for payment; the unpaid instalments follow to
 * the øre), its period (the report schedule and the reminders follow; not counted against the COVID-19
 * maximum), its contact person; its cancellation (bortfald: unpaid instalments cancelled, what was paid
 * claimed back, the rest of the commitment released); and the reopening of a closed award.
 */
@Injectable()
export class AmendmentsService {
  constructor(
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AwardsService) private readonly awards: AwardsService,
    @Inject(ProgrammesService) private readonly programmes: ProgrammesService,
    @Inject(ReportsService) private readonly reports: ReportsService,
    @Inject(CasePeople) private readonly people: CasePeople,
    @Inject(CaseMessages) private readonly messages: CaseMessages,
    @Inject(ReminderJobs) private readonly reminderJobs: ReminderJobs,
    @Inject(FinalAccountsService) private readonly accounts: FinalAccountsService,
    @Inject(InstalmentReminders) private readonly instalmentReminders: InstalmentReminders,
  ) {}

  /** The award's versions, the first first, with who decided each named (another kommune: 404). */
  async list(awardId: string, actor: Actor): Promise<{ amendments: AwardAmendment[]; people: Map<string, string> }> {
    const amendments = await this.awards.versions(awardId, actor);
    const { people } = await this.people.labels(
      [],
      amendments.map((amendment) => amendment.decidedBy),
    );
    return { amendments, people };
  }

  /** Names of the people of some versions, for their answers. */
  async names(amendments: AwardAmendment[]): Promise<Map<string, string>> {
    return (
      await this.people.labels(
        [],
        amendments.map((amendment) => amendment.decidedBy),
      )
    ).people;
  }

  /** A caseworker amends an active award's amount, period or contact person, with a rationale. */
  async amend(awardId: string, body: AmendmentBody, actor: AuthUser): Promise<Amended> {
    const rationale = required(body.rationale);
    for (const [kind, field] of Object.entries(FIELDS)) {
      const given = body[field] !== undefined && body[field] !== null;
      if (kind === body.kind && !given) throw AmendmentException.fieldFor(body.kind, field, true);
      if (kind !== body.kind && given) throw AmendmentException.fieldFor(body.kind, field, false);
    }
    const { amended, mails, cancelledReminders } = await this.audit.transaction(async (manager) => {
      const award = await this.awards.findVisible(manager, awardId, actor, true);
      if (award.status !== 'active') throw AmendmentException.notActive(award.status);
      nextAwardStatus(award.status, 'amend');
      const now = this.clock.now();
      const events: AuditRecord[] = [];
      const label = (await this.people.labels([award.applicationId], [], manager)).labels.get(award.applicationId)!;
      let news: AmendmentNews;
      let before: Record<string, unknown>;
      let after: Record<string, unknown>;
      let extraRecipients: string[] = [];
      let cancelledReminders: string[] = [];
      if (body.kind === 'amount') {
        const amountOre = oreFromApi(body.amountOre!);
        const change = await this.changeAmount(manager, award, amountOre, events, actor.id, now);
        news = { kind: 'amount', fromOre: change.fromOre, toOre: amountOre };
        cancelledReminders = change.cancelledReminders;
        before = { amountOre: change.fromOre.toString() };
        after = { amountOre: amountOre.toString(), remainingOre: change.remainingOre?.toString() ?? null };
      } else if (body.kind === 'period') {
        const fromDate = award.endDate;
        const reports = await this.changePeriod(manager, award, body.endDate!);
        news = { kind: 'period', fromDate, toDate: award.endDate };
        before = { endDate: fromDate };
        after = { endDate: award.endDate, originalEndDate: award.originalEndDate, approvedExtensionMonths: award.approvedExtensionMonths, reports };
      } else {
        const { contact, previousUserId } = await this.people.nameContact(
          manager,
          award.applicationId,
          award.municipalityCode,
          body.contactUserId!,
          actor.id,
          now,
        );
        if (previousUserId === contact.id) throw AmendmentException.unchanged('contactUserId', `${contact.name} som kontaktperson`);
        const previousName = previousUserId ? ((await this.people.labels([], [previousUserId], manager)).people.get(previousUserId) ?? null) : null;
        news = { kind: 'contact', fromName: previousName, toName: contact.name };
        before = { contactUserId: previousUserId, contactName: previousName, municipalityCode: award.municipalityCode };
        after = { contactUserId: contact.id, contactName: contact.name, municipalityCode: award.municipalityCode };
        // The contact who is replaced is told too.
        if (previousUserId) extraRecipients = [previousUserId];
      }
      const saved = await manager.save(award);
      const { amendment, event } = await this.awards.recordVersion(manager, saved, {
        kind: body.kind,
        before,
        after,
        rationale,
        decidedBy: actor.id,
        decidedAt: now,
      });
      const recipientIds = [...new Set([...(await this.people.recipients(manager, award.applicationId)), ...extraRecipients])];
      const mails = await this.messages.send(
        manager,
        {
          kind: 'award_amended',
          recipientIds,
          subjectType: 'award_amendment',
          subjectId: amendment.id,
          caseId: award.applicationId,
          awardId: award.id,
          ...amendmentMessage({ ...label, caseNumber: award.caseNumber, version: amendment.version, decidedBy: actor.name, rationale, change: news }),
          link: caseLink(award.applicationId),
        },
        now,
      );
      event.after = { ...(event.after as object), notified: recipientIds };
      return audited({ amended: { award: saved, amendment }, mails, cancelledReminders }, event, ...events);
    });
    await this.reminderJobs.scheduleQuietly(mails);
    await this.instalmentReminders.unschedule(cancelledReminders);
    // The period moves the report reminders and the award's ending reminder; the contact, whom they go to.
    if (body.kind !== 'amount') await this.reminderJobs.reconcileAward(awardId);
    return amended;
  }

  /**
   * The amount: up only within what the programme has left, under the budget lock the decisions take
   * (so amendments and decisions together never over-commit); down never below what is paid or
   * approved for payment; not once final accounts are filed (their review settles the amount). The
   * unpaid instalments share the new amount less the fixed ones, to the øre.
   */
  private async changeAmount(
    manager: EntityManager,
    award: Award,
    amountOre: Ore,
    events: AuditRecord[],
    amendedBy: string,
    now: Date,
  ): Promise<{ fromOre: Ore; remainingOre: Ore | null; cancelledReminders: string[] }> {
    const fromOre = award.amountOre;
    if (amountOre === fromOre) throw AmendmentException.unchanged('amountOre', `beløbet ${formatKroner(amountOre)}`);
    const filed = await manager.query(`SELECT 1 FROM final_account WHERE award_id = $1 AND status IN ('submitted', 'approved') LIMIT 1`, [award.id]);
    if (filed.length > 0) throw AmendmentException.finalAccountsFiled();
    const instalments = await manager.find(Instalment, { where: { awardId: award.id }, order: { sequence: 'ASC' }, lock: { mode: 'for_no_key_update' } });
    const resize = resizeInstalments(instalments, amountOre);
    if (!resize.ok) throw resize.refusal === 'below-floor' ? AmendmentException.belowFloor(resize.floorOre) : AmendmentException.nothingUnpaid();
    let remainingOre: Ore | null = null;
    if (amountOre > fromOre) {
      const ledger = await this.programmes.lockBudget(manager, award.programmeId);
      if (!fitsBudget(ledger, amountOre - fromOre)) throw ProgrammeException.budgetExceeded(amountOre - fromOre, ledger.remainingOre);
      remainingOre = ledger.remainingOre - (amountOre - fromOre);
    }
    award.amountOre = amountOre;
    const byId = new Map(instalments.map((instalment) => [instalment.id, instalment]));
    const rows = resize.changes.map((change) => {
      const instalment = byId.get(change.id)!;
      if (change.toOre === 0n) {
        // Nothing left to pay on it (the amount is cut to what is paid): it is cancelled, not kept at 0 kr.
        // for someone to approve and "pay".
        const status = nextInstalmentStatus(instalment.status, 'cancel');
        events.push({
          action: 'instalment.cancelled',
          entityType: 'instalment',
          entityId: change.id,
          before: { amountOre: change.fromOre, status: instalment.status },
          after: { sequence: instalment.sequence, amountOre: 0n, status, cause: 'amendment' },
        });
        return { id: change.id, amountOre: 0n, status, triggeredBy: instalment.triggeredBy, cancelledAt: now };
      }
      // A ready instalment's amount is now the amender's decision: four-eyes keeps them from approving
      // its payment, as it keeps the award's decider from approving the first.
      const triggeredBy = instalment.status === 'ready' ? amendedBy : instalment.triggeredBy;
      events.push({
        action: 'instalment.resized',
        entityType: 'instalment',
        entityId: change.id,
        before: { amountOre: change.fromOre },
        after: { sequence: instalment.sequence, amountOre: change.toOre, status: instalment.status, cause: 'amendment' },
      });
      return { id: change.id, amountOre: change.toOre, status: instalment.status, triggeredBy, cancelledAt: null };
    });
    if (rows.length > 0) {
      // Every instalment that changes, in one statement (the rows are locked above).
      await manager.query(
        `UPDATE instalment AS i
            SET amount_ore = c.amount_ore, status = c.status, triggered_by = c.triggered_by,
                cancelled_at = coalesce(c.cancelled_at, i.cancelled_at), version = i.version + 1
           FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::uuid[], $5::timestamptz[]) AS c(id, amount_ore, status, triggered_by, cancelled_at)
          WHERE i.id = c.id`,
        [
          rows.map((row) => row.id),
          rows.map((row) => row.amountOre.toString()),
          rows.map((row) => row.status),
          rows.map((row) => row.triggeredBy),
          rows.map((row) => row.cancelledAt),
        ],
      );
    }
    const emptied = rows.filter((row) => row.cancelledAt !== null).map((row) => row.id);
    const cancelledReminders = emptied.length > 0 ? await this.instalmentReminders.cancel(manager, emptied) : [];
    return { fromOre, remainingOre, cancelledReminders };
  }

  /**
   * The period: a new end date after the start, while the final report is not in. The reports not yet
   * submitted follow the new schedule as an extension's approval moves them (ReportsService.reschedule);
   * the approved extension months are not touched, so the COVID-19 maximum is not used up.
   */
  private async changePeriod(manager: EntityManager, award: Award, endDate: string): Promise<{ inserted: number; moved: number; removed: number }> {
    if (endDate === award.endDate) throw AmendmentException.unchanged('endDate', `slutdatoen ${formatDate(endDate)}`);
    if (endDate <= award.startDate) throw AmendmentException.endBeforeStart(award.startDate);
    // The decided end date is the floor (the database holds it too): a project that stops earlier ends with
    // its final report and accounts, or its award lapses (bortfald).
    if (endDate < award.originalEndDate) throw AmendmentException.beforeOriginalEnd(award.originalEndDate);
    const finalIn = await manager.query(`SELECT 1 FROM progress_report WHERE award_id = $1 AND kind = 'final' AND status <> 'due' LIMIT 1`, [award.id]);
    if (finalIn.length > 0) throw AmendmentException.finalReportIn();
    award.endDate = endDate;
    const changes = await this.reports.reschedule(manager, award, await this.programmes.get(award.programmeId, manager));
    return { inserted: changes.insert.length, moved: changes.move.length, removed: changes.remove.length };
  }

  /**
   * A caseworker cancels an active award (bortfald), with a rationale, in one transaction with the award
   * locked: an instalment approved and not recorded as paid blocks it (409 naming it: the money may have
   * left); the unpaid ones are cancelled; what was paid becomes one repayment claim (due in
   * REPAYMENT_DUE_DAYS, waived at once below the programme's waiver); the commitment less what was paid
   * is released to the budget now, and what is paid when it is repaid (the award's amount stays
   * committed: budget + adjustments − committed + released = remaining holds to the øre throughout).
   * Its planned reminders are cancelled and its reports no longer due. Not once final accounts are filed:
   * their review settles the award.
   */
  async cancel(awardId: string, body: AwardRationaleBody, actor: AuthUser): Promise<Cancellation> {
    const rationale = required(body.rationale);
    const { cancellation, mails, cancelledReminders } = await this.audit.transaction(async (manager) => {
      const award = await this.awards.findVisible(manager, awardId, actor, true);
      if (award.status !== 'active') throw AmendmentException.notActive(award.status);
      const filed = await manager.query(`SELECT 1 FROM final_account WHERE award_id = $1 AND status IN ('submitted', 'approved') LIMIT 1`, [award.id]);
      if (filed.length > 0) throw AmendmentException.finalAccountsFiled();
      const now = this.clock.now();
      const instalments = await manager.find(Instalment, { where: { awardId }, order: { sequence: 'ASC' }, lock: { mode: 'for_no_key_update' } });
      const awaiting = instalments.filter((instalment) => instalment.status === 'approved');
      if (awaiting.length > 0) throw AmendmentException.instalmentsAwaitingPayment(awaiting.map((instalment) => instalment.sequence));
      const events: AuditRecord[] = [];

      const paidOre = instalments.filter((instalment) => instalment.status === 'paid').reduce((total, instalment) => total + instalment.amountOre, 0n);
      const unpaid = instalments.filter((instalment) => instalment.status === 'planned' || instalment.status === 'ready');
      for (const instalment of unpaid) {
        const status = nextInstalmentStatus(instalment.status, 'cancel');
        await manager.update(Instalment, { id: instalment.id }, { status, cancelledAt: now, version: instalment.version + 1 });
        events.push({
          action: 'instalment.cancelled',
          entityType: 'instalment',
          entityId: instalment.id,
          before: { status: instalment.status },
          after: { sequence: instalment.sequence, amountOre: instalment.amountOre, status, cause: 'cancellation' },
        });
      }

      const before = { status: award.status, amountOre: award.amountOre.toString() };
      award.status = nextAwardStatus(award.status, 'cancel');
      const saved = await manager.save(award);

      // Its planned reminders are cancelled before the claim plans its own (repayment_overdue, on the award).
      const reportIds: Array<{ id: string }> = await manager.query('SELECT id FROM progress_report WHERE award_id = $1', [awardId]);
      const cancelledReminders = await this.messages.cancelPlannedForAward(manager, awardId, [
        ...reportIds.map((report) => report.id),
        ...instalments.map((instalment) => instalment.id),
      ]);

      const releasedOre = award.amountOre - paidOre;
      if (releasedOre > 0n) events.push(await this.accounts.release(manager, award, releasedOre, 'cancellation', null, actor.id));
      const repayment = paidOre > 0n ? await this.claim(manager, award, paidOre, now, events) : null;
      const droppedReports = await this.reports.dropDue(manager, awardId);

      const { amendment, event } = await this.awards.recordVersion(manager, saved, {
        kind: 'cancellation',
        before,
        after: {
          status: saved.status,
          paidOre: paidOre.toString(),
          releasedOre: releasedOre.toString(),
          repaymentId: repayment?.id ?? null,
          repaymentOre: repayment?.amountOre.toString() ?? null,
          cancelledInstalmentIds: unpaid.map((instalment) => instalment.id),
          droppedReportIds: droppedReports,
        },
        rationale,
        decidedBy: actor.id,
        decidedAt: now,
      });
      const label = (await this.people.labels([award.applicationId], [], manager)).labels.get(award.applicationId)!;
      const recipientIds = await this.people.recipients(manager, award.applicationId);
      const mails: QueuedMail[] = await this.messages.send(
        manager,
        {
          kind: 'award_cancelled',
          recipientIds,
          subjectType: 'award_amendment',
          subjectId: amendment.id,
          caseId: award.applicationId,
          awardId,
          ...cancellationMessage({
            ...label,
            caseNumber: award.caseNumber,
            decidedBy: actor.name,
            rationale,
            amountOre: award.amountOre,
            paidOre,
            cancelledInstalments: unpaid.length,
            repayment: repayment && { amountOre: repayment.amountOre, dueDate: repayment.dueDate, waived: repayment.status === 'waived' },
          }),
          link: caseLink(award.applicationId),
        },
        now,
      );
      event.after = { ...(event.after as object), notified: recipientIds };
      return audited(
        {
          cancellation: { award: saved, amendment, paidOre, releasedOre, cancelledInstalmentIds: unpaid.map((instalment) => instalment.id), repayment },
          mails,
          cancelledReminders,
        },
        event,
        ...events,
      );
    });
    await this.reminderJobs.scheduleQuietly(mails);
    await this.reminderJobs.unschedule(cancelledReminders).catch(() => undefined);
    await this.reminderJobs.reconcileAward(awardId);
    return cancellation;
  }

  /** The claim for what was paid on a cancelled award, opened as final accounts open one for what was paid beyond the spending; below the programme's waiver it is waived. */
  private async claim(manager: EntityManager, award: Award, paidOre: Ore, now: Date, events: AuditRecord[]): Promise<Repayment> {
    const [programme]: Array<{ waiver: string }> = await manager.query('SELECT repayment_waiver_ore AS waiver FROM programme WHERE id = $1', [
      award.programmeId,
    ]);
    const waiverOre = BigInt(programme.waiver);
    return this.accounts.openRepayment(
      manager,
      award,
      { cause: 'cancellation', finalAccountId: null, amountOre: paidOre, waived: paidOre < waiverOre, waiverOre },
      { paidOre, cause: 'cancellation' },
      now,
      events,
    );
  }

  /**
   * A caseworker reopens a closed award, with a rationale: it is completed again (its reports and final
   * accounts stay approved), so a payment, a claim or a document can be recorded on it until it is
   * closed again. The only way anything of a closed award changes.
   */
  async reopen(awardId: string, body: AwardRationaleBody, actor: AuthUser): Promise<Amended> {
    const rationale = required(body.rationale);
    return this.audit.transaction(async (manager) => {
      const award = await this.awards.findVisible(manager, awardId, actor, true);
      if (award.status !== 'closed') throw AmendmentException.notClosed(award.status);
      // A historical import's award was closed straight from active: its follow-up (reports, instalments,
      // final accounts) was never registered here, so it cannot be taken up again in this system.
      if (award.closedReason !== null) throw AmendmentException.closedHistorically(award.closedReason);
      const before = { status: award.status, closedAt: award.closedAt?.toISOString() ?? null, closedReason: award.closedReason };
      award.status = nextAwardStatus(award.status, 'reopen');
      award.closedAt = null;
      award.closedReason = null;
      const saved = await manager.save(award);
      const { amendment, event } = await this.awards.recordVersion(manager, saved, {
        kind: 'reopening',
        before,
        after: { status: saved.status },
        rationale,
        decidedBy: actor.id,
        decidedAt: this.clock.now(),
      });
      return audited({ award: saved, amendment }, event);
    });
  }
}

/** A rationale, trimmed; none is 422 in Danish. */
function required(rationale: string | undefined): string {
  const text = rationale?.trim() ?? '';
  if (text === '') throw AmendmentException.rationaleRequired();
  return text;
}
