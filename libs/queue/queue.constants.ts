/** Every BullMQ queue, by name. Producers and processors import these, never string literals. */
export enum QueueName {
  Heartbeat = 'heartbeat',
  Reminders = 'reminders',
}

/** Every job, by name; each has one payload type in {@link JobPayload}. */
export enum JobName {
  Heartbeat = 'heartbeat',
  SendReminder = 'send-reminder',
  ReconcileReminders = 'reconcile-reminders',
}

/** The data each job carries, so a producer and its processor cannot disagree. */
export interface JobPayload {
  [JobName.Heartbeat]: Record<string, never>;
  [JobName.SendReminder]: { reminderId: string };
  /** Without an award id: every reminder of the system. */
  [JobName.ReconcileReminders]: { awardId?: string };
}

export const HEARTBEAT_EVERY_MS = 30_000;
/** The one job scheduler that reconciles every reminder; upserted by each worker, so there is one. */
export const RECONCILE_ALL_SCHEDULER_ID = 'reconcile-all-reminders';
