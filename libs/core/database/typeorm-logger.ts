import { Logger } from '@nestjs/common';
import { AbstractLogger, type LogLevel, type LogMessage, type QueryRunner } from 'typeorm';

/**
 * TypeORM's messages through the app's logger (JSON, with the request id) instead of console.log.
 * A failed query is logged at debug: most are answered as a 4xx (a duplicate, a stale version) and the
 * exception filter logs the ones that become a 500. Which kinds are logged at all is TypeORM's
 * `logging` option, given to the constructor. Query parameters are never written.
 */
export class TypeOrmLogger extends AbstractLogger {
  private readonly logger = new Logger('TypeORM');

  protected writeLog(level: LogLevel, logMessage: LogMessage | string | number | (LogMessage | string | number)[], queryRunner?: QueryRunner): void {
    // Never the parameters: they hold what users typed and what we store (a password hash on a new user).
    for (const { type, message } of this.prepareLogMessages(logMessage, { highlightSql: false, appendParameterAsComment: false }, queryRunner)) {
      if (type === 'warn' || type === 'query-slow') this.logger.warn({ message });
      else if (type === 'error' && level === 'error') this.logger.error({ message });
      else this.logger.debug({ message });
    }
  }
}
