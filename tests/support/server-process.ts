import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { realBoardsPath, realLocationsPath } from './duo-csv.ts';
import { freePort } from './ports.ts';
import { createScratchDatabase } from './scratch-database.ts';

/**
 * The real command line (`bin/beroepsregister.js`) in child processes, as an operator runs it: a server
 * on a port of its own, CLI commands beside it, and the database read between runs. For tests and
 * benchmarks that need the product in another process than the one that measures it.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'beroepsregister.js');

export type Command = { child: ChildProcess; output: () => string; exited: Promise<number | null> };
export type Server = { base: string; output: () => string; exited: () => boolean; stop: (signal: NodeJS.Signals) => Promise<void> };

export type Processes = {
  env: Record<string, string>;
  command(args: string[], extra?: Record<string, string>): Command;
  startServer(extra?: Record<string, string>): Promise<Server>;
  /** the database as a test reads it between runs of the server (PGlite is one process's at a time) */
  withDb<T>(read: (database: Database) => Promise<T>): Promise<T>;
  /** the directory imported from DUO's files, and an API token (its last output line) for one board */
  boardWithToken(boardNumber: string, scope?: string): Promise<string>;
  /** kills what still runs and drops a PostgreSQL database made for these processes */
  cleanUp(): Promise<void>;
};

/**
 * `env` holds DATA_DIR and the like; with `postgresAdminUrl` the processes get a new database of their
 * own on that server (DATABASE_URL), dropped by `cleanUp`.
 */
export async function serverProcesses(env: Record<string, string>, postgresAdminUrl?: string): Promise<Processes> {
  const running: ChildProcess[] = [];
  let dropDatabase = async () => {};
  if (postgresAdminUrl) {
    // a killed server's connections never close: dropping forces them
    const scratch = await createScratchDatabase(postgresAdminUrl, 'br_process', { force: true });
    env = { ...env, DATABASE_URL: scratch.url };
    dropDatabase = scratch.drop;
  }

  const command = (args: string[], extra: Record<string, string> = {}): Command => {
    const inherited = Object.fromEntries(['PATH', 'HOME', 'TMPDIR', 'LANG'].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...inherited, ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
    running.push(child);
    let out = '';
    child.stdout!.on('data', (c) => (out += c));
    child.stderr!.on('data', (c) => (out += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, output: () => out, exited };
  };

  return {
    env,
    command,
    async startServer(extra = {}) {
      const port = await freePort();
      const run = command(['serve'], { PORT: String(port), HOST: '127.0.0.1', ...extra });
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i++) {
        if (run.child.exitCode !== null) throw new Error(`the server stopped: ${run.output()}`);
        if (
          await fetch(`${base}/health`).then(
            (r) => r.ok,
            () => false,
          )
        )
          break;
        if (i > 600) throw new Error('the server did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
      return {
        base,
        output: run.output,
        exited: () => run.child.exitCode !== null || run.child.signalCode !== null,
        stop: async (signal) => {
          run.child.kill(signal);
          await run.exited;
        },
      };
    },
    async boardWithToken(boardNumber, scope = 'aanleveren') {
      const imported = command(['import-duo', realLocationsPath(), '--besturen', realBoardsPath()]);
      if ((await imported.exited) !== 0) throw new Error(`import-duo failed: ${imported.output()}`);
      const created = command(['token', 'create', '--bestuur', boardNumber, '--scope', scope]);
      if ((await created.exited) !== 0) throw new Error(`token create failed: ${created.output()}`);
      return created.output().trim().split('\n').pop()!;
    },
    async withDb(read) {
      const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
      try {
        return await read(database);
      } finally {
        await database.close();
      }
    },
    async cleanUp() {
      for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
      await dropDatabase();
    },
  };
}

/** Asks `probe` every 50 ms until it gives a value; fails after `seconds` with what `last` says. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 120, last: () => unknown = () => ''): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last())}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
