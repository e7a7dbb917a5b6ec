// The web app's first load: the JavaScript (and CSS) index.html asks for before any page's own chunk,
// gzipped as a server would send it. Part of `npm run bench`; alone: `node bench/web-size.mjs`
// (builds the app when apps/web/dist is missing). Aim: initial JavaScript under 200 kB gzipped.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url);
const dist = new URL('apps/web/dist/', root);

export function webInitialSize() {
  if (!existsSync(new URL('index.html', dist))) {
    const built = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build:web failed');
  }
  const html = readFileSync(new URL('index.html', dist), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  const sizes = { js: 0, css: 0, files: [] };
  for (const asset of new Set(assets)) {
    const gzipped = gzipSync(readFileSync(new URL(asset, dist)), { level: 9 }).length;
    sizes[asset.endsWith('.js') ? 'js' : 'css'] += gzipped;
    sizes.files.push({ asset, gzipBytes: gzipped });
  }
  return { initialJsGzipBytes: sizes.js, initialCssGzipBytes: sizes.css, files: sizes.files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = webInitialSize();
  console.log(
    `web app, initial load gzipped: JavaScript ${(size.initialJsGzipBytes / 1000).toFixed(1)} kB, CSS ${(size.initialCssGzipBytes / 1000).toFixed(1)} kB`,
  );
}
