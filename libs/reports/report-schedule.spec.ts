import fc from 'fast-check';
import { addMonths, daysBetween } from '../core/time/calendar-date.js';
import { DanishCalendar } from '../core/time/danish-calendar.js';
import { type Deadlines, type ExistingReport, periodStart, reportSchedule as scheduleOn, rescheduleReports } from './report-schedule.js';

/** The rules of the schedule itself, with every day open; the calendar's own rules are tested below. */
const everyDayOpen: Deadlines = { onOrAfter: (date) => date };
const reportSchedule = (start: string, end: string, policy: { statusReportIntervalMonths: number; finalReportDueMonths: number }) =>
  scheduleOn(start, end, policy, everyDayOpen);
const calendar = new DanishCalendar();

const policy = { statusReportIntervalMonths: 12, finalReportDueMonths: 3 };

describe('reportSchedule', () => {
  it('a status report every 12 months before the end, and a final report 3 months after it', () => {
    expect(reportSchedule('2021-01-01', '2022-06-30', policy)).toEqual([
      { kind: 'status', sequence: 1, dueDate: '2022-01-01' },
      { kind: 'final', sequence: 1, dueDate: '2022-09-30' },
    ]);
  });

  it('no status report when the project is shorter than the interval', () => {
    expect(reportSchedule('2021-01-01', '2021-12-31', policy)).toEqual([{ kind: 'final', sequence: 1, dueDate: '2022-03-31' }]);
  });

  it('no status report on the end date itself: the final report covers it', () => {
    expect(reportSchedule('2021-01-01', '2022-01-01', policy).map((r) => r.kind)).toEqual(['final']);
  });

  it('counts each due date from the start, so a month-end start does not drift', () => {
    const schedule = reportSchedule('2021-01-31', '2022-01-01', { statusReportIntervalMonths: 1, finalReportDueMonths: 3 });
    expect(schedule.slice(0, 4).map((r) => r.dueDate)).toEqual(['2021-02-28', '2021-03-31', '2021-04-30', '2021-05-31']);
    expect(schedule.at(-1)).toEqual({ kind: 'final', sequence: 1, dueDate: '2022-04-01' });
  });

  it('a period ending with a month has its final report at a month end', () => {
    expect(reportSchedule('2021-01-01', '2021-09-30', policy).at(-1)?.dueDate).toBe('2021-12-31');
  });

  it('a final report due at a month end lands on the last day of a shorter month', () => {
    expect(reportSchedule('2021-01-01', '2021-11-30', policy).at(-1)?.dueDate).toBe('2022-02-28');
    expect(reportSchedule('2021-01-01', '2023-11-30', policy).at(-1)?.dueDate).toBe('2024-02-29');
  });

  it('grows with an extension: six more months may bring another status report', () => {
    expect(reportSchedule('2021-01-01', '2022-12-31', policy).map((r) => r.dueDate)).toEqual(['2022-01-01', '2023-03-31']);
    expect(reportSchedule('2021-01-01', '2023-06-30', policy).map((r) => r.dueDate)).toEqual(['2022-01-01', '2023-01-01', '2023-09-30']);
  });
});

describe('deadlines on closed days', () => {
  it('moves a due date on New Year, a Saturday, to the Monday after', () => {
    expect(scheduleOn('2021-01-01', '2022-06-30', policy, calendar)[0]).toEqual({ kind: 'status', sequence: 1, dueDate: '2022-01-03' });
  });

  it('moves a due date on a closure day (24 December) past Christmas to the next working day', () => {
    expect(scheduleOn('2020-12-24', '2022-06-30', policy, calendar)[0].dueDate).toBe('2021-12-27');
  });

  it('moves a final report due on a Sunday to the Monday', () => {
    // 31 March 2024 is Easter Sunday, and 1 April 2. påskedag: the deadline is Tuesday 2 April.
    expect(scheduleOn('2023-01-01', '2023-12-31', policy, calendar).at(-1)?.dueDate).toBe('2024-04-02');
  });

  it('every deadline is a working day, on or shortly after the date the months give', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 6 }),
        (instant, months, interval, finalMonths) => {
          const start = instant.toISOString().slice(0, 10);
          const end = addMonths(start, months);
          const moved = scheduleOn(start, end, { statusReportIntervalMonths: interval, finalReportDueMonths: finalMonths }, calendar);
          const plain = reportSchedule(start, end, { statusReportIntervalMonths: interval, finalReportDueMonths: finalMonths });
          expect(moved.map(({ kind, sequence }) => ({ kind, sequence }))).toEqual(plain.map(({ kind, sequence }) => ({ kind, sequence })));
          moved.forEach((report, index) => {
            expect(calendar.isWorkingDay(report.dueDate)).toBe(true);
            expect(daysBetween(plain[index].dueDate, report.dueDate)).toBeGreaterThanOrEqual(0);
            expect(daysBetween(plain[index].dueDate, report.dueDate)).toBeLessThan(7);
          });
        },
      ),
      { seed: 20261204, numRuns: 2000 },
    );
  });
});

describe('periodStart', () => {
  const reports = [
    { kind: 'final' as const, sequence: 1, dueDate: '2023-03-31' },
    { kind: 'status' as const, sequence: 2, dueDate: '2022-07-01' },
    { kind: 'status' as const, sequence: 1, dueDate: '2022-01-03' },
  ];

  it('the first status report from the award start, each later one from where the previous one ended', () => {
    expect(periodStart({ kind: 'status', sequence: 1 }, reports, '2021-07-01')).toBe('2021-07-01');
    expect(periodStart({ kind: 'status', sequence: 2 }, reports, '2021-07-01')).toBe('2022-01-03');
    expect(periodStart({ kind: 'final', sequence: 1 }, reports, '2021-07-01')).toBe('2022-07-01');
  });

  it('the final report alone starts with the award', () => {
    expect(periodStart({ kind: 'final', sequence: 1 }, [reports[0]], '2021-07-01')).toBe('2021-07-01');
  });
});

describe('rescheduleReports', () => {
  const existing = (overrides: Partial<ExistingReport>[]): ExistingReport[] =>
    overrides.map((o, i) => ({ id: `r${i}`, kind: 'status', sequence: i + 1, dueDate: '2022-01-01', status: 'due', ...o }));

  it('moves the final report and adds the status report an extension brings', () => {
    const before = existing([
      { kind: 'status', sequence: 1, dueDate: '2022-01-01', status: 'approved' },
      { kind: 'final', sequence: 1, dueDate: '2023-03-31' },
    ]);
    const after = reportSchedule('2021-01-01', '2023-06-30', policy);
    expect(rescheduleReports(before, after)).toEqual({
      insert: [{ kind: 'status', sequence: 2, dueDate: '2023-01-01' }],
      move: [{ id: 'r1', dueDate: '2023-09-30' }],
      remove: [],
    });
  });

  it('never touches a report that was submitted, approved or returned', () => {
    const before = existing([{ kind: 'final', sequence: 1, dueDate: '2022-09-30', status: 'submitted' }]);
    expect(rescheduleReports(before, [{ kind: 'final', sequence: 1, dueDate: '2023-03-31' }])).toEqual({ insert: [], move: [], remove: [] });
  });

  it('drops a due report the new schedule no longer has', () => {
    const before = existing([{ kind: 'status', sequence: 2, dueDate: '2023-01-01' }]);
    expect(rescheduleReports(before, [{ kind: 'final', sequence: 1, dueDate: '2022-09-30' }]).remove).toEqual(['r0']);
  });
});
