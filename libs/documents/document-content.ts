import { fileTypeFromBuffer } from 'file-type';

/** The largest file the API takes: 25 MB. */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/** The size of a stored chunk: large enough for few rows, small enough that one is all a request holds. */
export const DOCUMENT_CHUNK_BYTES = 256 * 1024;

/** The types a document may have, by the extension file-type gives the content, with the one MIME type we answer it with. */
export const ACCEPTED_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  png: 'image/png',
  jpg: 'image/jpeg',
};

/** In words, for the 415's detail. */
export const ACCEPTED_TYPE_NAMES = 'PDF, DOCX, XLSX, ODT, ODS, PNG eller JPEG';

export interface DetectedType {
  ext: string;
  mime: string;
}

/**
 * The file's type from its first bytes (its content, never its name or the client's Content-Type), if
 * it is one we accept. Office files are zip archives; the first chunk holds the entries that tell a
 * DOCX from an XLSX or an ODT.
 */
export async function acceptedTypeOf(head: Uint8Array): Promise<DetectedType | undefined> {
  const found = await fileTypeFromBuffer(head);
  if (!found) return undefined;
  const mime = ACCEPTED_TYPES[found.ext];
  return mime ? { ext: found.ext, mime } : undefined;
}

/** `jpg` is also written `jpeg`. */
const SAME_EXTENSION: Record<string, string[]> = { jpg: ['jpg', 'jpeg'] };

/**
 * A file name that is safe to store and to send back: the last part of a path, no control characters
 * or characters a file system or a header refuses, at most 200 characters, and ending in the
 * extension of the type its content has (`budget.exe` holding a PDF becomes `budget.exe.pdf`).
 */
export function sanitizeFilename(raw: string | undefined, ext: string): string {
  const base = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const current = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const suffix = (SAME_EXTENSION[ext] ?? [ext]).includes(current) ? '' : `.${ext}`;
  if (name === '') return `dokument.${ext}`;
  const room = 200 - suffix.length;
  if (name.length > room) {
    const keep = suffix === '' ? `.${current}` : '';
    name = [...name].slice(0, room - keep.length).join('') + keep;
  }
  return name + suffix;
}

/** Regroups a stream's buffers into chunks of `size` bytes (the last one shorter), copying each byte once. */
export async function* rechunk(source: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let pending = Buffer.allocUnsafe(size);
  let filled = 0;
  for await (const piece of source) {
    let offset = 0;
    while (offset < piece.length) {
      const taken = Math.min(size - filled, piece.length - offset);
      piece.copy(pending, filled, offset, offset + taken);
      filled += taken;
      offset += taken;
      if (filled === size) {
        yield pending;
        pending = Buffer.allocUnsafe(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield pending.subarray(0, filled);
}

const DANISH_IN_ASCII: Record<string, string> = { Æ: 'AE', Ø: 'OE', Å: 'AA', æ: 'ae', ø: 'oe', å: 'aa' };

/** `attachment` with the name in ASCII and in full (RFC 6266), so a name with Æ, Ø and Å arrives whole. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename
    .replace(/[ÆØÅæøå]/g, (letter) => DANISH_IN_ASCII[letter])
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]|["\\;]/g, '');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii || 'dokument'}"; filename*=UTF-8''${encoded}`;
}
