import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';

let t: TestApp;
let staff: WebSession;
const form = {
  versie: '1',
  niveaus: 'Registerleraar; geregistreerd; Bevoegd leraar met een dienstverband',
  cyclus: '4',
  eenheid: 'uren',
  uren: '160',
  urenPrimairProces: '100',
  minimumPunten: '60',
  perioden: '60:3, 80:4, 100:5, 120:6, 140:7',
  themas: '3',
  masterVolstaat: 'ja',
  tarief: '35',
  toelichting: 'Tarief ingevoerd per 2027',
};

beforeAll(async () => {
  t = await createTestApp();
  const account = await createAccount(t.database, {
    email: 'regels@register.nl',
    displayName: 'Rianne Regels',
    roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
  });
  staff = await sessionFor(t.app, t.database, account.id);
});
afterAll(async () => t?.close());

describe('registers as data', () => {
  it('lists both registers with their current rules', async () => {
    const text = visibleText((await staff.get('/beheer/registers')).body);
    expect(text).toContain('Lerarenregister 1 Registerleraar geregistreerd ten minste 160 uren per 4 jaar, waarvan 100 op het primaire proces');
    expect(text).toContain(
      'Schoolleidersregister PO 1 RDO in opleiding, RDO niveau 1, RDO niveau 2, RDO master ten minste 60 punten; de norm is 100 punten per 5 jaar; ' +
        'het totaal bepaalt de volgende periode: vanaf 60 punten 3 jaar, vanaf 80 punten 4 jaar, vanaf 100 punten 5 jaar, vanaf 120 punten 6 jaar, vanaf 140 punten 7 jaar',
    );
  });

  it('refuses a new version with problems, each at its field, and saves nothing', async () => {
    await staff.get('/beheer/registers/lerarenregister');
    const res = await staff.post('/beheer/registers/lerarenregister', { ...form, cyclus: '0', toelichting: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#cyclus"');
    expect(res.body).toContain('href="#toelichting"');
    expect(visibleText(res.body)).toContain('De cyclus is een heel aantal jaren, van 1 tot en met 10.');
    expect(await t.database.query(`SELECT count(*)::int AS n FROM register_versions`)).toEqual([{ n: 2 }]);
  });

  it('refuses a new version in English to register staff who chose English', async () => {
    await staff.get('/beheer/registers/lerarenregister?lang=en');
    const res = await staff.post('/beheer/registers/lerarenregister', { ...form, cyclus: '0', tarief: 'gratis' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#cyclus"');
    const text = visibleText(res.body);
    expect(text).toContain('The cycle is a whole number of years, from 1 to 10.');
    expect(text).toContain('The fee is an amount in euros, for example 0 or 45.50.');
    expect(text).not.toContain('De cyclus');
    await staff.get('/beheer/registers/lerarenregister?lang=nl');
    expect(await t.database.query(`SELECT count(*)::int AS n FROM register_versions`)).toEqual([{ n: 2 }]);
  });

  it('saves a change as a new version; the old version stays as it was', async () => {
    await staff.get('/beheer/registers/lerarenregister');
    const res = await staff.post('/beheer/registers/lerarenregister', form);
    expect(res.statusCode).toBe(303);
    const text = visibleText((await staff.get(String(res.headers.location))).body);
    expect(text).toContain('Versie 2 is opgeslagen. Zij geldt voor nieuwe besluiten.');
    expect(text).toContain('Geldende regels (versie 2)');
    expect(text).toContain('Tarief € 35,00');
    expect(text).toMatch(/2 .* Rianne Regels Tarief ingevoerd per 2027/);
    const versions = await t.database.query<{ version: number; fee_cents: number }>(
      `SELECT v.version, v.fee_cents FROM register_versions v JOIN registers r ON r.id = v.register_id WHERE r.code = 'lerarenregister' ORDER BY v.version`,
    );
    expect(versions).toEqual([
      { version: 1, fee_cents: 0 },
      { version: 2, fee_cents: 3500 },
    ]);
    expect((await auditRows(t.database, 'register.version-added'))[0].after).toMatchObject({ register: 'lerarenregister', version: 2 });
  });

  it('stores the re-registration rule as data: brackets typed by staff, checked at their field', async () => {
    await staff.get('/beheer/registers/schoolleidersregister-po');
    const leaders = {
      ...form,
      niveaus: 'RDO; niveau 1; Ten minste 15 ECTS',
      cyclus: '5',
      eenheid: 'punten',
      toelichting: 'Kortere perioden voor weinig punten',
    };
    const wrong = await staff.post('/beheer/registers/schoolleidersregister-po', { ...leaders, perioden: '60:3, 50:4' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#perioden"');
    expect(visibleText(wrong.body)).toContain('Zet de perioden op volgorde van punten, van weinig naar veel, elk aantal één keer.');
    const saved = await staff.post('/beheer/registers/schoolleidersregister-po', { ...leaders, minimumPunten: '50', perioden: '50:2, 75:4, 100:5, 150:7' });
    expect(saved.statusCode).toBe(303);
    const text = visibleText((await staff.get(String(saved.headers.location))).body);
    expect(text).toContain(
      'ten minste 50 punten; de norm is 100 punten per 5 jaar; het totaal bepaalt de volgende periode: vanaf 50 punten 2 jaar, vanaf 75 punten 4 jaar',
    );
    const [stored] = await t.database.query<{
      rule: unknown;
      unit: string;
      minimum: number;
    }>(`SELECT v.renewal_rule AS rule, v.renewal_unit AS unit, v.renewal_minimum AS minimum
      FROM register_versions v JOIN registers r ON r.id = v.register_id WHERE r.code = 'schoolleidersregister-po' AND v.version = 2`);
    expect(stored).toEqual({
      unit: 'punten',
      minimum: 100,
      rule: {
        kind: 'punten',
        norm: { points: 100, years: 5 },
        minimum: 50,
        periods: [
          { from: 50, years: 2 },
          { from: 75, years: 4 },
          { from: 100, years: 5 },
          { from: 150, years: 7 },
        ],
      },
    });
  });

  it('refuses a change made on a version that is no longer current (two people at once)', async () => {
    await staff.get('/beheer/registers/lerarenregister');
    const res = await staff.post('/beheer/registers/lerarenregister', { ...form, versie: '1', toelichting: 'Gelijktijdige wijziging' });
    expect(res.statusCode).toBe(409);
    expect(visibleText(res.body)).toContain('Iemand anders heeft intussen een nieuwe versie gemaakt.');
  });

  it('says so in English when the change was made on a version that is no longer current', async () => {
    await staff.get('/beheer/registers/lerarenregister?lang=en');
    const res = await staff.post('/beheer/registers/lerarenregister', { ...form, versie: '1', toelichting: 'Gelijktijdige wijziging' });
    expect(res.statusCode).toBe(409);
    expect(visibleText(res.body)).toContain('Someone else has made a new version in the meantime.');
    await staff.get('/beheer/registers/lerarenregister?lang=nl');
  });

  it('is only for register staff', async () => {
    const pro = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'leraar@school.nl' })).id);
    expect((await pro.get('/beheer/registers')).statusCode).toBe(403);
    expect((await pro.get('/beheer/registers/lerarenregister')).statusCode).toBe(403);
  });
});

describe("a register's reminders to check delivered details", () => {
  it('shows the days, 14 and 42 unless set; refuses a second reminder within a week of the first, at the field, in English too', async () => {
    const page = await staff.get('/beheer/registers/schoolleidersregister-po');
    expect(visibleText(page.body)).toContain('Herinneringen om gegevens te controleren');
    expect(page.body).toMatch(/id="eersteHerinnering"[^>]*value="14"|value="14"[^>]*id="eersteHerinnering"/);
    const close = await staff.post('/beheer/registers/schoolleidersregister-po/herinneringen', { eersteHerinnering: '10', tweedeHerinnering: '15' });
    expect(close.statusCode).toBe(400);
    expect(close.body).toContain('href="#tweedeHerinnering"');
    expect(visibleText(close.body)).toContain('Kies voor de tweede herinnering ten minste 18 dagen: meer dan een week na de eerste.');
    await staff.get('/beheer/registers/schoolleidersregister-po?lang=en');
    const junk = await staff.post('/beheer/registers/schoolleidersregister-po/herinneringen', { eersteHerinnering: 'tien', tweedeHerinnering: '30' });
    expect(junk.statusCode).toBe(400);
    expect(visibleText(junk.body)).toContain('Give a number of days from 1 to 365.');
    await staff.get('/beheer/registers/schoolleidersregister-po?lang=nl');
    expect(
      await t.database.query(`SELECT check_reminder_first_days AS a, check_reminder_second_days AS b FROM registers WHERE code = 'schoolleidersregister-po'`),
    ).toEqual([{ a: 14, b: 42 }]);
  });

  it('saves them in place, without a new version, audited with before and after', async () => {
    const versions = await t.database.query(`SELECT count(*)::int AS n FROM register_versions`);
    await staff.get('/beheer/registers/schoolleidersregister-po');
    const res = await staff.post('/beheer/registers/schoolleidersregister-po/herinneringen', { eersteHerinnering: ' 10 ', tweedeHerinnering: '30' });
    expect(res.statusCode).toBe(303);
    expect(visibleText((await staff.get(String(res.headers.location))).body)).toContain('De herinneringen zijn opgeslagen: na 10 en na 30 dagen.');
    expect(await t.database.query(`SELECT count(*)::int AS n FROM register_versions`)).toEqual(versions);
    expect((await auditRows(t.database, 'register.reminder-days-changed')).at(-1)).toMatchObject({
      before: { register: 'schoolleidersregister-po', first: 14, second: 42 },
      after: { register: 'schoolleidersregister-po', first: 10, second: 30 },
    });
    const pro = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'nieuwsgierig@school.nl' })).id);
    await pro.get('/account');
    expect((await pro.post('/beheer/registers/schoolleidersregister-po/herinneringen', { eersteHerinnering: '1', tweedeHerinnering: '9' })).statusCode).toBe(
      403,
    );
  });
});
