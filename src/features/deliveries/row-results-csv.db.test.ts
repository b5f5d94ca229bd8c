import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardStaffActor, bytesOf, deliveryCsv, deliveryDeps, deliveringBoard, textOf, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { createTestDatabase, importRealDuo } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import type { ActorContext } from '../../platform/audit/audit.ts';
import { runDeliveryTask } from './deliveries.jobs.ts';
import { cancelDelivery, openRowResultsCsv, submitDelivery, type DeliveryDeps } from './deliveries.service.ts';
import { rowResultsCsv } from './row-results-csv.ts';

let database: Database;
let hr: ActorContext;
let board: { id: string; number: string };
let school: { brin: string; location: string };

const row = (n: number, changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `T${n}`,
  voorletters: 'T.',
  achternaam: `Terug${n}`,
  geboortedatum: '1985-03-03',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2021-08-01',
  ...changes,
});

/** Six rows (lines 2 to 7 of the file); line 3 has two errors, line 5 one. */
const rows = () => [row(1), row(2, { werktijdfactor: '2', functie: 'JUF' }), row(3), row(4, { werktijdfactor: '2' }), row(5), row(6)];

const deliver = (deps: DeliveryDeps, options: { inlineBytes?: number } = {}) =>
  submitDelivery({ ...deps, ...options }, hr, {
    boardId: board.id,
    mode: 'volledig',
    fileName: 'terug.csv',
    channel: 'upload',
    body: bytesOf(deliveryCsv(rows())),
    applyWhenValid: false,
  });

async function csvOf(deps: DeliveryDeps, id: string): Promise<string | 'not ready'> {
  const csv = await openRowResultsCsv(deps, hr, id);
  return csv.ready ? textOf(csv.body) : 'not ready';
}

const fileOf = (deps: DeliveryDeps, id: string) => join(deps.dataDir, 'terugmeldingen', `${id}.csv`);
const rowNumbersOf = (csv: string) =>
  csv
    .split('\r\n')
    .slice(1, -1)
    .map((line) => Number(line.split(';')[0]));

beforeAll(async () => {
  database = await createTestDatabase();
  await importRealDuo(database);
  ({ board, school } = await deliveringBoard(database));
  hr = { actor: await boardStaffActor(database, board.id, 'hr@terug.nl') };
});
afterAll(async () => database?.close());

describe('reading the terugmelding page by page', () => {
  it('gives every row once, in order, whatever the page size', async () => {
    const delivery = await deliver(deliveryDeps(database));
    const whole = await textOf(rowResultsCsv(database.db, delivery.id, 1000));
    expect(whole).toBe(
      `\uFEFF${[
        'rij;resultaat;kolom;melding',
        '2;geaccepteerd;;',
        '3;fout;functie;"""JUF"" is geen functie uit de lijst: LERAAR, SCHOOLLEIDER, ADJUNCT_DIRECTEUR, INTERN_BEGELEIDER, LERAARONDERSTEUNER, OVERIG."',
        '3;fout;werktijdfactor;Werktijdfactor 2 ligt niet tussen 0,0001 en 1,5.',
        '4;geaccepteerd;;',
        '5;fout;werktijdfactor;Werktijdfactor 2 ligt niet tussen 0,0001 en 1,5.',
        '6;geaccepteerd;;',
        '7;geaccepteerd;;',
      ].join('\r\n')}\r\n`,
    );
    // page boundaries inside the rows, on the last row, and on a row with two lines
    for (const pageRows of [1, 2, 3, 6]) expect(await textOf(rowResultsCsv(database.db, delivery.id, pageRows))).toBe(whole);
  });

  it('lets other work in between its pages', async () => {
    const delivery = await deliver(deliveryDeps(database));
    let done = false;
    let turns = 0;
    const other = () => {
      turns++;
      if (!done) setImmediate(other);
    };
    setImmediate(other);
    await textOf(rowResultsCsv(database.db, delivery.id, 1));
    done = true;
    // seven pages: the other work had its turn between them, not only after the last
    expect(turns).toBeGreaterThanOrEqual(6);
  });
});

