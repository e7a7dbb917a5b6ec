import type { TestApp } from './test-app.js';

/** Every route Nest registered under the API prefix, as `METHOD /path` with Express's `:param` syntax. */
export function registeredRoutes(api: TestApp): string[] {
  const router = api.app.getHttpAdapter().getInstance().router as { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
  return router.stack
    .filter((layer) => layer.route?.path.startsWith('/api/v1/') && !layer.route.path.includes('*'))
    .flatMap((layer) => Object.keys(layer.route!.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path}`));
}
