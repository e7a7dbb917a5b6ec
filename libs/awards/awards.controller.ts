import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { AwardsService } from './awards.service.js';
import { AwardPage, AwardQuery } from './dto/award.dto.js';
import { AwardResponse } from './dto/award.dto.js';

@ApiTags('awards')
@Controller('awards')
export class AwardsController {
  constructor(@Inject(AwardsService) private readonly awards: AwardsService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'Awards (tilsagn), newest first; a project lead sees their kommune’s' })
  @ApiOkResponse({ type: AwardPage })
  async list(@Query() query: AwardQuery, @CurrentUser() user: AuthUser): Promise<AwardPage> {
    const page = await this.awards.list(query, user);
    return { items: await this.awards.respond(page.items), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'One award, with its original and current end date and approved extension months' })
  @ApiOkResponse({ type: AwardResponse })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<AwardResponse> {
    const [response] = await this.awards.respond([await this.awards.get(id, user)]);
    return response;
  }
}
