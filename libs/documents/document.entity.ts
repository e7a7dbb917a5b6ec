import { Column, Entity, PrimaryColumn } from 'typeorm';

export const DOCUMENT_SUBJECT_TYPES = ['application', 'report', 'award'] as const;
export type DocumentSubjectType = (typeof DOCUMENT_SUBJECT_TYPES)[number];

export const DOCUMENT_KINDS = ['budget', 'signed_application', 'auditor_statement', 'report_annex', 'letter', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * A file of a case: its metadata, the case it belongs to (`applicationId`) and the subject it was sent
 * with (the application, a report or the award). The bytes are in the document store. A withdrawn
 * document keeps its row (and its journal number, which is never given again), without its bytes.
 */
@Entity('document')
export class CaseDocument {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: DocumentSubjectType;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ type: 'text' })
  kind: DocumentKind;

  @Column({ type: 'text' })
  filename: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'journal_serial', type: 'int', nullable: true })
  journalSerial: number | null;

  @Column({ name: 'journal_no', type: 'text', nullable: true })
  journalNo: string | null;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;

  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedBy: string | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
