import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AwardsService } from '../awards/awards.service.js';
import { AwardResponse } from '../awards/dto/award.dto.js';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { ApiProblems } from '../core/errors/api-problems.js';
import { oreToApi } from '../core/money/money.js';
import {
  CloseoutResponse,
  FileFinalAccountsBody,
  FinalAccountPage,
  FinalAccountQuery,
  FinalAccountResponse,
  FinalAccountReviewResponse,
  RepaymentPage,
  RepaymentQuery,
  RepaymentResponse,
  ReviewFinalAccountsBody,
  SettleRepaymentBody,
  WaiveRepaymentBody,
} from './dto/final-accounts.dto.js';
import { FinalAccountsService, type Review } from './final-accounts.service.js';

@ApiTags('payments')
@Controller()
export class FinalAccountsController {
  constructor(
    @Inject(FinalAccountsService) private readonly accounts: FinalAccountsService,
    @Inject(AwardsService) private readonly awards: AwardsService,
  ) {}

  @Post('awards/:id/final-accounts')
  @Auth('project_lead')
  @ApiOperation({ summary: 'File the award’s final accounts (slutregnskab), or file them again after a return; each filing is kept' })
  @ApiCreatedResponse({ type: FinalAccountResponse })
  @ApiProblems(
    'not-owner',
    'final-accounts-pending',
    'illegal-transition',
    'award-not-active',
    'award-closed',
    'final-accounts-mismatch',
    'spent-above-award',
    'auditor-statement-required',
    'rule-violated',
  )
  async file(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: FileFinalAccountsBody, @CurrentUser() user: AuthUser): Promise<FinalAccountResponse> {
    return FinalAccountResponse.from(await this.accounts.file(id, body, user));
  }

  @Get('awards/:id/final-accounts')
  @Auth()
  @ApiOperation({ summary: 'The award’s final-accounts filings, the first first' })
  @ApiOkResponse({ type: [FinalAccountResponse] })
  async forAward(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<FinalAccountResponse[]> {
    return (await this.accounts.forAward(id, user)).map((account) => FinalAccountResponse.from(account));
  }

  @Get('final-accounts')
  @Auth('caseworker', 'admin')
  @ApiOperation({ summary: 'Final-accounts filings of every award; `status=submitted` is the review queue, the longest waiting first' })
  @ApiOkResponse({ type: FinalAccountPage })
  async list(@Query() query: FinalAccountQuery, @CurrentUser() user: AuthUser): Promise<FinalAccountPage> {
    const page = await this.accounts.listFinalAccounts(query, user);
    return { items: page.items.map((account) => FinalAccountResponse.from(account)), nextCursor: page.nextCursor };
  }

  @Post('final-accounts/:id/review')
  @Auth('caseworker')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve or return a filing; approval fixes the spending, pays only what is due (unpaid instalments reduced or cancelled), claims back what was paid beyond it and releases the rest of the commitment',
  })
  @ApiOkResponse({ type: FinalAccountReviewResponse })
  @ApiProblems('illegal-transition', 'award-closed')
  async review(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReviewFinalAccountsBody,
    @CurrentUser() user: AuthUser,
  ): Promise<FinalAccountReviewResponse> {
    return this.reviewResponse(await this.accounts.review(id, body, user));
  }

  private reviewResponse({ account, settlement }: Review): FinalAccountReviewResponse {
    const today = this.accounts.today();
    return {
      ...FinalAccountResponse.from(account),
      settlement: settlement && {
        payableOre: oreToApi(settlement.payableOre),
        releasedOre: oreToApi(settlement.releaseOre),
        reducedInstalments: settlement.reduce.map((change) => ({ id: change.id, fromOre: oreToApi(change.fromOre), toOre: oreToApi(change.toOre) })),
        cancelledInstalmentIds: settlement.cancel,
        repayment: settlement.repayment && RepaymentResponse.from(settlement.repayment, today),
      },
    };
  }

  @Get('awards/:id/repayments')
  @Auth()
  @ApiOperation({ summary: 'The award’s repayment claims, the first first: what the kommune owes back, by when, and where each stands' })
  @ApiOkResponse({ type: [RepaymentResponse] })
  async repaymentsOfAward(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<RepaymentResponse[]> {
    const today = this.accounts.today();
    return (await this.accounts.repaymentsOfAward(id, user)).map((repayment) => RepaymentResponse.from(repayment, today));
  }

  @Get('repayments')
  @Auth('caseworker', 'admin')
  @ApiOperation({
    summary:
      'Repayment claims (tilbagebetalingskrav), by due date; `status=overdue` for the open ones past it; the worklist’s filters as the other queues take them',
  })
  @ApiOkResponse({ type: RepaymentPage })
  async repayments(@Query() query: RepaymentQuery, @CurrentUser() user: AuthUser): Promise<RepaymentPage> {
    const page = await this.accounts.list(query, user);
    const today = this.accounts.today();
    return { items: page.items.map((repayment) => RepaymentResponse.from(repayment, today)), nextCursor: page.nextCursor };
  }

  @Post('repayments/:id/settle')
  @Auth('caseworker', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that an open claim has been paid back (once); the amount goes back to the programme’s budget' })
  @ApiOkResponse({ type: RepaymentResponse })
  @ApiProblems('repayment-closed', 'rule-violated')
  async settle(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SettleRepaymentBody, @CurrentUser() user: AuthUser): Promise<RepaymentResponse> {
    return RepaymentResponse.from(await this.accounts.settleRepayment(id, body, user), this.accounts.today());
  }

  @Post('repayments/:id/waive')
  @Auth('caseworker', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Waive an open claim, with the reason (once)' })
  @ApiOkResponse({ type: RepaymentResponse })
  @ApiProblems('repayment-closed')
  async waive(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: WaiveRepaymentBody, @CurrentUser() user: AuthUser): Promise<RepaymentResponse> {
    return RepaymentResponse.from(await this.accounts.waiveRepayment(id, body, user), this.accounts.today());
  }

  @Get('awards/:id/closeout')
  @Auth()
  @ApiOperation({ summary: 'The close-out checklist: whether the award can be closed, and what is still open (in Danish)' })
  @ApiOkResponse({ type: CloseoutResponse })
  async closeout(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<CloseoutResponse> {
    const { award, closable, open } = await this.accounts.closeout(id, user);
    return { awardId: award.id, status: award.status, closable, open };
  }

  @Post('awards/:id/close')
  @Auth('caseworker')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a completed award with nothing open (409 listing what is); nothing of a closed award changes afterwards' })
  @ApiOkResponse({ type: AwardResponse })
  @ApiProblems('award-not-closable', 'illegal-transition')
  async close(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<AwardResponse> {
    const [response] = await this.awards.respond([await this.accounts.close(id, user)]);
    return response;
  }
}
