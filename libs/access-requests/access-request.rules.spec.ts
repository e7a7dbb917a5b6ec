import fc from 'fast-check';
import { addDays, daysBetween } from '../core/time/calendar-date.js';
import { DanishCalendar } from '../core/time/danish-calendar.js';
import { accessRequestDueDate, accessRequestReminderDay, workingDaysBefore } from './access-request.rules.js';

const calendar = new DanishCalendar();

describe('the deadline of an access request', () => {
  it('is 7 working days after receipt', () => {
    // Monday 2 March 2026: Tuesday to Friday, then Monday to Wednesday.
    expect(accessRequestDueDate('2026-03-02', calendar)).toBe('2026-03-11');
  });

  it('skips Easter: received the Tuesday before, answered the Tuesday after the week after', () => {
    // 2 April (Maundy Thursday), 3 April (Good Friday) and 6 April (Easter Monday) 2026 are holidays.
    expect(accessRequestDueDate('2026-03-31', calendar)).toBe('2026-04-14');
  });

  it('skips Christmas, the closure days and New Year', () => {
    // 24, 25, 26 and 31 December and 1 January are not working days.
    expect(accessRequestDueDate('2026-12-21', calendar)).toBe('2027-01-05');
  });

  it('counts a receipt on a Saturday from the Monday after', () => {
    expect(accessRequestDueDate('2026-03-07', calendar)).toBe('2026-03-17');
  });

  it('is always a working day 7 working days on, 9 to 20 calendar days after receipt', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 10 }), (offset) => {
        const received = addDays('2020-01-01', offset);
        const due = accessRequestDueDate(received, calendar);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(workingDaysBefore(due, 7, calendar) <= received).toBe(true);
        expect(daysBetween(received, due)).toBeGreaterThanOrEqual(9);
        expect(daysBetween(received, due)).toBeLessThanOrEqual(20);
      }),
    );
  });
});

describe('the reminder of an access request', () => {
  it('is two working days before the deadline', () => {
    // Due Tuesday 14 April 2026: Monday 13 and Friday 10 April.
    expect(accessRequestReminderDay('2026-04-14', '2026-03-31', calendar)).toBe('2026-04-10');
    // Due Tuesday 5 January 2027: Monday 4 January, then back over New Year and the closure day to 30 December.
    expect(accessRequestReminderDay('2027-01-05', '2026-12-21', calendar)).toBe('2026-12-30');
  });

  it('is today for a request registered too late for it, and none after the deadline', () => {
    expect(accessRequestReminderDay('2026-04-14', '2026-04-13', calendar)).toBe('2026-04-13');
    expect(accessRequestReminderDay('2026-04-14', '2026-04-14', calendar)).toBe('2026-04-14');
    expect(accessRequestReminderDay('2026-04-14', '2026-04-15', calendar)).toBeNull();
  });
});
