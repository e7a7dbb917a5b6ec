import { DomainException } from '../core/errors/domain.exception.js';
import { statusClause } from '../core/format/status-labels.js';
import { transitionFrom, type TransitionTable } from '../core/lifecycle/transition-table.js';

export const INSTALMENT_STATUSES = ['planned', 'ready', 'approved', 'paid', 'cancelled'] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];
export const INSTALMENT_ACTIONS = ['trigger', 'approve', 'pay', 'cancel'] as const;
export type InstalmentAction = (typeof INSTALMENT_ACTIONS)[number];

/**
 * planned → ready (its trigger happened) → approved (by a caseworker, four-eyes) → paid (recorded once,
 * from the finance system). Anything not yet paid can be cancelled (for cancellation and amendments).
 */
export const INSTALMENT_TRANSITIONS: TransitionTable<InstalmentStatus, InstalmentAction> = {
  planned: { trigger: 'ready', cancel: 'cancelled' },
  ready: { approve: 'approved', cancel: 'cancelled' },
  approved: { pay: 'paid', cancel: 'cancelled' },
  paid: {},
  cancelled: {},
};

export class InstalmentTransitionException extends DomainException {
  constructor(status: InstalmentStatus, action: InstalmentAction) {
    const verb = { trigger: 'gøres klar til udbetaling', approve: 'godkendes til udbetaling', pay: 'registreres som udbetalt', cancel: 'annulleres' }[action];
    const why = status === 'planned' && action === 'approve' ? ' Den bliver klar, når dens udløsende hændelse er sket.' : '';
    super('illegal-transition', `En rate, der ${statusClause(status)}, kan ikke ${verb}.${why}`, { currentStatus: status });
  }
}

export const nextInstalmentStatus = transitionFrom(INSTALMENT_TRANSITIONS, (status, action) => new InstalmentTransitionException(status, action));
