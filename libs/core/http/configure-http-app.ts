import helmet from '@fastify/helmet';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Logger } from 'nestjs-pino';
import type { AppConfigService } from '../config/config.module.js';
import { bytesOf } from '../config/env.js';

export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';
export const REQUEST_ID_HEADER = 'X-Request-Id';
/** A caller's id is kept when it is short and plain, so a load balancer's id follows the request through. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,64}$/;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `{"__proto__": …}` parses to an own property, but becomes a prototype once copied into a DTO, where
 * the whitelist cannot see it. Such a body is refused while it is parsed (400), before anything reads it.
 */
function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (PROTOTYPE_KEYS.has(key)) throw new SyntaxError(`The key "${key}" is not allowed in a request body`);
  return value;
}

/**
 * The HTTP adapter: Fastify, with the request id every log line and problem body carries. (The body
 * limit is the JSON parser's, from the configuration, in {@link configureHttpApp}.)
 */
export function createHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    genReqId: (request: IncomingMessage) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
    },
  });
}

/**
 * Everything about the HTTP app that is not a module: used by `main.ts` and by the e2e tests, so the
 * tests exercise exactly what users get.
 */
export async function configureHttpApp(app: NestFastifyApplication, config: AppConfigService): Promise<NestFastifyApplication> {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  await app.register(helmet);
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: bytesOf(config.get('BODY_LIMIT', { infer: true })) }, (_request, body, done) => {
    try {
      done(null, body === '' ? {} : JSON.parse(body as string, refusePrototypeKeys));
    } catch (error) {
      done(Object.assign(error as Error, { statusCode: 400, code: 'BODY_PARSE_FAILED' }), undefined);
    }
  });
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
