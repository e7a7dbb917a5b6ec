import type { DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfigService } from '../config/config.module.js';

/** Structured JSON logs; inside a request every line carries its id (`req.id`, set by the request-id middleware). */
export function loggerModule(processName: string): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: AppConfigService) => ({
      pinoHttp: {
        level: config.get('LOG_LEVEL', { infer: true }),
        base: { process: processName },
        genReqId: (request: IncomingMessage) => request.id ?? 'unknown',
        customProps: (request: IncomingMessage) => ({ requestId: request.id }),
        redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        autoLogging: { ignore: (request: IncomingMessage) => request.url?.endsWith('/health') ?? false },
      },
    }),
  });
}
