import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../core/access/access.decorators.js';
import { AuditService } from './audit.service.js';
import { AuditEventPage, AuditEventResponse, ChainVerificationResponse } from './dto/audit-event.response.js';
import { AuditEventQuery } from './dto/audit-event.query.js';

@ApiTags('audit')
@Controller('audit-events')
@Auth('admin')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Search the audit trail, newest first' })
  @ApiOkResponse({ type: AuditEventPage })
  async list(@Query() query: AuditEventQuery): Promise<AuditEventPage> {
    const page = await this.audit.list(query);
    return { items: page.items.map(AuditEventResponse.from), nextCursor: page.nextCursor };
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the hash chain over every event and report the first break' })
  @ApiOkResponse({ type: ChainVerificationResponse })
  verify(): Promise<ChainVerificationResponse> {
    return this.audit.verify();
  }
}
