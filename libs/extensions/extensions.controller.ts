import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { ExtensionDecisionBody, ExtensionQuery, ExtensionRequestBody, ExtensionRequestPage, ExtensionRequestResponse } from './dto/extension.dto.js';
import { ExtensionsService } from './extensions.service.js';
import type { ExtensionRequest } from './extension-request.entity.js';
import { ApiProblems } from '../core/errors/api-problems.js';

@ApiTags('extensions')
@Controller()
export class ExtensionsController {
  constructor(@Inject(ExtensionsService) private readonly extensions: ExtensionsService) {}

  private async one(request: Promise<ExtensionRequest>): Promise<ExtensionRequestResponse> {
    const [response] = await this.extensions.respond([await request]);
    return response;
  }

  @Post('awards/:id/extension-requests')
  @Auth('project_lead')
  @ApiOperation({ summary: 'Ask for a COVID-19 extension of 1–6 months, before the current end date' })
  @ApiCreatedResponse({ type: ExtensionRequestResponse })
  @ApiProblems('not-owner', 'extension-pending', 'extension-months-exceeded', 'after-end-date')
  async request(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ExtensionRequestBody,
    @CurrentUser() user: AuthUser,
  ): Promise<ExtensionRequestResponse> {
    return this.one(this.extensions.request(id, body, user));
  }

  @Get('awards/:id/extension-requests')
  @Auth()
  @ApiOperation({ summary: 'The extension requests of an award, oldest first' })
  @ApiOkResponse({ type: [ExtensionRequestResponse] })
  async forAward(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<ExtensionRequestResponse[]> {
    return this.extensions.respond(await this.extensions.listForAward(id, user));
  }

  @Get('extension-requests')
  @Auth()
  @ApiOperation({ summary: 'The extension worklist, oldest first (`status=submitted` for those waiting)' })
  @ApiOkResponse({ type: ExtensionRequestPage })
  async worklist(@Query() query: ExtensionQuery, @CurrentUser() user: AuthUser): Promise<ExtensionRequestPage> {
    const page = await this.extensions.worklist(query, user);
    return { items: await this.extensions.respond(page.items), nextCursor: page.nextCursor };
  }

  @Post('extension-requests/:id/decision')
  @Auth('caseworker')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve (possibly fewer months) or reject, with a rationale; approval moves the award’s end date' })
  @ApiOkResponse({ type: ExtensionRequestResponse })
  @ApiProblems('invalid-extension-decision', 'illegal-transition', 'main-considerations-required', 'extension-months-exceeded')
  async decide(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ExtensionDecisionBody,
    @CurrentUser() user: AuthUser,
  ): Promise<ExtensionRequestResponse> {
    const { request, award } = await this.extensions.decide(id, body, user);
    return {
      ...(await this.one(Promise.resolve(request))),
      award: { id: award.id, endDate: award.endDate, originalEndDate: award.originalEndDate, approvedExtensionMonths: award.approvedExtensionMonths },
    };
  }

  @Post('extension-requests/:id/withdraw')
  @Auth('project_lead')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a request that has not been decided' })
  @ApiOkResponse({ type: ExtensionRequestResponse })
  @ApiProblems('not-owner', 'illegal-transition')
  async withdraw(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<ExtensionRequestResponse> {
    return this.one(this.extensions.withdraw(id, user));
  }
}
