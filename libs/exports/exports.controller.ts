import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsInstant } from '../core/validation/validators.js';
import { parseInstant } from '../core/time/copenhagen.js';
import type { Response } from 'express';
import { Auth } from '../core/access/access.decorators.js';
import { ExportsService } from './exports.service.js';

export class ExportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'One programme; all when left out (the overview: the first by code)' })
  @IsOptional()
  @IsUUID()
  programmeId?: string;
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

@ApiTags('exports')
@Controller('exports')
@Auth('caseworker', 'admin')
export class ExportsController {
  constructor(@Inject(ExportsService) private readonly exports: ExportsService) {}

  @Get('awards.csv')
  @ApiOperation({ summary: 'One row per award: UTF-8, ;-separated, Danish number and date format, streamed' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row' })
  async awardsCsv(@Query() query: ExportQuery, @Res() response: Response): Promise<void> {
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="tilsagn.csv"');
    await this.exports.streamAwardsCsv(response, query.programmeId);
  }

  @Get('audit-events.csv')
  @Auth('admin')
  @ApiOperation({ summary: 'The audit trail as CSV (admins), oldest first, streamed; optionally a time range' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row; before/after as JSON' })
  async auditCsv(@Query() query: AuditExportQuery, @Res() response: Response): Promise<void> {
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="revisionsspor.csv"');
    await this.exports.streamAuditCsv(response, {
      from: query.from ? parseInstant(query.from)!.toISOString() : undefined,
      to: query.to ? parseInstant(query.to)!.toISOString() : undefined,
    });
  }

  @Get('award-overview.pdf')
  @ApiOperation({ summary: 'The published award overview (applicant, description, rationale, amount) as it stands now' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF, A4 landscape, with page numbers and the programme’s total' })
  async awardOverviewPdf(@Query() query: ExportQuery, @Res() response: Response): Promise<void> {
    const programmeId = query.programmeId ?? (await this.exports.defaultProgrammeId());
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', 'inline; filename="tilsagnsoversigt.pdf"');
    await this.exports.writeAwardOverviewPdf(programmeId, response);
  }
}
