import { addDays, type CalendarDate, weekday } from './calendar-date.js';

/**
 * Danish working days: not Saturday or Sunday, not a public holiday (helligdag), and not one of the
 * closure days the ministry keeps (by default Grundlovsdag 5 June, 24 and 31 December, which are not
 * public holidays but days the offices are closed; configurable as `MM-DD`). Easter is computed.
 */
export const DEFAULT_CLOSURE_DAYS = ['06-05', '12-24', '12-31'];

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Holiday {
  date: CalendarDate;
  name: string;
}

/** The Danish public holidays of a year. Store Bededag was abolished from 2024. */
export function danishPublicHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const holidays: Holiday[] = [
    { date: `${year}-01-01`, name: 'Nytårsdag' },
    { date: addDays(easter, -3), name: 'Skærtorsdag' },
    { date: addDays(easter, -2), name: 'Langfredag' },
    { date: easter, name: 'Påskedag' },
    { date: addDays(easter, 1), name: '2. påskedag' },
    { date: addDays(easter, 39), name: 'Kristi himmelfartsdag' },
    { date: addDays(easter, 49), name: 'Pinsedag' },
    { date: addDays(easter, 50), name: '2. pinsedag' },
    { date: `${year}-12-25`, name: 'Juledag' },
    { date: `${year}-12-26`, name: '2. juledag' },
  ];
  if (year <= 2023) holidays.push({ date: addDays(easter, 26), name: 'Store bededag' });
  return holidays.sort((x, y) => x.date.localeCompare(y.date));
}

export class DanishCalendar {
  private readonly holidaysByYear = new Map<number, Set<CalendarDate>>();
  /** Days already looked up: a reconcile asks about the same few thousand dates millions of times. */
  private readonly workingDays = new Map<CalendarDate, boolean>();

  constructor(private readonly closureDays: readonly string[] = DEFAULT_CLOSURE_DAYS) {}

  isWorkingDay(date: CalendarDate): boolean {
    let working = this.workingDays.get(date);
    if (working === undefined) {
      working = weekday(date) < 5 && !this.closureDays.includes(date.slice(5)) && !this.holidays(Number(date.slice(0, 4))).has(date);
      this.workingDays.set(date, working);
    }
    return working;
  }

  /** The date itself when it is a working day, else the working day before it. */
  onOrBefore(date: CalendarDate): CalendarDate {
    let day = date;
    while (!this.isWorkingDay(day)) day = addDays(day, -1);
    return day;
  }

  /** The date itself when it is a working day, else the working day after it. */
  onOrAfter(date: CalendarDate): CalendarDate {
    let day = date;
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }

  /** The `count`-th working day after `date` (not counting `date` itself). */
  addWorkingDays(date: CalendarDate, count: number): CalendarDate {
    let day = date;
    for (let added = 0; added < count;) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) added += 1;
    }
    return day;
  }

  private holidays(year: number): Set<CalendarDate> {
    let set = this.holidaysByYear.get(year);
    if (!set) {
      set = new Set(danishPublicHolidays(year).map((holiday) => holiday.date));
      this.holidaysByYear.set(year, set);
    }
    return set;
  }
}
