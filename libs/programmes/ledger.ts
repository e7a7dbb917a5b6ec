import { sentence } from '../core/format/danish.js';
import { type Ore, sumOre } from '../core/money/money.js';

/**
 * The books of a programme: budget + adjustments − committed + released = remaining, to the øre.
 * Committed is the sum of every award's amount (as decided or amended), a cancelled award's too;
 * released is what of it has been given back to the budget since (final accounts below the award, a
 * cancelled award's unpaid part, repaid claims), so it can be committed again. A cancelled award's paid
 * part is released only when it is repaid, as the overpaid part of final accounts is: money that has
 * left and not come back is spent. A negative remainder is shown, never hidden: it is the amount the
 * programme is over-committed by.
 */
export interface Ledger {
  budgetOre: Ore;
  adjustmentsOre: Ore;
  committedOre: Ore;
  releasedOre: Ore;
  remainingOre: Ore;
  overCommittedOre: Ore;
}

export function ledgerOf(budgetOre: Ore, adjustments: Iterable<Ore>, committed: Iterable<Ore>, released: Iterable<Ore> = []): Ledger {
  const adjustmentsOre = sumOre(adjustments);
  const committedOre = sumOre(committed);
  const releasedOre = sumOre(released);
  const remainingOre = budgetOre + adjustmentsOre - committedOre + releasedOre;
  return { budgetOre, adjustmentsOre, committedOre, releasedOre, remainingOre, overCommittedOre: remainingOre < 0n ? -remainingOre : 0n };
}

/** Whether committing `amount` more keeps the programme within budget + adjustments (released money counts as available again). */
export function fitsBudget(ledger: Pick<Ledger, 'remainingOre'>, amount: Ore): boolean {
  return amount <= ledger.remainingOre;
}

export interface LedgerLine {
  caseNumber: string;
  municipalityCode: string;
  amountOre: Ore;
  requestedOre: Ore;
  status: string;
}

export interface Deviation {
  /** The rule broken: a stable code. */
  rule: 'budget-exceeded' | 'below-minimum' | 'above-requested';
  caseNumber: string | null;
  /** What a person reads, in Danish, with the amounts. */
  message: string;
  /** The same text as `message`, the field's name before it; kept for clients that read it. */
  detail: string;
}

/** A deviation whose `message` (and `detail`) is `text`. */
function deviation(rule: Deviation['rule'], caseNumber: string | null, text: string): Deviation {
  return { rule, caseNumber, message: text, detail: text };
}

/**
 * Where the books and the programme's rules disagree. Historical data is kept as it was decided and
 * published; these are shown next to it, never corrected away.
 */
export function ledgerDeviations(ledger: Ledger, minApplicationOre: Ore, lines: LedgerLine[], format: (ore: Ore) => string): Deviation[] {
  const deviations: Deviation[] = [];
  if (ledger.overCommittedOre > 0n) {
    deviations.push(
      deviation(
        'budget-exceeded',
        null,
        `Der er givet tilsagn for ${format(ledger.committedOre - ledger.releasedOre)}, ${format(ledger.overCommittedOre)} mere end budgettet med reguleringer (${format(ledger.budgetOre + ledger.adjustmentsOre)}).`,
      ),
    );
  }
  for (const line of lines.filter((award) => award.status !== 'cancelled')) {
    if (line.amountOre < minApplicationOre) {
      deviations.push(
        deviation(
          'below-minimum',
          line.caseNumber,
          sentence(`Tilsagnet er på ${format(line.amountOre)}, under puljens mindstebeløb på ${format(minApplicationOre)}`),
        ),
      );
    }
    if (line.amountOre > line.requestedOre) {
      deviations.push(
        deviation('above-requested', line.caseNumber, `Tilsagnet er på ${format(line.amountOre)}, mere end de ${format(line.requestedOre)}, der er søgt om.`),
      );
    }
  }
  return deviations;
}

/** Committed per kommune (the lead kommune of each award), largest first. */
export function totalsByMunicipality(lines: LedgerLine[]): Array<{ municipalityCode: string; awards: number; amountOre: Ore }> {
  const totals = new Map<string, { municipalityCode: string; awards: number; amountOre: Ore }>();
  for (const line of lines.filter((award) => award.status !== 'cancelled')) {
    const total = totals.get(line.municipalityCode) ?? { municipalityCode: line.municipalityCode, awards: 0, amountOre: 0n };
    total.awards += 1;
    total.amountOre += line.amountOre;
    totals.set(line.municipalityCode, total);
  }
  return [...totals.values()].sort((a, b) =>
    a.amountOre === b.amountOre ? a.municipalityCode.localeCompare(b.municipalityCode) : a.amountOre > b.amountOre ? -1 : 1,
  );
}

/**
 * What of the awards is paid out, and what is approved for payment and not yet paid (the instalments'
 * money); what of it is claimed back and still open, and what has been repaid (the repayment claims').
 */
export interface PaymentTotals {
  paidOre: Ore;
  approvedUnpaidOre: Ore;
  repaymentsOpenOre: Ore;
  repaidOre: Ore;
}

/**
 * The programme's payment totals: the sums of its award lines' own, cancelled awards included (money
 * paid on an award that is later cancelled has still been paid). Neither moves what is committed or
 * remaining: paying out an award spends what it already committed.
 */
export function paymentTotals(lines: Iterable<PaymentTotals>): PaymentTotals {
  const totals = { paidOre: 0n, approvedUnpaidOre: 0n, repaymentsOpenOre: 0n, repaidOre: 0n };
  for (const line of lines) {
    totals.paidOre += line.paidOre;
    totals.approvedUnpaidOre += line.approvedUnpaidOre;
    totals.repaymentsOpenOre += line.repaymentsOpenOre;
    totals.repaidOre += line.repaidOre;
  }
  return totals;
}
