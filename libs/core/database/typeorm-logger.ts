import { Logger } from '@nestjs/common';
import { AbstractLogger, type LogLevel, type LogMessage, type QueryRunner } from 'typeorm';

/**
 * TypeORM's messages through the app's logger (JSON, with the request id) instead of console.log.
 * A failed query is logged at debug: most are answered as a 4xx (a duplicate, a stale version) and the
 * exception filter logs the ones that become a 500. Which kinds are logged at all is TypeORM's
 * `logging` option, given to the constructor.
 */
export class TypeOrmLogger extends AbstractLogger {
  private readonly logger = new Logger('TypeORM');

  protected writeLog(level: LogLevel, logMessage: LogMessage | string | number | (LogMessage | string | number)[], queryRunner?: QueryRunner): void {
    for (const { type, message, parameters } of this.prepareLogMessages(logMessage, { highlightSql: false }, queryRunner)) {
      if (type === 'warn' || type === 'query-slow') this.logger.warn({ message, parameters });
      else if (type === 'error' && level === 'error') this.logger.error({ message });
      else this.logger.debug({ message, parameters });
    }
  }
}
