import type { DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { levels, type LevelWithSilent } from 'pino';
import type { AppConfigService } from '../config/config.module.js';

/**
 * pino-http writes one line per request, always at `info`. Below that level nothing would be written,
 * yet building each line (a child logger, the request and response objects) still cost about a tenth
 * of a small request's CPU; so the request lines are switched off where the level would drop them.
 */
export function writesRequestLines(level: LevelWithSilent): boolean {
  return level !== 'silent' && levels.values[level] <= levels.values.info;
}

/** Structured JSON logs; inside a request every line carries its id (`req.id`, set by the request-id middleware). */
export function loggerModule(processName: string): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: AppConfigService) => {
      const level = config.get('LOG_LEVEL', { infer: true });
      return {
        pinoHttp: {
          level,
          base: { process: processName },
          genReqId: (request: IncomingMessage) => request.id ?? 'unknown',
          customProps: (request: IncomingMessage) => ({ requestId: request.id }),
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          autoLogging: writesRequestLines(level) && { ignore: (request: IncomingMessage) => request.url?.endsWith('/health') ?? false },
        },
      };
    },
  });
}
