import { LedgerCache } from './ledger-cache.js';

describe('LedgerCache', () => {
  it('answers only for the version it was stored at', () => {
    const cache = new LedgerCache();
    cache.set('p1', '7', '{"v":7}');
    expect(cache.get('p1', '7')).toBe('{"v":7}');
    expect(cache.get('p1', '8')).toBeUndefined();
    expect(cache.get('p2', '7')).toBeUndefined();
  });

  it('keeps the newest version of a programme', () => {
    const cache = new LedgerCache();
    cache.set('p1', '7', 'old');
    cache.set('p1', '8', 'new');
    expect(cache.get('p1', '7')).toBeUndefined();
    expect(cache.get('p1', '8')).toBe('new');
  });

  it('forgets the least recently stored programme beyond its capacity', () => {
    const cache = new LedgerCache(2);
    cache.set('p1', '1', 'a');
    cache.set('p2', '1', 'b');
    cache.set('p1', '2', 'c');
    cache.set('p3', '1', 'd');
    expect(cache.get('p2', '1')).toBeUndefined();
    expect(cache.get('p1', '2')).toBe('c');
    expect(cache.get('p3', '1')).toBe('d');
  });
});
