import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '../queue/queue.constants.js';
import { AuditHeadProcessor, AuditHeadScheduler } from './audit-head.processor.js';
import { AuditModule } from './audit.module.js';

/** The worker side of the audit context: the daily signed head. */
@Module({
  imports: [AuditModule, BullModule.registerQueue({ name: QueueName.Audit })],
  providers: [AuditHeadProcessor, AuditHeadScheduler],
})
export class AuditWorkerModule {}
