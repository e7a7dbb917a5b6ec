import pg from 'pg';
import type { DataSourceOptions, LoggerOptions } from 'typeorm';
import { migrations } from '../../../migrations/index.js';
import type { Env } from '../config/env.js';
import { TypeOrmLogger } from './typeorm-logger.js';

// Calendar dates stay 'YYYY-MM-DD' strings: turning them into JS Dates would shift them by the host's
// time zone. int8 (money in øre, counts) stays a string and is converted exactly by the entities.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** The one description of our database, used by the apps, the migration CLI and the tests. */
export function dataSourceOptions(
  env: Pick<Env, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
  { applicationName = 'tilskud', logging = ['error', 'warn', 'migration'] }: { applicationName?: string; logging?: LoggerOptions } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    logging,
    logger: new TypeOrmLogger(logging),
    maxQueryExecutionTime: 1_000,
    extra: {
      max: env.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: 5_000,
      application_name: applicationName,
      // Times are stored as timestamptz; the session zone only affects how Postgres prints them.
      options: '-c timezone=UTC',
    },
  };
}
