import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case's documents and its journal (*akt-liste*):
 * - `case_journal`: one counter per case; a journal number is the case number and the next serial
 *   (`ÆLD-2020-0007-012`), taken by an upsert that holds the row until the commit, so two uploads
 *   never get the same serial and a serial once given is never given again (a deleted document's
 *   or a rolled-back upload's number is simply skipped).
 * - `case_act`: acts that are not uploaded files (the receipt, the decision and its letter), numbered
 *   from the same counter, so the akt-liste is the union of the two in serial order.
 * - `document` and `document_chunk`: an uploaded file's metadata and its bytes in chunks of about
 *   256 KB, written as the upload arrives. The chunks' reference to their document is checked at the
 *   commit, so the chunks can be written before the row that names their size and hash.
 *   A draft's documents have no journal number until the application is submitted.
 */
export class CreateDocumentsAndTheCaseJournal1766400000000 implements MigrationInterface {
  name = 'CreateDocumentsAndTheCaseJournal1766400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_journal (
        application_id uuid PRIMARY KEY REFERENCES application (id),
        last_serial int NOT NULL CHECK (last_serial >= 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE case_act (
        id uuid PRIMARY KEY DEFAULT uuid_v7(),
        application_id uuid NOT NULL REFERENCES application (id),
        serial int NOT NULL CHECK (serial > 0),
        journal_no text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('receipt', 'decision')),
        title text NOT NULL CHECK (length(title) <= 500),
        sender text CHECK (length(sender) <= 500),
        registered_at timestamptz NOT NULL,
        UNIQUE (application_id, serial)
      )`);
    await queryRunner.query(`
      CREATE TABLE document (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application (id),
        subject_type text NOT NULL CHECK (subject_type IN ('application', 'report', 'award')),
        subject_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('budget', 'signed_application', 'auditor_statement', 'report_annex', 'letter', 'other')),
        filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        journal_serial int CHECK (journal_serial > 0),
        journal_no text UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES app_user (id),
        uploaded_at timestamptz NOT NULL,
        deleted_by uuid REFERENCES app_user (id),
        deleted_at timestamptz,
        UNIQUE (application_id, journal_serial),
        CHECK ((journal_serial IS NULL) = (journal_no IS NULL))
      )`);
    await queryRunner.query('CREATE INDEX document_application_idx ON document (application_id, uploaded_at, id)');
    await queryRunner.query('CREATE INDEX document_subject_idx ON document (subject_type, subject_id)');
    await queryRunner.query(`
      CREATE TABLE document_chunk (
        document_id uuid NOT NULL REFERENCES document (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        seq int NOT NULL CHECK (seq >= 0),
        data bytea NOT NULL,
        PRIMARY KEY (document_id, seq)
      )`);
    // The chunks are stored as they are: they are mostly compressed already (PDF, DOCX, PNG, JPEG).
    await queryRunner.query('ALTER TABLE document_chunk ALTER COLUMN data SET STORAGE EXTERNAL');

    await queryRunner.query(`
      CREATE OR REPLACE VIEW case_entity (entity_type, entity_id, case_id) AS
        SELECT 'application', id::text, id FROM application
        UNION ALL SELECT 'award', id::text, application_id FROM award
        UNION ALL SELECT 'report', id::text, application_id FROM progress_report
        UNION ALL SELECT 'extension_request', id::text, application_id FROM extension_request
        UNION ALL SELECT 'document', id::text, application_id FROM document`);

    await queryRunner.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tilskud_app') AND current_user <> 'tilskud_app' THEN
          -- A document is withdrawn by marking it (its metadata stays for the trail), an act never: only a chunk is deleted.
          REVOKE DELETE ON case_journal, case_act, document FROM tilskud_app;
          REVOKE UPDATE ON case_act, document_chunk FROM tilskud_app;
        END IF;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE VIEW case_entity (entity_type, entity_id, case_id) AS
        SELECT 'application', id::text, id FROM application
        UNION ALL SELECT 'award', id::text, application_id FROM award
        UNION ALL SELECT 'report', id::text, application_id FROM progress_report
        UNION ALL SELECT 'extension_request', id::text, application_id FROM extension_request`);
    await queryRunner.query('DROP TABLE document_chunk');
    await queryRunner.query('DROP TABLE document');
    await queryRunner.query('DROP TABLE case_act');
    await queryRunner.query('DROP TABLE case_journal');
  }
}
