import { type ExistingReport, reportSchedule, rescheduleReports } from './report-schedule.js';

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

  it('a final report due at a month end lands on the last day of a shorter month', () => {
    expect(reportSchedule('2021-01-01', '2021-11-30', policy).at(-1)?.dueDate).toBe('2022-02-28');
    expect(reportSchedule('2021-01-01', '2023-11-30', policy).at(-1)?.dueDate).toBe('2024-02-29');
  });

  it('grows with an extension: six more months may bring another status report', () => {
    expect(reportSchedule('2021-01-01', '2022-12-31', policy).map((r) => r.dueDate)).toEqual(['2022-01-01', '2023-03-31']);
    expect(reportSchedule('2021-01-01', '2023-06-30', policy).map((r) => r.dueDate)).toEqual(['2022-01-01', '2023-01-01', '2023-09-30']);
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
