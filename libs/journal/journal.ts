import type { EntityManager } from 'typeorm';

/**
 * Journalisering: every act of a case (an uploaded document, the receipt, the decision and its letter)
 * gets the case number and a serial, `ÆLD-2020-0007-012`, in the order it is registered. The serials
 * come from one counter row per case (`case_journal`), taken in the registering transaction, so they
 * are never given twice and never reused: a deleted document's number, or one of a rolled-back
 * transaction, is simply skipped. These are plain functions on the caller's transaction, so the
 * contexts that register acts (applications at submission, decisions, documents) need no service of
 * each other.
 */

/** `ÆLD-2020-0007` and 12 → `ÆLD-2020-0007-012`. */
export function journalNumber(caseNumber: string, serial: number): string {
  return `${caseNumber}-${String(serial).padStart(3, '0')}`;
}

/** The next serial of the case; the counter row stays locked until the caller's transaction ends. */
export async function nextJournalSerial(manager: EntityManager, applicationId: string): Promise<number> {
  const [row]: Array<{ last_serial: number }> = await manager.query(
    `INSERT INTO case_journal (application_id, last_serial) VALUES ($1, 1)
     ON CONFLICT (application_id) DO UPDATE SET last_serial = case_journal.last_serial + 1
     RETURNING last_serial`,
    [applicationId],
  );
  return row.last_serial;
}

export type CaseActKind = 'receipt' | 'decision';

/**
 * Registers an act that is not an uploaded file (the receipt, the decision) and answers its journal
 * number: the serial is taken and the act written in one statement (the journal number is made in SQL
 * exactly as {@link journalNumber} makes it; `documents.e2e-spec.ts` holds the two to the same answer).
 */
export async function registerCaseAct(
  manager: EntityManager,
  act: { applicationId: string; caseNumber: string; kind: CaseActKind; title: string; sender: string | null; registeredAt: Date },
): Promise<string> {
  const [row]: Array<{ journal_no: string }> = await manager.query(
    `WITH serial AS (
       INSERT INTO case_journal (application_id, last_serial) VALUES ($1, 1)
       ON CONFLICT (application_id) DO UPDATE SET last_serial = case_journal.last_serial + 1
       RETURNING last_serial
     )
     INSERT INTO case_act (application_id, serial, journal_no, kind, title, sender, registered_at)
     SELECT $1, last_serial, ${JOURNAL_NUMBER_SQL}, $3, $4, $5, $6 FROM serial
     RETURNING journal_no`,
    [act.applicationId, act.caseNumber, act.kind, act.title, act.sender, act.registeredAt],
  );
  return row.journal_no;
}

/** {@link journalNumber} in SQL, of the case number `$2` and the serial `last_serial`. */
export const JOURNAL_NUMBER_SQL = `$2::text || '-' || lpad(last_serial::text, greatest(3, length(last_serial::text)), '0')`;

/**
 * At submission, in the submitting transaction: the documents the kommune uploaded to its draft get
 * their journal numbers, in upload order, and then the receipt is registered after them.
 */
export async function journalSubmission(
  manager: EntityManager,
  submission: { applicationId: string; caseNumber: string; receivedAt: Date; sender: string | null },
): Promise<void> {
  const drafts: Array<{ id: string }> = await manager.query(
    `SELECT id FROM document WHERE application_id = $1 AND journal_serial IS NULL AND deleted_at IS NULL
      ORDER BY uploaded_at, id FOR NO KEY UPDATE`,
    [submission.applicationId],
  );
  for (const { id } of drafts) {
    const serial = await nextJournalSerial(manager, submission.applicationId);
    await manager.query('UPDATE document SET journal_serial = $2, journal_no = $3 WHERE id = $1', [id, serial, journalNumber(submission.caseNumber, serial)]);
  }
  await registerCaseAct(manager, {
    applicationId: submission.applicationId,
    caseNumber: submission.caseNumber,
    kind: 'receipt',
    title: `Kvittering for modtaget ansøgning ${submission.caseNumber}`,
    sender: submission.sender,
    registeredAt: submission.receivedAt,
  });
}
