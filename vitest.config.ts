import { defineConfig } from 'vitest/config';

const postgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * Three projects: everything on PGlite; the database tests (`*.db.test.ts`) again on PostgreSQL
 * when TEST_DATABASE_URL is set; the browser journeys in Chromium.
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: '@kitajs/html' } },
  test: {
    globalSetup: ['tests/support/build.global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
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
          env: { TEST_DB: 'pglite' },
          fileParallelism: false,
        },
      },
    ],
  },
});
