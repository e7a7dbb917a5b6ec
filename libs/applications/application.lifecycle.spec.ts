import { ApplicationException } from './application.exception.js';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES, type ApplicationAction, type ApplicationStatus, nextApplicationStatus } from './application.lifecycle.js';

const ALLOWED: Array<[ApplicationStatus, ApplicationAction, ApplicationStatus]> = [
  ['draft', 'edit', 'draft'],
  ['draft', 'submit', 'submitted'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'assess', 'in_assessment'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['in_assessment', 'assess', 'in_assessment'],
  ['in_assessment', 'complete_assessment', 'assessed'],
  ['assessed', 'award', 'awarded'],
  ['assessed', 'reject', 'rejected'],
];

const isAllowed = (status: ApplicationStatus, action: ApplicationAction) => ALLOWED.some(([s, a]) => s === status && a === action);
const FORBIDDEN = APPLICATION_STATUSES.flatMap((status) =>
  APPLICATION_ACTIONS.filter((action) => !isAllowed(status, action)).map((action) => [status, action] as const),
);

describe('the application life cycle', () => {
  it.each(ALLOWED)('%s --%s--> %s', (status, action, next) => {
    expect(nextApplicationStatus(status, action)).toBe(next);
  });

  it.each(FORBIDDEN)('refuses %s --%s--> with 409', (status, action) => {
    let refusal: unknown;
    try {
      nextApplicationStatus(status, action);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ApplicationException);
    expect((refusal as ApplicationException).status).toBe(409);
  });

  it('covers every status × action pair', () => {
    expect(ALLOWED.length + FORBIDDEN.length).toBe(APPLICATION_STATUSES.length * APPLICATION_ACTIONS.length);
  });

  it('ends in awarded, rejected or withdrawn, which allow nothing', () => {
    for (const final of ['awarded', 'rejected', 'withdrawn'] as const) {
      expect(APPLICATION_ACTIONS.filter((action) => isAllowed(final, action))).toEqual([]);
    }
  });
});
