import fc from 'fast-check';
import { kroner } from '../core/money/money.js';
import { INSTALMENT_STATUSES } from './instalment.lifecycle.js';
import { splitByWeights } from './instalment-amounts.js';
import { type ResizableInstalment, resizeInstalments } from './instalment-resize.js';

const instalment = (sequence: number, sharePct: number, amountOre: bigint, status: ResizableInstalment['status']): ResizableInstalment => ({
  id: `i${sequence}`,
  sequence,
  sharePct,
  amountOre,
  status,
});

/** The 11.014.260 kr. award of the default plan: 50 % at the award, 40 % after a status report, 10 % held back. */
const plan = (first: ResizableInstalment['status'] = 'paid') => [
  instalment(1, 50, kroner(5_507_130), first),
  instalment(2, 40, kroner(4_405_704), 'planned'),
  instalment(3, 10, kroner(1_101_426), 'planned'),
];

describe('splitting by weights', () => {
  it('splits by the weights to the øre, the øre left over to the largest remainders', () => {
    expect(splitByWeights(kroner(1_000), [40, 10])).toEqual([kroner(800), kroner(200)]);
    expect(splitByWeights(10n, [40, 10, 30])).toEqual([5n, 1n, 4n]);
    expect(splitByWeights(7n, [0, 0])).toEqual([4n, 3n]);
  });

  it('always sums to the amount, each part within one øre of its exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 100_000_000_000n }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }),
        (amount, weights) => {
          const parts = splitByWeights(amount, weights);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(amount);
          const total = BigInt(weights.reduce((a, b) => a + b, 0));
          parts.forEach((part, index) => {
            const exactTimesTotal = amount * BigInt(weights[index]);
            expect(part * total - exactTimesTotal < total).toBe(true);
            expect(exactTimesTotal - part * total < total).toBe(true);
          });
        },
      ),
    );
  });
});

describe('resizing an award’s instalments to a new amount', () => {
  it('raises the unpaid instalments by their shares and leaves the paid one as it was', () => {
    const resized = resizeInstalments(plan(), kroner(12_014_260));
    expect(resized).toEqual({
      ok: true,
      floorOre: kroner(5_507_130),
      changes: [
        { id: 'i2', sequence: 2, fromOre: kroner(4_405_704), toOre: kroner(5_205_704) },
        { id: 'i3', sequence: 3, fromOre: kroner(1_101_426), toOre: kroner(1_301_426) },
      ],
    });
  });

  it('lowers them down to what is paid, and never below it (naming the floor)', () => {
    expect(resizeInstalments(plan(), kroner(5_507_130))).toMatchObject({ ok: true, changes: [{ toOre: 0n }, { toOre: 0n }] });
    expect(resizeInstalments(plan(), kroner(5_507_130) - 1n)).toEqual({ ok: false, refusal: 'below-floor', floorOre: kroner(5_507_130) });
    // Approved for payment counts as paid: the money may have left.
    expect(resizeInstalments(plan('approved'), kroner(5_000_000))).toMatchObject({ ok: false, refusal: 'below-floor' });
  });

  it('refuses a change no unpaid instalment can carry', () => {
    const paid = [instalment(1, 100, kroner(1_000), 'paid')];
    expect(resizeInstalments(paid, kroner(1_001))).toEqual({ ok: false, refusal: 'nothing-unpaid', floorOre: kroner(1_000) });
    expect(resizeInstalments(paid, kroner(1_000))).toEqual({ ok: true, floorOre: kroner(1_000), changes: [] });
  });

  const instalments = fc
    .array(
      fc.record({
        sharePct: fc.integer({ min: 1, max: 100 }),
        amountOre: fc.bigInt({ min: 0n, max: 10_000_000_000n }),
        status: fc.constantFrom(...INSTALMENT_STATUSES),
      }),
      {
        minLength: 1,
        maxLength: 6,
      },
    )
    .map((rows) => rows.map((row, index) => instalment(index + 1, row.sharePct, row.amountOre, row.status)));

  it('keeps the instalments summing to the new amount exactly to the øre, never touching an approved or paid one', () => {
    fc.assert(
      fc.property(instalments, fc.bigInt({ min: 0n, max: 60_000_000_000n }), (rows, amount) => {
        const resized = resizeInstalments(rows, amount);
        const floor = rows.filter((row) => row.status === 'approved' || row.status === 'paid').reduce((a, row) => a + row.amountOre, 0n);
        if (amount < floor) {
          expect(resized).toEqual({ ok: false, refusal: 'below-floor', floorOre: floor });
          return;
        }
        if (!resized.ok) {
          expect(rows.some((row) => row.status === 'planned' || row.status === 'ready')).toBe(false);
          return;
        }
        const changed = new Map(resized.changes.map((change) => [change.id, change.toOre]));
        const after = rows.map((row) => ({ ...row, amountOre: changed.get(row.id) ?? row.amountOre }));
        const live = after.filter((row) => row.status !== 'cancelled');
        expect(live.reduce((a, row) => a + row.amountOre, 0n)).toBe(amount);
        for (const row of rows.filter((row) => !['planned', 'ready'].includes(row.status))) expect(changed.has(row.id)).toBe(false);
        for (const row of after) expect(row.amountOre >= 0n).toBe(true);
      }),
    );
  });
});
