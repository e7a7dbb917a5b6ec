import { addMonths, type CalendarDate } from '../core/time/calendar-date.js';

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
 * Each due date is counted from the start (not from the previous one), so month ends do not drift.
 */
export function reportSchedule(startDate: CalendarDate, endDate: CalendarDate, policy: SchedulePolicy): PlannedReport[] {
  const reports: PlannedReport[] = [];
  for (let sequence = 1; ; sequence += 1) {
    const dueDate = addMonths(startDate, sequence * policy.statusReportIntervalMonths);
    if (dueDate >= endDate) break;
    reports.push({ kind: 'status', sequence, dueDate });
  }
  reports.push({ kind: 'final', sequence: 1, dueDate: addMonths(endDate, policy.finalReportDueMonths) });
  return reports;
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
