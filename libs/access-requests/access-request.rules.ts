import { addDays, type CalendarDate } from '../core/time/calendar-date.js';
import type { DanishCalendar } from '../core/time/danish-calendar.js';

export const ACCESS_KINDS = ['aktindsigt', 'partsaktindsigt'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];
export const ACCESS_REQUEST_STATUSES = ['open', 'completed'] as const;
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

/** An access request is answered within this many working days of its receipt. */
export const ANSWER_WORKING_DAYS = 7;
/** The case's caseworker is reminded this many working days before the deadline. */
export const REMIND_WORKING_DAYS_BEFORE = 2;

/** The day an access request received on `receivedOn` must be answered: 7 working days later. */
export function accessRequestDueDate(receivedOn: CalendarDate, calendar: DanishCalendar): CalendarDate {
  return calendar.addWorkingDays(receivedOn, ANSWER_WORKING_DAYS);
}

/** The `count`-th working day before `date` (not counting `date` itself). */
export function workingDaysBefore(date: CalendarDate, count: number, calendar: DanishCalendar): CalendarDate {
  let day = date;
  for (let counted = 0; counted < count;) {
    day = addDays(day, -1);
    if (calendar.isWorkingDay(day)) counted += 1;
  }
  return day;
}

/**
 * The day to remind of a deadline: two working days before it; today when that day has passed but the
 * deadline has not (a request registered late); none once the deadline itself has passed.
 */
export function accessRequestReminderDay(dueDate: CalendarDate, today: CalendarDate, calendar: DanishCalendar): CalendarDate | null {
  if (dueDate < today) return null;
  const day = workingDaysBefore(dueDate, REMIND_WORKING_DAYS_BEFORE, calendar);
  return day < today ? today : day;
}
