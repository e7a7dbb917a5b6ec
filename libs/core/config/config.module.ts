import { type DynamicModule } from '@nestjs/common';
import { ConfigModule, type ConfigService } from '@nestjs/config';
import { type Env, parseEnv } from './env.js';

/** The typed view of the validated environment: `config.get('PORT', { infer: true })` is a number. */
export type AppConfigService = ConfigService<Env, true>;

/**
 * Validates `process.env` when the application module is built (not when this file is imported),
 * so a test can set variables and then build an app that sees them.
 */
export function appConfigModule(): Promise<DynamicModule> {
  return ConfigModule.forRoot({ isGlobal: true, cache: true, ignoreEnvFile: true, validate: (raw) => ({ ...parseEnv(raw) }) });
}
