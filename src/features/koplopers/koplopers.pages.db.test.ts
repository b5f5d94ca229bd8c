import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';

let t: TestApp;
let staff: WebSession;
let staffName: string;
type School = { id: string; brin: string; name: string; boardId: string };
let schools: School[];
let closed: School;
const office = { kind: 'register' as const, id: registerOfficeId };

/** A filled-in application for a school, as the form sends it. */
const answers = (school: School, extra: Record<string, string | string[]> = {}) => ({
  school: school.id,
  zoekSchool: school.brin,
  naam: 'Anna de Wit',
  email: 'anna@school.example.nl',
  telefoon: '',
  leraren: '23',
  aanlevering: 'bestand',
  leverancier: '',
  grondslagen: 'nee',
  activiteiten: ['voorlichting-voor-leraren', 'meedenksessie'],
  ...extra,
});

/** Applies for a school through the form and its check page; returns the receipt's path. */
async function apply(school: School, extra: Record<string, string | string[]> = {}, lang = 'nl'): Promise<string> {
  const web = new WebSession(t.app);
  await web.get(`/koplopers/aanmelden?lang=${lang}`);
  const check = await web.post('/koplopers/aanmelden', { ...answers(school, extra), actie: 'controleren' });
  expect(check.statusCode, visibleText(check.body).slice(0, 400)).toBe(200);
  const reference = /name="referentie" value="([^"]+)"/.exec(check.body)![1];
  const sent = await web.post('/koplopers/aanmelden/versturen', { ...answers(school, extra), referentie: reference });
  expect(sent.statusCode, visibleText(sent.body).slice(0, 400)).toBe(303);
  return String(sent.headers.location);
}

const koploperOf = async (school: School) =>
  (
    await t.database.query<{ id: string; step: number; estimate_version: number }>(`SELECT id, step, estimate_version FROM koplopers WHERE school_id = $1`, [
      school.id,
    ])
  )[0];

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  const account = await createAccount(t.database, {
    email: 'koplopers@register.nl',
    displayName: 'Karin Koploper',
    roles: [{ role: 'register-staff', organisation: office }],
  });
  staffName = 'Karin Koploper';
  staff = await sessionFor(t.app, t.database, account.id);
  // open schools of different boards, and one to close
  schools = await t.database.query<School>(
    `SELECT DISTINCT ON (s.board_id) s.id, s.brin, s.name, s.board_id AS "boardId" FROM schools s
     WHERE s.closed_at IS NULL AND s.location_count > 0 ORDER BY s.board_id, s.brin LIMIT 8`,
  );
  closed = schools.pop()!;
  await t.database.query(`UPDATE schools SET closed_at = now() - interval '1 year' WHERE id = $1`, [closed.id]);
});
afterAll(async () => t?.close());

