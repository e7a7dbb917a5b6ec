import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery, SortParam } from '../../core/pagination/page.js';
import type { Reminder, ReminderStatus } from '../reminder.entity.js';
import { REMINDER_STATUSES } from '../reminder.entity.js';
import { REMINDER_KINDS, REMINDER_SUBJECT_TYPES, type ReminderKind } from '../reminder-planner.js';

/** What the list sorts by (`sort`, `-` in front for descending). */
export const REMINDER_SORT_FIELDS = ['sendAt'] as const;
export type ReminderSortField = (typeof REMINDER_SORT_FIELDS)[number];

export class ReminderQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  awardId?: string;

  @ApiPropertyOptional({ enum: REMINDER_STATUSES })
  @IsOptional()
  @IsIn(REMINDER_STATUSES)
  status?: ReminderStatus;

  @ApiPropertyOptional({ enum: REMINDER_KINDS })
  @IsOptional()
  @IsIn(REMINDER_KINDS)
  kind?: ReminderKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  recipientId?: string;

  @SortParam(REMINDER_SORT_FIELDS, 'sendAt')
  sort?: string;
}

export class ReminderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REMINDER_KINDS }) kind: ReminderKind;
  @ApiProperty({ format: 'uuid' }) recipientId: string;
  @ApiProperty({ nullable: true, type: String }) recipientName: string | null;
  @ApiProperty({ enum: REMINDER_SUBJECT_TYPES }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) awardId: string | null;
  @ApiProperty({ example: '2022-01-01', description: 'The date the reminder is about' }) dueDate: string;
  @ApiProperty({ format: 'date-time', description: '08:00 Copenhagen time on a working day' }) sendAt: string;
  @ApiProperty({ enum: REMINDER_STATUSES }) status: ReminderStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt: string | null;

  static from(reminder: Reminder, recipientName: string | null): ReminderResponse {
    return {
      id: reminder.id,
      kind: reminder.kind,
      recipientId: reminder.recipientId,
      recipientName,
      subjectType: reminder.subjectType,
      subjectId: reminder.subjectId,
      awardId: reminder.awardId,
      dueDate: reminder.dueDate,
      sendAt: reminder.sendAt.toISOString(),
      status: reminder.status,
      attempts: reminder.attempts,
      lastError: reminder.lastError,
      sentAt: reminder.sentAt?.toISOString() ?? null,
    };
  }
}

export class ReminderPage {
  @ApiProperty({ type: [ReminderResponse] }) items: ReminderResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
