import { ConfigService } from '@nestjs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfigService } from '../../../libs/core/config/config.module.js';
import { configureHttpApp } from '../../../libs/core/http/configure-http-app.js';
import { mountQueueDashboard } from './queue-dashboard.js';
import { mountWebApp } from './web-app.js';

/** The API as users get it: the shared HTTP set-up, the admins' queue dashboard and the web app at `/`. Used by main.ts and the tests. */
export async function configureApi(app: NestFastifyApplication): Promise<NestFastifyApplication> {
  const config = app.get<AppConfigService>(ConfigService);
  await configureHttpApp(app, config);
  await mountQueueDashboard(app);
  await mountWebApp(app, config);
  return app;
}
