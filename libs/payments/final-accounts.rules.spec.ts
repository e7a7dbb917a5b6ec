import fc from 'fast-check';
import { splitByShares } from './instalment-amounts.js';
import { budgetLinesDifference, needsAuditorStatement, settleFinalAccounts } from './final-accounts.rules.js';

/** The default plan's instalments of an award (50/40/10), the first `paidCount` of them paid. */
function awardOf(awardOre: bigint, paidCount: number) {
  const amounts = splitByShares(awardOre, [50, 40, 10]);
  const instalments = amounts.map((amountOre, index) => ({ id: `i${index + 1}`, sequence: index + 1, amountOre }));
  const paidOre = amounts.slice(0, paidCount).reduce((a, b) => a + b, 0n);
  return { paidOre, unpaid: instalments.slice(paidCount) };
}

describe('settling approved final accounts', () => {
  it('pays only the spending: the held-back 10 % is cancelled and the 40 % reduced when less was spent', () => {
    // 11.014.260 kr. awarded, 50 % (5.507.130 kr.) paid, 7.000.000,01 kr. spent.
    const { paidOre, unpaid } = awardOf(1_101_426_000n, 1);
    const settled = settleFinalAccounts({ awardOre: 1_101_426_000n, spentOre: 700_000_001n, paidOre, unpaid, waiverOre: 100_000n });
    expect(settled).toEqual({
      keep: [{ id: 'i2', amountOre: 149_287_001n }],
      reduce: [{ id: 'i2', fromOre: 440_570_400n, toOre: 149_287_001n }],
      cancel: ['i3'],
      payableOre: 149_287_001n,
      repaymentOre: 0n,
      waived: false,
      releaseOre: 401_425_999n,
    });
  });

  it('leaves the instalments alone when everything was spent, and releases nothing', () => {
    const { paidOre, unpaid } = awardOf(1_101_426_000n, 2);
    const settled = settleFinalAccounts({ awardOre: 1_101_426_000n, spentOre: 1_101_426_000n, paidOre, unpaid, waiverOre: 100_000n });
    expect(settled).toMatchObject({ keep: [{ id: 'i3', amountOre: 110_142_600n }], reduce: [], cancel: [], releaseOre: 0n, repaymentOre: 0n });
  });

  it('claims back exactly what was paid beyond the spending, cancels the rest, and releases the commitment beyond what was paid', () => {
    const { paidOre, unpaid } = awardOf(1_101_426_000n, 2);
    const settled = settleFinalAccounts({ awardOre: 1_101_426_000n, spentOre: 900_000_000n, paidOre, unpaid, waiverOre: 100_000n });
    expect(paidOre).toBe(991_283_400n);
    expect(settled).toMatchObject({ cancel: ['i3'], keep: [], payableOre: 0n, repaymentOre: 91_283_400n, waived: false, releaseOre: 110_142_600n });
  });

  it('waives a claim below the waiver, and not one at it', () => {
    const { paidOre, unpaid } = awardOf(1_000_000_000n, 1);
    expect(settleFinalAccounts({ awardOre: 1_000_000_000n, spentOre: paidOre - 99_999n, paidOre, unpaid, waiverOre: 100_000n })).toMatchObject({
      repaymentOre: 99_999n,
      waived: true,
    });
    expect(settleFinalAccounts({ awardOre: 1_000_000_000n, spentOre: paidOre - 100_000n, paidOre, unpaid, waiverOre: 100_000n })).toMatchObject({
      repaymentOre: 100_000n,
      waived: false,
    });
  });

  it('refuses spending above the award', () => {
    expect(() =>
      settleFinalAccounts({ awardOre: 100n, spentOre: 101n, paidOre: 0n, unpaid: [{ id: 'a', sequence: 1, amountOre: 100n }], waiverOre: 0n }),
    ).toThrow(RangeError);
  });

  const cases = fc
    .record({
      awardOre: fc.bigInt({ min: 1n, max: 100_000_000_000n }),
      shares: fc.constantFrom([50, 40, 10], [34, 33, 33], [100], [30, 70], [25, 25, 25, 25]),
      paidFraction: fc.integer({ min: 0, max: 4 }),
      spentPermille: fc.integer({ min: 0, max: 1000 }),
      extra: fc.bigInt({ min: -5n, max: 5n }),
      waiverOre: fc.bigInt({ min: 0n, max: 1_000_000n }),
    })
    .map(({ awardOre, shares, paidFraction, spentPermille, extra, waiverOre }) => {
      const amounts = splitByShares(awardOre, shares);
      const paidCount = Math.min(paidFraction, amounts.length);
      const paidOre = amounts.slice(0, paidCount).reduce((a, b) => a + b, 0n);
      let spentOre = (awardOre * BigInt(spentPermille)) / 1000n + extra;
      if (spentOre < 0n) spentOre = 0n;
      if (spentOre > awardOre) spentOre = awardOre;
      const unpaid = amounts.slice(paidCount).map((amountOre, index) => ({ id: `i${paidCount + index + 1}`, sequence: paidCount + index + 1, amountOre }));
      return { awardOre, spentOre, paidOre, unpaid, waiverOre };
    });

  it('property: paid + what is still payable = max(paid, spent) = min(award, spent) unless more was paid, to the øre', () => {
    fc.assert(
      fc.property(cases, (input) => {
        const settled = settleFinalAccounts(input);
        const kept = settled.keep.reduce((total, instalment) => total + instalment.amountOre, 0n);
        expect(kept).toBe(settled.payableOre);
        const due = input.spentOre < input.awardOre ? input.spentOre : input.awardOre;
        expect(input.paidOre + kept).toBe(input.paidOre > due ? input.paidOre : due);
        // Every unpaid instalment is kept (never more than it was) or cancelled, once.
        expect(settled.keep.length + settled.cancel.length).toBe(input.unpaid.length);
        for (const instalment of settled.keep) {
          const before = input.unpaid.find((unpaid) => unpaid.id === instalment.id)!;
          expect(instalment.amountOre > 0n && instalment.amountOre <= before.amountOre).toBe(true);
        }
      }),
    );
  });

  it('property: the release and the claim come out exact: release + claim + spent = award, and paid − claim ≤ spent', () => {
    fc.assert(
      fc.property(cases, (input) => {
        const settled = settleFinalAccounts(input);
        expect(settled.releaseOre + settled.repaymentOre + input.spentOre).toBe(input.awardOre);
        expect(settled.releaseOre >= 0n && settled.repaymentOre >= 0n).toBe(true);
        expect(settled.repaymentOre).toBe(input.paidOre > input.spentOre ? input.paidOre - input.spentOre : 0n);
        // Once the claim is paid back (and released), the award has spent exactly what was approved.
        expect(input.paidOre - settled.repaymentOre <= input.spentOre).toBe(true);
        expect(settled.waived).toBe(settled.repaymentOre > 0n && settled.repaymentOre < input.waiverOre);
      }),
    );
  });
});

describe('the final accounts’ figures', () => {
  it('names how far the budget lines are from the total, to the øre', () => {
    const lines = [
      { label: 'Løn', budgetOre: 500n, spentOre: 400n },
      { label: 'Kurser', budgetOre: 100n, spentOre: 101n },
    ];
    expect(budgetLinesDifference(501n, lines)).toBe(0n);
    expect(budgetLinesDifference(500n, lines)).toBe(1n);
    expect(budgetLinesDifference(502n, lines)).toBe(-1n);
  });

  it('asks for an auditor’s statement at and above the threshold, not below', () => {
    expect(needsAuditorStatement(50_000_000n, 50_000_000n)).toBe(true);
    expect(needsAuditorStatement(49_999_999n, 50_000_000n)).toBe(false);
  });
});
