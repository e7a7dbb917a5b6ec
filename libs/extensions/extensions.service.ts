import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { audited, AuditService } from '../audit/audit.service.js';
import type { Award } from '../awards/award.entity.js';
import { nextAwardStatus } from '../awards/award.lifecycle.js';
import { AwardsService } from '../awards/awards.service.js';
import { extensionMonthsLeft } from '../awards/extension-allowance.js';
import { isSubstantiveRationale } from '../decisions/rationale.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { findVisible, restrictToKommune } from '../core/access/kommune-scope.js';
import type { Actor } from '../core/context/request-context.js';
import { countOf, keysetPage, type ListOrders, type Page } from '../core/pagination/page.js';
import { addMonths } from '../core/time/calendar-date.js';
import { Clock } from '../core/time/clock.js';
import { copenhagenDate } from '../core/time/copenhagen.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { ReminderJobs } from '../reminders/reminder-jobs.js';
import { ReportsService } from '../reports/reports.service.js';
import {
  type ExtensionDecisionBody,
  type ExtensionQuery,
  type ExtensionRequestBody,
  ExtensionRequestResponse,
  type ExtensionSortField,
} from './dto/extension.dto.js';
import { extensionDecisionMessage } from './extension-messages.js';
import { CasePeople } from '../applications/case-people.js';
import { CaseNames } from '../applications/dto/case-names.dto.js';
import { CaseMessages } from '../reminders/case-messages.js';
import { caseLink } from '../reminders/reminder-messages.js';
import { ExtensionRequest } from './extension-request.entity.js';
import { nextExtensionStatus } from './extension-request.lifecycle.js';
import { ExtensionException } from './extension.exception.js';

export interface ExtensionDecision {
  request: ExtensionRequest;
  award: Award;
}

/** The worklist's filters, as the worklist's counts give them too. */
export type ExtensionFilter = Pick<ExtensionQuery, 'status' | 'programmeId' | 'municipalityCode' | 'assigneeId'>;

/** The worklist's orders, each on an index (migration 1765910000000); a request not decided sorts before every decided one. */
export const EXTENSION_ORDERS: ListOrders<ExtensionRequest, ExtensionSortField> = {
  default: 'requestedAt',
  keys: {
    requestedAt: [
      { column: 'request.requested_at', key: (row) => row.requestedAt.toISOString() },
      { column: 'request.id', key: (row) => row.id },
    ],
    decidedAt: [
      { column: `coalesce(request.decided_at, '-infinity'::timestamptz)`, key: (row) => row.decidedAt?.toISOString() ?? '-infinity' },
      { column: 'request.id', key: (row) => row.id },
    ],
  },
};

