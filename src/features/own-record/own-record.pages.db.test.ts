import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, deliverAndApply, deliveringBoard, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import type { DeliveryDeps } from '../deliveries/index.ts';
import { isRegisterNumber } from '../register/index.ts';

let t: TestApp;
let deps: DeliveryDeps;
let board: { id: string; number: string };
let school: { brin: string; location: string };
let hrActor: Awaited<ReturnType<typeof boardStaffActor>>;
let teacher: WebSession;
let hr: WebSession;
let employments: { id: string; function: string }[];
const disputes = () => `/beheer/bestuur/${board.id}/betwistingen`;

const row = (changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: 'K1',
  voorletters: 'K.',
  achternaam: 'Klopt',
  geboortedatum: '1985-05-05',
  email: 'k.klopt@school.nl',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2019-08-01',
  ...changes,
});

const deliver = async (rows: DeliveryRow[], mode: 'volledig' | 'mutaties' = 'volledig') => (await deliverAndApply(deps, hrActor, board.id, rows, mode)).applied;

const mailsOf = (template: string) =>
  t.database.query<{ to_address: string; subject: string; text: string }>(
    `SELECT to_address, subject, text FROM mail_outbox WHERE template = $1 ORDER BY created_at DESC`,
    [template],
  );
const statusOf = async (id: string) => (await t.database.query<{ s: string }>(`SELECT approval_status AS s FROM employments WHERE id = $1`, [id]))[0].s;

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  deps = deliveryDeps(t.database);
  ({ board, school } = await deliveringBoard(t.database));
  hrActor = await boardStaffActor(t.database, board.id, 'hr@bestuur.nl');
  hr = await sessionFor(t.app, t.database, hrActor.type === 'account' ? hrActor.accountId : '');
  await deliver([row(), row({ functie: 'INTERN_BEGELEIDER', benoemingsgrondslag: '' })]);
  employments = await t.database.query(`SELECT id, function FROM employments ORDER BY function`);
  const account = await createAccount(t.database, { email: 'k.klopt@school.nl', displayName: 'Kim Klopt' });
  teacher = await sessionFor(t.app, t.database, account.id);
});
afterAll(async () => t?.close());

const [ib, leraar] = [() => employments[0], () => employments[1]];

