import { AWARD_ACTIONS, AWARD_STATUSES, nextAwardStatus } from '../../awards/award.lifecycle.js';
import { EXTENSION_ACTIONS, EXTENSION_STATUSES, nextExtensionStatus } from '../../extensions/extension-request.lifecycle.js';
import { isOverdue, nextReportStatus, REPORT_ACTIONS, REPORT_STATUSES } from '../../reports/report.lifecycle.js';
import { DomainException } from '../errors/domain.exception.js';

/** Every state × action pair: the allowed ones give their next state, every other one is a 409. */
function exhaustively<S extends string, A extends string>(
  name: string,
  states: readonly S[],
  actions: readonly A[],
  next: (s: S, a: A) => S,
  allowed: Array<[S, A, S]>,
) {
  describe(name, () => {
    const isAllowed = (s: S, a: A) => allowed.some(([state, action]) => state === s && action === a);
    it.each(allowed)('%s --%s--> %s', (state, action, expected) => expect(next(state, action)).toBe(expected));
    const forbidden = states.flatMap((state) => actions.filter((action) => !isAllowed(state, action)).map((action) => [state, action] as const));
    it.each(forbidden)('refuses %s --%s--> with 409', (state, action) => {
      let refusal: unknown;
      try {
        next(state, action);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(DomainException);
      expect((refusal as DomainException).status).toBe(409);
    });
    it('covers every pair', () => expect(allowed.length + forbidden.length).toBe(states.length * actions.length));
  });
}

exhaustively('the award life cycle', AWARD_STATUSES, AWARD_ACTIONS, nextAwardStatus, [
  ['active', 'extend', 'active'],
  ['active', 'complete', 'completed'],
  ['active', 'cancel', 'cancelled'],
  ['completed', 'close', 'closed'],
]);

exhaustively('the extension request life cycle', EXTENSION_STATUSES, EXTENSION_ACTIONS, nextExtensionStatus, [
  ['submitted', 'approve', 'approved'],
  ['submitted', 'reject', 'rejected'],
  ['submitted', 'withdraw', 'withdrawn'],
]);

exhaustively('the report life cycle', REPORT_STATUSES, REPORT_ACTIONS, nextReportStatus, [
  ['due', 'submit', 'submitted'],
  ['submitted', 'approve', 'approved'],
  ['submitted', 'return', 'returned'],
  ['returned', 'submit', 'submitted'],
]);

describe('overdue', () => {
  it('is past due and not submitted', () => {
    expect(isOverdue({ status: 'due', dueDate: '2022-01-01' }, '2022-01-02')).toBe(true);
    expect(isOverdue({ status: 'returned', dueDate: '2022-01-01' }, '2022-01-02')).toBe(true);
    expect(isOverdue({ status: 'due', dueDate: '2022-01-01' }, '2022-01-01')).toBe(false);
    expect(isOverdue({ status: 'submitted', dueDate: '2022-01-01' }, '2022-06-01')).toBe(false);
    expect(isOverdue({ status: 'approved', dueDate: '2022-01-01' }, '2022-06-01')).toBe(false);
  });
});
