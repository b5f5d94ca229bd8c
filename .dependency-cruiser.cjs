/**
 * The boundaries between parts of src/ (issue 18, decision 019), for all code, tests included.
 * `npm run lint` runs this check and the one in .dependency-cruiser.production.cjs; `npm test` runs
 * lint. There is no list of exceptions: a rule that does not hold is fixed in the code, not here.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-file-cycle',
      comment: 'No module may reach itself through its imports, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'only-through-index',
      comment: 'Another feature is used through its index.ts only, never past it.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/[^/]+/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-features-only-through-index',
      comment: 'Code outside the features (app, main, demo, tests) uses a feature through its index.ts.',
      severity: 'error',
      from: { pathNot: '^src/features/[^/]+/' },
      to: { path: '^src/features/[^/]+/', pathNot: '^src/features/[^/]+/index\\.ts$' },
    },
    {
      name: 'layers-web',
      comment: 'The layers, lowest first: lib, db, platform, ui, web, features. web (HTTP plumbing, rendering, route helpers) knows no feature.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(features|demo|app\\.ts|main\\.ts|cli\\.ts)' },
    },
    {
      name: 'layers-ui',
      comment: 'ui holds page components: it may use platform (texts, errors) and lib, never web, db or a feature.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/(web|db|features|demo|app\\.ts|main\\.ts|cli\\.ts)' },
    },
    {
      name: 'layers-platform',
      comment: 'platform (auth, audit, i18n, mail, jobs, crypto, files) serves the layers above it and knows none of them.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(ui|web|features|demo|app\\.ts|main\\.ts|cli\\.ts)' },
    },
    {
      name: 'layers-db',
      comment: 'db is the lowest layer but lib: it imports nothing else of ours.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/', pathNot: '^src/(db|lib)/' },
    },
    {
      name: 'lib-stands-alone',
      comment: 'lib holds helpers that need nothing else of ours: every layer may use them.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/', pathNot: '^src/lib/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
