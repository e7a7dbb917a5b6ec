// Boundaries that fail the build (`npm run boundaries`, part of `npm run lint`). The contexts in libs/
// are layered: a context may use the contexts below it in LAYERS, never one above (so no two contexts
// depend on each other), and only through what they offer (services, modules, ports), never their
// entities or repositories. libs/core is the platform under all of them and knows none of them. The
// apps compose modules.
const LAYERS = [
  'municipalities',
  'queue',
  'audit',
  'auth',
  'notifications',
  'reminders',
  'programmes',
  'journal',
  'applications',
  'access-requests',
  'assessments',
  'awards',
  'reports',
  'payments',
  'decisions',
  'extensions',
  'letters',
  'documents',
  'exports',
  'worklist',
];

const above = (index) => LAYERS.slice(index + 1);

module.exports = {
  forbidden: [
    {
      name: 'core-knows-no-context',
      comment: 'libs/core is the platform: config, database, errors, HTTP, time, money. It imports no bounded context.',
      severity: 'error',
      from: { path: '^libs/core/' },
      to: { path: `^libs/(${LAYERS.join('|')})/` },
    },
    ...LAYERS.map((context, index) => ({
      name: `layers-${context}`,
      comment: `${context} may use ${LAYERS.slice(0, index).join(', ') || 'only core'}; the contexts above it use it, never the other way round (no cycles between contexts).`,
      severity: 'error',
      from: { path: `^libs/${context}/` },
      to: { path: above(index).length > 0 ? `^libs/(${above(index).join('|')})/` : '^$' },
    })),
    {
      name: 'no-reach-into-another-context',
      comment: 'Another context’s rows are read and written through its service (or a declared port), not its entities or repositories; a type is fine.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/.+\\.(entity|repository)\\.ts$', pathNot: ['^libs/$1/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'apps-compose-modules',
      comment: 'apps/ are thin shells: they import the platform, modules, declared ports and constants, nothing else of a context.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/(?!core/)', pathNot: ['\\.(module|port|constants)\\.ts$'] },
    },
    {
      name: 'web-is-a-client',
      comment: 'apps/web runs in the browser and talks to the API over HTTP only: no backend code in its bundle (its types come from the OpenAPI document).',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(libs|apps/(api|worker)|migrations|seeds)/' },
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other, directly or round about.',
      severity: 'error',
      from: { path: '^(apps|libs)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^apps/web/dist/|\\.spec\\.ts$|^test/|^bench/|^seeds/|^migrations/|^scripts/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
