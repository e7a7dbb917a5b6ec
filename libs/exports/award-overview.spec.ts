import fc from 'fast-check';
import { kroner } from '../core/money/money.js';
import { formatKroner } from '../core/format/danish.js';
import { belowMinimumMark, isBelowMinimum, type Overview, type OverviewRow, overviewSummary, publishedRationale } from './award-overview.js';

const row = (caseNumber: string, amount: bigint, applicant = 'Brønderslev Kommune'): OverviewRow => ({
  caseNumber,
  applicant,
  title: 'Bestyrelser på plejecentre',
  purpose: 'Formål.',
  activities: [],
  rationale: '• Begrundelse.',
  amountOre: amount,
});

const overview = (fields: Partial<Overview>): Overview => ({
  organisation: 'Sundheds- og Ældreministeriet',
  producedAt: new Date('2025-12-16T09:30:00Z'),
  programmeName: 'Pulje til at styrke omsorg og nærvær i ældreplejen',
  budgetOre: kroner(245_000_000),
  adjustmentsOre: 0n,
  minApplicationOre: kroner(5_000_000),
  rows: [],
  ...fields,
});

/** The 2020 pool's figures: 246 mio. kr. awarded against a frame of 245 mio. kr. */
const pool = (adjustmentsOre = 0n) =>
  overview({ adjustmentsOre, rows: [row('ÆLD-2020-0001', kroner(241_115_571), 'Syddjurs Kommune'), row('ÆLD-2020-0012', kroner(4_884_429))] });

describe('the award overview’s summary', () => {
  it('says by how much the awards exceed the budget when nothing covers it', () => {
    const summary = overviewSummary(pool());
    expect(summary.total).toBe('I alt bevilget til 2 projekter: 246.000.000 kr.');
    expect(summary.frame).toBe('Puljens ramme: 245.000.000 kr. · Bevilget ud over rammen: 1.000.000 kr.');
    expect(summary.overFrameOre).toBe(kroner(1_000_000));
  });

  it('counts the budget adjustments: a covered over-commitment is not over the frame', () => {
    const summary = overviewSummary(pool(kroner(1_000_000)));
    expect(summary.frame).toBe('Puljens ramme: 245.000.000 kr. · Budgetreguleringer: +1.000.000 kr. · Ramme i alt: 246.000.000 kr. · Ikke disponeret: 0 kr.');
    expect(summary.frame).not.toContain('ud over rammen');
    expect(summary.overFrameOre).toBe(0n);
  });

  it('is over the frame exactly when the awards exceed budget plus adjustments, by the difference, for any figures', () => {
    const ore = fc.bigInt({ min: 1n, max: kroner(50_000_000) });
    fc.assert(
      fc.property(ore, fc.bigInt({ min: -kroner(10_000_000), max: kroner(10_000_000) }), fc.array(ore, { maxLength: 8 }), (budget, adjustments, amounts) => {
        const summary = overviewSummary(overview({ budgetOre: budget, adjustmentsOre: adjustments, rows: amounts.map((amount, i) => row(`X-${i}`, amount)) }));
        const difference = amounts.reduce((sum, amount) => sum + amount, 0n) - (budget + adjustments);
        expect(summary.overFrameOre).toBe(difference > 0n ? difference : 0n);
        expect(summary.frame.includes('Bevilget ud over rammen')).toBe(difference > 0n);
        expect(summary.frame).toContain(difference > 0n ? `ud over rammen: ${formatKroner(difference)}` : `Ikke disponeret: ${formatKroner(-difference)}`);
        expect(summary.frame.includes('Budgetreguleringer')).toBe(adjustments !== 0n);
        for (const text of [summary.total, summary.frame, summary.belowMinimum ?? '']) expect(text).not.toContain('kr..');
      }),
    );
  });

  it('names every award below the programme’s minimum, and only those', () => {
    const summary = overviewSummary(pool());
    expect(summary.belowMinimum).toBe('1 tilsagn under puljens minimum på 5.000.000 kr.: ÆLD-2020-0012 Brønderslev Kommune (4.884.429 kr.)');
    expect(overviewSummary(overview({ rows: [row('A', kroner(5_000_000))] })).belowMinimum).toBeNull();
    expect(isBelowMinimum(row('A', kroner(5_000_000) - 1n), pool())).toBe(true);
    expect(isBelowMinimum(row('A', kroner(5_000_000)), pool())).toBe(false);
    expect(belowMinimumMark(pool())).toBe('Under puljens minimum på 5.000.000 kr.');
  });

  it('agrees in number: 1 projekt, 2 projekter', () => {
    expect(overviewSummary(overview({ rows: [row('A', kroner(6_000_000))] })).total).toBe('I alt bevilget til 1 projekt: 6.000.000 kr.');
  });
});

describe('publishedRationale', () => {
  const criteria = [
    { key: 'formaal', title: 'Understøtter puljens formål' },
    { key: 'nyskabelse', title: 'Potentiale for ny praksis' },
  ];
  const ratings = [
    { criterionKey: 'formaal', rationale: 'Projektet styrker nærværet i hjemmeplejen.' },
    { criterionKey: 'nyskabelse', rationale: 'x' },
  ];

  it('publishes the decision’s own rationale when it is real text', () => {
    expect(publishedRationale('  Projektet bevilges fuldt ud.  ', ratings, criteria)).toBe('Projektet bevilges fuldt ud.');
  });

  it('publishes the assessment’s rationale per criterion when the decision has none, leaving out what is not real text', () => {
    expect(publishedRationale('', ratings, criteria)).toBe('• Understøtter puljens formål: Projektet styrker nærværet i hjemmeplejen.');
    expect(publishedRationale('x', ratings, criteria)).toBe('• Understøtter puljens formål: Projektet styrker nærværet i hjemmeplejen.');
    expect(publishedRationale('', null, criteria)).toBe('');
  });

  it('never publishes a text of fewer than two words or ten characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 9 }), fc.string({ maxLength: 9 }), (decision, rating) => {
        const text = publishedRationale(decision, [{ criterionKey: 'formaal', rationale: rating }], criteria);
        expect(text).toBe('');
      }),
      { seed: 20261204 },
    );
  });
});
