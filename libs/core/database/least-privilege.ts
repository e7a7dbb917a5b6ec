import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfigService } from '../config/config.module.js';

/**
 * At start-up, whether the role the process connects as could rewrite the audit trail: a superuser, the
 * owner of `audit_event` (who can switch its triggers off), or a role allowed to UPDATE it. Outside
 * production that is a warning (a single-role development database); in production the process
 * refuses to start. `npm start` and the tests connect as `tilskud_app`, which can do none of these.
 */
@Injectable()
export class LeastPrivilegeCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(LeastPrivilegeCheck.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ConfigService) private readonly config: AppConfigService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const powers = await this.powersOverTheAuditTrail().catch(() => null);
    if (!powers || powers.length === 0) return;
    const message = `The database role ${powers.join(', ')}; connect as a role that owns nothing (see DATABASE_URL in the README)`;
    if (this.config.get('NODE_ENV', { infer: true }) === 'production') throw new Error(message);
    this.logger.warn(message);
  }

  /** What the current role may do to the audit trail that the system itself must not. */
  async powersOverTheAuditTrail(): Promise<string[]> {
    const [row]: Array<{ role: string; superuser: boolean; owns: boolean; updates: boolean }> = await this.dataSource.query(
      `SELECT current_user AS role, r.rolsuper AS superuser, c.relowner = r.oid AS owns, has_table_privilege('audit_event', 'UPDATE') AS updates
         FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'audit_event'::regclass`,
    );
    if (!row) return [];
    const powers: string[] = [];
    if (row.superuser) powers.push(`${row.role} is a superuser`);
    if (row.owns) powers.push(`${row.role} owns audit_event and can switch its triggers off`);
    if (row.updates && !row.superuser) powers.push(`${row.role} may UPDATE audit_event`);
    return powers;
  }
}
