import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ApplicationsService } from '../applications/applications.service.js';
import { audited, AuditService } from '../audit/audit.service.js';
import type { Actor } from '../core/context/request-context.js';
import { NotFoundDomainException } from '../core/errors/domain.exception.js';
import { countOf, keysetPage, type Page } from '../core/pagination/page.js';
import { Clock } from '../core/time/clock.js';
import { copenhagenDate, fromCopenhagenWallClock } from '../core/time/copenhagen.js';
import { DanishCalendar } from '../core/time/danish-calendar.js';
import { CaseMessages, type QueuedMail } from '../reminders/case-messages.js';
import { ReminderJobs } from '../reminders/reminder-jobs.js';
import { SEND_HOUR } from '../reminders/reminder-planner.js';
import { AccessRequest } from './access-request.entity.js';
import { AccessRequestException } from './access-request.exception.js';
import { accessRequestDueDate, accessRequestReminderDay } from './access-request.rules.js';
import type { AccessRequestNames, AccessRequestQuery, CompleteAccessRequestBody, CreateAccessRequestBody } from './dto/access-request.dto.js';

/** Redis is given a delivery job only for a reminder due within a day; the reconciler queues the later ones in time. */
const QUEUE_NOW_WITHIN_MS = 24 * 3_600_000;

/** The worklist's filters on the case, as the other queues take them. */
export interface AccessRequestFilter {
  status?: 'open' | 'completed';
  /** Open and past the due date. */
  overdue?: boolean;
  applicationId?: string;
  programmeId?: string;
  municipalityCode?: string;
  assigneeId?: string;
}

