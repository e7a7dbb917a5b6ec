/** Every BullMQ queue, by name. Producers and processors import these, never string literals. */
export enum QueueName {
  Heartbeat = 'heartbeat',
  Reminders = 'reminders',
  Audit = 'audit',
}

/** Every job, by name; each has one payload type in {@link JobPayload}. */
export enum JobName {
  Heartbeat = 'heartbeat',
  SendReminder = 'send-reminder',
  ReconcileReminders = 'reconcile-reminders',
  PublishAuditHead = 'publish-audit-head',
}

/** The data each job carries, so a producer and its processor cannot disagree. */
export interface JobPayload {
  [JobName.Heartbeat]: Record<string, never>;
  [JobName.SendReminder]: { reminderId: string };
  /** One award's, a case's (its award's, if it has one), or without either every reminder of the system. */
  [JobName.ReconcileReminders]: { awardId?: string; caseId?: string };
  [JobName.PublishAuditHead]: Record<string, never>;
}

export const HEARTBEAT_EVERY_MS = 30_000;
/** Every day at 00:05 Copenhagen time the worker writes the audit chain's signed head to its log. */
export const AUDIT_HEAD_SCHEDULER_ID = 'publish-audit-head-daily';
export const AUDIT_HEAD_PATTERN = '5 0 * * *';

/** The one job scheduler that reconciles every reminder; upserted by each worker, so there is one. */
export const RECONCILE_ALL_SCHEDULER_ID = 'reconcile-all-reminders';
