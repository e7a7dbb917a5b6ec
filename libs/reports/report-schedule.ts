import { addMonths, type CalendarDate } from '../core/time/calendar-date.js';

/** Moves a deadline that falls on a closed day to the next working day (a DanishCalendar). */
export interface Deadlines {
  onOrAfter(date: CalendarDate): CalendarDate;
}

export type ReportKind = 'status' | 'final';

export interface PlannedReport {
  kind: ReportKind;
  /** 1, 2, … for status reports; 1 for the final report. */
  sequence: number;
  dueDate: CalendarDate;
}

export interface SchedulePolicy {
  statusReportIntervalMonths: number;
  finalReportDueMonths: number;
}

/**
 * The reports an award owes: a status report every `statusReportIntervalMonths` from the start date
 * while that falls before the end date, and a final report `finalReportDueMonths` after the end date.
 * Each due date is counted from the start (not from the previous one), so month ends do not drift;
 * a due date on a day the ministry is closed (weekend, public holiday, closure day) moves to the next
 * working day, the usual Danish rule for deadlines.
 */
export function reportSchedule(startDate: CalendarDate, endDate: CalendarDate, policy: SchedulePolicy, deadlines: Deadlines): PlannedReport[] {
  const reports: PlannedReport[] = [];
  for (let sequence = 1; ; sequence += 1) {
    const due = addMonths(startDate, sequence * policy.statusReportIntervalMonths);
    if (due >= endDate) break;
    reports.push({ kind: 'status', sequence, dueDate: deadlines.onOrAfter(due) });
  }
  reports.push({ kind: 'final', sequence: 1, dueDate: deadlines.onOrAfter(addMonths(endDate, policy.finalReportDueMonths)) });
  return reports;
}

/**
 * Where a report's period begins: where the previous report's ended (its due date), the first at the
 * award's start. Reports in order: status reports by sequence, the final report last.
 */
export function periodStart(report: { kind: ReportKind; sequence: number }, reports: PlannedReport[], awardStart: CalendarDate): CalendarDate {
  const ordered = [...reports].sort((a, b) => (a.kind === b.kind ? a.sequence - b.sequence : a.kind === 'final' ? 1 : -1));
  const index = ordered.findIndex((other) => other.kind === report.kind && other.sequence === report.sequence);
  return index > 0 ? ordered[index - 1].dueDate : awardStart;
}

export interface ExistingReport extends PlannedReport {
  id: string;
  /** Only reports still `due` (never submitted) may be moved or dropped. */
  status: 'due' | 'submitted' | 'approved' | 'returned';
}

export interface ScheduleChanges {
  insert: PlannedReport[];
  move: Array<{ id: string; dueDate: CalendarDate }>;
  remove: string[];
}

/**
 * What to change when an award's period changes: reports not yet submitted follow the new schedule;
 * reports that have been submitted (or approved, or returned for rework) are left exactly as they are.
 */
export function rescheduleReports(existing: ExistingReport[], planned: PlannedReport[]): ScheduleChanges {
  const key = (report: PlannedReport) => `${report.kind}:${report.sequence}`;
  const plannedByKey = new Map(planned.map((report) => [key(report), report]));
  const existingKeys = new Set(existing.map(key));
  const changes: ScheduleChanges = { insert: planned.filter((report) => !existingKeys.has(key(report))), move: [], remove: [] };
  for (const report of existing) {
    if (report.status !== 'due') continue;
    const target = plannedByKey.get(key(report));
    if (!target) changes.remove.push(report.id);
    else if (target.dueDate !== report.dueDate) changes.move.push({ id: report.id, dueDate: target.dueDate });
  }
  return changes;
}
