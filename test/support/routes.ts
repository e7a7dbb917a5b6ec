import type { TestApp } from './test-app.js';

/** Every route Nest registered under the API prefix, as `METHOD /path` with `:param` syntax (HEAD, which Fastify adds for every GET, left out). */
export function registeredRoutes(api: TestApp): string[] {
  return api.routes.filter((route) => {
    const [method, path] = route.split(' ');
    return method !== 'HEAD' && path.startsWith('/api/v1/') && !path.includes('*');
  });
}
