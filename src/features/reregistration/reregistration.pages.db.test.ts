import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { auditRows, mailsTo, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { expectOneDateStyle, visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { formatDay } from '../../platform/i18n.ts';
import { addDays, addMonths, addYears, dutchToday } from '../../platform/dates/calendar.ts';
import { exportOwnPostponements } from '../register/index.ts';
import { activities, professional, type TestProfessional } from '../register/index.ts';

// Dates relative to today: the app decides with the real date.
const today = dutchToday();
const dutch = (date: string) => formatDay('nl', date);
const office = { kind: 'register' as const, id: registerOfficeId };

let t: TestApp;
let staff: WebSession;
let member: WebSession;
let memberId: string;
const people = {} as Record<'anna' | 'bram' | 'cees' | 'dirk' | 'eva', TestProfessional & { web: WebSession; until: string }>;

async function person(
  key: keyof typeof people,
  surname: string,
  register: 'lerarenregister' | 'schoolleidersregister-po' | undefined,
  until: string,
  points: number[],
) {
  const account = await createAccount(t.database, { email: `${key}@school.nl`, displayName: surname });
  // a registration of five (schoolleiders) or four years (leraren), ending on `until`
  const since = addDays(addYears(until, register === 'lerarenregister' ? -4 : -5), 1);
  const p = await professional(t.database, { email: `${key}@school.nl`, surname, accountId: account.id, register, since, until });
  await activities(
    t.database,
    p.enrolmentId,
    points.map((n, i) => ({ date: addMonths(today, -(i + 2)), points: n })),
  );
  people[key] = { ...p, web: await sessionFor(t.app, t.database, account.id), until };
}

/** The public register's entry, as a visitor reads it (in the one date style: the page is fetched without a WebSession, so checked here). */
async function publicEntry(number: string) {
  const { body } = await t.app.inject({ method: 'GET', url: `/register?registernummer=${number}` });
  expectOneDateStyle(body, '/register');
  return visibleText(body);
}
const applicationOf = async (p: TestProfessional) =>
  (
    await t.database.query<{
      id: string;
      status: string;
      kind: string;
      renews_id: string;
      period_start: string;
      valid_until: string | null;
      decided_on: string | null;
    }>(
      `SELECT id, status, kind, renews_id, period_start::text, valid_until::text, decided_on::text FROM registration_applications WHERE enrolment_id = $1 AND kind = 'herregistratie'`,
      [p.enrolmentId],
    )
  )[0];

/** Register staff assign the herregistratie to the commission member, who grants it. */
async function grant(p: TestProfessional) {
  const { id } = await applicationOf(p);
  await staff.get('/beheer/aanvragen');
  expect((await staff.post(`/beheer/aanvragen/${id}/toewijzing`, { lid: memberId })).statusCode).toBe(303);
  const review = await member.get(`/beheer/aanvragen/${id}`);
  const res = await member.post(`/beheer/aanvragen/${id}/besluit`, {
    besluit: 'registreren',
    motivering: 'Het dossier voldoet aan de regel.',
    bevestigd: 'ja',
  });
  expect(res.statusCode).toBe(303);
  return visibleText(review.body);
}

beforeAll(async () => {
  t = await createTestApp();
  staff = await sessionFor(
    t.app,
    t.database,
    (await createAccount(t.database, { email: 'staf@register.nl', displayName: 'Stefan Staf', roles: [{ role: 'register-staff', organisation: office }] })).id,
  );
  const commission = await createAccount(t.database, {
    email: 'lid@commissie.nl',
    displayName: 'Carla Commissie',
    roles: [{ role: 'registration-committee', organisation: office }],
  });
  memberId = commission.id;
  member = await sessionFor(t.app, t.database, commission.id);
  // Anna: 85 points, her registration ends in three months; Bram: 30 points; Cees: 60 points, his ended two months ago
  await person('anna', 'Aarts', 'schoolleidersregister-po', addMonths(today, 3), [40, 45]);
  await person('bram', 'Bakker', 'schoolleidersregister-po', addMonths(today, 3), [30]);
  await person('cees', 'Claassen', 'schoolleidersregister-po', addMonths(today, -2), [60]);
  // Dirk: a Registerleraar whose period ended a month ago; Eva: enrolled, never registered
  await person('dirk', 'Dekker', 'lerarenregister', addMonths(today, -1), []);
  await person('eva', 'Evers', undefined, today, []);
});
afterAll(async () => t?.close());

describe('herregistratie: the professional applies', () => {
  it('shows the evaluation under the rule of the registration, and the form once the rule is met', async () => {
    const next = addYears(people.anna.until, 4);
    const page = visibleText((await people.anna.web.get('/mijn-register/herregistratie')).body);
    expect(page).toContain(`85 punten: genoeg voor herregistratie; de volgende periode loopt tot en met ${dutch(next)}. Met nog 15 punten haalt u de norm.`);
    expect(page).toContain('Punten 85 van ten minste 60');
    expect(page).toContain(`Volgende periode tot en met ${dutch(next)}`);
    expect(page).toContain('Stand in het openbare register geregistreerd');
    expect(page).toContain('Herregistratie aanvragen');
    // the dossier links here
    expect(visibleText((await people.anna.web.get('/mijn-register/dossier')).body)).toContain('Herregistratie');
  });

  it('needs the confirmation, at its field', async () => {
    await people.anna.web.get('/mijn-register/herregistratie');
    const res = await people.anna.web.post('/mijn-register/herregistratie', { motivering: 'Zie mijn dossier.' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#bevestigd"');
    expect(visibleText(res.body)).toContain('Bevestig dat uw dossier volledig en naar waarheid is ingevuld.');
    expect(await applicationOf(people.anna)).toBeUndefined();
  });

  it('asks for the confirmation in English to someone reading in English', async () => {
    const web = people.anna.web;
    web.cookies.set('lang', 'en');
    try {
      const page = visibleText((await web.get('/mijn-register/herregistratie')).body);
      expect(page).toContain(`Next period until ${formatDay('en', addYears(people.anna.until, 4))}`);
      const res = await web.post('/mijn-register/herregistratie', { motivering: 'Zie mijn dossier.' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#bevestigd"');
      expect(visibleText(res.body)).toContain('Confirm that your dossier is complete and truthfully filled in.');
      expect(await applicationOf(people.anna)).toBeUndefined();
    } finally {
      web.cookies.delete('lang');
    }
  });

  it('applies: a herregistratie of the same title and level, its period running on from the end of the current one', async () => {
    await people.anna.web.get('/mijn-register/herregistratie');
    const res = await people.anna.web.post('/mijn-register/herregistratie', { motivering: '', bevestigd: 'ja' });
    expect(res.statusCode).toBe(303);
    const page = visibleText((await people.anna.web.get(String(res.headers.location))).body);
    expect(page).toContain('Uw aanvraag voor herregistratie is verstuurd.');
    expect(page).toContain('aangevraagd: herregistratie. De status is: aangevraagd.');
    expect(page).toContain('U hebt al een aanvraag in behandeling bij de Commissie Registratie.');
    const application = await applicationOf(people.anna);
    expect(application).toMatchObject({
      status: 'aangevraagd',
      kind: 'herregistratie',
      renews_id: people.anna.registrationId,
      period_start: addDays(people.anna.until, 1),
      valid_until: null,
    });
    const [line] = await t.database.query<{ from_status: string; to_status: string; reason: string }>(
      `SELECT from_status, to_status, reason FROM enrolment_events WHERE enrolment_id = $1`,
      [people.anna.enrolmentId],
    );
    expect(line).toEqual({ from_status: 'geregistreerd', to_status: 'geregistreerd', reason: 'Schoolleidersregister PO: herregistratie aangevraagd' });
    expect((await auditRows(t.database, 'reregistration.applied'))[0].after).toMatchObject({ counted: 85, needed: 60 });
    expect(visibleText((await people.anna.web.get('/mijn-register/registratie')).body)).toContain('Schoolleidersregister PO: RDO niveau 1 (herregistratie)');
  });

  it('refuses a second application while one is open', async () => {
    await people.anna.web.get('/mijn-register/herregistratie');
    const res = await people.anna.web.post('/mijn-register/herregistratie', { bevestigd: 'ja' });
    expect(res.statusCode).toBe(409);
    expect(visibleText(res.body)).toContain('U hebt al een aanvraag in behandeling bij de Commissie Registratie.');
  });

  it('refuses without enough points, and without a registration', async () => {
    const page = visibleText((await people.bram.web.get('/mijn-register/herregistratie')).body);
    expect(page).toContain('Nog 30 punten nodig voor herregistratie (ten minste 60)');
    expect(page).toContain('U voldoet nog niet aan de regel voor herregistratie.');
    const res = await people.bram.web.post('/mijn-register/herregistratie', { bevestigd: 'ja' });
    expect(res.statusCode).toBe(409);
    expect(visibleText(res.body)).toContain('U voldoet nog niet aan de regel voor herregistratie.');
    expect(await applicationOf(people.bram)).toBeUndefined();

    expect(visibleText((await people.eva.web.get('/mijn-register/herregistratie')).body)).toContain(
      'U bent nog niet geregistreerd: vraag eerst registratie aan.',
    );
    const eva = await people.eva.web.post('/mijn-register/herregistratie', { bevestigd: 'ja' });
    expect(eva.statusCode).toBe(409);
    expect(visibleText(eva.body)).toContain('U bent niet geregistreerd: vraag eerst registratie aan.');
  });

  it('says why not in English, on the page and when refusing, to someone reading in English', async () => {
    const web = people.bram.web;
    web.cookies.set('lang', 'en');
    try {
      expect(visibleText((await web.get('/mijn-register/herregistratie')).body)).toContain('You do not meet the rule for re-registration yet.');
      const res = await web.post('/mijn-register/herregistratie', { bevestigd: 'ja' });
      expect(res.statusCode).toBe(409);
      expect(visibleText(res.body)).toContain('You do not meet the rule for re-registration yet.');
    } finally {
      web.cookies.delete('lang');
    }
  });
});

describe('herregistratie: the Commissie Registratie decides', () => {
  it("shows the engine's evaluation, and granting sets the next period the engine computes", async () => {
    const next = addYears(people.anna.until, 4);
    expect(visibleText((await staff.get('/beheer/aanvragen')).body)).toContain(
      'A. Aarts · Schoolleidersregister PO: RDO niveau 1 (herregistratie) · aangevraagd',
    );
    const review = await grant(people.anna);
    expect(review).toContain('Beoordeling van het dossier');
    expect(review).toContain('Punten 85 van ten minste 60');
    expect(review).toContain(`Herregistreren tot en met ${dutch(next)}`);
    // the registration it renews, among the earlier decisions
    expect(review).toMatch(/Eerdere besluiten .*: geregistreerd op \d{1,2} \w+ \d{4}\. Geldig tot en met \d{1,2} \w+ \d{4}\./);
    expect(await applicationOf(people.anna)).toMatchObject({
      status: 'geregistreerd',
      valid_until: next,
      decided_on: today,
      period_start: addDays(people.anna.until, 1),
    });
    const [mail] = await mailsTo(t.database, 'anna@school.nl');
    expect(mail.text).toContain(`herregistreerd tot en met ${dutch(next)}`);
    // the public register shows the new date; Anna's page the new period
    const entry = await publicEntry(people.anna.registerNumber);
    expect(entry).toContain(`Schoolleidersregister PO: RDO niveau 1, tot en met ${dutch(next)}`);
    expect(entry).toContain('Geregistreerd');
    const page = visibleText((await people.anna.web.get('/mijn-register/herregistratie')).body);
    // what counts for the next one starts at the grant (today), three months before the old period ends
    expect(page).toContain(`Periode ${dutch(today)} tot en met ${dutch(next)}`);
    expect(page).toContain('Punten 0 van ten minste 60');
  });

  it('a late re-registration keeps the date: the next period runs on from the end of the last', async () => {
    const page = visibleText((await people.cees.web.get('/mijn-register/herregistratie')).body);
    expect(page).toContain('Stand in het openbare register onder voorwaarden');
    await people.cees.web.get('/mijn-register/herregistratie');
    // the form sent twice at once (a double click): one application, the other told it exists
    const both = await Promise.all([1, 2].map(() => people.cees.web.post('/mijn-register/herregistratie', { bevestigd: 'ja' })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([303, 409]);
    expect(
      await t.database.query(`SELECT 1 FROM registration_applications WHERE enrolment_id = $1 AND kind = 'herregistratie'`, [people.cees.enrolmentId]),
    ).toHaveLength(1);
    await grant(people.cees);
    // 60 points: three years from the end of the period, not from today
    const next = addYears(people.cees.until, 3);
    expect(await applicationOf(people.cees)).toMatchObject({ status: 'geregistreerd', valid_until: next, period_start: addDays(people.cees.until, 1) });
    expect(await publicEntry(people.cees.registerNumber)).toContain(`tot en met ${dutch(next)}`);
  });
});

describe('uitstel', () => {
  let requestId: string;

  it('the professional asks: every problem at its field', async () => {
    expect(await publicEntry(people.dirk.registerNumber)).toContain('Onder voorwaarden');
    await people.dirk.web.get('/mijn-register/uitstel');
    const res = await people.dirk.web.post('/mijn-register/uitstel', { grond: '', toelichting: '', tot: addMonths(people.dirk.until, 13) });
    expect(res.statusCode).toBe(400);
    for (const field of ['grond', 'toelichting', 'tot']) expect(res.body).toContain(`href="#${field}"`);
    expect(visibleText(res.body)).toContain(
      `Uitstel kan tot ten hoogste twaalf maanden na het einde van de registratie: tot en met ${dutch(addMonths(people.dirk.until, 12))}.`,
    );
  });

  it('the professional asks for uitstel until a date after the end', async () => {
    await people.dirk.web.get('/mijn-register/uitstel');
    const res = await people.dirk.web.post('/mijn-register/uitstel', {
      grond: 'ziekte',
      toelichting: 'Langdurig ziek sinds het voorjaar.',
      tot: addMonths(people.dirk.until, 5),
    });
    expect(res.statusCode).toBe(303);
    const page = visibleText((await people.dirk.web.get(String(res.headers.location))).body);
    expect(page).toContain('Uw verzoek om uitstel is verstuurd.');
    expect(page).toContain(`Ziekte ${dutch(addMonths(people.dirk.until, 5))} aangevraagd`);
    expect(page).toContain('U hebt al een verzoek om uitstel in behandeling.');
    [{ id: requestId }] = await t.database.query<{ id: string }>(`SELECT id FROM postponements`);
    // the request, with what it says about their health, is in their AVG download
    const download = JSON.parse((await people.dirk.web.get('/mijn-gegevens/download')).body) as { uitstel: Record<string, unknown>[] };
    expect(JSON.stringify(download.uitstel)).toContain('Langdurig ziek sinds het voorjaar.');
  });

  it('only the Commissie Registratie sees the requests; reading one is audited', async () => {
    expect((await staff.get('/beheer/uitstel')).statusCode).toBe(403);
    expect((await people.dirk.web.get(`/beheer/uitstel/${requestId}`)).statusCode).toBe(403);
    expect(visibleText((await member.get('/beheer/uitstel')).body)).toContain(`D. Dekker (${people.dirk.registerNumber})`);
    // one line per person in the list, naming them
    const [dirk] = await t.database.query<{ id: string }>(`SELECT person_id AS id FROM enrolments WHERE account_id = $1`, [people.dirk.accountId]);
    expect((await auditRows(t.database, 'postponements.listed')).map((r) => ({ role: r.actor_role, person: r.subject_person_id }))).toEqual([
      { role: 'registration-committee', person: dirk.id },
    ]);
    const one = visibleText((await member.get(`/beheer/uitstel/${requestId}`)).body);
    expect(one).toContain('Langdurig ziek sinds het voorjaar.');
    expect((await auditRows(t.database, 'postponement.viewed'))[0]).toMatchObject({
      actor_role: 'registration-committee',
      subject_account_id: people.dirk.accountId,
    });
  });

  it('granted: the public register shows geregistreerd until the postponed date, and the professional is told', async () => {
    const until = addMonths(people.dirk.until, 4);
    await member.get(`/beheer/uitstel/${requestId}`);
    const wrong = await member.post(`/beheer/uitstel/${requestId}`, { besluit: 'toekennen', tot: people.dirk.until, motivering: '' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#tot"');
    expect(wrong.body).toContain('href="#motivering"');
    const res = await member.post(`/beheer/uitstel/${requestId}`, { besluit: 'toekennen', tot: until, motivering: 'Ziekte is aannemelijk gemaakt.' });
    expect(res.statusCode).toBe(303);
    expect(visibleText((await member.get(String(res.headers.location))).body)).toContain('Het besluit is vastgelegd');
    const entry = await publicEntry(people.dirk.registerNumber);
    expect(entry).toContain('geregistreerd');
    expect(entry).not.toContain('onder voorwaarden');
    // the period itself still ends where it ended
    expect(entry).toContain(`Lerarenregister: Registerleraar geregistreerd, tot en met ${dutch(people.dirk.until)}`);
    const [mail] = await mailsTo(t.database, 'dirk@school.nl');
    expect(mail.text).toContain(`uitstel toegekend tot en met ${dutch(until)}`);
    expect(visibleText((await people.dirk.web.get('/mijn-register/herregistratie')).body)).toContain(`Uitstel tot en met ${dutch(until)}`);
    expect((await auditRows(t.database, 'postponement.decided'))[0].after).toMatchObject({ decision: 'toegekend', until });
    // in the professional's AVG download
    expect(await exportOwnPostponements(t.database.db, people.dirk.accountId)).toMatchObject([
      {
        reden: 'ziekte',
        toelichting: 'Langdurig ziek sinds het voorjaar.',
        status: 'toegekend',
        toegekendTot: until,
        motivering: 'Ziekte is aannemelijk gemaakt.',
      },
    ]);
    // decided once
    await member.get(`/beheer/uitstel/${requestId}`);
    expect((await member.post(`/beheer/uitstel/${requestId}`, { besluit: 'afwijzen', tot: '', motivering: 'Toch niet.' })).statusCode).toBe(409);
  });
});
