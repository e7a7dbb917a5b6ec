import 'reflect-metadata';
import type { WorkerHost } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { parseEnvOrExit } from '../../../libs/core/config/parse-env-or-exit.js';
import { exitIfShutdownHangs } from '../../../libs/core/lifecycle/exit-if-shutdown-hangs.js';
import { AuditHeadProcessor } from '../../../libs/audit/audit-head.processor.js';
import { HeartbeatProcessor } from '../../../libs/queue/heartbeat.processor.js';
import { RemindersProcessor } from '../../../libs/reminders/reminders.processor.js';
import { WorkerModule } from './worker.module.js';

async function bootstrap(): Promise<void> {
  const env = parseEnvOrExit('worker');
  exitIfShutdownHangs(env.SHUTDOWN_TIMEOUT_MS);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.flushLogs();

  // SIGTERM/SIGINT: take no new jobs and let the running ones finish, then close Postgres and Redis.
  const close = async () => {
    const processors: WorkerHost[] = [app.get(RemindersProcessor), app.get(HeartbeatProcessor), app.get(AuditHeadProcessor)];
    await Promise.all(processors.map((processor) => processor.worker.close()));
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close());
  process.once('SIGINT', () => void close());
  console.log('Tilskud worker started');
}

await bootstrap();
