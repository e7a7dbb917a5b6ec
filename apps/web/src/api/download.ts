import { api } from './client';
import { data } from './problem';

/** The documents a case offers: the receipt (kvittering) and the decision letter, both PDFs. */
export type CaseDocument = 'receipt' | 'letter';

function fetchDocument(applicationId: string, document: CaseDocument): Promise<Blob> {
  const path = { params: { path: { id: applicationId } }, parseAs: 'blob' as const };
  return data(
    document === 'receipt' ? api.GET('/api/v1/applications/{id}/receipt.pdf', path) : api.GET('/api/v1/applications/{id}/decision/letter.pdf', path),
  ) as Promise<Blob>;
}

/** Hands a file the app has fetched to the browser to save, from a blob: URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = window.document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  window.document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Downloads a case's PDF. The API wants the Bearer token on every call, which a plain link cannot
 * send, so the file is fetched through the client and handed to the browser as a blob: URL.
 */
export async function downloadDocument(applicationId: string, document: CaseDocument, filename: string): Promise<void> {
  saveBlob(await fetchDocument(applicationId, document), filename);
}
