import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import type { DocumentStore } from './document-store.port.js';

/** The bytes in `document_chunk`, one row per chunk of about 256 KB, numbered from 0. */
@Injectable()
export class PostgresDocumentStore implements DocumentStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async write(manager: EntityManager, documentId: string, chunks: AsyncIterable<Buffer>): Promise<void> {
    let seq = 0;
    for await (const chunk of chunks) {
      await manager.query('INSERT INTO document_chunk (document_id, seq, data) VALUES ($1, $2, $3)', [documentId, seq, chunk]);
      seq += 1;
    }
  }

  read(documentId: string): Readable {
    const dataSource = this.dataSource;
    // One chunk per query: a reader holds at most one chunk and no connection between chunks.
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let seq = 0; ; seq += 1) {
        const [row]: Array<{ data: Buffer }> = await dataSource.query('SELECT data FROM document_chunk WHERE document_id = $1 AND seq = $2', [documentId, seq]);
        if (!row) return;
        yield row.data;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  async remove(manager: EntityManager, documentId: string): Promise<void> {
    await manager.query('DELETE FROM document_chunk WHERE document_id = $1', [documentId]);
  }
}
