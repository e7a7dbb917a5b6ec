import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addMonths, copenhagenInput, countOf, formatDate, formatDateTime, formatKroner, kronerNumber, listOf, MAX_ORE, parseKroner } from './format';

describe('the web app’s Danish formats', () => {
  it('writes amounts as the backend does: dots between thousands, a comma before øre, kr. after', () => {
    expect(formatKroner(1_101_426_000)).toBe('11.014.260 kr.');
    expect(formatKroner(24_500_000_000)).toBe('245.000.000 kr.');
    expect(formatKroner(123_450)).toBe('1.234,50 kr.');
    expect(formatKroner(5)).toBe('0,05 kr.');
    expect(formatKroner(0)).toBe('0 kr.');
    expect(formatKroner(-100_000)).toBe('-1.000 kr.');
  });

  it('writes dates and Copenhagen times as a letter does', () => {
    expect(formatDate('2020-12-18')).toBe('18. december 2020');
    expect(formatDate('2021-01-01T10:00:00.000Z')).toBe('1. januar 2021');
    expect(formatDateTime('2020-10-19T09:58:00.000Z')).toBe('19. oktober 2020 kl. 11.58');
    // Winter time: UTC+1.
    expect(formatDateTime('2020-12-18T23:30:00.000Z')).toBe('19. december 2020 kl. 00.30');
  });

  it('reads the amounts people type in kroner, exactly, into øre', () => {
    expect(parseKroner('1.234.567,50')).toBe(123_456_750);
    expect(parseKroner('1234567,5')).toBe(123_456_750);
    expect(parseKroner('1 234 567')).toBe(123_456_700);
    expect(parseKroner(' 250.000 kr. ')).toBe(25_000_000);
    expect(parseKroner('5000000')).toBe(500_000_000);
    expect(parseKroner('0,01')).toBe(1);
    expect(parseKroner('1.005,10')).toBe(100_510);
  });

  it('refuses what is not an amount in kroner', () => {
    for (const text of [
      '',
      ' ',
      'abc',
      '-5',
      '1.23.4',
      '1.2345',
      '12,345',
      '1,',
      ',5',
      '1.000.00',
      '5e6',
      '1_000',
      '90071992547409,92',
      '10.000.000.000.000.000',
    ]) {
      expect({ text, ore: parseKroner(text) }).toEqual({ text, ore: null });
    }
  });

  it('reads back every amount it writes, to the øre (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_ORE }), (ore) => {
        expect(parseKroner(kronerNumber(ore))).toBe(ore);
        expect(parseKroner(formatKroner(ore))).toBe(ore);
        expect(parseKroner(kronerNumber(ore).replaceAll('.', ''))).toBe(ore);
      }),
    );
  });

  it('never reads text with a letter or a minus in it as an amount (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('a', 'e', 'x', '-', '+', '_'), fc.string(), (before, odd, after) => {
        const text = `${before}${odd}${after}`;
        fc.pre(!/kr\.?\s*$/i.test(text.trim()));
        expect(parseKroner(text)).toBeNull();
      }),
    );
  });

  it('counts and lists in Danish', () => {
    expect(countOf(1, 'måned', 'måneder')).toBe('1 måned');
    expect(countOf(6, 'måned', 'måneder')).toBe('6 måneder');
    expect(listOf(['Aarhus', 'Odder', 'Skanderborg'])).toBe('Aarhus, Odder og Skanderborg');
  });

  it('writes a moment as a datetime-local field holds it, in Copenhagen time, summer and winter', () => {
    expect(copenhagenInput('2020-10-19T10:00:00.000Z')).toBe('2020-10-19T12:00');
    expect(copenhagenInput('2020-12-31T23:30:00.000Z')).toBe('2021-01-01T00:30');
  });

  it('moves a date by months as the API moves an award’s end: a month end stays a month end', () => {
    expect(addMonths('2021-06-30', 3)).toBe('2021-09-30');
    expect(addMonths('2021-02-28', 1)).toBe('2021-03-31');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2020-01-30', 1)).toBe('2020-02-29');
    expect(addMonths('2021-11-15', 2)).toBe('2022-01-15');
    expect(addMonths('2021-03-15', 0)).toBe('2021-03-15');
  });

  it('never gives an invalid date, and is monotone in the months', () => {
    const date = fc
      .record({ year: fc.integer({ min: 2000, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .map(({ year, month, day }) => {
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
      });
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 24 }), (start, months) => {
        const moved = addMonths(start, months);
        expect(new Date(`${moved}T00:00:00Z`).toISOString().slice(0, 10)).toBe(moved);
        expect(addMonths(start, months + 1) > moved).toBe(true);
      }),
    );
  });
});
