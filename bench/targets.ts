import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres, type Database } from '../src/db/database.ts';
import { createScratchDatabase } from '../tests/support/scratch-database.ts';

/** A fresh, migrated database to measure on: in-memory PGlite, or a database of its own on a PostgreSQL server, dropped on close. */
export type Target = { label: string; inProcess: boolean; open: () => Promise<Database> };

/** PGlite in memory, or (`onDisk`) in a data directory of its own as the product runs it, removed on close. */
export function pgliteTarget(options: { onDisk?: boolean } = {}): Target {
  return {
    label: options.onDisk ? 'PGlite (datamap op schijf)' : 'PGlite (in memory)',
    inProcess: true,
    async open() {
      const dir = options.onDisk ? mkdtempSync(join(tmpdir(), 'br-bench-pglite-')) : null;
      const database = await openPglite(dir);
      await database.migrate();
      if (dir) {
        const close = database.close;
        database.close = async () => {
          await close();
          rmSync(dir, { recursive: true, force: true });
        };
      }
      return database;
    },
  };
}

export function postgresTarget(adminUrl: string): Target {
  const safe = new URL(adminUrl);
  safe.password = safe.password ? '***' : '';
  return {
    label: `PostgreSQL (${safe.host})`,
    inProcess: false,
    async open() {
      const scratch = await createScratchDatabase(adminUrl, `br_bench_${process.pid}`, { force: true });
      let database: Database;
      try {
        database = await openPostgres(scratch.url);
        await database.migrate();
      } catch (error) {
        await scratch.drop();
        throw error;
      }
      const close = database.close;
      database.close = async () => {
        await close();
        await scratch.drop();
      };
      const version = await database.query<{ server_version: string }>('SHOW server_version');
      this.label = `PostgreSQL ${version[0].server_version.split(' ')[0]} (${safe.host})`;
      return database;
    },
  };
}
