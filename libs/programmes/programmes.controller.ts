import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { oreToApi } from '../core/money/money.js';
import {
  BudgetAdjustmentBody,
  BudgetAdjustmentResponse,
  CreateProgrammeBody,
  LedgerResponse,
  ProgrammePage,
  ProgrammeQuery,
  ProgrammeResponse,
} from './dto/programme.dto.js';
import type { BudgetAdjustment } from './budget-adjustment.entity.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { LedgerCache } from './ledger-cache.js';
import { type ProgrammeBooks, ProgrammesService } from './programmes.service.js';

const adjustmentResponse = (adjustment: BudgetAdjustment): BudgetAdjustmentResponse => ({
  id: adjustment.id,
  programmeId: adjustment.programmeId,
  deltaOre: oreToApi(adjustment.deltaOre),
  reason: adjustment.reason,
  createdBy: adjustment.createdBy,
  createdAt: adjustment.createdAt.toISOString(),
});

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(
    @Inject(ProgrammesService) private readonly programmes: ProgrammesService,
    @Inject(MunicipalitiesService) private readonly municipalities: MunicipalitiesService,
    @Inject(LedgerCache) private readonly ledgerCache: LedgerCache,
  ) {}

  @Post()
  @Auth('admin')
  @ApiOperation({ summary: 'Create a grant programme (pulje)' })
  @ApiCreatedResponse({ type: ProgrammeResponse })
  @ApiConflictResponse({ description: 'The code is taken' })
  async create(@Body() body: CreateProgrammeBody, @CurrentUser() user: AuthUser): Promise<ProgrammeResponse> {
    const programme = await this.programmes.create(body, user.id);
    const ledgers = await this.programmes.ledgers([programme.id]);
    return ProgrammeResponse.from(programme, ledgers.get(programme.id)!);
  }

  @Get()
  @Auth()
  @ApiOperation({ summary: 'Programmes, by code, each with committed, adjustments and remaining' })
  @ApiOkResponse({ type: ProgrammePage })
  async list(@Query() query: ProgrammeQuery): Promise<ProgrammePage> {
    const page = await this.programmes.list(query);
    const ledgers = await this.programmes.ledgers(page.items.map((programme) => programme.id));
    return { items: page.items.map((programme) => ProgrammeResponse.from(programme, ledgers.get(programme.id)!)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'A programme with committed, adjustments and remaining' })
  @ApiOkResponse({ type: ProgrammeResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ProgrammeResponse> {
    const programme = await this.programmes.get(id);
    const ledgers = await this.programmes.ledgers([id]);
    return ProgrammeResponse.from(programme, ledgers.get(id)!);
  }

  @Post(':id/budget-adjustments')
  @Auth('admin')
  @ApiOperation({ summary: 'Record a budget adjustment with its reason' })
  @ApiCreatedResponse({ type: BudgetAdjustmentResponse })
  @ApiConflictResponse({ description: 'A cut that would leave less than is already committed' })
  async addAdjustment(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: BudgetAdjustmentBody,
    @CurrentUser() user: AuthUser,
  ): Promise<BudgetAdjustmentResponse> {
    return adjustmentResponse(await this.programmes.addAdjustment(id, body, user.id));
  }

  @Get(':id/ledger')
  @Auth('caseworker', 'admin')
  @ApiOperation({ summary: 'The books: budget + adjustments − committed = remaining, every award and adjustment, totals per kommune and deviations' })
  @ApiOkResponse({ type: LedgerResponse })
  async ledger(@Param('id', new ParseUUIDPipe()) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // Served as computed at the programme's current ledger version; recomputed only when it has moved on.
    let version = await this.programmes.ledgerVersion(id);
    let body = this.ledgerCache.get(id, version);
    if (!body) {
      const books = await this.programmes.ledger(id);
      version = books.programme.ledgerVersion;
      body = this.ledgerCache.set(id, version, this.ledgerResponse(books, await this.municipalities.names()));
    }
    // The stored bytes as they are (Nest would serialize a Buffer as JSON), or 304 to a matching If-None-Match.
    const etag = `W/"ledger-${id}-${version}"`;
    reply.header('ETag', etag);
    const matches = request.headers['if-none-match']?.split(',').some((tag) => [etag, '*'].includes(tag.trim()));
    if (matches) return void reply.status(304).send();
    reply.type('application/json; charset=utf-8').send(body);
  }

  private ledgerResponse({ programme, ledger, awards, adjustments, byMunicipality, deviations }: ProgrammeBooks, names: Map<string, string>): LedgerResponse {
    return {
      programmeId: programme.id,
      budgetOre: oreToApi(ledger.budgetOre),
      adjustmentsOre: oreToApi(ledger.adjustmentsOre),
      committedOre: oreToApi(ledger.committedOre),
      remainingOre: oreToApi(ledger.remainingOre),
      overCommittedOre: oreToApi(ledger.overCommittedOre),
      awards: awards.map((award) => ({ ...award, amountOre: oreToApi(award.amountOre), requestedOre: oreToApi(award.requestedOre) })),
      adjustments: adjustments.map(adjustmentResponse),
      byMunicipality: byMunicipality.map((total) => ({ ...total, name: names.get(total.municipalityCode) ?? '', amountOre: oreToApi(total.amountOre) })),
      deviations,
    };
  }
}
