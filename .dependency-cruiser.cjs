/**
 * The module rules of docs/ARCHITECTURE.md, checked on every `npm test`:
 * - no cycles;
 * - kernel depends on nothing of ours; db only on kernel; config only on kernel;
 * - every domain module may use kernel, db and audit, and another module only through its index.ts;
 * - domain code (model, store, service) imports no fastify, no react and no database driver.
 */
const DOMAIN_MODULES = 'audit|events|messages|registry|identity|verification|services|wallet|lodging|reports|insights';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'kernel-stands-alone',
      comment: 'kernel is the base: it imports no other module',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { path: '^src/', pathNot: '^src/kernel/' },
    },
    {
      name: 'db-needs-only-kernel',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/', pathNot: '^src/(db|kernel)/' },
    },
    {
      name: 'config-needs-only-kernel',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/', pathNot: '^src/(config|kernel)/' },
    },
    {
      name: 'modules-do-not-use-transport-or-entry-points',
      comment: 'domain modules never import http or cli; those compose the modules',
      severity: 'error',
      from: { path: `^src/(${DOMAIN_MODULES})/` },
      to: { path: '^src/(http|cli)/' },
    },
    {
      name: 'other-modules-only-through-index',
      comment: "a module reaches another module only through that module's index.ts",
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/([^/]+)/.+', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/[^/]+/testing\\.ts$'] },
    },
    {
      name: 'test-helpers-only-in-tests',
      comment: "a module's testing.ts (people and fixtures made to order) is for tests only",
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/[^/]+/testing\\.ts$' },
    },
    {
      name: 'seed-worker-loads-only-the-generator',
      comment:
        "the seed's generation worker starts on every large seed: loading the database layer (PGlite, pg, kysely) " +
        'took most of its start-up, a second before the first chunk',
      severity: 'error',
      from: { path: '^src/registry/seed/generation-worker\\.ts$' },
      to: { path: '^src/db/', reachable: true },
    },
    {
      name: 'domain-code-is-pure-of-transport',
      comment: 'model, store and service code imports no fastify, react or database driver',
      severity: 'error',
      from: { path: `^src/(${DOMAIN_MODULES})/(?!.*routes\\.ts$)(?!.*\\.test\\.ts$)` },
      to: { path: '^node_modules/(fastify|@fastify|react|react-dom|pg|pg-copy-streams|@electric-sql)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)migrations/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
