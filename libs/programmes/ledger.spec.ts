import { kroner } from '../core/money/money.js';
import { formatKroner } from '../core/format/danish.js';
import { fitsBudget, ledgerDeviations, ledgerOf, totalsByMunicipality } from './ledger.js';

describe('the ledger', () => {
  it('reconciles: budget + adjustments − committed = remaining, to the øre', () => {
    const ledger = ledgerOf(kroner(245_000_000), [kroner(1_000_000), -50n], [kroner(11_014_260), 1n]);
    expect(ledger).toEqual({
      budgetOre: 24_500_000_000n,
      adjustmentsOre: 99_999_950n,
      committedOre: 1_101_426_001n,
      remainingOre: 24_500_000_000n + 99_999_950n - 1_101_426_001n,
      overCommittedOre: 0n,
    });
  });

  it('shows an over-commitment instead of hiding it', () => {
    const ledger = ledgerOf(kroner(100), [], [kroner(60), kroner(50)]);
    expect(ledger.remainingOre).toBe(kroner(-10));
    expect(ledger.overCommittedOre).toBe(kroner(10));
  });

  it('lets an award use the budget exactly, and not one øre more', () => {
    const ledger = ledgerOf(kroner(100), [], [kroner(40)]);
    expect(fitsBudget(ledger, kroner(60))).toBe(true);
    expect(fitsBudget(ledger, kroner(60) + 1n)).toBe(false);
  });

  it('counts an adjustment that covers an award', () => {
    const ledger = ledgerOf(kroner(100), [kroner(20)], [kroner(100)]);
    expect(fitsBudget(ledger, kroner(20))).toBe(true);
  });
});

describe('deviations and totals', () => {
  const line = (caseNumber: string, code: string, amount: number, requested = amount, status = 'active') => ({
    caseNumber,
    municipalityCode: code,
    amountOre: kroner(amount),
    requestedOre: kroner(requested),
    status,
  });
  const lines = [line('ÆLD-2020-0001', '706', 11_014_260), line('ÆLD-2020-0013', '810', 4_884_429), line('ÆLD-2020-0010', '101', 5_035_610, 5_000_000)];

  it('shows an over-commitment, an award below the minimum and one above the request, as they are', () => {
    const ledger = ledgerOf(
      kroner(20_000_000),
      [],
      lines.map((l) => l.amountOre),
    );
    expect(ledgerDeviations(ledger, kroner(5_000_000), lines, formatKroner)).toEqual([
      { rule: 'budget-exceeded', caseNumber: null, detail: 'Committed 20.934.299 kr. exceeds budget and adjustments (20.000.000 kr.) by 934.299 kr.' },
      { rule: 'below-minimum', caseNumber: 'ÆLD-2020-0013', detail: "Awarded 4.884.429 kr., below the programme's minimum of 5.000.000 kr." },
      { rule: 'above-requested', caseNumber: 'ÆLD-2020-0010', detail: 'Awarded 5.035.610 kr., more than the 5.000.000 kr. applied for.' },
    ]);
  });

  it('has nothing to show for books within the rules', () => {
    const ledger = ledgerOf(
      kroner(30_000_000),
      [],
      lines.map((l) => l.amountOre),
    );
    expect(ledgerDeviations(ledger, kroner(1), [lines[0]], formatKroner)).toEqual([]);
  });

  it('totals per kommune, largest first, without cancelled awards', () => {
    const totals = totalsByMunicipality([...lines, line('ÆLD-2020-0019', '101', 5_595_026), line('X', '706', 999, 999, 'cancelled')]);
    expect(totals.map((t) => [t.municipalityCode, t.awards, t.amountOre])).toEqual(
      [
        ['101', 2, kroner(10_630_636)],
        ['706', 1, kroner(11_014_260)],
        ['810', 1, kroner(4_884_429)],
      ].sort((a, b) => Number((b[2] as bigint) - (a[2] as bigint))),
    );
  });
});
