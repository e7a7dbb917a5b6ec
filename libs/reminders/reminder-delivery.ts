import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../core/time/clock.js';
import { MailService } from '../notifications/mail.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { loadMessageContext, reminderMessage } from './reminder-messages.js';
import type { ReminderKind } from './reminder-planner.js';

export type DeliveryOutcome = 'sent' | 'skipped';

interface Row {
  id: string;
  kind: ReminderKind;
  status: string;
  subject_type: string;
  subject_id: string;
  due_date: string;
  recipient_id: string;
  email: string;
  active: boolean;
}

/**
 * Delivers one reminder: files it in the recipient's inbox and sends the e-mail, then marks it sent,
 * all under a lock on its outbox row, so two workers never both deliver it and a retry after a failure
 * does it exactly once. A failure is counted; the last allowed one marks it failed and tells the admins.
 */
@Injectable()
export class ReminderDelivery {
  private readonly logger = new Logger(ReminderDelivery.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
    @Inject(MailService) private readonly mail: MailService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async deliver(reminderId: string, attempt: number, maxAttempts: number): Promise<DeliveryOutcome> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [row]: Row[] = await manager.query(
          `SELECT r.id, r.kind, r.status, r.subject_type, r.subject_id, r.due_date, r.recipient_id, u.email, u.active
             FROM reminder r JOIN app_user u ON u.id = r.recipient_id
            WHERE r.id = $1 FOR UPDATE OF r`,
          [reminderId],
        );
        if (!row || row.status !== 'scheduled') return 'skipped';
        if (!row.active) {
          await manager.query(`UPDATE reminder SET status = 'cancelled', last_error = 'recipient deactivated', updated_at = now() WHERE id = $1`, [reminderId]);
          return 'skipped';
        }
        const message = reminderMessage(row.kind, row.due_date, await loadMessageContext(manager, row.subject_type, row.subject_id));
        await this.notifications.file(manager, {
          userId: row.recipient_id,
          kind: row.kind,
          title: message.title,
          body: message.body,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          reminderId,
        });
        await this.mail.send({ to: row.email, subject: message.title, text: message.body, messageId: `<reminder-${reminderId}@tilskud>` });
        await manager.query(`UPDATE reminder SET status = 'sent', sent_at = $2, attempts = attempts + 1, last_error = NULL, updated_at = now() WHERE id = $1`, [
          reminderId,
          this.clock.now(),
        ]);
        return 'sent';
      });
    } catch (error) {
      await this.recordFailure(reminderId, error, attempt >= maxAttempts);
      throw error;
    }
  }

  private async recordFailure(reminderId: string, error: unknown, final: boolean): Promise<void> {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    await this.dataSource.transaction(async (manager) => {
      const [row]: Array<{ kind: string; recipient_id: string; subject_type: string; subject_id: string }> = await manager.query(
        `UPDATE reminder SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END, updated_at = now()
          WHERE id = $1 AND status = 'scheduled'
          RETURNING kind, recipient_id, subject_type, subject_id`,
        [reminderId, reason, final],
      );
      if (!final || !row) return;
      this.logger.error({ reminderId, reason }, 'A reminder could not be delivered and is marked failed');
      const admins: Array<{ id: string }> = await manager.query(`SELECT id FROM app_user WHERE role = 'admin' AND active`);
      for (const admin of admins) {
        await this.notifications.file(manager, {
          userId: admin.id,
          kind: 'reminder_failed',
          title: 'En påmindelse kunne ikke leveres',
          body: `Påmindelsen ${row.kind} (${reminderId}) til bruger ${row.recipient_id} kunne ikke leveres efter gentagne forsøg: ${reason}`,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
        });
      }
    });
  }
}
