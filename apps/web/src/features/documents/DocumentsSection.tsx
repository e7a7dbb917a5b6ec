import { type DragEvent, useRef, useState } from 'react';
import { asProblem } from '../../api/problem';
import { formatDateTime } from '../../format';
import { DOCUMENT_KINDS } from '../../text/da';
import { Checkbox, errorOf, FormProblem, SelectField } from '../../ui/Form';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { type Column, Table } from '../../ui/Table';
import {
  type CaseDocument,
  type DocumentKind,
  downloadCaseDocument,
  downloadCaseFile,
  useCaseDocuments,
  useDeleteDocument,
  useUploadDocument,
} from './useDocuments';

const SIZE = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** `1,2 MB`, `340 kB`: a file's size as a person reads it. */
export function fileSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${SIZE.format(bytes / 1_000_000)} MB`;
  return `${SIZE.format(Math.max(1, Math.round(bytes / 1000)))} kB`;
}

export function DownloadLink({ document }: { document: CaseDocument }) {
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="function-link"
        onClick={() => void downloadCaseDocument(document).catch((error: unknown) => setFailure(asProblem(error).detail))}
      >
        <Icon name="download" />
        {document.filename}
      </button>
      {failure && (
        <span className="form-error-message d-block" role="alert">
          {failure}
        </span>
      )}
    </>
  );
}

/**
 * The upload: the kind of document and the file, chosen with the file field or dropped on the drop
 * zone. The API decides the type from the content (PDF, Word, Excel, OpenDocument, PNG, JPEG) and
 * answers a wrong one or one over 25 MB with a Danish problem, shown at the field.
 */
function UploadForm({
  applicationId,
  subject,
  kinds,
}: {
  applicationId: string;
  subject: { subjectType: 'application' | 'report' | 'award'; subjectId: string };
  kinds: DocumentKind[];
}) {
  const upload = useUploadDocument(applicationId);
  const [kind, setKind] = useState<string>(kinds[0] ?? 'other');
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const problem = upload.error ? asProblem(upload.error) : null;
  const fileError = problem && !problem.errors.length ? problem.detail : errorOf(problem, 'file');
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };
  return (
    <form
      className="upload-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!file) return;
        upload.mutate(
          { file, kind: kind as DocumentKind, ...subject },
          {
            onSuccess: () => {
              setFile(null);
              if (input.current) input.current.value = '';
            },
          },
        );
      }}
    >
      <h3>Vedhæft et dokument</h3>
      {problem && problem.errors.length > 0 && <FormProblem error={problem} labels={(field) => ({ kind: 'Dokumenttype', file: 'Fil' })[field] ?? field} />}
      <SelectField name="kind" label="Dokumenttype" value={kind} onChange={setKind} options={kinds.map((value) => ({ value, label: DOCUMENT_KINDS[value] }))} />
      <div
        className={`form-group drop-zone${dragging ? ' drop-zone-active' : ''}${fileError ? ' form-error' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <label className="form-label" htmlFor="felt-file">
          Fil
        </label>
        <span className="form-hint" id="felt-file-hint">
          Træk filen hertil, eller vælg den. PDF, Word, Excel, OpenDocument, PNG eller JPEG, højst 25 MB.
        </span>
        {fileError && (
          <span className="form-error-message" id="felt-file-error" role="alert">
            <span className="sr-only">Fejl: </span>
            {fileError}
          </span>
        )}
        <input
          ref={input}
          type="file"
          id="felt-file"
          name="file"
          className="form-file-input"
          accept=".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg"
          aria-describedby={fileError ? 'felt-file-hint felt-file-error' : 'felt-file-hint'}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        {file && (
          <p className="mb-0">
            Valgt: {file.name} ({fileSize(file.size)})
          </p>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button button-secondary" disabled={!file || upload.isPending}>
          {upload.isPending ? 'Uploader …' : 'Upload dokumentet'}
        </button>
      </div>
      <p className="sr-only" role="status">
        {upload.isSuccess ? `${upload.data.filename} er vedhæftet med journalnummer ${upload.data.journalNo ?? '(gives ved indsendelsen)'}.` : ''}
      </p>
    </form>
  );
}

/**
 * The case's documents in journal order (the akt-liste as a table), each to download; an upload form
 * where the page allows one; deletion while the case allows it (a draft's documents); and, for the
 * ministry, the case file as a zip.
 */
export function DocumentsSection({
  applicationId,
  caseNumber,
  upload,
  canDelete,
  caseFile = false,
}: {
  applicationId: string;
  caseNumber: string | null;
  upload?: { subject: { subjectType: 'application' | 'report' | 'award'; subjectId: string }; kinds: DocumentKind[] };
  /** Which documents the page lets the user delete (a draft's, an unsubmitted report's); none when left out. */
  canDelete?: (document: CaseDocument) => boolean;
  caseFile?: boolean;
}) {
  const documents = useCaseDocuments(applicationId);
  const remove = useDeleteDocument(applicationId);
  const [redact, setRedact] = useState(false);
  const [caseFileFailure, setCaseFileFailure] = useState<string | null>(null);
  const [fetching, setFetching] = useState(false);
  const columns: Column<CaseDocument>[] = [
    { header: 'Journalnr.', cell: (row) => row.journalNo ?? 'Gives ved indsendelsen' },
    { header: 'Dokument', cell: (row) => <DownloadLink document={row} /> },
    { header: 'Type', cell: (row) => DOCUMENT_KINDS[row.kind] ?? row.kind },
    { header: 'Størrelse', cell: (row) => fileSize(row.sizeBytes), numeric: true },
    { header: 'Registreret', cell: (row) => `${formatDateTime(row.uploadedAt)}${row.uploadedByName ? `, ${row.uploadedByName}` : ''}` },
    ...(canDelete
      ? [
          {
            header: 'Slet',
            cell: (row: CaseDocument) =>
              canDelete(row) ? (
                <button type="button" className="function-link" disabled={remove.isPending} onClick={() => remove.mutate(row.id)}>
                  <Icon name="delete" />
                  Slet {row.filename}
                </button>
              ) : (
                <span className="text-muted">Registreret</span>
              ),
          },
        ]
      : []),
  ];
  return (
    <div data-testid="dokumenter">
      {documents.isPending ? (
        <Loading text="Henter dokumenterne …" />
      ) : documents.error ? (
        <ProblemAlert error={documents.error} heading="Dokumenterne kunne ikke hentes" />
      ) : documents.data.items.length === 0 ? (
        <p>Der er ingen dokumenter på sagen.</p>
      ) : (
        <Table caption="Sagens dokumenter" columns={columns} rows={documents.data.items} rowKey={(row) => row.id} testId="dokumentliste" />
      )}
      {remove.error && <ProblemAlert error={remove.error} heading="Dokumentet kunne ikke slettes" />}
      {upload && <UploadForm applicationId={applicationId} subject={upload.subject} kinds={upload.kinds} />}
      {caseFile && caseNumber && (
        <div className="case-file">
          <h3>Sagens akter</h3>
          <p className="mt-0">Alle dokumenter, kvitteringen, afgørelsen, rapporterne og aktlisten (PDF og CSV) samlet i én zip-fil, fx til aktindsigt.</p>
          <Checkbox
            id="udelad-personoplysninger"
            label="Udelad personoplysninger om personer uden for din egen organisation"
            checked={redact}
            onChange={setRedact}
          />
          <div className="button-row">
            <button
              type="button"
              className="button button-secondary"
              disabled={fetching}
              onClick={() => {
                setFetching(true);
                setCaseFileFailure(null);
                downloadCaseFile(applicationId, caseNumber, redact)
                  .catch((error: unknown) => setCaseFileFailure(asProblem(error).detail))
                  .finally(() => setFetching(false));
              }}
            >
              <Icon name="download" />
              {fetching ? 'Samler sagens akter …' : 'Hent sagens akter (zip)'}
            </button>
          </div>
          {caseFileFailure && (
            <p className="form-error-message" role="alert">
              {caseFileFailure}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
