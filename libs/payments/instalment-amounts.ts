import type { Ore } from '../core/money/money.js';

/**
 * An amount split by whole-percent shares, to the øre, by the largest-remainder method: each part is
 * first its share rounded down, and the øre left over go one each to the parts with the largest
 * remainders (the earlier part on a tie), so the parts always sum to the amount exactly and none is
 * more than one øre from its exact share. The shares must sum to 100.
 */
export function splitByShares(amountOre: Ore, sharesPct: readonly number[]): Ore[] {
  if (amountOre < 0n) throw new RangeError('an amount to split is not negative');
  if (sharesPct.reduce((total, share) => total + share, 0) !== 100) throw new RangeError('shares must sum to 100');
  const exact = sharesPct.map((share) => amountOre * BigInt(share));
  const parts = exact.map((value) => value / 100n);
  let left = amountOre - parts.reduce((total, part) => total + part, 0n);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value % 100n }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (left === 0n) break;
    parts[index] += 1n;
    left -= 1n;
  }
  return parts;
}
