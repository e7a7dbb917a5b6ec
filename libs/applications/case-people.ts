import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { audited, AuditService } from '../audit/audit.service.js';
import { isActiveCaseworker, type Person, UsersService } from '../auth/users.service.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { Clock } from '../core/time/clock.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { CaseMessages, type RecipientsQuery } from '../reminders/case-messages.js';
import { caseLabel, caseLink } from '../reminders/reminder-messages.js';
import { ReminderJobs } from '../reminders/reminder-jobs.js';
import type { Application } from './application.entity.js';
import { ApplicationException } from './application.exception.js';
import { findVisibleApplication } from './application-reads.js';

/** A kommune's contact on a case, as answers show it. */
export interface ContactView {
  municipalityCode: string;
  municipalityName: string;
  /** Null: the kommune has named nobody; its project leads get the case's messages. */
  userId: string | null;
  userName: string | null;
  /** False: the contact was deactivated; the kommune's other project leads get the messages until a new one is named. */
  active: boolean | null;
}

/** Who a case's people are, by name, for its answers. */
export interface CasePeopleView {
  municipalityName: string;
  contacts: ContactView[];
  assigneeName: string | null;
  createdByName: string | null;
  /** The assessment's author, once an assessment is started. */
  assessorId: string | null;
  assessorName: string | null;
}

/** A case as the answers about its award, reports and extension requests name it. */
export interface CaseLabel {
  caseId: string;
  caseNumber: string | null;
  projectTitle: string;
  municipalityCode: string;
  municipalityName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  /** The case's programme's most COVID-19 extension months, for what its award has left (read here, so an award list stays one query of names). */
  maxCovidExtensionMonths: number;
}

/** The kommune whose contact is named: the lead's unless a co-applicant's is given. */
export interface ContactChange {
  contactUserId: string;
  municipalityCode?: string;
}

/** The recipients of a case's messages (see {@link CasePeople.recipients}), the application's id at `placeholder`. */
function recipientsSql(placeholder: string): string {
  return `SELECT DISTINCT person AS recipient FROM application a, unnest(a.participant_codes) AS p(code),
            unnest(coalesce(
              (SELECT ARRAY[u.id] FROM case_contact c JOIN app_user u ON u.id = c.user_id
                WHERE c.application_id = a.id AND c.municipality_code = p.code
                  AND u.active AND u.role = 'project_lead' AND u.municipality_code = p.code),
              (SELECT array_agg(u.id) FROM app_user u WHERE u.role = 'project_lead' AND u.active AND u.municipality_code = p.code))) AS person
      WHERE a.id = ${placeholder}::uuid`;
}

/**
 * The people of a case: each kommune's contact (who gets the case's messages) and the caseworker it is
 * assigned to (who gets its waiting reminders). Changes are audited and told to the person named.
 */
@Injectable()
export class CasePeople {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(MunicipalitiesService) private readonly municipalities: MunicipalitiesService,
    @Inject(CaseMessages) private readonly messages: CaseMessages,
    @Inject(ReminderJobs) private readonly reminderJobs: ReminderJobs,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The lead kommune's first contact: the project lead who starts the application. */
  async nameFirstContact(manager: EntityManager, application: Application): Promise<void> {
    await manager.query(`INSERT INTO case_contact (application_id, municipality_code, user_id, updated_by, updated_at) VALUES ($1, $2, $3, $3, $4)`, [
      application.id,
      application.municipalityCode,
      application.createdBy,
      this.clock.now(),
    ]);
  }

  /**
   * Who is told of what happens to a case: for each of its kommuner, the named contact while active
   * and still a project lead there, else every active project lead of the kommune.
   */
  async recipients(manager: EntityManager, applicationId: string): Promise<string[]> {
    const rows: Array<{ recipient: string }> = await manager.query(`${recipientsSql('$1')} ORDER BY 1`, [applicationId]);
    return rows.map((row) => row.recipient);
  }

  /** {@link recipients} as SQL, for a message filed in the same statement (CaseMessages.send). */
  recipientsOf(applicationId: string): RecipientsQuery {
    return { sql: recipientsSql, parameter: applicationId };
  }

