import type { FieldError } from '../core/errors/problem.js';

/**
 * What makes an instalment (rate) payable: the award itself, the approval of the award's n-th status
 * report, or the approval of its final accounts (slutregnskab).
 */
export const INSTALMENT_TRIGGERS = ['award', 'status_report_approved', 'final_accounts_approved'] as const;
export type InstalmentTrigger = (typeof INSTALMENT_TRIGGERS)[number];

/**
 * One share of a programme's payment plan, in whole percent of the award. `sequence` is the n of
 * `status_report_approved` (the status report with that number in the award's schedule) and is left
 * out for the other triggers.
 */
export interface PlannedShare {
  sharePct: number;
  trigger: InstalmentTrigger;
  sequence?: number;
}

/** 50 % at the award, 40 % when the first status report is approved, 10 % held back until the final accounts are approved. */
export const DEFAULT_PAYMENT_PLAN: readonly PlannedShare[] = [
  { sharePct: 50, trigger: 'award' },
  { sharePct: 40, trigger: 'status_report_approved', sequence: 1 },
  { sharePct: 10, trigger: 'final_accounts_approved' },
];

/** The plan as stored: only the members its trigger uses. */
export function normalizePlan(plan: readonly PlannedShare[]): PlannedShare[] {
  return plan.map(({ sharePct, trigger, sequence }) => (trigger === 'status_report_approved' ? { sharePct, trigger, sequence } : { sharePct, trigger }));
}

const triggerKey = (share: PlannedShare) => (share.trigger === 'status_report_approved' ? `${share.trigger}:${share.sequence}` : share.trigger);

/**
 * What is wrong with a plan, as field errors (none for a good one): each share a whole percent from 1 to
 * 100, a status report's number exactly where the trigger is a status report, no trigger twice (one
 * instalment per event), and the shares summing to 100 %.
 */
export function paymentPlanProblems(plan: readonly PlannedShare[], field = 'paymentPlan'): FieldError[] {
  const problems: FieldError[] = [];
  if (plan.length === 0) return [{ field, message: 'skal have mindst én rate' }];
  const seen = new Set<string>();
  plan.forEach((share, index) => {
    const at = `${field}[${index}]`;
    if (!Number.isInteger(share.sharePct) || share.sharePct < 1 || share.sharePct > 100)
      problems.push({ field: `${at}.sharePct`, message: 'skal være et helt antal procent fra 1 til 100' });
    if (share.trigger === 'status_report_approved' && !(Number.isInteger(share.sequence) && share.sequence! >= 1))
      problems.push({ field: `${at}.sequence`, message: 'skal angive statusrapportens nummer (1 eller derover)' });
    if (share.trigger !== 'status_report_approved' && share.sequence !== undefined)
      problems.push({ field: `${at}.sequence`, message: 'bruges kun ved udløseren status_report_approved' });
    if (seen.has(triggerKey(share))) problems.push({ field: `${at}.trigger`, message: 'er brugt af en anden rate i planen' });
    seen.add(triggerKey(share));
  });
  const sum = plan.reduce((total, share) => total + (Number.isFinite(share.sharePct) ? share.sharePct : 0), 0);
  if (sum !== 100) problems.push({ field, message: `raternes andele summer til ${sum} %, men skal summe til 100 %` });
  return problems;
}
