import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { nextApplicationStatus } from '../applications/application.lifecycle.js';
import { ApplicationsService } from '../applications/applications.service.js';
import { audited, AuditService } from '../audit/audit.service.js';
import type { Actor } from '../core/context/request-context.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { NotFoundDomainException } from '../core/errors/domain.exception.js';
import type { FieldError } from '../core/errors/problem.js';
import { oreFromApi } from '../core/money/money.js';
import { Clock } from '../core/time/clock.js';
import { ProgrammeException } from '../programmes/programme.exception.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { Assessment } from './assessment.entity.js';
import { AssessmentException } from './assessment.exception.js';
import { ratingProblems, unratedCriteria } from './assessment.rules.js';
import type { HandoverAssessmentBody, PutAssessmentBody } from './dto/assessment.dto.js';
import { isActiveCaseworker, UsersService } from '../auth/users.service.js';
import { CaseMessages } from '../reminders/case-messages.js';
import { ReminderJobs } from '../reminders/reminder-jobs.js';
import { caseLink } from '../reminders/reminder-messages.js';

const auditView = (assessment: Assessment) => ({
  assessorId: assessment.assessorId,
  ratings: assessment.ratings,
  summary: assessment.summary,
  recommendation: assessment.recommendation,
  recommendedOre: assessment.recommendedOre,
  completedAt: assessment.completedAt,
});

