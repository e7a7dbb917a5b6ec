import { createHash, createHmac } from 'node:crypto';
import { canonicalJson, type ChainContent, chainHead, type ChainKey, GENESIS_HASH, hashEvent, type StoredChainLink, verifyLinks } from './audit-chain.js';
import { auditKeyFrom } from './audit-key.js';

const KEY = Buffer.from('a test key of the audit chain, 48 characters long', 'utf8');
const KEYED: ChainKey = { keyedFromSeq: 1, key: KEY };

/** A chain whose events from `keyedFromSeq` on are keyed (the ones before it written before the key). */
function chain(length: number, keyedFromSeq = 1): StoredChainLink[] {
  const links: StoredChainLink[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const fields = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 8, seq)).toISOString(),
      actorId: 'a6b3f1de-0000-4000-8000-000000000001',
      actorRole: 'caseworker',
      action: 'application.submitted',
      entityType: 'application',
      entityId: `id-${seq}`,
      before: { status: 'draft' },
      after: { status: 'submitted', amountOre: '1101426000' },
      requestId: `req-${seq}`,
      prevHash,
    };
    const hash = hashEvent(fields, seq >= keyedFromSeq ? KEY : null);
    links.push({ ...fields, id: `event-${seq}`, hash });
    prevHash = hash;
  }
  return links;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth, so key order never changes a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('leaves out undefined members and keeps nulls', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });

  it('writes big integers as strings, never as rounded numbers', () => {
    expect(canonicalJson({ amount: 9007199254740993n })).toBe('{"amount":"9007199254740993"}');
  });
});

describe('verifyLinks', () => {
  const start = { seq: 0, hash: GENESIS_HASH };

  it('accepts an intact chain and returns where to continue', () => {
    const links = chain(5);
    expect(verifyLinks(start, links, KEYED)).toEqual({ next: { seq: 5, hash: links[4].hash } });
  });

  it('can verify a chain in batches', () => {
    const links = chain(6);
    const first = verifyLinks(start, links.slice(0, 3), KEYED);
    expect('next' in first && verifyLinks(first.next, links.slice(3), KEYED)).toEqual({ next: { seq: 6, hash: links[5].hash } });
  });

  it('finds an event whose content was changed', () => {
    const links = chain(4);
    links[2] = { ...links[2], after: { status: 'awarded' } };
    expect(verifyLinks(start, links, KEYED)).toEqual({ brokenId: 'event-3' });
  });

  it('finds an event that was removed', () => {
    const links = chain(4);
    links.splice(1, 1);
    expect(verifyLinks(start, links, KEYED)).toEqual({ brokenId: 'event-3' });
  });

  it('finds an event whose hash was recomputed after a change, by the next link', () => {
    const links = chain(4);
    const { id, hash: _hash, ...fields } = links[1];
    const forged = { ...fields, actorId: null };
    links[1] = { ...forged, id, hash: hashEvent(forged, KEY) };
    expect(verifyLinks(start, links, KEYED)).toEqual({ brokenId: 'event-3' });
  });

  it('finds an event changed and re-hashed by someone without the key, even when every later link is recomputed too', () => {
    const links = chain(4);
    let prevHash = links[0].hash;
    for (let index = 1; index < links.length; index += 1) {
      const { id, hash: _hash, ...fields } = links[index];
      const forged = { ...fields, prevHash, ...(index === 1 ? { actorId: null } : {}) };
      // Without the audit key, the best a forger can do is a plain hash, or an HMAC under a key of their own.
      const hash = index % 2 === 0 ? hashEvent(forged, null) : hashEvent(forged, Buffer.from('a guessed key, not the real one at all!!'));
      links[index] = { ...forged, id, hash };
      prevHash = hash;
    }
    expect(verifyLinks(start, links, KEYED)).toEqual({ brokenId: 'event-2' });
  });

  it('verifies the events written before the chain was keyed by their plain hashes, and the rest keyed', () => {
    const links = chain(6, 4);
    expect(verifyLinks(start, links, { keyedFromSeq: 4, key: KEY })).toEqual({ next: { seq: 6, hash: links[5].hash } });
    // The boundary cannot be moved to pass off a plain-hashed event as an old one, nor the other way round.
    expect(verifyLinks(start, links, { keyedFromSeq: 3, key: KEY })).toEqual({ brokenId: 'event-3' });
    expect(verifyLinks(start, links, { keyedFromSeq: 5, key: KEY })).toEqual({ brokenId: 'event-4' });
  });
});

