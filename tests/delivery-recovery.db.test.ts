import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './support/ports.ts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { deliveryCsv, type DeliveryRow } from './support/deliveries.ts';
import { readRealLocations, realBoardsPath, realLocationsPath } from './support/duo-csv.ts';
import { testDatabaseKind } from './support/test-database.ts';

/**
 * The real server, killed with SIGKILL in each phase of a delivery's work (checking, applying, sending the
 * invitations) and started again: the work resumes once its lease runs out and the delivery ends in its
 * true final state, with every invitation sent once. On PGlite (a data directory) and on PostgreSQL.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'beroepsregister.js');
const rowsInFile = 40_000;
const running: ChildProcess[] = [];
let env: Record<string, string>;
let dropDatabase = async () => {};

function command(args: string[], extra: Record<string, string> = {}) {
  const inherited = Object.fromEntries(['PATH', 'HOME', 'TMPDIR', 'LANG'].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...inherited, ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

type Server = { base: string; output: () => string; stop: (signal: NodeJS.Signals) => Promise<void> };

async function startServer(): Promise<Server> {
  const port = await freePort();
  const run = command(['serve'], { PORT: String(port), HOST: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (run.child.exitCode !== null) throw new Error(`the server stopped: ${run.output()}`);
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) break;
    if (i > 600) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, output: run.output, stop: async (signal) => void (run.child.kill(signal), await run.exited) };
}

let token: string;
const api = (server: Server, path: string, init: RequestInit = {}) =>
  fetch(`${server.base}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
const deliveryOf = async (server: Server, id: string) => (await (await api(server, `/aanleveringen/${id}`)).json()) as { status: string; fase: string | null; voortgang: number; aantalRijen?: number };

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 120, last: () => unknown = () => ''): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last())}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The database as the test reads it between runs of the server (PGlite is one process's at a time). */
async function withDb<T>(read: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    return await read(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  env = { NODE_ENV: 'test', LOG_LEVEL: 'warn', DELIVERY_LEASE_SECONDS: '3', DATA_DIR: join(mkdtempSync(join(tmpdir(), 'br-recovery-')), 'data') };
  if (testDatabaseKind() === 'postgres') {
    const name = `br_recovery_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const dropper = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    };
  }
  const imported = command(['import-duo', realLocationsPath(), '--besturen', realBoardsPath()]);
  expect(await imported.exited, imported.output()).toBe(0);
  const created = command(['token', 'create', '--bestuur', '32073', '--scope', 'aanleveren']);
  expect(await created.exited, created.output()).toBe(0);
  token = created.output().trim().split('\n').pop()!;
}, 180_000);

afterAll(async () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  await dropDatabase();
});

function fileOfRows(): Buffer {
  const duo = readRealLocations();
  const location = duo.lines.find((l) => l.fields[duo.col.board].trim() === '32073')!;
  const rows: DeliveryRow[] = Array.from({ length: rowsInFile }, (_, i) => ({
    bevoegd_gezag_nummer: '32073', personeelsnummer: `K${i}`, voorletters: 'K.', achternaam: `Kill${i}`, geboortedatum: '1980-05-05',
    instellingscode: location.fields[duo.col.brin].trim(), vestigingscode: location.fields[duo.col.code].trim(), functie: 'LERAAR',
    benoemingsgrondslag: 'BEVOEGD', begindatum: '2020-08-01', email: `kill${i}@school.nl`,
  }));
  return deliveryCsv(rows.map((r) => ({ ...r, mutatie: 'NIEUW' })));
}

describe('a delivery whose server is killed (SIGKILL) in each phase of its work', { timeout: 300_000 }, () => {
  let id: string;

  it('killed while checking: the next server checks it again and it ends gecontroleerd', async () => {
    let server = await startServer();
    const submitted = await api(server, '/aanleveringen?modus=mutaties', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: new Uint8Array(fileOfRows()) });
    expect(submitted.status).toBe(201);
    id = ((await submitted.json()) as { id: string }).id;
    await until('the check under way', async () => ((await deliveryOf(server, id)).fase === 'controleren' ? true : undefined));
    await new Promise((r) => setTimeout(r, 1000));
    await server.stop('SIGKILL');
    // killed halfway indeed: the check had not finished
    expect(await withDb(async (database) => (await database.query<{ status: string }>(`SELECT status FROM deliveries WHERE id = $1`, [id]))[0].status)).toBe('in-behandeling');
    server = await startServer();
    const checked = await until('the check resumed and finished', async () => {
      const d = await deliveryOf(server, id);
      return d.status !== 'in-behandeling' ? d : undefined;
    });
    expect(checked).toMatchObject({ status: 'gecontroleerd', fase: null });
    await server.stop('SIGTERM');
  });

  it('killed while applying: the next server applies it once, all or nothing, and it ends verwerkt', async () => {
    let server = await startServer();
    const apply = await api(server, `/aanleveringen/${id}/verwerking`, { method: 'POST' });
    expect(apply.status).toBeLessThan(300);
    await until('the apply under way', async () => ((await deliveryOf(server, id)).fase === 'verwerken' ? true : undefined));
    await new Promise((r) => setTimeout(r, 1000));
    await server.stop('SIGKILL');
    // killed halfway indeed, and nothing of the apply was written
    const halfway = await withDb(async (database) => (await database.query<{ status: string; n: string }>(
      `SELECT status, (SELECT count(*) FROM persons WHERE surname LIKE 'Kill%') AS n FROM deliveries WHERE id = $1`, [id]))[0]);
    expect({ status: halfway.status, persons: Number(halfway.n) }).toEqual({ status: 'in-behandeling', persons: 0 });
    server = await startServer();
    // the log, not the API, says when: on PGlite a request waits while the invitations go out in batches
    await until('the apply resumed and finished, and the first invitations sent', async () =>
      (/\d+ uitnodigingen verstuurd/.test(server.output()) ? true : undefined), 240);
    // and killed again at once, while it sends the invitations
    await server.stop('SIGKILL');
    const applied = await withDb(async (database) => (await database.query<{ status: string; phase: string | null }>(
      `SELECT status, phase FROM deliveries WHERE id = $1`, [id]))[0]);
    expect(applied).toEqual({ status: 'verwerkt', phase: null });
  });

  it('killed while sending the invitations: the next server sends the rest, each person one mail', async () => {
    const counts = () =>
      withDb(async (database) => {
        const [row] = await database.query<{ employments: string; unsent: string; mails: string; invitations: string }>(
          `SELECT (SELECT count(*) FROM employments e JOIN persons p ON p.id = e.person_id WHERE p.surname LIKE 'Kill%') AS employments,
                  (SELECT count(*) FROM person_invitations WHERE delivery_id = $1 AND mail_id IS NULL) AS unsent,
                  (SELECT count(*) FROM person_invitations WHERE delivery_id = $1) AS invitations,
                  (SELECT count(*) FROM mail_outbox WHERE to_address LIKE 'kill%@school.nl') AS mails`, [id]);
        return { employments: Number(row.employments), invitations: Number(row.invitations), unsent: Number(row.unsent), mails: Number(row.mails) };
      });
    const afterKill = await counts();
    expect(afterKill.employments).toBe(rowsInFile);
    // killed halfway indeed: invitations were left to send
    expect(afterKill.unsent, JSON.stringify(afterKill)).toBeGreaterThan(0);
    for (let attempt = 0; ; attempt++) {
      const server = await startServer();
      await new Promise((r) => setTimeout(r, 8000)); // past the lease of 3 s, and time to send
      await server.stop('SIGTERM');
      const now = await counts();
      if (now.unsent === 0) {
        expect(now.mails).toBe(rowsInFile);
        break;
      }
      if (attempt >= 10) throw new Error(`invitations still unsent: ${JSON.stringify(now)}`);
    }
  });
});