  /**
   * Names a kommune's contact on the case. A project lead names their own kommune's; a caseworker or an
   * admin any kommune's of the case. The contact is an active project lead of that kommune.
   */
  async changeContact(applicationId: string, change: ContactChange, actor: AuthUser): Promise<Application> {
    const { application, mails } = await this.audit.transaction(async (manager) => {
      const application = await findVisibleApplication(manager, applicationId, actor, true);
      const code = change.municipalityCode ?? application.municipalityCode;
      if (!application.participantCodes.includes(code)) throw ApplicationException.notAParticipant(code);
      if (actor.role === 'project_lead' && actor.municipalityCode !== code) throw ApplicationException.otherKommunesContact();
      const now = this.clock.now();
      const { contact, previousUserId } = await this.nameContact(manager, applicationId, code, change.contactUserId, actor.id, now);
      const previous = previousUserId === null ? undefined : { user_id: previousUserId };
      const mails =
        contact.id === actor.id || previous?.user_id === contact.id
          ? []
          : await this.messages.send(
              manager,
              {
                kind: 'contact_named',
                recipientIds: [contact.id],
                subjectType: 'application',
                subjectId: applicationId,
                caseId: applicationId,
                title: `Du er kontaktperson for ${await this.label(application)}`,
                body:
                  `${actor.name} har gjort dig til ${(await this.municipalities.officialNames()).get(code)}s kontaktperson for sagen ` +
                  `${await this.label(application)}. Du får sagens kvitteringer, afgørelser, påmindelser og svar på rapporter.`,
                link: caseLink(applicationId),
              },
              now,
            );
      return audited(
        { application, mails },
        {
          action: 'application.contact_changed',
          entityType: 'application',
          entityId: applicationId,
          before: { municipalityCode: code, contactUserId: previous?.user_id ?? null },
          after: { municipalityCode: code, contactUserId: contact.id, contactName: contact.name },
        },
      );
    });
    await this.reminderJobs.scheduleQuietly(mails);
    await this.reminderJobs.reconcileCase(applicationId);
    return application;
  }

  /**
   * Names a kommune's contact on the case in the caller's transaction (a contact change, an award's
   * amendment): an active project lead of that kommune, else 422. Answers the contact and the one named before.
   */
  async nameContact(
    manager: EntityManager,
    applicationId: string,
    code: string,
    contactUserId: string,
    actorId: string,
    now: Date,
  ): Promise<{ contact: { id: string; name: string }; previousUserId: string | null }> {
    const contact = (await this.users.people([contactUserId], manager)).get(contactUserId);
    if (!contact || !contact.active || contact.role !== 'project_lead' || contact.municipalityCode !== code) {
      throw ApplicationException.contactNotEligible(code);
    }
    const [previous]: Array<{ user_id: string }> = await manager.query(
      'SELECT user_id FROM case_contact WHERE application_id = $1 AND municipality_code = $2 FOR UPDATE',
      [applicationId, code],
    );
    await manager.query(
      `INSERT INTO case_contact (application_id, municipality_code, user_id, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (application_id, municipality_code) DO UPDATE SET user_id = $3, updated_by = $4, updated_at = $5`,
      [applicationId, code, contact.id, actorId, now],
    );
    return { contact: { id: contact.id, name: contact.name }, previousUserId: previous?.user_id ?? null };
  }

