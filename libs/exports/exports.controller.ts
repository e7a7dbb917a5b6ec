import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Auth } from '../core/access/access.decorators.js';
import { RateLimit } from '../core/rate-limit/rate-limit.guard.js';
import { parseInstant } from '../core/time/copenhagen.js';
import { IsInstant } from '../core/validation/validators.js';
import { EXPORT_LIMIT } from '../core/http/export-limit.js';
import { ExportStreams } from '../core/http/export-streams.js';
import { ExportsService } from './exports.service.js';
import { ApiProblems } from '../core/errors/api-problems.js';

export class ExportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One programme; all when left out' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;
}

export class AwardOverviewQuery {
  @ApiProperty({ format: 'uuid', description: 'The programme whose overview is wanted (required: an overview is of one programme)' })
  @IsUUID('all', { message: 'skal angives: id’et (UUID) på den pulje, oversigten gælder' })
  programmeId: string;
}

export class AuditExportQuery {
  @ApiPropertyOptional({ description: 'From this time (inclusive); without an offset, Copenhagen time' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this time (exclusive)' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

const CSV = 'text/csv; charset=utf-8';

/** Streamed downloads: in a slot of their own, on a pool of their own, cut off when their reader stalls (see ExportStreams). */
@ApiTags('exports')
@Controller('exports')
@Auth('caseworker', 'admin')
export class ExportsController {
  constructor(
    @Inject(ExportsService) private readonly exports: ExportsService,
    @Inject(ExportStreams) private readonly streams: ExportStreams,
  ) {}

  @Get('awards.csv')
  @RateLimit(EXPORT_LIMIT)
  @ApiOperation({ summary: 'One row per award: UTF-8, ;-separated, Danish number and date format, streamed' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row; text that a spreadsheet would run as a formula starts with an apostrophe' })
  @ApiServiceUnavailableResponse({ description: 'The most exports the API runs at once are running; try again shortly' })
  async awardsCsv(@Query() query: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    await this.streams.stream(
      reply,
      { contentType: CSV, disposition: 'attachment; filename="tilsagn.csv"' },
      async () => query.programmeId,
      (output, programmeId) => this.exports.streamAwardsCsv(output, programmeId),
    );
  }

  @Get('payments.csv')
  @Auth('admin')
  @RateLimit(EXPORT_LIMIT)
  @ApiOperation({
    summary:
      'Instalments approved for payment and not yet paid, for the finance system: CVR number, case number, amount and the instalment id as the reference (record the payment with `POST /payments/:id/paid`)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row, ;-separated, the amount in Danish format and in øre' })
  @ApiServiceUnavailableResponse({ description: 'The most exports the API runs at once are running; try again shortly' })
  async paymentsCsv(@Query() query: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    await this.streams.stream(
      reply,
      { contentType: CSV, disposition: 'attachment; filename="udbetalinger.csv"' },
      async () => query.programmeId,
      (output, programmeId) => this.exports.streamPaymentsCsv(output, programmeId),
    );
  }

  @Get('audit-events.csv')
  @Auth('admin')
  @RateLimit(EXPORT_LIMIT)
  @ApiOperation({ summary: 'The audit trail as CSV (admins), oldest first, streamed; optionally a time range' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row; before/after as JSON' })
  @ApiServiceUnavailableResponse({ description: 'The most exports the API runs at once are running; try again shortly' })
  async auditCsv(@Query() query: AuditExportQuery, @Res() reply: FastifyReply): Promise<void> {
    await this.streams.stream(
      reply,
      { contentType: CSV, disposition: 'attachment; filename="revisionsspor.csv"' },
      async () => ({
        from: query.from ? parseInstant(query.from)!.toISOString() : undefined,
        to: query.to ? parseInstant(query.to)!.toISOString() : undefined,
      }),
      (output, range) => this.exports.streamAuditCsv(output, range),
    );
  }

  @Get('award-overview.pdf')
  @RateLimit(EXPORT_LIMIT)
  @ApiOperation({
    summary: 'The published award overview of a programme (applicant, description, rationale, amount) as it stands now',
    description:
      'A4 landscape, tagged PDF in Danish: the organisation and the time it was produced, one row per award (an award below the programme’s minimum marked), page numbers, and the total against the budget with its adjustments.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF, A4 landscape, tagged, Danish' })
  @ApiProblems('validation-failed', 'not-found')
  @ApiServiceUnavailableResponse({ description: 'The most exports the API runs at once are running; try again shortly' })
  async awardOverviewPdf(@Query() query: AwardOverviewQuery, @Res() reply: FastifyReply): Promise<void> {
    await this.streams.stream(
      reply,
      { contentType: 'application/pdf', disposition: 'inline; filename="tilsagnsoversigt.pdf"' },
      // An unknown programme is a 404 here, before the answer is taken over and could no longer say so.
      () => this.exports.awardOverview(query.programmeId),
      (output, overview) => this.exports.writeAwardOverviewPdf(overview, output),
    );
  }
}
