import fc from 'fast-check';
import { addDays, addMonths, daysBetween, isMonthEnd, weekday } from './calendar-date.js';

describe('addMonths', () => {
  it.each([
    ['2021-01-31', 1, '2021-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2021-01-31', 2, '2021-03-31'],
    ['2021-03-31', 1, '2021-04-30'],
    ['2020-12-18', 6, '2021-06-18'],
    ['2021-08-31', 6, '2022-02-28'],
    ['2021-06-30', 12, '2022-06-30'],
    ['2021-11-15', 3, '2022-02-15'],
    ['2022-02-27', -1, '2022-01-27'],
    ['2022-02-28', -1, '2022-01-31'],
    ['2021-03-31', -1, '2021-02-28'],
    ['2021-09-30', 3, '2021-12-31'],
    ['2020-09-30', 3, '2020-12-31'],
    ['2021-02-28', 1, '2021-03-31'],
    ['2024-02-28', 1, '2024-03-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2021-06-30', 6, '2021-12-31'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('keeps a month end when months are added one at a time', () => {
    expect(addMonths(addMonths('2021-01-31', 1), 1)).toBe('2021-03-31');
    expect(addMonths('2021-01-31', 2)).toBe('2021-03-31');
  });

  const dates = fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }).map((instant) => instant.toISOString().slice(0, 10));
  const isValid = (date: string) => /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
  const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));

  it('is always a valid date exactly that many months on, with the same day or the month end', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -1200, max: 1200 }), (date, months) => {
        const result = addMonths(date, months);
        expect(isValid(result)).toBe(true);
        expect(monthIndex(result) - monthIndex(date)).toBe(months);
        expect(result.slice(8) === date.slice(8) || isMonthEnd(result)).toBe(true);
      }),
      { seed: 20261204, numRuns: 5000 },
    );
  });

  it('keeps a month end a month end, and makes nothing else one unless the month is shorter', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -1200, max: 1200 }), (date, months) => {
        const result = addMonths(date, months);
        if (isMonthEnd(date)) expect(isMonthEnd(result)).toBe(true);
        else if (isMonthEnd(result)) expect(Number(result.slice(8))).toBeLessThanOrEqual(Number(date.slice(8)));
      }),
      { seed: 20261205, numRuns: 5000 },
    );
  });

  it('is monotone: a later date never lands before an earlier one', () => {
    fc.assert(
      fc.property(dates, dates, fc.integer({ min: -240, max: 240 }), (a, b, months) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addMonths(early, months) <= addMonths(late, months)).toBe(true);
      }),
      { seed: 20261206, numRuns: 5000 },
    );
  });
});

describe('days', () => {
  it('adds days across month and year ends and leap days', () => {
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2021-01-01', '2021-12-31')).toBe(364);
    expect(daysBetween('2021-03-28', '2021-03-27')).toBe(-1);
  });

  it('knows the weekday (Monday = 0)', () => {
    expect(weekday('2020-12-18')).toBe(4);
    expect(weekday('2026-11-29')).toBe(6);
  });
});

describe('addDays against the calendar', () => {
  it('agrees with day arithmetic on UTC dates, for any date and offset', () => {
    const reference = (date: string, days: number) => {
      const [year, month, day] = date.split('-').map(Number);
      return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
    };
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: -800, max: 800 }),
        (instant, days) => {
          const date = instant.toISOString().slice(0, 10);
          expect(addDays(date, days)).toBe(reference(date, days));
        },
      ),
      { seed: 20261127, numRuns: 5000 },
    );
  });
});
