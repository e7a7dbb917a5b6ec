import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { Clock, type ManualClock } from '../../libs/core/time/clock.js';
import { withEnv } from './test-app.js';

/** The real worker module (processors included), against the environment given, optionally on a test clock. */
export function createTestWorker(options: { env?: Record<string, string>; clock?: ManualClock } = {}): Promise<INestApplicationContext> {
  return withEnv(options.env ?? {}, async () => {
    const builder = Test.createTestingModule({ imports: [WorkerModule.forRoot()] });
    if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
    return (await builder.compile()).init();
  });
}

/** Polls until `check` returns something truthy (or throws the last failure after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError ?? new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
