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
  return splitByWeights(amountOre, sharesPct);
}

/**
 * An amount split by whole-number weights, to the øre, by the largest-remainder method (percentages
 * are weights that sum to 100): each part its exact share rounded down, the øre left over one each to
 * the largest remainders, the earlier part on a tie. Equal parts when every weight is 0.
 */
export function splitByWeights(amountOre: Ore, weights: readonly number[]): Ore[] {
  if (amountOre < 0n) throw new RangeError('an amount to split is not negative');
  if (weights.length === 0) throw new RangeError('an amount is split into at least one part');
  const used = weights.every((weight) => weight === 0) ? weights.map(() => 1) : weights;
  const total = BigInt(used.reduce((sum, weight) => sum + weight, 0));
  const exact = used.map((weight) => amountOre * BigInt(weight));
  const parts = exact.map((value) => value / total);
  let left = amountOre - parts.reduce((sum, part) => sum + part, 0n);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value % total }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (left === 0n) break;
    parts[index] += 1n;
    left -= 1n;
  }
  return parts;
}
