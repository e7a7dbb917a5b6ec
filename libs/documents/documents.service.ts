import type { MultipartFile } from '@fastify/multipart';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { ApplicationsService } from '../applications/applications.service.js';
import { audited, AuditService } from '../audit/audit.service.js';
import { UsersService } from '../auth/users.service.js';
import type { Actor } from '../core/context/request-context.js';
import { NotFoundDomainException } from '../core/errors/domain.exception.js';
import { flattenValidationErrors, RequestValidationException } from '../core/errors/validation.js';
import { Clock } from '../core/time/clock.js';
import { journalNumber, nextJournalSerial } from '../journal/journal.js';
import { acceptedTypeOf, DOCUMENT_CHUNK_BYTES, type DetectedType, MAX_DOCUMENT_BYTES, rechunk, sanitizeFilename } from './document-content.js';
import { DOCUMENT_STORE, type DocumentStore } from './document-store.port.js';
import { documentIsOpen, findVisibleSubject } from './document-subjects.js';
import { CaseDocument } from './document.entity.js';
import { DocumentException } from './document.exception.js';
import { type DocumentResponse, UploadDocumentFields } from './dto/document.dto.js';

/** The limits of the one multipart body the API reads: three short fields, then one file. */
const UPLOAD_LIMITS = { fields: 3, fieldSize: 100, files: 1, parts: 4, fileSize: MAX_DOCUMENT_BYTES };