/** Requests for insight into a case (aktindsigt): registered by the ministry, answered within 7 working days. */
@Injectable()
export class AccessRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(DanishCalendar) private readonly calendar: DanishCalendar,
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
    @Inject(CaseMessages) private readonly messages: CaseMessages,
    @Inject(ReminderJobs) private readonly reminderJobs: ReminderJobs,
  ) {}

  today(): string {
    return copenhagenDate(this.clock.now());
  }

  /**
   * Registers a request on a case the ministry sees, with its deadline, and plans the reminder two
   * working days before it to the case's caseworker (every active caseworker while nobody has the case).
   */
  async create(body: CreateAccessRequestBody, actor: Actor): Promise<AccessRequest> {
    const today = this.today();
    if (body.receivedOn > today) throw AccessRequestException.receivedInFuture(today);
    const { request, mails } = await this.audit.transaction(async (manager) => {
      const application = await this.applications.findVisible(manager, body.applicationId, actor);
      const request = await manager.save(
        manager.create(AccessRequest, {
          applicationId: application.id,
          requester: body.requester.trim(),
          requesterEmail: body.requesterEmail?.trim() || null,
          kind: body.kind,
          receivedOn: body.receivedOn,
          dueDate: accessRequestDueDate(body.receivedOn, this.calendar),
          status: 'open',
          createdBy: actor.id,
        }),
      );
      const mails = await this.planReminder(manager, request, application.assigneeId, today);
      return audited(
        { request, mails },
        {
          action: 'access_request.created',
          entityType: 'access_request',
          entityId: request.id,
          after: {
            applicationId: request.applicationId,
            caseNumber: application.caseNumber,
            requester: request.requester,
            kind: request.kind,
            receivedOn: request.receivedOn,
            dueDate: request.dueDate,
          },
        },
      );
    });
    await this.scheduleSoon(mails);
    return request;
  }

  /** Answers a request: it is closed with a note, and its reminder is no longer sent. */
  async complete(id: string, body: CompleteAccessRequestBody, actor: Actor): Promise<AccessRequest> {
    const { request, cancelled } = await this.audit.transaction(async (manager) => {
      const request = await manager.findOne(AccessRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw new NotFoundDomainException('Anmodningen om aktindsigt', id);
      if (request.status !== 'open') throw AccessRequestException.alreadyCompleted();
      Object.assign(request, { status: 'completed', completionNote: body.note.trim(), completedAt: this.clock.now(), completedBy: actor.id });
      const saved = await manager.save(request);
      const cancelled = await this.messages.cancelPlanned(manager, 'access_request', id);
      return audited(
        { request: saved, cancelled },
        {
          action: 'access_request.completed',
          entityType: 'access_request',
          entityId: id,
          before: { status: 'open' },
          after: { status: saved.status, note: saved.completionNote, overdue: saved.dueDate < this.today() },
        },
      );
    });
    // A job left in Redis finds its reminder cancelled and sends nothing: taking it back only tidies.
    await this.reminderJobs.unschedule(cancelled).catch(() => undefined);
    return request;
  }

  /** By deadline, earliest first (ties by id); filtered as the worklist counts them. */
  async list(query: AccessRequestQuery, actor: Actor): Promise<Page<AccessRequest>> {
    const { status, applicationId, programmeId, municipalityCode, assigneeId } = query;
    const builder = this.filtered(
      { ...(status === 'overdue' ? { overdue: true } : { status }), applicationId, programmeId, municipalityCode, assigneeId },
      actor,
    );
    return keysetPage(builder, 'access-requests', query, 'ASC', [
      { column: 'request.due_date', key: (row) => row.dueDate },
      { column: 'request.id', key: (row) => row.id },
    ]);
  }

  /** How many requests the filters hold, for the worklist. */
  async count(filter: AccessRequestFilter, actor: Actor): Promise<number> {
    const builder = this.filtered(filter, actor);
    return countOf(builder);
  }

  /** Each request's case number and project title, and the name of who answered it, in one query. */
  async names(requests: AccessRequest[]): Promise<Map<string, AccessRequestNames>> {
    if (requests.length === 0) return new Map();
    const rows: Array<{ id: string; case_number: string | null; title: string; completed_by_name: string | null }> = await this.dataSource.query(
      `SELECT request.id, application.case_number, application.title, completer.name AS completed_by_name
         FROM access_request request
         JOIN application ON application.id = request.application_id
         LEFT JOIN app_user completer ON completer.id = request.completed_by
        WHERE request.id = ANY($1)`,
      [requests.map((request) => request.id)],
    );
    return new Map(rows.map((row) => [row.id, { caseNumber: row.case_number, projectTitle: row.title, completedByName: row.completed_by_name }]));
  }

  private filtered(filter: AccessRequestFilter, actor: Actor): SelectQueryBuilder<AccessRequest> {
    const builder = this.dataSource.getRepository(AccessRequest).createQueryBuilder('request');
    if (filter.status) builder.andWhere('request.status = :status', { status: filter.status });
    if (filter.overdue) builder.andWhere(`request.status = 'open' AND request.due_date < :today`, { today: this.today() });
    if (filter.applicationId) builder.andWhere('request.application_id = :applicationId', { applicationId: filter.applicationId });
    if (filter.programmeId || filter.municipalityCode || filter.assigneeId) {
      builder.innerJoin('application', 'application', 'application.id = request.application_id');
      if (filter.programmeId) builder.andWhere('application.programme_id = :programmeId', { programmeId: filter.programmeId });
      if (filter.municipalityCode) builder.andWhere(':code = ANY(application.participant_codes)', { code: filter.municipalityCode });
      if (filter.assigneeId === 'none') builder.andWhere('application.assignee_id IS NULL');
      else if (filter.assigneeId)
        builder.andWhere('application.assignee_id = :assigneeId', { assigneeId: filter.assigneeId === 'me' ? actor.id : filter.assigneeId });
    }
    return builder;
  }

  private async planReminder(manager: EntityManager, request: AccessRequest, assigneeId: string | null, today: string): Promise<QueuedMail[]> {
    const day = accessRequestReminderDay(request.dueDate, today, this.calendar);
    if (!day) return [];
    const caseworkers: Array<{ id: string }> = await manager.query(`SELECT id FROM app_user WHERE role = 'caseworker' AND active ORDER BY id`);
    const assignee = caseworkers.find((caseworker) => caseworker.id === assigneeId);
    const [year, month, date] = day.split('-').map(Number);
    return this.messages.plan(manager, {
      kind: 'access_request_due',
      recipientIds: assignee ? [assignee.id] : caseworkers.map((caseworker) => caseworker.id),
      subjectType: 'access_request',
      subjectId: request.id,
      dueDate: request.dueDate,
      sendAt: fromCopenhagenWallClock(year, month, date, SEND_HOUR, 0),
    });
  }

  private async scheduleSoon(mails: QueuedMail[]): Promise<void> {
    const soon = this.clock.now().getTime() + QUEUE_NOW_WITHIN_MS;
    await this.reminderJobs.scheduleQuietly(mails.filter((mail) => mail.sendAt.getTime() < soon));
  }
}
