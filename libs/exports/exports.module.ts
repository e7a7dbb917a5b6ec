import { Global, Module } from '@nestjs/common';
import { ExportStreams } from './export-streams.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

/** The slots and pool that long answers run in; the audit context's chain verification uses them too. */
@Global()
@Module({ providers: [ExportStreams], exports: [ExportStreams] })
export class ExportStreamsModule {}

/** Exports for caseworkers and auditors: the award list as CSV, the audit trail as CSV, the published overview as PDF. */
@Module({ imports: [ExportStreamsModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