/**
 * The case's documents: uploads streamed into the document store and hashed as they arrive (never
 * held whole), their type found in their content; read, listed and withdrawn by the people who may
 * see their case.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Stores the file of a multipart upload, in one transaction with its audit event: the bytes in
   * chunks as they arrive, hashed on the way; a file of the wrong type (found in its first chunk) or
   * past 25 MB rolls back every chunk written, so nothing is stored.
   */
  async upload(request: FastifyRequest, actor: Actor): Promise<CaseDocument> {
    if (!request.isMultipart()) throw DocumentException.notMultipart();
    const part = await readFilePart(request);
    try {
      const fields = await uploadFields(part);
      return await this.audit.transaction(async (manager) => {
        const subject = await findVisibleSubject(manager, fields.subjectType, fields.subjectId, actor, true);
        if (subject.type === 'award' && subject.status === 'closed') throw DocumentException.awardClosed();
        const id = randomUUID();
        const hash = createHash('sha256');
        let size = 0;
        let type: DetectedType | undefined;
        let overLimit = false;
        part.file.once('limit', () => (overLimit = true));
        const checked = async function* (): AsyncGenerator<Buffer> {
          for await (const chunk of rechunk(part.file, DOCUMENT_CHUNK_BYTES)) {
            if (overLimit) throw DocumentException.tooLarge();
            type ??= await acceptedTypeOf(chunk);
            if (!type) throw DocumentException.unsupportedType();
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        };
        await this.store.write(manager, id, checked());
        if (overLimit || part.file.truncated) throw DocumentException.tooLarge();
        if (!type || size === 0) throw DocumentException.empty();

        // A case with a number numbers the document now; a draft's documents are numbered at submission.
        const serial = subject.caseNumber ? await nextJournalSerial(manager, subject.applicationId) : null;
        const document = manager.create(CaseDocument, {
          id,
          applicationId: subject.applicationId,
          subjectType: subject.type,
          subjectId: subject.id,
          kind: fields.kind,
          filename: sanitizeFilename(part.filename, type.ext),
          contentType: type.mime,
          sizeBytes: size,
          sha256: hash.digest('hex'),
          journalSerial: serial,
          journalNo: serial === null ? null : journalNumber(subject.caseNumber!, serial),
          uploadedBy: actor.id,
          uploadedAt: this.clock.now(),
          deletedBy: null,
          deletedAt: null,
        });
        await manager.insert(CaseDocument, document);
        return audited(document, { action: 'document.uploaded', entityType: 'document', entityId: id, after: metadata(document) });
      });
    } finally {
      // What the request still holds after a refusal is read and dropped, so the answer is not stuck behind it.
      if (!part.file.readableEnded) part.file.resume();
    }
  }

  async get(id: string, actor: Actor): Promise<CaseDocument> {
    return this.findVisible(this.dataSource.manager, id, actor);
  }

  /** The document and its bytes as a stream; the bytes are read a chunk at a time as the client takes them. */
  async content(id: string, actor: Actor): Promise<{ document: CaseDocument; content: Readable }> {
    const document = await this.findVisible(this.dataSource.manager, id, actor);
    return { document, content: this.store.read(document.id) };
  }

  /** The bytes of a document already read by someone who may see it (the case file). */
  contentOf(document: CaseDocument): Readable {
    return this.store.read(document.id);
  }

  /**
   * The case's documents (the application's, its reports' and its award's) in journal order; a
   * draft's documents, not numbered yet, in upload order.
   */
  async listForCase(applicationId: string, actor: Actor): Promise<CaseDocument[]> {
    await this.applications.get(applicationId, actor);
    return this.dataSource
      .getRepository(CaseDocument)
      .createQueryBuilder('document')
      .where('document.application_id = :applicationId AND document.deleted_at IS NULL', { applicationId })
      .orderBy('document.journal_serial', 'ASC', 'NULLS LAST')
      .addOrderBy('document.uploaded_at', 'ASC')
      .addOrderBy('document.id', 'ASC')
      .getMany();
  }

  /** Withdraws a document while its subject is open (a draft, a report not submitted): its bytes go, its metadata and number stay. */
  async delete(id: string, actor: Actor): Promise<void> {
    await this.audit.transaction(async (manager) => {
      const found = await this.findVisible(manager, id, actor);
      const subject = await findVisibleSubject(manager, found.subjectType, found.subjectId, actor, true);
      const document = await manager.findOneOrFail(CaseDocument, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (document.deletedAt) throw new NotFoundDomainException('Dokumentet', id);
      if (!documentIsOpen(subject, document.uploadedAt)) throw DocumentException.locked(subject.type);
      const now = this.clock.now();
      await manager.update(CaseDocument, { id }, { deletedAt: now, deletedBy: actor.id });
      await this.store.remove(manager, id);
      return audited(undefined, { action: 'document.deleted', entityType: 'document', entityId: id, before: metadata(document), after: { deletedAt: now } });
    });
  }

  async respond(documents: CaseDocument[]): Promise<DocumentResponse[]> {
    const people = await this.users.people(documents.map((document) => document.uploadedBy));
    return documents.map((document) => ({
      id: document.id,
      applicationId: document.applicationId,
      filename: document.filename,
      contentType: document.contentType,
      sizeBytes: document.sizeBytes,
      sha256: document.sha256,
      journalNo: document.journalNo,
      uploadedAt: document.uploadedAt.toISOString(),
      uploadedBy: document.uploadedBy,
      uploadedByName: people.get(document.uploadedBy)?.name ?? null,
      kind: document.kind,
      subjectType: document.subjectType,
      subjectId: document.subjectId,
    }));
  }

  /** A document the actor may see: one of a case they may see, not withdrawn; else 404. */
  private async findVisible(manager: EntityManager, id: string, actor: Actor): Promise<CaseDocument> {
    const document = await manager.findOneBy(CaseDocument, { id });
    if (!document || document.deletedAt) throw new NotFoundDomainException('Dokumentet', id);
    try {
      await findVisibleSubject(manager, 'application', document.applicationId, actor);
    } catch {
      throw new NotFoundDomainException('Dokumentet', id);
    }
    return document;
  }
}

/** The metadata an audit event records of a document. */
function metadata(document: CaseDocument) {
  return {
    filename: document.filename,
    contentType: document.contentType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    journalNo: document.journalNo,
    kind: document.kind,
    subjectType: document.subjectType,
    subjectId: document.subjectId,
  };
}

/** The file part, with the fields sent before it; the multipart parser's own refusals as problems. */
async function readFilePart(request: FastifyRequest): Promise<MultipartFile> {
  let part: MultipartFile | undefined;
  try {
    part = await request.file({ limits: UPLOAD_LIMITS });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413 && (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw DocumentException.tooLarge();
    throw DocumentException.malformed();
  }
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw DocumentException.noFile();
  }
  return part;
}

/** The fields sent before the file, checked like any request body (unknown fields refused). */
async function uploadFields(part: MultipartFile): Promise<UploadDocumentFields> {
  const plain: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const field = Array.isArray(value) ? value[0] : value;
    if (field && field.type === 'field') plain[name] = field.value;
  }
  const fields = plainToInstance(UploadDocumentFields, plain);
  const errors = await validate(fields, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: true, value: true } });
  if (errors.length > 0) throw new RequestValidationException(flattenValidationErrors(errors));
  return fields;
}
