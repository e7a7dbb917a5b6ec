import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Auth } from '../core/access/access.decorators.js';
import { RateLimit } from '../core/rate-limit/rate-limit.guard.js';
import { EXPORT_LIMIT } from '../core/http/export-limit.js';
import { ExportStreams } from '../core/http/export-streams.js';
import { AuditService } from './audit.service.js';
import { AuditEventPage, ChainHeadResponse, ChainVerificationResponse } from './dto/audit-event.response.js';
import { AuditEventQuery, ChainVerificationQuery } from './dto/audit-event.query.js';

@ApiTags('audit')
@Controller('audit-events')
@Auth('admin')
export class AuditController {
  constructor(
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ExportStreams) private readonly streams: ExportStreams,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search the audit trail, newest first; each event with its actor’s name and a sentence saying what happened' })
  @ApiOkResponse({ type: AuditEventPage })
  async list(@Query() query: AuditEventQuery): Promise<AuditEventPage> {
    const page = await this.audit.list(query);
    return { items: await this.audit.respond(page.items), nextCursor: page.nextCursor };
  }

  @Get('verify')
  @ApiOperation({
    summary: 'Recompute the keyed hash chain over every event and report the first break; given a head kept earlier, also check that the chain still holds it',
  })
  @ApiOkResponse({ type: ChainVerificationResponse })
  @ApiServiceUnavailableResponse({ description: 'The most exports and verifications the API runs at once are running; try again shortly' })
  @RateLimit(EXPORT_LIMIT)
  verify(@Query() query: ChainVerificationQuery): Promise<ChainVerificationResponse> {
    // It reads every event: it runs in one of the slots that exports run in.
    return this.streams.inSlot(() => this.audit.verify(query.headSeq === undefined ? undefined : { seq: query.headSeq, hash: query.headHash! }));
  }

  @Get('head')
  @ApiOperation({
    summary: 'The chain’s last event, signed (Ed25519) so an auditor can keep it and check later that the chain still holds it and was not cut short',
  })
  @ApiOkResponse({ type: ChainHeadResponse })
  head(): Promise<ChainHeadResponse> {
    return this.audit.signedHead();
  }
}
