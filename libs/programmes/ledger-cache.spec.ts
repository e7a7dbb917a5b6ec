import { LedgerCache } from './ledger-cache.js';

const json = (body: Buffer | undefined) => (body === undefined ? undefined : JSON.parse(body.toString('utf8')));

describe('LedgerCache', () => {
  it('answers only for the version it was stored at', () => {
    const cache = new LedgerCache();
    cache.set('p1', '7', { v: 7 });
    expect(json(cache.get('p1', '7'))).toEqual({ v: 7 });
    expect(cache.get('p1', '8')).toBeUndefined();
    expect(cache.get('p2', '7')).toBeUndefined();
  });

  it('answers the UTF-8 bytes of the JSON it stored, the same bytes on every read', () => {
    const cache = new LedgerCache();
    const stored = cache.set('p1', '1', { name: 'Brønderslev', amountOre: 488442900 });
    expect(stored.toString('utf8')).toBe('{"name":"Brønderslev","amountOre":488442900}');
    expect(cache.get('p1', '1')).toBe(stored);
  });

  it('keeps the newest version of a programme', () => {
    const cache = new LedgerCache();
    cache.set('p1', '7', 'old');
    cache.set('p1', '8', 'new');
    expect(cache.get('p1', '7')).toBeUndefined();
    expect(json(cache.get('p1', '8'))).toBe('new');
  });

  it('forgets the least recently stored programme beyond its capacity', () => {
    const cache = new LedgerCache(2);
    cache.set('p1', '1', 'a');
    cache.set('p2', '1', 'b');
    cache.set('p1', '2', 'c');
    cache.set('p3', '1', 'd');
    expect(cache.get('p2', '1')).toBeUndefined();
    expect(json(cache.get('p1', '2'))).toBe('c');
    expect(json(cache.get('p3', '1'))).toBe('d');
  });
});
