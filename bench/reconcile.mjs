// Runs the real reminder reconciler once, in a context of its own (no job processors), against
// DATABASE_URL, and prints what it did and how long it took as JSON.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

const dist = new URL('../dist/', import.meta.url);
const { CoreModule } = await import(new URL('libs/core/core.module.js', dist));
const { queueRootModule } = await import(new URL('libs/queue/queue.module.js', dist));
const { RemindersModule } = await import(new URL('libs/reminders/reminders.module.js', dist));
const { ReminderStateRepository } = await import(new URL('libs/reminders/reminder-state.repository.js', dist));
const { ReminderReconciler } = await import(new URL('libs/reminders/reminder-reconciler.js', dist));

class ReconcileBenchModule {}
Module({ imports: [CoreModule.forRoot('worker'), queueRootModule(), RemindersModule], providers: [ReminderStateRepository, ReminderReconciler] })(
  ReconcileBenchModule,
);

const app = await NestFactory.createApplicationContext(ReconcileBenchModule, { logger: ['error', 'warn'] });
const reconciler = app.get(ReminderReconciler);
const runs = [];
for (const label of ['first run (empty outbox)', 'second run (nothing changed)']) {
  const started = process.hrtime.bigint();
  const result = await reconciler.reconcile();
  runs.push({ label, seconds: Number(process.hrtime.bigint() - started) / 1e9, ...result });
}
await app.close();
console.log(JSON.stringify(runs));
