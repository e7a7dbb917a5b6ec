import { kroner } from '../core/money/money.js';
import { formatKroner } from '../core/format/danish.js';
import { fitsBudget, ledgerDeviations, ledgerOf, paymentTotals, totalsByMunicipality } from './ledger.js';

describe('the ledger', () => {
  it('reconciles: budget + adjustments − committed = remaining, to the øre', () => {
    const ledger = ledgerOf(kroner(245_000_000), [kroner(1_000_000), -50n], [kroner(11_014_260), 1n]);
    expect(ledger).toEqual({
      budgetOre: 24_500_000_000n,
      adjustmentsOre: 99_999_950n,
      committedOre: 1_101_426_001n,
      releasedOre: 0n,
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

  it('counts released money as available again: budget + adjustments − committed + released = remaining', () => {
    const ledger = ledgerOf(kroner(100), [kroner(20)], [kroner(100), kroner(20)], [kroner(15), 1n]);
    expect(ledger).toMatchObject({ committedOre: kroner(120), releasedOre: kroner(15) + 1n, remainingOre: kroner(15) + 1n, overCommittedOre: 0n });
    expect(ledger.budgetOre + ledger.adjustmentsOre - ledger.committedOre + ledger.releasedOre).toBe(ledger.remainingOre);
    expect(fitsBudget(ledger, kroner(15) + 1n)).toBe(true);
    expect(fitsBudget(ledger, kroner(15) + 2n)).toBe(false);
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
      {
        rule: 'budget-exceeded',
        caseNumber: null,
        message: 'Der er givet tilsagn for 20.934.299 kr., 934.299 kr. mere end budgettet med reguleringer (20.000.000 kr.).',
        detail: expect.any(String),
      },
      {
        rule: 'below-minimum',
        caseNumber: 'ÆLD-2020-0013',
        message: 'Tilsagnet er på 4.884.429 kr., under puljens mindstebeløb på 5.000.000 kr.',
        detail: expect.any(String),
      },
      {
        rule: 'above-requested',
        caseNumber: 'ÆLD-2020-0010',
        message: 'Tilsagnet er på 5.035.610 kr., mere end de 5.000.000 kr., der er søgt om.',
        detail: expect.any(String),
      },
    ]);
  });

  it('says each deviation in Danish, the same in `message` and `detail`, with one full stop after kr.', () => {
    const ledger = ledgerOf(
      kroner(20_000_000),
      [],
      lines.map((l) => l.amountOre),
    );
    for (const deviation of ledgerDeviations(ledger, kroner(5_000_000), lines, formatKroner)) {
      expect(deviation.detail).toBe(deviation.message);
      expect(deviation.message).not.toMatch(/kr\.\.|\b(the|of|by|below|more than|applied)\b/);
      expect(deviation.message).toMatch(/\.$/);
    }
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

describe('payment totals', () => {
  it('sums what is paid and what is approved but unpaid over the award lines, to the øre', () => {
    expect(
      paymentTotals([
        { paidOre: 244_221_450n, approvedUnpaidOre: 195_377_160n, repaymentsOpenOre: 5n, repaidOre: 0n },
        { paidOre: 0n, approvedUnpaidOre: 1n, repaymentsOpenOre: 0n, repaidOre: 7n },
      ]),
    ).toEqual({ paidOre: 244_221_450n, approvedUnpaidOre: 195_377_161n, repaymentsOpenOre: 5n, repaidOre: 7n });
    expect(paymentTotals([])).toEqual({ paidOre: 0n, approvedUnpaidOre: 0n, repaymentsOpenOre: 0n, repaidOre: 0n });
  });

  it('leaves the reconciliation alone: paying spends what is committed', () => {
    const ledger = ledgerOf(kroner(100), [], [kroner(60)]);
    paymentTotals([{ paidOre: kroner(30), approvedUnpaidOre: kroner(24), repaymentsOpenOre: 0n, repaidOre: 0n }]);
    expect(ledger.budgetOre + ledger.adjustmentsOre - ledger.committedOre).toBe(ledger.remainingOre);
  });
});
