import fc from 'fast-check';
import {
  ACCOUNT_LOCK_THRESHOLD,
  accountDelayMs,
  addressDelayMs,
  afterFailure,
  afterSuccess,
  FIRST_ADDRESS_DELAY_MS,
  FREE_ATTEMPTS_PER_ADDRESS,
  KNOWN_ADDRESS_MS,
  MAX_ACCOUNT_DELAY_MS,
  MAX_ADDRESS_DELAY_MS,
  NEW_ADDRESS,
  waitBeforeAttempt,
} from './lockout.js';

const now = new Date('2026-03-02T09:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const freshAccount = { failedLoginCount: 0, lockedUntil: null };

describe('the wait after failed sign-ins from one address', () => {
  it('lets the first three failures through and then waits 10 s, 20 s, 40 s …', () => {
    expect([1, 2, 3, 4, 5, 6].map(addressDelayMs)).toEqual([0, 0, 0, 10_000, 20_000, 40_000]);
  });

  it('never waits longer than 15 minutes, however many failures', () => {
    expect(MAX_ADDRESS_DELAY_MS).toBe(15 * 60_000);
    expect(addressDelayMs(12)).toBe(15 * 60_000);
    expect(addressDelayMs(10_000)).toBe(15 * 60_000);
  });

  it('grows with every failure and stays within its bounds (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (failures) => {
        const delay = addressDelayMs(failures);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(MAX_ADDRESS_DELAY_MS);
        expect(addressDelayMs(failures + 1)).toBeGreaterThanOrEqual(delay);
        expect(delay === 0).toBe(failures <= FREE_ATTEMPTS_PER_ADDRESS);
      }),
    );
  });

  it('blocks the address after its fourth failure for the wait, then lets one attempt through', () => {
    let state = NEW_ADDRESS;
    for (let i = 0; i < FREE_ATTEMPTS_PER_ADDRESS; i += 1) state = afterFailure(state, freshAccount, now).address;
    expect(waitBeforeAttempt(state, freshAccount, now)).toBe(0);
    state = afterFailure(state, freshAccount, now).address;
    expect(waitBeforeAttempt(state, freshAccount, now)).toBe(FIRST_ADDRESS_DELAY_MS);
    expect(waitBeforeAttempt(state, freshAccount, later(FIRST_ADDRESS_DELAY_MS))).toBe(0);
  });
});

describe('the account across addresses', () => {
  it('starts waiting only past 50 failures from addresses that are not the owner’s, and at most an hour', () => {
    expect(accountDelayMs(ACCOUNT_LOCK_THRESHOLD - 1)).toBe(0);
    expect(accountDelayMs(ACCOUNT_LOCK_THRESHOLD)).toBe(60_000);
    expect(accountDelayMs(ACCOUNT_LOCK_THRESHOLD + 1)).toBe(120_000);
    expect(accountDelayMs(ACCOUNT_LOCK_THRESHOLD + 100)).toBe(MAX_ACCOUNT_DELAY_MS);
  });

  it('never delays the owner’s address because of failures elsewhere (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: KNOWN_ADDRESS_MS - 1 }), (attacks, sinceSuccess) => {
        const owner = { failures: 0, blockedUntil: null, lastSuccessAt: new Date(now.getTime() - sinceSuccess) };
        let account = freshAccount as { failedLoginCount: number; lockedUntil: Date | null };
        let attacker = NEW_ADDRESS;
        for (let i = 0; i < attacks; i += 1)
          ({ address: attacker, account } = afterFailure(attacker, account, now) as { address: typeof attacker; account: typeof account });
        expect(waitBeforeAttempt(owner, account, now)).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  it('makes a new address wait once the account is past its threshold', () => {
    let account = { failedLoginCount: ACCOUNT_LOCK_THRESHOLD - 1, lockedUntil: null as Date | null };
    account = afterFailure(NEW_ADDRESS, account, now).account!;
    expect(waitBeforeAttempt(NEW_ADDRESS, account, now)).toBe(60_000);
    // An address whose last success is older than 90 days is not the owner's any more.
    const stale = { failures: 0, blockedUntil: null, lastSuccessAt: new Date(now.getTime() - KNOWN_ADDRESS_MS) };
    expect(waitBeforeAttempt(stale, account, now)).toBe(60_000);
  });

  it('does not count a failure from the owner’s address against the account', () => {
    const owner = { failures: 0, blockedUntil: null, lastSuccessAt: now };
    expect(afterFailure(owner, freshAccount, now).account).toEqual(freshAccount);
  });

  it('starts both counts again after a success, and remembers the address as the owner’s', () => {
    expect(afterSuccess(now)).toEqual({
      address: { failures: 0, blockedUntil: null, lastSuccessAt: now },
      account: { failedLoginCount: 0, lockedUntil: null },
    });
  });
});
