import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseEnvOrExit } from '../../../libs/core/config/parse-env-or-exit.js';
import { API_PREFIX, createHttpAdapter, DOCS_PATH } from '../../../libs/core/http/configure-http-app.js';
import { closeGracefullyOnSignal, exitIfShutdownHangs } from '../../../libs/core/lifecycle/exit-if-shutdown-hangs.js';
import { ApiModule } from './api.module.js';
import { configureApi } from './configure-api.js';

async function bootstrap(): Promise<void> {
  const env = parseEnvOrExit('api');
  exitIfShutdownHangs(env.SHUTDOWN_TIMEOUT_MS);
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(), createHttpAdapter(env), { bufferLogs: true, bodyParser: false });
  await configureApi(app);
  await app.listen(env.PORT, env.HOST);
  closeGracefullyOnSignal(app, env.SHUTDOWN_GRACE_MS, env.SHUTDOWN_TIMEOUT_MS);
  const base = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`;
  console.log(`Tilskud API listening on ${base}/${API_PREFIX} (docs: ${base}/${DOCS_PATH}; web app: ${base}/)`);
}

await bootstrap();
