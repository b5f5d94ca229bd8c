import { defineConfig } from 'vitest/config';

const postgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * Three projects: everything on PGlite; the database tests (`*.db.test.ts`) again on PostgreSQL
 * when TEST_DATABASE_URL is set; the browser journeys in Chromium.
 *
 * Speed (CI must stay under 30 minutes on two cores): every test file makes its own database and app, so
 * files need no module isolation from each other; without it a worker imports the app and compiles
 * PGlite's WebAssembly once instead of once a file (measured: 40 db test files 805 s isolated, 385 s not,
 * in one run each at the same load). Two workers instead of vitest's default of cores - 1 = 1: much of a
 * test waits on PostgreSQL, Chromium or a child process.
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: '@kitajs/html' } },
  test: {
    globalSetup: ['tests/support/build.global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    isolate: false,
    maxWorkers: 2,
    projects: [
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          env: { TEST_DB: 'pglite' },
        },
      },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['src/**/*.db.test.{ts,tsx}', 'tests/**/*.db.test.ts'],
                exclude: ['tests/e2e/**', 'node_modules/**'],
                env: { TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
      {
        extends: true as const,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          // a journey is many pages with axe on each: 20-50 s on a quiet machine, 2-3 times that when CI shares it
          testTimeout: 180_000,
          setupFiles: ['tests/support/browser.setup.ts'],
          env: { TEST_DB: 'pglite' },
        },
      },
    ],
  },
});
