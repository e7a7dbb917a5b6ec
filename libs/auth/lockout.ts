/**
 * How failed sign-ins slow an attacker down without locking the owner out.
 *
 * Failures are counted per account *and client address* (the account's e-mail, hashed, so an unknown
 * e-mail is treated exactly like a known one). After a few free attempts each further failure from
 * that address makes it wait, twice as long each time, up to 15 minutes; refused attempts are not
 * checked and not counted. An attacker at another address therefore never delays the owner.
 *
 * Guessing from many addresses is caught by the account's own count of failures from addresses that
 * have not signed in to it successfully in the last 90 days: past 50, every such address waits too
 * (growing to an hour), while the addresses the owner uses go on as before. An administrator can clear
 * both counts at once (`POST /users/:id/unlock`).
 */
export const FREE_ATTEMPTS_PER_ADDRESS = 3;
export const FIRST_ADDRESS_DELAY_MS = 10_000;
export const MAX_ADDRESS_DELAY_MS = 15 * 60_000;

export const ACCOUNT_LOCK_THRESHOLD = 50;
export const FIRST_ACCOUNT_DELAY_MS = 60_000;
export const MAX_ACCOUNT_DELAY_MS = 60 * 60_000;

/** An address that signed in to the account within this time is the owner's: the account-wide count does not apply to it. */
export const KNOWN_ADDRESS_MS = 90 * 86_400_000;

/** Failures after which waits start; the wait doubles with each further one, up to its ceiling. */
function growingDelay(failures: number, free: number, first: number, ceiling: number): number {
  if (failures <= free) return 0;
  return Math.min(ceiling, first * 2 ** Math.min(failures - free - 1, 30));
}

/** How long an address must wait after its `failures`-th failure in a row on one account. */
export function addressDelayMs(failures: number): number {
  return growingDelay(failures, FREE_ATTEMPTS_PER_ADDRESS, FIRST_ADDRESS_DELAY_MS, MAX_ADDRESS_DELAY_MS);
}

/** How long unknown addresses must wait after the account's `failures`-th failure from such addresses. */
export function accountDelayMs(failures: number): number {
  return growingDelay(failures, ACCOUNT_LOCK_THRESHOLD - 1, FIRST_ACCOUNT_DELAY_MS, MAX_ACCOUNT_DELAY_MS);
}

/** One account seen from one address. */
export interface AddressState {
  failures: number;
  blockedUntil: Date | null;
  lastSuccessAt: Date | null;
}

/** The account across the addresses that are not known to be its owner's. */
export interface AccountState {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export const NEW_ADDRESS: AddressState = { failures: 0, blockedUntil: null, lastSuccessAt: null };

export function isKnownAddress(state: AddressState, now: Date): boolean {
  return state.lastSuccessAt !== null && now.getTime() - state.lastSuccessAt.getTime() < KNOWN_ADDRESS_MS;
}

/** Milliseconds this attempt must still wait (0: it may be checked). */
export function waitBeforeAttempt(address: AddressState, account: AccountState | null, now: Date): number {
  const until = [address.blockedUntil, account && !isKnownAddress(address, now) ? account.lockedUntil : null]
    .filter((date): date is Date => date !== null)
    .map((date) => date.getTime() - now.getTime());
  return Math.max(0, ...until);
}

/** After a wrong password: the address waits longer, and the account counts it unless the address is the owner's. */
export function afterFailure(address: AddressState, account: AccountState | null, now: Date): { address: AddressState; account: AccountState | null } {
  const failures = address.failures + 1;
  const addressDelay = addressDelayMs(failures);
  const nextAddress = { ...address, failures, blockedUntil: addressDelay > 0 ? new Date(now.getTime() + addressDelay) : null };
  if (!account || isKnownAddress(address, now)) return { address: nextAddress, account };
  const accountFailures = account.failedLoginCount + 1;
  const accountDelay = accountDelayMs(accountFailures);
  return {
    address: nextAddress,
    account: { failedLoginCount: accountFailures, lockedUntil: accountDelay > 0 ? new Date(now.getTime() + accountDelay) : account.lockedUntil },
  };
}

/** After the right password: the address is the owner's from now on, and both counts start again. */
export function afterSuccess(now: Date): { address: AddressState; account: AccountState } {
  return { address: { failures: 0, blockedUntil: null, lastSuccessAt: now }, account: { failedLoginCount: 0, lockedUntil: null } };
}
