import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { ReportDetailResponse, ReportPage, ReportQuery, ReportResponse, ReviewReportBody, SubmitReportBody } from './dto/report.dto.js';
import { ReportsService } from './reports.service.js';
import { ApiProblems } from '../core/errors/api-problems.js';

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(@Inject(ReportsService) private readonly reports: ReportsService) {}

  @Get('awards/:id/reports')
  @Auth()
  @ApiOperation({ summary: 'The report schedule of an award, by due date' })
  @ApiOkResponse({ type: [ReportResponse] })
  async forAward(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<ReportResponse[]> {
    return this.reports.respond(await this.reports.listForAward(id, user));
  }

  @Get('reports')
  @Auth()
  @ApiOperation({ summary: 'The report worklist, by due date; `status=overdue` for reports past due and not submitted' })
  @ApiOkResponse({ type: ReportPage })
  async worklist(@Query() query: ReportQuery, @CurrentUser() user: AuthUser): Promise<ReportPage> {
    const page = await this.reports.worklist(query, user);
    return { items: await this.reports.respond(page.items), nextCursor: page.nextCursor };
  }

  @Get('reports/:id')
  @Auth()
  @ApiOperation({ summary: 'A report with every submission and its review' })
  @ApiOkResponse({ type: ReportDetailResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<ReportDetailResponse> {
    const { report, submissions } = await this.reports.get(id, user);
    return { ...report, submissions };
  }

  @Post('reports/:id/submit')
  @Auth('project_lead')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit a report (or resubmit a returned one)' })
  @ApiOkResponse({ type: ReportResponse })
  @ApiProblems('not-owner', 'illegal-transition', 'award-not-active', 'report-period-not-started', 'spent-above-award', 'spent-decreased')
  async submit(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SubmitReportBody, @CurrentUser() user: AuthUser): Promise<ReportResponse> {
    const [response] = await this.reports.respond([await this.reports.submit(id, body, user)]);
    return response;
  }

  @Post('reports/:id/review')
  @Auth('caseworker')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve or return a submitted report with a comment; approving the final report completes the award' })
  @ApiOkResponse({ type: ReportResponse })
  @ApiProblems('illegal-transition', 'reports-outstanding')
  async review(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReviewReportBody, @CurrentUser() user: AuthUser): Promise<ReportResponse> {
    const { report } = await this.reports.review(id, body, user);
    const [response] = await this.reports.respond([report]);
    return response;
  }
}
