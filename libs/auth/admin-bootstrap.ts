import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfigService } from '../core/config/config.module.js';
import { UsersService } from './users.service.js';

/** Creates the first administrator from ADMIN_EMAIL and ADMIN_PASSWORD when the system has none. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(ConfigService) private readonly config: AppConfigService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.get('ADMIN_EMAIL', { infer: true });
    const password = this.config.get('ADMIN_PASSWORD', { infer: true });
    if (!email || !password) return;
    const admin = await this.users.ensureFirstAdmin(email, password);
    if (admin) this.logger.log(`Created the first administrator, ${admin.email}`);
  }
}
