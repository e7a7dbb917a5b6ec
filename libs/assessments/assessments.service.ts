import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
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
import type { PutAssessmentBody } from './dto/assessment.dto.js';

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
  ) {}

  /** The assessment a decision rests on, read in the decision's transaction. */
  completedFor(manager: EntityManager, applicationId: string): Promise<Assessment> {
    return manager.findOneByOrFail(Assessment, { applicationId });
  }

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
