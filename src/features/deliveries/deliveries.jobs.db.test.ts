import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardStaffActor, bytesOf, deliveryCsv, deliveryDeps } from '../../../tests/support/deliveries.ts';
import { createTestDatabase, importRealDuo } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import { startJobs, type Jobs } from '../../platform/jobs.ts';
import { getDelivery, requestApply, submitDelivery, type DeliveryDeps } from './deliveries.service.ts';
import { deliveryJob, runDeliveryTask } from './deliveries.jobs.ts';

let database: Database;
let jobs: Jobs;
let deps: DeliveryDeps;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importRealDuo(database);
  // everything by the queue: no file is small enough to be checked or applied inline
  deps = deliveryDeps(database, { inlineBytes: 0, inlineRows: 0, schedule: async (task) => void (await jobs.send(deliveryJob(deps), task)) });
  jobs = await startJobs(database, [deliveryJob(deps)], () => {});
});

afterAll(async () => {
  await jobs?.stop();
  await database?.close();
});

describe('deliveries through the job queue (pg-boss)', () => {
  it('checks, applies and sends the invitations of a delivery by jobs, as the server does', async () => {
    const [board] = await database.query<{ id: string; number: string }>(`SELECT id, number FROM boards WHERE number = '32073'`);
    const [school] = await database.query<{ brin: string }>(`SELECT brin FROM schools WHERE board_id = $1 AND closed_at IS NULL ORDER BY brin LIMIT 1`, [
      board.id,
    ]);
    const hr = { actor: await boardStaffActor(database, board.id, 'hr@32073.nl') };
    const rows = [1, 2].map((n) => ({
      bevoegd_gezag_nummer: board.number,
      personeelsnummer: `J${n}`,
      voorletters: 'J.',
      achternaam: `Job${n}`,
      geboortedatum: '1990-01-01',
      email: `job${n}@school.nl`,
      instellingscode: school.brin,
      functie: 'LERAAR',
      benoemingsgrondslag: 'BEVOEGD',
      begindatum: '2020-01-01',
    }));
    const submitted = await submitDelivery(deps, hr, {
      boardId: board.id,
      mode: 'volledig',
      fileName: null,
      channel: 'api',
      body: bytesOf(deliveryCsv(rows)),
      applyWhenValid: false,
    });
    expect(submitted.status).toBe('in-behandeling');
    const checked = await until(
      () => getDelivery(deps, hr, submitted.id),
      (d) => d.status !== 'in-behandeling',
    );
    expect(checked).toMatchObject({ status: 'gecontroleerd', rowCount: 2, errorRows: 0 });

    expect((await requestApply(deps, hr, submitted.id, { confirmed: false })).phase).toBe('verwerken');
    const applied = await until(
      () => getDelivery(deps, hr, submitted.id),
      (d) => d.status === 'verwerkt',
    );
    expect(applied.summary).toMatchObject({ dienstverbandenNieuw: 2, uitnodigingen: 2 });
    const mails = await until(
      () => database.query<{ n: number }>(`SELECT count(*)::int AS n FROM mail_outbox WHERE template = 'person-invitation'`),
      ([row]) => row.n === 2,
    );
    expect(mails[0].n).toBe(2);
  });

  it('a task for a delivery that is already done changes nothing when it runs again', async () => {
    const [delivery] = await database.query<{ id: string }>(`SELECT id FROM deliveries WHERE status = 'verwerkt'`);
    await runDeliveryTask(deps, { kind: 'controleren', deliveryId: delivery.id });
    await runDeliveryTask(deps, { kind: 'verwerken', deliveryId: delivery.id });
    await runDeliveryTask(deps, { kind: 'uitnodigen', deliveryId: delivery.id });
    expect(await database.query(`SELECT count(*)::int AS n FROM employments`)).toEqual([{ n: 2 }]);
    expect(await database.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE template = 'person-invitation'`)).toEqual([{ n: 2 }]);
  });
});
