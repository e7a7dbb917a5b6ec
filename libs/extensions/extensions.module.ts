import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { AwardsModule } from '../awards/awards.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { ExtensionRequest } from './extension-request.entity.js';
import { ExtensionsController } from './extensions.controller.js';
import { ExtensionsService } from './extensions.service.js';

/** COVID-19 extension requests on awards. */
@Module({
  imports: [TypeOrmModule.forFeature([ExtensionRequest]), AwardsModule, ApplicationsModule, ReportsModule, RemindersModule, AuditModule, ProgrammesModule],
  controllers: [ExtensionsController],
  providers: [ExtensionsService],
  exports: [ExtensionsService],
})
export class ExtensionsModule {}
