import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, deliverAndApply, deliveringBoard, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { postMultipart, visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { sendDeliveryInvitations, type DeliveryDeps } from '../deliveries/index.ts';

/**
 * Enrolment without a board (issue 19, item 2; decision 021): anyone with a confirmed account enrols
 * with their name and birth date, checks them, and then adds evidence and applies as anyone else. A
 * look-alike the register knows, now or by a later delivery, is a possible duplicate for register
 * staff and never merged on its own; an invitation link for delivered data while the account has its
 * own person links nothing, and register staff get the pair.
 */
let t: TestApp;
let deps: DeliveryDeps;
let board: { id: string; number: string };
let school: { brin: string; location: string };
let hrActor: Awaited<ReturnType<typeof boardStaffActor>>;
let office: WebSession;
const dataDir = mkdtempSync(join(tmpdir(), 'br-enrol-'));
const pdf = Buffer.from('%PDF-1.4\nPabo-diploma\n%%EOF\n');

beforeAll(async () => {
  t = await createTestApp({ withDuo: true, env: { DATA_DIR: dataDir } });
  deps = deliveryDeps(t.database);
  ({ board, school } = await deliveringBoard(t.database));
  hrActor = await boardStaffActor(t.database, board.id, 'hr@zonder.nl');
  const staff = await createAccount(t.database, {
    email: 'staf@zonder.nl',
    displayName: 'Stefan Staf',
    roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
  });
  office = await sessionFor(t.app, t.database, staff.id);
});
afterAll(async () => t?.close());

let staffNumber = 0;
const row = (changes: DeliveryRow): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `Z${++staffNumber}`,
  voorletters: 'A.',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2019-08-01',
  mutatie: 'NIEUW',
  ...changes,
});

async function professional(email: string, options: { verified?: boolean } = {}) {
  const account = await createAccount(t.database, { email, displayName: email.split('@')[0], verified: options.verified });
  return { account, web: await sessionFor(t.app, t.database, account.id) };
}

/** Through the pages: the form, the check, the confirmation; the register number it got. */
async function enrolWithName(web: WebSession, form: { voorletters: string; achternaam: string; geboortedatum: string; tussenvoegsel?: string }) {
  await web.get('/mijn-register/inschrijving/gegevens');
  const check = await web.post('/mijn-register/inschrijving/gegevens', { tussenvoegsel: '', ...form });
  expect(check.statusCode).toBe(200);
  const done = await web.post('/mijn-register/inschrijving/gegevens', { tussenvoegsel: '', ...form, stap: 'bevestigen' });
  expect(done.headers.location).toBe('/mijn-register?melding=ingeschreven');
  return /Registernummer (\d{9})/.exec(visibleText((await web.get('/mijn-register')).body))?.[1] ?? '';
}

const tasks = () =>
  t.database.query<{ id: string; person_id: string; candidate_id: string; reason: string; status: string }>(
    `SELECT id, person_id, candidate_id, reason, status FROM duplicate_candidates ORDER BY created_at, id`,
  );
const personOf = async (surname: string) =>
  t.database.query<{ id: string; account_id: string | null; merged_into: string | null }>(
    `SELECT id, account_id, merged_into FROM persons WHERE surname = $1 ORDER BY created_at`,
    [surname],
  );

