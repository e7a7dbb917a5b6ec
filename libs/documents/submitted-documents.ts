import { Global, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SUBMITTED_DOCUMENTS, type SubmittedDocumentsPort } from '../applications/submitted-documents.port.js';

/**
 * The documents on an application's case, as its submission asks (a programme may require kinds of
 * document first): the application's own documents that are not deleted, read in the submission's
 * transaction (which holds the application's row lock, so an upload or a delete cannot slip between).
 */
export const submittedDocuments: SubmittedDocumentsPort = {
  async kindsOf(manager: EntityManager, applicationId: string): Promise<string[]> {
    const rows: Array<{ kind: string }> = await manager.query(
      `SELECT kind FROM document WHERE application_id = $1 AND subject_type = 'application' AND deleted_at IS NULL`,
      [applicationId],
    );
    return rows.map((row) => row.kind);
  },
};

/** Provides the port globally: the applications context, below this one, cannot import it. */
@Global()
@Module({
  providers: [{ provide: SUBMITTED_DOCUMENTS, useValue: submittedDocuments }],
  exports: [SUBMITTED_DOCUMENTS],
})
export class SubmittedDocumentsModule {}
