import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardStaffActor, bytesOf, deliveringBoard, deliveryCsv, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { createTestDatabase, importRealDuo } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import type { ActorContext } from '../../platform/audit/audit.ts';
import { message } from '../../platform/i18n.ts';
import { runDeliveryTask } from './deliveries.jobs.ts';
import { applyDelivery, getDelivery, submitDelivery, validateDelivery } from './deliveries.service.ts';
import { resumeAbandonedDeliveries, withDeliveryLease } from './delivery-leases.ts';

// Issue 17: after kill -9 an apply stayed `verwerken` until applied again by hand, and invitations waited for the job's
// 15-minute expiry. Work now holds a lease with a heartbeat; a sweep hands on work whose lease ran out.

let database: Database;
let deps: ReturnType<typeof deliveryDeps>;
let hr: ActorContext;
let board: { id: string; number: string };
let school: { brin: string; location: string };

const row = (n: number): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `L${n}`,
  voorletters: 'L.',
  achternaam: `Lease${n}`,
  geboortedatum: '1982-04-04',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2019-08-01',
  email: `lease${n}@school.nl`,
});
const submit = (rows: DeliveryRow[]) =>
  submitDelivery(deps, hr, {
    boardId: board.id,
    mode: 'mutaties',
    fileName: 'l.csv',
    channel: 'upload',
    body: bytesOf(deliveryCsv(rows.map((r) => ({ ...r, mutatie: 'NIEUW' })))),
    applyWhenValid: false,
  });
const leaseOf = async (id: string) =>
  (
    await database.query<{ lease_owner: string | null; lease_expires_at: Date | null }>(`SELECT lease_owner, lease_expires_at FROM deliveries WHERE id = $1`, [
      id,
    ])
  )[0];
/** What kill -9 leaves: the dead process's lease, no longer renewed, run out. */
const abandon = (id: string) =>
  database.query(`UPDATE deliveries SET lease_owner = 'dood:1:x', lease_expires_at = now() - interval '1 second' WHERE id = $1`, [id]);

beforeAll(async () => {
  database = await createTestDatabase();
  await importRealDuo(database);
  ({ board, school } = await deliveringBoard(database));
  deps = deliveryDeps(database, { inlineBytes: 0, leaseSeconds: 3 });
  hr = { actor: await boardStaffActor(database, board.id, 'hr@lease.nl') };
});
afterAll(async () => database?.close());

describe("a lease on a delivery's work", () => {
  it('keeps a second process out while the first renews it, and lets it in once the first stops renewing', async () => {
    const delivery = await submit([row(1)]);
    const other = { ...deps, leaseOwner: 'andere:2:y' };
    let inside: { ran: boolean } | undefined;
    await withDeliveryLease(deps, delivery.id, async () => {
      // longer than the lease of 3 s: only the heartbeat keeps it
      await new Promise((r) => setTimeout(r, 4000));
      inside = await withDeliveryLease(other, delivery.id, async () => 'dubbel werk');
      expect((await leaseOf(delivery.id)).lease_expires_at!.getTime()).toBeGreaterThan(Date.now());
    });
    expect(inside).toEqual({ ran: false });
    expect(await leaseOf(delivery.id)).toEqual({ lease_owner: null, lease_expires_at: null });
    await abandon(delivery.id);
    expect(await withDeliveryLease(other, delivery.id, async () => 'overgenomen')).toEqual({ ran: true, value: 'overgenomen' });
  });

  it('an apply killed halfway is taken up again once its lease runs out, and ends verwerkt', async () => {
    const delivery = await submit([row(2), row(3)]);
    await validateDelivery(deps, delivery.id);
    await database.query(`UPDATE deliveries SET status = 'in-behandeling', phase = 'verwerken' WHERE id = $1`, [delivery.id]);
    await database.query(`UPDATE deliveries SET lease_owner = 'dood:1:x', lease_expires_at = now() + interval '1 minute' WHERE id = $1`, [delivery.id]);
    // a lease still running belongs to a live process: nothing is taken over because a sweep ran
    expect(await resumeAbandonedDeliveries(deps)).toEqual([]);
    // a live process holds it: an apply by hand is refused rather than run twice
    await expect(applyDelivery(deps, hr, delivery.id, { confirmed: false })).rejects.toMatchObject({
      code: 'conflict',
      detail: message('deliveries.error.busy'),
    });
    await abandon(delivery.id);
    const resumed = await resumeAbandonedDeliveries(deps);
    expect(resumed).toEqual([{ kind: 'verwerken', deliveryId: delivery.id, confirmed: true, by: 'hervat na onderbreking' }]);
    // a second sweep (another process) finds nothing more to hand on
    expect(await resumeAbandonedDeliveries(deps)).toEqual([]);
    await runDeliveryTask(deps, resumed[0]);
    expect(await getDelivery(deps, hr, delivery.id)).toMatchObject({ status: 'verwerkt', phase: null });
  });

  it('a check killed halfway is run again from the start and ends gecontroleerd', async () => {
    const delivery = await submit([row(4), row(5), row(6)]);
    await abandon(delivery.id);
    const [task] = await resumeAbandonedDeliveries(deps);
    expect(task).toEqual({ kind: 'controleren', deliveryId: delivery.id });
    await runDeliveryTask(deps, task);
    expect(await getDelivery(deps, hr, delivery.id)).toMatchObject({ status: 'gecontroleerd', rowCount: 3 });
  });

  it('invitations cut off halfway are sent on, each once', async () => {
    const delivery = await submit([row(7), row(8)]);
    await validateDelivery(deps, delivery.id);
    await applyDelivery(deps, hr, delivery.id, { confirmed: false });
    const unsent = async () =>
      Number(
        (await database.query<{ n: string }>(`SELECT count(*) AS n FROM person_invitations WHERE delivery_id = $1 AND mail_id IS NULL`, [delivery.id]))[0].n,
      );
    expect(await unsent()).toBe(2);
    await abandon(delivery.id);
    const [task] = await resumeAbandonedDeliveries(deps);
    expect(task).toEqual({ kind: 'uitnodigen', deliveryId: delivery.id });
    await runDeliveryTask(deps, task);
    expect(await unsent()).toBe(0);
    const mails = await database.query(`SELECT to_address FROM mail_outbox WHERE to_address IN ('lease7@school.nl', 'lease8@school.nl')`);
    expect(mails.length).toBe(2);
  });
});
