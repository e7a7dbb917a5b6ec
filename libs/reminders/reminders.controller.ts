import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../core/access/access.decorators.js';
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
    return { items: page.items.map(ReminderResponse.from), nextCursor: page.nextCursor };
  }
}
