import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminder outbox (Postgres is the source of truth; Redis only delivers) and the in-app inbox.
 * A reminder exists at most once per recipient, kind, subject and date; a notification at most once
 * per reminder, so a retried delivery never files it twice.
 */
export class CreateRemindersAndNotifications1764800000000 implements MigrationInterface {
  name = 'CreateRemindersAndNotifications1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reminder (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        recipient_id uuid NOT NULL REFERENCES app_user (id),
        subject_type text NOT NULL CHECK (subject_type IN ('report', 'award', 'extension_request', 'application')),
        subject_id uuid NOT NULL,
        award_id uuid REFERENCES award (id),
        due_date date NOT NULL,
        send_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('scheduled', 'sent', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reminder_once UNIQUE (recipient_id, kind, subject_type, subject_id, due_date)
      )`);
    await queryRunner.query('CREATE INDEX reminder_award_idx ON reminder (award_id, status)');
    await queryRunner.query('CREATE INDEX reminder_status_send_idx ON reminder (status, send_at, id)');
    await queryRunner.query('CREATE INDEX reminder_send_idx ON reminder (send_at, id)');

    await queryRunner.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        subject_type text,
        subject_id uuid,
        reminder_id uuid UNIQUE REFERENCES reminder (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX notification_inbox_idx ON notification (user_id, created_at DESC, id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE notification');
    await queryRunner.query('DROP TABLE reminder');
  }
}