describe('the application form', () => {
  it('offers the estimate model’s activities and finds a school by name, without JavaScript', async () => {
    const web = new WebSession(t.app);
    const form = await web.get('/koplopers/aanmelden');
    expect(form.statusCode).toBe(200);
    const page = visibleText(form.body);
    expect(page).toContain('Aanmelden als koploperschool');
    expect(page).toContain('Voorlichting voor leraren (ongeveer 2 uur)');
    expect(page).toContain('Meedenksessie');
    const found = await web.post('/koplopers/aanmelden', {
      ...answers(schools[0], { school: '', zoekSchool: `${schools[0].name} ${schools[0].brin}` }),
      actie: 'zoeken',
    });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain(`value="${schools[0].id}"`);
    expect(visibleText(found.body)).toContain(`${schools[0].name} (${schools[0].brin})`);
    // what was typed stays
    expect(found.body).toContain('value="Anna de Wit"');
  });

  it('refuses an empty form with every problem at its field, in Dutch and in English', async () => {
    const web = new WebSession(t.app);
    await web.get('/koplopers/aanmelden');
    const res = await web.post('/koplopers/aanmelden', { actie: 'controleren' });
    expect(res.statusCode).toBe(400);
    for (const field of ['zoekSchool', 'naam', 'email', 'leraren', 'aanlevering', 'grondslagen']) expect(res.body).toContain(`href="#${field}"`);
    expect(visibleText(res.body)).toContain('Zoek uw school op naam, plaats of BRIN-nummer en kies haar uit de lijst.');
    const en = new WebSession(t.app);
    await en.get('/koplopers/aanmelden?lang=en');
    const english = visibleText((await en.post('/koplopers/aanmelden', { actie: 'controleren', leraren: 'veel' })).body);
    expect(english).toContain('Find your school by name, place or BRIN number and choose it from the list.');
    expect(english).toContain('Fill in the number of teachers as a whole number from 1 to 2000.');
  });

  it('refuses a closed school and a code that is not in the directory, at the school field', async () => {
    const web = new WebSession(t.app);
    await web.get('/koplopers/aanmelden');
    const shut = await web.post('/koplopers/aanmelden', { ...answers(closed, { school: '' }), actie: 'controleren' });
    expect(shut.statusCode).toBe(400);
    expect(shut.body).toContain('href="#zoekSchool"');
    expect(visibleText(shut.body)).toContain(`${closed.name} (${closed.brin}) is gesloten volgens de organisatiegids van DUO`);
    const unknown = await web.post('/koplopers/aanmelden', { ...answers(schools[0], { school: '', zoekSchool: '99ZZ' }), actie: 'controleren' });
    expect(unknown.statusCode).toBe(400);
    expect(visibleText(unknown.body)).toContain('Er staat geen school of vestiging met code 99ZZ in de organisatiegids van DUO.');
    // a crafted post with the closed school's id is refused the same way, and nothing is stored
    const crafted = await web.post('/koplopers/aanmelden/versturen', { ...answers(closed), referentie: 'a'.repeat(32) });
    expect(crafted.statusCode).toBe(400);
    expect(visibleText(crafted.body)).toContain('is gesloten');
    expect(await t.database.query(`SELECT 1 FROM koplopers`)).toEqual([]);
  });

  it('asks for the supplier when the school delivers through a link', async () => {
    const web = new WebSession(t.app);
    await web.get('/koplopers/aanmelden');
    const res = await web.post('/koplopers/aanmelden', { ...answers(schools[0], { aanlevering: 'koppeling' }), actie: 'controleren' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#leverancier"');
    expect(visibleText(res.body)).toContain('Kies de softwareleverancier van de koppeling.');
  });

  it('shows the answers to check, then the estimate with its breakdown; mails it; stores it once with version 1', async () => {
    const web = new WebSession(t.app);
    await web.get('/koplopers/aanmelden');
    const check = await web.post('/koplopers/aanmelden', { ...answers(schools[0]), actie: 'controleren' });
    expect(check.statusCode).toBe(200);
    const checkPage = visibleText(check.body);
    expect(checkPage).toContain('Controleer uw aanmelding');
    expect(checkPage).toContain('Met een bestand (CSV of Excel)');
    expect(checkPage).toContain('Voorlichting voor leraren, Meedenksessie');
    expect(await t.database.query(`SELECT 1 FROM koplopers`)).toEqual([]);
    const reference = /name="referentie" value="([^"]+)"/.exec(check.body)![1];
    const csrf = web.csrfToken();
    const sent = await web.post('/koplopers/aanmelden/versturen', { ...answers(schools[0]), referentie: reference });
    expect(sent.statusCode).toBe(303);
    const receipt = await web.get(String(sent.headers.location));
    const page = visibleText(receipt.body);
    expect(page).toContain('Uw aanmelding is ontvangen.');
    // version 1: base 4, 23 teachers = 3 × 1.5, a file 3, grondslagen not mapped 8, activities 2 + 2
    expect(page).toContain('De school is naar schatting ongeveer 23,5 uur kwijt.');
    expect(page).toContain('23 leraren, per begonnen tien (3 × 10) 4,5');
    expect(page).toContain('Benoemingsgrondslagen in kaart brengen 8');
    expect(page).toContain('(model versie 1)');
    // the contact person's details are not on the receipt
    expect(page).not.toContain('anna@school.example.nl');
    const [mail] = await t.database.query<{ subject: string; text: string }>(
      `SELECT subject, text FROM mail_outbox WHERE to_address = 'anna@school.example.nl'`,
    );
    expect(mail.subject).toBe(`Uw aanmelding als koploperschool: ${schools[0].name}`);
    expect(mail.text).toContain('Totaal: ongeveer 23,5 uur');
    expect(mail.text).toContain('- Aanleveren met een bestand: 3 uur');
    // sent again (a double click): the same receipt, still one application
    const again = await web.post('/koplopers/aanmelden/versturen', { ...answers(schools[0]), referentie: reference }, { csrf });
    expect(again.headers.location).toBe(sent.headers.location);
    const stored = await t.database.query<{ estimate_version: number; step: number }>(`SELECT estimate_version, step FROM koplopers`);
    expect(stored).toEqual([{ estimate_version: 1, step: 1 }]);
    expect(await t.database.query(`SELECT 1 FROM audit_events WHERE action = 'koploper.applied'`)).toHaveLength(1);
  });

  it('answers an applicant who reads English in English, on the receipt and in the mail', async () => {
    const web = new WebSession(t.app);
    const location = await apply(schools[3], { email: 'head@school.example.nl', activiteiten: [] }, 'en');
    const receipt = visibleText((await web.get(`${location}&lang=en`)).body);
    expect(receipt).toContain('Your application has been received.');
    expect(receipt).toContain('23 teachers, per started ten (3 × 10) 4.5');
    const [mail] = await t.database.query<{ subject: string; text: string }>(
      `SELECT subject, text FROM mail_outbox WHERE to_address = 'head@school.example.nl'`,
    );
    expect(mail.subject).toBe(`Your application as a pioneer school: ${schools[3].name}`);
    expect(mail.text).toContain('Total: about 19.5 hours');
  });

  it('refuses a second application of the same school at the school field', async () => {
    const web = new WebSession(t.app);
    await web.get('/koplopers/aanmelden');
    const res = await web.post('/koplopers/aanmelden', { ...answers(schools[0]), actie: 'controleren' });
    expect(res.statusCode).toBe(400);
    expect(visibleText(res.body)).toContain('Deze school heeft zich al op');
    expect(res.body).toContain('href="#zoekSchool"');
  });
});

