import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { DecisionsService } from './decisions.service.js';
import { AwardResponse } from '../awards/dto/award.dto.js';
import { DecisionBody, DecisionRecord, DecisionResponse } from './dto/decision.dto.js';
import { ApiProblems } from '../core/errors/api-problems.js';

@ApiTags('decisions')
@Controller('applications/:id/decision')
export class DecisionsController {
  constructor(@Inject(DecisionsService) private readonly decisions: DecisionsService) {}

  @Post()
  @Auth('caseworker')
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
  )
  async decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecisionBody, @CurrentUser() user: AuthUser): Promise<DecisionResponse> {
    const outcome = await this.decisions.decide(id, body, user);
    return {
      applicationId: outcome.applicationId,
      status: outcome.status,
      decision: DecisionRecord.from(outcome.decision),
      ...(outcome.award ? { award: AwardResponse.from(outcome.award) } : {}),
    };
  }
}
