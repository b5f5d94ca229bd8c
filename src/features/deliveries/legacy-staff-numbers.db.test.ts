import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardStaffActor, bytesOf, deliveringBoard, deliveryCsv, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { createTestDatabase, importRealDuo } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import type { ActorContext } from '../../platform/audit/audit.ts';
import { applyDelivery, submitDelivery } from './deliveries.service.ts';
import { hideLegacyBsnLikeStaffNumbers } from './legacy-staff-numbers.ts';

/**
 * Versions before format v1.1 stored a personeelsnummer that is a valid BSN in clear. The first start
 * of this version hides those the way v1.1 stores them, so no BSN stays readable and the board's next
 * delivery still finds the same employments, instead of ending them and starting new ones.
 */
const bsnLikeNumber = '111222333'; // passes the elfproef
const plainNumber = '123456789'; // nine digits that do not
let database: Database;
let deps: ReturnType<typeof deliveryDeps>;
let hr: ActorContext;
let board: { id: string; number: string };
let school: { brin: string; location: string };

const rowFor = (staffNumber: string, surname: string): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: staffNumber,
  voorletters: 'A.',
  achternaam: surname,
  geboortedatum: '1980-02-02',
  email: `${surname.toLowerCase()}@school.nl`,
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2020-08-01',
  werktijdfactor: '1,0',
});

async function deliverFull(rows: DeliveryRow[]) {
  const submitted = await submitDelivery(deps, hr, {
    boardId: board.id,
    mode: 'volledig',
    fileName: 'p.csv',
    channel: 'upload',
    body: bytesOf(deliveryCsv(rows)),
    applyWhenValid: false,
  });
  expect(submitted.errorRows).toBe(0);
  return applyDelivery(deps, hr, submitted.id, { confirmed: true });
}

/** Where the number is stored in clear, by table. */
async function storedInClear(number: string) {
  const [row] = await database.query<Record<string, number>>(
    `SELECT
    (SELECT count(*)::int FROM staff_numbers WHERE staff_number = $1) AS staff_numbers,
    (SELECT count(*)::int FROM employments WHERE staff_number = $1 OR employment_key LIKE $1 || '|%') AS employments,
    (SELECT count(*)::int FROM delivery_rows WHERE staff_number = $1 OR employment_key LIKE $1 || '|%') AS delivery_rows`,
    [number],
  );
  return row;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importRealDuo(database);
  ({ board, school } = await deliveringBoard(database));
  deps = deliveryDeps(database);
  hr = { actor: await boardStaffActor(database, board.id, 'hr@legacy.nl') };
  // what an earlier version left: a delivery applied with both numbers stored as they came
  await deliverFull([rowFor('L1', 'Oud'), rowFor(plainNumber, 'Gewoon')]);
  for (const table of ['staff_numbers', 'employments', 'delivery_rows']) {
    await database.query(`UPDATE ${table} SET staff_number = $1 WHERE staff_number = 'L1'`, [bsnLikeNumber]);
  }
  for (const table of ['employments', 'delivery_rows']) {
    await database.query(`UPDATE ${table} SET employment_key = $1 || substr(employment_key, 3) WHERE employment_key LIKE 'L1|%'`, [bsnLikeNumber]);
  }
});
afterAll(async () => database?.close());

describe('personeelsnummers that look like a BSN, stored in clear by an earlier version', () => {
  it('are hidden at the first start, and only those: a number that fails the elfproef stays as it is', async () => {
    expect(await storedInClear(bsnLikeNumber)).toEqual({ staff_numbers: 1, employments: 1, delivery_rows: 1 });
    const result = await hideLegacyBsnLikeStaffNumbers(database.db, deps.crypto);
    expect(result).toEqual({ personeelsnummers: 1, dienstverbanden: 1, aangeleverdeRijen: 1 });
    expect(await storedInClear(bsnLikeNumber)).toEqual({ staff_numbers: 0, employments: 0, delivery_rows: 0 });
    expect(await storedInClear(plainNumber)).toEqual({ staff_numbers: 1, employments: 1, delivery_rows: 1 });
  });

  it('runs once: a second start changes nothing', async () => {
    expect(await hideLegacyBsnLikeStaffNumbers(database.db, deps.crypto)).toBeNull();
  });

  it('lets the board’s next delivery find the same person and employment, ending and adding nothing', async () => {
    const applied = await deliverFull([rowFor(bsnLikeNumber, 'Oud'), rowFor(plainNumber, 'Gewoon')]);
    expect(applied.summary).toMatchObject({ personenNieuw: 0, dienstverbandenNieuw: 0, dienstverbandenBeeindigd: 0 });
    expect(await storedInClear(bsnLikeNumber)).toEqual({ staff_numbers: 0, employments: 0, delivery_rows: 0 });
    const [{ n }] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM employments WHERE board_id = $1`, [board.id]);
    expect(n).toBe(2);
  });
});
