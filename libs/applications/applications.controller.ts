import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import type { Application } from './application.entity.js';
import { ApplicationsService } from './applications.service.js';
import { CasePeople } from './case-people.js';
import {
  ApplicationPage,
  ApplicationQuery,
  ApplicationResponse,
  ApplicationVersionResponse,
  AssignBody,
  CaseEventQuery,
  ContactBody,
  CreateApplicationBody,
  UpdateApplicationBody,
} from './dto/application.dto.js';
import { ApiProblems } from '../core/errors/api-problems.js';
import { AuditService } from '../audit/audit.service.js';
import { AuditEventPage } from '../audit/dto/audit-event.response.js';

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
    @Inject(CasePeople) private readonly people: CasePeople,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  private async one(application: Promise<Application>): Promise<ApplicationResponse> {
    const [response] = await this.applications.respond([await application]);
    return response;
  }

  @Post()
  @Auth('project_lead')
  @ApiOperation({ summary: 'Start a draft for your kommune' })
  @ApiCreatedResponse({ type: ApplicationResponse })
  @ApiProblems('invalid-application', 'outside-application-window')
  async create(@Body() body: CreateApplicationBody, @CurrentUser() user: AuthUser): Promise<ApplicationResponse> {
    return this.one(this.applications.create(body, user));
  }

  @Get()
  @Auth()
  @ApiOperation({ summary: 'Applications, newest first; a project lead sees their kommune’s (lead or co-applicant)' })
  @ApiOkResponse({ type: ApplicationPage })
  async list(@Query() query: ApplicationQuery, @CurrentUser() user: AuthUser): Promise<ApplicationPage> {
    const page = await this.applications.list(query, user);
    return { items: await this.applications.respond(page.items), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'One application' })
  @ApiOkResponse({ type: ApplicationResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<ApplicationResponse> {
    return this.one(this.applications.get(id, user));
  }

  @Get(':id/versions')
  @Auth()
  @ApiOperation({
    summary:
      'The submitted versions of the application, newest first: what was submitted each time, by whom and when; scoped like the application (another kommune’s: 404)',
  })
  @ApiOkResponse({ type: [ApplicationVersionResponse] })
  async versions(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<ApplicationVersionResponse[]> {
    return (await this.applications.versions(id, user)).map(({ version, submittedByName }) => ApplicationVersionResponse.from(version, submittedByName));
  }

  @Get(':id/events')
  @Auth('caseworker', 'admin')
  @ApiOperation({
    summary:
      'The case trail: every audit event of the case (as `GET /audit-events?caseId=`: application, assessment, decision, award, reports, ' +
      'extension requests, assignments, contacts), oldest first, each with who did it by name and what happened in a Danish sentence',
  })
  @ApiOkResponse({ type: AuditEventPage })
  async events(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: CaseEventQuery, @CurrentUser() user: AuthUser): Promise<AuditEventPage> {
    // The case as the caller may see it: an unknown case, or a kommune's draft, is a 404.
    await this.applications.get(id, user);
    const page = await this.audit.caseTrail(id, query);
    return { items: await this.audit.respond(page.items), nextCursor: page.nextCursor };
  }

  @Patch(':id')
  @Auth('project_lead')
  @ApiOperation({ summary: 'Change a draft (send the version you changed)' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiProblems('invalid-application', 'not-owner', 'stale-version', 'illegal-transition')
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateApplicationBody, @CurrentUser() user: AuthUser): Promise<ApplicationResponse> {
    return this.one(this.applications.update(id, body, user));
  }

  @Post(':id/submit')
  @Auth('project_lead')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit: case number, time stamp and receipt (kvittering)',
    description:
      'Checks the programme’s rules: budget lines given (or required by the programme) must sum to requestedOre (422 `budget-lines-mismatch`, ' +
      'the difference in kroner), and the kinds of document the programme requires must be on the case (422 `documents-missing`, naming them).',
  })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiProblems('not-owner', 'illegal-transition', 'submission-rules-not-met', 'budget-lines-mismatch', 'documents-missing', 'outside-application-window')
  async submit(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<ApplicationResponse> {
    return this.one(this.applications.submit(id, user));
  }

  @Post(':id/withdraw')
  @Auth('project_lead')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a draft or a submitted application' })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiProblems('not-owner', 'illegal-transition')
  async withdraw(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<ApplicationResponse> {
    return this.one(this.applications.withdraw(id, user));
  }

  @Patch(':id/contact')
  @Auth('project_lead', 'caseworker', 'admin')
  @ApiOperation({
    summary:
      'Name a kommune’s contact on the case (an active project lead of that kommune): a project lead names their own kommune’s, a caseworker or admin any of the case’s kommuner’; the contact is told',
  })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiProblems('forbidden', 'not-a-participant', 'contact-not-eligible')
  async changeContact(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ContactBody, @CurrentUser() user: AuthUser): Promise<ApplicationResponse> {
    return this.one(this.people.changeContact(id, body, user));
  }

  @Post(':id/assign')
  @Auth('caseworker', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Assign the case (and so its award, reports and extension requests) to a caseworker, or release it with null; the caseworker is told',
  })
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiProblems('assignee-not-eligible')
  async assign(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AssignBody, @CurrentUser() user: AuthUser): Promise<ApplicationResponse> {
    return this.one(this.people.assign(id, body.assigneeId, user));
  }
}
