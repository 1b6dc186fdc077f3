/**
 * The dependency rules of the app (see README, "Layout"), checked by
 * test/architecture/dependencies.test.ts and by `npm run lint:deps`.
 *
 * Direction: features -> src/pairs (the core) -> src/db and src/lib. A feature uses another
 * feature only through that feature's public module (its index.ts), and feature folders never
 * depend on each other in a circle.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-feature-cycles',
      comment:
        'Two feature folders depend on each other (directly or through others). Move the shared part to ' +
        'src/pairs or src/lib, or invert the dependency through a function one of them exports.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/features/[^/]+' },
      to: { path: '^src/features/[^/]+', circular: true },
    },
    {
      name: 'no-module-cycles',
      comment: 'An import cycle between modules of the core or of the features.',
      severity: 'error',
      from: { path: '^src/(pairs|lib|db|features)/' },
      to: { circular: true },
    },
    {
      name: 'core-imports-no-feature',
      comment: 'src/pairs, src/lib and src/db are the core every feature depends on: they import no feature.',
      severity: 'error',
      from: { path: '^src/(pairs|lib|db)/' },
      to: { path: '^src/features/' },
    },
    {
      name: 'features-use-public-modules',
      comment:
        'A feature imports another feature only through its public module (src/features/<name>/index.ts), ' +
        'never its model or other internals. Export what is needed from that index.ts.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: {
        path: '^src/features/[^/]+/',
        pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.ts$'],
      },
    },
  ],
  options: {
    /*
     * The features and the core only: src/slack (the routing table) and src/jobs (the job table) are
     * where features are wired together, so they import features by design; a cycle through them
     * is not a cycle between features.
     */
    includeOnly: '^src/(features|pairs|lib|db)/',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
