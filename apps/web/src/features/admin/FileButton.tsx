import { useState } from 'react';
import { asProblem } from '../../api/problem';
import { Icon } from '../../ui/Icon';

/** Hands a fetched file to the browser to save, from a blob: URL (the API wants a Bearer token a plain link cannot send). */
function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Downloads an export (the award CSV, the published overview PDF) fetched through the API client. */
export function FileButton({ fetchFile, filename, label }: { fetchFile: () => Promise<Blob>; filename: string; label: string }) {
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
          fetchFile()
            .then((blob) => save(blob, filename))
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
