import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { WorklistCountsQuery, WorklistCountsResponse } from './dto/worklist.dto.js';
import { WorklistService } from './worklist.service.js';

@ApiTags('worklist')
@Controller('worklist')
export class WorklistController {
  constructor(@Inject(WorklistService) private readonly worklist: WorklistService) {}

  @Get('counts')
  @Auth('caseworker', 'admin')
  @ApiOperation({
    summary:
      'How many items wait in each of the caseworker’s queues; the filters apply to each queue as its list applies them, so each count is what that list shows',
  })
  @ApiOkResponse({ type: WorklistCountsResponse })
  counts(@Query() query: WorklistCountsQuery, @CurrentUser() user: AuthUser): Promise<WorklistCountsResponse> {
    return this.worklist.counts(query, user);
  }
}