describe('Mijn register: the professional checks what the board delivered', () => {
  it('lists both employments to check, each with its own buttons', async () => {
    const page = await teacher.get('/mijn-register');
    const text = visibleText(page.body);
    expect(text).toContain('Nog te controleren: 2.');
    // check your answers: each employment's fields in words (codes as labels), dates in the one date style
    expect(text).toMatch(
      /Leraar · .* \(03WU\) Werkgever Stichting Christelijke Kindcentra Drenthe Functie Leraar Benoemingsgrondslag Bevoegd School of vestiging .* \(03WU\) Begindatum 1 augustus 2019 Einddatum geen: het dienstverband loopt Werktijdfactor niet aangeleverd Status te controleren Klopt : Leraar/,
    );
    expect(text).toMatch(/Functie Intern begeleider Benoemingsgrondslag — /);
    expect(page.body).toContain(`action="/mijn-register/dienstverbanden/${leraar().id}/akkoord"`);
    expect(page.body).toContain(`href="/mijn-register/dienstverbanden/${ib().id}/betwisten"`);
  });

  it('approves one: a notice, the status akkoord, and a line in the history by the professional', async () => {
    const res = await teacher.post(`/mijn-register/dienstverbanden/${leraar().id}/akkoord`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/mijn-register?melding=akkoord');
    const text = visibleText((await teacher.get(String(res.headers.location))).body);
    expect(text).toContain('U hebt het dienstverband akkoord gegeven.');
    expect(text).toContain('Nog te controleren: 1.');
    expect(await statusOf(leraar().id)).toBe('geaccordeerd');
    expect(await t.database.query(`SELECT kind, changes, by_label FROM person_history WHERE employment_id = $1`, [leraar().id])).toEqual([
      { kind: 'dienstverband-geaccordeerd', changes: { status: ['te-controleren', 'geaccordeerd'] }, by_label: 'Kim Klopt' },
    ]);
  });

  it('refuses approving it twice, in Dutch, and changes nothing', async () => {
    await teacher.get('/mijn-register');
    const res = await teacher.post(`/mijn-register/dienstverbanden/${leraar().id}/akkoord`, {});
    expect(res.statusCode).toBe(409);
    expect(visibleText(res.body)).toContain('U hebt dit dienstverband al akkoord gegeven.');
  });

  it('refuses it in English to someone reading in English', async () => {
    teacher.cookies.set('lang', 'en');
    try {
      await teacher.get('/mijn-register');
      const res = await teacher.post(`/mijn-register/dienstverbanden/${leraar().id}/akkoord`, {});
      expect(res.statusCode).toBe(409);
      expect(visibleText(res.body)).toContain('You have already approved this employment.');
    } finally {
      teacher.cookies.delete('lang');
    }
  });

  it('a dispute without a comment: the form again, with the error linked to the field', async () => {
    await teacher.get(`/mijn-register/dienstverbanden/${ib().id}/betwisten`);
    const res = await teacher.post(`/mijn-register/dienstverbanden/${ib().id}/betwisten`, { velden: 'functie', toelichting: '  ' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#toelichting"');
    expect(visibleText(res.body)).toContain('Schrijf wat er niet klopt.');
    expect(await statusOf(ib().id)).toBe('te-controleren');
  });

  it('a dispute without a comment, in English: the error at the field in English', async () => {
    teacher.cookies.set('lang', 'en');
    try {
      await teacher.get(`/mijn-register/dienstverbanden/${ib().id}/betwisten`);
      const res = await teacher.post(`/mijn-register/dienstverbanden/${ib().id}/betwisten`, { velden: 'functie', toelichting: 'nee' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#toelichting"');
      expect(visibleText(res.body)).toContain('Write at least 5 characters.');
      expect(await statusOf(ib().id)).toBe('te-controleren');
    } finally {
      teacher.cookies.delete('lang');
    }
  });

  it('disputes the other with a comment: betwist, and the comment shown back', async () => {
    await teacher.get(`/mijn-register/dienstverbanden/${ib().id}/betwisten`);
    const res = await teacher.post(`/mijn-register/dienstverbanden/${ib().id}/betwisten`, {
      velden: ['functie', 'einddatum'],
      toelichting: 'Ik ben sinds 2023 geen intern begeleider meer. <script>x</script>',
    });
    expect(res.statusCode).toBe(303);
    const page = await teacher.get(String(res.headers.location));
    expect(visibleText(page.body)).toContain(
      'betwist Klopt niet: Functie, Einddatum U schreef: "Ik ben sinds 2023 geen intern begeleider meer. <script>x</script>"',
    );
    expect(page.body).not.toContain('<script>x</script>');
    expect(await statusOf(ib().id)).toBe('betwist');
    // the board's staff hear of it in the day's overview (the default): no mail at once (record-notices.db.test.ts)
    expect(await mailsOf('dispute-filed')).toEqual([]);
  });

  it("someone else cannot see, approve or dispute the professional's employments", async () => {
    const other = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'ander@school.nl' })).id);
    await other.get('/mijn-register');
    expect((await other.post(`/mijn-register/dienstverbanden/${ib().id}/akkoord`, {})).statusCode).toBe(404);
    expect((await other.get(`/mijn-register/dienstverbanden/${ib().id}/betwisten`)).statusCode).toBe(404);
    expect(await statusOf(ib().id)).toBe('betwist');
  });
});

describe("the board's staff and the dispute", () => {
  it('see it with the comment, and reading it is in the audit trail', async () => {
    const page = await hr.get(disputes());
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    expect(text).toMatch(
      /K\. Klopt Intern begeleider .* Functie, Einddatum Ik ben sinds 2023 geen intern begeleider meer\. <script>x<\/script> open Beantwoorden/,
    );
    expect(page.body).not.toContain('<script>x</script>');
    expect((await auditRows(t.database, 'employment-disputes.viewed')).at(-1)).toMatchObject({ subject_organisation_id: board.id });
  });

  it('staff of another board are refused, and see nothing of it', async () => {
    const [other] = await t.database.query<{ id: string }>(`SELECT id FROM boards WHERE id <> $1 ORDER BY number LIMIT 1`, [board.id]);
    const outsider = await boardStaffActor(t.database, other.id, 'hr@anderbestuur.nl');
    const web = await sessionFor(t.app, t.database, outsider.type === 'account' ? outsider.accountId : '');
    const res = await web.get(disputes());
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('intern begeleider');
  });

  it('an empty answer is refused at the field; an answer sends it back to the professional to check again', async () => {
    const [dispute] = await t.database.query<{ id: string }>(`SELECT id FROM employment_disputes WHERE status = 'open'`);
    await hr.get(`${disputes()}/${dispute.id}`);
    const empty = await hr.post(`${disputes()}/${dispute.id}`, { antwoord: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#antwoord"');
    const res = await hr.post(`${disputes()}/${dispute.id}`, { antwoord: 'Volgens ons rooster ben je nog IB-er op dinsdag.' });
    expect(res.statusCode).toBe(303);
    expect(visibleText((await hr.get(String(res.headers.location))).body)).toContain('Er zijn geen openstaande betwistingen.');
    const own = visibleText((await teacher.get('/mijn-register')).body);
    expect(own).toContain('Antwoord van uw werkgever (hr): "Volgens ons rooster ben je nog IB-er op dinsdag." Controleer');
    expect(await statusOf(ib().id)).toBe('te-controleren');
    // and the professional is told by mail, at their account's address
    const [mail] = await mailsOf('dispute-answered');
    expect(mail.to_address).toBe('k.klopt@school.nl');
    expect(mail.text).toContain('Volgens ons rooster ben je nog IB-er op dinsdag.');
    expect(mail.text).toContain('/mijn-register');
    expect((await hr.post(`${disputes()}/${dispute.id}`, { antwoord: 'Nog een keer antwoorden.' }, { csrf: hr.csrfToken() })).statusCode).toBe(409);
  });

  it('a corrected delivery closes an open dispute; the professional checks the employment again', async () => {
    await teacher.get(`/mijn-register/dienstverbanden/${ib().id}/betwisten`);
    await teacher.post(`/mijn-register/dienstverbanden/${ib().id}/betwisten`, { velden: 'einddatum', toelichting: 'Einddatum is 2023-07-31.' });
    await deliver([row({ functie: 'INTERN_BEGELEIDER', benoemingsgrondslag: '', einddatum: '2023-07-31', mutatie: 'WIJZIGING' })], 'mutaties');
    expect(await t.database.query(`SELECT status FROM employment_disputes WHERE comment = 'Einddatum is 2023-07-31.'`)).toEqual([{ status: 'opgelost' }]);
    expect(await statusOf(ib().id)).toBe('te-controleren');
    const all = visibleText((await hr.get(`${disputes()}?alle=ja`)).body);
    expect(all).toContain('opgelost door een aanlevering');
    expect(all).toContain('beantwoord');
  });
});

describe('a personal e-mail address', () => {
  it('is refused when it is no address, at the field; saved when it is, with a line in the history', async () => {
    await teacher.get('/mijn-register');
    const bad = await teacher.post('/mijn-register/email', { email: 'kim at thuis' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#email"');
    expect(visibleText(bad.body)).toContain('Dit is geen geldig e-mailadres');
    const res = await teacher.post('/mijn-register/email', { email: ' Kim@Thuis.nl ' });
    expect(res.statusCode).toBe(303);
    const page = await teacher.get(String(res.headers.location));
    expect(visibleText(page.body)).toContain('Uw persoonlijke e-mailadres is opgeslagen.');
    expect(page.body).toContain('value="kim@thuis.nl"');
    expect(await t.database.query(`SELECT changes FROM person_history WHERE kind = 'persoonlijk-email'`)).toEqual([
      { changes: { email: [null, 'kim@thuis.nl'] } },
    ]);
  });
});

describe('inschrijving from Mijn register', () => {
  it('gives a register number with valid check digits at once, and the same one when asked again', async () => {
    const before = visibleText((await teacher.get('/mijn-register')).body);
    expect(before).toContain('Schrijf u in om in het register te komen.');
    const res = await teacher.post('/mijn-register/inschrijving', {});
    expect(res.statusCode).toBe(303);
    const page = visibleText((await teacher.get(String(res.headers.location))).body);
    expect(page).toContain('U bent ingeschreven. Uw registernummer staat hieronder.');
    const number = /Registernummer (\d{9})/.exec(page)![1];
    expect(isRegisterNumber(number)).toBe(true);
    expect(page).toMatch(/Status ingeschreven/);
    await teacher.post('/mijn-register/inschrijving', {});
    expect(await t.database.query(`SELECT register_number FROM enrolments`)).toEqual([{ register_number: number }]);
    expect(await t.database.query(`SELECT kind, by_label FROM person_history WHERE kind = 'ingeschreven'`)).toEqual([
      { kind: 'ingeschreven', by_label: 'Kim Klopt' },
    ]);
    expect(await auditRows(t.database, 'enrolment.created')).toHaveLength(1);
  });

  it('without delivered data, the button is refused in Dutch, and the way to enrol with name and birth date is offered', async () => {
    const nobody = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'niet.aangeleverd@school.nl' })).id);
    const page = await nobody.get('/mijn-register');
    expect(visibleText(page.body)).toContain('Nog geen gegevens van uw werkgever? U kunt zich ook zelf inschrijven');
    expect(page.body).toContain('href="/mijn-register/inschrijving/gegevens"');
    const res = await nobody.post('/mijn-register/inschrijving', {});
    expect(res.statusCode).toBe(409);
    expect(visibleText(res.body)).toContain('Er zijn (nog) geen gegevens van u aan uw account gekoppeld. Schrijf u in met uw naam en geboortedatum');
  });

  it("is in the professional's AVG download, with the employments, their check and the history", async () => {
    const data = JSON.parse((await teacher.get('/mijn-gegevens/download')).body);
    expect(data.register.inschrijving).toMatchObject({
      registernummer: expect.stringMatching(/^\d{9}$/),
      status: 'ingeschreven',
      verloop: [{ wanneer: expect.any(String), van: null, naar: 'ingeschreven', door: expect.any(String), reden: null }],
    });
    expect(data.register.dienstverbanden.map((d: { functie: string; controle: string }) => [d.functie, d.controle]).sort()).toEqual([
      ['INTERN_BEGELEIDER', 'te-controleren'],
      ['LERAAR', 'geaccordeerd'],
    ]);
    expect(data.register.geschiedenis.map((h: { wat: string }) => h.wat)).toContain('ingeschreven');
    // what the board delivered about her, too
    expect(data.register.aangeleverdePersoonsgegevens).toEqual({
      voorletters: 'K.',
      voornamen: null,
      tussenvoegsel: null,
      achternaam: 'Klopt',
      geboortedatum: '1985-05-05',
      werkEmail: 'k.klopt@school.nl',
      bsn: null,
      personeelsnummers: [{ bestuur: 'Stichting Christelijke Kindcentra Drenthe', personeelsnummer: 'K1' }],
      gecontroleerdOp: null,
    });
  });
});

describe('Mijn register: the delivered person data, to check', () => {
  it('shows in words what the board delivered about her, before the employments', async () => {
    const text = visibleText((await teacher.get('/mijn-register')).body);
    expect(text).toMatch(
      /Uw gegevens zoals aangeleverd .* Voorletters K\. Voornamen niet aangeleverd Tussenvoegsel niet aangeleverd Achternaam Klopt Geboortedatum 5 mei 1985 Personeelsnummer K1 \(Stichting Christelijke Kindcentra Drenthe\) BSN niet aangeleverd E-mailadres \(werk\) k\.klopt@school\.nl Controle Nog niet gecontroleerd .* Mijn gegevens kloppen : Uw gegevens zoals aangeleverd Klopt niet : Uw gegevens zoals aangeleverd/,
    );
    expect(text.indexOf('Uw gegevens zoals aangeleverd')).toBeLessThan(text.indexOf('Uw dienstverbanden'));
  });
});
