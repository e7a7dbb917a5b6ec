import { Inject, Injectable } from '@nestjs/common';
import { audited, AuditService } from '../audit/audit.service.js';
import { UsersService } from '../auth/users.service.js';
import { NotFoundDomainException } from '../core/errors/domain.exception.js';
import { Clock } from '../core/time/clock.js';
import { ReminderResponse, type ReminderSortField } from './dto/reminder.dto.js';
import { ReminderException } from './reminder.exception.js';
import { ReminderJobs } from './reminder-jobs.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { keysetPage, type ListOrders, type Page } from '../core/pagination/page.js';
import type { ReminderQuery } from './dto/reminder.dto.js';
import { Reminder } from './reminder.entity.js';

/** The admins' view of the outbox: every planned reminder, by send time. */
/** The list's orders: by when each is (or was) to be sent. */
export const REMINDER_ORDERS: ListOrders<Reminder, ReminderSortField> = {
  default: 'sendAt',
  keys: {
    sendAt: [
      { column: 'reminder.send_at', key: (row) => row.sendAt.toISOString() },
      { column: 'reminder.id', key: (row) => row.id },
    ],
  },
};

@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ReminderJobs) private readonly jobs: ReminderJobs,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The answers, with each recipient named. */
  async respond(reminders: Reminder[]): Promise<ReminderResponse[]> {
    const people = await this.users.people(reminders.map((reminder) => reminder.recipientId));
    return reminders.map((reminder) => ReminderResponse.from(reminder, people.get(reminder.recipientId)?.name ?? null));
  }

  /**
   * Sends a failed message again, from its first attempt, now (an admin, once the mail server or the
   * address is mended). Its inbox item was filed when it first went out and stays as it is.
   */
  async resend(id: string): Promise<Reminder> {
    const reminder = await this.audit.transaction(async (manager) => {
      const [row]: Array<{ status: string }> = await manager.query('SELECT status FROM reminder WHERE id = $1 FOR UPDATE', [id]);
      if (!row) throw new NotFoundDomainException('Påmindelsen', id);
      if (row.status !== 'failed') throw ReminderException.notFailed(row.status);
      const now = this.clock.now();
      await manager.query(`UPDATE reminder SET status = 'scheduled', attempts = 0, last_error = NULL, send_at = $2, updated_at = now() WHERE id = $1`, [
        id,
        now,
      ]);
      const reminder = await manager.findOneByOrFail(Reminder, { id });
      return audited(reminder, {
        action: 'reminder.resent',
        entityType: 'reminder',
        entityId: id,
        before: { status: 'failed' },
        after: { status: 'scheduled', sendAt: now },
      });
    });
    await this.jobs.retry(reminder.id, reminder.sendAt);
    return reminder;
  }

  list(query: ReminderQuery): Promise<Page<Reminder>> {
    const builder = this.dataSource.getRepository(Reminder).createQueryBuilder('reminder');
    if (query.awardId) builder.andWhere('reminder.award_id = :awardId', { awardId: query.awardId });
    if (query.status) builder.andWhere('reminder.status = :status', { status: query.status });
    if (query.kind) builder.andWhere('reminder.kind = :kind', { kind: query.kind });
    if (query.recipientId) builder.andWhere('reminder.recipient_id = :recipientId', { recipientId: query.recipientId });
    return keysetPage(builder, 'reminders', query, REMINDER_ORDERS);
  }
}
