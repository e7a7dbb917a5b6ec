import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AwardsModule } from '../awards/awards.module.js';
import { APPROVED_REPORTS, type ApprovedReport, type ApprovedReportsPort } from '../reports/approved-reports.port.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { AmendmentsController } from './amendments.controller.js';
import { AmendmentsService } from './amendments.service.js';
import { BudgetRelease } from './budget-release.entity.js';
import { FinalAccount } from './final-account.entity.js';
import { FinalAccountsController } from './final-accounts.controller.js';
import { FinalAccountsService } from './final-accounts.service.js';
import { Instalment } from './instalment.entity.js';
import { InstalmentsController } from './instalments.controller.js';
import { InstalmentReminders } from './instalment-reminders.js';
import { InstalmentsService } from './instalments.service.js';
import { Repayment } from './repayment.entity.js';

/**
 * Paying awards out in instalments (rater): their plan, approval (four-eyes) and payment; the final
 * accounts (slutregnskab), repayment claims, releases to the budget and the close-out; the award's
 * amendments, its cancellation (bortfald) and the reopening of a closed one.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Instalment, FinalAccount, Repayment, BudgetRelease]),
    AwardsModule,
    ApplicationsModule,
    AuditModule,
    RemindersModule,
    ProgrammesModule,
    ReportsModule,
  ],
  controllers: [InstalmentsController, FinalAccountsController, AmendmentsController],
  providers: [InstalmentsService, FinalAccountsService, AmendmentsService, InstalmentReminders],
  exports: [InstalmentsService, FinalAccountsService, InstalmentReminders],
})
export class PaymentsModule {}

/**
 * The answer to the reports context's question what follows from an approved report: the award's
 * instalments waiting for it become ready, and after the final report the final accounts are due. Global, as the reports context sits below this one and
 * cannot import it.
 */
@Global()
@Module({
  imports: [PaymentsModule],
  providers: [
    {
      provide: APPROVED_REPORTS,
      inject: [InstalmentsService, FinalAccountsService],
      useFactory: (instalments: InstalmentsService, finalAccounts: FinalAccountsService): ApprovedReportsPort => ({
        approved: async (manager: EntityManager, report: ApprovedReport) => [
          ...(await instalments.reportApproved(manager, report)),
          // The final report approved: the final accounts are due (a reminder, unless they are filed).
          ...(await finalAccounts.finalReportApproved(manager, report)),
        ],
      }),
    },
  ],
  exports: [APPROVED_REPORTS],
})
export class ApprovedReportsModule {}
