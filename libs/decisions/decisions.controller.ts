import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppConfigService } from '../core/config/config.module.js';
import { oreToApi } from '../core/money/money.js';
import { appealGuidanceOf } from './appeal-guidance.js';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { DecisionsService } from './decisions.service.js';
import { AwardsService } from '../awards/awards.service.js';
import { DecisionBody, DecisionRecord, DecisionResponse, DecisionView } from './dto/decision.dto.js';
import { ApiProblems } from '../core/errors/api-problems.js';
import { DECIDING_ROLES } from '../applications/decision-rights.js';

@ApiTags('decisions')
@Controller('applications/:id/decision')
export class DecisionsController {
  constructor(
    @Inject(DecisionsService) private readonly decisions: DecisionsService,
    @Inject(AwardsService) private readonly awards: AwardsService,
    @Inject(ConfigService) private readonly config: AppConfigService,
  ) {}

  @Get()
  @Auth()
  @ApiOperation({
    summary:
      'The decision, as its parties read it: outcome, rationale (§ 24), amount and period, who decided, the appeal guidance (§ 25) and the letter; scoped like the application (404 before a decision)',
  })
  @ApiOkResponse({ type: DecisionView })
  async read(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<DecisionView> {
    const { application, decision, award, decidedByName, municipalityName } = await this.decisions.read(id, user);
    return {
      applicationId: id,
      caseNumber: application.caseNumber!,
      projectTitle: application.title,
      municipalityCode: application.municipalityCode,
      municipalityName,
      outcome: decision.outcome,
      rationale: decision.rationale,
      requestedOre: oreToApi(application.requestedOre),
      ...(decision.amountOre !== null ? { amountOre: oreToApi(decision.amountOre) } : {}),
      ...(award ? { awardId: award.id, startDate: award.startDate, endDate: award.originalEndDate } : {}),
      fullGrant: decision.fullGrant,
      decidedAt: decision.decidedAt.toISOString(),
      decidedBy: decision.decidedBy,
      decidedByName,
      legalBasis: decision.legalBasis,
      appealGuidance: appealGuidanceOf(decision.appealGuidance, this.config.get('ORGANISATION_NAME', { infer: true })),
      letterKind: decision.outcome === 'award' ? 'tilsagnsbrev' : 'afgørelsesbrev',
      letterUrl: `/api/v1/applications/${id}/decision/letter.pdf`,
    };
  }

  @Post()
  @Auth(...DECIDING_ROLES)
  @ApiOperation({ summary: 'Decide an assessed application: award (≤ requested, within budget) or reject' })
  @ApiCreatedResponse({ type: DecisionResponse })
  @ApiProblems(
    'invalid-decision',
    'four-eyes',
    'conflict-of-interest',
    'illegal-transition',
    'budget-exceeded',
    'amount-above-requested',
    'main-considerations-required',
    'decision-before-deadline',
  )
  async decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecisionBody, @CurrentUser() user: AuthUser): Promise<DecisionResponse> {
    const outcome = await this.decisions.decide(id, body, user);
    return {
      applicationId: outcome.applicationId,
      status: outcome.status,
      decision: DecisionRecord.from(outcome.decision),
      ...(outcome.award ? { award: (await this.awards.respond([outcome.award]))[0] } : {}),
    };
  }
}
