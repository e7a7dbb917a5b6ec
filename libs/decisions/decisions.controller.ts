import { Body, Controller, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { DecisionsService } from './decisions.service.js';
import { AwardResponse } from '../awards/dto/award.dto.js';
import { DecisionBody, DecisionRecord, DecisionResponse } from './dto/decision.dto.js';

@ApiTags('decisions')
@Controller('applications/:id/decision')
export class DecisionsController {
  constructor(@Inject(DecisionsService) private readonly decisions: DecisionsService) {}

  @Post()
  @Auth('caseworker')
  @ApiOperation({ summary: 'Decide an assessed application: award (≤ requested, within budget) or reject' })
  @ApiCreatedResponse({ type: DecisionResponse })
  @ApiForbiddenResponse({ description: 'The decider assessed the application (four-eyes)' })
  @ApiConflictResponse({ description: 'Not assessed, already decided, or over budget' })
  @ApiUnprocessableEntityResponse({ description: 'Above the requested amount, or a rejection/partial award without its main considerations' })
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
