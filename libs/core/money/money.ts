import type { ValueTransformer } from 'typeorm';

/**
 * Money is a whole number of øre, held as a bigint: never a float. Postgres stores it as `bigint`;
 * the API carries it as a JSON integer (exact up to 2^53 øre, about 90 billion kr.) in fields ending
 * in `Ore`.
 */
export type Ore = bigint;

export const ORE_PER_KRONE = 100n;

/**
 * The largest amount the system takes or holds, budgets with their adjustments included: 1 billion
 * kr. (10^11 øre), far above any grant pool and far below what a JSON number carries exactly (2^53 øre,
 * about 90 billion kr.), so no sum of a programme's amounts can reach the point where a list or the
 * ledger could not be answered.
 */
export const MAX_AMOUNT_ORE = 100_000_000_000n;

export function kroner(amount: number | bigint): Ore {
  return BigInt(amount) * ORE_PER_KRONE;
}

/** An API integer to øre; refuses anything that is not a safe whole number. */
export function oreFromApi(value: number): Ore {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a whole number of øre`);
  return BigInt(value);
}

/** Øre to an API integer; refuses a sum that JSON cannot carry exactly. */
export function oreToApi(value: Ore): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${value} øre cannot be carried exactly as a JSON number`);
  }
  return Number(value);
}

export function sumOre(values: Iterable<Ore>): Ore {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}

/** A bigint column as a bigint (pg hands int8 over as text, so nothing is rounded on the way). */
export const oreColumn: ValueTransformer = {
  to: (value: Ore | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};
