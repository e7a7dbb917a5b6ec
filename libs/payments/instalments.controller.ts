import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { ApiProblems } from '../core/errors/api-problems.js';
import { InstalmentPage, InstalmentQuery, InstalmentResponse, RecordPaymentBody } from './dto/instalment.dto.js';
import { InstalmentsService } from './instalments.service.js';

@ApiTags('payments')
@Controller()
export class InstalmentsController {
  constructor(@Inject(InstalmentsService) private readonly instalments: InstalmentsService) {}

  // `/payments` is the contract's name (API.md), `/instalments` the domain's: both answer.
  @Get(['awards/:id/instalments', 'awards/:id/payments'])
  @Auth()
  @ApiOperation({ summary: 'An award’s instalments (rater) in the order of its payment plan; their amounts sum to the award' })
  @ApiOkResponse({ type: [InstalmentResponse] })
  async forAward(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<InstalmentResponse[]> {
    return this.instalments.respond(await this.instalments.forAward(id, user), user);
  }

  @Get(['instalments', 'payments'])
  @Auth('caseworker', 'admin')
  @ApiOperation({
    summary: 'Instalments; `status=ready` is the payment approval queue, the longest waiting first, each saying whether the caller may approve it',
  })
  @ApiOkResponse({ type: InstalmentPage })
  async list(@Query() query: InstalmentQuery, @CurrentUser() user: AuthUser): Promise<InstalmentPage> {
    const page = await this.instalments.list(query, user);
    return { items: await this.instalments.respond(page.items, user), nextCursor: page.nextCursor };
  }

  @Post(['instalments/:id/approve', 'payments/:id/approve'])
  @Auth('caseworker')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a ready instalment for payment (not by the caseworker who made its trigger happen: four-eyes)' })
  @ApiOkResponse({ type: InstalmentResponse })
  @ApiProblems('four-eyes', 'illegal-transition')
  async approve(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<InstalmentResponse> {
    const [response] = await this.instalments.respond([await this.instalments.approve(id, user)], user);
    return response;
  }

  @Post(['payments/:id/paid', 'instalments/:id/paid'])
  // The administrator records what the finance system paid (API.md): the caseworkers who approve
  // payments do not also record them (segregation of duties).
  @Auth('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the finance system has paid an approved instalment (`:id` is the instalment’s): once' })
  @ApiOkResponse({ type: InstalmentResponse })
  @ApiProblems('payment-already-recorded', 'illegal-transition', 'rule-violated')
  async recordPayment(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordPaymentBody,
    @CurrentUser() user: AuthUser,
  ): Promise<InstalmentResponse> {
    const [response] = await this.instalments.respond([await this.instalments.recordPayment(id, body, user)], user);
    return response;
  }
}
