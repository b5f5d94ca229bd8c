import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { makePrivateDir } from '../lib/private-dir.ts';
import { pgliteTemplateFile } from '../../scripts/pglite-template.mjs';
import * as schema from './schema/index.ts';
import { createEmbeddedAppRole, embeddedAppRole, grantAppRole } from './app-role.ts';

// Each driver is imported when a database of its kind is opened, not at start: PGlite and its
// drizzle driver only for PGlite, node-postgres, pg-copy-streams and theirs only for PostgreSQL.

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = 'pglite' | 'postgres';

/**
 * A bulk load that takes its CSV in pieces. On PostgreSQL it is one COPY statement on its own
 * connection: the database takes in one piece while this process makes the next, with no round trip
 * between them (a COPY per batch cost a delivery of 250,000 rows two seconds of waiting, decision 014);
 * `end()` commits it and `abort()` leaves nothing. On PGlite, which runs in this process and so cannot
 * work alongside it, each piece is a COPY of its own: `abort()` there leaves the pieces already written.
 */
export interface CopySink {
  write(csv: Buffer): Promise<void>;
  end(): Promise<void>;
  abort(): Promise<void>;
}

/** What pg-boss needs from a connection: one function that runs SQL. */
/** A Drizzle transaction holds the driver's client on its session; the COPY and raw paths need that client. */
type SessionOf<C> = { session: { client: C } };

