import type { EntityManager } from 'typeorm';
import type { AddressState } from './lockout.js';

/** The failed sign-ins of one account (by its e-mail's keyed hash) from one client address, in `sign_in_throttle`. */
export const SignInThrottleStore = {
  /** The row for this account and address, created when missing, locked for the rest of the transaction. */
  async lock(manager: EntityManager, emailHash: string, client: string): Promise<AddressState> {
    await manager.query('INSERT INTO sign_in_throttle (email_hash, client) VALUES ($1, $2) ON CONFLICT DO NOTHING', [emailHash, client]);
    const [row]: Array<{ failures: number; blocked_until: Date | null; last_success_at: Date | null }> = await manager.query(
      'SELECT failures, blocked_until, last_success_at FROM sign_in_throttle WHERE email_hash = $1 AND client = $2 FOR UPDATE',
      [emailHash, client],
    );
    return { failures: row.failures, blockedUntil: row.blocked_until, lastSuccessAt: row.last_success_at };
  },

  async save(manager: EntityManager, emailHash: string, client: string, state: AddressState, now: Date): Promise<void> {
    await manager.query(
      `UPDATE sign_in_throttle
          SET failures = $3, blocked_until = $4, last_success_at = $5,
              last_failure_at = CASE WHEN $3 > failures THEN $6::timestamptz ELSE last_failure_at END
        WHERE email_hash = $1 AND client = $2`,
      [emailHash, client, state.failures, state.blockedUntil, state.lastSuccessAt, now],
    );
  },

  /** An administrator's unlock: every address starts again, the owner's known addresses stay known. */
  async clear(manager: EntityManager, emailHash: string): Promise<void> {
    await manager.query('UPDATE sign_in_throttle SET failures = 0, blocked_until = NULL WHERE email_hash = $1', [emailHash]);
  },
};
