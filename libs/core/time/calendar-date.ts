/**
 * Calendar dates (`YYYY-MM-DD`): due dates, award periods. They are days in Copenhagen, not instants,
 * so they are computed as plain year/month/day, never through a time zone.
 */
export type CalendarDate = string;

function parts(date: CalendarDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

const format = (year: number, month: number, day: number): CalendarDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Adds whole months the way a calendar does, the one month arithmetic of the whole system: the same
 * day of the month, or the month's last day when it has no such day (31 January + 1 month = 28 or 29
 * February); and a month's last day stays the last day (30 September + 3 months = 31 December, 28
 * February 2021 + 1 month = 31 March), so a period that ends with a month still does after an
 * extension. Monotone, and never an invalid date (property-tested).
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const last = daysInMonth(targetYear, targetMonth);
  return format(targetYear, targetMonth, day === daysInMonth(year, month) ? last : Math.min(day, last));
}

/** Whether the date is the last day of its month. */
export function isMonthEnd(date: CalendarDate): boolean {
  const [year, month, day] = parts(date);
  return day === daysInMonth(year, month);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const target = Number(date.slice(8, 10)) + days;
  // Within the same month (every month has a 28th): only the day changes. The reminder planner does
  // this hundreds of thousands of times per pass.
  if (target >= 1 && target <= 28) return `${date.slice(0, 8)}${target < 10 ? '0' : ''}${target}`;
  const [year, month] = parts(date);
  return new Date(Date.UTC(year, month - 1, target)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(date: CalendarDate): number {
  const [year, month, day] = parts(date);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}
