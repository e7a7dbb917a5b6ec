import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { DOCUMENT_KINDS, DOCUMENT_SUBJECT_TYPES, type DocumentKind, type DocumentSubjectType } from '../document.entity.js';

/** The form fields of an upload, sent before the file: what the document is and what it is sent with. */
export class UploadDocumentFields {
  @ApiProperty({ enum: DOCUMENT_SUBJECT_TYPES })
  @IsIn(DOCUMENT_SUBJECT_TYPES)
  subjectType: DocumentSubjectType;

  @ApiProperty({ format: 'uuid', description: 'The application, report or award the document is sent with' })
  @IsUUID()
  subjectId: string;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  @IsIn(DOCUMENT_KINDS)
  kind: DocumentKind;
}

/** The multipart body as the OpenAPI document shows it. */
export const UPLOAD_BODY_SCHEMA = {
  type: 'object',
  required: ['subjectType', 'subjectId', 'kind', 'file'],
  description: 'The fields first, then the file (at most 25 MB; PDF, DOCX, XLSX, ODT, ODS, PNG or JPEG, decided by its content)',
  properties: {
    subjectType: { type: 'string', enum: [...DOCUMENT_SUBJECT_TYPES] },
    subjectId: { type: 'string', format: 'uuid' },
    kind: { type: 'string', enum: [...DOCUMENT_KINDS] },
    file: { type: 'string', format: 'binary' },
  },
};

export class DocumentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The case (application) the document belongs to' })
  applicationId: string;

  @ApiProperty({ description: 'The file name as sent, made safe, ending in the extension of its content' })
  filename: string;

  @ApiProperty({ description: 'The type of the content, as found in its bytes', example: 'application/pdf' })
  contentType: string;

  @ApiProperty()
  sizeBytes: number;

  @ApiProperty({ description: 'SHA-256 of the content, hex', pattern: '^[0-9a-f]{64}$' })
  sha256: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Case number and serial, `ÆLD-2020-0007-012`; null for a draft’s document until the application is submitted',
  })
  journalNo: string | null;

  @ApiProperty({ format: 'date-time' })
  uploadedAt: string;

  @ApiProperty({ format: 'uuid' })
  uploadedBy: string;

  @ApiProperty({ type: String, nullable: true })
  uploadedByName: string | null;

  @ApiProperty({ enum: DOCUMENT_KINDS })
  kind: DocumentKind;

  @ApiProperty({ enum: DOCUMENT_SUBJECT_TYPES })
  subjectType: DocumentSubjectType;

  @ApiProperty({ format: 'uuid' })
  subjectId: string;
}

export class DocumentListResponse {
  @ApiProperty({ type: [DocumentResponse] })
  items: DocumentResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: a case’s documents come in one page' })
  nextCursor: string | null;
}
