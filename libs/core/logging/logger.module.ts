import type { DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { IncomingMessage } from 'node:http';
import { ClsServiceManager } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { levels, type LevelWithSilent } from 'pino';
import type { AppConfigService } from '../config/config.module.js';
import type { RequestContextStore } from '../context/request-context.js';
import { loggableError, loggableUrl } from './loggable-error.js';

/** pino-http's request, as its own serializer made it, with the URL's tokens redacted and no query object. */
function loggableRequest(request: { url?: string; query?: unknown }): Record<string, unknown> {
  return { ...request, url: loggableUrl(request.url), query: undefined };
}

/** Whether the level lets through pino-http's line per request, which it always writes at `info`. */
export function writesRequestLines(level: LevelWithSilent): boolean {
  return level !== 'silent' && levels.values[level] <= levels.values.info;
}

/** The request a line is logged in, read from the request context when the line is written. */
function requestBindings(): Record<string, unknown> {
  const context = ClsServiceManager.getClsService<RequestContextStore>();
  const requestId = context.isActive() ? context.get('requestId') : undefined;
  return requestId ? { requestId, req: { method: context.get('method'), url: context.get('url') } } : {};
}

/**
 * Structured JSON logs; inside a request every line carries its id (`req.id`, which the Fastify
 * adapter gives it). Where request lines are written, pino-http binds a logger to each request. Elsewhere
 * it is not mounted at all: even with its own lines off, it serialised every request (headers,
 * redaction) into a child logger that would be used only if something logged, a fifth of a small
 * request's CPU. The few lines logged during a request then take its id, method and url from the
 * request context as they are written.
 */
export function loggerModule(processName: string): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: AppConfigService) => {
      const level = config.get('LOG_LEVEL', { infer: true });
      const common = {
        level,
        base: { process: processName },
        redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        // Every logged error without query parameters; every logged URL without a token.
        serializers: { err: loggableError, req: loggableRequest },
      };
      if (!writesRequestLines(level)) return { pinoHttp: { ...common, autoLogging: false, mixin: requestBindings }, forRoutes: [] };
      return {
        pinoHttp: {
          ...common,
          genReqId: (request: IncomingMessage) => request.id ?? 'unknown',
          customProps: (request: IncomingMessage) => ({ requestId: request.id }),
          autoLogging: { ignore: (request: IncomingMessage) => request.url?.endsWith('/health') ?? false },
        },
      };
    },
  });
}
