import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { keysetPage, type Page } from '../core/pagination/page.js';
import type { ReminderQuery } from './dto/reminder.dto.js';
import { Reminder } from './reminder.entity.js';

/** The admins' view of the outbox: every planned reminder, by send time. */
@Injectable()
export class RemindersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: ReminderQuery): Promise<Page<Reminder>> {
    const builder = this.dataSource.getRepository(Reminder).createQueryBuilder('reminder');
    if (query.awardId) builder.andWhere('reminder.award_id = :awardId', { awardId: query.awardId });
    if (query.status) builder.andWhere('reminder.status = :status', { status: query.status });
    if (query.kind) builder.andWhere('reminder.kind = :kind', { kind: query.kind });
    return keysetPage(builder, 'reminders', query, 'ASC', [
      { column: 'reminder.send_at', key: (row) => row.sendAt.toISOString() },
      { column: 'reminder.id', key: (row) => row.id },
    ]);
  }
}
