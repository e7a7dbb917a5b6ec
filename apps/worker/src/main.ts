import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { parseEnvOrExit } from '../../../libs/core/config/parse-env-or-exit.js';
import { exitIfShutdownHangs } from '../../../libs/core/lifecycle/exit-if-shutdown-hangs.js';
import { WorkerModule } from './worker.module.js';

async function bootstrap(): Promise<void> {
  const env = parseEnvOrExit('worker');
  exitIfShutdownHangs(env.SHUTDOWN_TIMEOUT_MS);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.flushLogs();

  // SIGTERM/SIGINT: each queue worker takes no new jobs and lets its running ones finish
  // (QueueWorker.beforeApplicationShutdown), then Postgres and Redis close.
  const close = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close());
  process.once('SIGINT', () => void close());
  console.log('Tilskud worker started');
}

await bootstrap();
