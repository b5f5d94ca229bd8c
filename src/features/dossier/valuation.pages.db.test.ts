import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { auditRows, mailsTo, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { loadConfig } from '../../config.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { createCrypto } from '../../platform/crypto.ts';
import { formatDay } from '../../platform/i18n.ts';
import { writeSealedFile } from '../../platform/files/sealed-files.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { registerNumberFor } from '../register/index.ts';
import { seedDemoValuation } from './valuation.demo.ts';

let t: TestApp;
let lotte: WebSession;
let piet: WebSession;
let pietEnrolment: string;
let assessorA: WebSession;
let assessorB: WebSession;
let assessorC: WebSession;
let lotteEnrolment: string;
let reading: string;
let fromOffering: string;
let requestId: string;
const dataDir = mkdtempSync(join(tmpdir(), 'br-valuation-'));
const office = { kind: 'register' as const, id: registerOfficeId };
const daysAgo = (n: number) => new Date(Date.now() - n * 24 * 3600 * 1000).toISOString().slice(0, 10);
const proof = Buffer.from('%PDF-1.4\nLeesverslag\n%%EOF\n');
let sequence = 9_200_000;

/** An enrolled professional straight in the database, signed in. */
async function enrolledProfessional(email: string, surname: string): Promise<{ web: WebSession; enrolmentId: string; personId: string }> {
  const account = await createAccount(t.database, { email, displayName: email.split('@')[0] });
  const [personId, enrolmentId] = [uuidV7(), uuidV7()];
  await t.database.query(`INSERT INTO persons (id, initials, surname, birth_date, email, account_id) VALUES ($1, 'L.', $2, '1980-03-03', $3, $4)`, [
    personId,
    surname,
    email,
    account.id,
  ]);
  await t.database.query(`INSERT INTO enrolments (id, person_id, account_id, register_number) VALUES ($1, $2, $3, $4)`, [
    enrolmentId,
    personId,
    account.id,
    registerNumberFor(++sequence),
  ]);
  return { web: await sessionFor(t.app, t.database, account.id), enrolmentId, personId };
}

async function activity(enrolmentId: string, title: string, extra: { evidenceId?: string; source?: string; points?: number } = {}): Promise<string> {
  const id = uuidV7();
  await t.database.query(
    `INSERT INTO activities (id, enrolment_id, kind, title, started_on, completed_on, hours, themes, learning_goals, reflection, evidence_id, source, points)
    VALUES ($1, $2, 'informeel-leren', $3, $4, $5, 12, '{"Persoonlijk leiderschap"}', 'Mijn eigen leiderschap leren kennen.', 'Ik delegeer nu meer aan mijn bouwcoördinatoren.', $6, $7, $8)`,
    [id, enrolmentId, title, daysAgo(60), daysAgo(10), extra.evidenceId ?? null, extra.source ?? 'eigen', extra.points ?? null],
  );
  return id;
}

const assessor = async (email: string, name: string) =>
  sessionFor(
    t.app,
    t.database,
    (await createAccount(t.database, { email, displayName: name, roles: [{ role: 'accreditation-committee', organisation: office }] })).id,
    { secondFactor: true },
  );

const activityPage = (id: string) => `/mijn-register/dossier/${id}`;
const explanation = 'Ik las vier boeken over onderwijskundig leiderschap en besprak ze met mijn coach.';
const requestOf = async (activityId: string) =>
  (await t.database.query<{ id: string }>(`SELECT id FROM valuation_requests WHERE activity_id = $1 ORDER BY created_at DESC LIMIT 1`, [activityId]))[0].id;

beforeAll(async () => {
  t = await createTestApp({ env: { DATA_DIR: dataDir } });
  const me = await enrolledProfessional('lotte@school.nl', 'Leesgraag');
  lotte = me.web;
  lotteEnrolment = me.enrolmentId;
  ({ web: piet, enrolmentId: pietEnrolment } = await enrolledProfessional('piet@school.nl', 'Pietersen'));
  // the proof, sealed with the key the app uses (the secrets it generated in its data directory)
  const { secrets } = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }, {});
  const evidenceId = uuidV7();
  await writeSealedFile(join(dataDir, 'evidence', `${evidenceId}.sealed`), Readable.from([proof]), createCrypto(secrets).fileKey, 1024 * 1024);
  await t.database.query(
    `INSERT INTO evidence_files (id, person_id, kind, title, issuer, issued_on, file_name, media_type, byte_size, sha256)
    VALUES ($1, $2, 'certificaat', 'Leesverslag', 'Eigen werk', $3, 'leesverslag.pdf', 'application/pdf', $4, 'x')`,
    [evidenceId, me.personId, daysAgo(9), proof.length],
  );
  reading = await activity(lotteEnrolment, 'Boeken over onderwijskundig leiderschap', { evidenceId });
  fromOffering = await activity(lotteEnrolment, 'Leergang uit het aanbod', { source: 'aanbod', points: 30 });
  assessorA = await assessor('anne@accreditatie.nl', 'Anne Assessor');
  assessorB = await assessor('bram@accreditatie.nl', 'Bram Beoordelaar');
  assessorC = await assessor('cor@accreditatie.nl', 'Cor Commissie');
});
afterAll(async () => t?.close());

