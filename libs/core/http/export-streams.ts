import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
import pg from 'pg';
import QueryStream from 'pg-query-stream';
import type { Readable } from 'node:stream';
import type { AppConfigService } from '../config/config.module.js';
import { DomainException } from '../errors/domain.exception.js';

/** Every slot taken: the export is refused at once, not queued behind a slow reader. */
export class ExportBusyException extends DomainException {
  constructor(retryAfterSeconds: number) {
    super('exports-busy', `Der køres allerede det højeste antal eksporter og kædekontroller på én gang; prøv igen om ${retryAfterSeconds} sekunder.`, {
      retryAfterSeconds,
    });
  }
}

const BUSY_RETRY_AFTER_SECONDS = 10;

/**
 * Long answers — streamed exports, and the chain verification — kept apart from the requests that
 * everyone else waits on. Ten clients that opened the audit export and read nothing once held every
 * connection of the API's pool, and every signed-in request answered 503. Now:
 *
 * - at most `EXPORT_CONCURRENCY` run at once per process; one more is refused with 503 at once;
 * - a streamed export reads from a cursor on a pool of its own, of that size, never the API's;
 * - a download whose reader takes nothing for `EXPORT_STALL_TIMEOUT_MS` is cut off, which ends its
 *   cursor and frees its connection;
 * - (each user may start `EXPORT_RATE_LIMIT` a minute: the routes' `@RateLimit`).
 */
@Injectable()
export class ExportStreams implements OnApplicationShutdown {
  private running = 0;
  private readonly pool: pg.Pool;
  private readonly slots: number;
  private readonly stallTimeoutMs: number;

  constructor(@Inject(ConfigService) config: AppConfigService) {
    this.slots = config.get('EXPORT_CONCURRENCY', { infer: true });
    this.stallTimeoutMs = config.get('EXPORT_STALL_TIMEOUT_MS', { infer: true });
    this.pool = new pg.Pool({
      connectionString: config.get('DATABASE_URL', { infer: true }),
      max: this.slots,
      connectionTimeoutMillis: 5_000,
      application_name: 'tilskud-api-exports',
      options: '-c timezone=UTC',
    });
    // An idle connection that breaks (a database restart) is dropped by the pool; nothing to do here.
    this.pool.on('error', () => undefined);
  }

  /** Runs `work` in one of the slots, or refuses (503) when they are all taken. */
  async inSlot<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) throw new ExportBusyException(BUSY_RETRY_AFTER_SECONDS);
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
    }
  }

  /**
   * Answers with a body written as a stream, in a slot. Everything that can refuse the request (a
   * missing programme, a bad filter) must be checked by `prepare`, before the response is taken over
   * from Fastify; after that a failure can only cut the download short, never leave it hanging.
   */
  async stream<P>(
    reply: FastifyReply,
    headers: { contentType: string; disposition: string },
    prepare: () => Promise<P>,
    write: (output: ServerResponse, prepared: P) => Promise<void>,
  ): Promise<void> {
    await this.inSlot(async () => {
      const prepared = await prepare();
      const output = takeOver(reply, headers);
      output.setTimeout(this.stallTimeoutMs, () => output.destroy(new Error('The export’s reader took nothing for too long')));
      try {
        await write(output, prepared);
      } catch (error) {
        if (!output.destroyed) output.destroy(error as Error);
      }
    });
  }

  /**
   * Rows of a query from a cursor on the export pool. The connection goes back to the pool when the
   * rows are read to the end, or when the stream is destroyed (a reader that hung up or stalled).
   */
  async rows(sql: string, parameters: unknown[]): Promise<Readable> {
    const client = await this.pool.connect();
    const rows = client.query(new QueryStream(sql, parameters, { batchSize: 500 }));
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      // A connection whose cursor was cut off mid-way is not given to the next export.
      client.release(error ?? (rows.destroyed && !rows.readableEnded ? new Error('cursor closed early') : undefined));
    };
    rows.once('end', () => release());
    rows.once('error', (error) => release(error));
    rows.once('close', () => release());
    return rows;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Takes the response over from Fastify for a body written as a stream, with the headers Fastify would
 * have sent (security headers, request id, no-store) and the export's own.
 */
function takeOver(reply: FastifyReply, headers: { contentType: string; disposition: string }): ServerResponse {
  reply.hijack();
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value as string);
  reply.raw.setHeader('Cache-Control', 'no-store');
  reply.raw.setHeader('Content-Type', headers.contentType);
  reply.raw.setHeader('Content-Disposition', headers.disposition);
  return reply.raw;
}

/** The slots and pool long answers run in, one per API process: exports, and the audit chain's verification. */
@Global()
@Module({ providers: [ExportStreams], exports: [ExportStreams] })
export class ExportStreamsModule {}
