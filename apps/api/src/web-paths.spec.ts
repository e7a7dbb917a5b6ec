import fc from 'fast-check';
import { posix } from 'node:path';
import { webTargetOf } from './web-paths.js';

/** Pieces paths are made of, the tricky ones many times over: dots, escaped dots and slashes, backslashes, NUL, bad %-codes. */
const PIECES = [
  'assets',
  'api',
  'index.html',
  'app-abc123.js',
  'sager',
  '123',
  'favicon.ico',
  '.env',
  '..',
  '.',
  '%2e%2e',
  '%2E%2E',
  '.%2e',
  '%2e',
  '%2f',
  '%2F',
  '%5c',
  '\\',
  '..\\..',
  '%00',
  '%',
  '%zz',
  '%252e%252e',
  '',
  'æøå',
  '%C3%A6',
];
const paths = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((segments) => `/${segments.join('/')}`);

describe('what a path outside the API answers', () => {
  it('never names a file outside the web app’s directory, nor a dotfile', () => {
    fc.assert(
      fc.property(paths, (path) => {
        const target = webTargetOf(path);
        if (target.kind !== 'asset' && target.kind !== 'file') return;
        expect(posix.normalize(target.file)).toBe(target.file);
        expect(posix.isAbsolute(target.file)).toBe(false);
        expect(target.file.split('/').every((segment) => segment !== '' && !segment.startsWith('.') && !/[\\\0]/.test(segment))).toBe(true);
        expect(posix.join('/srv/web', target.file).startsWith('/srv/web/')).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('leaves every path under /api to the API', () => {
    fc.assert(
      fc.property(paths, (path) => {
        expect(webTargetOf(`/api${path}`).kind).toBe('api');
      }),
    );
    expect(webTargetOf('/api')).toEqual({ kind: 'api' });
    expect(webTargetOf('/apis')).toEqual({ kind: 'file', file: 'apis' });
  });

  it('answers the app’s routes with the app', () => {
    for (const path of ['/', '/sager/', '/index.html', '/a//b']) expect(webTargetOf(path)).toEqual({ kind: 'app' });
    expect(webTargetOf('/sager/123')).toEqual({ kind: 'file', file: 'sager/123' });
  });

  it('finds hashed assets and other files, decoded', () => {
    expect(webTargetOf('/assets/app-abc123.js')).toEqual({ kind: 'asset', file: 'assets/app-abc123.js' });
    expect(webTargetOf('/favicon.ico')).toEqual({ kind: 'file', file: 'favicon.ico' });
    expect(webTargetOf('/m%C3%A6rke.svg')).toEqual({ kind: 'file', file: 'mærke.svg' });
  });

  it('refuses traversal, dotfiles, escaped slashes and bad %-codes', () => {
    for (const path of [
      '/assets/../../package.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/..%2fpackage.json',
      '/%2e%2e/package.json',
      '/assets/..\\..\\package.json',
      '/.env',
      '/assets/.hidden',
      '/assets',
      '/assets/',
      '/assets//x.js',
      '/%zz',
      'relative',
    ]) {
      expect(webTargetOf(path)).toEqual({ kind: 'refused' });
    }
  });
});
