import { BullModule } from '@nestjs/bullmq';
import { CaseMessages } from './case-messages.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { QueueName } from '../queue/queue.constants.js';
import { Reminder } from './reminder.entity.js';
import { ReminderDelivery } from './reminder-delivery.js';
import { ReminderJobs } from './reminder-jobs.js';
import { ReminderReconciler } from './reminder-reconciler.js';
import { ReminderStateRepository } from './reminder-state.repository.js';
import { RemindersController } from './reminders.controller.js';
import { RemindersService } from './reminders.service.js';
import { ReconcileScheduler, RemindersProcessor } from './reminders.processor.js';

/** The outbox and the queue: what the domain uses to ask for reminders (both processes). */
@Module({
  imports: [TypeOrmModule.forFeature([Reminder]), BullModule.registerQueue({ name: QueueName.Reminders })],
  providers: [ReminderJobs, CaseMessages],
  exports: [ReminderJobs, CaseMessages, BullModule],
})
export class RemindersModule {}

/** The API side: the admins' view of every planned reminder. */
@Module({ imports: [RemindersModule, AuthModule, AuditModule], controllers: [RemindersController], providers: [RemindersService] })
export class RemindersApiModule {}

/** The worker side: planning, reconciling and delivering. */
@Module({
  imports: [RemindersModule, NotificationsModule],
  providers: [ReminderStateRepository, ReminderReconciler, ReminderDelivery, RemindersProcessor, ReconcileScheduler],
  exports: [ReminderReconciler],
})
export class RemindersWorkerModule {}
