import { ConfigService } from '@nestjs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfigService } from '../../../libs/core/config/config.module.js';
import { configureHttpApp } from '../../../libs/core/http/configure-http-app.js';
import { mountQueueDashboard } from './queue-dashboard.js';

/** The API as users get it: the shared HTTP set-up plus the admins' queue dashboard. Used by main.ts and the tests. */
export async function configureApi(app: NestFastifyApplication): Promise<NestFastifyApplication> {
  await configureHttpApp(app, app.get<AppConfigService>(ConfigService));
  await mountQueueDashboard(app);
  return app;
}
