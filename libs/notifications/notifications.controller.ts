import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../core/access/access.decorators.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { Clock } from '../core/time/clock.js';
import { NotificationPage, NotificationQuery, NotificationResponse, UnreadCountResponse } from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@Controller('notifications')
@Auth()
export class NotificationsController {
  constructor(
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your inbox, newest first' })
  @ApiOkResponse({ type: NotificationPage })
  async inbox(@Query() query: NotificationQuery, @CurrentUser() user: AuthUser): Promise<NotificationPage> {
    const page = await this.notifications.inbox(user.id, query);
    return { items: page.items.map(NotificationResponse.from), nextCursor: page.nextCursor };
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of your notifications are unread' })
  @ApiOkResponse({ type: UnreadCountResponse })
  async unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountResponse> {
    return { count: await this.notifications.unreadCount(user.id) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @ApiOkResponse({ type: NotificationResponse })
  async read(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser): Promise<NotificationResponse> {
    return NotificationResponse.from(await this.notifications.markRead(id, user.id, this.clock.now()));
  }
}
