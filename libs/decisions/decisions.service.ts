import { Inject, Injectable } from '@nestjs/common';
import { ApplicationsService } from '../applications/applications.service.js';
import { nextApplicationStatus } from '../applications/application.lifecycle.js';
import { periodProblems } from '../applications/application.rules.js';
import { AssessmentsService } from '../assessments/assessments.service.js';
import { audited, AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../core/access/auth-user.js';
import type { FieldError } from '../core/errors/problem.js';
import { oreFromApi } from '../core/money/money.js';
import { Clock } from '../core/time/clock.js';
import { fitsBudget } from '../programmes/ledger.js';
import { ProgrammeException } from '../programmes/programme.exception.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { ReminderJobs } from '../reminders/reminder-jobs.js';
import { ReportsService } from '../reports/reports.service.js';
import type { Award } from '../awards/award.entity.js';
import { AwardsService } from '../awards/awards.service.js';
import { DecisionException } from './decision.exception.js';
import { Decision } from './decision.entity.js';
import type { DecisionBody } from './dto/decision.dto.js';
import { isSubstantiveRationale } from './rationale.js';

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
    @Inject(AssessmentsService) private readonly assessments: AssessmentsService,
    @Inject(AwardsService) private readonly awards: AwardsService,
  ) {}

  /**
   * Decides an assessed application: award (at most what was asked for, within the budget) or reject.
   * The decider is not the assessor. The application row, then the programme row, are locked for the
   * transaction, so concurrent decisions on one programme are serialised and cannot over-commit.
   */
  async decide(applicationId: string, body: DecisionBody, actor: AuthUser): Promise<DecisionOutcome> {
    const outcome = await this.audit.transaction(async (manager) => {
      const application = await this.applications.findVisible(manager, applicationId, actor, true);
      nextApplicationStatus(application.status, body.outcome);
      const assessment = await this.assessments.completedFor(manager, applicationId);
      if (assessment.assessorId === actor.id) throw DecisionException.fourEyes();

      const amountOre = body.amountOre === undefined ? null : oreFromApi(body.amountOre);
      const startDate = body.startDate ?? application.plannedStart;
      const endDate = body.endDate ?? application.plannedEnd;
      const problems: FieldError[] = [];
      if (body.outcome === 'award' && amountOre === null) problems.push({ field: 'amountOre', message: 'is required for an award' });
      if (body.outcome === 'reject' && amountOre !== null) problems.push({ field: 'amountOre', message: 'must be left out of a rejection' });
      if (body.outcome === 'award' && endDate <= startDate) problems.push({ field: 'endDate', message: 'must be after startDate' });
      const programme = await this.programmes.get(application.programmeId, manager);
      if (body.outcome === 'award') problems.push(...periodProblems(startDate, endDate, programme, { start: 'startDate', end: 'endDate' }));
      if (problems.length > 0) throw DecisionException.invalid(problems);
      const now = this.clock.now();
      const conflict = await this.programmes.conflictOfInterest(manager, application.programmeId, actor.id, now);
      if (conflict) throw ProgrammeException.conflictOfInterest(conflict);
      if (amountOre !== null && amountOre > application.requestedOre) throw DecisionException.amountAboveRequested(application.requestedOre);

      const fullGrant = body.outcome === 'award' && amountOre === application.requestedOre;
      if (!fullGrant && !isSubstantiveRationale(body.rationale)) throw DecisionException.rationaleRequired();

      const { ledger } = await this.programmes.lockLedger(manager, application.programmeId);
      if (amountOre !== null && !fitsBudget(ledger, amountOre)) throw ProgrammeException.budgetExceeded(amountOre, ledger.remainingOre);

      const decision = manager.create(Decision, {
        applicationId,
        outcome: body.outcome,
        rationale: body.rationale.trim(),
        amountOre,
        fullGrant,
        legalBasis: programme.legalBasis,
        appealGuidance: programme.appealGuidance,
        decidedBy: actor.id,
        decidedAt: now,
      });
      await manager.insert(Decision, decision);

      let award: Award | undefined;
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
      }
      await this.applications.transition(manager, application, body.outcome);
      return audited(
        { applicationId, status: application.status, decision, award },
        {
          action: body.outcome === 'award' ? 'application.awarded' : 'application.rejected',
          entityType: 'application',
          entityId: applicationId,
          before: { status: 'assessed', remainingOre: ledger.remainingOre },
          after: {
            status: application.status,
            decision: { outcome: decision.outcome, rationale: decision.rationale, amountOre, fullGrant, decidedAt: now },
            award: award && { id: award.id, amountOre: award.amountOre, startDate, endDate },
            remainingOre: ledger.remainingOre - (amountOre ?? 0n),
          },
        },
      );
    });
    if (outcome.award) await this.reminderJobs.reconcileAward(outcome.award.id);
    return outcome;
  }
}
