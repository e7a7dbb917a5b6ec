import { afterFailedLogin, afterSuccessfulLogin, isLockedOut, LOCKOUT_MS, MAX_FAILED_LOGINS } from './lockout.js';

const now = new Date('2026-03-02T09:00:00Z');

describe('lock-out', () => {
  it('counts failures in a row without locking before the tenth', () => {
    let state = { failedLoginCount: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < MAX_FAILED_LOGINS; i += 1) {
      const next = afterFailedLogin(state, now);
      expect(next).toMatchObject({ failedLoginCount: i, lockedUntil: null, lockedNow: false });
      state = next;
    }
  });

  it('locks for 15 minutes on the tenth failure in a row and starts the count again', () => {
    const next = afterFailedLogin({ failedLoginCount: 9, lockedUntil: null }, now);
    expect(next).toEqual({ failedLoginCount: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS), lockedNow: true });
    expect(isLockedOut(next, new Date(now.getTime() + LOCKOUT_MS - 1))).toBe(true);
    expect(isLockedOut(next, new Date(now.getTime() + LOCKOUT_MS))).toBe(false);
  });

  it('a successful sign-in clears the count', () => {
    expect(afterSuccessfulLogin()).toEqual({ failedLoginCount: 0, lockedUntil: null });
  });
});
