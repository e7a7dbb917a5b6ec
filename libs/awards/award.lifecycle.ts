import { DomainException } from '../core/errors/domain.exception.js';
import { statusClause } from '../core/format/status-labels.js';
import { transitionFrom, type TransitionTable } from '../core/lifecycle/transition-table.js';

export const AWARD_STATUSES = ['active', 'completed', 'closed', 'cancelled'] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];
export const AWARD_ACTIONS = ['extend', 'complete', 'close', 'cancel', 'close_historical', 'amend', 'reopen'] as const;
export type AwardAction = (typeof AWARD_ACTIONS)[number];

/**
 * active → completed (its final report approved) → closed (the books on it closed). Only an active
 * award can be extended; a cancelled one no longer counts as committed, a closed one still does.
 *
 * `close_historical`: an award imported after its project ended, whose reports this system never had
 * (the 2020 pool), closes straight from active with the reason recorded. It cannot be completed the
 * live way, which needs its final report approved here.
 */
export const AWARD_TRANSITIONS: TransitionTable<AwardStatus, AwardAction> = {
  active: { extend: 'active', complete: 'completed', cancel: 'cancelled', close_historical: 'closed', amend: 'active' },
  completed: { close: 'closed' },
  closed: { reopen: 'completed' },
  cancelled: {},
};

export class AwardTransitionException extends DomainException {
  constructor(status: AwardStatus, action: AwardAction) {
    const verb = {
      extend: 'forlænges',
      complete: 'afsluttes',
      close: 'lukkes',
      cancel: 'annulleres',
      close_historical: 'lukkes som historisk',
      amend: 'ændres',
      reopen: 'genåbnes',
    }[action];
    super('illegal-transition', `Et tilsagn, der ${statusClause(status, { neuter: true })}, kan ikke ${verb}.`, { currentStatus: status });
  }
}

export const nextAwardStatus = transitionFrom(AWARD_TRANSITIONS, (status, action) => new AwardTransitionException(status, action));