  /**
   * Assigns the case to an active caseworker, or releases it (`null`). The new assignee is told,
   * unless they assigned it to themself; the history is kept in `case_assignment`.
   */
  async assign(applicationId: string, assigneeId: string | null, actor: AuthUser): Promise<Application> {
    const { application, mails } = await this.audit.transaction(async (manager) => {
      const application = await findVisibleApplication(manager, applicationId, actor, true);
      let assignee: Person | undefined;
      if (assigneeId !== null) {
        assignee = (await this.users.people([assigneeId], manager)).get(assigneeId);
        if (!assignee || !isActiveCaseworker(assignee)) throw ApplicationException.assigneeNotEligible();
      }
      const previousAssigneeId = application.assigneeId;
      const now = this.clock.now();
      const [{ id: assignmentId }]: Array<{ id: string }> = await manager.query(
        `INSERT INTO case_assignment (application_id, assignee_id, previous_assignee_id, assigned_by, assigned_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [applicationId, assigneeId, previousAssigneeId, actor.id, now],
      );
      // Not through save(): an assignment is not an edit of the application's content (its version stays).
      await manager.query('UPDATE application SET assignee_id = $2, assigned_at = $3, updated_at = $3 WHERE id = $1', [applicationId, assigneeId, now]);
      application.assigneeId = assigneeId;
      application.assignedAt = now;
      const mails =
        assignee && assignee.id !== actor.id && assignee.id !== previousAssigneeId
          ? await this.messages.send(
              manager,
              {
                kind: 'case_assigned',
                recipientIds: [assignee.id],
                subjectType: 'case_assignment',
                subjectId: assignmentId,
                caseId: applicationId,
                title: application.caseNumber ? `Sag ${application.caseNumber} er tildelt dig` : 'En sag er tildelt dig',
                body: `${actor.name} har tildelt dig sagen ${await this.label(application)}${previousAssigneeId ? ' (den var før tildelt en anden sagsbehandler)' : ''}.`,
                link: caseLink(applicationId),
              },
              now,
            )
          : [];
      return audited(
        { application, mails },
        {
          action: 'application.assigned',
          entityType: 'application',
          entityId: applicationId,
          before: { assigneeId: previousAssigneeId },
          after: { assigneeId, assigneeName: assignee?.name ?? null, assignmentId },
        },
      );
    });
    await this.reminderJobs.scheduleQuietly(mails);
    await this.reminderJobs.reconcileCase(applicationId);
    return application;
  }

  /**
   * The names of the people and kommuner of some applications, in two queries at most: each kommune's
   * contact, the assignee, the creator and the assessment's author (read off the assessment row by
   * key, as the case's answers name their people; the assessment itself is the assessments context's).
   */
  async describe(applications: readonly Application[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, CasePeopleView>> {
    if (applications.length === 0) return new Map();
    const ids = applications.map((application) => application.id);
    const personIds = [...new Set(applications.flatMap((application) => [application.assigneeId, application.createdBy]).filter((id): id is string => !!id))];
    type Row = {
      kind: 'contact' | 'assessor' | 'person';
      application_id: string | null;
      municipality_code: string | null;
      user_id: string;
      name: string;
      active: boolean;
    };
    const [rows, kommuner] = await Promise.all([
      manager.query(
        `SELECT 'contact' AS kind, c.application_id, c.municipality_code, c.user_id, u.name,
                u.active AND u.role = 'project_lead' AND u.municipality_code = c.municipality_code AS active
           FROM case_contact c JOIN app_user u ON u.id = c.user_id WHERE c.application_id = ANY($1)
         UNION ALL
         SELECT 'assessor', s.application_id, NULL, s.assessor_id, u.name, u.active
           FROM assessment s JOIN app_user u ON u.id = s.assessor_id WHERE s.application_id = ANY($1)
         UNION ALL
         SELECT 'person', NULL, NULL, u.id, u.name, u.active FROM app_user u WHERE u.id = ANY($2)`,
        [ids, personIds],
      ) as Promise<Row[]>,
      this.municipalities.officialNames(),
    ]);
    const people = new Map(rows.filter((row) => row.kind === 'person').map((row) => [row.user_id, row.name]));
    const assessors = new Map(rows.filter((row) => row.kind === 'assessor').map((row) => [row.application_id!, row]));
    const byCase = new Map<string, Map<string, Row>>();
    for (const row of rows) {
      if (row.kind !== 'contact') continue;
      if (!byCase.has(row.application_id!)) byCase.set(row.application_id!, new Map());
      byCase.get(row.application_id!)!.set(row.municipality_code!.trim(), row);
    }
    return new Map(
      applications.map((application) => {
        const named = byCase.get(application.id) ?? new Map<string, Row>();
        const assessor = assessors.get(application.id);
        return [
          application.id,
          {
            municipalityName: kommuner.get(application.municipalityCode) ?? application.municipalityCode,
            contacts: [application.municipalityCode, ...application.coApplicantCodes].map((code) => {
              const contact = named.get(code);
              return {
                municipalityCode: code,
                municipalityName: kommuner.get(code) ?? code,
                userId: contact?.user_id ?? null,
                userName: contact?.name ?? null,
                active: contact ? contact.active : null,
              };
            }),
            assigneeName: application.assigneeId ? (people.get(application.assigneeId) ?? null) : null,
            createdByName: people.get(application.createdBy) ?? null,
            assessorId: assessor?.user_id ?? null,
            assessorName: assessor?.name ?? null,
          },
        ];
      }),
    );
  }

  /**
   * The title, kommune and assignee of some cases, by application id, and the names of some other
   * people (who decided, requested, reviewed …), in one query.
   */
  async labels(
    applicationIds: ReadonlyArray<string>,
    personIds: ReadonlyArray<string | null | undefined> = [],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ labels: Map<string, CaseLabel>; people: Map<string, string> }> {
    const ids = [...new Set(applicationIds)];
    const persons = [...new Set(personIds.filter((id): id is string => typeof id === 'string'))];
    if (ids.length === 0 && persons.length === 0) return { labels: new Map(), people: new Map() };
    const [rows, kommuner] = await Promise.all([
      manager.query(
        `SELECT a.id, a.case_number, a.title, a.municipality_code, a.assignee_id, u.name AS assignee_name, p.max_covid_extension_months
           FROM application a JOIN programme p ON p.id = a.programme_id LEFT JOIN app_user u ON u.id = a.assignee_id WHERE a.id = ANY($1)
         UNION ALL
         SELECT u.id, NULL, NULL, NULL, NULL, u.name, NULL FROM app_user u WHERE u.id = ANY($2)`,
        [ids, persons],
      ) as Promise<
        Array<{
          id: string;
          case_number: string | null;
          title: string | null;
          municipality_code: string | null;
          assignee_id: string | null;
          assignee_name: string | null;
          max_covid_extension_months: number | null;
        }>
      >,
      this.municipalities.officialNames(),
    ]);
    const labels = new Map<string, CaseLabel>();
    const people = new Map<string, string>();
    for (const row of rows) {
      if (row.municipality_code === null) {
        people.set(row.id, row.assignee_name ?? '');
        continue;
      }
      labels.set(row.id, {
        caseId: row.id,
        caseNumber: row.case_number,
        projectTitle: row.title ?? '',
        municipalityCode: row.municipality_code,
        municipalityName: kommuner.get(row.municipality_code) ?? row.municipality_code,
        assigneeId: row.assignee_id,
        assigneeName: row.assignee_name,
        maxCovidExtensionMonths: row.max_covid_extension_months ?? 0,
      });
    }
    return { labels, people };
  }

  private async label(application: Application): Promise<string> {
    const kommune = (await this.municipalities.officialNames()).get(application.municipalityCode);
    return caseLabel({ caseNumber: application.caseNumber ?? 'kladde', projectTitle: application.title, municipalityName: kommune });
  }
}
