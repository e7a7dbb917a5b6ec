import type { EntityManager } from 'typeorm';
import type { Actor } from '../core/context/request-context.js';
import { NotFoundDomainException } from '../core/errors/domain.exception.js';
import type { DocumentSubjectType } from './document.entity.js';

/** What a document is sent with, as far as documents care: its case, whether that has a number, and whether the subject is still open. */
export interface DocumentSubject {
  type: DocumentSubjectType;
  id: string;
  applicationId: string;
  caseNumber: string | null;
  /** The application's, the report's or the award's own status. */
  status: string;
  /** For a report: when it was last submitted. */
  submittedAt: Date | null;
}

const LABELS: Record<DocumentSubjectType, string> = { application: 'Ansøgningen', report: 'Rapporten', award: 'Tilsagnet' };

/**
 * Each subject by id, with the kommuner that take part in its case. Read here, not through the contexts'
 * services, because three kinds of subject are resolved the same way; the scope is the same as theirs.
 */
const QUERIES: Record<DocumentSubjectType, string> = {
  application: `SELECT a.id AS application_id, a.case_number, a.status, a.participant_codes, a.status AS application_status, NULL::timestamptz AS submitted_at
                  FROM application a WHERE a.id = $1`,
  report: `SELECT r.application_id, a.case_number, r.status, r.participant_codes, a.status AS application_status, r.submitted_at
             FROM progress_report r JOIN application a ON a.id = r.application_id WHERE r.id = $1`,
  award: `SELECT w.application_id, a.case_number, w.status, w.participant_codes, a.status AS application_status, NULL::timestamptz AS submitted_at
            FROM award w JOIN application a ON a.id = w.application_id WHERE w.id = $1`,
};

/**
 * The subject if the actor may see it, else 404: a project lead sees only their kommune's cases (lead
 * or co-applicant), and the ministry sees an application from its submission on (a draft is the
 * kommune's own work). `lock` holds the subject's row until the transaction ends (an upload against a
 * submission in progress waits for it).
 */
export async function findVisibleSubject(manager: EntityManager, type: DocumentSubjectType, id: string, actor: Actor, lock = false): Promise<DocumentSubject> {
  const table = type === 'award' ? 'w' : type === 'report' ? 'r' : 'a';
  const [row]: Array<{
    application_id: string;
    case_number: string | null;
    status: string;
    participant_codes: string[];
    application_status: string;
    submitted_at: Date | null;
  }> = await manager.query(lock ? `${QUERIES[type]} FOR NO KEY UPDATE OF ${table}` : QUERIES[type], [id]);
  const visible = row && (actor.role === 'project_lead' ? row.participant_codes.includes(actor.municipalityCode ?? '') : row.application_status !== 'draft');
  if (!visible) throw new NotFoundDomainException(LABELS[type], id);
  return { type, id, applicationId: row.application_id, caseNumber: row.case_number, status: row.status, submittedAt: row.submitted_at };
}

/**
 * Whether a document of this subject may still be withdrawn: while the application is a draft, and
 * while a report is not submitted (a document sent after the report was returned, until it is sent
 * again). An award's documents are part of the case at once.
 */
export function documentIsOpen(subject: DocumentSubject, uploadedAt: Date): boolean {
  switch (subject.type) {
    case 'application':
      return subject.status === 'draft';
    case 'report':
      return (subject.status === 'due' || subject.status === 'returned') && (subject.submittedAt === null || uploadedAt > subject.submittedAt);
    case 'award':
      return false;
  }
}
