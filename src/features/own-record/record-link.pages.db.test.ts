import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, bytesOf, deliveringBoard, deliveryCsv, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText } from '../../../tests/support/web-session.ts';
import { applyDelivery, submitDelivery, type DeliveryDeps } from '../deliveries/index.ts';

/**
 * The record belongs to the person, not to an e-mail address (decision 021): once an account is linked
 * to a delivered person, later deliveries may change the work address without taking the record away,
 * and an address alone never shows a record that is not unmistakably this account's.
 */
let t: TestApp;
let deps: DeliveryDeps;
let board: { id: string; number: string };
let school: { brin: string; location: string };
let hrActor: Awaited<ReturnType<typeof boardStaffActor>>;

const row = (changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: 'L1',
  voorletters: 'L.',
  achternaam: 'Link',
  geboortedatum: '1984-04-04',
  email: 'l.link@school.nl',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2019-08-01',
  ...changes,
});

async function deliver(rows: DeliveryRow[], mode: 'volledig' | 'mutaties' = 'mutaties') {
  const ctx = { actor: hrActor };
  const delivery = await submitDelivery(deps, ctx, {
    boardId: board.id,
    mode,
    fileName: 'p.csv',
    body: bytesOf(deliveryCsv(rows)),
    applyWhenValid: false,
    channel: 'upload',
  });
  expect(delivery.errorRows).toBe(0);
  return applyDelivery(deps, ctx, delivery.id, { confirmed: true });
}

const linkEvents = async (accountId: string) =>
  t.database.query<{ action: string }>(`SELECT action FROM audit_events WHERE actor_account_id = $1 AND action LIKE 'person.%' ORDER BY id`, [accountId]);

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  deps = deliveryDeps(t.database);
  ({ board, school } = await deliveringBoard(t.database));
  hrActor = await boardStaffActor(t.database, board.id, 'hr@link.nl');
});
afterAll(async () => t?.close());

describe('the record stays with the person', () => {
  it('keeps the record in Mijn register after a later delivery changes the work address', async () => {
    await deliver([row({ mutatie: 'NIEUW' })]);
    const account = await createAccount(t.database, { email: 'l.link@school.nl', displayName: 'Lotte Link' });
    const teacher = await sessionFor(t.app, t.database, account.id);
    expect(visibleText((await teacher.get('/mijn-register')).body)).toContain('Nog te controleren: 1.');
    expect(await linkEvents(account.id)).toEqual([{ action: 'person.linked' }]);

    await deliver([row({ mutatie: 'WIJZIGING', email: 'lotte.link@andere-school.nl' })]);
    const text = visibleText((await teacher.get('/mijn-register')).body);
    expect(text).toContain('Nog te controleren: 1.');
    expect(text).toContain('LERAAR');
    // the new address is where mail goes now, not a second owner
    const stranger = await createAccount(t.database, { email: 'lotte.link@andere-school.nl' });
    const other = await sessionFor(t.app, t.database, stranger.id);
    expect(visibleText((await other.get('/mijn-register')).body)).not.toContain('LERAAR');
  });

  it('links no one by an address two delivered persons share', async () => {
    await deliver([
      row({ mutatie: 'NIEUW', personeelsnummer: 'G1', voorletters: 'A.', achternaam: 'Gedeeld', geboortedatum: '1970-01-01', email: 'info@school.nl' }),
      row({ mutatie: 'NIEUW', personeelsnummer: 'G2', voorletters: 'B.', achternaam: 'Gedeeld', geboortedatum: '1971-01-01', email: 'info@school.nl' }),
    ]);
    const account = await createAccount(t.database, { email: 'info@school.nl' });
    const page = visibleText((await (await sessionFor(t.app, t.database, account.id)).get('/mijn-register')).body);
    expect(page).not.toContain('Gedeeld');
    expect(page).not.toContain('Nog te controleren');
    expect(await linkEvents(account.id)).toEqual([]);
  });

  it('never links or shows a record to an account whose address is not confirmed', async () => {
    await deliver([row({ mutatie: 'NIEUW', personeelsnummer: 'U1', achternaam: 'Onbevestigd', geboortedatum: '1990-09-09', email: 'u@school.nl' })]);
    const account = await createAccount(t.database, { email: 'u@school.nl', verified: false });
    const res = await (await sessionFor(t.app, t.database, account.id)).get('/mijn-register');
    expect(visibleText(res.body)).not.toContain('Onbevestigd');
    expect(await linkEvents(account.id)).toEqual([]);
  });
});
