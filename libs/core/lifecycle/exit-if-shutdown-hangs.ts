import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { InFlightRequests } from './in-flight-requests.js';

/**
 * On SIGTERM/SIGINT Nest closes the app (HTTP server stops accepting, in-flight requests and jobs finish,
 * then Postgres and Redis close). If that takes longer than `timeoutMs`, give up and exit non-zero
 * rather than hang the deployment.
 */
export function exitIfShutdownHangs(timeoutMs: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        console.error(`Shutdown took longer than ${timeoutMs} ms; exiting.`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}

/**
 * SIGTERM/SIGINT for the API: for `graceMs` go on serving while health answers 503 (so a load balancer
 * stops sending work and requests already on their way are read), then stop accepting connections, let
 * every running handler finish (even one whose client hung up), close Postgres, Redis and the queues,
 * and exit 0.
 */
export function closeGracefullyOnSignal(app: INestApplication, graceMs: number, timeoutMs: number): void {
  const close = async () => {
    const inFlight = app.get(InFlightRequests);
    inFlight.draining = true;
    await new Promise((resolve) => setTimeout(resolve, graceMs));
    (app.getHttpServer() as Server).close();
    await inFlight.drained(timeoutMs);
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close());
  process.once('SIGINT', () => void close());
}
