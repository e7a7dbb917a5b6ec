import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { QueueName } from '../queue/queue.constants.js';
import { Reminder } from './reminder.entity.js';
import { ReminderDelivery } from './reminder-delivery.js';
import { ReminderJobs } from './reminder-jobs.js';
import { ReminderOutbox } from './reminder-outbox.js';
import { ReminderReconciler } from './reminder-reconciler.js';
import { ReminderStateRepository } from './reminder-state.repository.js';
import { RemindersController } from './reminders.controller.js';
import { RemindersService } from './reminders.service.js';
import { ReconcileScheduler, RemindersProcessor } from './reminders.processor.js';

/** The outbox and the queue: what the domain uses to ask for reminders (both processes). */
@Module({
  imports: [TypeOrmModule.forFeature([Reminder]), BullModule.registerQueue({ name: QueueName.Reminders })],
  providers: [ReminderJobs, ReminderOutbox],
  exports: [ReminderJobs, ReminderOutbox, BullModule],
})
export class RemindersModule {}

/** The API side: the admins' view of every planned reminder. */
@Module({ imports: [RemindersModule], controllers: [RemindersController], providers: [RemindersService] })
export class RemindersApiModule {}

/** The worker side: planning, reconciling and delivering. */
@Module({
  imports: [RemindersModule, NotificationsModule],
  providers: [ReminderStateRepository, ReminderReconciler, ReminderDelivery, RemindersProcessor, ReconcileScheduler],
  exports: [ReminderReconciler],
})
export class RemindersWorkerModule {}
