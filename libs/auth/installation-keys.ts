import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Env } from '../core/config/env.js';

/** The longest an access token lives (`JWT_ACCESS_TTL_SECONDS` is at most this): how long a rotated-out key is still needed. */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 3_600;

/**
 * The keys of access tokens: `current` signs and verifies; `previous`, after a rotation, only verifies,
 * and only until `previousUntil` (when set), by which time every token it signed has expired.
 */
export interface AccessTokenKeys {
  current: KeyObject;
  previous: KeyObject | null;
  previousUntil: Date | null;
  /** Where the keys came from, for the start-up log (never the keys). */
  source: 'configuration' | 'installation';
}

/** The installation's keys the auth context uses: access tokens, and the key of identifier hashes. */
export interface InstallationKeys {
  accessTokens: AccessTokenKeys;
  identifierKey: KeyObject;
}

export const INSTALLATION_KEYS = Symbol('InstallationKeys');

/**
 * The HS256 key as a KeyObject. Given a plain string, jsonwebtoken first tries it as a public key on
 * every verification, which the profile showed as the API's dearest step.
 */
function keyOf(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

/**
 * A keyed hash standing in for something typed that must not be kept as typed (an unknown e-mail
 * address may be a password typed in the wrong field): the same input gives the same hash, so repeated
 * attempts can be counted and told apart, but without the installation's key it cannot be guessed back.
 */
export function identifierHash(key: KeyObject, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex');
}

/**
 * `JWT_SECRET` (and `JWT_SECRET_PREVIOUS` during a rotation) when configured; otherwise the
 * installation's own secret, generated in its database by a migration and rotated there by
 * `npm run secrets:rotate-jwt`. The identifier key is always the installation's.
 */
export async function loadInstallationKeys(env: Pick<Env, 'JWT_SECRET' | 'JWT_SECRET_PREVIOUS'>, dataSource: DataSource): Promise<InstallationKeys> {
  const rows: Array<{ name: string; value: string; created_at: Date }> = await dataSource.query('SELECT name, value, created_at FROM installation_secret');
  const secret = (name: string) => rows.find((row) => row.name === name);
  const identifier = secret('identifier');
  if (!identifier) throw new Error('The installation has no secrets yet: run the migrations (npm start does)');
  const identifierKey = keyOf(identifier.value);
  if (env.JWT_SECRET !== undefined) {
    const previous = env.JWT_SECRET_PREVIOUS === undefined ? null : keyOf(env.JWT_SECRET_PREVIOUS);
    return { accessTokens: { current: keyOf(env.JWT_SECRET), previous, previousUntil: null, source: 'configuration' }, identifierKey };
  }
  const current = secret('jwt')!;
  const previous = secret('jwt_previous');
  return {
    accessTokens: {
      current: keyOf(current.value),
      previous: previous ? keyOf(previous.value) : null,
      previousUntil: previous ? new Date(current.created_at.getTime() + MAX_ACCESS_TOKEN_TTL_SECONDS * 1000) : null,
      source: 'installation',
    },
    identifierKey,
  };
}
