import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { updateLoaded } from '../core/database/update-loaded.js';
import { audited, AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { restrictToKommune } from '../core/access/kommune-scope.js';
import type { Actor } from '../core/context/request-context.js';
import type { FieldError } from '../core/errors/problem.js';
import { type Ore, oreFromApi } from '../core/money/money.js';
import { countOf, keysetPage, type ListOrders, type Page, resolveOrder } from '../core/pagination/page.js';
import { Clock } from '../core/time/clock.js';
import { formatDateTime } from '../core/format/danish.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import type { Programme } from '../programmes/programme.entity.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { ReminderJobs } from '../reminders/reminder-jobs.js';
import { CaseMessages } from '../reminders/case-messages.js';
import { caseLink } from '../reminders/reminder-messages.js';
import { Application, type BudgetLine, type Receipt } from './application.entity.js';
import { budgetMismatch, missingDocumentKinds } from './application-structure.rules.js';
import { NO_SUBMITTED_DOCUMENTS, SUBMITTED_DOCUMENTS, type SubmittedDocumentsPort } from './submitted-documents.port.js';
import { ApplicationException } from './application.exception.js';
import { type ApplicationAction, type ApplicationStatus, nextApplicationStatus } from './application.lifecycle.js';
import { caseNumber, contentProblems, draftWindowProblem, periodProblems, submissionProblems, windowProblem } from './application.rules.js';
import { ApplicationVersion } from './application-version.entity.js';
import { findVisibleApplication } from './application-reads.js';
import { journalSubmission } from '../journal/journal.js';
import { restrictToDecidableBy } from './decision-rights.js';
import { caseNumberSearch } from './application-search.js';
import { CasePeople } from './case-people.js';
import {
  type ApplicationQuery,
  type ApplicationSortField,
  type CreateApplicationBody,
  ApplicationResponse,
  type UpdateApplicationBody,
} from './dto/application.dto.js';

/** Budget lines as JSON keeps them: each amount as exact decimal text. */
const budgetLinesContent = (lines: BudgetLine[]) => lines.map((line) => ({ label: line.label, amountOre: line.amountOre.toString() }));

/** Budget lines from the API, in øre. */
const budgetLinesFromApi = (lines: Array<{ label: string; amountOre: number }>): BudgetLine[] =>
  lines.map((line) => ({ label: line.label.trim(), amountOre: oreFromApi(line.amountOre) }));

/** An optional amount from the API: undefined leaves it as it was, null clears it. */
const optionalOre = (value: number | null | undefined, current: Ore | null): Ore | null =>
  value === undefined ? current : value === null ? null : oreFromApi(value);

/** What the audit trail and the frozen version keep of an application's content. */
function contentOf(application: Application) {
  return {
    title: application.title,
    purpose: application.purpose,
    activities: application.activities,
    themes: application.themes,
    requestedOre: application.requestedOre,
    plannedStart: application.plannedStart,
    plannedEnd: application.plannedEnd,
    municipalityCode: application.municipalityCode,
    coApplicantCodes: application.coApplicantCodes,
    cvr: application.cvr,
    contactPerson: application.contactPerson,
    coFinancingOre: application.coFinancingOre?.toString() ?? null,
    budgetLines: budgetLinesContent(application.budgetLines),
  };
}

/** The contact person as stored: its texts trimmed. */
const contactPersonOf = (person: { name: string; email: string; phone: string }) => ({
  name: person.name.trim(),
  email: person.email.trim(),
  phone: person.phone.trim(),
});

/** The list's filters, as the worklist's counts give them too; `statuses`: any of these (a queue of several). */
export type ApplicationFilter = Omit<
  Pick<ApplicationQuery, 'status' | 'programmeId' | 'municipalityCode' | 'theme' | 'assigneeId' | 'decidableBy' | 'q'>,
  'status'
> & {
  status?: readonly ApplicationStatus[];
};

/**
 * The orders of the list, each on an index of its own (migration 1765910000000). A missing submission
 * time or case number (a draft) sorts before every other.
 */
export const APPLICATION_ORDERS: ListOrders<Application, ApplicationSortField> = {
  default: '-createdAt',
  keys: {
    createdAt: [
      { column: 'application.created_at', key: (row) => row.createdAt.toISOString() },
      { column: 'application.id', key: (row) => row.id },
    ],
    submittedAt: [
      { column: `coalesce(application.submitted_at, '-infinity'::timestamptz)`, key: (row) => row.submittedAt?.toISOString() ?? '-infinity' },
      { column: 'application.id', key: (row) => row.id },
    ],
    caseNumber: [
      { column: `coalesce(application.case_number, '')`, key: (row) => row.caseNumber ?? '' },
      { column: 'application.id', key: (row) => row.id },
    ],
    title: [
      { column: 'application.title', key: (row) => row.title },
      { column: 'application.id', key: (row) => row.id },
    ],
  },
};

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CaseMessages) private readonly messages: CaseMessages,
    @Inject(CasePeople) private readonly people: CasePeople,
    @Inject(ReminderJobs) private readonly reminderJobs: ReminderJobs,
    @Inject(ProgrammesService) private readonly programmes: ProgrammesService,
    @Inject(MunicipalitiesService) private readonly municipalities: MunicipalitiesService,
    // Provided by the documents context when it is loaded (see the port).
    @Optional() @Inject(SUBMITTED_DOCUMENTS) private readonly documents: SubmittedDocumentsPort = NO_SUBMITTED_DOCUMENTS,
  ) {}

  /** Who submitted the application (its latest submitted version), by name. */
  async submitterName(id: string): Promise<string | null> {
    const [row]: Array<{ name: string }> = await this.dataSource.query(
      `SELECT u.name FROM application_version v JOIN app_user u ON u.id = v.submitted_by WHERE v.application_id = $1 ORDER BY v.version_no DESC LIMIT 1`,
      [id],
    );
    return row?.name ?? null;
  }

  /** The application's submitted versions, newest first, with who submitted each, to those who may see the application. */
  async versions(id: string, actor: Actor): Promise<Array<{ version: ApplicationVersion; submittedByName: string | null }>> {
    const manager = this.dataSource.manager;
    await this.findVisible(manager, id, actor);
    const versions = await manager.find(ApplicationVersion, { where: { applicationId: id }, order: { versionNo: 'DESC' } });
    if (versions.length === 0) return [];
    const names: Array<{ id: string; name: string }> = await manager.query('SELECT id, name FROM app_user WHERE id = ANY($1)', [
      [...new Set(versions.map((version) => version.submittedBy))],
    ]);
    return versions.map((version) => ({ version, submittedByName: names.find((person) => person.id === version.submittedBy)?.name ?? null }));
  }

  /** The answers for some applications, with the names of their people and kommuner. */
  async respond(applications: Application[]): Promise<ApplicationResponse[]> {
    const views = await this.people.describe(applications);
    return applications.map((application) => ApplicationResponse.from(application, views.get(application.id)!));
  }

  /** A new draft owned by the project lead's kommune. The programme's rules are checked at submission. */
  create(body: CreateApplicationBody, actor: AuthUser): Promise<Application> {
    return this.audit.transaction(async (manager) => {
      const programme = await this.programmes.find(body.programmeId, manager);
      if (!programme) throw ApplicationException.invalid([{ field: 'programmeId', message: 'er ikke en pulje' }]);
      const closed = draftWindowProblem(this.clock.now(), programme);
      if (closed) throw ApplicationException.outsideWindow(closed);
      const coApplicantCodes = body.coApplicantCodes ?? [];
      await this.checkContent(manager, programme, { ...body, coApplicantCodes }, actor.municipalityCode!);

      const application = await manager.save(
        manager.create(Application, {
          programmeId: programme.id,
          municipalityCode: actor.municipalityCode!,
          coApplicantCodes,
          createdBy: actor.id,
          status: 'draft',
          title: body.title.trim(),
          purpose: body.purpose.trim(),
          activities: body.activities,
          themes: body.themes,
          requestedOre: oreFromApi(body.requestedOre),
          plannedStart: body.plannedStart,
          plannedEnd: body.plannedEnd,
          cvr: body.cvr ?? null,
          contactPerson: body.contactPerson ? contactPersonOf(body.contactPerson) : null,
          coFinancingOre: optionalOre(body.coFinancingOre, null),
          budgetLines: budgetLinesFromApi(body.budgetLines ?? []),
          caseNumber: null,
          submittedAt: null,
          receipt: null,
        }),
      );
      await this.people.nameFirstContact(manager, application);
      return audited(application, { action: 'application.created', entityType: 'application', entityId: application.id, after: contentOf(application) });
    });
  }

  async get(id: string, actor: Actor): Promise<Application> {
    return this.findVisible(this.dataSource.manager, id, actor);
  }

  /**
   * The application if the actor may see it, optionally locked for the rest of the transaction.
   * For a project lead of another kommune it does not exist (404).
   */
  async findVisible(manager: EntityManager, id: string, actor: Actor, lock = false): Promise<Application> {
    return findVisibleApplication(manager, id, actor, lock);
  }

  /**
   * Newest first, or in the order `sort` asks for. In the default order, one kommune's cases (a
   * project lead's list, or a `municipalityCode` filter) are walked on `application_participant`; the
   * others on `application_created_idx` or `application_programme_status_idx`. Another order walks its
   * own index (see APPLICATION_ORDERS) with the kommune as a filter.
   */
  async list(query: ApplicationQuery, actor: Actor): Promise<Page<Application>> {
    const builder = this.filtered(query, actor);
    const kommune = actor.role === 'project_lead' ? (actor.municipalityCode ?? '') : query.municipalityCode;
    if (kommune === undefined || resolveOrder('applications', APPLICATION_ORDERS, query.sort).isDefault === false) {
      restrictToKommune(builder, 'application', actor);
      if (query.municipalityCode) builder.andWhere(':code = ANY(application.participant_codes)', { code: query.municipalityCode });
      return keysetPage(builder, 'applications', query, APPLICATION_ORDERS);
    }
    // application_participant holds one row per code in participant_codes, so for a project lead this
    // join is exactly restrictToKommune's scope. Written as the join alone: with the array test beside
    // it, the planner misjudges the row count and sorts every case of the kommune (250 ms, not 1 ms).
    if (query.municipalityCode && query.municipalityCode !== kommune) {
      builder.andWhere(':code = ANY(application.participant_codes)', { code: query.municipalityCode });
    }
    builder.innerJoin('application_participant', 'participant', 'participant.application_id = application.id AND participant.municipality_code = :kommune', {
      kommune,
    });
    return keysetPage(builder, 'applications', query, 'DESC', [
      { column: 'participant.created_at', key: (row) => row.createdAt.toISOString() },
      { column: 'participant.application_id', key: (row) => row.id },
    ]);
  }

  /**
   * How many applications the list shows for these filters (one of `statuses`, when given), counted in
   * the database on the list's own conditions (see {@link filtered}). A kommune is counted as the list
   * takes it in its default order, through `application_participant`: by the array test beside the
   * status, the planner fetched every open case to keep a kommune's few.
   */
  async count(query: ApplicationFilter, actor: Actor): Promise<number> {
    const builder = this.filtered(query, actor);
    const kommune = actor.role === 'project_lead' ? (actor.municipalityCode ?? '') : query.municipalityCode;
    if (kommune !== undefined) {
      if (query.municipalityCode && query.municipalityCode !== kommune)
        builder.andWhere(':code = ANY(application.participant_codes)', { code: query.municipalityCode });
      builder.innerJoin('application_participant', 'participant', 'participant.application_id = application.id AND participant.municipality_code = :kommune', {
        kommune,
      });
    }
    return countOf(builder);
  }

  /** The list's conditions but its kommune and its order: what the list and its counts share. */
  private filtered(query: ApplicationFilter, actor: Actor): SelectQueryBuilder<Application> {
    const builder = this.dataSource.getRepository(Application).createQueryBuilder('application');
    // A draft is the kommune's own work: the ministry sees an application from its submission on.
    if (actor.role !== 'project_lead') builder.andWhere(`application.status <> 'draft'`);
    if (query.assigneeId === 'none') builder.andWhere('application.assignee_id IS NULL');
    else if (query.assigneeId)
      builder.andWhere('application.assignee_id = :assigneeId', { assigneeId: query.assigneeId === 'me' ? actor.id : query.assigneeId });
    if (query.status?.length) builder.andWhere('application.status IN (:...statuses)', { statuses: [...query.status] });
    if (query.programmeId) builder.andWhere('application.programme_id = :programmeId', { programmeId: query.programmeId });
    if (query.theme) builder.andWhere(':theme = ANY(application.themes)', { theme: query.theme });
    if (query.decidableBy) {
      if (actor.role === 'project_lead') throw ApplicationException.filterNotForRole('decidableBy', 'gælder kun sagsbehandlere og administratorer');
      restrictToDecidableBy(builder, 'application', actor, this.clock.now());
    }
    if (query.q) {
      // A case number, or its start (`ÆLD-2020-00`), is looked up as such too; it has no words to find.
      const caseNumberPrefix = caseNumberSearch(query.q);
      if (caseNumberPrefix === null) builder.andWhere('application.search @@ search_query(:q)', { q: query.q });
      else
        builder.andWhere('(application.search @@ search_query(:q) OR application.case_number LIKE :caseNumberPrefix)', {
          q: query.q,
          caseNumberPrefix: `${caseNumberPrefix}%`,
        });
    }
    return builder;
  }

  /** Changes a draft; only the lead kommune's project leads, and only against the current version. */
  update(id: string, body: UpdateApplicationBody, actor: AuthUser): Promise<Application> {
    return this.audit.transaction(async (manager) => {
      const application = await this.findOwned(manager, id, actor, 'edit');
      if (application.version !== body.version) throw ApplicationException.staleVersion(body.version, application.version);
      const before = contentOf(application);
      const programme = await this.programmes.get(application.programmeId, manager);

      Object.assign(application, {
        title: body.title?.trim() ?? application.title,
        purpose: body.purpose?.trim() ?? application.purpose,
        activities: body.activities ?? application.activities,
        themes: body.themes ?? application.themes,
        requestedOre: body.requestedOre === undefined ? application.requestedOre : oreFromApi(body.requestedOre),
        plannedStart: body.plannedStart ?? application.plannedStart,
        plannedEnd: body.plannedEnd ?? application.plannedEnd,
        coApplicantCodes: body.coApplicantCodes ?? application.coApplicantCodes,
        // null clears an optional field; left out, it stays.
        cvr: body.cvr === undefined ? application.cvr : body.cvr,
        contactPerson: body.contactPerson === undefined ? application.contactPerson : body.contactPerson && contactPersonOf(body.contactPerson),
        coFinancingOre: optionalOre(body.coFinancingOre, application.coFinancingOre),
        budgetLines: body.budgetLines === undefined ? application.budgetLines : budgetLinesFromApi(body.budgetLines ?? []),
      });
      await this.checkContent(manager, programme, application, application.municipalityCode);
      const saved = await manager.save(application);
      return audited(saved, { action: 'application.updated', entityType: 'application', entityId: id, before, after: contentOf(saved) });
    });
  }

  /**
   * Submits a draft inside the window: checks the programme's rules, gives the case number, stamps the
   * time, freezes the content as a version of its own and writes the applicant's receipt.
   */
  async submit(id: string, actor: AuthUser): Promise<Application> {
    const { application, mails } = await this.audit.transaction(async (manager) => {
      const application = await this.findOwned(manager, id, actor, 'submit');
      const programme = await this.programmes.get(application.programmeId, manager);
      const problems = submissionProblems(application, { ...programme, themeKeys: programme.themes.map((theme) => theme.key) });
      if (programme.requiresBudgetLines && application.budgetLines.length === 0) {
        problems.push({ field: 'budgetLines', message: 'skal udfyldes: puljen kræver et budget, der summerer til det ansøgte beløb' });
      }
      if (problems.length > 0) throw ApplicationException.submissionRules(problems);
      // Lines given are checked whether or not the programme requires them: a budget that does not add up is wrong either way.
      const mismatch = application.budgetLines.length > 0 ? budgetMismatch(application.budgetLines, application.requestedOre) : null;
      if (mismatch) throw ApplicationException.budgetLinesMismatch(mismatch);
      if (programme.requiredDocumentKinds.length > 0) {
        const missing = missingDocumentKinds(programme.requiredDocumentKinds, await this.documents.kindsOf(manager, id));
        if (missing.length > 0) throw ApplicationException.documentsMissing(missing);
      }
      const now = this.clock.now();
      const closed = windowProblem(now, programme);
      if (closed) throw ApplicationException.outsideWindow(closed);

      // The counter row is updated in this transaction: a number is never given twice; one left by a
      // rolled-back submission is simply never seen.
      const [[{ last_case_number: sequence }]] = await manager.query(
        'UPDATE programme SET last_case_number = last_case_number + 1 WHERE id = $1 RETURNING last_case_number',
        [programme.id],
      );
      const number = caseNumber(programme.code, sequence);
      const before = { status: application.status };
      application.status = nextApplicationStatus(application.status, 'submit');
      application.caseNumber = number;
      application.submittedAt = now;
      application.receipt = await this.receiptFor(number, now, programme, application);
      const saved = await manager.save(application);
      // The draft's documents get their journal numbers now that the case has a number, then the receipt.
      await journalSubmission(manager, { applicationId: id, caseNumber: number, receivedAt: now, sender: null });

      const versions = await manager.countBy(ApplicationVersion, { applicationId: id });
      // jsonb content: the typing of insert() does not take its nulls, the column does.
      const content = { ...contentOf(saved), requestedOre: saved.requestedOre.toString() } as unknown as Record<string, never>;
      await manager.insert(ApplicationVersion, { applicationId: id, versionNo: versions + 1, content, submittedAt: now, submittedBy: actor.id });
      // The receipt goes to the case's contacts and whoever submitted it: in their inbox now, by e-mail through the outbox.
      const recipientIds = [...(await this.people.recipients(manager, id)), actor.id];
      const mails = await this.messages.send(
        manager,
        {
          kind: 'application_receipt',
          recipientIds,
          subjectType: 'application',
          subjectId: id,
          caseId: id,
          title: `Kvittering for ansøgning ${number} «${saved.title}»`,
          body: saved.receipt!.text,
          link: caseLink(id),
        },
        now,
      );
      return audited(
        { application: saved, mails },
        {
          action: 'application.submitted',
          entityType: 'application',
          entityId: id,
          before,
          after: {
            status: saved.status,
            caseNumber: number,
            submittedAt: now,
            receipt: saved.receipt,
            receiptSentTo: [...new Set(recipientIds)],
            cvr: saved.cvr,
            contactPerson: saved.contactPerson,
            coFinancingOre: saved.coFinancingOre,
            budgetLines: budgetLinesContent(saved.budgetLines),
          },
        },
      );
    });
    await this.reminderJobs.scheduleQuietly(mails);
    return application;
  }

  withdraw(id: string, actor: AuthUser): Promise<Application> {
    return this.audit.transaction(async (manager) => {
      const application = await this.findOwned(manager, id, actor, 'withdraw');
      const before = { status: application.status };
      application.status = nextApplicationStatus(application.status, 'withdraw');
      const saved = await manager.save(application);
      return audited(saved, { action: 'application.withdrawn', entityType: 'application', entityId: id, before, after: { status: saved.status } });
    });
  }

  /** Moves an application (already locked by the caller) along its life cycle and saves it. */
  async transition(manager: EntityManager, application: Application, action: ApplicationAction): Promise<Application> {
    const status = nextApplicationStatus(application.status, action);
    // An action that keeps the status (another save of an assessment in progress) changes nothing.
    if (status === application.status) return application;
    return updateLoaded(manager, Application, application, { status });
  }

  /** Locks the application for an owner's action: visible, lead kommune's project lead, action allowed now. */
  private async findOwned(manager: EntityManager, id: string, actor: AuthUser, action: ApplicationAction): Promise<Application> {
    const application = await this.findVisible(manager, id, actor, true);
    if (actor.municipalityCode !== application.municipalityCode) throw ApplicationException.notOwner();
    nextApplicationStatus(application.status, action);
    return application;
  }

  private async checkContent(
    manager: EntityManager,
    programme: Programme,
    content: { themes: string[]; plannedStart: string; plannedEnd: string; coApplicantCodes: string[] },
    leadCode: string,
  ): Promise<void> {
    const problems: FieldError[] = [
      ...contentProblems(
        content,
        programme.themes.map((theme) => theme.key),
      ),
      ...periodProblems(content.plannedStart, content.plannedEnd, programme),
    ];
    if (content.coApplicantCodes.includes(leadCode)) problems.push({ field: 'coApplicantCodes', message: 'må ikke indeholde den ansøgende kommune' });
    if (content.coApplicantCodes.length > 0) {
      const known: Array<{ code: string }> = await manager.query('SELECT code FROM municipality WHERE code = ANY($1)', [content.coApplicantCodes]);
      content.coApplicantCodes.forEach((code, index) => {
        if (!known.some((row) => row.code === code)) problems.push({ field: `coApplicantCodes[${index}]`, message: 'er ikke en kommunekode' });
      });
    }
    if (problems.length > 0) throw ApplicationException.invalid(problems);
  }

  private async receiptFor(number: string, receivedAt: Date, programme: Programme, application: Application): Promise<Receipt> {
    const when = formatDateTime(receivedAt);
    const kommune = (await this.municipalities.officialNames()).get(application.municipalityCode) ?? application.municipalityCode;
    return {
      caseNumber: number,
      receivedAt: receivedAt.toISOString(),
      receivedAtCopenhagen: when,
      text:
        `Kvittering: Ansøgningen «${application.title}» fra ${kommune}${application.cvr ? ` (CVR-nr. ${application.cvr})` : ''} til ${programme.name} er modtaget ${when} ` +
        `og har fået journalnummer ${number}. Gem kvitteringen som dokumentation for, at ansøgningen er indsendt rettidigt.`,
    };
  }
}
