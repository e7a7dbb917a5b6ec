import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../core/access/access.decorators.js';
import { ApiProblems } from '../core/errors/api-problems.js';
import { ReminderPage, ReminderQuery, ReminderResponse } from './dto/reminder.dto.js';
import { RemindersService } from './reminders.service.js';

@ApiTags('operations')
@Controller('reminders')
@Auth('admin')
export class RemindersController {
  constructor(@Inject(RemindersService) private readonly reminders: RemindersService) {}

  @Get()
  @ApiOperation({ summary: 'Every reminder planned for the known due dates, by send time, with its delivery status' })
  @ApiOkResponse({ type: ReminderPage })
  async list(@Query() query: ReminderQuery): Promise<ReminderPage> {
    const page = await this.reminders.list(query);
    return { items: await this.reminders.respond(page.items), nextCursor: page.nextCursor };
  }

  @Post(':id/resend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed e-mail again, now, from its first attempt (its inbox item is already there)' })
  @ApiOkResponse({ type: ReminderResponse })
  @ApiProblems('illegal-transition')
  async resend(@Param('id', new ParseUUIDPipe()) id: string): Promise<ReminderResponse> {
    const [response] = await this.reminders.respond([await this.reminders.resend(id)]);
    return response;
  }
}