describe('the terugmelding file', () => {
  it('is made by a job after the check; the CSV is the same before and after, and then comes from the file', async () => {
    const deps = deliveryDeps(database);
    const delivery = await deliver(deps);
    expect(deps.tasks).toContainEqual({ kind: 'terugmelding', deliveryId: delivery.id });
    const before = await csvOf(deps, delivery.id);
    expect(rowNumbersOf(before as string)).toEqual([2, 3, 3, 4, 5, 6, 7]);
    expect(existsSync(fileOf(deps, delivery.id))).toBe(false);

    await runDeliveryTask(deps, { kind: 'terugmelding', deliveryId: delivery.id });
    const folder = join(deps.dataDir, 'terugmeldingen');
    expect(readdirSync(folder)).toEqual([`${delivery.id}.csv`]);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(fileOf(deps, delivery.id)).mode & 0o777).toBe(0o600);
    expect(await csvOf(deps, delivery.id)).toBe(before);

    // read once: what is served now is the file, not the rows
    await database.query(`DELETE FROM delivery_rows WHERE delivery_id = $1`, [delivery.id]);
    expect(await csvOf(deps, delivery.id)).toBe(before);
  });

  it('of a large delivery is not read in the request: the job is asked again, and its file served once made', async () => {
    const deps = deliveryDeps(database, { inlineRowResultsRows: 5 });
    const delivery = await deliver(deps);
    const asked = () => deps.tasks.filter((task) => task.kind === 'terugmelding' && task.deliveryId === delivery.id).length;
    expect(asked()).toBe(1);
    expect(await openRowResultsCsv(deps, hr, delivery.id)).toEqual({ ready: false, retryAfterSeconds: 10 });
    expect(asked()).toBe(2);

    await runDeliveryTask(deps, { kind: 'terugmelding', deliveryId: delivery.id });
    await runDeliveryTask(deps, { kind: 'terugmelding', deliveryId: delivery.id });
    const csv = await csvOf(deps, delivery.id);
    expect(csv).toBe(await textOf(rowResultsCsv(database.db, delivery.id)));
    expect(rowNumbersOf(csv)).toEqual([2, 3, 3, 4, 5, 6, 7]);
  });

  it('is not made while the rows are still being checked', async () => {
    const deps = deliveryDeps(database);
    const delivery = await deliver(deps, { inlineBytes: 0 });
    expect(delivery.status).toBe('in-behandeling');
    await runDeliveryTask(deps, { kind: 'terugmelding', deliveryId: delivery.id });
    expect(existsSync(fileOf(deps, delivery.id))).toBe(false);
  });

  it('clears away the half-written parts a killed process left, once they are an hour old', async () => {
    const deps = deliveryDeps(database);
    const delivery = await deliver(deps);
    const folder = join(deps.dataDir, 'terugmeldingen');
    mkdirSync(folder, { recursive: true });
    const abandoned = join(folder, `${delivery.id}.csv.dead0001.part`);
    const recent = join(folder, `${delivery.id}.csv.busy0002.part`);
    writeFileSync(abandoned, 'rij;resultaat');
    writeFileSync(recent, 'rij;resultaat');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(abandoned, twoHoursAgo, twoHoursAgo);
    await runDeliveryTask(deps, { kind: 'terugmelding', deliveryId: delivery.id });
    expect(readdirSync(folder).sort()).toEqual([`${delivery.id}.csv`, `${delivery.id}.csv.busy0002.part`]);
  });

  it('is removed when the delivery is cancelled', async () => {
    const deps = deliveryDeps(database);
    const delivery = await deliver(deps);
    await runDeliveryTask(deps, { kind: 'terugmelding', deliveryId: delivery.id });
    expect(existsSync(fileOf(deps, delivery.id))).toBe(true);
    await cancelDelivery(deps, hr, delivery.id);
    expect(existsSync(fileOf(deps, delivery.id))).toBe(false);
  });
});
