/**
 * Every Postgres advisory lock the system takes, in one place, so no two uses ever share a number by
 * accident (the numbers are in a range of their own: 7304117xxx). Transaction-level locks only
 * (`pg_advisory_xact_lock`): they end with their transaction, whatever happens to the process.
 */
export const ADVISORY_LOCKS = {
  /** Serialises appends to the audit chain across every process (taken at commit by the trigger `audit_chain_at_commit`). */
  auditChain: 7_304_117_001,
  /** Lets only one of several API processes starting at once create the first administrator. */
  firstAdministrator: 7_304_117_002,
  /** Reminder reconciles: a full pass shares it between its lanes; a single award's takes it alone. */
  reminderReconcile: 7_304_117_003,
} as const;
