import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { createTestDatabase, importRealDuo } from './test-database.ts';

export type TestApp = { app: FastifyInstance; database: Database; close: () => Promise<void> };

/**
 * The whole app on a fresh test database, optionally with the real DUO directory imported, and `prepare`
 * run, as the schema's owner (a bulk import drops and restores foreign keys, which only the owner may).
 */
export async function createTestApp(
  options: { withDuo?: boolean; env?: Record<string, string>; prepare?: (database: Database) => Promise<void> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  if (options.withDuo) await importRealDuo(database);
  if (options.prepare) await options.prepare(database);
  // as the server does: from here on the app works as the role that cannot alter the audit trail (PGlite)
  await database.enterAppRole();
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: mkdtempSync(join(tmpdir(), 'br-test-')), LOG_LEVEL: 'silent', ...options.env }, {});
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return { app, database, close: () => app.close() };
}
