import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { EXPORT_LIMIT } from '../core/http/export-limit.js';
import { ExportStreams } from '../core/http/export-streams.js';
import { RateLimit } from '../core/rate-limit/rate-limit.guard.js';
import { CaseFileService } from './case-file.service.js';
import { attachmentDisposition } from './document-content.js';

export class CaseFileQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Leave out personal details (names) of people outside your own kommune in the generated files (the ministry’s staff: everyone)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  redactPersonalData?: 'true' | 'false';
}

@ApiTags('documents')
@Controller('applications/:id')
export class CaseFileController {
  constructor(
    @Inject(CaseFileService) private readonly caseFiles: CaseFileService,
    @Inject(ExportStreams) private readonly streams: ExportStreams,
  ) {}

  @Get('case-file.zip')
  @Auth()
  @RateLimit(EXPORT_LIMIT)
  @ApiOperation({
    summary:
      'The case file (sagsakter) for aktindsigt as a zip, streamed in an export slot: every document, the receipt and the decision letter, each report submission as a PDF, ' +
      'and the akt-liste as akt-liste.csv and akt-liste.pdf; scoped like the case (another kommune 404)',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'A zip archive: dokumenter/, rapporter/, the letters and the akt-liste' })
  @ApiServiceUnavailableResponse({ description: 'The most exports the API runs at once are running; try again shortly' })
  async caseFile(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: CaseFileQuery,
    @CurrentUser() user: AuthUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.streams.stream(
      reply,
      { contentType: 'application/zip', disposition: attachmentDisposition(`sagsakter-${id}.zip`) },
      () => this.caseFiles.prepare(id, user, query.redactPersonalData === 'true'),
      (output, prepared) => this.caseFiles.write(output, prepared),
    );
  }
}
