/**
 * What a GET of a path answers when no API route has it: the API's own 404/405 under `/api`, a file of
 * the built web app, or the app's `index.html` (its client-side routes such as `/sager/123`). Pure, so
 * that no path can name a file outside the web app's directory: that is decided here, from the path
 * alone, before the file system is asked.
 */
export type WebTarget =
  /** Under `/api`: the API answers as it always has (a JSON 404 or 405). */
  | { kind: 'api' }
  /** A file under `assets/` (Vite's output, its name hashed): cached for good; missing, a 404. */
  | { kind: 'asset'; file: string }
  /** A file elsewhere in the app's directory (favicon …), when it exists; else the app. */
  | { kind: 'file'; file: string }
  /** A route of the app: `index.html`. */
  | { kind: 'app' }
  /** A path no file of the app can have (`..`, a dotfile, an escaped `/`, a bad %-code): a 404. */
  | { kind: 'refused' };

export const ASSETS_DIR = 'assets';
export const INDEX_FILE = 'index.html';

/** A segment that names no file of ours, or could step out of the directory: `..`, `.x`, `a\b`, `a%2Fb`, NUL. */
const UNSAFE_SEGMENT = /^\.|[/\\\0]/;

function decodedSegments(path: string): string[] | null {
  try {
    return path
      .split('/')
      .slice(1)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

/** The target of `path` (a URL's path, as the request has it: still %-encoded, without the query). */
export function webTargetOf(path: string): WebTarget {
  if (path === '/api' || path.startsWith('/api/')) return { kind: 'api' };
  if (!path.startsWith('/')) return { kind: 'refused' };
  const segments = decodedSegments(path);
  if (segments === null || segments.some((segment) => UNSAFE_SEGMENT.test(segment))) return { kind: 'refused' };
  // `/`, `/sager/` and `/a//b` name no file: a trailing or doubled slash is the app's business.
  const names = segments.every((segment) => segment !== '') ? segments : null;
  if (segments[0] === ASSETS_DIR) return names && names.length > 1 ? { kind: 'asset', file: names.join('/') } : { kind: 'refused' };
  if (!names || (names.length === 1 && names[0] === INDEX_FILE)) return { kind: 'app' };
  return { kind: 'file', file: names.join('/') };
}
