import { useState } from 'react';
import { downloadDocument, type CaseDocument } from '../api/download';
import { asProblem } from '../api/problem';
import { Icon } from './Icon';

/** Downloads a case's PDF (fetched with the access token, then saved from a blob: URL). */
export function DownloadButton({
  applicationId,
  document,
  filename,
  label,
}: {
  applicationId: string;
  document: CaseDocument;
  filename: string;
  label: string;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <span className="download">
      <button
        type="button"
        className="function-link d-print-none"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setFailure(null);
          downloadDocument(applicationId, document, filename)
            .catch((error: unknown) => setFailure(asProblem(error).detail))
            .finally(() => setBusy(false));
        }}
      >
        <Icon name="download" />
        {busy ? 'Henter …' : label}
      </button>
      {failure && (
        <span className="form-error-message d-block" role="alert">
          {failure}
        </span>
      )}
    </span>
  );
}
