import { DomainException } from '../core/errors/domain.exception.js';
import { statusClause } from '../core/format/status-labels.js';
import { transitionFrom, type TransitionTable } from '../core/lifecycle/transition-table.js';

export const REPORT_STATUSES = ['due', 'submitted', 'approved', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_ACTIONS = ['submit', 'approve', 'return'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** due → submitted → approved | returned → submitted … */
export const REPORT_TRANSITIONS: TransitionTable<ReportStatus, ReportAction> = {
  due: { submit: 'submitted' },
  submitted: { approve: 'approved', return: 'returned' },
  returned: { submit: 'submitted' },
  approved: {},
};

export class ReportTransitionException extends DomainException {
  constructor(status: ReportStatus, action: ReportAction) {
    const verb = { submit: 'indsendes', approve: 'godkendes', return: 'sendes retur' }[action];
    super('illegal-transition', `En rapport, der ${statusClause(status)}, kan ikke ${verb}.`, {
      currentStatus: status,
    });
  }
}

export const nextReportStatus = transitionFrom(REPORT_TRANSITIONS, (status, action) => new ReportTransitionException(status, action));

/** Overdue is derived, never stored: past its due date and not (re)submitted. */
export function isOverdue(report: { status: ReportStatus; dueDate: string }, today: string): boolean {
  return (report.status === 'due' || report.status === 'returned') && report.dueDate < today;
}