@Injectable()
export class ExtensionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AwardsService) private readonly awards: AwardsService,
    @Inject(ReportsService) private readonly reports: ReportsService,
    @Inject(ReminderJobs) private readonly reminderJobs: ReminderJobs,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ProgrammesService) private readonly programmes: ProgrammesService,
    @Inject(CasePeople) private readonly people: CasePeople,
    @Inject(CaseMessages) private readonly messages: CaseMessages,
  ) {}

  /** The answers for some requests, with their case and people named. */
  async respond(requests: ExtensionRequest[]): Promise<ExtensionRequestResponse[]> {
    const { labels, people } = await this.people.labels(
      requests.map((request) => request.applicationId),
      requests.flatMap((request) => [request.requestedBy, request.decidedBy]),
    );
    return requests.map((request) => ExtensionRequestResponse.from(request, CaseNames.of(labels.get(request.applicationId)), people));
  }

  /**
   * The award's project lead asks for more time because of COVID-19: before the current end date, one
   * pending request at a time, and never past the programme's maximum of approved months.
   */
  async request(awardId: string, body: ExtensionRequestBody, actor: AuthUser): Promise<ExtensionRequest> {
    const request = await this.audit.transaction(async (manager) => {
      const award = await this.awards.findVisible(manager, awardId, actor, true);
      if (actor.municipalityCode !== award.municipalityCode) throw ExtensionException.notOwner();
      nextAwardStatus(award.status, 'extend');
      const now = this.clock.now();
      if (copenhagenDate(now) >= award.endDate) throw ExtensionException.afterEndDate(award.endDate);
      if (await manager.existsBy(ExtensionRequest, { awardId, status: 'submitted' })) throw ExtensionException.alreadyPending();
      const { maxCovidExtensionMonths } = await this.programmes.get(award.programmeId, manager);
      const available = extensionMonthsLeft(maxCovidExtensionMonths, award.approvedExtensionMonths);
      if (body.months > available) throw ExtensionException.exceedsMaximum(body.months, available, maxCovidExtensionMonths);

      const request = await manager.save(
        manager.create(ExtensionRequest, {
          awardId,
          applicationId: award.applicationId,
          participantCodes: award.participantCodes,
          months: body.months,
          reason: body.reason,
          justification: body.justification.trim(),
          status: 'submitted',
          requestedBy: actor.id,
          requestedAt: now,
          decidedBy: null,
          decidedAt: null,
          decisionRationale: null,
          approvedMonths: null,
          endDateBefore: null,
          endDateAfter: null,
          withdrawnAt: null,
        }),
      );
      return audited(request, {
        action: 'extension.requested',
        entityType: 'extension_request',
        entityId: request.id,
        after: { awardId, months: request.months, reason: request.reason, justification: request.justification, monthsAvailable: available },
      });
    });
    await this.reminderJobs.reconcileAward(awardId);
    return request;
  }

  async listForAward(awardId: string, actor: Actor): Promise<ExtensionRequest[]> {
    await this.awards.findVisible(this.dataSource.manager, awardId, actor);
    return this.dataSource.manager.find(ExtensionRequest, { where: { awardId }, order: { requestedAt: 'ASC', id: 'ASC' } });
  }

  /** The worklist, oldest first: the request that has waited longest is at the top. */
  async worklist(query: ExtensionQuery, actor: Actor): Promise<Page<ExtensionRequest>> {
    return keysetPage(this.filtered(query, actor), 'extension-requests', query, EXTENSION_ORDERS);
  }

  /** How many requests the worklist shows for these filters, counted in the database on its own conditions. */
  async count(query: ExtensionFilter, actor: Actor): Promise<number> {
    return countOf(this.filtered(query, actor));
  }

  /** The worklist's conditions, for the list and its counts alike. */
  private filtered(query: ExtensionFilter, actor: Actor): SelectQueryBuilder<ExtensionRequest> {
    const builder = this.dataSource.getRepository(ExtensionRequest).createQueryBuilder('request');
    restrictToKommune(builder, 'request', actor);
    if (query.status) builder.andWhere('request.status = :status', { status: query.status });
    if (query.municipalityCode) builder.andWhere(':code = ANY(request.participant_codes)', { code: query.municipalityCode });
    if (query.assigneeId) {
      builder.andWhere(
        `request.award_id IN (SELECT aw.id FROM award aw JOIN application a ON a.id = aw.application_id WHERE ${query.assigneeId === 'none' ? 'a.assignee_id IS NULL' : 'a.assignee_id = :assignee'})`,
        { assignee: query.assigneeId === 'me' ? actor.id : query.assigneeId },
      );
    }
    // Through the award: a programme's requests are few (one pending per award), found on award_programme_idx.
    if (query.programmeId) {
      builder.andWhere('request.award_id IN (SELECT aw.id FROM award aw WHERE aw.programme_id = :programmeId)', { programmeId: query.programmeId });
    }
    return builder;
  }

  /**
   * A caseworker decides, always with a rationale. Approval (possibly of fewer months) moves the award's
   * end date and its final report's due date in the same transaction; rejection changes only the request.
   */
  async decide(id: string, body: ExtensionDecisionBody, actor: AuthUser): Promise<ExtensionDecision> {
    const decision = await this.audit.transaction(async (manager) => {
      const request = await this.findVisible(manager, id, actor, true);
      const action = body.outcome === 'approve' ? 'approve' : 'reject';
      nextExtensionStatus(request.status, action);
      const award = await this.awards.findVisible(manager, request.awardId, actor, true);
      const approvedMonths = body.outcome === 'approve' ? (body.approvedMonths ?? request.months) : null;
      if (body.outcome === 'reject' && body.approvedMonths !== undefined) throw ExtensionException.invalid('approvedMonths', 'skal udelades ved et afslag');
      if (approvedMonths !== null && approvedMonths > request.months)
        throw ExtensionException.invalid('approvedMonths', `må højst være ${request.months} (de ansøgte måneder)`);
      if (approvedMonths !== request.months && !isSubstantiveRationale(body.rationale)) throw ExtensionException.rationaleRequired();

      const before = { status: request.status, endDate: award.endDate, approvedExtensionMonths: award.approvedExtensionMonths };
      request.status = nextExtensionStatus(request.status, action);
      request.decidedBy = actor.id;
      request.decidedAt = this.clock.now();
      request.decisionRationale = body.rationale.trim();
      request.approvedMonths = approvedMonths;

      let saved = award;
      if (approvedMonths !== null) {
        const programme = await this.programmes.get(award.programmeId, manager);
        const available = extensionMonthsLeft(programme.maxCovidExtensionMonths, award.approvedExtensionMonths);
        if (approvedMonths > available) throw ExtensionException.exceedsMaximum(approvedMonths, available, programme.maxCovidExtensionMonths);
        award.status = nextAwardStatus(award.status, 'extend');
        request.endDateBefore = award.endDate;
        award.endDate = addMonths(award.endDate, approvedMonths);
        award.approvedExtensionMonths += approvedMonths;
        request.endDateAfter = award.endDate;
        saved = await manager.save(award);
        await this.reports.reschedule(manager, saved, programme);
      }
      const decided = await manager.save(request);

      // The case's contacts are told of the decision.
      const label = (await this.people.labels([award.applicationId], [], manager)).labels.get(award.applicationId)!;
      const recipientIds = await this.people.recipients(manager, award.applicationId);
      const mails = await this.messages.send(
        manager,
        {
          kind: 'extension_decided',
          recipientIds,
          subjectType: 'extension_request',
          subjectId: id,
          caseId: award.applicationId,
          awardId: award.id,
          ...extensionDecisionMessage({
            ...label,
            requestedMonths: decided.months,
            approvedMonths,
            rationale: decided.decisionRationale!,
            endDateBefore: before.endDate,
            endDateAfter: saved.endDate,
          }),
          link: caseLink(award.applicationId),
        },
        request.decidedAt,
      );
      return audited(
        { request: decided, award: saved, mails },
        {
          action: approvedMonths === null ? 'extension.rejected' : 'extension.approved',
          entityType: 'extension_request',
          entityId: id,
          before,
          after: {
            status: decided.status,
            approvedMonths,
            rationale: decided.decisionRationale,
            endDate: saved.endDate,
            approvedExtensionMonths: saved.approvedExtensionMonths,
            notified: recipientIds,
          },
        },
      );
    });
    await this.reminderJobs.scheduleQuietly(decision.mails);
    await this.reminderJobs.reconcileAward(decision.award.id);
    return decision;
  }

  /**
   * A project lead of the award's lead kommune takes back a request that has not been decided: the
   * award is free for a new request at once, and the request's waiting reminders are cancelled by the
   * award's reconcile (the withdrawal moves the award's planning stamp).
   */
  async withdraw(id: string, actor: AuthUser): Promise<ExtensionRequest> {
    const withdrawn = await this.audit.transaction(async (manager) => {
      const request = await this.findVisible(manager, id, actor, true);
      const award = await this.awards.findVisible(manager, request.awardId, actor);
      if (actor.municipalityCode !== award.municipalityCode) throw ExtensionException.notOwner();
      const before = { status: request.status };
      request.status = nextExtensionStatus(request.status, 'withdraw');
      request.withdrawnAt = this.clock.now();
      const saved = await manager.save(request);
      return audited(saved, {
        action: 'extension.withdrawn',
        entityType: 'extension_request',
        entityId: id,
        before,
        after: { status: saved.status, withdrawnAt: saved.withdrawnAt },
      });
    });
    await this.reminderJobs.reconcileAward(withdrawn.awardId);
    return withdrawn;
  }

  private async findVisible(manager: EntityManager, id: string, actor: Actor, lock = false): Promise<ExtensionRequest> {
    return findVisible(manager, ExtensionRequest, 'request', id, actor, { lock, label: 'Anmodningen om forlængelse' });
  }
}
