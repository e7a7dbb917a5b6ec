import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { BudgetAdjustment } from './budget-adjustment.entity.js';
import { Programme } from './programme.entity.js';
import { ProgrammesController } from './programmes.controller.js';
import { LedgerCache } from './ledger-cache.js';
import { LedgerReader } from './ledger-reader.js';
import { ProgrammesService } from './programmes.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Programme, BudgetAdjustment]), AuditModule, MunicipalitiesModule],
  controllers: [ProgrammesController],
  providers: [ProgrammesService, LedgerReader, { provide: LedgerCache, useFactory: () => new LedgerCache() }],
  exports: [ProgrammesService],
})
export class ProgrammesModule {}
