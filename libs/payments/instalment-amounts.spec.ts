import fc from 'fast-check';
import { kroner } from '../core/money/money.js';
import { splitByShares } from './instalment-amounts.js';

describe('splitting an award into instalments', () => {
  it('splits 4.884.429 kr. in three equal-ish shares to the øre', () => {
    const parts = splitByShares(kroner(4_884_429), [33, 33, 34]);
    expect(parts).toEqual([161_186_157n, 161_186_157n, 166_070_586n]);
    expect(parts.reduce((a, b) => a + b)).toBe(kroner(4_884_429));
  });

  it('gives the øre left over to the largest remainders, the earlier share on a tie', () => {
    expect(splitByShares(1n, [50, 40, 10])).toEqual([1n, 0n, 0n]);
    expect(splitByShares(3n, [33, 33, 34])).toEqual([1n, 1n, 1n]);
    expect(splitByShares(101n, [50, 50])).toEqual([51n, 50n]);
    expect(splitByShares(7n, [50, 40, 10])).toEqual([3n, 3n, 1n]);
  });

  it('splits the default plan 50/40/10', () => {
    expect(splitByShares(kroner(11_014_260), [50, 40, 10])).toEqual([kroner(5_507_130), kroner(4_405_704), kroner(1_101_426)]);
  });

  it('refuses shares that do not sum to 100', () => {
    expect(() => splitByShares(100n, [50, 40])).toThrow(RangeError);
  });

  const shares = fc
    .array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 10 })
    .filter((raw) => raw.reduce((a, b) => a + b, 0) <= 100)
    .map((raw) => [...raw, 100 - raw.reduce((a, b) => a + b, 0)].filter((share) => share > 0));
  const amounts = fc.bigInt({ min: 0n, max: 100_000_000_000n });

  it('always sums to the amount exactly, every part within one øre of its exact share and never negative', () => {
    fc.assert(
      fc.property(amounts, shares, (amount, split) => {
        const parts = splitByShares(amount, split);
        expect(parts).toHaveLength(split.length);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(amount);
        parts.forEach((part, index) => {
          expect(part).toBeGreaterThanOrEqual(0n);
          const exact100 = amount * BigInt(split[index]);
          expect(part * 100n).toBeGreaterThanOrEqual(exact100 - 100n);
          expect(part * 100n).toBeLessThanOrEqual(exact100 + 100n);
        });
      }),
    );
  });

  it('gives equal shares amounts at most one øre apart, the larger first', () => {
    fc.assert(
      fc.property(amounts, fc.constantFrom(1, 2, 4, 5, 10, 20, 25, 50, 100), (amount, count) => {
        const parts = splitByShares(
          amount,
          Array.from({ length: count }, () => 100 / count),
        );
        expect(parts[0] - parts[count - 1]).toBeLessThanOrEqual(1n);
        expect([...parts].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(parts);
      }),
    );
  });
});