@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ProgrammesService) private readonly programmes: ProgrammesService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(CaseMessages) private readonly messages: CaseMessages,
    @Inject(ReminderJobs) private readonly reminderJobs: ReminderJobs,
  ) {}

  async get(applicationId: string, actor: Actor): Promise<{ assessment: Assessment; status: string }> {
    const application = await this.applications.findVisible(this.dataSource.manager, applicationId, actor);
    const assessment = await this.dataSource.manager.findOneBy(Assessment, { applicationId });
    if (!assessment) throw new NotFoundDomainException('Vurderingen af ansøgningen', applicationId);
    return { assessment, status: application.status };
  }

  /** Writes or rewrites the assessment; the first write takes the application into assessment. */
  put(applicationId: string, body: PutAssessmentBody, actor: AuthUser): Promise<{ assessment: Assessment; status: string }> {
    return this.audit.transaction(async (manager) => {
      const application = await this.applications.findVisible(manager, applicationId, actor, true);
      const existing = await manager.findOneBy(Assessment, { applicationId });
      if (existing && existing.assessorId !== actor.id) throw AssessmentException.notAssessor();
      if (existing && body.version !== undefined && body.version !== existing.version) throw AssessmentException.staleVersion(body.version, existing.version);
      const programme = await this.programmes.get(application.programmeId, manager);
      const conflict = await this.programmes.conflictOfInterest(manager, programme.id, actor.id, this.clock.now());
      if (conflict) throw ProgrammeException.conflictOfInterest(conflict);

      const problems: FieldError[] = ratingProblems(
        body.ratings,
        programme.criteria.map((criterion) => criterion.key),
      );
      if (body.recommendation === 'award' && body.recommendedOre === undefined) {
        problems.push({ field: 'recommendedOre', message: 'skal udfyldes, når indstillingen er award' });
      }
      if (body.recommendation === 'reject' && body.recommendedOre !== undefined) {
        problems.push({ field: 'recommendedOre', message: 'skal udelades, når indstillingen er reject' });
      }
      if (problems.length > 0) throw AssessmentException.invalid(problems);
      const recommendedOre = body.recommendedOre === undefined ? null : oreFromApi(body.recommendedOre);
      if (recommendedOre !== null && recommendedOre > application.requestedOre) throw AssessmentException.recommendedAboveRequested();

      const statusBefore = application.status;
      await this.applications.transition(manager, application, 'assess');
      const assessment = await manager.save(
        Object.assign(existing ?? manager.create(Assessment, { applicationId, assessorId: actor.id, completedAt: null }), {
          ratings: body.ratings.map(({ criterionKey, rating, rationale }) => ({ criterionKey, rating, rationale: rationale.trim() })),
          summary: body.summary.trim(),
          recommendation: body.recommendation,
          recommendedOre,
        }),
      );
      return audited(
        { assessment, status: application.status },
        {
          action: existing ? 'assessment.updated' : 'assessment.started',
          entityType: 'application',
          entityId: applicationId,
          before: existing ? { status: statusBefore, ...auditView(existing) } : { status: statusBefore },
          after: { status: application.status, ...auditView(assessment) },
        },
      );
    });
  }

  /**
   * Hands an assessment in progress to another caseworker (the author is away), by a caseworker or an
   * administrator; recorded in `assessment_handover` and the audit trail, and the new author is told.
   * Only before it is completed: the four-eyes rule then follows the new author, so a completed
   * assessment is never handed away from the one who would otherwise decide on their own work.
   */
  async handover(applicationId: string, body: HandoverAssessmentBody, actor: AuthUser): Promise<{ assessment: Assessment; status: string }> {
    const outcome = await this.audit.transaction(async (manager) => {
      const application = await this.applications.findVisible(manager, applicationId, actor, true);
      if (application.status !== 'in_assessment') throw AssessmentException.notHandedOver(application.status);
      const assessment = await manager.findOneByOrFail(Assessment, { applicationId });
      const successor = (await this.users.people([body.assessorId], manager)).get(body.assessorId);
      if (!successor || !isActiveCaseworker(successor)) throw AssessmentException.assessorNotEligible('skal være en aktiv sagsbehandler');
      if (successor.id === assessment.assessorId) throw AssessmentException.assessorNotEligible('er allerede vurderingens forfatter');
      const now = this.clock.now();
      const conflict = await this.programmes.conflictOfInterest(manager, application.programmeId, successor.id, now);
      if (conflict) throw AssessmentException.assessorNotEligible(`${successor.name} er inhabil i puljen`);

      const previousId = assessment.assessorId;
      const reason = body.reason?.trim() || null;
      const [{ id: handoverId }]: Array<{ id: string }> = await manager.query(
        `INSERT INTO assessment_handover (application_id, from_assessor_id, to_assessor_id, handed_over_by, reason, handed_over_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [applicationId, previousId, successor.id, actor.id, reason, now],
      );
      assessment.assessorId = successor.id;
      const saved = await manager.save(assessment);
      const mails =
        successor.id === actor.id
          ? []
          : await this.messages.send(
              manager,
              {
                kind: 'assessment_handed_over',
                recipientIds: [successor.id],
                subjectType: 'assessment_handover',
                subjectId: handoverId,
                caseId: applicationId,
                title: `Vurderingen af ${application.caseNumber} er overdraget til dig`,
                body:
                  `${actor.name} har overdraget vurderingen af ${application.caseNumber} «${application.title}» til dig` +
                  `${reason ? ` med begrundelsen: ${reason}` : ''}. Du er nu vurderingens forfatter og kan derfor ikke selv træffe afgørelsen.`,
                link: caseLink(applicationId),
              },
              now,
            );
      return audited(
        { assessment: saved, status: application.status, mails },
        {
          action: 'assessment.handed_over',
          entityType: 'application',
          entityId: applicationId,
          before: { assessorId: previousId },
          after: { assessorId: successor.id, assessorName: successor.name, reason, handoverId, version: saved.version },
        },
      );
    });
    await this.reminderJobs.scheduleQuietly(outcome.mails);
    return { assessment: outcome.assessment, status: outcome.status };
  }

  /** The author marks the assessment done; every criterion must be rated with a rationale. */
  complete(applicationId: string, actor: AuthUser): Promise<{ assessment: Assessment; status: string }> {
    return this.audit.transaction(async (manager) => {
      const application = await this.applications.findVisible(manager, applicationId, actor, true);
      // Only an application in assessment can be completed, and it has an assessment by then.
      nextApplicationStatus(application.status, 'complete_assessment');
      const assessment = await manager.findOneByOrFail(Assessment, { applicationId });
      if (assessment.assessorId !== actor.id) throw AssessmentException.notAssessor();
      const programme = await this.programmes.get(application.programmeId, manager);
      const missing = unratedCriteria(
        assessment.ratings,
        programme.criteria.map((criterion) => criterion.key),
      );
      if (missing.length > 0) throw AssessmentException.incomplete(missing);

      await this.applications.transition(manager, application, 'complete_assessment');
      assessment.completedAt = this.clock.now();
      const saved = await manager.save(assessment);
      return audited(
        { assessment: saved, status: application.status },
        {
          action: 'assessment.completed',
          entityType: 'application',
          entityId: applicationId,
          before: { status: 'in_assessment' },
          after: { status: application.status, completedAt: saved.completedAt },
        },
      );
    });
  }
}
