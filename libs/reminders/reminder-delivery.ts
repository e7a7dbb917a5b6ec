import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfigService } from '../core/config/config.module.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../core/time/clock.js';
import { MailService } from '../notifications/mail.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { caseLabel, caseLink, loadMessageContext, reminderMessage } from './reminder-messages.js';
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

/** The reminder, locked for the transaction, with its recipient; null when it is gone. */
const LOCKED = `SELECT r.id, r.kind, r.status, r.subject_type, r.subject_id, r.due_date, r.recipient_id, u.email, u.active
                  FROM reminder r JOIN app_user u ON u.id = r.recipient_id
                 WHERE r.id = $1 FOR UPDATE OF r`;

/**
 * Delivers one message of the outbox in two steps, each under a lock on its outbox row, so two workers
 * never both deliver it and a retry after a failure does only what is left:
 * 1. the inbox item: an outcome's was filed with the change that caused it; a planned reminder's is
 *    written now, and committed before any e-mail is tried, so a mail server that is down never keeps
 *    it from the inbox;
 * 2. the e-mail, with the inbox item's own words, then the row marked sent.
 * A failure of the e-mail is counted; the last allowed one marks it failed and tells the admins,
 * naming the case and the person (an admin can send it again).
 */
@Injectable()
export class ReminderDelivery {
  private readonly logger = new Logger(ReminderDelivery.name);
  private readonly appUrl: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
    @Inject(MailService) private readonly mail: MailService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(ConfigService) config: AppConfigService,
  ) {
    this.appUrl = config.get('APP_URL', { infer: true }).replace(/\/+$/, '');
  }

  async deliver(reminderId: string, attempt: number, maxAttempts: number): Promise<DeliveryOutcome> {
    try {
      const filed = await this.dataSource.transaction(async (manager) => {
        const [row]: Row[] = await manager.query(LOCKED, [reminderId]);
        if (!row || row.status !== 'scheduled') return false;
        if (!row.active) {
          await manager.query(`UPDATE reminder SET status = 'cancelled', last_error = 'recipient deactivated', updated_at = now() WHERE id = $1`, [reminderId]);
          return false;
        }
        if (!(await this.notifications.forReminder(manager, reminderId))) {
          const context = await loadMessageContext(manager, row.subject_type, row.subject_id);
          const message = reminderMessage(row.kind, row.due_date, context);
          await this.notifications.file(manager, {
            userId: row.recipient_id,
            kind: row.kind,
            title: message.title,
            body: message.body,
            subjectType: row.subject_type,
            subjectId: row.subject_id,
            caseId: context.caseId ?? null,
            link: context.caseId ? caseLink(context.caseId) : null,
            reminderId,
          });
        }
        return true;
      });
      if (!filed) return 'skipped';
      return await this.dataSource.transaction(async (manager) => {
        const [row]: Row[] = await manager.query(LOCKED, [reminderId]);
        if (!row || row.status !== 'scheduled') return 'skipped';
        const notification = await this.notifications.forReminder(manager, reminderId);
        if (!notification) return 'skipped';
        const text = notification.link ? `${notification.body}\n\nLæs mere i Tilskud: ${this.appUrl}${notification.link}` : notification.body;
        await this.mail.send({ to: row.email, subject: notification.title, text, messageId: `<reminder-${reminderId}@tilskud>` });
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
      // An UPDATE answers [rows, count].
      const [[row]]: [Array<{ kind: string; subject_type: string; subject_id: string; recipient_name: string; email: string; title: string | null }>, number] =
        await manager.query(
          `UPDATE reminder r SET attempts = r.attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE r.status END, updated_at = now()
             FROM app_user u
            WHERE r.id = $1 AND r.status = 'scheduled' AND u.id = r.recipient_id
           RETURNING r.kind, r.subject_type, r.subject_id, u.name AS recipient_name, u.email,
                     (SELECT n.title FROM notification n WHERE n.reminder_id = r.id) AS title`,
          [reminderId, reason, final],
        );
      if (!final || !row) return;
      this.logger.error({ reminderId, reason }, 'A reminder could not be delivered and is marked failed');
      const context = await loadMessageContext(manager, row.subject_type, row.subject_id);
      const about = context.caseNumber ? ` om ${caseLabel(context)}` : '';
      const admins: Array<{ id: string }> = await manager.query(`SELECT id FROM app_user WHERE role = 'admin' AND active`);
      for (const admin of admins) {
        await this.notifications.file(manager, {
          userId: admin.id,
          kind: 'reminder_failed',
          title: `En e-mail til ${row.recipient_name} kunne ikke leveres`,
          body:
            `E-mailen «${row.title ?? row.kind}» til ${row.recipient_name} (${row.email})${about} kunne ikke leveres efter gentagne forsøg: ${reason}. ` +
            `Beskeden ligger i modtagerens indbakke i Tilskud. Send e-mailen igen under Påmindelser, når fejlen er rettet (påmindelse ${reminderId}).`,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          caseId: context.caseId ?? null,
          link: context.caseId ? caseLink(context.caseId) : null,
        });
      }
    });
  }
}
