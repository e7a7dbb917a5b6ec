import { BullModule } from '@nestjs/bullmq';
import type { DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfigService } from '../core/config/config.module.js';
import { redisConnectionOptions } from '../core/redis/redis.module.js';

/** BullMQ on the configured Redis, every key under QUEUE_PREFIX so deployments and test runs never mix. */
export function queueRootModule(): DynamicModule {
  return BullModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: AppConfigService) => ({
      connection: redisConnectionOptions(config.get('REDIS_URL', { infer: true })),
      prefix: config.get('QUEUE_PREFIX', { infer: true }),
    }),
  });
}
