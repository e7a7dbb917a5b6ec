import type { EntityManager } from 'typeorm';

/**
 * What documents a case holds, as submission needs to know it (a programme may require kinds of
 * document before an application is submitted). The documents context, above this one, answers it:
 * its module provides {@link SUBMITTED_DOCUMENTS} from a global module. Without one, a case holds no
 * documents ({@link NO_SUBMITTED_DOCUMENTS}), so a programme that requires any refuses every submission.
 */
export interface SubmittedDocumentsPort {
  /** The kinds of the documents on the application's case (one per document; repeats allowed), read in the caller's transaction. */
  kindsOf(manager: EntityManager, applicationId: string): Promise<string[]>;
}

export const SUBMITTED_DOCUMENTS = Symbol('SubmittedDocumentsPort');

/** The answer until the documents context provides its own: no documents. */
export const NO_SUBMITTED_DOCUMENTS: SubmittedDocumentsPort = {
  kindsOf: async () => [],
};
