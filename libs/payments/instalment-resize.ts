import type { Ore } from '../core/money/money.js';
import { splitByWeights } from './instalment-amounts.js';
import type { InstalmentStatus } from './instalment.lifecycle.js';

/** What an award's amendment of its amount needs to know of each of its instalments. */
export interface ResizableInstalment {
  id: string;
  sequence: number;
  sharePct: number;
  amountOre: Ore;
  status: InstalmentStatus;
}

export interface InstalmentChange {
  id: string;
  sequence: number;
  fromOre: Ore;
  toOre: Ore;
}

/** Money of the award that may have left or has left: what is approved for payment or paid. An award's amount never goes below it. */
export const FIXED_STATUSES: readonly InstalmentStatus[] = ['approved', 'paid'];
/** The instalments an amendment may change: not yet approved for payment. */
export const UNPAID_STATUSES: readonly InstalmentStatus[] = ['planned', 'ready'];

export function fixedOre(instalments: readonly ResizableInstalment[]): Ore {
  return instalments.filter((instalment) => FIXED_STATUSES.includes(instalment.status)).reduce((total, instalment) => total + instalment.amountOre, 0n);
}

export type Resize =
  /** The new amount is below what is approved for payment or paid. */
  | { ok: false; refusal: 'below-floor'; floorOre: Ore }
  /** The amount would change, but no instalment is left unpaid to carry the change. */
  | { ok: false; refusal: 'nothing-unpaid'; floorOre: Ore }
  | { ok: true; floorOre: Ore; changes: InstalmentChange[] };

/**
 * An award's instalments after its amount is amended to `amountOre`: the approved and paid ones stay as
 * they are (the floor: the amount never goes below them); the unpaid ones (planned, ready) share what is
 * left, `amountOre` less the floor, by their plan's shares to the øre, so all of them still sum to the
 * amount exactly. Cancelled instalments count for nothing. Answers only the instalments that change.
 */
export function resizeInstalments(instalments: readonly ResizableInstalment[], amountOre: Ore): Resize {
  const floorOre = fixedOre(instalments);
  if (amountOre < floorOre) return { ok: false, refusal: 'below-floor', floorOre };
  const unpaid = instalments.filter((instalment) => UNPAID_STATUSES.includes(instalment.status)).sort((a, b) => a.sequence - b.sequence);
  const unpaidOre = unpaid.reduce((total, instalment) => total + instalment.amountOre, 0n);
  if (unpaid.length === 0) return amountOre === floorOre + unpaidOre ? { ok: true, floorOre, changes: [] } : { ok: false, refusal: 'nothing-unpaid', floorOre };
  const amounts = splitByWeights(
    amountOre - floorOre,
    unpaid.map((instalment) => instalment.sharePct),
  );
  const changes = unpaid
    .map((instalment, index) => ({ id: instalment.id, sequence: instalment.sequence, fromOre: instalment.amountOre, toOre: amounts[index] }))
    .filter((change) => change.fromOre !== change.toOre);
  return { ok: true, floorOre, changes };
}
