import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardStaffActor, bytesOf, deliveringBoard, deliveryCsv, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { createTestDatabase, importRealDuo } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import type { ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { applyDelivery, cancelDelivery, getDelivery, submitDelivery, validateDelivery } from './deliveries.service.ts';

// Issue 17: 18 deliveries stayed in-behandeling for ever after failed checks, and could not be cancelled (409).
// Every delivery here is checked by a "job" the test runs (inlineBytes 0), as large files are.

let database: Database;
let deps: ReturnType<typeof deliveryDeps>;
let hr: ActorContext;
let board: { id: string; number: string };
let school: { brin: string; location: string };

const row = (n: number): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `F${n}`,
  voorletters: 'C.',
  achternaam: `Claes${n}`,
  geboortedatum: '1981-03-03',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2018-08-01',
});
const submit = (rows: DeliveryRow[]) =>
  submitDelivery(deps, hr, {
    boardId: board.id,
    mode: 'mutaties',
    fileName: 'p.csv',
    channel: 'upload',
    body: bytesOf(deliveryCsv(rows.map((r) => ({ ...r, mutatie: 'NIEUW' })))),
    applyWhenValid: false,
  });
const sealedPath = (id: string) => join(deps.dataDir, 'deliveries', `${id}.sealed`);
const employments = async () => Number((await database.query<{ n: string }>(`SELECT count(*) AS n FROM employments WHERE board_id = $1`, [board.id]))[0].n);

async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importRealDuo(database);
  ({ board, school } = await deliveringBoard(database));
  deps = deliveryDeps(database, { inlineBytes: 0 });
  hr = { actor: await boardStaffActor(database, board.id, 'hr@eindtoestand.nl') };
});
afterAll(async () => database?.close());

describe('a delivery always reaches a truthful final state (issue 17)', () => {
  it('a check that fails for a reason of ours ends afgewezen with a reason the board can read, not in-behandeling', async () => {
    const delivery = await submit([row(1), row(2)]);
    expect(delivery).toMatchObject({ status: 'in-behandeling', phase: 'controleren' });
    const sealed = readFileSync(sealedPath(delivery.id));
    sealed[sealed.length - 20] ^= 0x20; // the file on disk damaged: its tag fails at the end
    writeFileSync(sealedPath(delivery.id), sealed);
    await expect(validateDelivery(deps, delivery.id)).rejects.toThrow();
    expect(await getDelivery(deps, hr, delivery.id)).toMatchObject({
      status: 'afgewezen',
      phase: null,
      rejection:
        'De controle van dit bestand is mislukt door een fout aan onze kant. Er is niets gewijzigd; lever het bestand opnieuw aan, en neem contact op met het register als dit blijft gebeuren.',
    });
    expect(existsSync(sealedPath(delivery.id))).toBe(false);
  });

  it('can be cancelled while its check waits; the check then changes nothing', async () => {
    const delivery = await submit([row(3)]);
    expect((await cancelDelivery(deps, hr, delivery.id)).status).toBe('geannuleerd');
    expect(existsSync(sealedPath(delivery.id))).toBe(false);
    await validateDelivery(deps, delivery.id);
    expect(await getDelivery(deps, hr, delivery.id)).toMatchObject({ status: 'geannuleerd', rowCount: 0 });
  });

  it('an apply that was interrupted (in-behandeling, verwerken) can be cancelled, and is then never applied', async () => {
    const delivery = await submit([row(4)]);
    await validateDelivery(deps, delivery.id);
    await database.query(`UPDATE deliveries SET status = 'in-behandeling', phase = 'verwerken' WHERE id = $1`, [delivery.id]); // as kill -9 left it
    const before = await employments();
    expect((await cancelDelivery(deps, hr, delivery.id)).status).toBe('geannuleerd');
    const refused = await rejectionOf(applyDelivery(deps, hr, delivery.id, { confirmed: false }));
    expect(refused.code).toBe('conflict');
    expect(await employments()).toBe(before);
    expect((await getDelivery(deps, hr, delivery.id)).status).toBe('geannuleerd');
  });

  it('an applied delivery cannot be cancelled any more: a conflict that says why', async () => {
    const delivery = await submit([row(5)]);
    await validateDelivery(deps, delivery.id);
    await applyDelivery(deps, hr, delivery.id, { confirmed: false });
    const refused = await rejectionOf(cancelDelivery(deps, hr, delivery.id));
    expect(refused).toMatchObject({ code: 'conflict', detail: message('deliveries.error.appliedCannotCancel') });
  });
});
