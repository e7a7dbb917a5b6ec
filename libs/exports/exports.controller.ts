import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsInstant } from '../core/validation/validators.js';
import { parseInstant } from '../core/time/copenhagen.js';
import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
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

/**
 * Takes the response over from Fastify for a body written as a stream, with the headers Fastify would
 * have sent (security headers, request id) and the export's own.
 */
function streamed(reply: FastifyReply, contentType: string, disposition: string): ServerResponse {
  reply.hijack();
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value as string);
  reply.raw.setHeader('Content-Type', contentType);
  reply.raw.setHeader('Content-Disposition', disposition);
  return reply.raw;
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
  async awardsCsv(@Query() query: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    const response = streamed(reply, 'text/csv; charset=utf-8', 'attachment; filename="tilsagn.csv"');
    await this.exports.streamAwardsCsv(response, query.programmeId);
  }

  @Get('audit-events.csv')
  @Auth('admin')
  @ApiOperation({ summary: 'The audit trail as CSV (admins), oldest first, streamed; optionally a time range' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with a header row; before/after as JSON' })
  async auditCsv(@Query() query: AuditExportQuery, @Res() reply: FastifyReply): Promise<void> {
    const response = streamed(reply, 'text/csv; charset=utf-8', 'attachment; filename="revisionsspor.csv"');
    await this.exports.streamAuditCsv(response, {
      from: query.from ? parseInstant(query.from)!.toISOString() : undefined,
      to: query.to ? parseInstant(query.to)!.toISOString() : undefined,
    });
  }

  @Get('award-overview.pdf')
  @ApiOperation({ summary: 'The published award overview (applicant, description, rationale, amount) as it stands now' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF, A4 landscape, with page numbers and the programme’s total' })
  async awardOverviewPdf(@Query() query: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    const programmeId = query.programmeId ?? (await this.exports.defaultProgrammeId());
    const response = streamed(reply, 'application/pdf', 'inline; filename="tilsagnsoversigt.pdf"');
    await this.exports.writeAwardOverviewPdf(programmeId, response);
  }
}
