import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardStaffActor, bytesOf, deliveringBoard, deliveryCsv, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { createTestDatabase, importRealDuo } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import type { ActorContext } from '../../platform/audit/audit.ts';
import { applyDelivery, submitDelivery } from './deliveries.service.ts';

/**
 * A delivery's date is a Dutch day. A full delivery sent at 00:30 on 2 March in the Netherlands
 * (23:30 UTC on 1 March) ends the employments it no longer names on 2 March, not on 1 March.
 */
let database: Database;
let hr: ActorContext;
let board: { id: string; number: string };
let school: { brin: string; location: string };

const rowFor = (n: number): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `D${n}`,
  voorletters: 'A.',
  achternaam: `Datum${n}`,
  geboortedatum: '1980-03-03',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2020-08-01',
});

async function deliverFullAt(instant: string, rows: DeliveryRow[]) {
  const deps = deliveryDeps(database, { now: () => new Date(instant) });
  const submitted = await submitDelivery(deps, hr, {
    boardId: board.id,
    mode: 'volledig',
    fileName: 'p.csv',
    channel: 'upload',
    body: bytesOf(deliveryCsv(rows)),
    applyWhenValid: false,
  });
  return applyDelivery(deps, hr, submitted.id, { confirmed: true });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importRealDuo(database);
  ({ board, school } = await deliveringBoard(database));
  hr = { actor: await boardStaffActor(database, board.id, 'hr@datum.nl') };
});
afterAll(async () => database?.close());

describe('the date of a full delivery sent just after midnight in the Netherlands', () => {
  it('ends the employments it leaves out on that Dutch day', async () => {
    await deliverFullAt('2026-02-20T10:00:00Z', [rowFor(1), rowFor(2)]);
    const applied = await deliverFullAt('2026-03-01T23:30:00Z', [rowFor(1)]);
    expect(applied.summary).toMatchObject({ dienstverbandenBeeindigd: 1 });
    const [ended] = await database.query<{ end_date: string }>(`SELECT end_date::text FROM employments WHERE board_id = $1 AND staff_number = 'D2'`, [
      board.id,
    ]);
    expect(ended.end_date).toBe('2026-03-02');
  });
});