describe('the estimate model', () => {
  it('gets a new version from register staff; old applications keep theirs', async () => {
    await staff.get('/beheer/koplopers/inschatting');
    const refused = await staff.post('/beheer/koplopers/inschatting', {
      versie: '1',
      basis: 'veel',
      perTienLeraren: '1,5',
      invoerscherm: '6',
      bestand: '3',
      koppeling: '2',
      grondslagen: '8',
      activiteiten: 'Alleen een naam',
      toelichting: '',
    });
    expect(refused.statusCode).toBe(400);
    for (const field of ['basis', 'activiteiten', 'toelichting']) expect(refused.body).toContain(`href="#${field}"`);
    expect(visibleText(refused.body)).toContain('Regel 1: schrijf "Naam | Name in English | uren"');
    expect(refused.body).toContain('Alleen een naam');
    const saved = await staff.post('/beheer/koplopers/inschatting', {
      versie: '1',
      basis: '6',
      perTienLeraren: '2',
      invoerscherm: '6',
      bestand: '3',
      koppeling: '2',
      grondslagen: '10',
      activiteiten: 'Voorlichting voor leraren | Information meeting for teachers | 2\nMeedenksessie | Co-design session | 3',
      toelichting: 'Meer tijd voor de grondslagen na de eerste koplopers.',
    });
    expect(saved.statusCode).toBe(303);
    const page = visibleText((await staff.get(String(saved.headers.location))).body);
    expect(page).toContain('Versie 2 van het inschattingsmodel is vastgesteld.');
    expect(page).toContain('Meer tijd voor de grondslagen na de eerste koplopers.');
    const v1 = visibleText((await staff.get('/beheer/koplopers/inschatting/versies/1')).body);
    expect(v1).toContain('Dit is een eerdere versie; de huidige is versie 2.');
    // a new application is estimated with version 2: 6 + 3 × 2 + 3 + 10 + 2 + 3 = 30
    const receipt = visibleText((await new WebSession(t.app).get(await apply(schools[1]))).body);
    expect(receipt).toContain('ongeveer 30 uur');
    expect(receipt).toContain('(model versie 2)');
    expect((await koploperOf(schools[1])).estimate_version).toBe(2);
    expect((await koploperOf(schools[0])).estimate_version).toBe(1);
    // the activity that version 2 dropped is no longer offered
    expect(visibleText((await new WebSession(t.app).get('/koplopers/aanmelden')).body)).not.toContain('Begeleid goedkeuren');
  });
});

