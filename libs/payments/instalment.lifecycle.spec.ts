import { INSTALMENT_ACTIONS, INSTALMENT_STATUSES, INSTALMENT_TRANSITIONS, nextInstalmentStatus } from './instalment.lifecycle.js';

describe('the instalment life cycle', () => {
  it('goes planned → ready → approved → paid', () => {
    expect(nextInstalmentStatus('planned', 'trigger')).toBe('ready');
    expect(nextInstalmentStatus('ready', 'approve')).toBe('approved');
    expect(nextInstalmentStatus('approved', 'pay')).toBe('paid');
  });

  it('cancels anything not yet paid, and nothing after', () => {
    for (const status of ['planned', 'ready', 'approved'] as const) expect(nextInstalmentStatus(status, 'cancel')).toBe('cancelled');
    expect(() => nextInstalmentStatus('paid', 'cancel')).toThrow(/udbetalt, kan ikke annulleres/);
  });

  it('refuses every pair the table does not list, in Danish', () => {
    for (const status of INSTALMENT_STATUSES) {
      for (const action of INSTALMENT_ACTIONS) {
        if (INSTALMENT_TRANSITIONS[status][action]) continue;
        expect(() => nextInstalmentStatus(status, action)).toThrow(/^En rate, der .+, kan ikke .+\.$/);
      }
    }
  });

  it('pays only once', () => {
    expect(() => nextInstalmentStatus('paid', 'pay')).toThrow('En rate, der er udbetalt, kan ikke registreres som udbetalt.');
  });
});
