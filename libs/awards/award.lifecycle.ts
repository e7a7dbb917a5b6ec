import { DomainException } from '../core/errors/domain.exception.js';
import { statusClause } from '../core/format/status-labels.js';
import { transitionFrom, type TransitionTable } from '../core/lifecycle/transition-table.js';

export const AWARD_STATUSES = ['active', 'completed', 'closed', 'cancelled'] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];
export const AWARD_ACTIONS = ['extend', 'complete', 'close', 'cancel'] as const;
export type AwardAction = (typeof AWARD_ACTIONS)[number];

/**
 * active → completed (its final report approved) → closed (the books on it closed). Only an active
 * award can be extended; a cancelled one no longer counts as committed.
 */
export const AWARD_TRANSITIONS: TransitionTable<AwardStatus, AwardAction> = {
  active: { extend: 'active', complete: 'completed', cancel: 'cancelled' },
  completed: { close: 'closed' },
  closed: {},
  cancelled: {},
};

export class AwardTransitionException extends DomainException {
  constructor(status: AwardStatus, action: AwardAction) {
    const verb = { extend: 'forlænges', complete: 'afsluttes', close: 'lukkes', cancel: 'annulleres' }[action];
    super('illegal-transition', `Et tilsagn, der ${statusClause(status, { neuter: true })}, kan ikke ${verb}.`, { currentStatus: status });
  }
}

export const nextAwardStatus = transitionFrom(AWARD_TRANSITIONS, (status, action) => new AwardTransitionException(status, action));
