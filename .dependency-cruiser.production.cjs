/**
 * Feature-level cycles, counted on the code that runs in production. Tests are left out here: an
 * integration test starts the whole app, so through its test files every feature would reach every
 * other. The file-level rules in .dependency-cruiser.cjs do cover the tests.
 */
const base = require('./.dependency-cruiser.cjs');

module.exports = {
  forbidden: [
    {
      name: 'no-feature-cycle',
      comment: 'Features depend on each other in one direction only.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/features/[^/]+/?$' },
      to: { circular: true, path: '^src/features/[^/]+/?$' },
    },
  ],
  options: { ...base.options, exclude: { path: ['^(node_modules|dist)/', '^tests/', '\\.test\\.tsx?$', 'test-support\\.ts$'] } },
};
