import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PlannerState } from './reminder-planner.js';

/**
 * When anything the planner reads about an award last changed (the award, its reports, its extension
 * requests): a plan made from an older stamp must not overwrite a newer one.
 */
const STAMPS = `
  SELECT a.id, greatest(a.updated_at,
                        (SELECT max(r.updated_at) FROM progress_report r WHERE r.award_id = a.id),
                        (SELECT max(coalesce(e.decided_at, e.requested_at)) FROM extension_request e WHERE e.award_id = a.id))::text AS stamp
    FROM award a WHERE a.id = ANY($1)`;

export type AwardStamps = Map<string, string>;

/**
 * Reads what the planner needs straight from the tables, for a batch of awards: the awards with their
 * kommune's project leads and responsible caseworker, their reports and pending extension requests, and
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
    const rows: Array<{ id: string; stamp: string }> = await manager.query(STAMPS, [awardIds]);
    return new Map(rows.map((row) => [row.id, row.stamp]));
  }

  async load(awardIds: string[]): Promise<PlannerState & { stamps: AwardStamps }> {
    const stamps = await this.stamps(this.dataSource.manager, awardIds);
    const scope = 'AND a.id = ANY($1)';
    const parameters = [awardIds];
    const awards: Array<{ id: string; status: string; end_date: string; lead_ids: string[] | null; caseworker_id: string | null }> =
      await this.dataSource.query(
        `SELECT a.id, a.status, a.end_date,
              (SELECT array_agg(u.id ORDER BY u.id) FROM app_user u
                WHERE u.role = 'project_lead' AND u.active AND u.municipality_code = a.municipality_code) AS lead_ids,
              (SELECT d.id FROM app_user d WHERE d.id = a.decided_by AND d.active AND d.role = 'caseworker') AS caseworker_id
         FROM award a
        WHERE a.status = 'active' ${scope}`,
        parameters,
      );
    const reports: Array<{ id: string; award_id: string; due_date: string; status: 'due' | 'submitted' | 'approved' | 'returned'; submitted_at: Date | null }> =
      await this.dataSource.query(
        `SELECT r.id, r.award_id, r.due_date, r.status, r.submitted_at
           FROM progress_report r JOIN award a ON a.id = r.award_id
          WHERE a.status = 'active' AND r.status <> 'approved' ${scope}`,
        parameters,
      );
    const extensions: Array<{ id: string; award_id: string; requested_at: Date }> = await this.dataSource.query(
      `SELECT e.id, e.award_id, e.requested_at
         FROM extension_request e JOIN award a ON a.id = e.award_id
        WHERE e.status = 'submitted' AND a.status = 'active' ${scope}`,
      parameters,
    );
    const caseworkers: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM app_user WHERE role = 'caseworker' AND active ORDER BY id`);
    return {
      awards: awards.map((row) => ({
        id: row.id,
        status: row.status,
        endDate: row.end_date,
        projectLeadIds: row.lead_ids ?? [],
        responsibleCaseworkerId: row.caseworker_id,
      })),
      reports: reports.map((row) => ({ id: row.id, awardId: row.award_id, dueDate: row.due_date, status: row.status, submittedAt: row.submitted_at })),
      pendingExtensions: extensions.map((row) => ({ id: row.id, awardId: row.award_id, requestedAt: row.requested_at })),
      caseworkerIds: caseworkers.map((row) => row.id),
      stamps,
    };
  }
}
