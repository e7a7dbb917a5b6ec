import { createHash, createHmac, createPrivateKey, createPublicKey, type KeyObject, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Env } from '../core/config/env.js';

/** The key file `npm start` and a development process make when no key is configured (git-ignored). */
export const DEFAULT_AUDIT_KEY_FILE = '.tilskud/audit-hmac.key';
const HMAC_BLOCK = 64;
/** PKCS #8 DER for an Ed25519 private key, up to its 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The audit chain's key, kept outside the database: the HMAC key of every event's hash, and an
 * Ed25519 key derived from it that signs the published head of the chain, whose public half an
 * auditor keeps to check a head later without being able to make one.
 */
export interface AuditKey {
  material: Buffer;
  /** HMAC's key, padded and XOR-ed with 0x36 and 0x5c (RFC 2104), for `audit_enqueue` and the chain's commit trigger in Postgres. */
  innerPad: Buffer;
  outerPad: Buffer;
  /** Names the key without revealing it, so a changed key is seen at once. */
  fingerprint: string;
  signingKey: KeyObject;
  /** The Ed25519 public key, raw and base64 (32 bytes). */
  publicKey: string;
}

export function auditKeyFrom(material: Buffer): AuditKey {
  if (material.length < 32) throw new Error('The audit key must be at least 32 bytes');
  const block = Buffer.alloc(HMAC_BLOCK);
  (material.length > HMAC_BLOCK ? createHash('sha256').update(material).digest() : material).copy(block);
  const seed = createHmac('sha256', material).update('tilskud audit head signing key v1').digest();
  const signingKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicDer = createPublicKey(signingKey).export({ format: 'der', type: 'spki' });
  return {
    material,
    innerPad: block.map((byte) => byte ^ 0x36) as Buffer,
    outerPad: block.map((byte) => byte ^ 0x5c) as Buffer,
    fingerprint: createHmac('sha256', material).update('tilskud audit key fingerprint v1').digest('hex').slice(0, 16),
    signingKey,
    publicKey: publicDer.subarray(publicDer.length - 32).toString('base64'),
  };
}

/**
 * `AUDIT_HMAC_KEY`, or the file `AUDIT_HMAC_KEY_FILE` names. Outside production, with neither set, the
 * key file in `.tilskud/` is used and made (random, readable by its owner only) when missing; in
 * production one of them must be set (checked with the rest of the configuration).
 */
export function loadAuditKey(env: Pick<Env, 'AUDIT_HMAC_KEY' | 'AUDIT_HMAC_KEY_FILE' | 'NODE_ENV'>): AuditKey {
  if (env.AUDIT_HMAC_KEY !== undefined) return auditKeyFrom(Buffer.from(env.AUDIT_HMAC_KEY, 'utf8'));
  const file = resolve(env.AUDIT_HMAC_KEY_FILE ?? DEFAULT_AUDIT_KEY_FILE);
  if (!existsSync(file)) {
    if (env.NODE_ENV === 'production' || env.AUDIT_HMAC_KEY_FILE !== undefined) throw new Error(`The audit key file ${file} does not exist`);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    } catch (error) {
      // The API and the worker start together: the other one made it first.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return auditKeyFrom(Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8'));
}
