import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { Logger } from 'nestjs-pino';
import type { AppConfigService } from '../config/config.module.js';
import { bytesOf, type Env, trustProxyOption } from '../config/env.js';
import { REQUEST_ID_HEADER, sendProblem } from '../errors/problem.js';
import { answerClientError, EdgeProblem, frameworkProblem } from './edge-problems.js';
import { parseJsonBody } from './json-body.js';
import { completeOpenApiDocument } from './openapi.js';
import { RouteCatalog } from './route-catalog.js';

export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';
export { REQUEST_ID_HEADER };

/** Longer URLs are answered 414 before routing; no URL of the API comes near it. */
export const MAX_URL_LENGTH = 8_192;
/**
 * A caller's request id is kept only when it is a UUID, so a load balancer's id follows the request
 * through; anything else (free text, an id chosen to look like another request's) gets an id of ours.
 */
const ACCEPTABLE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `%00` anywhere in the URL (or a raw NUL): a NUL, which Postgres refuses in text and no path or query of ours holds. */
const hasNul = (url: string) => /%00/i.test(url) || url.includes(String.fromCharCode(0));

/**
 * Whether the query (after `?`) can be read: every `%` begins an escape of UTF-8. Fastify's parser
 * keeps a broken one as it is (`?%ZZ=1` would become a field named `%ZZ`), so it is refused here.
 */
export function queryDecodes(url: string): boolean {
  const start = url.indexOf('?');
  if (start === -1) return true;
  try {
    decodeURIComponent(url.slice(start + 1));
    return true;
  } catch {
    return false;
  }
}

/**
 * The HTTP adapter: Fastify, with the request id every log line and problem body carries, the proxies
 * it trusts for the client's address (`TRUST_PROXY`), and problem+json for what it refuses before any
 * route runs: a URL it cannot decode, a path parameter too long, and (`clientErrorHandler`) requests
 * Node's parser refuses (malformed, headers or request line too large, too slow).
 */
export function createHttpAdapter(env: Pick<Env, 'TRUST_PROXY'>): FastifyAdapter {
  return new FastifyAdapter({
    // A number of hops is Fastify's too, though its types leave it out.
    trustProxy: trustProxyOption(env.TRUST_PROXY) as boolean | string[],
    genReqId: (request: IncomingMessage) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && ACCEPTABLE_ID.test(incoming) ? incoming : randomUUID();
    },
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      sendProblem(reply, request, frameworkProblem(error, MAX_URL_LENGTH));
    },
    clientErrorHandler: (error: Error, socket: Socket) => answerClientError(error, socket, MAX_URL_LENGTH),
  });
}

/** A route's own settings, in its Fastify `config`. */
export interface RouteSettings {
  /** The body limit of one route, when it takes less than `BODY_LIMIT` (sign-in takes a few hundred bytes). */
  bodyLimit?: number;
  /**
   * A route that takes every path no other route has (the web app's `GET /*`): left out of the route
   * catalog, so a path no API route has is still a 404 and a path of other methods a 405.
   */
  catchAll?: boolean;
  /** A route that reads a multipart/form-data body itself, as a stream (`@TakesFile`): no other route accepts one. */
  multipart?: boolean;
}

// A route's `config` is typed as our settings (Fastify's own type knows none).
declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface FastifyContextConfig extends RouteSettings {}
}

/**
 * Everything about the HTTP app that is not a module: used by `main.ts` and by the e2e tests, so the
 * tests exercise exactly what users get.
 */
export async function configureHttpApp(app: NestFastifyApplication, config: AppConfigService): Promise<NestFastifyApplication> {
  app.useLogger(app.get(Logger));
  app.flushLogs();
  const fastify = app.getHttpAdapter().getInstance();
  const routes = app.get(RouteCatalog);

  fastify.addHook('onRoute', (route) => {
    const config = route.config as RouteSettings | undefined;
    if (!config?.catchAll) routes.add(route.method, route.url ?? route.path);
    // A route's own, smaller body limit (`@BodyLimit`) is Fastify's per-route limit: the body is not read past it.
    const bodyLimit = config?.bodyLimit;
    if (bodyLimit !== undefined) route.bodyLimit = bodyLimit;
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    if (request.url.length > MAX_URL_LENGTH) return void sendProblem(reply, request, EdgeProblem.uriTooLong(MAX_URL_LENGTH));
    if (hasNul(request.url)) return void sendProblem(reply, request, EdgeProblem.invalidUrlCharacters());
    if (!queryDecodes(request.url)) return void sendProblem(reply, request, EdgeProblem.invalidQuery());
    done();
  });
  // Nothing the API answers is for a shared or a browser's cache: signed-in answers, exports and
  // problems alike. An answer that wants otherwise sets its own Cache-Control.
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    done(null, payload);
  });
  await app.register(helmet);
  // Cookies are read and set only where a route asks (the refresh token's cookie mode, /auth); none is signed.
  await app.register(cookie);

  // JSON is the one body the API reads (a form or text body is 415), with bounded shape: see parseJsonBody.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: bytesOf(config.get('BODY_LIMIT', { infer: true })) },
    (_request, body, done) => {
      try {
        done(null, parseJsonBody(body as string));
      } catch (error) {
        if (error instanceof SyntaxError) Object.assign(error, { statusCode: 400 });
        done(error as Error, undefined);
      }
    },
  );
  // multipart/form-data only where a route takes a file (`@TakesFile`): the plugin's parser reads
  // nothing, it marks the request for the route to stream the parts itself, within limits the route
  // sets; these defaults are for any other use and keep to the JSON body's limit. Every other route
  // refuses it (415), as it refused it before the plugin was registered.
  await app.register(multipart, {
    limits: { fields: 10, fieldSize: 1_000, files: 1, parts: 20, fileSize: bytesOf(config.get('BODY_LIMIT', { infer: true })) },
    throwFileSizeLimit: false,
  });
  fastify.addHook('preValidation', (request, reply, done) => {
    // (A route that takes a file refuses any other body itself, after the caller is known: 401 comes first.)
    if (request.isMultipart() && !request.routeOptions.config?.multipart) return void sendProblem(reply, request, EdgeProblem.unsupportedMediaType());
    done();
  });
  app.setGlobalPrefix(API_PREFIX);

  const document = completeOpenApiDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Tilskud API')
        .setDescription('Grant-administration case management: programmes (puljer), applications, assessments, awards, extensions and reports.')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
  return app;
}
