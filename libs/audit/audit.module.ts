import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfigService } from '../core/config/config.module.js';
import { ExportStreamsModule } from '../core/http/export-streams.js';
import { AuditController } from './audit.controller.js';
import { AuditEvent } from './audit-event.entity.js';
import { loadAuditKey } from './audit-key.js';
import { AUDIT_TRAIL } from './audit-trail.port.js';
import { AUDIT_KEY, AuditService } from './audit.service.js';

/** The audit chain's key, read once when the process starts (from configuration, or the development key file). */
const auditKeyProvider = {
  provide: AUDIT_KEY,
  inject: [ConfigService],
  useFactory: (config: AppConfigService) =>
    loadAuditKey({
      AUDIT_HMAC_KEY: config.get('AUDIT_HMAC_KEY', { infer: true }),
      AUDIT_HMAC_KEY_FILE: config.get('AUDIT_HMAC_KEY_FILE', { infer: true }),
      NODE_ENV: config.get('NODE_ENV', { infer: true }),
    }),
};

/** The append-only, keyed hash chain every other context writes to. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent])],
  providers: [auditKeyProvider, AuditService, { provide: AUDIT_TRAIL, useExisting: AuditService }],
  exports: [AuditService, AUDIT_TRAIL],
})
export class AuditModule {}

/** Its admin endpoints (search, chain verification, the signed head), for the API only. */
@Module({ imports: [AuditModule, ExportStreamsModule], controllers: [AuditController] })
export class AuditApiModule {}
