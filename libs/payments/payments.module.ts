import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AwardsModule } from '../awards/awards.module.js';
import { APPROVED_REPORTS, type ApprovedReport, type ApprovedReportsPort } from '../reports/approved-reports.port.js';
import { Instalment } from './instalment.entity.js';
import { InstalmentsController } from './instalments.controller.js';
import { InstalmentsService } from './instalments.service.js';

/** Paying awards out in instalments (rater): their plan, approval (four-eyes) and payment. */
@Module({
  imports: [TypeOrmModule.forFeature([Instalment]), AwardsModule, ApplicationsModule, AuditModule],
  controllers: [InstalmentsController],
  providers: [InstalmentsService],
  exports: [InstalmentsService],
})
export class PaymentsModule {}

/**
 * The answer to the reports context's question what follows from an approved report: the award's
 * instalments waiting for it become ready. Global, as the reports context sits below this one and
 * cannot import it.
 */
@Global()
@Module({
  imports: [PaymentsModule],
  providers: [
    {
      provide: APPROVED_REPORTS,
      inject: [InstalmentsService],
      useFactory: (instalments: InstalmentsService): ApprovedReportsPort => ({
        approved: (manager: EntityManager, report: ApprovedReport) => instalments.reportApproved(manager, report),
      }),
    },
  ],
  exports: [APPROVED_REPORTS],
})
export class ApprovedReportsModule {}
