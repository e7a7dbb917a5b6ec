import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Application } from '../applications/application.entity.js';
import { CasePeople } from '../applications/case-people.js';
import { UsersService } from '../auth/users.service.js';
import type { AppConfigService } from '../core/config/config.module.js';
import type { Actor } from '../core/context/request-context.js';
import { NotFoundDomainException } from '../core/errors/domain.exception.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { CaseMessages } from '../reminders/case-messages.js';
import { decisionMessage, letterName } from './decision-messages.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { nextApplicationStatus } from '../applications/application.lifecycle.js';
import { periodProblems } from '../applications/application.rules.js';
import { decisionBarriersWithProgramme } from '../applications/decision-rights.js';
import { audited, AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../core/access/auth-user.js';
import type { FieldError } from '../core/errors/problem.js';
import { oreFromApi, type Ore } from '../core/money/money.js';
import type { CalendarDate } from '../core/time/calendar-date.js';
import type { Programme } from '../programmes/programme.entity.js';
import { Clock } from '../core/time/clock.js';
import { fitsBudget, type Ledger } from '../programmes/ledger.js';
import { ProgrammeException } from '../programmes/programme.exception.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { ReminderJobs } from '../reminders/reminder-jobs.js';
import { ReportsService } from '../reports/reports.service.js';
import type { Award } from '../awards/award.entity.js';
import { AwardsService } from '../awards/awards.service.js';
import type { AuditRecord } from '../audit/audit-trail.port.js';
import { InstalmentsService } from '../payments/instalments.service.js';
import { DecisionException } from './decision.exception.js';
import { Decision } from './decision.entity.js';
import type { DecisionBody } from './dto/decision.dto.js';
import { isRealText, isSubstantiveRationale } from './rationale.js';
import { registerCaseAct } from '../journal/journal.js';

/** A decision as it would be made now: checked against every rule, nothing written yet. */
export interface CheckedDecision {
  application: Application;
  programme: Programme;
  outcome: 'award' | 'reject';
  amountOre: Ore | null;
  startDate: CalendarDate;
  endDate: CalendarDate;
  fullGrant: boolean;
  rationale: string;
  /** The ledger as it stood, unlocked; none when deciding an award (it is read under the lock at the end). */
  ledger: Ledger | null;
  now: Date;
}

/** Where the web app shows a case's decision. */
export const decisionLink = (applicationId: string) => `/sager/${applicationId}/afgoerelse`;

/** A decision as its parties read it, with the case it decided and the award it made. */
export interface DecisionRead {
  application: Application;
  decision: Decision;
  award: Award | null;
  decidedByName: string | null;
  municipalityName: string;
}

export interface DecisionOutcome {
  applicationId: string;
  status: string;
  decision: Decision;
  award?: Award;
}

@Injectable()
export class DecisionsService {
  constructor(
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
    @Inject(ProgrammesService) private readonly programmes: ProgrammesService,
    @Inject(ReportsService) private readonly reports: ReportsService,
    @Inject(ReminderJobs) private readonly reminderJobs: ReminderJobs,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AwardsService) private readonly awards: AwardsService,
    @Inject(CasePeople) private readonly people: CasePeople,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(CaseMessages) private readonly messages: CaseMessages,
    @Inject(MunicipalitiesService) private readonly municipalities: MunicipalitiesService,
    @Inject(ConfigService) private readonly config: AppConfigService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(InstalmentsService) private readonly instalments: InstalmentsService,
  ) {}

  /** The decision on an application the actor may see; 404 before there is one. */
  async read(applicationId: string, actor: Actor): Promise<DecisionRead> {
    const manager = this.dataSource.manager;
    const application = await this.applications.findVisible(manager, applicationId, actor);
    const decision = await manager.findOneBy(Decision, { applicationId });
    if (!decision) throw new NotFoundDomainException('Afgørelsen af ansøgningen', applicationId);
    const [award, people, kommuner] = await Promise.all([
      decision.outcome === 'award' ? this.awards.forApplication(manager, applicationId) : Promise.resolve(null),
      this.users.people([decision.decidedBy], manager),
      this.municipalities.officialNames(),
    ]);
    return {
      application,
      decision,
      award,
      decidedByName: people.get(decision.decidedBy)?.name ?? null,
      municipalityName: kommuner.get(application.municipalityCode) ?? application.municipalityCode,
    };
  }

  /**
   * The decision a caseworker is about to make, checked by every rule `decide` applies, in the same
   * order with the same answers (400, 403, 409, 422), in a read-only transaction: nothing can be
   * written, and nothing is locked. For the letter's preview (`POST /applications/:id/decision/preview`).
   */
  preview(applicationId: string, body: DecisionBody, actor: AuthUser): Promise<CheckedDecision> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return this.check(manager, applicationId, body, actor, false);
    });
  }

  /**
   * Every rule of a decision, on the application as the transaction sees it: its state, four-eyes, the
   * body's coherence and period, conflict of interest, the amount asked for, the programme's deadline,
   * the rationale (forvaltningsloven §§ 22 and 24) and the budget as it stands. `lock`: the application
   * row is locked for the rest of the transaction (deciding); without it, it is only read (a preview).
   * The budget is checked here without a lock, to answer early; deciding checks it again under the
   * programme's lock as its last step ({@link decide}).
   */
  private async check(manager: EntityManager, applicationId: string, body: DecisionBody, actor: AuthUser, lock: boolean): Promise<CheckedDecision> {
    const application = await this.applications.findVisible(manager, applicationId, actor, lock);
    nextApplicationStatus(application.status, body.outcome);
    const now = this.clock.now();
    // The programme and the rules that turn on the case and the caller, in one query.
    const { programme, ...barriers } = await decisionBarriersWithProgramme(manager, this.programmes, applicationId, actor.id, now);
    if (barriers.assessedByDecider) throw DecisionException.fourEyes();

    const amountOre = body.amountOre === undefined ? null : oreFromApi(body.amountOre);
    const startDate = body.startDate ?? application.plannedStart;
    const endDate = body.endDate ?? application.plannedEnd;
    const problems: FieldError[] = [];
    if (body.outcome === 'award' && amountOre === null) problems.push({ field: 'amountOre', message: 'skal udfyldes ved et tilsagn' });
    if (body.outcome === 'reject' && amountOre !== null) problems.push({ field: 'amountOre', message: 'skal udelades ved et afslag' });
    if (body.outcome === 'award' && endDate <= startDate) problems.push({ field: 'endDate', message: 'skal ligge efter startDate' });
    if (body.outcome === 'award') problems.push(...periodProblems(startDate, endDate, programme, { start: 'startDate', end: 'endDate' }));
    if (problems.length > 0) throw DecisionException.invalid(problems);
    if (barriers.conflictOfInterest) throw ProgrammeException.conflictOfInterest(barriers.conflictOfInterest);
    if (amountOre !== null && amountOre > application.requestedOre) throw DecisionException.amountAboveRequested(application.requestedOre);

    if (barriers.beforeDeadline) throw DecisionException.beforeDeadline(programme.applicationClosesAt);

    const fullGrant = body.outcome === 'award' && amountOre === application.requestedOre;
    const rationale = body.rationale?.trim() ?? '';
    if (!fullGrant && !isSubstantiveRationale(rationale)) throw DecisionException.rationaleRequired();
    if (fullGrant && rationale !== '' && !isRealText(rationale)) throw DecisionException.rationaleNotReal();

    // An award being decided reads the budget once, under the lock, as its last step: reading it here too
    // would only add a round trip to every decision.
    const ledger = lock && amountOre !== null ? null : (await this.programmes.ledgers([application.programmeId], manager)).get(application.programmeId)!;
    if (ledger && amountOre !== null && !fitsBudget(ledger, amountOre)) throw ProgrammeException.budgetExceeded(amountOre, ledger.remainingOre);
    return { application, programme, outcome: body.outcome, amountOre, startDate, endDate, fullGrant, rationale, ledger, now };
  }

  /**
   * Decides an assessed application: award (at most what was asked for, within the budget) or reject,
   * once {@link check} has found nothing in the way, in the transaction that locked what it checked.
   */
  async decide(applicationId: string, body: DecisionBody, actor: AuthUser): Promise<DecisionOutcome> {
    const outcome = await this.audit.transaction(async (manager) => {
      const { application, programme, amountOre, startDate, endDate, fullGrant, rationale, ledger, now } = await this.check(
        manager,
        applicationId,
        body,
        actor,
        true,
      );

      const decision = manager.create(Decision, {
        applicationId,
        outcome: body.outcome,
        rationale,
        amountOre,
        fullGrant,
        legalBasis: programme.legalBasis,
        appealGuidance: programme.appealGuidance,
        decidedBy: actor.id,
        decidedAt: now,
      });
      await manager.insert(Decision, decision);

      let award: Award | undefined;
      let instalmentEvents: AuditRecord[] = [];
      if (amountOre !== null) {
        award = await this.awards.create(manager, {
          applicationId,
          programmeId: programme.id,
          municipalityCode: application.municipalityCode,
          participantCodes: application.participantCodes,
          caseNumber: application.caseNumber!,
          amountOre,
          startDate,
          endDate,
          decidedBy: actor.id,
          decidedAt: now,
        });
        await this.reports.createSchedule(manager, award, programme);
        // Its instalments by the programme's payment plan, the first (at the award) ready at once.
        instalmentEvents = await this.instalments.createForAward(manager, award, programme.paymentPlan, now);
      }
      await this.applications.transition(manager, application, body.outcome);
      // The decision and its letter are an act of the case, numbered in its journal.
      await registerCaseAct(manager, {
        applicationId,
        caseNumber: application.caseNumber!,
        kind: 'decision',
        title: `${body.outcome === 'award' ? 'Tilsagnsbrev' : 'Afgørelsesbrev'}: afgørelse om ansøgning ${application.caseNumber}`,
        sender: null,
        registeredAt: now,
      });

      // The case's contacts are told at once in their inbox, and by e-mail through the outbox.
      const municipalityName = (await this.municipalities.officialNames()).get(application.municipalityCode) ?? application.municipalityCode;
      const mails = await this.messages.send(
        manager,
        {
          kind: 'decision_made',
          // Chosen in the statement that files the message: one round trip fewer.
          recipientIds: this.people.recipientsOf(applicationId),
          subjectType: 'application',
          subjectId: applicationId,
          caseId: applicationId,
          awardId: award?.id ?? null,
          ...decisionMessage({
            organisation: this.config.get('ORGANISATION_NAME', { infer: true }),
            caseNumber: application.caseNumber!,
            title: application.title,
            municipalityName,
            outcome: body.outcome,
            fullGrant,
            requestedOre: application.requestedOre,
            amountOre,
            startDate,
            endDate,
          }),
          link: decisionLink(applicationId),
        },
        now,
      );
      // The budget under the programme's lock, as the transaction's last step before its audit events
      // and the commit: concurrent decisions on one programme are serialised here and cannot over-commit,
      // and the lock is held for these few statements only, not for the writes above. (The lock is taken
      // in a statement of its own and the ledger read after it, so the ledger sees every award committed
      // before the lock was granted; this transaction's own award is already in it.)
      let remainingOre = ledger?.remainingOre ?? 0n;
      if (amountOre !== null) {
        const locked = await this.programmes.lockBudget(manager, programme.id);
        remainingOre = locked.remainingOre + amountOre;
        if (locked.remainingOre < 0n) throw ProgrammeException.budgetExceeded(amountOre, remainingOre);
      }
      return audited(
        { applicationId, status: application.status, decision, award, mails },
        {
          action: body.outcome === 'award' ? 'application.awarded' : 'application.rejected',
          entityType: 'application',
          entityId: applicationId,
          before: { status: 'assessed', remainingOre },
          after: {
            status: application.status,
            decision: { outcome: decision.outcome, rationale: decision.rationale, amountOre, fullGrant, decidedAt: now },
            award: award && { id: award.id, amountOre: award.amountOre, startDate, endDate },
            remainingOre: remainingOre - (amountOre ?? 0n),
            letter: { name: letterName(decision), url: `/api/v1/applications/${applicationId}/decision/letter.pdf` },
            notified: mails.map((mail) => mail.recipientId),
          },
        },
        ...instalmentEvents,
      );
    });
    await this.reminderJobs.scheduleQuietly(outcome.mails);
    if (outcome.award) await this.reminderJobs.reconcileAward(outcome.award.id);
    return outcome;
  }
}
