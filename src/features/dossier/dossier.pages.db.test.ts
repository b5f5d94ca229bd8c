import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, bytesOf, deliveringBoard, deliveryCsv, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { applyDelivery, submitDelivery } from '../deliveries/index.ts';
import { enrol } from '../register/index.ts';

let t: TestApp;
let lotte: WebSession;
let other: WebSession;
let notEnrolled: WebSession;
let activityId: string;

const valid = {
  soort: 'cursus',
  titel: 'Rekenen in groep 5',
  aanbieder: 'Hogeschool Utrecht',
  begindatum: '2026-02-02',
  einddatum: '2026-03-14',
  uren: '120',
  primairProces: 'ja',
  themas: ['Omgaan met verschillen'],
  leerdoelen: 'Beter differentiëren.',
  reflectie: 'Ik werk nu met drie niveaus.',
  bewijs: '',
};

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  const { board, school } = await deliveringBoard(t.database);
  const hr = { actor: await boardStaffActor(t.database, board.id, 'hr@dossier.nl') };
  const row = (n: number, changes: DeliveryRow): DeliveryRow => ({
    bevoegd_gezag_nummer: board.number,
    personeelsnummer: `D${n}`,
    voorletters: 'L.',
    geboortedatum: '1985-05-05',
    instellingscode: school.brin,
    vestigingscode: school.location,
    functie: 'LERAAR',
    benoemingsgrondslag: 'BEVOEGD',
    begindatum: '2014-08-01',
    ...changes,
  });
  const deps = deliveryDeps(t.database);
  const delivery = await submitDelivery(deps, hr, {
    boardId: board.id,
    mode: 'volledig',
    fileName: null,
    applyWhenValid: false,
    channel: 'api',
    body: bytesOf(deliveryCsv([row(1, { achternaam: 'Dossier', email: 'lotte@school.nl' }), row(2, { achternaam: 'Ander', email: 'ander@school.nl' })])),
  });
  await applyDelivery(deps, hr, delivery.id, { confirmed: true });
  const sessions: WebSession[] = [];
  for (const email of ['lotte@school.nl', 'ander@school.nl']) {
    const account = await createAccount(t.database, { email, displayName: email });
    await enrol(
      { db: t.database.db },
      { actor: { type: 'account', accountId: account.id, sessionId: 's', email, displayName: email, memberships: [], secondFactorDone: true } },
    );
    sessions.push(await sessionFor(t.app, t.database, account.id));
  }
  [lotte, other] = sessions;
  notEnrolled = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'nog-niet@school.nl' })).id);
  // Lotte is a Registerleraar until 2028-07-31 (the Lerarenregister's first version: 160 hours in 4 years)
  await t.database.query(
    `INSERT INTO registration_applications (id, person_id, enrolment_id, register_id, register_version_id, title, level, motivation, evidence_ids, status, decided_on, valid_until)
    SELECT $1, n.person_id, n.id, r.id, v.id, 'Registerleraar', 'geregistreerd', 'Bevoegd.', '[]'::jsonb, 'geregistreerd', '2024-08-01', '2028-07-31'
    FROM enrolments n JOIN accounts a ON a.id = n.account_id, registers r JOIN register_versions v ON v.register_id = r.id AND v.version = 1
    WHERE a.email = 'lotte@school.nl' AND r.code = 'lerarenregister'`,
    [uuidV7()],
  );
});
afterAll(async () => t?.close());