export type SqlExecutor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** one parameterised statement */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** a script of several statements, no parameters */
  exec(text: string): Promise<void>;
  /** bulk load CSV text with COPY; pass a transaction to load inside it (temporary staging tables) */
  /** `csv`: COPY's CSV text, or its UTF-8 bytes (see CsvBytes) */
  copyCsv(table: string, columns: string[], csv: string | Buffer, tx?: Db): Promise<void>;
  /** a COPY fed piece by piece while the caller makes the next piece (see CopySink) */
  openCopy(table: string, columns: string[]): Promise<CopySink>;
  /** for pg-boss: on PGlite it shares this connection, on PostgreSQL pg-boss opens its own pool */
  jobConnection(): { db: SqlExecutor } | { connectionString: string };
  /**
   * Applies the migrations in `folder` (the project's own unless given) that have not run yet, as the
   * schema's owner; on PostgreSQL with a migration URL, the owner then grants the app's role its rights.
   */
  migrate(folder?: string): Promise<void>;
  /**
   * From here on, work as the app's restricted role (see app-role.ts): on PGlite the connection switches
   * to it; on PostgreSQL the app's URL already is that role when a migration URL is given.
   */
  enterAppRole(): Promise<void>;
  /**
   * Brings the planner's statistics of these tables up to date after a bulk change. PGlite runs no
   * autovacuum, so without this its tables keep the statistics of their first ANALYZE, or none, and
   * a query over a quarter of a million new rows is planned as if there were a few (decision 017).
   * On PostgreSQL autovacuum does this; there it does nothing.
   */
  refreshStatistics(tables: string[]): Promise<void>;
  /** whether the app's connection works as a role that owns nothing, so cannot alter the audit trail */
  readonly restricted: boolean;
  /**
   * True when this opening made the database: an embedded database in an empty data directory, or one
   * whose first set-up never finished (see `finishSetUp`). Always false for PostgreSQL.
   */
  fresh: boolean;
  /**
   * Declares a fresh database set up (migrated, and for `serve` filled with demo data). Until then a
   * marker stays in the data directory, and the next opening throws the half-made database away and
   * starts over, so a failed or killed first start never leaves an empty database behind.
   */
  finishSetUp(): void;
  close(): Promise<void>;
}

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The empty cluster the build made (scripts/pglite-template.mjs); without it PGlite runs initdb itself. */
function readPgliteTemplate(): Blob | undefined {
  const file = pgliteTemplateFile(projectRoot);
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

export class DataDirLockedError extends Error {
  constructor(readonly pid: number) {
    super(
      `De database in deze datamap is in gebruik door proces ${pid}; stop dat eerst. / ` +
        `The database in this data directory is in use by process ${pid}; stop it first.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Present from a fresh embedded database's creation until its first set-up has finished. */
const unfinishedSetUpMarker = 'pglite.unfinished';

/**
 * Under the lock: an unfinished first set-up is thrown away, and a database that does not exist yet is
 * marked unfinished before PGlite writes its first file. Returns whether the database is fresh.
 */
function prepareFreshSetUp(dataDir: string, pgliteDir: string): boolean {
  const marker = join(dataDir, unfinishedSetUpMarker);
  if (existsSync(marker)) rmSync(pgliteDir, { recursive: true, force: true });
  const fresh = !existsSync(pgliteDir) || readdirSync(pgliteDir).length === 0;
  if (fresh) writeFileSync(marker, `${new Date().toISOString()}\n`);
  return fresh;
}

/** PGlite is one process's database: a lock file keeps a second process (a CLI beside a server) out. */
function takeLock(dir: string): () => void {
  const file = join(dir, 'pglite.lock');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(pid);
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

export async function openPglite(dataDir: string | null): Promise<Database> {
  let release = () => {};
  let pgliteDir: string | undefined;
  let fresh = true;
  if (dataDir) {
    makePrivateDir(dataDir);
    release = takeLock(dataDir);
    pgliteDir = join(dataDir, 'pglite');
    try {
      fresh = prepareFreshSetUp(dataDir, pgliteDir);
    } catch (error) {
      release();
      throw error;
    }
  }
  let client: PGlite;
  let drizzlePglite: typeof import('drizzle-orm/pglite').drizzle;
  let migratePglite: typeof import('drizzle-orm/pglite/migrator').migrate;
  try {
    const [{ PGlite }, { pg_trgm }, driver, migrator] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
    drizzlePglite = driver.drizzle;
    migratePglite = migrator.migrate;
    // 32 MB of shared buffers instead of PGlite's 128 MB: setting up the larger pool was a third of
    // opening an existing data directory (850 -> 500 ms), and an embedded register is small (decision 013)
    const startParams = [...((PGlite as unknown as { defaultStartParams?: string[] }).defaultStartParams ?? []), '-c', 'shared_buffers=32MB'];
    const template = fresh ? readPgliteTemplate() : undefined;
    client = await PGlite.create({ dataDir: pgliteDir, extensions: { pg_trgm }, startParams, loadDataDir: template });
    // A new 16 MB WAL segment is zero-filled by default, 8 KB a write. PGlite's file system grows a
    // file by copying it whole, so that cost a bulk load more than its own rows (decision 013).
    await client.exec('SET wal_init_zero = off');
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let restricted = false;
  const copyCsv: Database['copyCsv'] = async (table, columns, csv, tx) => {
    // inside drizzle's transaction the PGlite transaction object is the session's client
    const target = tx ? (tx as unknown as SessionOf<Pick<PGlite, 'query'>>).session.client : client;
    await target.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
      blob: new Blob([csv as BlobPart]),
    });
  };
  return {
    kind: 'pglite',
    db,
    async query(text, params = []) {
      return (await client.query(text, params)).rows as never[]; // the caller names the row type: query<T>
    },
    async exec(text) {
      await client.exec(text);
    },
    copyCsv,
    async openCopy(table, columns) {
      return { write: (csv) => copyCsv(table, columns, csv), end: async () => {}, abort: async () => {} };
    },
    jobConnection: () => ({
      db: {
        async executeSql(text, values) {
          // pg-boss sends its schema scripts as several statements without parameters
          if (!values || values.length === 0) {
            const results = await client.exec(text);
            return results[results.length - 1] ?? { rows: [] };
          }
          return client.query(text, values);
        },
      },
    }),
    migrate: (folder = migrationsFolder) => migratePglite(db as unknown as Parameters<typeof migratePglite>[0], { migrationsFolder: folder }),
    async refreshStatistics(tables) {
      for (const table of tables) {
        // one table a statement (some tens of ms each), with requests let in between
        await new Promise((resolve) => setImmediate(resolve));
        await client.exec(`ANALYZE ${table}`);
      }
    },
    async enterAppRole() {
      if (restricted) return;
      // COPY FROM '/dev/blob' (bulk loads) is reading a "server file" to PostgreSQL: the one thing beyond rows it needs
      await client.exec(`${createEmbeddedAppRole}GRANT pg_read_server_files TO ${embeddedAppRole};`);
      await grantAppRole(
        { exec: async (script) => void (await client.exec(script)), rows: async (text) => (await client.query(text)).rows as never[] },
        embeddedAppRole,
      );
      // PGlite has no autovacuum: the app keeps the statistics itself (refreshStatistics), which takes MAINTAIN
      await client.exec(`GRANT MAINTAIN ON ALL TABLES IN SCHEMA public TO ${embeddedAppRole}`);
      await client.exec(`SET ROLE ${embeddedAppRole}`);
      restricted = true;
    },
    get restricted() {
      return restricted;
    },
    fresh,
    finishSetUp() {
      if (dataDir) rmSync(join(dataDir, unfinishedSetUpMarker), { force: true });
    },
    async close() {
      await client.close();
      release();
    },
  };
}

/**
 * `poolSize`: see DATABASE_POOL_SIZE; on a 2-core server five connections served the public search best (decision 009).
 * `migrationUrl`: the schema's owner, who migrates and grants the role of `connectionString` what the app needs.
 */
export async function openPostgres(connectionString: string, poolSize = 5, migrationUrl?: string): Promise<Database> {
  const [{ default: pgDriver }, { from: copyFrom }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import('pg'),
    import('pg-copy-streams'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  // temp_buffers: a delivery's apply works through temporary tables of a whole file; the default 8 MB
  // wrote them out to disk and read them back on every pass (decision 013). Only set before a session's first temporary table.
  const pool = new pgDriver.Pool({ connectionString, max: poolSize, options: '-c temp_buffers=128MB' });
  // an unreachable database should fail here, with its own message, not on the first request
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  let restricted = false;
  return {
    kind: 'postgres',
    db,
    async query(text, params = []) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    async exec(text) {
      await pool.query(text);
    },
    async copyCsv(table, columns, csv, tx) {
      const copy = async (conn: pg.PoolClient) => {
        const stream = conn.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
        await pipeline(Readable.from([csv]), stream);
      };
      // inside drizzle's transaction the pool client that holds it is the session's client
      if (tx) return copy((tx as unknown as SessionOf<pg.PoolClient>).session.client);
      const conn = await pool.connect();
      try {
        await copy(conn);
      } finally {
        conn.release();
      }
    },
    async openCopy(table, columns) {
      const conn = await pool.connect();
      const stream = conn.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
      const finished = new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve);
        stream.on('error', reject);
      });
      let failure: unknown;
      finished.catch((error) => (failure = error));
      let released = false;
      const release = (broken: boolean) => {
        if (!released) conn.release(broken);
        released = true;
      };
      return {
        async write(csv) {
          if (failure) throw failure;
          if (!stream.write(csv)) await Promise.race([once(stream, 'drain'), finished]);
          if (failure) throw failure;
        },
        async end() {
          stream.end();
          try {
            await finished;
            release(false);
          } catch (error) {
            release(true);
            throw error;
          }
        },
        async abort() {
          if (released) return;
          // destroy sends CopyFail: the server rolls the statement back; the connection is not reused
          stream.destroy(new Error('COPY afgebroken'));
          await finished.catch(() => {});
          release(true);
        },
      };
    },
    jobConnection: () => ({ connectionString }),
    async migrate(folder = migrationsFolder) {
      if (!migrationUrl) return migratePg(db as unknown as Parameters<typeof migratePg>[0], { migrationsFolder: folder });
      const owner = new pgDriver.Pool({ connectionString: migrationUrl, max: 1 });
      try {
        await migratePg(drizzlePg(owner, { schema }) as unknown as Parameters<typeof migratePg>[0], { migrationsFolder: folder });
        const [{ app }] = (await pool.query('SELECT current_user AS app')).rows;
        const [{ me }] = (await owner.query('SELECT current_user AS me')).rows;
        if (app !== me) {
          await grantAppRole({ exec: async (script) => void (await owner.query(script)), rows: async (text) => (await owner.query(text)).rows }, app);
          restricted = true;
        }
      } finally {
        await owner.end();
      }
    },
    async refreshStatistics() {},
    async enterAppRole() {},
    get restricted() {
      return restricted;
    },
    fresh: false,
    finishSetUp() {},
    close: () => pool.end(),
  };
}

export function openDatabase(options: { databaseUrl?: string; databaseMigrationUrl?: string; databasePoolSize?: number; dataDir: string }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.databasePoolSize, options.databaseMigrationUrl) : openPglite(options.dataDir);
}
