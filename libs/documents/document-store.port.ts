import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';

/**
 * Where a document's bytes live. In PostgreSQL now (chunks beside the case, in the transaction of the
 * upload and its audit event); an object store can take its place behind this port. The caller hashes
 * and checks the bytes as they pass: a store only keeps them.
 */
export interface DocumentStore {
  /** Stores the chunks as they come, in the caller's transaction: a failure rolls every one of them back. */
  write(manager: EntityManager, documentId: string, chunks: AsyncIterable<Buffer>): Promise<void>;
  /** The bytes as a stream, read a chunk at a time. */
  read(documentId: string): Readable;
  /** Removes the bytes (a withdrawn document keeps only its metadata), in the caller's transaction. */
  remove(manager: EntityManager, documentId: string): Promise<void>;
}

export const DOCUMENT_STORE = Symbol('DocumentStore');