describe('Mijn professionalisering', () => {
  it('asks to enrol first', async () => {
    const page = visibleText((await notEnrolled.get('/mijn-register/dossier')).body);
    expect(page).toContain('Uw professionalisering houdt u bij nadat u zich hebt ingeschreven');
  });

  it('shows how far the registered professional is with the rule of their register', async () => {
    const page = visibleText((await lotte.get('/mijn-register/dossier')).body);
    expect(page).toContain('Herregistratie in het Lerarenregister');
    expect(page).toContain('Nog 160 uren nodig, waarvan 100 op het primaire proces; uw registratie loopt tot en met 31 juli 2028.');
    expect(page).toContain('U hebt nog geen activiteiten vastgelegd.');
    const english = visibleText((await lotte.get('/mijn-register/dossier?lang=en')).body);
    await lotte.get('/mijn-register/dossier?lang=nl');
    expect(english).toContain('160 more hours needed, 100 of them on the primary process; your registration runs until 31 July 2028 inclusive.');
  });

  it('refuses an incomplete activity, each problem at its field, and keeps what was typed', async () => {
    await lotte.get('/mijn-register/dossier');
    const res = await lotte.post('/mijn-register/dossier', { ...valid, soort: '', uren: '0', einddatum: '2999-01-01' });
    expect(res.statusCode).toBe(400);
    for (const field of ['soort', 'uren', 'einddatum']) expect(res.body).toContain(`href="#${field}"`);
    expect(visibleText(res.body)).toContain('de einddatum ligt niet na vandaag');
    expect(res.body).toContain('value="Rekenen in groep 5"');
    expect(await t.database.query(`SELECT 1 FROM activities`)).toHaveLength(0);
  });

  it('says the refusals in English to a reader who chose English', async () => {
    lotte.cookies.set('lang', 'en');
    notEnrolled.cookies.set('lang', 'en');
    try {
      await lotte.get('/mijn-register/dossier');
      const res = await lotte.post('/mijn-register/dossier', {
        ...valid,
        soort: '',
        titel: 'x',
        uren: '0',
        einddatum: '2999-01-01',
        leerdoelen: 'y'.repeat(2001),
      });
      expect(res.statusCode).toBe(400);
      const page = visibleText(res.body);
      expect(page).toContain('There is a problem');
      for (const text of [
        'Choose what kind of activity it was.',
        'Give the activity a name (2 to 200 characters).',
        'An activity counts once it is completed: the end date cannot be after today.',
        'Enter the number of hours: more than 0, at most 2000, in half or tenth hours (for example 2.5).',
        'At most 2000 characters; you wrote 2001.',
      ])
        expect(page).toContain(text);
      expect(page).not.toContain('Kies wat voor activiteit');
      // a refusal of the use case (not enrolled yet), at the form in English too
      await notEnrolled.get('/mijn-register/dossier');
      const refused = await notEnrolled.post('/mijn-register/dossier', valid);
      expect(refused.statusCode).toBe(400);
      expect(visibleText(refused.body)).toContain('Enrol in My register first; then you keep track of your professional development here.');
    } finally {
      lotte.cookies.delete('lang');
      notEnrolled.cookies.delete('lang');
    }
  });

  it('adds an activity: it is listed and counts towards re-registration', async () => {
    await lotte.get('/mijn-register/dossier');
    const res = await lotte.post('/mijn-register/dossier', valid);
    expect(res.statusCode).toBe(303);
    const page = visibleText((await lotte.get(String(res.headers.location))).body);
    expect(page).toContain('De activiteit staat in uw dossier.');
    expect(page).toMatch(/Rekenen in groep 5 cursus 14 maart 2026 120 — Omgaan met verschillen/);
    lotte.cookies.set('lang', 'en');
    try {
      expect(visibleText((await lotte.get('/mijn-register/dossier')).body)).toMatch(/Rekenen in groep 5 \S+ 14 March 2026 120/);
    } finally {
      lotte.cookies.delete('lang');
    }
    expect(page).toContain('Nog 40 uren nodig; uw registratie loopt tot en met 31 juli 2028.');
    [{ id: activityId }] = await t.database.query<{ id: string }>(`SELECT id FROM activities`);
    expect(await auditRows(t.database, 'activity.added')).toHaveLength(1);
    const data = JSON.parse((await lotte.get('/mijn-gegevens/download')).body);
    expect(data.professionalisering).toEqual([
      expect.objectContaining({ soort: 'cursus', naam: 'Rekenen in groep 5', uren: 120, reflectie: 'Ik werk nu met drie niveaus.', herkomst: 'eigen' }),
    ]);
  });

  it('changes an own activity; enough hours give the next period', async () => {
    const form = await lotte.get(`/mijn-register/dossier/${activityId}`);
    expect(form.body).toContain('value="120"');
    const res = await lotte.post(`/mijn-register/dossier/${activityId}`, { ...valid, uren: '170,5' });
    expect(res.statusCode).toBe(303);
    const page = visibleText((await lotte.get('/mijn-register/dossier')).body);
    expect(page).toContain('170,5 uren, waarvan 170,5 op het primaire proces: genoeg voor herregistratie; de volgende periode loopt tot en met 31 juli 2032.');
  });

  it("keeps another professional out of it: someone else's activity is not found", async () => {
    expect((await other.get(`/mijn-register/dossier/${activityId}`)).statusCode).toBe(404);
    await other.get('/mijn-register/dossier');
    expect((await other.post(`/mijn-register/dossier/${activityId}`, { ...valid, titel: 'Overgenomen' })).statusCode).toBe(404);
    expect(visibleText((await other.get('/mijn-register/dossier')).body)).not.toContain('Rekenen in groep 5');
  });

  it('leaves an activity from accredited offering as it is', async () => {
    const [{ enrolment_id: enrolmentId }] = await t.database.query<{ enrolment_id: string }>(`SELECT enrolment_id FROM activities`);
    const fromOffering = uuidV7();
    await t.database.query(
      `INSERT INTO activities (id, enrolment_id, kind, title, started_on, completed_on, hours, themes, points, source)
      VALUES ($1, $2, 'studiedag', 'Studiedag taal', '2026-04-01', '2026-04-01', 6, '{}', 20, 'aanbod')`,
      [fromOffering, enrolmentId],
    );
    const page = visibleText((await lotte.get(`/mijn-register/dossier/${fromOffering}`)).body);
    expect(page).toContain('u kunt haar niet wijzigen');
    const res = await lotte.post(`/mijn-register/dossier/${fromOffering}`, { ...valid, titel: 'Anders' });
    expect(res.statusCode).toBe(400);
    expect(visibleText(res.body)).toContain('Deze activiteit komt uit geaccrediteerd aanbod');
    expect((await t.database.query<{ title: string }>(`SELECT title FROM activities WHERE id = $1`, [fromOffering]))[0].title).toBe('Studiedag taal');
  });

  it('removes an own activity only once confirmed', async () => {
    await lotte.get(`/mijn-register/dossier/${activityId}`);
    const unconfirmed = await lotte.post(`/mijn-register/dossier/${activityId}/verwijderen`, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('href="#bevestigd"');
    const res = await lotte.post(`/mijn-register/dossier/${activityId}/verwijderen`, { bevestigd: 'ja' });
    expect(res.statusCode).toBe(303);
    expect(await t.database.query(`SELECT 1 FROM activities WHERE id = $1`, [activityId])).toHaveLength(0);
    expect(await auditRows(t.database, 'activity.removed')).toHaveLength(1);
  });
});
