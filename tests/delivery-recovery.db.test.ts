import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryCsv, type DeliveryRow } from './support/deliveries.ts';
import { readRealLocations } from './support/duo-csv.ts';
import { serverProcesses, until, type Processes, type Server } from './support/server-process.ts';
import { testDatabaseKind } from './support/test-database.ts';

/**
 * The real server, killed with SIGKILL in each phase of a delivery's work (checking, applying, sending the
 * invitations) and started again: the work resumes once its lease runs out and the delivery ends in its
 * true final state, with every invitation sent once. On PGlite (a data directory) and on PostgreSQL.
 */
const rowsInFile = 40_000;
let processes: Processes;

let token: string;
const api = (server: Server, path: string, init: RequestInit = {}) =>
  fetch(`${server.base}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
const deliveryOf = async (server: Server, id: string) =>
  (await (await api(server, `/aanleveringen/${id}`)).json()) as { status: string; fase: string | null; voortgang: number; aantalRijen?: number };

beforeAll(async () => {
  const env = { NODE_ENV: 'test', LOG_LEVEL: 'warn', DELIVERY_LEASE_SECONDS: '3', DATA_DIR: join(mkdtempSync(join(tmpdir(), 'br-recovery-')), 'data') };
  processes = await serverProcesses(env, testDatabaseKind() === 'postgres' ? process.env.TEST_DATABASE_URL : undefined);
  token = await processes.boardWithToken('32073');
}, 180_000);

afterAll(async () => processes?.cleanUp());

const startServer = () => processes.startServer();
const withDb: Processes['withDb'] = (read) => processes.withDb(read);

function fileOfRows(): Buffer {
  const duo = readRealLocations();
  const location = duo.lines.find((l) => l.fields[duo.col.board].trim() === '32073')!;
  const rows: DeliveryRow[] = Array.from({ length: rowsInFile }, (_, i) => ({
    bevoegd_gezag_nummer: '32073',
    personeelsnummer: `K${i}`,
    voorletters: 'K.',
    achternaam: `Kill${i}`,
    geboortedatum: '1980-05-05',
    instellingscode: location.fields[duo.col.brin].trim(),
    vestigingscode: location.fields[duo.col.code].trim(),
    functie: 'LERAAR',
    benoemingsgrondslag: 'BEVOEGD',
    begindatum: '2020-08-01',
    email: `kill${i}@school.nl`,
  }));
  return deliveryCsv(rows.map((r) => ({ ...r, mutatie: 'NIEUW' })));
}

describe('a delivery whose server is killed (SIGKILL) in each phase of its work', { timeout: 300_000 }, () => {
  let id: string;

  it('killed while checking: the next server checks it again and it ends gecontroleerd', async () => {
    let server = await startServer();
    const submitted = await api(server, '/aanleveringen?modus=mutaties', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: new Uint8Array(fileOfRows()),
    });
    expect(submitted.status).toBe(201);
    id = ((await submitted.json()) as { id: string }).id;
    // kill as soon as the check is under way: on a quiet machine it checks the 40,000 rows in about a second
    await until('the check under way', async () => ((await deliveryOf(server, id)).fase === 'controleren' ? true : undefined));
    await server.stop('SIGKILL');
    // killed halfway indeed: the check had not finished
    expect(await withDb(async (database) => (await database.query<{ status: string }>(`SELECT status FROM deliveries WHERE id = $1`, [id]))[0].status)).toBe(
      'in-behandeling',
    );
    server = await startServer();
    const checked = await until('the check resumed and finished', async () => {
      const d = await deliveryOf(server, id);
      return d.status !== 'in-behandeling' ? d : undefined;
    });
    expect(checked).toMatchObject({ status: 'gecontroleerd', fase: null });
    await server.stop('SIGTERM');
  });

  it('killed while applying: the next server carries on from what was committed, and it ends verwerkt', async () => {
    let server = await startServer();
    const apply = await api(server, `/aanleveringen/${id}/verwerking`, { method: 'POST' });
    expect(apply.status).toBeLessThan(300);
    await until('the apply under way', async () => ((await deliveryOf(server, id)).fase === 'verwerken' ? true : undefined));
    if (testDatabaseKind() === 'pglite') {
      // the job may start a moment after the delivery is marked: kill once its first parts are committed (the
      // progress moves with each part), which the server reports while it works (decision 017)
      await until('parts of the apply committed', async () => ((await deliveryOf(server, id)).voortgang >= 10 ? true : undefined));
    } else {
      await new Promise((r) => setTimeout(r, 1000));
    }
    await server.stop('SIGKILL');
    // killed halfway indeed, and nothing of the apply written but whole parts: on PostgreSQL the apply is one
    // transaction, so nothing at all; on PGlite the parts committed before the kill, one person a row (rows from 2)
    const halfway = await withDb(
      async (database) =>
        (
          await database.query<{ status: string; n: string; through: number | null }>(
            `SELECT status, applied_through_row AS through, (SELECT count(*) FROM persons WHERE surname LIKE 'Kill%') AS n FROM deliveries WHERE id = $1`,
            [id],
          )
        )[0],
    );
    expect(halfway.status).toBe('in-behandeling');
    if (testDatabaseKind() === 'postgres') expect({ persons: Number(halfway.n), through: halfway.through }).toEqual({ persons: 0, through: null });
    else {
      expect(halfway.through, 'some parts committed before the kill').not.toBeNull();
      expect(Number(halfway.n)).toBe(halfway.through! - 1);
    }
    server = await startServer();
    // the log, not the API, says when: on PGlite a request waits while the invitations go out in batches
    await until(
      'the apply resumed and finished, and the first invitations sent',
      async () => (/\d+ uitnodigingen verstuurd/.test(server.output()) ? true : undefined),
      240,
    );
    // and killed again at once, while it sends the invitations
    await server.stop('SIGKILL');
    const applied = await withDb(
      async (database) => (await database.query<{ status: string; phase: string | null }>(`SELECT status, phase FROM deliveries WHERE id = $1`, [id]))[0],
    );
    expect(applied).toEqual({ status: 'verwerkt', phase: null });
  });

  it('killed while sending the invitations: the next server sends the rest, each person one mail', async () => {
    const counts = () =>
      withDb(async (database) => {
        const [row] = await database.query<{ employments: string; unsent: string; mails: string; invitations: string }>(
          `SELECT (SELECT count(*) FROM employments e JOIN persons p ON p.id = e.person_id WHERE p.surname LIKE 'Kill%') AS employments,
                  (SELECT count(*) FROM person_invitations WHERE delivery_id = $1 AND mail_id IS NULL) AS unsent,
                  (SELECT count(*) FROM person_invitations WHERE delivery_id = $1) AS invitations,
                  (SELECT count(*) FROM mail_outbox WHERE to_address LIKE 'kill%@school.nl') AS mails`,
          [id],
        );
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
