import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, bytesOf, deliveringBoard, deliveryCsv, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { translator } from '../../../tests/support/texts.ts';
import { visibleText, WebSession } from '../../../tests/support/web-session.ts';
import { addDays, addMonths, addYears, dutchToday } from '../../platform/dates/calendar.ts';
import { formatDay } from '../../platform/i18n.ts';
import { applyDelivery, submitDelivery } from '../deliveries/index.ts';
import { enrol, professional } from '../register/index.ts';
import { registerNumberFor } from '../register/index.ts';

let t: TestApp;
let school: { brin: string; location: string; name: string; place: string };
const numbers: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  const delivering = await deliveringBoard(t.database);
  const [facts] = await t.database.query<{ name: string; place: string }>(
    `SELECT s.name, l.place FROM schools s JOIN locations l ON l.school_id = s.id WHERE l.code = $1`,
    [delivering.school.location],
  );
  school = { ...delivering.school, ...facts };
  const row = (n: number, changes: DeliveryRow): DeliveryRow => ({
    bevoegd_gezag_nummer: delivering.board.number,
    personeelsnummer: `R${n}`,
    voorletters: 'A.',
    geboortedatum: '1983-03-03',
    instellingscode: school.brin,
    vestigingscode: school.location,
    functie: 'LERAAR',
    benoemingsgrondslag: 'BEVOEGD',
    begindatum: '2015-08-01',
    ...changes,
  });
  const deps = deliveryDeps(t.database);
  const ctx = { actor: await boardStaffActor(t.database, delivering.board.id, 'hr@register-test.nl') };
  const delivery = await submitDelivery(deps, ctx, {
    boardId: delivering.board.id,
    mode: 'volledig',
    fileName: null,
    applyWhenValid: false,
    channel: 'api',
    body: bytesOf(
      deliveryCsv([
        row(1, { voorletters: 'B.', voornamen: 'Bérénice', tussenvoegsel: 'van der', achternaam: 'Berg', email: 'berenice@school.nl', bsn: '111222333' }),
        row(2, { voorletters: 'J.', voornamen: 'Jan', tussenvoegsel: 'de', achternaam: 'Wit', email: 'jan@school.nl' }),
        row(3, { voorletters: 'N.', voornamen: 'Niet', achternaam: 'Ingeschreven', email: 'niet@school.nl' }),
        row(4, { voorletters: 'B.', voornamen: 'Bram', achternaam: 'Bakker', email: 'bram@school.nl' }),
        row(5, { voorletters: 'C.', voornamen: 'Claire', achternaam: 'Aalbers-Bakker', email: 'claire@school.nl' }),
      ]),
    ),
  });
  await applyDelivery(deps, ctx, delivery.id, { confirmed: true });
  for (const email of ['berenice@school.nl', 'jan@school.nl', 'bram@school.nl', 'claire@school.nl']) {
    const account = await createAccount(t.database, { email });
    const enrolment = await enrol(
      { db: t.database.db },
      { actor: { type: 'account', accountId: account.id, sessionId: 's', email, displayName: email, memberships: [], secondFactorDone: true } },
    );
    numbers[email] = enrolment.registerNumber;
  }
});
afterAll(async () => t?.close());

