import { createHash, createHmac } from 'node:crypto';

/** The hash the first event of the chain points back to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that its hash covers, as plain values. */
export interface ChainedFields {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
}

/**
 * JSON with object keys sorted at every depth and `undefined` members left out, so the same content
 * always gives the same text, whatever order a database or a serializer returns the keys in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (typeof value === 'object') {
    const members = Object.keys(value as Record<string, unknown>)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('audit payloads hold finite numbers only');
  return JSON.stringify(value);
}

/**
 * An event's hash: HMAC-SHA256 of its canonical JSON under the audit key, or, for the events written
 * before the chain was keyed (`key` null), plain SHA-256.
 */
export function hashEvent(fields: ChainedFields, key: Buffer | null): string {
  const text = canonicalJson(fields);
  return (key === null ? createHash('sha256') : createHmac('sha256', key)).update(text).digest('hex');
}

/** The fields before the chain's own (`prevHash`, `requestId`, `seq`, the last keys in canonical order). */
export type ChainContent = Omit<ChainedFields, 'prevHash' | 'requestId' | 'seq'>;

/**
 * The canonical JSON of an event up to its chain fields: `{…,` for the content, which sorts before
 * "prevHash". The database completes it with `"prevHash":…,"requestId":…,"seq":…}` under the chain
 * lock, at the commit (`audit_chain_at_commit`), giving exactly `canonicalJson` of the whole event.
 */
export function chainHead(content: ChainContent): string {
  if (Object.keys(content).some((key) => key >= 'prevHash')) throw new Error('chain content must sort before "prevHash"');
  return `${canonicalJson(content).slice(0, -1)},`;
}

export interface StoredChainLink extends ChainedFields {
  id: string;
  hash: string;
}

export interface ChainCursor {
  seq: number;
  hash: string;
}

/** Where the keyed part of the chain begins, and its key. */
export interface ChainKey {
  keyedFromSeq: number;
  key: Buffer;
}

/**
 * Checks one run of events (in `seq` order) against the link before it: the sequence has no gap, each
 * event points at the hash of the one before, and each event's own hash matches its content (keyed from
 * `keyedFromSeq` on). Returns the first broken event's id, or the cursor to continue from.
 */
export function verifyLinks(previous: ChainCursor, links: StoredChainLink[], chainKey: ChainKey): { brokenId: string } | { next: ChainCursor } {
  let cursor = previous;
  for (const link of links) {
    const { id, hash, ...fields } = link;
    const key = link.seq >= chainKey.keyedFromSeq ? chainKey.key : null;
    if (link.seq !== cursor.seq + 1 || link.prevHash !== cursor.hash || hashEvent(fields, key) !== hash) return { brokenId: id };
    cursor = { seq: link.seq, hash };
  }
  return { next: cursor };
}
