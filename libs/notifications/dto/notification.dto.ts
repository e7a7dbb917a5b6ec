import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQuery, SortParam } from '../../core/pagination/page.js';
import type { Notification } from '../notification.entity.js';

/** What the inbox sorts by (`sort`): `-createdAt`, newest first, unless asked for `createdAt`. */
export const NOTIFICATION_SORT_FIELDS = ['createdAt'] as const;
export type NotificationSortField = (typeof NOTIFICATION_SORT_FIELDS)[number];

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @SortParam(NOTIFICATION_SORT_FIELDS, '-createdAt')
  sort?: string;
}

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'report_due_in_14_days' }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String }) subjectType: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) subjectId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The case (application) it is about' }) caseId: string | null;
  @ApiProperty({ nullable: true, type: String, example: '/sager/0190c7a2-…', description: 'Where in the web app to read more' }) link: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) readAt: string | null;

  static from(notification: Notification): NotificationResponse {
    return {
      id: notification.id,
      kind: notification.kind,
      title: notification.title,
      body: notification.body,
      subjectType: notification.subjectType,
      subjectId: notification.subjectId,
      caseId: notification.caseId,
      link: notification.link,
      createdAt: notification.createdAt.toISOString(),
      readAt: notification.readAt?.toISOString() ?? null,
    };
  }
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationResponse] }) items: NotificationResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class UnreadCountResponse {
  @ApiProperty({ example: 3, description: 'Your notifications not yet marked read' }) count: number;
}
