import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The content as it was submitted; a trigger refuses any UPDATE or DELETE. */
@Entity('application_version')
export class ApplicationVersion {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ name: 'version_no', type: 'int' })
  versionNo: number;

  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy: string;
}
