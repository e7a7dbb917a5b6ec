/**
 * Every action the system writes to the audit trail, `<entity>.<verb>`: one registry, as the problem
 * types are, so the trail's words (audit-summary.ts) cover each of them. `AuditRecord.action` takes
 * only these, so a new action is added here first, and the compiler and the summary's test do the rest.
 */
export const AUDIT_ACTIONS = [
  'application.created',
  'application.updated',
  'application.submitted',
  'application.withdrawn',
  'application.contact_changed',
  'application.assigned',
  'application.awarded',
  'application.rejected',
  'application.imported',
  'assessment.started',
  'assessment.updated',
  'assessment.handed_over',
  'assessment.completed',
  'award.completed',
  'award.closed',
  'award.instalments_planned',
  'instalment.ready',
  'instalment.approved',
  'instalment.paid',
  'instalment.reduced',
  'instalment.cancelled',
  'award.released',
  'award.amended',
  'award.cancelled',
  'award.reopened',
  'instalment.resized',
  'final_accounts.filed',
  'final_accounts.approved',
  'final_accounts.returned',
  'repayment.opened',
  'repayment.settled',
  'repayment.waived',
  'report.submitted',
  'report.approved',
  'report.returned',
  'extension.requested',
  'extension.approved',
  'extension.rejected',
  'extension.withdrawn',
  'document.uploaded',
  'document.deleted',
  'reminder.resent',
  'access_request.created',
  'access_request.completed',
  'programme.created',
  'programme.updated',
  'programme.budget_adjusted',
  'user.created',
  'user.updated',
  'user.approved',
  'user.unlocked',
  'auth.login_succeeded',
  'auth.login_failed',
  'auth.login_throttled',
  'auth.locked_out',
  'auth.refresh_token_reused',
  'auth.logged_out',
] as const;

export type FixedAuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an administrator did in the queue dashboard: `queue.` and the last word of bull-board's route (`queue.pause`). */
export type QueueDashboardAction = `queue.${string}`;

export type AuditAction = FixedAuditAction | QueueDashboardAction;
