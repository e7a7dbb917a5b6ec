import { Module } from '@nestjs/common';
import { AccessRequestsModule } from '../access-requests/access-requests.module.js';
import { ApplicationsModule } from '../applications/applications.module.js';
import { ExtensionsModule } from '../extensions/extensions.module.js';
import { PaymentsModule } from '../payments/payments.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { WorklistController } from './worklist.controller.js';
import { WorklistService } from './worklist.service.js';

/** The caseworker's worklist: the counts of its queues, each from the context that owns the queue's list. */
@Module({
  imports: [ApplicationsModule, ReportsModule, ExtensionsModule, AccessRequestsModule, PaymentsModule],
  controllers: [WorklistController],
  providers: [WorklistService],
})
export class WorklistModule {}
