import type { Ore } from '../core/money/money.js';

/** An unpaid instalment of the award (planned, ready or approved), in the plan's order. */
export interface UnpaidInstalment {
  id: string;
  sequence: number;
  amountOre: Ore;
}

export interface Settlement {
  /** The unpaid instalments that keep an amount, with what they keep (only those that change are listed under `reduce`). */
  keep: Array<{ id: string; amountOre: Ore }>;
  /** The unpaid instalments whose amount goes down, from → to (to > 0). */
  reduce: Array<{ id: string; fromOre: Ore; toOre: Ore }>;
  /** The unpaid instalments that are no longer due at all. */
  cancel: string[];
  /** What is still to be paid out: max(0, spent − paid); with what is paid, min(award, spent) or what is paid, if more. */
  payableOre: Ore;
  /** What was paid beyond the approved spending: max(0, paid − spent). */
  repaymentOre: Ore;
  /** Whether that claim is waived at once: it is above 0 and below the programme's waiver. */
  waived: boolean;
  /** What of the commitment goes back to the budget now: award − max(spent, paid). */
  releaseOre: Ore;
}

/**
 * What follows from approved final accounts, to the øre. The award commits `awardOre`; `paidOre` of it
 * is paid out; the final accounts approve `spentOre` (never more than the award). Only the spending is
 * due: of all instalments, paid and unpaid, min(award, spent) is paid in total, or what is already
 * paid if that is more.
 *
 * - The unpaid instalments keep, in the plan's order, what is left of spent − paid: each keeps its
 *   amount while it fits, the first that does not fit keeps the rest, and the ones after it (usually
 *   the 10 % held back) are cancelled. An instalment whose amount is already within it is untouched.
 * - What was paid beyond the spending (paid − spent) is claimed back; a claim below the programme's
 *   waiver (`repaymentWaiverOre`) is waived at once.
 * - What is committed beyond max(spent, paid) is released to the programme's budget now; the part of
 *   the commitment that was paid beyond the spending is released only when it is paid back (a settled
 *   claim), and never when it is waived: money that has left and will not come back is spent.
 *   Settled, the releases add up to award − spent.
 */
export function settleFinalAccounts(input: { awardOre: Ore; spentOre: Ore; paidOre: Ore; unpaid: readonly UnpaidInstalment[]; waiverOre: Ore }): Settlement {
  const { awardOre, spentOre, paidOre, waiverOre } = input;
  if (spentOre < 0n || spentOre > awardOre) throw new RangeError('the approved spending is between 0 and the award');
  if (paidOre < 0n || paidOre > awardOre) throw new RangeError('what is paid is between 0 and the award');
  const unpaid = [...input.unpaid].sort((a, b) => a.sequence - b.sequence);
  let left = spentOre > paidOre ? spentOre - paidOre : 0n;
  const payableOre = left;
  const keep: Settlement['keep'] = [];
  const reduce: Settlement['reduce'] = [];
  const cancel: string[] = [];
  for (const instalment of unpaid) {
    const kept = instalment.amountOre <= left ? instalment.amountOre : left;
    left -= kept;
    if (kept === 0n) cancel.push(instalment.id);
    else {
      keep.push({ id: instalment.id, amountOre: kept });
      if (kept < instalment.amountOre) reduce.push({ id: instalment.id, fromOre: instalment.amountOre, toOre: kept });
    }
  }
  if (left > 0n) throw new RangeError('the unpaid instalments do not cover the spending');
  const repaymentOre = paidOre > spentOre ? paidOre - spentOre : 0n;
  const waived = repaymentOre > 0n && repaymentOre < waiverOre;
  const releaseOre = awardOre - (spentOre > paidOre ? spentOre : paidOre);
  return { keep, reduce, cancel, payableOre, repaymentOre, waived, releaseOre };
}

/** A budget line of final accounts: what was budgeted and what was spent on it. */
export interface FinalBudgetLine {
  label: string;
  budgetOre: Ore;
  spentOre: Ore;
}

/** How far the budget lines' spending is from the total spent: 0 when they agree, positive when the lines sum to more. */
export function budgetLinesDifference(spentOre: Ore, lines: readonly FinalBudgetLine[]): Ore {
  return lines.reduce((total, line) => total + line.spentOre, 0n) - spentOre;
}

/** Whether an award of this amount needs an auditor's statement with its final accounts: at or above the programme's threshold. */
export function needsAuditorStatement(awardOre: Ore, thresholdOre: Ore): boolean {
  return awardOre >= thresholdOre;
}
