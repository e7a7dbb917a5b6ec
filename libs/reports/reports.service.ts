import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { audited, AuditService } from '../audit/audit.service.js';
import { awardOwnership } from '../awards/award-case.js';
import type { Award } from '../awards/award.entity.js';
import { nextAwardStatus } from '../awards/award.lifecycle.js';
import { AwardsService } from '../awards/awards.service.js';
import { findVisible, restrictToKommune } from '../core/access/kommune-scope.js';
import type { AuthUser } from '../core/access/auth-user.js';
import type { Actor } from '../core/context/request-context.js';
import { oreFromApi } from '../core/money/money.js';
import { countOf, keysetPage, type ListOrders, type Page } from '../core/pagination/page.js';
import { Clock } from '../core/time/clock.js';
import { copenhagenDate } from '../core/time/copenhagen.js';
import { DanishCalendar } from '../core/time/danish-calendar.js';
import { ReminderJobs } from '../reminders/reminder-jobs.js';
import { type ReportQuery, ReportResponse, type ReportSortField, type ReviewReportBody, SubmissionResponse, type SubmitReportBody } from './dto/report.dto.js';
import { reviewMessage } from './report-messages.js';
import { CasePeople } from '../applications/case-people.js';
import { CaseNames } from '../applications/dto/case-names.dto.js';
import { CaseMessages } from '../reminders/case-messages.js';
import { caseLink } from '../reminders/reminder-messages.js';
import { ProgressReport } from './progress-report.entity.js';
import { nextReportStatus } from './report.lifecycle.js';
import { ReportException } from './report.exception.js';
import { periodStart, type ReportKind, reportSchedule, rescheduleReports, type ScheduleChanges, type SchedulePolicy } from './report-schedule.js';
import type { CalendarDate } from '../core/time/calendar-date.js';
import { ReportSubmission } from './report-submission.entity.js';
import { APPROVED_REPORTS, type ApprovedReportsPort, NOTHING_FOLLOWS } from './approved-reports.port.js';

/** The worklist's filters, as the worklist's counts give them too. */
export type ReportFilter = Pick<ReportQuery, 'status' | 'kind' | 'dueBefore' | 'programmeId' | 'municipalityCode' | 'assigneeId'>;

/** The worklist's orders, each on an index (migration 1765910000000); a report not submitted sorts before every submitted one. */
export const REPORT_ORDERS: ListOrders<ProgressReport, ReportSortField> = {
  default: 'dueDate',
  keys: {
    dueDate: [
      { column: 'report.due_date', key: (report) => report.dueDate },
      { column: 'report.id', key: (report) => report.id },
    ],
    submittedAt: [
      { column: `coalesce(report.submitted_at, '-infinity'::timestamptz)`, key: (report) => report.submittedAt?.toISOString() ?? '-infinity' },
      { column: 'report.id', key: (report) => report.id },
    ],
  },
};

