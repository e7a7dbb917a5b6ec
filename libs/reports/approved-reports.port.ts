import type { EntityManager } from 'typeorm';
import type { AuditRecord } from '../audit/audit-trail.port.js';
import type { ReportKind } from './report-schedule.js';

/** A report approved by a caseworker, as what follows from it needs to know. */
export interface ApprovedReport {
  awardId: string;
  kind: ReportKind;
  /** The report's number in the award's schedule (1, 2, … for status reports; 1 for the final report). */
  sequence: number;
  approvedBy: string;
  approvedAt: Date;
}

/**
 * What follows from an approved report beyond the reports context: the payments context, above this
 * one, makes the award's instalments that wait for the report ready to pay. Its module provides
 * {@link APPROVED_REPORTS} from a global module; without one nothing follows ({@link NOTHING_FOLLOWS}).
 * Called in the review's transaction, so the report and what it releases are approved together; it
 * answers the audit events of what it changed, for the review to record with its own.
 */
export interface ApprovedReportsPort {
  approved(manager: EntityManager, report: ApprovedReport): Promise<AuditRecord[]>;
}

export const APPROVED_REPORTS = Symbol('ApprovedReportsPort');

/** The answer until a context above provides its own: nothing follows. */
export const NOTHING_FOLLOWS: ApprovedReportsPort = {
  approved: async () => [],
};
