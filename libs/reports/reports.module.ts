import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AwardsModule } from '../awards/awards.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { ProgressReport } from './progress-report.entity.js';
import { ReportSubmission } from './report-submission.entity.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Progress reports: each award's schedule, submissions and reviews, and the worklist. */
@Module({
  imports: [TypeOrmModule.forFeature([ProgressReport, ReportSubmission]), AwardsModule, ApplicationsModule, RemindersModule, AuditModule],
  controllers: [ReportsController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
