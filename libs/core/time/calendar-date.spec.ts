import fc from 'fast-check';
import { addDays, addMonths, daysBetween, weekday } from './calendar-date.js';

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
    ['2022-02-28', -1, '2022-01-28'],
    ['2021-03-31', -1, '2021-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('is not undone by adding months one at a time from a month end (calendar, not arithmetic)', () => {
    expect(addMonths(addMonths('2021-01-31', 1), 1)).toBe('2021-03-28');
    expect(addMonths('2021-01-31', 2)).toBe('2021-03-31');
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
