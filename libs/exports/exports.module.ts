import { Module } from '@nestjs/common';
import { ExportStreamsModule } from '../core/http/export-streams.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

/** Exports for caseworkers and auditors: the award list as CSV, the audit trail as CSV, the published overview as PDF. */
@Module({ imports: [ExportStreamsModule, ProgrammesModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
