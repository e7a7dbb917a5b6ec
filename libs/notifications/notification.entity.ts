import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A message in a user's in-app inbox. */
@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'subject_type', type: 'text', nullable: true })
  subjectType: string | null;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId: string | null;

  /** The case (application) it is about, when it is about one. */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  /** Where in the web app to read more (a path). */
  @Column({ type: 'text', nullable: true })
  link: string | null;

  /** The reminder it delivers; unique, so a retried delivery never files it twice. */
  @Column({ name: 'reminder_id', type: 'uuid', nullable: true })
  reminderId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