@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AwardsService) private readonly awards: AwardsService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ReminderJobs) private readonly reminderJobs: ReminderJobs,
    @Inject(CasePeople) private readonly people: CasePeople,
    @Inject(CaseMessages) private readonly messages: CaseMessages,
    @Inject(DanishCalendar) private readonly calendar: DanishCalendar,
    @Optional() @Inject(APPROVED_REPORTS) private readonly approvedReports: ApprovedReportsPort = NOTHING_FOLLOWS,
  ) {}

  /** Today in Copenhagen: what "due" and "overdue" are measured against. */
  today(): string {
    return copenhagenDate(this.clock.now());
  }

  /** The schedule of a new award, written in the transaction that creates the award. */
  async createSchedule(manager: EntityManager, award: Award, policy: SchedulePolicy): Promise<void> {
    const planned = reportSchedule(award.startDate, award.endDate, policy, this.calendar);
    await manager.insert(
      ProgressReport,
      planned.map((report) => ({ ...awardOwnership(award), ...report, status: 'due' as const, submittedAt: null })),
    );
  }

  /** Follows a moved end date; reports already submitted, approved or returned stay as they are. */
  async reschedule(manager: EntityManager, award: Award, policy: SchedulePolicy): Promise<ScheduleChanges> {
    const existing = await manager.find(ProgressReport, { where: { awardId: award.id }, lock: { mode: 'for_no_key_update' } });
    const changes = rescheduleReports(existing, reportSchedule(award.startDate, award.endDate, policy, this.calendar));
    if (changes.insert.length > 0) {
      await manager.insert(
        ProgressReport,
        changes.insert.map((report) => ({ ...awardOwnership(award), ...report, status: 'due' as const, submittedAt: null })),
      );
    }
    for (const { id, dueDate } of changes.move) await manager.update(ProgressReport, id, { dueDate });
    if (changes.remove.length > 0) await manager.delete(ProgressReport, changes.remove);
    return changes;
  }

  /**
   * The award's reports that are still only due, dropped when the award is cancelled (bortfald), in
   * its transaction: nothing is reported on a cancelled award. A report submitted, approved or returned
   * is the case's record and stays; so does a due one with documents uploaded on it. Answers the ids dropped.
   */
  async dropDue(manager: EntityManager, awardId: string): Promise<string[]> {
    const [rows]: [Array<{ id: string }>, number] = await manager.query(
      `DELETE FROM progress_report r WHERE r.award_id = $1 AND r.status = 'due'
          AND NOT EXISTS (SELECT 1 FROM report_submission s WHERE s.report_id = r.id)
          AND NOT EXISTS (SELECT 1 FROM document d WHERE d.subject_type = 'report' AND d.subject_id = r.id)
        RETURNING r.id`,
      [awardId],
    );
    return rows.map((row) => row.id);
  }

  async listForAward(awardId: string, actor: Actor): Promise<ProgressReport[]> {
    await this.awards.findVisible(this.dataSource.manager, awardId, actor);
    return this.dataSource.manager.find(ProgressReport, { where: { awardId }, order: { dueDate: 'ASC', kind: 'DESC', sequence: 'ASC' } });
  }

  /** The worklist: by due date, scoped for project leads; `overdue` is past due and not submitted. */
  async worklist(query: ReportQuery, actor: Actor): Promise<Page<ProgressReport>> {
    return keysetPage(this.filtered(query, actor), 'reports', query, REPORT_ORDERS);
  }

  /** How many reports the worklist shows for these filters, counted in the database on its own conditions. */
  async count(query: ReportFilter, actor: Actor): Promise<number> {
    return countOf(this.filtered(query, actor));
  }

  /** The worklist's conditions, for the list and its counts alike. */
  private filtered(query: ReportFilter, actor: Actor): SelectQueryBuilder<ProgressReport> {
    const builder = this.dataSource.getRepository(ProgressReport).createQueryBuilder('report');
    restrictToKommune(builder, 'report', actor);
    if (query.status === 'overdue') {
      builder.andWhere(`report.status IN ('due', 'returned') AND report.due_date < :today`, { today: this.today() });
    } else if (query.status) {
      builder.andWhere('report.status = :status', { status: query.status });
    }
    if (query.kind) builder.andWhere('report.kind = :kind', { kind: query.kind });
    if (query.dueBefore) builder.andWhere('report.due_date <= :dueBefore', { dueBefore: query.dueBefore });
    if (query.programmeId) builder.andWhere('report.programme_id = :programmeId', { programmeId: query.programmeId });
    if (query.municipalityCode) builder.andWhere(':code = ANY(report.participant_codes)', { code: query.municipalityCode });
    if (query.assigneeId) {
      builder.andWhere(
        `report.award_id IN (SELECT aw.id FROM award aw JOIN application a ON a.id = aw.application_id WHERE ${query.assigneeId === 'none' ? 'a.assignee_id IS NULL' : 'a.assignee_id = :assignee'})`,
        { assignee: query.assigneeId === 'me' ? actor.id : query.assigneeId },
      );
    }
    return builder;
  }

  async get(id: string, actor: Actor): Promise<{ report: ReportResponse; submissions: SubmissionResponse[] }> {
    const report = await this.findVisible(this.dataSource.manager, id, actor);
    const submissions = await this.dataSource.manager.find(ReportSubmission, { where: { reportId: id }, order: { submissionNo: 'ASC' } });
    const { labels, people } = await this.people.labels(
      [report.applicationId],
      submissions.flatMap((submission) => [submission.submittedBy, submission.reviewedBy]),
    );
    return {
      report: ReportResponse.from(report, this.today(), CaseNames.of(labels.get(report.applicationId))),
      submissions: submissions.map((submission) => SubmissionResponse.from(submission, people)),
    };
  }

  /** The answers for some reports, with their case named: one query. */
  async respond(reports: ProgressReport[]): Promise<ReportResponse[]> {
    const today = this.today();
    const { labels } = await this.people.labels(reports.map((report) => report.applicationId));
    return reports.map((report) => ReportResponse.from(report, today, CaseNames.of(labels.get(report.applicationId))));
  }

  /** The project lead submits (or resubmits after a return); every submission is kept. */
  async submit(id: string, body: SubmitReportBody, actor: AuthUser): Promise<ProgressReport> {
    const submitted = await this.audit.transaction(async (manager) => {
      const report = await this.findVisible(manager, id, actor, true);
      if (actor.municipalityCode !== report.municipalityCode) throw ReportException.notOwner();
      const before = { status: report.status };
      const status = nextReportStatus(report.status, 'submit');
      await this.checkSubmission(manager, report, body);
      const now = this.clock.now();
      const submission = {
        narrative: body.narrative.trim(),
        spentToDateOre: oreFromApi(body.spentToDateOre),
        milestones: body.milestones,
        deviations: body.deviations?.trim() || null,
        nextSteps: body.nextSteps?.trim() || null,
      };
      // Filed and the report moved on in one statement. The submission is numbered as it is filed (the
      // report is locked, so no other submission of it is being filed); the report's version and
      // update time move as TypeORM's own update would move them.
      const [filed]: Array<{ submission_no: number; version: number; updated_at: Date }> = await manager.query(
        `WITH filed AS (
           INSERT INTO report_submission (report_id, submission_no, narrative, spent_to_date_ore, milestones, deviations, next_steps, submitted_by, submitted_at)
           SELECT $1, count(*)::int + 1, $2, $3, $4::jsonb, $5, $6, $7, $8 FROM report_submission WHERE report_id = $1
           RETURNING submission_no),
         moved AS (
           UPDATE progress_report SET status = $9, submitted_at = $8, version = version + 1, updated_at = CURRENT_TIMESTAMP
            WHERE id = $1 RETURNING version, updated_at)
         SELECT filed.submission_no, moved.version, moved.updated_at FROM filed, moved`,
        [
          id,
          submission.narrative,
          submission.spentToDateOre.toString(),
          JSON.stringify(submission.milestones),
          submission.deviations,
          submission.nextSteps,
          actor.id,
          now,
          status,
        ],
      );
      const submissionNo = filed.submission_no;
      const saved = Object.assign(report, { status, submittedAt: now, version: filed.version, updatedAt: filed.updated_at });
      return audited(saved, {
        action: 'report.submitted',
        entityType: 'report',
        entityId: id,
        before,
        // The whole submission: what the kommune reported is part of the case's record, not only its figures.
        after: {
          status: saved.status,
          submissionNo,
          narrative: submission.narrative,
          spentToDateOre: submission.spentToDateOre,
          milestones: submission.milestones,
          deviations: submission.deviations,
          nextSteps: submission.nextSteps,
        },
      });
    });
    await this.reminderJobs.reconcileAward(submitted.awardId);
    return submitted;
  }

  /**
   * What a submission must respect beyond the report's own state: the award is still active, the
   * report's period has begun (where the previous report's ended; the first at the award's start),
   * the spending is within the award, and it has not gone down since the last approved report
   * without the deviations explaining why. Read after the report's lock, in one statement: the award
   * (visible as the report is, whose kommuner it shares), its reports' schedule and the spending last
   * approved.
   */
  private async checkSubmission(manager: EntityManager, report: ProgressReport, body: SubmitReportBody): Promise<void> {
    const [award]: Array<{
      status: string;
      amount_ore: string;
      start_date: CalendarDate;
      reports: Array<{ kind: ReportKind; sequence: number; dueDate: CalendarDate }>;
      previous_spent: string | null;
    }> = await manager.query(
      `SELECT aw.status, aw.amount_ore, aw.start_date::text AS start_date,
              (SELECT json_agg(json_build_object('kind', r.kind, 'sequence', r.sequence, 'dueDate', r.due_date::text))
                 FROM progress_report r WHERE r.award_id = aw.id) AS reports,
              (SELECT s.spent_to_date_ore FROM report_submission s JOIN progress_report r ON r.id = s.report_id
                WHERE r.award_id = aw.id AND s.review_outcome = 'approve' ORDER BY s.reviewed_at DESC LIMIT 1) AS previous_spent
         FROM award aw WHERE aw.id = $1`,
      [report.awardId],
    );
    if (award.status !== 'active') throw ReportException.awardNotActive(award.status);
    const start = periodStart(report, award.reports, award.start_date);
    if (this.today() < start) throw ReportException.periodNotStarted(start);
    const spent = oreFromApi(body.spentToDateOre);
    if (spent > BigInt(award.amount_ore)) throw ReportException.spentAboveAward(BigInt(award.amount_ore));
    if (award.previous_spent !== null && spent < BigInt(award.previous_spent) && !body.deviations?.trim()) {
      throw ReportException.spentDecreased(BigInt(award.previous_spent));
    }
  }

  /** A caseworker approves or returns the latest submission; approving the final report completes the award. */
  async review(id: string, body: ReviewReportBody, actor: AuthUser): Promise<{ report: ProgressReport; award?: Award }> {
    const reviewed = await this.audit.transaction(async (manager) => {
      // Approving the final report changes the award too. Lock order is award, then its reports, as an
      // extension decision takes them (it reschedules the reports): the other order deadlocks with it.
      // A report's award and kind never change, so they can be read before either lock.
      const { awardId, kind } = await this.findVisible(manager, id, actor);
      let award = kind === 'final' && body.outcome === 'approve' ? await this.awards.findVisible(manager, awardId, actor, true) : undefined;
      const report = await this.findVisible(manager, id, actor, true);
      const before = { status: report.status };
      report.status = nextReportStatus(report.status, body.outcome);
      if (award) {
        // The final report is approved last: every status report of the award first.
        const outstanding = (await manager.find(ProgressReport, { where: { awardId }, order: { sequence: 'ASC' } })).filter(
          (other) => other.kind === 'status' && other.status !== 'approved',
        );
        if (outstanding.length > 0) throw ReportException.reportsOutstanding(outstanding);
      }
      const now = this.clock.now();
      const latest = await manager.findOneOrFail(ReportSubmission, { where: { reportId: id }, order: { submissionNo: 'DESC' } });
      await manager.update(ReportSubmission, latest.id, {
        reviewOutcome: body.outcome,
        reviewComment: body.comment.trim(),
        reviewedBy: actor.id,
        reviewedAt: now,
      });
      const saved = await manager.save(report);

      if (award) {
        award.status = nextAwardStatus(award.status, 'complete');
        award = await manager.save(award);
      }
      // What the approval releases (the award's instalments waiting for it), in the same transaction.
      const released =
        body.outcome === 'approve'
          ? await this.approvedReports.approved(manager, { awardId, kind: report.kind, sequence: report.sequence, approvedBy: actor.id, approvedAt: now })
          : [];

      // The case's contacts are told how their report was received.
      const { applicationId } = report;
      const label = (await this.people.labels([applicationId], [], manager)).labels.get(applicationId)!;
      const recipientIds = await this.people.recipients(manager, applicationId);
      const mails = await this.messages.send(
        manager,
        {
          kind: body.outcome === 'approve' ? 'report_approved' : 'report_returned',
          recipientIds,
          subjectType: 'report_submission',
          subjectId: latest.id,
          caseId: applicationId,
          awardId,
          ...reviewMessage({
            ...label,
            reportKind: report.kind,
            sequence: report.sequence,
            outcome: body.outcome,
            comment: body.comment.trim(),
            reviewer: actor.name,
            completesAward: !!award,
          }),
          link: caseLink(applicationId),
        },
        now,
      );
      return audited(
        { report: saved, award, mails },
        award && { action: 'award.completed', entityType: 'award', entityId: award.id, before: { status: 'active' }, after: { status: award.status } },
        {
          action: body.outcome === 'approve' ? 'report.approved' : 'report.returned',
          entityType: 'report',
          entityId: id,
          before,
          after: { status: saved.status, submissionNo: latest.submissionNo, comment: body.comment.trim(), notified: recipientIds },
        },
        ...released,
      );
    });
    await this.reminderJobs.scheduleQuietly(reviewed.mails);
    await this.reminderJobs.reconcileAward(reviewed.report.awardId);
    return reviewed;
  }

  private async findVisible(manager: EntityManager, id: string, actor: Actor, lock = false): Promise<ProgressReport> {
    return findVisible(manager, ProgressReport, 'report', id, actor, { lock, label: 'Rapporten' });
  }
}
