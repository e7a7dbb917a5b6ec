import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A kommune's contact on a case: a project lead of that kommune, who gets the case's messages. The
 * lead kommune's is the application's creator to begin with; a co-applicant kommune names its own.
 */
@Entity('case_contact')
export class CaseContact {
  @PrimaryColumn({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ name: 'municipality_code', type: 'char', length: 3 })
  municipalityCode: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