const page = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/register?${query}` });
  return { status: res.statusCode, body: res.body, text: visibleText(res.body) };
};

describe('the public register page', () => {
  it('shows the search form, without results or errors, on a first visit', async () => {
    const first = await page('');
    expect(first.status).toBe(200);
    expect(first.text).toContain('Zoek een leraar of schoolleider');
    expect(first.text).not.toContain('gevonden');
  });

  it.each([
    ['naam=van der Berg', 'the name with its tussenvoegsel'],
    ['naam=B.%20van%20der%20Berg', 'the name as the register shows it'],
    ['naam=berg', 'the surname alone'],
    ['naam=Berenice', 'the first name without its accents'],
    ['naam=B%C3%A9r%C3%A9nice%20van%20der', 'the first name with its accents and the tussenvoegsel'],
  ])('finds Bérénice van der Berg by %s (%s)', async (query) => {
    const result = await page(query);
    expect(result.text).toContain('1 gevonden');
    expect(result.text).toContain(`B. van der Berg ${numbers['berenice@school.nl']} Ingeschreven — ${school.name}`);
  });

  it('says the status in the reader’s language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/register?naam=van der Berg&lang=en' });
    const text = visibleText(res.body);
    expect(text).toContain(`B. van der Berg ${numbers['berenice@school.nl']} Enrolled — ${school.name}`);
    expect(text).not.toContain('ingeschreven');
  });

  it('finds by register number, with spaces as people type it, and by school or place', async () => {
    const number = numbers['jan@school.nl'];
    expect((await page(`registernummer=${number.slice(0, 4)}%20${number.slice(4)}`)).text).toContain(`J. de Wit ${number}`);
    const bySchool = await page(`school=${encodeURIComponent(school.place.toLowerCase())}`);
    expect(bySchool.text).toContain('4 gevonden');
  });

  it('shows only the public fields, and nobody who did not enrol', async () => {
    const result = await page(`school=${encodeURIComponent(school.name)}`);
    expect(result.text).not.toContain('Ingeschreven N.');
    expect(result.text).not.toContain('Niet');
    for (const secret of ['1983-03-03', '03-03-1983', 'berenice@school.nl', '111222333', 'Bérénice B.']) expect(result.body).not.toContain(secret);
  });

  it("matches the beginnings of the name's words, and lists surname matches first", async () => {
    const bakker = await page('naam=bakk');
    expect(bakker.text).toContain('2 gevonden');
    // Aalbers-Bakker sorts before Bakker, but the surname that begins with the word comes first
    expect(bakker.text.indexOf('B. Bakker')).toBeLessThan(bakker.text.indexOf('C. Aalbers-Bakker'));
    expect(bakker.text.indexOf('C. Aalbers-Bakker')).toBeGreaterThan(-1);
    expect((await page('naam=akker')).text).toContain('Niemand gevonden');
  });

  it('asks for at least 2 letters, at the field', async () => {
    const result = await page('naam=B');
    expect(result.status).toBe(400);
    expect(result.body).toContain('href="#naam"');
    expect(result.text).toContain('Geef ten minste 2 letters van de naam.');
  });

  it('asks for it in English to someone reading in English, and keeps what they typed', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/register?naam=B&page=junk', headers: { cookie: 'lang=en' } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#naam"');
    expect(res.body).toContain('value="B"');
    expect(visibleText(res.body)).toContain('Give at least 2 letters of the name.');
  });
});

describe('the public register API', () => {
  it('lists entries with the public fields only, in the list envelope', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/registraties?naam=berg' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      resultaten: [
        {
          registernummer: numbers['berenice@school.nl'],
          naam: 'B. van der Berg',
          status: 'ingeschreven',
          registraties: [],
          scholen: [{ naam: school.name, brin: school.brin, plaats: school.place }],
        },
      ],
      totaal: 1,
      page: 1,
      pageSize: 20,
    });
  });

  it('pages on from the surname matches into the other matches', async () => {
    const pageOf = async (n: number) => (await t.app.inject({ method: 'GET', url: `/api/v1/registraties?naam=Bakker&pageSize=1&page=${n}` })).json();
    expect(await pageOf(1)).toMatchObject({ resultaten: [{ naam: 'B. Bakker' }], totaal: 2 });
    expect(await pageOf(2)).toMatchObject({ resultaten: [{ naam: 'C. Aalbers-Bakker' }], totaal: 2 });
    expect(await pageOf(3)).toMatchObject({ resultaten: [], totaal: 2 });
  });

  it('gives one entry by register number; a number with wrong check digits is a 400, an unknown one a 404', async () => {
    const number = numbers['jan@school.nl'];
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/registraties/${number}` });
    // enrolled and delivered today: that is the last change
    expect(one.json()).toMatchObject({ registernummer: number, naam: 'J. de Wit', status: 'ingeschreven', laatstGewijzigd: dutchToday() });
    const typo = await t.app.inject({ method: 'GET', url: `/api/v1/registraties/${number.slice(0, 8)}${(Number(number[8]) + 1) % 10}` });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().detail).toBe('Dit is geen geldig registernummer: controleer de cijfers.');
    const unknown = await t.app.inject({ method: 'GET', url: `/api/v1/registraties/${registerNumberFor(9_000_000)}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a search without a question, as Dutch problem+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/registraties' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 400, detail: 'Zoek op naam (ten minste 2 letters), registernummer of school of plaats.' });
  });
});

const nl = translator('nl');
const en = translator('en');
const today = dutchToday();
const day = (date: string, lang: 'nl' | 'en' = 'nl') => formatDay(lang, date);

/** A professional straight in the database, enrolled years ago, with a registration in the Schoolleidersregister PO when `until` is given. */
async function entry(surname: string, p: { since?: string; until?: string; status?: string } = {}) {
  const made = await professional(t.database, {
    email: `${surname.toLowerCase()}@thuis.nl`,
    surname,
    status: p.status,
    ...(p.until ? { register: 'schoolleidersregister-po' as const, since: p.since ?? addYears(p.until, -4), until: p.until } : {}),
  });
  await t.database.query(`UPDATE enrolments SET created_at = now() - interval '6 years' WHERE id = $1`, [made.enrolmentId]);
  return made;
}

describe("an entry's own page", () => {
  it('is linked from each search result, and shows the public fields with what the status means', async () => {
    const web = new WebSession(t.app);
    const number = numbers['berenice@school.nl'];
    const results = await web.get('/register?naam=berg');
    expect(results.body).toContain(`<a class="utrecht-link" href="/register/${number}">B. van der Berg</a>`);
    const res = await web.get(`/register/${number}`);
    expect(res.statusCode).toBe(200);
    const text = visibleText(res.body);
    expect(res.body).toContain('<h1 class="utrecht-heading-1">B. van der Berg</h1>');
    expect(text).toContain(`Registernummer ${number}`);
    expect(text).toContain('Status Ingeschreven');
    expect(text).toContain(nl('register.statusExplain.ingeschreven'));
    // enrolled and delivered in this test: today is the last change, in the one date style
    expect(text).toContain(`Laatst gewijzigd ${day(today)}`);
    expect(text).toContain('Bij deze inschrijving staat geen registratie.');
    expect(text).toContain(`Werkt nu bij ${school.name}, ${school.place}`);
    // never the first names, the birth date, an e-mail address or the BSN
    for (const secret of ['Bérénice', '1983', 'berenice@school.nl', '111222333']) expect(res.body).not.toContain(secret);
  });

  it('writes no audit event: the page shows public facts only, as the search does', async () => {
    const count = async () => (await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events'))[0].n;
    const before = await count();
    expect((await t.app.inject({ method: 'GET', url: `/register/${numbers['jan@school.nl']}` })).statusCode).toBe(200);
    expect(await count()).toBe(before);
  });

  it('a registration: its register, title, level and last day; the status means the committee decided', async () => {
    const until = addYears(today, 3);
    const since = addYears(today, -1);
    const { registerNumber } = await entry('Geldig', { since, until });
    const text = visibleText((await new WebSession(t.app).get(`/register/${registerNumber}`)).body);
    expect(text).toContain('Status Geregistreerd');
    expect(text).toContain(nl('register.statusExplain.geregistreerd'));
    expect(text).toContain(`Schoolleidersregister PO Titel RDO Niveau niveau 1 Geldig tot en met ${day(until)}`);
    expect(text).toContain(`Laatst gewijzigd ${day(since)}`);
  });

  it('onder voorwaarden from the day after the period, dated that day', async () => {
    const until = addMonths(today, -2);
    const { registerNumber } = await entry('Voorwaarde', { until });
    const text = visibleText((await new WebSession(t.app).get(`/register/${registerNumber}`)).body);
    expect(text).toContain('Status Onder voorwaarden');
    expect(text).toContain(nl('register.statusExplain.onderVoorwaarden'));
    expect(text).toContain(`Geldig tot en met ${day(until)} (verlopen)`);
    expect(text).toContain(`Laatst gewijzigd ${day(addDays(until, 1))}`);
  });

  it('herregistratie verlopen six months later, dated the day it lapsed; in English too', async () => {
    const until = addMonths(today, -9);
    const { registerNumber } = await entry('Verlopen', { until });
    const text = visibleText((await new WebSession(t.app).get(`/register/${registerNumber}`)).body);
    expect(text).toContain('Status Herregistratie verlopen');
    expect(text).toContain(nl('register.statusExplain.verlopen'));
    expect(text).toContain(`Laatst gewijzigd ${day(addDays(addMonths(until, 6), 1))}`);
    const english = await new WebSession(t.app).get(`/register/${registerNumber}?lang=en`);
    expect(english.body).toContain('<html lang="en"');
    const englishText = visibleText(english.body);
    expect(englishText).toContain('Status Re-registration lapsed');
    expect(englishText).toContain(en('register.statusExplain.verlopen'));
    expect(englishText).toContain(`Valid up to and including ${day(until, 'en')} (lapsed)`);
    expect(englishText).toContain(`Last changed ${day(addDays(addMonths(until, 6), 1), 'en')}`);
  });

  it('doorgehaald: no registration stays public, only the status and the day of the doorhaling', async () => {
    const { registerNumber, enrolmentId } = await entry('Doorgehaald', { until: addYears(today, 2), status: 'doorgehaald' });
    const struckOn = addDays(today, -10);
    await t.database.query(
      `INSERT INTO enrolment_events (id, enrolment_id, from_status, to_status, by_label, reason, created_at)
       VALUES (gen_random_uuid(), $1, 'geregistreerd', 'doorgehaald', 'Register', 'Besluit op een klacht.', $2::date + time '12:00')`,
      [enrolmentId, struckOn],
    );
    const text = visibleText((await new WebSession(t.app).get(`/register/${registerNumber}`)).body);
    expect(text).toContain('Status Doorgehaald');
    expect(text).toContain(nl('register.statusExplain.doorgehaald'));
    expect(text).toContain('Bij deze inschrijving staat geen registratie.');
    expect(text).not.toContain('RDO');
    expect(text).not.toContain('klacht');
    expect(text).toContain(`Laatst gewijzigd ${day(struckOn)}`);
  });

  it('registratie aangevraagd: enrolled, the application not decided yet', async () => {
    const { registerNumber } = await entry('Aanvrager', { status: 'aangevraagd' });
    const text = visibleText((await new WebSession(t.app).get(`/register/${registerNumber}`)).body);
    expect(text).toContain('Status Registratie aangevraagd');
    expect(text).toContain(nl('register.statusExplain.aangevraagd'));
  });

  it.each([
    ['nl', {}, 'Pagina niet gevonden'],
    ['en', { cookie: 'lang=en' }, 'Page not found'],
  ])('an unknown register number, one with wrong check digits, or no number at all is a 404 page (%s)', async (lang, headers, title) => {
    const known = numbers['jan@school.nl'];
    for (const id of [registerNumberFor(9_000_000), `${known.slice(0, 8)}${(Number(known[8]) + 1) % 10}`, 'B.%20van%20der%20Berg', '1']) {
      const res = await t.app.inject({ method: 'GET', url: `/register/${id}`, headers });
      expect(res.statusCode, id).toBe(404);
      expect(res.body).toContain(`<html lang="${lang}"`);
      expect(visibleText(res.body)).toContain(title);
    }
  });
});

describe("the home page's search form", () => {
  it('asks for a name and answers with the register page and its results', async () => {
    const web = new WebSession(t.app);
    const home = (await web.get('/')).body;
    const form = /<form [^>]*method="get" action="([^"]+)"[^>]*role="search"[^>]*>([\s\S]*?)<\/form>/.exec(home);
    expect(form?.[1]).toBe('/register');
    const field = /<input [^>]*name="([^"]+)"[^>]*type="search"/.exec(form?.[2] ?? '');
    expect(field?.[1]).toBe('naam');
    const results = await web.get(`${form?.[1]}?${field?.[1]}=Berg`);
    expect(visibleText(results.body)).toContain('1 gevonden');
    expect(results.body).toContain(`href="/register/${numbers['berenice@school.nl']}"`);
  });
});
