import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { AssessmentsService } from './assessments.service.js';
import { AssessmentResponse, HandoverAssessmentBody, PutAssessmentBody } from './dto/assessment.dto.js';
import { ApiProblems } from '../core/errors/api-problems.js';

@ApiTags('assessments')
@Controller('applications/:id/assessment')
export class AssessmentsController {
  constructor(@Inject(AssessmentsService) private readonly assessments: AssessmentsService) {}

  @Get()
  @Auth('caseworker', 'admin')
  @ApiOperation({ summary: 'The assessment of an application' })
  @ApiOkResponse({ type: AssessmentResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<AssessmentResponse> {
    const { assessment, status } = await this.assessments.get(id, user);
    return AssessmentResponse.from(assessment, status);
  }

  @Put()
  @Auth('caseworker')
  @ApiOperation({ summary: 'Write the assessment: a rating 1–5 and a rationale per criterion, a summary and a recommendation' })
  @ApiOkResponse({ type: AssessmentResponse })
  @ApiProblems('invalid-assessment', 'not-the-assessor', 'conflict-of-interest', 'illegal-transition', 'recommended-above-requested', 'stale-version')
  async put(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PutAssessmentBody, @CurrentUser() user: AuthUser): Promise<AssessmentResponse> {
    const { assessment, status } = await this.assessments.put(id, body, user);
    return AssessmentResponse.from(assessment, status);
  }

  @Post('handover')
  @Auth('caseworker', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand an assessment in progress to another caseworker (audited; the new author is notified and four-eyes follows them)' })
  @ApiOkResponse({ type: AssessmentResponse })
  @ApiProblems('illegal-transition', 'assessor-not-eligible')
  async handover(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: HandoverAssessmentBody,
    @CurrentUser() user: AuthUser,
  ): Promise<AssessmentResponse> {
    const { assessment, status } = await this.assessments.handover(id, body, user);
    return AssessmentResponse.from(assessment, status);
  }

  @Post('complete')
  @Auth('caseworker')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark the assessment done (its author only); every criterion must be rated' })
  @ApiOkResponse({ type: AssessmentResponse })
  @ApiProblems('not-the-assessor', 'illegal-transition', 'assessment-incomplete')
  async complete(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<AssessmentResponse> {
    const { assessment, status } = await this.assessments.complete(id, user);
    return AssessmentResponse.from(assessment, status);
  }
}
