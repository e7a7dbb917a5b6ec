export const MAX_FAILED_LOGINS = 10;
export const LOCKOUT_MS = 15 * 60 * 1000;

export interface LoginGuardState {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export function isLockedOut(state: LoginGuardState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * A wrong password: one more failure in a row; the tenth locks the account for 15 minutes and starts
 * the count again, so the first attempt after the lock-out is a fresh one.
 */
export function afterFailedLogin(state: LoginGuardState, now: Date): LoginGuardState & { lockedNow: boolean } {
  const failures = state.failedLoginCount + 1;
  if (failures >= MAX_FAILED_LOGINS) return { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MS), lockedNow: true };
  return { failedLoginCount: failures, lockedUntil: state.lockedUntil, lockedNow: false };
}

export function afterSuccessfulLogin(): LoginGuardState {
  return { failedLoginCount: 0, lockedUntil: null };
}
