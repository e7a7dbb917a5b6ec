import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { finalize, type Observable } from 'rxjs';

/**
 * Counts request handlers that are still running. A client that hangs up does not stop its handler,
 * so waiting for the HTTP server to close is not enough: shutdown waits for this count to reach zero
 * before it closes Postgres and Redis, and no request is cut mid-transaction.
 */
@Injectable()
export class InFlightRequests implements NestInterceptor {
  private running = 0;
  private idle: Array<() => void> = [];
  /** Set on SIGTERM: health answers 503 so load balancers stop sending work while the process drains. */
  draining = false;

  get count(): number {
    return this.running;
  }

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    this.running += 1;
    return next.handle().pipe(
      finalize(() => {
        this.running -= 1;
        if (this.running === 0) for (const resolve of this.idle.splice(0)) resolve();
      }),
    );
  }

  /** Resolves true when no handler runs, or false when `timeoutMs` passes first. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs).unref();
      this.idle.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
