import type { DataSource } from 'typeorm';
import type { Actor } from '../core/context/request-context.js';
import { NotFoundDomainException } from '../core/errors/domain.exception.js';
import { decodeCursor, type Page, toPage } from '../core/pagination/page.js';
import { Application, type Receipt } from './application.entity.js';
import type { ApplicationStatus } from './application.lifecycle.js';
import type { ApplicationQuery } from './dto/application.dto.js';

/**
 * The two reads every user makes all day (one case, a page of cases), as plain SQL with the row mapped
 * straight to the entity: the same rows and scoping as the ORM's query builder, without building the
 * query and hydrating entities on every request (a third of the API's time on these paths).
 */
const COLUMNS = `a.id, a.programme_id, a.municipality_code, a.co_applicant_codes, a.participant_codes, a.created_by, a.status, a.title,
  a.purpose, a.activities, a.themes, a.requested_ore, a.planned_start, a.planned_end, a.case_number, a.submitted_at, a.receipt,
  a.created_at, a.updated_at, a.version`;

interface ApplicationRow {
  id: string;
  programme_id: string;
  municipality_code: string;
  co_applicant_codes: string[];
  participant_codes: string[];
  created_by: string;
  status: ApplicationStatus;
  title: string;
  purpose: string;
  activities: string[];
  themes: string[];
  requested_ore: string;
  planned_start: string;
  planned_end: string;
  case_number: string | null;
  submitted_at: Date | null;
  receipt: Receipt | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

function fromRow(row: ApplicationRow): Application {
  return Object.assign(new Application(), {
    id: row.id,
    programmeId: row.programme_id,
    municipalityCode: row.municipality_code,
    coApplicantCodes: row.co_applicant_codes,
    participantCodes: row.participant_codes,
    createdBy: row.created_by,
    status: row.status,
    title: row.title,
    purpose: row.purpose,
    activities: row.activities,
    themes: row.themes,
    requestedOre: BigInt(row.requested_ore),
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    caseNumber: row.case_number,
    submittedAt: row.submitted_at,
    receipt: row.receipt,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  });
}

/** Numbered parameters for one statement. */
class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    return `$${this.values.push(value)}`;
  }
}

/** The kommune scope of `kommune-scope.ts`, in SQL: a project lead sees the cases their kommune takes part in. */
function scope(actor: Actor, parameters: Parameters): string[] {
  return actor.role === 'project_lead' ? [`${parameters.add(actor.municipalityCode ?? '')} = ANY(a.participant_codes)`] : [];
}

export async function readApplication(dataSource: DataSource, id: string, actor: Actor): Promise<Application> {
  const parameters = new Parameters();
  const where = [`a.id = ${parameters.add(id)}`, ...scope(actor, parameters)];
  const [row]: ApplicationRow[] = await dataSource.query(`SELECT ${COLUMNS} FROM application a WHERE ${where.join(' AND ')}`, parameters.values);
  if (!row) throw new NotFoundDomainException('Application', id);
  return fromRow(row);
}

/**
 * Newest first, by (created_at, id). Lists of one kommune's cases (a project lead's, or a caseworker's
 * `municipalityCode` filter) walk `application_participant` in that order; the others walk
 * `application_created_idx` or `application_programme_status_idx`.
 */
export async function readApplications(dataSource: DataSource, query: ApplicationQuery, actor: Actor): Promise<Page<Application>> {
  const parameters = new Parameters();
  const where: string[] = [];
  const kommune = actor.role === 'project_lead' ? (actor.municipalityCode ?? '') : query.municipalityCode;
  const [from, order] =
    kommune === undefined
      ? ['application a', ['a.created_at', 'a.id']]
      : ['application_participant p JOIN application a ON a.id = p.application_id', ['p.created_at', 'p.application_id']];
  if (kommune !== undefined) where.push(`p.municipality_code = ${parameters.add(kommune)}`);
  if (actor.role === 'project_lead' && query.municipalityCode) where.push(`${parameters.add(query.municipalityCode)} = ANY(a.participant_codes)`);
  if (query.status) where.push(`a.status = ${parameters.add(query.status)}`);
  if (query.programmeId) where.push(`a.programme_id = ${parameters.add(query.programmeId)}`);
  if (query.theme) where.push(`${parameters.add(query.theme)} = ANY(a.themes)`);
  if (query.q) where.push(`a.search @@ websearch_to_tsquery('danish', ${parameters.add(query.q)})`);
  if (query.cursor) {
    const [createdAt, id] = decodeCursor('applications', query.cursor, 2);
    where.push(`(${order.join(', ')}) < (${parameters.add(String(createdAt))}::timestamptz, ${parameters.add(String(id))}::uuid)`);
  }
  const rows: ApplicationRow[] = await dataSource.query(
    `SELECT ${COLUMNS} FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order.map((column) => `${column} DESC`).join(', ')} LIMIT ${parameters.add(query.limit + 1)}`,
    parameters.values,
  );
  return toPage('applications', rows, query.limit, (row) => [row.created_at.toISOString(), row.id], fromRow);
}
