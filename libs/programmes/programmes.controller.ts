import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import {
  adjustmentResponse,
  BudgetAdjustmentBody,
  BudgetAdjustmentResponse,
  CreateProgrammeBody,
  LedgerResponse,
  ProgrammePage,
  ProgrammeQuery,
  ProgrammeResponse,
  UpdateProgrammeBody,
} from './dto/programme.dto.js';
import { Clock } from '../core/time/clock.js';
import { LedgerReader } from './ledger-reader.js';
import { ProgrammesService } from './programmes.service.js';
import { ApiProblems } from '../core/errors/api-problems.js';

@ApiTags('programmes')
@Controller('programmes')
export class ProgrammesController {
  constructor(
    @Inject(ProgrammesService) private readonly programmes: ProgrammesService,
    @Inject(LedgerReader) private readonly ledgers: LedgerReader,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Post()
  @Auth('admin')
  @ApiOperation({ summary: 'Create a grant programme (pulje)' })
  @ApiCreatedResponse({ type: ProgrammeResponse })
  @ApiProblems('invalid-programme', 'programme-code-taken', 'payment-plan-invalid')
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

  @Patch(':id')
  @Auth('admin')
  @ApiOperation({
    summary:
      'Change a programme: its texts at any time, a date that has not passed, criteria, themes, decision mode and what submission requires (budget lines, documents) before the first submission',
  })
  @ApiOkResponse({ type: ProgrammeResponse })
  @ApiProblems('invalid-programme', 'programme-field-locked', 'payment-plan-invalid', 'stale-version')
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateProgrammeBody): Promise<ProgrammeResponse> {
    const programme = await this.programmes.update(id, body, this.clock.now());
    const ledgers = await this.programmes.ledgers([id]);
    return ProgrammeResponse.from(programme, ledgers.get(id)!);
  }

  @Post(':id/budget-adjustments')
  @Auth('admin')
  @ApiOperation({ summary: 'Record a budget adjustment with its reason' })
  @ApiCreatedResponse({ type: BudgetAdjustmentResponse })
  @ApiProblems('invalid-programme', 'conflict-of-interest', 'budget-exceeded', 'amount-above-ceiling')
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
  @ApiOkResponse({
    type: LedgerResponse,
    headers: { ETag: { description: 'The version of the books; send it back in If-None-Match', schema: { type: 'string' } } },
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of the books you hold' })
  @ApiResponse({ status: 304, description: 'Unchanged since the ETag you sent' })
  async ledger(@Param('id', new ParseUUIDPipe()) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const read = await this.ledgers.read(id, request.headers['if-none-match']);
    reply.header('ETag', read.etag);
    if ('notModified' in read) return void reply.status(304).send();
    // The stored bytes as they are (Nest would serialize a Buffer as JSON).
    reply.type('application/json; charset=utf-8').send(read.body);
  }
}
