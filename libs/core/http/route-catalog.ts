import { Injectable } from '@nestjs/common';

/**
 * Every route the HTTP app registered, by path pattern, so a request that matched no route can be told
 * apart: a path that exists under other methods is a 405 with `Allow`, anything else a 404. (Fastify's
 * router answers both as "not found" and does not expose a lookup by concrete path.)
 */
@Injectable()
export class RouteCatalog {
  private readonly routes: Array<{ pattern: RegExp; methods: Set<string> }> = [];
  private readonly byUrl = new Map<string, Set<string>>();

  /** A route as Fastify's `onRoute` hook reports it: `/api/v1/applications/:id`, `/api/v1/admin/queues/*`. */
  add(methods: string | string[], url: string): void {
    let known = this.byUrl.get(url);
    if (!known) {
      known = new Set();
      this.byUrl.set(url, known);
      this.routes.push({ pattern: patternOf(url), methods: known });
    }
    for (const method of [methods].flat()) known.add(method.toUpperCase());
  }

  /** The methods registered for a concrete path, in a stable order; empty when no route has the path. */
  methodsFor(path: string): string[] {
    const methods = new Set<string>();
    for (const route of this.routes) if (route.pattern.test(path)) for (const method of route.methods) methods.add(method);
    return [...methods].sort();
  }
}

/** `/a/:id/b` → `^/a/[^/]+/b/?$`; `*` matches the rest. Everything else is matched literally. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source.replace(/\/$/, '')}/?$`);
}
