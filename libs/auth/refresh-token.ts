import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * A refresh token is `<id>.<secret>`: the id finds the row, the secret proves possession. Only the
 * SHA-256 of the secret is stored, so a copy of the database cannot be used to sign in.
 */
export interface IssuedRefreshToken {
  id: string;
  token: string;
  secretHash: string;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function issueRefreshToken(): IssuedRefreshToken {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

const TOKEN_FORMAT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

/** The token's id and the hash of its secret, or null when it cannot be one of ours. */
export function parseRefreshToken(token: string): { id: string; secretHash: string } | null {
  const match = TOKEN_FORMAT.exec(token);
  return match ? { id: match[1], secretHash: hashSecret(match[2]) } : null;
}

export function secretHashesMatch(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
