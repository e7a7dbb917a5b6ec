import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { AppConfigService } from '../config/config.module.js';
import { requestIdMiddleware } from './request-id.middleware.js';

export const API_PREFIX = 'api/v1';

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `{"__proto__": …}` parses to an own property, but becomes a prototype once copied into a DTO, where
 * the whitelist cannot see it. Such a body is refused while it is parsed (400), before anything reads it.
 */
function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (PROTOTYPE_KEYS.has(key)) throw new SyntaxError(`The key "${key}" is not allowed in a request body`);
  return value;
}
export const DOCS_PATH = 'api/docs';

/**
 * Everything about the HTTP app that is not a module: used by `main.ts` and by the e2e tests, so the
 * tests exercise exactly what users get.
 */
export function configureHttpApp(app: NestExpressApplication, config: AppConfigService): NestExpressApplication {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.use(requestIdMiddleware);
  app.use(helmet());
  app.useBodyParser('json', { limit: config.get('BODY_LIMIT', { infer: true }), reviver: refusePrototypeKeys });
  app.setGlobalPrefix(API_PREFIX);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tilskud API')
      .setDescription('Grant-administration case management: programmes (puljer), applications, assessments, awards, extensions and reports.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
  return app;
}
