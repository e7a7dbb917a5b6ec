import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PlannerState } from './reminder-planner.js';

/**
 * When anything the planner reads about an award last changed (the award, its reports, its extension
 * requests, its case's contacts and assignee): a plan made from an older stamp must not overwrite a
 * newer one.
 */
const STAMPS = `
  SELECT a.id, greatest(a.updated_at,
                        (SELECT max(r.updated_at) FROM progress_report r WHERE r.award_id = a.id),
                        (SELECT max(greatest(e.requested_at, e.decided_at, e.withdrawn_at)) FROM extension_request e WHERE e.award_id = a.id),
                        (SELECT ap.updated_at FROM application ap WHERE ap.id = a.application_id),
                        (SELECT max(c.updated_at) FROM case_contact c WHERE c.application_id = a.application_id))::text AS stamp
    FROM award a WHERE a.id = ANY($1) AND a.id BETWEEN $2 AND $3`;

/**
 * The people of a case, by kommune (the lead and each co-applicant): the kommune's named contact while
 * active and still a project lead there, else every active project lead of the kommune. The same rule
 * as CaseContacts.recipients (applications), read here in bulk for the planner.
 */
export const CASE_CONTACT_IDS = (application: string) => `
  (SELECT array_agg(DISTINCT person ORDER BY person) FROM (
     SELECT unnest(coalesce(
              (SELECT ARRAY[u.id] FROM case_contact c JOIN app_user u ON u.id = c.user_id
                WHERE c.application_id = ${application}.id AND c.municipality_code = p.code
                  AND u.active AND u.role = 'project_lead' AND u.municipality_code = p.code),
              (SELECT array_agg(u.id) FROM app_user u WHERE u.role = 'project_lead' AND u.active AND u.municipality_code = p.code))) AS person
       FROM unnest(${application}.participant_codes) AS p(code)) people)`;

export type AwardStamps = Map<string, string>;

/**
 * The lowest and highest of some ids (Postgres orders uuids as their lowercase text), for a condition
 * `award_id BETWEEN` them beside `award_id = ANY(...)`. It changes no result; it keeps a batch's reads on
 * the award indexes. With `= ANY` of a thousand ids alone, Postgres scanned every award, every report
 * (300,000 of them, 110 ms a batch against 19 ms) and, for the awards' plan, compiled it (JIT, 60 ms a
 * batch). On the reminder table it also covers a new database without statistics, whose first pass
 * otherwise read each batch through the status index: 67 s against 55 s over 300,000 reports.
 */
export function idRange(ids: readonly string[]): [string, string] {
  const sorted = ids.map((id) => id.toLowerCase()).sort();
  return [sorted[0], sorted[sorted.length - 1]];
}

/**
 * Reads what the planner needs straight from the tables, for a batch of awards: the awards with their
 * case's contacts, assignee and responsible caseworker, their reports and pending extension requests, and
 * the active caseworkers.
 */
@Injectable()
export class ReminderStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every active award's id, in id order: the reconciler cuts them into batches. */
  async activeAwardIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM award WHERE status = 'active' ORDER BY id`);
    return rows.map((row) => row.id);
  }

  async stamps(manager: EntityManager, awardIds: string[]): Promise<AwardStamps> {
    const rows: Array<{ id: string; stamp: string }> = await manager.query(STAMPS, [awardIds, ...idRange(awardIds)]);
    return new Map(rows.map((row) => [row.id, row.stamp]));
  }

  async load(awardIds: string[]): Promise<PlannerState & { stamps: AwardStamps }> {
    const stamps = await this.stamps(this.dataSource.manager, awardIds);
    const scope = 'AND a.id = ANY($1) AND a.id BETWEEN $2 AND $3';
    const parameters = [awardIds, ...idRange(awardIds)];
    const awards: Array<{
      id: string;
      status: string;
      end_date: string;
      contact_ids: string[] | null;
      assignee_id: string | null;
      caseworker_id: string | null;
    }> = await this.dataSource.query(
      `SELECT a.id, a.status, a.end_date, ${CASE_CONTACT_IDS('ap')} AS contact_ids,
              (SELECT s.id FROM app_user s WHERE s.id = ap.assignee_id AND s.active AND s.role = 'caseworker') AS assignee_id,
              (SELECT d.id FROM app_user d WHERE d.id = a.decided_by AND d.active AND d.role = 'caseworker') AS caseworker_id
         FROM award a JOIN application ap ON ap.id = a.application_id
        WHERE a.status = 'active' ${scope}`,
      parameters,
    );
    const reports: Array<{ id: string; award_id: string; due_date: string; status: 'due' | 'submitted' | 'approved' | 'returned'; submitted_at: Date | null }> =
      await this.dataSource.query(
        `SELECT r.id, r.award_id, r.due_date, r.status, r.submitted_at
           FROM progress_report r JOIN award a ON a.id = r.award_id
          WHERE a.status = 'active' AND r.status <> 'approved' ${scope} AND r.award_id BETWEEN $2 AND $3`,
        parameters,
      );
    const extensions: Array<{ id: string; award_id: string; requested_at: Date }> = await this.dataSource.query(
      `SELECT e.id, e.award_id, e.requested_at
         FROM extension_request e JOIN award a ON a.id = e.award_id
        WHERE e.status = 'submitted' AND a.status = 'active' ${scope} AND e.award_id BETWEEN $2 AND $3`,
      parameters,
    );
    const caseworkers: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM app_user WHERE role = 'caseworker' AND active ORDER BY id`);
    return {
      awards: awards.map((row) => ({
        id: row.id,
        status: row.status,
        endDate: row.end_date,
        contactIds: row.contact_ids ?? [],
        assigneeId: row.assignee_id,
        responsibleCaseworkerId: row.assignee_id ?? row.caseworker_id,
      })),
      reports: reports.map((row) => ({ id: row.id, awardId: row.award_id, dueDate: row.due_date, status: row.status, submittedAt: row.submitted_at })),
      pendingExtensions: extensions.map((row) => ({ id: row.id, awardId: row.award_id, requestedAt: row.requested_at })),
      caseworkerIds: caseworkers.map((row) => row.id),
      stamps,
    };
  }
}
