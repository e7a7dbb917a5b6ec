import { type DynamicModule, Module } from '@nestjs/common';
import { appConfigModule } from './config/config.module.js';
import { requestContextModule } from './context/request-context.js';
import { databaseModule } from './database/database.module.js';
import { LeastPrivilegeCheck } from './database/least-privilege.js';
import { loggerModule } from './logging/logger.module.js';
import { RedisModule } from './redis/redis.module.js';
import { ConfigService } from '@nestjs/config';
import type { AppConfigService } from './config/config.module.js';
import { Clock, SystemClock } from './time/clock.js';
import { DanishCalendar } from './time/danish-calendar.js';

/** What every process needs: validated config, logs, request context, the clock, Postgres and Redis. */
@Module({})
export class CoreModule {
  static forRoot(processName: 'api' | 'worker'): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      imports: [appConfigModule(), loggerModule(processName), requestContextModule(), databaseModule(`tilskud-${processName}`), RedisModule],
      providers: [
        { provide: Clock, useClass: SystemClock },
        {
          // The ministry's working days: every deadline, reminder and letter counts on the same calendar.
          provide: DanishCalendar,
          inject: [ConfigService],
          useFactory: (config: AppConfigService) => new DanishCalendar(config.get('CLOSURE_DAYS', { infer: true }).split(',').filter(Boolean)),
        },
        LeastPrivilegeCheck,
      ],
      exports: [Clock, DanishCalendar],
    };
  }
}