describe('the pipeline', () => {
  it('shows each koploper as a card in its step, moves it with who and when on its timeline', async () => {
    const pipeline = visibleText((await staff.get('/beheer/koplopers')).body);
    expect(pipeline).toContain('1. Aangemeld (3)');
    expect(pipeline).toContain(schools[0].name);
    const k = await koploperOf(schools[0]);
    await staff.get(`/beheer/koplopers/${k.id}`);
    const moved = await staff.post(`/beheer/koplopers/${k.id}/stap`, { stap: '2', toelichting: 'Intake gepland voor dinsdag.' });
    expect(moved.statusCode).toBe(303);
    const page = visibleText((await staff.get(String(moved.headers.location))).body);
    expect(page).toContain('De koploper staat nu in stap 2.');
    expect(page).toContain(`${staffName} Van stap 1. Aangemeld naar stap 2. Intakegesprek. Toelichting: Intake gepland voor dinsdag.`);
    expect(await t.database.query(`SELECT 1 FROM audit_events WHERE action = 'koploper.moved'`)).toHaveLength(1);
  });

  it('refuses step 6 while the approval share is under the threshold, at the field', async () => {
    const k = await koploperOf(schools[0]);
    await staff.get(`/beheer/koplopers/${k.id}`);
    const res = await staff.post(`/beheer/koplopers/${k.id}/stap`, { stap: '6' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#stap"');
    expect(visibleText(res.body)).toContain('De registratie kan nog niet worden voltooid');
    expect((await koploperOf(schools[0])).step).toBe(2);
  });

  it('keeps the owner, next date and notes, on the card and the timeline', async () => {
    const k = await koploperOf(schools[0]);
    const [owner] = await t.database.query<{ id: string }>(`SELECT id FROM accounts WHERE email = 'koplopers@register.nl'`);
    await staff.get(`/beheer/koplopers/${k.id}`);
    const bad = await staff.post(`/beheer/koplopers/${k.id}/gegevens`, { eigenaar: owner.id, volgendeDatum: '2027-02-30', notities: 'Bellen' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#volgendeDatum"');
    const saved = await staff.post(`/beheer/koplopers/${k.id}/gegevens`, {
      eigenaar: owner.id,
      volgendeDatum: '2027-03-02',
      notities: 'Bellen over de aanlevering.',
    });
    expect(saved.statusCode).toBe(303);
    const page = visibleText((await staff.get(String(saved.headers.location))).body);
    expect(page).toContain('Eigenaar: Karin Koploper. Volgende datum: 2 maart 2027. Notities bijgewerkt.');
    const card = visibleText((await staff.get('/beheer/koplopers?stap=2')).body);
    expect(card).toContain('Eigenaar Karin Koploper');
    expect(card).toContain('Volgende datum 2 maart 2027');
    expect(card).toContain('Bellen over de aanlevering.');
    expect(card).not.toContain(schools[1].name); // in step 1, filtered out
  });

  it('completes step 4 by itself once the board’s first delivery is applied', async () => {
    const k = await koploperOf(schools[1]);
    await t.database.query(`UPDATE koplopers SET step = 4 WHERE id = $1`, [k.id]);
    expect(visibleText((await staff.get('/beheer/koplopers?stap=4')).body)).toContain(schools[1].name);
    await t.database.query(
      `INSERT INTO deliveries (id, board_id, mode, status, format, byte_size, sha256, channel, submitted_by_label, finished_at)
       VALUES (gen_random_uuid(), $1, 'volledig', 'verwerkt', 'csv', 10, 'x', 'upload', 'HR', '2027-01-15T10:00:00Z')`,
      [schools[1].boardId],
    );
    const five = visibleText((await staff.get('/beheer/koplopers?stap=5')).body);
    expect(five).toContain(schools[1].name);
    expect(five).toContain('nog niets aangeleverd');
    const page = visibleText((await staff.get(`/beheer/koplopers/${k.id}`)).body);
    expect(page).toContain('Het register (automatisch) Stap 4 voltooid: de eerste aanlevering van het bestuur is verwerkt op 15 januari 2027.');
  });

  it('shows the school’s live approval figures and offers step 6 from the threshold staff set', async () => {
    const k = await koploperOf(schools[1]);
    // ten employments at the school: nine approved, one to check
    for (let i = 0; i < 10; i++) {
      const person = crypto.randomUUID();
      await t.database.query(`INSERT INTO persons (id, initials, surname, birth_date) VALUES ($1, 'L.', 'Leraar', '1980-01-01')`, [person]);
      await t.database.query(
        `INSERT INTO employments (id, person_id, board_id, school_id, staff_number, employment_key, function, start_date, approval_status)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $4, 'LERAAR', '2020-08-01', $5)`,
        [person, schools[1].boardId, schools[1].id, `K-${i}`, i < 9 ? 'geaccordeerd' : 'te-controleren'],
      );
    }
    const card = visibleText((await staff.get('/beheer/koplopers?stap=5')).body);
    expect(card).toContain('9 van 10 akkoord (90%)');
    expect(card).toContain('Klaar om af te ronden.');
    // staff raise the threshold to 95%: step 6 is no longer offered, and refused
    await staff.get('/beheer/koplopers');
    expect((await staff.post('/beheer/koplopers/drempel', { drempel: '101' })).statusCode).toBe(400);
    expect((await staff.post('/beheer/koplopers/drempel', { drempel: '95' })).statusCode).toBe(303);
    const page = await staff.get(`/beheer/koplopers/${k.id}`);
    expect(page.body).not.toContain('<option value="6"');
    expect((await staff.post(`/beheer/koplopers/${k.id}/stap`, { stap: '6' })).statusCode).toBe(400);
    await staff.get('/beheer/koplopers');
    await staff.post('/beheer/koplopers/drempel', { drempel: '90' });
    await staff.get(`/beheer/koplopers/${k.id}`);
    expect((await staff.post(`/beheer/koplopers/${k.id}/stap`, { stap: '6' })).statusCode).toBe(303);
    expect((await koploperOf(schools[1])).step).toBe(6);
  });

  it('filters by province and owner, exports CSV, and counts on the start page', async () => {
    const [{ province }] = await t.database.query<{ province: string }>(`SELECT provinces[1] AS province FROM schools WHERE id = $1`, [schools[0].id]);
    const byProvince = visibleText((await staff.get(`/beheer/koplopers?provincie=${encodeURIComponent(province)}`)).body);
    expect(byProvince).toContain(schools[0].name);
    const noOwner = visibleText((await staff.get('/beheer/koplopers?eigenaar=geen')).body);
    expect(noOwner).not.toContain(schools[0].name);
    expect(noOwner).toContain(schools[1].name);
    const csv = await staff.get('/beheer/koplopers.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toContain('stap;school;code;bestuur;provincie;eigenaar');
    expect(lines.some((l) => l.startsWith(`2;${schools[0].name};${schools[0].brin};`) && l.includes('Karin Koploper'))).toBe(true);
    expect(lines.some((l) => l.startsWith(`6;${schools[1].name};`) && l.includes(';9;10;'))).toBe(true);
    expect(csv.body).not.toContain('anna@school.example.nl');
    const start = visibleText((await staff.get('/beheer')).body);
    expect(start).toContain('Koplopers');
    expect(start).toContain('3 koplopers; 1 nieuw aangemeld, 0 bij het goedkeuren, 1 voltooid');
  });

  it('keeps a list of suppliers the form offers', async () => {
    await staff.get('/beheer/koplopers/leveranciers');
    const bad = await staff.post('/beheer/koplopers/leveranciers', { naam: 'X', email: 'geen-adres', actief: 'ja' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#naam"');
    expect(bad.body).toContain('href="#email"');
    const added = await staff.post('/beheer/koplopers/leveranciers', {
      naam: 'AFAS Software',
      contactpersoon: 'Marieke Bosman',
      email: 'onderwijs@afas.example.nl',
      actief: 'ja',
    });
    expect(added.statusCode).toBe(303);
    await staff.get('/beheer/koplopers/leveranciers');
    expect((await staff.post('/beheer/koplopers/leveranciers', { naam: 'afas software', actief: 'ja' })).statusCode).toBe(400);
    const form = visibleText((await new WebSession(t.app).get('/koplopers/aanmelden')).body);
    expect(form).toContain('AFAS Software');
    const receipt = await apply(schools[2], {
      aanlevering: 'koppeling',
      leverancier: (await t.database.query<{ id: string }>(`SELECT id FROM software_suppliers`))[0].id,
    });
    expect(receipt).toMatch(/^\/koplopers\/aanmelding\/[A-Za-z0-9_-]{32}\?melding=verstuurd$/);
    const card = visibleText((await staff.get('/beheer/koplopers?stap=1')).body);
    expect(card).toContain('Leverancier AFAS Software: Marieke Bosman · onderwijs@afas.example.nl');
  });

  it('is for register staff only', async () => {
    const other = await createAccount(t.database, { email: 'leraar@school.nl', displayName: 'Lotte Leraar' });
    const web = await sessionFor(t.app, t.database, other.id);
    for (const path of ['/beheer/koplopers', '/beheer/koplopers.csv', '/beheer/koplopers/inschatting', '/beheer/koplopers/leveranciers']) {
      expect((await web.get(path)).statusCode, path).toBe(403);
    }
  });
});
