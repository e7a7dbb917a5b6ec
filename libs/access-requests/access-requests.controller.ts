import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { ApiProblems } from '../core/errors/api-problems.js';
import type { AccessRequest } from './access-request.entity.js';
import { AccessRequestsService } from './access-requests.service.js';
import { AccessRequestPage, AccessRequestQuery, AccessRequestResponse, CompleteAccessRequestBody, CreateAccessRequestBody } from './dto/access-request.dto.js';

@ApiTags('access-requests')
@Controller('access-requests')
export class AccessRequestsController {
  constructor(@Inject(AccessRequestsService) private readonly accessRequests: AccessRequestsService) {}

  private async respond(requests: AccessRequest[]): Promise<AccessRequestResponse[]> {
    const names = await this.accessRequests.names(requests);
    const today = this.accessRequests.today();
    return requests.map((request) => AccessRequestResponse.from(request, names.get(request.id)!, today));
  }

  @Post()
  @Auth('caseworker', 'admin')
  @ApiOperation({
    summary: 'Register a request for insight into a case (aktindsigt): due 7 working days after receipt; its caseworker is reminded 2 working days before',
  })
  @ApiCreatedResponse({ type: AccessRequestResponse })
  @ApiProblems('not-found')
  async create(@Body() body: CreateAccessRequestBody, @CurrentUser() user: AuthUser): Promise<AccessRequestResponse> {
    const [response] = await this.respond([await this.accessRequests.create(body, user)]);
    return response;
  }

  @Get()
  @Auth('caseworker', 'admin')
  @ApiOperation({
    summary:
      "The access requests, earliest deadline first; `status=open` for those to answer, `status=overdue` for those past their deadline; `applicationId` for one case's",
  })
  @ApiOkResponse({ type: AccessRequestPage })
  async list(@Query() query: AccessRequestQuery, @CurrentUser() user: AuthUser): Promise<AccessRequestPage> {
    const page = await this.accessRequests.list(query, user);
    return { items: await this.respond(page.items), nextCursor: page.nextCursor };
  }

  @Post(':id/complete')
  @Auth('caseworker')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the request is answered, with a note; its reminder is no longer sent' })
  @ApiOkResponse({ type: AccessRequestResponse })
  @ApiProblems('illegal-transition')
  async complete(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: CompleteAccessRequestBody,
    @CurrentUser() user: AuthUser,
  ): Promise<AccessRequestResponse> {
    const [response] = await this.respond([await this.accessRequests.complete(id, body, user)]);
    return response;
  }
}
