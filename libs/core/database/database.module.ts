import type { DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfigService } from '../config/config.module.js';
import { dataSourceOptions } from './data-source-options.js';

/** TypeORM for an app: the shared options, entities registered by each module's `forFeature`. */
export function databaseModule(applicationName: string): DynamicModule {
  return TypeOrmModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: AppConfigService) => ({
      ...dataSourceOptions(
        { DATABASE_URL: config.get('DATABASE_URL', { infer: true }), DATABASE_POOL_SIZE: config.get('DATABASE_POOL_SIZE', { infer: true }) },
        { applicationName },
      ),
      autoLoadEntities: true,
    }),
  });
}