/** What the chain's commit trigger (`audit_chain_at_commit`) appends to the head, written the same way. */
const chainTail = (prevHash: string, requestId: string | null, seq: number) =>
  `"prevHash":${JSON.stringify(prevHash)},"requestId":${canonicalJson(requestId)},"seq":${seq}}`;

describe('the audit key', () => {
  it('gives the HMAC pads Postgres uses: sha256(outer || sha256(inner || text)) is the HMAC', () => {
    const key = auditKeyFrom(KEY);
    const text = Buffer.from('{"a":1}');
    const inner = createHash('sha256')
      .update(Buffer.concat([key.innerPad, text]))
      .digest();
    const byPads = createHash('sha256')
      .update(Buffer.concat([key.outerPad, inner]))
      .digest('hex');
    expect(byPads).toBe(createHmac('sha256', KEY).update(text).digest('hex'));
    expect(key.innerPad).toHaveLength(64);
  });

  it('gives the same pads for a key longer than a block as HMAC does (it hashes the key first)', () => {
    const long = Buffer.alloc(100, 7);
    const key = auditKeyFrom(long);
    const inner = createHash('sha256')
      .update(Buffer.concat([key.innerPad, Buffer.from('x')]))
      .digest();
    expect(
      createHash('sha256')
        .update(Buffer.concat([key.outerPad, inner]))
        .digest('hex'),
    ).toBe(createHmac('sha256', long).update('x').digest('hex'));
  });

  it('refuses a key shorter than 32 bytes, and names every key by a fingerprint that is not the key', () => {
    expect(() => auditKeyFrom(Buffer.alloc(31, 1))).toThrow(/at least 32 bytes/);
    const key = auditKeyFrom(KEY);
    expect(key.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(key.fingerprint).not.toBe(auditKeyFrom(Buffer.from('another key of the audit chain, 48 chars long!!', 'utf8')).fingerprint);
  });
});

describe('chainHead and the tail the commit trigger adds', () => {
  it('make exactly the canonical JSON of the whole event, whatever the content', () => {
    const fields = {
      seq: 41,
      occurredAt: '2026-11-26T23:00:00.000Z',
      actorId: '7f1c1f6e-8a4b-4c8e-9d77-0d4c1d0c8f00',
      actorRole: 'caseworker',
      action: 'application.awarded',
      entityType: 'application',
      entityId: 'a1',
      before: { status: 'assessed', nested: { ø: 'æ', list: [1, null, 'x'] } },
      after: { status: 'awarded', amountOre: '550000000' },
      requestId: 'req-123',
      prevHash: 'ab'.repeat(32),
    };
    const { seq, prevHash, requestId, ...content } = fields;
    expect(chainHead(content) + chainTail(prevHash, requestId, seq)).toBe(canonicalJson(fields));
    expect(chainHead({ ...content, before: null }) + chainTail(GENESIS_HASH, null, 1)).toBe(
      canonicalJson({ ...fields, before: null, prevHash: GENESIS_HASH, requestId: null, seq: 1 }),
    );
  });

  it('refuses content that would not sort before the chain fields', () => {
    expect(() => chainHead({ ...({} as ChainContent), zebra: 1 } as unknown as ChainContent)).toThrow(/sort before/);
  });
});
