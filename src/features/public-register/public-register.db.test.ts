import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, bytesOf, deliveringBoard, deliveryCsv, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText } from '../../../tests/support/web-session.ts';
import { applyDelivery, submitDelivery } from '../deliveries/index.ts';
import { enrol } from '../register/index.ts';
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
    expect(result.text).toContain(`B. van der Berg ${numbers['berenice@school.nl']} ingeschreven — ${school.name}`);
  });

  it('says the status in the reader’s language', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/register?naam=van der Berg&lang=en' });
    const text = visibleText(res.body);
    expect(text).toContain(`B. van der Berg ${numbers['berenice@school.nl']} enrolled — ${school.name}`);
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
    expect(one.json()).toMatchObject({ registernummer: number, naam: 'J. de Wit' });
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