describe('the professional asks for valuation afterwards', () => {
  it('is offered on an own activity without points, not on one from accredited offering', async () => {
    expect(visibleText((await lotte.get(activityPage(reading))).body)).toContain('Achteraf laten waarderen');
    expect(visibleText((await lotte.get(activityPage(fromOffering))).body)).not.toContain('Waardering aanvragen');
    const res = await lotte.post(`${activityPage(fromOffering)}/waardering`, { toelichting: explanation });
    expect(res.statusCode).toBe(400);
    expect(visibleText(res.body)).toContain('Deze activiteit komt uit geaccrediteerd aanbod en heeft haar punten al.');
  });

  it("keeps another professional out: they can neither see nor ask for someone else's activity", async () => {
    expect((await piet.get(activityPage(reading))).statusCode).toBe(404);
    await piet.get('/mijn-register/dossier');
    expect((await piet.post(`${activityPage(reading)}/waardering`, { toelichting: explanation })).statusCode).toBe(404);
    expect((await piet.post(`${activityPage(reading)}/waardering/intrekken`, { intrekken: 'ja' })).statusCode).toBe(404);
    expect(await t.database.query(`SELECT 1 FROM valuation_requests`)).toHaveLength(0);
  });

  it('needs an explanation, shown at its field', async () => {
    await lotte.get(activityPage(reading));
    const res = await lotte.post(`${activityPage(reading)}/waardering`, { toelichting: 'Kort' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#toelichting"');
    expect(visibleText(res.body)).toContain('Licht toe wat u deed en leerde, en waarom het zou moeten meetellen (ten minste 10 tekens).');
    expect(res.body).toContain('>Kort</textarea>');
  });

  it('is asked once, and locks the activity while it is open', async () => {
    await lotte.get(activityPage(reading));
    const res = await lotte.post(`${activityPage(reading)}/waardering`, { toelichting: explanation });
    expect(res.statusCode).toBe(303);
    const page = visibleText((await lotte.get(String(res.headers.location))).body);
    expect(page).toContain('Uw aanvraag voor waardering is ingediend.');
    expect(page).toContain('Zolang die aanvraag loopt, kunt u de activiteit niet wijzigen of verwijderen');
    expect(page).toContain(explanation);
    requestId = await requestOf(reading);
    expect(await auditRows(t.database, 'valuation.requested')).toHaveLength(1);

    const again = await lotte.post(`${activityPage(reading)}/waardering`, { toelichting: explanation });
    expect(again.statusCode).toBe(400);
    expect(visibleText(again.body)).toContain('U hebt al een waardering aangevraagd voor deze activiteit');

    const change = await lotte.post(activityPage(reading), { soort: 'zelfstudie', titel: 'Anders', begindatum: daysAgo(5), einddatum: daysAgo(5), uren: '1' });
    expect(change.statusCode).toBe(400);
    expect(visibleText(change.body)).toContain('U hebt een waardering aangevraagd voor deze activiteit: trek de aanvraag in');
    const remove = await lotte.post(`${activityPage(reading)}/verwijderen`, { bevestigd: 'ja' });
    expect(remove.statusCode).toBe(400);
    expect((await t.database.query<{ title: string }>(`SELECT title FROM activities WHERE id = $1`, [reading]))[0].title).toBe(
      'Boeken over onderwijskundig leiderschap',
    );
  });
});

describe('two assessors value it', () => {
  it('is only for the Commissie Accreditatie', async () => {
    expect((await lotte.get('/beheer/waarderingen')).statusCode).toBe(403);
    expect((await lotte.get(`/beheer/waarderingen/${requestId}`)).statusCode).toBe(403);
    expect((await lotte.get(`/beheer/waarderingen/${requestId}/bewijs`)).statusCode).toBe(403);
  });

  it('shows the queue and the request: the activity, the explanation and the proof, without the name; reading is audited', async () => {
    const queue = visibleText((await assessorA.get('/beheer/waarderingen')).body);
    expect(queue).toMatch(/Boeken over onderwijskundig leiderschap informeel leren 12 .* 0 van 2/);
    const res = await assessorA.get(`/beheer/waarderingen/${requestId}`);
    expect(res.statusCode).toBe(200);
    const page = visibleText(res.body);
    for (const text of [
      'Mijn eigen leiderschap leren kennen.',
      'Ik delegeer nu meer aan mijn bouwcoördinatoren.',
      'Persoonlijk leiderschap',
      explanation,
      'Leesverslag',
      `${formatDay('nl', daysAgo(60))} – ${formatDay('nl', daysAgo(10))}`,
    ]) {
      expect(page).toContain(text);
    }
    expect(page).not.toContain('Leesgraag');
    expect((await auditRows(t.database, 'valuation.viewed')).at(-1)).toMatchObject({ actor_role: 'accreditation-committee' });
    const file = await assessorA.get(`/beheer/waarderingen/${requestId}/bewijs`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(proof)).toBe(true);
    expect(await auditRows(t.database, 'evidence.viewed')).toHaveLength(1);
  });

  it('refuses points outside 10 to 100 and a missing motivation, at their fields', async () => {
    await assessorA.get(`/beheer/waarderingen/${requestId}`);
    const res = await assessorA.post(`/beheer/waarderingen/${requestId}`, { punten: '5', motivering: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#punten"');
    expect(res.body).toContain('href="#motivering"');
    expect(visibleText(res.body)).toContain('Geef een heel aantal punten van 10 tot en met 100.');
    expect(await t.database.query(`SELECT 1 FROM valuation_assessments`)).toHaveLength(0);
  });

  it('takes the first valuation, and not a second one from the same assessor', async () => {
    await assessorA.get(`/beheer/waarderingen/${requestId}`);
    const res = await assessorA.post(`/beheer/waarderingen/${requestId}`, { punten: '40', motivering: 'Goed gelezen, de reflectie kan dieper.' });
    expect(res.statusCode).toBe(303);
    expect(visibleText((await assessorA.get(String(res.headers.location))).body)).toMatch(/een tweede beoordelaar geeft de andere\..*door u gewaardeerd/);
    const twice = await assessorA.post(`/beheer/waarderingen/${requestId}`, { punten: '90', motivering: 'Toch meer waard.' });
    expect(twice.statusCode).toBe(409);
    expect(visibleText(twice.body)).toContain('U hebt deze aanvraag al gewaardeerd; een andere beoordelaar geeft de tweede waardering.');
    // the refusal above the page, in English for a reader who chose English
    assessorA.cookies.set('lang', 'en');
    try {
      const english = await assessorA.post(`/beheer/waarderingen/${requestId}`, { punten: '90', motivering: 'Toch meer waard.' });
      expect(english.statusCode).toBe(409);
      expect(visibleText(english.body)).toContain('You have already valued this request; another assessor gives the second valuation.');
      expect(visibleText(english.body)).not.toContain('U hebt deze aanvraag al gewaardeerd');
    } finally {
      assessorA.cookies.delete('lang');
    }
    expect(await t.database.query(`SELECT points FROM valuation_assessments`)).toEqual([{ points: 40 }]);
    // still open: the activity has no points yet
    expect((await t.database.query<{ points: number | null }>(`SELECT points FROM activities WHERE id = $1`, [reading]))[0].points).toBeNull();
  });

  it('decides on the second: the activity shows the mean, 50 points, and the professional is mailed', async () => {
    await assessorB.get(`/beheer/waarderingen/${requestId}`);
    const res = await assessorB.post(`/beheer/waarderingen/${requestId}`, { punten: '60', motivering: 'Sterke reflectie op het eigen handelen.' });
    expect(res.statusCode).toBe(303);
    expect(visibleText((await assessorB.get(String(res.headers.location))).body)).toContain('Dit was de tweede');
    const page = visibleText((await lotte.get(activityPage(reading))).body);
    expect(page).toContain('deze activiteit telt met 50 punten, het gemiddelde van de twee waarderingen');
    expect(page).toContain('Beoordelaar 1: 40 punten Goed gelezen, de reflectie kan dieper.');
    expect(page).toContain('Beoordelaar 2: 60 punten Sterke reflectie op het eigen handelen.');
    expect(page).not.toContain('meer dan 30 punten uit elkaar');
    expect(page).not.toContain('Anne Assessor');
    expect(visibleText((await lotte.get('/mijn-register/dossier')).body)).toContain(
      `Boeken over onderwijskundig leiderschap informeel leren ${formatDay('nl', daysAgo(10))} 12 50 Persoonlijk leiderschap`,
    );
    const [mail] = await mailsTo(t.database, 'lotte@school.nl');
    expect(mail.subject).toBe('Uw activiteit is gewaardeerd: 50 punten');
    expect(mail.text).toContain(`/mijn-register/dossier/${reading}`);
    const [request] = await t.database.query<{ status: string; points: number; decided_at: Date | null }>(
      `SELECT status, points, decided_at FROM valuation_requests WHERE id = $1`,
      [requestId],
    );
    expect(request).toMatchObject({ status: 'gewaardeerd', points: 50 });
    expect(request.decided_at).not.toBeNull();
    expect((await auditRows(t.database, 'valuation.decided'))[0].after).toMatchObject({ points: 50, valuations: [40, 60] });
  });

  it('leaves the valued activity read only, and closed to a third assessor', async () => {
    const page = visibleText((await lotte.get(activityPage(reading))).body);
    expect(page).toContain('U kunt haar niet meer wijzigen of verwijderen.');
    expect(page).not.toContain('Waardering aanvragen');
    const change = await lotte.post(activityPage(reading), { soort: 'zelfstudie', titel: 'Anders', begindatum: daysAgo(5), einddatum: daysAgo(5), uren: '1' });
    expect(change.statusCode).toBe(400);
    expect((await lotte.post(`${activityPage(reading)}/waardering`, { toelichting: explanation })).statusCode).toBe(400);
    await assessorC.get(`/beheer/waarderingen/${requestId}`);
    const third = await assessorC.post(`/beheer/waarderingen/${requestId}`, { punten: '100', motivering: 'Uitstekend.' });
    expect(third.statusCode).toBe(409);
    expect(visibleText(third.body)).toContain('Deze aanvraag is al door twee beoordelaars gewaardeerd.');
    expect(visibleText((await assessorC.get('/beheer/waarderingen')).body)).toContain('Er zijn geen open aanvragen.');
  });
});

describe('further', () => {
  it('says so when the two valuations are far apart, and still takes the mean', async () => {
    const far = await activity(lotteEnrolment, 'Meelopen met een ervaren directeur');
    await lotte.get(activityPage(far));
    expect((await lotte.post(`${activityPage(far)}/waardering`, { toelichting: explanation })).statusCode).toBe(303);
    const id = await requestOf(far);
    for (const [web, points] of [
      [assessorA, '20'],
      [assessorC, '90'],
    ] as const) {
      await web.get(`/beheer/waarderingen/${id}`);
      expect((await web.post(`/beheer/waarderingen/${id}`, { punten: points, motivering: 'Zo zie ik het.' })).statusCode).toBe(303);
    }
    const page = visibleText((await lotte.get(activityPage(far))).body);
    expect(page).toContain('telt met 55 punten');
    expect(page).toContain('De twee waarderingen liggen meer dan 30 punten uit elkaar.');
  });

  it('is withdrawn after confirming; the activity can be changed and removed again', async () => {
    const withdrawn = await activity(lotteEnrolment, 'Studiereis naar Finland');
    await lotte.get(activityPage(withdrawn));
    await lotte.post(`${activityPage(withdrawn)}/waardering`, { toelichting: explanation });
    const id = await requestOf(withdrawn);
    await assessorA.get(`/beheer/waarderingen/${id}`);
    expect((await assessorA.post(`/beheer/waarderingen/${id}`, { punten: '30', motivering: 'Een eerste indruk.' })).statusCode).toBe(303);

    await lotte.get(activityPage(withdrawn));
    const unconfirmed = await lotte.post(`${activityPage(withdrawn)}/waardering/intrekken`, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('href="#intrekken"');
    const res = await lotte.post(`${activityPage(withdrawn)}/waardering/intrekken`, { intrekken: 'ja' });
    expect(res.statusCode).toBe(303);
    const page = visibleText((await lotte.get(String(res.headers.location))).body);
    expect(page).toContain('Uw aanvraag voor waardering is ingetrokken.');
    expect(page).toContain('U kunt opnieuw om waardering vragen.');
    expect((await t.database.query<{ status: string }>(`SELECT status FROM valuation_requests WHERE id = $1`, [id]))[0].status).toBe('ingetrokken');
    // withdrawn, so closed to assessors
    await assessorB.get(`/beheer/waarderingen/${id}`);
    expect(visibleText((await assessorB.post(`/beheer/waarderingen/${id}`, { punten: '50', motivering: 'Te laat.' })).body)).toContain(
      'De professional heeft deze aanvraag ingetrokken.',
    );

    await lotte.get(activityPage(withdrawn));
    expect((await lotte.post(`${activityPage(withdrawn)}/verwijderen`, { bevestigd: 'ja' })).statusCode).toBe(303);
    expect(await t.database.query(`SELECT 1 FROM activities WHERE id = $1`, [withdrawn])).toHaveLength(0);
    expect(await t.database.query(`SELECT 1 FROM valuation_requests WHERE id = $1`, [id])).toHaveLength(0);
    expect(await auditRows(t.database, 'valuation.withdrawn')).toHaveLength(1);
  });

  it('lists open requests oldest first, twenty a page', async () => {
    for (let i = 1; i <= 21; i++) {
      const id = await activity(lotteEnrolment, `Activiteit ${String(i).padStart(2, '0')}`);
      await t.database.query(
        `INSERT INTO valuation_requests (id, activity_id, enrolment_id, status, explanation, created_at) VALUES ($1, $2, $3, 'aangevraagd', 'Graag waarderen.', now() - make_interval(days => $4))`,
        [uuidV7(), id, lotteEnrolment, 40 - i],
      );
    }
    const first = await assessorB.get('/beheer/waarderingen');
    const titles = [...visibleText(first.body).matchAll(/Activiteit (\d\d)/g)].map((m) => m[1]);
    expect(titles).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(visibleText(first.body)).toContain('Open aanvragen (21), de oudste eerst');
    expect(first.body).toContain('href="/beheer/waarderingen?page=2"');
    expect([...visibleText((await assessorB.get('/beheer/waarderingen?page=2')).body).matchAll(/Activiteit (\d\d)/g)].map((m) => m[1])).toEqual(['21']);
  });

  it('has demo data: a registered school leader asked for an informal-learning activity to be valued', async () => {
    await t.database.query(`UPDATE enrolments SET status = 'geregistreerd' WHERE id = $1`, [pietEnrolment]);
    await t.database.query(
      `INSERT INTO registration_applications (id, person_id, enrolment_id, register_id, register_version_id, title, level, motivation, evidence_ids, status, decided_on, valid_until)
      SELECT $1, n.person_id, n.id, r.id, v.id, 'RDO', 'niveau 1', 'Bevoegd.', '[]'::jsonb, 'geregistreerd', $2, $3
      FROM enrolments n, registers r JOIN register_versions v ON v.register_id = r.id AND v.version = 1
      WHERE n.id = $4 AND r.code = 'schoolleidersregister-po'`,
      [uuidV7(), daysAgo(100), daysAgo(-1000), pietEnrolment],
    );
    expect(await seedDemoValuation(t.database.db)).toBe(1);
    const [request] = await t.database.query<{
      enrolment_id: string;
      status: string;
    }>(`SELECT r.enrolment_id, r.status FROM valuation_requests r JOIN activities a ON a.id = r.activity_id
      WHERE a.title = 'Leesgroep onderwijskundig leiderschap'`);
    expect(request).toEqual({ enrolment_id: pietEnrolment, status: 'aangevraagd' });
    expect(visibleText((await assessorB.get('/beheer/waarderingen')).body)).toContain('Open aanvragen (22)');
  });

  it('puts the requests in the AVG download', async () => {
    const data = JSON.parse((await lotte.get('/mijn-gegevens/download')).body);
    const valued = data.professionalisering.find((a: { naam: string }) => a.naam === 'Boeken over onderwijskundig leiderschap');
    expect(valued).toMatchObject({ punten: 50, waarderingen: [{ status: 'gewaardeerd', toelichting: explanation, punten: 50 }] });
  });
});
