import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AwardsService } from '../awards/awards.service.js';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { ApiProblems } from '../core/errors/api-problems.js';
import { oreToApi } from '../core/money/money.js';
import { AmendedAwardResponse, AmendmentBody, AmendmentResponse, AwardRationaleBody, CancellationResponse, ReopeningResponse } from './dto/amendment.dto.js';
import { RepaymentResponse } from './dto/final-accounts.dto.js';
import { AmendmentsService } from './amendments.service.js';

@ApiTags('payments')
@Controller('awards')
export class AmendmentsController {
  constructor(
    @Inject(AmendmentsService) private readonly amendments: AmendmentsService,
    @Inject(AwardsService) private readonly awards: AwardsService,
  ) {}

  @Post(':id/amendments')
  @Auth('caseworker')
  @ApiOperation({
    summary:
      'Amend an active award: its amount (up within the budget, down never below what is paid or approved; the unpaid instalments follow), ' +
      'its period (the report schedule and reminders follow; not counted against the COVID-19 maximum) or its contact person; a numbered version with its rationale, and the kommune is told',
  })
  @ApiCreatedResponse({ type: AmendedAwardResponse })
  @ApiProblems(
    'award-closed',
    'award-not-active',
    'budget-exceeded',
    'illegal-transition',
    'rule-violated',
    'main-considerations-required',
    'contact-not-eligible',
  )
  async amend(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AmendmentBody, @CurrentUser() user: AuthUser): Promise<AmendedAwardResponse> {
    const { award, amendment } = await this.amendments.amend(id, body, user);
    const [response] = await this.awards.respond([award]);
    return { ...AmendmentResponse.from(amendment, new Map([[user.id, user.name]])), award: response };
  }

  @Get(':id/amendments')
  @Auth()
  @ApiOperation({ summary: 'The award’s versions after its decision (amendments, cancellation, reopening), the first first' })
  @ApiOkResponse({ type: [AmendmentResponse] })
  async list(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<AmendmentResponse[]> {
    const { amendments, people } = await this.amendments.list(id, user);
    return amendments.map((amendment) => AmendmentResponse.from(amendment, people));
  }

  @Post(':id/cancel')
  @Auth('caseworker')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Cancel an active award (bortfald), with a rationale: unpaid instalments cancelled, what was paid claimed back, the rest of the commitment released; ' +
      '409 while an instalment is approved and not recorded as paid',
  })
  @ApiOkResponse({ type: CancellationResponse })
  @ApiProblems('award-closed', 'award-not-active', 'illegal-transition', 'main-considerations-required')
  async cancel(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AwardRationaleBody, @CurrentUser() user: AuthUser): Promise<CancellationResponse> {
    const cancellation = await this.amendments.cancel(id, body, user);
    const [award] = await this.awards.respond([cancellation.award]);
    return {
      award,
      amendment: AmendmentResponse.from(cancellation.amendment, new Map([[user.id, user.name]])),
      paidOre: oreToApi(cancellation.paidOre),
      releasedOre: oreToApi(cancellation.releasedOre),
      cancelledInstalmentIds: cancellation.cancelledInstalmentIds,
      repayment: cancellation.repayment && RepaymentResponse.from(cancellation.repayment, cancellation.repayment.dueDate),
    };
  }

  @Post(':id/reopen')
  @Auth('caseworker')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a closed award, with a rationale: it is completed again and can change until it is closed again' })
  @ApiOkResponse({ type: ReopeningResponse })
  @ApiProblems('illegal-transition', 'main-considerations-required')
  async reopen(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AwardRationaleBody, @CurrentUser() user: AuthUser): Promise<ReopeningResponse> {
    const { award, amendment } = await this.amendments.reopen(id, body, user);
    const [response] = await this.awards.respond([award]);
    return { award: response, amendment: AmendmentResponse.from(amendment, new Map([[user.id, user.name]])) };
  }
}