describe('enrolling without a delivery', () => {
  it('a professional whom no board delivered enrols with name and birth date, after checking them, then adds a diploma and applies', async () => {
    const { account, web } = await professional('nieuw@thuis.nl');
    const form = await web.get('/mijn-register/inschrijving/gegevens');
    expect(form.statusCode).toBe(200);
    expect(visibleText(form.body)).toContain('Inschrijven met uw naam en geboortedatum');

    // every refusal at its field
    const empty = await web.post('/mijn-register/inschrijving/gegevens', { voorletters: '', tussenvoegsel: '', achternaam: '', geboortedatum: '31-02-1985' });
    expect(empty.statusCode).toBe(400);
    for (const field of ['voorletters', 'achternaam', 'geboortedatum']) expect(empty.body).toContain(`href="#${field}"`);
    expect(visibleText(empty.body)).toContain('Geef uw geboortedatum als DD-MM-JJJJ, bijvoorbeeld 17-03-1985.');
    web.cookies.set('lang', 'en');
    const english = await web.post('/mijn-register/inschrijving/gegevens', {
      voorletters: 'N.',
      tussenvoegsel: '',
      achternaam: 'Nieuw',
      geboortedatum: '17-03-2020',
    });
    expect(visibleText(english.body)).toContain('With this date of birth you are');
    web.cookies.delete('lang');

    // the check repeats it, and makes nothing yet; changing goes back to the form with the values
    const values = { voorletters: 'N.', tussenvoegsel: 'van der', achternaam: 'Nieuw', geboortedatum: '17-03-1985' };
    const check = visibleText((await web.post('/mijn-register/inschrijving/gegevens', values)).body);
    expect(check).toContain('Controleer uw gegevens');
    expect(check).toMatch(/Voorletters N\. Tussenvoegsel \(niet verplicht\) van der Achternaam Nieuw Geboortedatum 17 maart 1985/);
    expect(await personOf('Nieuw')).toEqual([]);
    const change = await web.post('/mijn-register/inschrijving/gegevens', { ...values, stap: 'wijzigen' });
    expect(change.body).toContain('value="van der"');

    const done = await web.post('/mijn-register/inschrijving/gegevens', { ...values, stap: 'bevestigen' });
    expect(done.headers.location).toBe('/mijn-register?melding=ingeschreven');
    const page = visibleText((await web.get('/mijn-register?melding=ingeschreven')).body);
    expect(page).toContain('U bent ingeschreven.');
    expect(page).toMatch(/Registernummer \d{9}/);
    expect(page).toContain('Uw gegevens zoals u ze opgaf');
    expect(page).toContain('Voorletters N. Voornamen — Tussenvoegsel van der Achternaam Nieuw Geboortedatum 17 maart 1985');
    // nothing a board delivered: nothing to approve or dispute with a board
    expect(page).not.toContain('Mijn gegevens kloppen');
    expect(page).toContain('Er zijn nog geen dienstverbanden van u aangeleverd.');
    const [person] = await personOf('Nieuw');
    expect(person.account_id).toBe(account.id);
    expect(await t.database.query(`SELECT account_id FROM enrolments WHERE person_id = $1`, [person.id])).toEqual([{ account_id: account.id }]);
    expect((await auditRows(t.database, 'person.linked')).filter((e) => e.subject_account_id === account.id).map((e) => e.after)).toEqual([
      expect.objectContaining({ via: 'zelf-ingeschreven', surname: 'Nieuw' }),
    ]);

    // evidence and an application, as for anyone enrolled
    const diplomas = await web.get('/mijn-register/diplomas');
    const action = /<form class="br-form" method="post" action="([^"]+)"[^>]*enctype="multipart\/form-data"/.exec(diplomas.body)![1].replace(/&amp;/g, '&');
    const uploaded = await postMultipart(web, action, [
      { name: 'soort', value: 'diploma' },
      { name: 'titel', value: 'Pabo' },
      { name: 'uitgever', value: 'Hogeschool Utrecht' },
      { name: 'datum', value: '01-07-2010' },
      { name: 'bestand', filename: 'pabo.pdf', type: 'application/pdf', content: pdf },
    ]);
    expect(uploaded.statusCode).toBe(303);
    const [{ id: evidenceId }] = await t.database.query<{ id: string }>(`SELECT id FROM evidence_files WHERE person_id = $1`, [person.id]);
    await web.get('/mijn-register/registratie');
    const applied = await web.post('/mijn-register/registratie', {
      niveau: 'lerarenregister::Registerleraar|geregistreerd',
      motivering: 'Ik ben bevoegd leraar met een pabodiploma, nu zonder vaste school.',
      bewijs: [evidenceId],
    });
    expect(applied.statusCode).toBe(303);
    expect(visibleText((await web.get(String(applied.headers.location))).body)).toContain('Uw aanvraag is verstuurd.');
  });

  it('is not open to an account whose address is not confirmed', async () => {
    const { web } = await professional('onbevestigd@thuis.nl', { verified: false });
    expect(visibleText((await web.get('/mijn-register/inschrijving/gegevens')).body)).toContain('Bevestig eerst het e-mailadres van uw account');
    await web.get('/mijn-register');
    const res = await web.post('/mijn-register/inschrijving/gegevens', {
      voorletters: 'O.',
      achternaam: 'Onbevestigd',
      geboortedatum: '01-01-1980',
      stap: 'bevestigen',
    });
    expect(res.statusCode).toBe(409);
    expect(await personOf('Onbevestigd')).toEqual([]);
  });
});

