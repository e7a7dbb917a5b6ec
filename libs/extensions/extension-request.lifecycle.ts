import { DomainException } from '../core/errors/domain.exception.js';
import { statusClause } from '../core/format/status-labels.js';
import { transitionFrom, type TransitionTable } from '../core/lifecycle/transition-table.js';

export const EXTENSION_STATUSES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];
export const EXTENSION_ACTIONS = ['approve', 'reject', 'withdraw'] as const;
export type ExtensionAction = (typeof EXTENSION_ACTIONS)[number];

/** submitted → approved | rejected | withdrawn; all three are final. */
export const EXTENSION_TRANSITIONS: TransitionTable<ExtensionStatus, ExtensionAction> = {
  submitted: { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' },
  approved: {},
  rejected: {},
  withdrawn: {},
};

export class ExtensionTransitionException extends DomainException {
  constructor(status: ExtensionStatus, action: ExtensionAction) {
    const verb = { approve: 'godkendes', reject: 'afvises', withdraw: 'trækkes tilbage' }[action];
    super('illegal-transition', `En anmodning om forlængelse, der ${statusClause(status)}, kan ikke ${verb}.`, { currentStatus: status });
  }
}

export const nextExtensionStatus = transitionFrom(EXTENSION_TRANSITIONS, (status, action) => new ExtensionTransitionException(status, action));
