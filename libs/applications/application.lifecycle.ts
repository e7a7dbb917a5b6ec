import { transitionFrom, type TransitionTable } from '../core/lifecycle/transition-table.js';
import { ApplicationException } from './application.exception.js';

export const APPLICATION_STATUSES = ['draft', 'submitted', 'in_assessment', 'assessed', 'awarded', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_ACTIONS = ['edit', 'submit', 'withdraw', 'assess', 'complete_assessment', 'award', 'reject'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/**
 * The life of an application, as data: status × action → next status. Anything not listed is refused
 * (409). A draft is the only thing an applicant edits; after submission the content is frozen.
 */
export const APPLICATION_TRANSITIONS: TransitionTable<ApplicationStatus, ApplicationAction> = {
  draft: { edit: 'draft', submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { assess: 'in_assessment', withdraw: 'withdrawn' },
  in_assessment: { assess: 'in_assessment', complete_assessment: 'assessed' },
  assessed: { award: 'awarded', reject: 'rejected' },
  awarded: {},
  rejected: {},
  withdrawn: {},
};

/** The statuses of an application waiting for its assessment to be done: those an assessment can still be written in. */
export const AWAITING_ASSESSMENT_STATUSES: readonly ApplicationStatus[] = APPLICATION_STATUSES.filter(
  (status) => APPLICATION_TRANSITIONS[status].assess !== undefined,
);

/** Each action as the refusal says it: `En ansøgning, der er indsendt, kan ikke <ændres>.` */
const PASSIVE: Record<ApplicationAction, string> = {
  edit: 'ændres',
  submit: 'indsendes',
  withdraw: 'trækkes tilbage',
  assess: 'vurderes',
  complete_assessment: 'meldes færdigvurderet',
  award: 'bevilges',
  reject: 'afvises',
};

/** The status after `action`, or an ApplicationException (409) when the action is not allowed now. */
export const nextApplicationStatus = transitionFrom(APPLICATION_TRANSITIONS, (status, action) =>
  ApplicationException.illegalTransition(status, PASSIVE[action]),
);
