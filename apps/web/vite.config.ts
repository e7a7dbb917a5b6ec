// The web app's build (`npm run build:web`) and dev server (`npm run dev:web`). The API serves the
// built app from apps/web/dist at `/` under a strict Content-Security-Policy (scripts and styles from
// self only, fonts and images from self or data:), so everything, the design system's fonts and icons
// included, is bundled here into hashed files under assets/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// dkfds exports only its JavaScript; its CSS, fonts and icons are reached by path through this alias.
const dkfds = fileURLToPath(new URL('../../node_modules/dkfds/dist/', import.meta.url));
// Where the dev server and `vite preview` send /api: the API `npm start` runs, or API_URL.
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  // The dev server's pre-bundled dependencies, beside the app (node_modules at the top may be shared between checkouts).
  cacheDir: 'node_modules/.vite',
  // Vite transforms .tsx itself (Oxc): React's automatic JSX runtime, no Fast Refresh.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: { alias: [{ find: /^dkfds\/dist\//, replacement: dkfds }] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // The icon sprite is referenced by <use href>, which a data: URL cannot serve; small CSS icons may be inlined (img-src data:).
    assetsInlineLimit: (file) => (file.endsWith('all-svg-icons.svg') ? false : undefined),
    rolldownOptions: {
      // React libraries mark their modules "use client" for server components; a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': { target: api, changeOrigin: false } } },
  // `vite preview` serves the build under the policy the API serves it with, so a violation shows here too.
  preview: {
    proxy: { '/api': { target: api, changeOrigin: false } },
    headers: {
      'Content-Security-Policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
    },
  },
});
