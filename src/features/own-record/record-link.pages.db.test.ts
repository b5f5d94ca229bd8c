import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, deliverAndApply, deliveringBoard, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText } from '../../../tests/support/web-session.ts';
import { sendDeliveryInvitations, type DeliveryDeps } from '../deliveries/index.ts';

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
  const { delivery } = await deliverAndApply(deps, hrActor, board.id, rows, mode);
  await sendDeliveryInvitations(deps, delivery.id);
  return delivery;
}

/** The one-time link in the last invitation mail to this address, as a path. */
async function invitationLinkTo(address: string): Promise<string> {
  const [mail] = await t.database.query<{ text: string }>(
    `SELECT text FROM mail_outbox WHERE template = 'person-invitation' AND to_address = $1 ORDER BY created_at DESC LIMIT 1`,
    [address],
  );
  const link = /http:\/\/localhost:3000(\/mijn-register\/koppelen\?code=[\w-]+)/.exec(mail.text);
  expect(link).not.toBeNull();
  return link?.[1] ?? '';
}

const codeOf = (html: string) => /<strong class="br-code">([A-Z0-9-]+)<\/strong>/.exec(html)?.[1] ?? '';

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
    expect(text).toContain('Functie Leraar Benoemingsgrondslag Bevoegd');
    // the new address is where mail goes now, not a second owner
    const stranger = await createAccount(t.database, { email: 'lotte.link@andere-school.nl' });
    const other = await sessionFor(t.app, t.database, stranger.id);
    expect(visibleText((await other.get('/mijn-register')).body)).not.toContain('Functie Leraar Benoemingsgrondslag Bevoegd');
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

