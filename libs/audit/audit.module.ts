import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './audit.controller.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditService } from './audit.service.js';

/** The append-only, hash-chained audit trail every other context writes to. */
@Module({ imports: [TypeOrmModule.forFeature([AuditEvent])], providers: [AuditService], exports: [AuditService] })
export class AuditModule {}

/** Its admin endpoints (search, chain verification), for the API only. */
@Module({ imports: [AuditModule], controllers: [AuditController] })
export class AuditApiModule {}
