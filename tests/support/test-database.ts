import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../src/db/database.ts';
import { createScratchDatabase } from './scratch-database.ts';
import { importDuo } from '../../src/features/organisations/index.ts';
import { demoDuoDir } from '../../src/demo/demo.service.ts';

/** Which database this test run is on: the `postgres` vitest project sets TEST_DB=postgres. */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A fresh, migrated database of its own for one test file: in-memory PGlite, or a new database on
 * the PostgreSQL server of TEST_DATABASE_URL that is dropped again on close.
 */
export async function createTestDatabase(options: { migrationsFolder?: string } = {}): Promise<Database> {
  if (testDatabaseKind() === 'pglite') {
    const database = await openPglite(null);
    await database.migrate(options.migrationsFolder);
    return database;
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const scratch = await createScratchDatabase(adminUrl, `br_test_${process.pid}`);
  const database = await openPostgres(scratch.url);
  await database.migrate(options.migrationsFolder);
  const close = database.close;
  database.close = async () => {
    await close();
    await scratch.drop();
  };
  return database;
}

/** The login role the PostgreSQL tests give the app: made once on the test server, shared by every test database. */
const testAppRole = 'br_test_app';

/**
 * A fresh database the way production runs it: migrated by the schema's owner, the app connected as a
 * restricted role (on PGlite: switched to it; on PostgreSQL: the login role `br_test_app`, with the
 * test server's own user as DATABASE_MIGRATION_URL).
 */
export async function createRestrictedTestDatabase(): Promise<Database> {
  if (testDatabaseKind() === 'pglite') {
    const database = await createTestDatabase();
    await database.enterAppRole();
    return database;
  }
  const owner = await createTestDatabase(); // made, migrated and dropped on close by the server's user
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${testAppRole} LOGIN`);
  } catch (error) {
    // another test file made it first (42710), or at the same moment (23505)
    if (!['42710', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
  } finally {
    await admin.end();
  }
  const [{ name }] = await owner.query<{ name: string }>('SELECT current_database() AS name');
  const ownerUrl = new URL(process.env.TEST_DATABASE_URL!);
  ownerUrl.pathname = `/${name}`;
  const appUrl = new URL(ownerUrl);
  appUrl.username = testAppRole;
  appUrl.password = '';
  const database = await openPostgres(appUrl.toString(), 2, ownerUrl.toString());
  await database.migrate();
  const close = database.close;
  database.close = async () => {
    await close();
    await owner.close();
  };
  return database;
}

export const duoFiles = {
  locations: () => readFileSync(`${demoDuoDir()}/alle-schoolvestigingen-basisonderwijs.csv`),
  boards: () => readFileSync(`${demoDuoDir()}/besturen-po.csv`),
};

/** The real DUO directory, imported: 751 boards, 5,996 schools, 6,107 locations. */
export async function importRealDuo(database: Database) {
  return importDuo(database, {
    locations: { name: 'alle-schoolvestigingen-basisonderwijs.csv', bytes: duoFiles.locations() },
    boards: { name: 'besturen-po.csv', bytes: duoFiles.boards() },
  });
}