describe('linking with a code', () => {
  it('links through the invitation mail’s link, whatever the account’s own address, after the professional confirms', async () => {
    await deliver([
      row({ mutatie: 'NIEUW', personeelsnummer: 'M1', voorletters: 'M.', achternaam: 'Mail', geboortedatum: '1988-08-08', email: 'm.mail@school.nl' }),
    ]);
    const link = await invitationLinkTo('m.mail@school.nl');
    const account = await createAccount(t.database, { email: 'marit@thuis.nl' });
    const marit = await sessionFor(t.app, t.database, account.id);
    expect(visibleText((await marit.get('/mijn-register')).body)).toContain('Er zijn (nog) geen gegevens van u aan uw account gekoppeld.');

    const check = await marit.get(link);
    expect(check.statusCode).toBe(200);
    const checkText = visibleText(check.body);
    expect(checkText).toContain('Zijn dit uw gegevens?');
    expect(checkText).toContain('M. Mail');
    expect(await linkEvents(account.id)).toEqual([]); // nothing linked before confirming
    const code = new URL(link, 'http://x').searchParams.get('code') ?? '';
    const linked = await marit.post('/mijn-register/koppelen', { code, stap: 'bevestigen' });
    expect(linked.statusCode).toBe(303);
    expect(linked.headers.location).toBe('/mijn-register?melding=gekoppeld');
    const record = visibleText((await marit.get('/mijn-register?melding=gekoppeld')).body);
    expect(record).toContain('Uw gegevens zijn aan uw account gekoppeld.');
    expect(record).toContain('Nog te controleren: 1.');
    expect(await linkEvents(account.id)).toEqual([{ action: 'person.linked' }]);

    // the link works once: someone else who got hold of it links nothing
    const other = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'ander@thuis.nl' })).id);
    const again = await other.get(link);
    expect(again.statusCode).toBe(400);
    expect(visibleText(again.body)).toContain('Deze code is al gebruikt voor een ander account.');
  });

  it('a board prints an activation code for someone delivered without an address; typed in any case and spacing it links them', async () => {
    await deliver([row({ mutatie: 'NIEUW', personeelsnummer: 'Z1', voorletters: 'Z.', achternaam: 'Zonder', geboortedatum: '1966-06-06', email: '' })]);
    const [person] = await t.database.query<{ id: string }>(`SELECT id FROM persons WHERE surname = 'Zonder'`);
    const hr = await sessionFor(t.app, t.database, hrActor.type === 'account' ? hrActor.accountId : '');
    const staffList = await hr.get(`/beheer/bestuur/${board.id}/personeel`);
    expect(staffList.body).toContain(`href="/beheer/bestuur/${board.id}/personeel/${person.id}/activeringscode"`);
    const path = `/beheer/bestuur/${board.id}/personeel/${person.id}/activeringscode`;
    const confirm = await hr.get(path);
    expect(visibleText(confirm.body)).toContain('Activeringscode voor Z. Zonder');
    const letter = await hr.post(path, {});
    expect(letter.statusCode).toBe(200);
    expect(visibleText(letter.body)).toContain('Uw activeringscode voor het Beroepsregister Onderwijs');
    const code = codeOf(letter.body);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(JSON.stringify(await t.database.query(`SELECT * FROM person_link_codes`))).not.toContain(code);

    const account = await createAccount(t.database, { email: 'zelf@thuis.nl' });
    const zelf = await sessionFor(t.app, t.database, account.id);
    const typed = code.toLowerCase().replaceAll('-', ' ');
    await zelf.get('/mijn-register/koppelen');
    const check = await zelf.post('/mijn-register/koppelen', { code: typed });
    expect(visibleText(check.body)).toContain('Z. Zonder');
    await zelf.post('/mijn-register/koppelen', { code: typed, stap: 'bevestigen' });
    expect(visibleText((await zelf.get('/mijn-register')).body)).toContain('Nog te controleren: 1.');
    expect(visibleText((await hr.get(`/beheer/bestuur/${board.id}/personeel`)).body)).toMatch(/Zonder.*gekoppeld/);

    // linked now: no new letter
    const refused = await hr.get(path);
    expect(refused.statusCode).toBe(409);
    expect(visibleText(refused.body)).toContain('heeft zijn of haar gegevens al aan een account gekoppeld');
  });

  it('says what is wrong with a code that does not work, at the field, in English too', async () => {
    const account = await createAccount(t.database, { email: 'fout@thuis.nl' });
    const session = await sessionFor(t.app, t.database, account.id);
    await session.get('/mijn-register/koppelen');
    const unknown = await session.post('/mijn-register/koppelen', { code: 'AAAA-BBBB-CCCC' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('href="#code"');
    expect(visibleText(unknown.body)).toContain('Deze code kennen we niet.');
    session.cookies.set('lang', 'en');
    const english = await session.post('/mijn-register/koppelen', { code: '' });
    expect(visibleText(english.body)).toContain('Enter the code from the letter, or use the link from the e-mail.');
  });

  it('stops someone trying codes after 20 in an hour, with a page that says so', async () => {
    const session = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'raden@thuis.nl' })).id);
    await session.get('/mijn-register/koppelen');
    const csrf = session.csrfToken();
    for (let i = 0; i < 20; i++) expect((await session.post('/mijn-register/koppelen', { code: `AAAA-BBBB-CC${i}` }, { csrf })).statusCode).toBe(400);
    const stopped = await session.post('/mijn-register/koppelen', { code: 'AAAA-BBBB-CCCC' }, { csrf });
    expect(stopped.statusCode).toBe(429);
    expect(stopped.headers['retry-after']).toBeDefined();
  });

  it('refuses a letter for someone of another board', async () => {
    const [other] = await t.database.query<{ id: string }>(`SELECT id FROM persons WHERE surname = 'Gedeeld' LIMIT 1`);
    const [otherBoard] = await t.database.query<{ id: string }>(`SELECT id FROM boards WHERE id <> $1 ORDER BY number LIMIT 1`, [board.id]);
    const outsider = await boardStaffActor(t.database, otherBoard.id, 'hr@ander.nl');
    const session = await sessionFor(t.app, t.database, outsider.type === 'account' ? outsider.accountId : '');
    const res = await session.get(`/beheer/bestuur/${board.id}/personeel/${other.id}/activeringscode`);
    expect(res.statusCode).toBe(403);
  });
});

describe('the delivered BSN', () => {
  it('is said to be known, never shown: not on Mijn register, not in the AVG download', async () => {
    await deliver([
      row({ mutatie: 'NIEUW', personeelsnummer: 'B1', achternaam: 'Bsn', geboortedatum: '1977-07-07', email: 'b.bsn@school.nl', bsn: '123456782' }),
    ]);
    const session = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'b.bsn@school.nl' })).id);
    const page = await session.get('/mijn-register');
    expect(visibleText(page.body)).toContain('BSN aangeleverd; versleuteld bewaard en nergens getoond');
    expect(page.body).not.toContain('123456782');
    const download = (await session.get('/mijn-gegevens/download')).body;
    expect(JSON.parse(download).register.aangeleverdePersoonsgegevens.bsn).toBe('bekend (versleuteld bewaard, niet getoond)');
    expect(download).not.toContain('123456782');
  });
});
