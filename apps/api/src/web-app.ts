import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppConfigService } from '../../../libs/core/config/config.module.js';
import type { RouteSettings } from '../../../libs/core/http/configure-http-app.js';
import { pathOf } from '../../../libs/core/errors/problem.js';
import { INDEX_FILE, webTargetOf } from './web-paths.js';

/**
 * The web app's pages and assets: scripts, styles, fonts and images from this origin only, no inline
 * script or style (React sets its style props through the CSSOM, which a CSP does not govern; Det
 * Fælles Designsystem's CSS loads its fonts and icons from its own files, which Vite bundles here or
 * inlines as `data:`), no plug-ins, never in a frame. The API's own answers keep helmet's headers.
 */
export const WEB_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** Vite names every file under `assets/` by its content's hash: a changed file is a new name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** `index.html` names the current assets, so it is asked for again on every load. */
export const NO_STORE = 'no-store';
/** The app's other files (favicon …) keep their names across builds, so they are kept only a while. */
export const SHORT_CACHE = 'public, max-age=3600';

/** The page `/` answers, with 503, while the web app has not been built. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Webappen er ikke bygget – Tilskud</title>
</head>
<body>
<main>
<h1>Webappen er ikke bygget</h1>
<p>Tilskuds API kører, men webappen er ikke bygget, så der er ingen side at vise endnu.</p>
<p>Byg den med <code>npm run build:web</code>, og genindlæs siden. (<code>npm start</code> bygger den også.)</p>
<p>API’et virker imens: se dokumentationen på <a href="/api/docs">/api/docs</a>.</p>
</main>
</body>
</html>
`;

/** The repository this file is in (the first folder up with a package.json; `dist/` has none). */
function repositoryRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/** The built web app's folder: `WEB_DIST_DIR`, else `apps/web/dist` of the repository. */
export function webDistDir(configured: string | undefined): string {
  return configured ? resolve(configured) : join(repositoryRoot(), 'apps', 'web', 'dist');
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (found) => found.isFile(),
    () => false,
  );
}

/**
 * Serves the web app (`apps/web`, built by Vite) from the API process: `GET /` and every other path
 * outside `/api` that is not a file of the app answer its `index.html` (its client-side routes), files
 * under `assets/` are cached for good, other files a while. Paths under `/api` are left to the API
 * exactly as before (a JSON 404, or 405 with `Allow`), and so is every other method. The folder is
 * read on each request, so a build while the API runs is served at once; until there is one, `/` says
 * so in a small Danish page (503) and the API works as ever.
 */
export async function mountWebApp(app: NestFastifyApplication, config: AppConfigService): Promise<void> {
  const root = webDistDir(config.get('WEB_DIST_DIR', { infer: true }));
  const index = join(root, INDEX_FILE);
  if (!existsSync(index)) {
    new Logger('WebApp').warn(`The web app is not built (no ${index}): / answers 503 until it is (npm run build:web)`);
  }
  // Only `reply.sendFile` (ETag, Last-Modified, ranges, HEAD); the routes and their caching are ours.
  await app.register(fastifyStatic, { root, serve: false, cacheControl: false, dotfiles: 'deny', index: false, suppressWarning: true });

  const send = (reply: FastifyReply, file: string, cacheControl: string) =>
    reply
      .header('Cache-Control', cacheControl)
      .header('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY)
      .header('X-Frame-Options', 'DENY')
      .sendFile(`/${file}`, root);

  const answer = async (request: FastifyRequest, reply: FastifyReply) => {
    const target = webTargetOf(pathOf(request.url) ?? '/');
    switch (target.kind) {
      case 'api':
      case 'refused':
        return reply.callNotFound();
      case 'asset':
        return (await isFile(join(root, target.file))) ? send(reply, target.file, IMMUTABLE) : reply.callNotFound();
      case 'file':
        if (await isFile(join(root, target.file))) return send(reply, target.file, SHORT_CACHE);
        break;
      case 'app':
        break;
    }
    if (await isFile(index)) return send(reply, INDEX_FILE, NO_STORE);
    return reply
      .status(503)
      .header('Cache-Control', NO_STORE)
      .header('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY)
      .header('X-Frame-Options', 'DENY')
      .type('text/html; charset=utf-8')
      .send(NOT_BUILT_PAGE);
  };

  // GET only (Fastify adds HEAD); `/*` is the last route find-my-way tries, so every API route comes first.
  app
    .getHttpAdapter()
    .getInstance()
    .route({ method: 'GET', url: '/*', config: { catchAll: true } satisfies RouteSettings, handler: answer });
}
