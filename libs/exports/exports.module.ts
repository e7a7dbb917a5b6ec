import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

/** Exports for caseworkers and auditors: the award list as CSV, the published overview as PDF. */
@Module({ controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