describe('the same person twice', () => {
  it('a delivered look-alike (surname and birth date) is a possible duplicate; merged by register staff, the professional keeps their enrolment and gets the employment', async () => {
    await deliverAndApply(deps, hrActor, board.id, [row({ achternaam: 'Dubbel', geboortedatum: '1975-05-05' })], 'mutaties');
    const { web } = await professional('dubbel@thuis.nl');
    const number = await enrolWithName(web, { voorletters: 'A.', achternaam: 'Dubbel', geboortedatum: '05-05-1975' });
    const [delivered, own] = await personOf('Dubbel');
    const [task] = (await tasks()).filter((d) => d.person_id === own.id);
    expect(task).toMatchObject({ candidate_id: delivered.id, reason: 'naam-geboortedatum', status: 'open' });
    // never merged on its own: the employment is not the professional's until staff decide
    expect(visibleText((await web.get('/mijn-register')).body)).toContain('Er zijn nog geen dienstverbanden van u aangeleverd.');
    expect(delivered.account_id).toBeNull();

    const queue = visibleText((await office.get('/beheer/dubbelen')).body);
    expect(queue).toContain('Zelfde achternaam en geboortedatum');
    expect(queue).toContain(`Registernummer ${number}`);
    await office.get(`/beheer/dubbelen/${task.id}/samenvoegen`);
    expect(visibleText((await office.post(`/beheer/dubbelen/${task.id}`, { besluit: 'zelfde-persoon' })).body)).toContain('De personen zijn samengevoegd.');
    const page = visibleText((await web.get('/mijn-register')).body);
    expect(page).toContain(`Registernummer ${number}`);
    expect(page).toContain('Nog te controleren: 1.');
    expect(await t.database.query(`SELECT person_id FROM enrolments WHERE register_number = $1`, [number])).toEqual([{ person_id: delivered.id }]);
  });

  it('a later delivery with the same surname and birth date is a possible duplicate too, and stays apart until staff decide', async () => {
    const { web } = await professional('later@thuis.nl');
    await enrolWithName(web, { voorletters: 'L.', achternaam: 'Laterman', geboortedatum: '10-10-1990' });
    await deliverAndApply(deps, hrActor, board.id, [row({ voorletters: 'L.M.', achternaam: 'Laterman', geboortedatum: '1990-10-10' })], 'mutaties');
    const [own, delivered] = await personOf('Laterman');
    expect(await tasks()).toContainEqual(
      expect.objectContaining({ person_id: delivered.id, candidate_id: own.id, reason: 'naam-geboortedatum', status: 'open' }),
    );
    expect(visibleText((await web.get('/mijn-register')).body)).toContain('Er zijn nog geen dienstverbanden van u aangeleverd.');
  });

  it('the invitation link of a delivered person, while the account has its own: nothing linked, register staff get the pair to merge', async () => {
    const { web } = await professional('code@thuis.nl');
    await enrolWithName(web, { voorletters: 'C.', achternaam: 'Codeloos', geboortedatum: '07-07-1970' });
    const { delivery } = await deliverAndApply(
      deps,
      hrActor,
      board.id,
      [row({ voorletters: 'C.', achternaam: 'Codewerk', geboortedatum: '1970-07-08', email: 'c.codewerk@school.nl' })],
      'mutaties',
    );
    await sendDeliveryInvitations(deps, delivery.id);
    const [mail] = await t.database.query<{ text: string }>(`SELECT text FROM mail_outbox WHERE to_address = 'c.codewerk@school.nl'`);
    const code = /koppelen\?code=([\w-]+)/.exec(mail.text)?.[1] ?? '';
    const check = visibleText((await web.get(`/mijn-register/koppelen?code=${code}`)).body);
    expect(check).toContain('C. Codewerk');
    expect(check).toContain('Uw account heeft al gegevens in het register');
    const confirmed = await web.post('/mijn-register/koppelen', { code, stap: 'bevestigen' });
    expect(confirmed.headers.location).toBe('/mijn-register?melding=samenvoegen');
    expect(visibleText((await web.get('/mijn-register?melding=samenvoegen')).body)).toContain(
      'Het Beroepsregister controleert of het om dezelfde persoon gaat',
    );
    const [delivered] = await personOf('Codewerk');
    const [own] = await personOf('Codeloos');
    expect(delivered.account_id).toBeNull();
    expect(await tasks()).toContainEqual(expect.objectContaining({ person_id: delivered.id, candidate_id: own.id, reason: 'koppelcode', status: 'open' }));
    expect(await t.database.query(`SELECT used_at FROM person_link_codes WHERE person_id = $1`, [delivered.id])).toEqual([{ used_at: null }]);
    expect(visibleText((await office.get('/beheer/dubbelen')).body)).toContain('De professional van persoon 2 gebruikte de koppelcode van persoon 1');
  });
});
