import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, bytesOf, deliveringBoard, deliveryCsv, deliveryDeps } from '../../../tests/support/deliveries.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { loadConfig } from '../../config.ts';
import { createCrypto } from '../../platform/crypto.ts';
import { applyDelivery, submitDelivery } from '../deliveries/index.ts';
import { addEvidence } from '../register/index.ts';
import { enrol } from '../register/index.ts';
import { objectionDeadline, validUntil } from '../register/index.ts';
import { formatDay } from '../../platform/i18n.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText } from 'unpdf';
// the product's today is the Dutch date: between 23:00 and 00:00 UTC (22:00 in summer) it is already tomorrow
import { dutchToday } from '../../platform/dates/calendar.ts';

let t: TestApp;
let teacher: WebSession;
let staff: WebSession;
let member: WebSession;
let otherMember: WebSession;
let evidenceId: string;
let applicationId: string;
const dataDir = mkdtempSync(join(tmpdir(), 'br-registration-'));
const today = dutchToday();
const dutch = (day: string) => formatDay('nl', day);
const pdf = Buffer.from('%PDF-1.4\nPabo-diploma\n%%EOF\n');
const office = { kind: 'register' as const, id: registerOfficeId };

beforeAll(async () => {
  t = await createTestApp({ withDuo: true, env: { DATA_DIR: dataDir } });
  const { board, school } = await deliveringBoard(t.database);
  const hr = { actor: await boardStaffActor(t.database, board.id, 'hr@registratie.nl') };
  const deps = deliveryDeps(t.database);
  const delivery = await submitDelivery(deps, hr, {
    boardId: board.id,
    mode: 'volledig',
    fileName: null,
    applyWhenValid: false,
    channel: 'api',
    body: bytesOf(
      deliveryCsv([
        {
          bevoegd_gezag_nummer: board.number,
          personeelsnummer: 'R1',
          voorletters: 'R.',
          voornamen: 'Rosa',
          achternaam: 'Registratie',
          geboortedatum: '1988-08-08',
          email: 'rosa@school.nl',
          instellingscode: school.brin,
          vestigingscode: school.location,
          functie: 'LERAAR',
          benoemingsgrondslag: 'BEVOEGD',
          begindatum: '2012-08-01',
        },
      ]),
    ),
  });
  await applyDelivery(deps, hr, delivery.id, { confirmed: true });
  const rosa = await createAccount(t.database, { email: 'rosa@school.nl', displayName: 'Rosa Registratie' });
  const ctx = {
    actor: {
      type: 'account' as const,
      accountId: rosa.id,
      sessionId: 's',
      email: 'rosa@school.nl',
      displayName: 'Rosa Registratie',
      memberships: [],
      secondFactorDone: true,
    },
  };
  await enrol({ db: t.database.db }, ctx);
  // the same key the app seals files with: the secrets it generated in its data directory
  const { secrets } = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }, {});
  const evidence = await addEvidence(
    { db: t.database.db, dataDir, fileKey: createCrypto(secrets).fileKey },
    ctx,
    { kind: 'diploma', title: 'Pabo', issuer: 'Hogeschool Utrecht', issuedOn: '2012-07-01' },
    'pabo.pdf',
    Readable.from([pdf]),
  );
  evidenceId = evidence.id;
  teacher = await sessionFor(t.app, t.database, rosa.id);
  staff = await sessionFor(
    t.app,
    t.database,
    (await createAccount(t.database, { email: 'staf@registratie.nl', displayName: 'Stefan Staf', roles: [{ role: 'register-staff', organisation: office }] }))
      .id,
  );
  member = await sessionFor(
    t.app,
    t.database,
    (
      await createAccount(t.database, {
        email: 'lid@commissie.nl',
        displayName: 'Carla Commissie',
        roles: [{ role: 'registration-committee', organisation: office }],
      })
    ).id,
  );
  otherMember = await sessionFor(
    t.app,
    t.database,
    (
      await createAccount(t.database, {
        email: 'ander@commissie.nl',
        displayName: 'Anton Ander',
        roles: [{ role: 'registration-committee', organisation: office }],
      })
    ).id,
  );
});
afterAll(async () => t?.close());

const enrolmentStatus = async () => (await t.database.query<{ status: string }>(`SELECT status FROM enrolments`))[0].status;
const applicationStatus = async () =>
  (await t.database.query<{ status: string }>(`SELECT status FROM registration_applications WHERE id = $1`, [applicationId]))[0].status;

describe('applying for registration', () => {
  it('refuses an application without evidence or motivation, each at its field', async () => {
    await teacher.get('/mijn-register/registratie');
    const res = await teacher.post('/mijn-register/registratie', { niveau: 'lerarenregister::Registerleraar|geregistreerd', motivering: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#motivering"');
    expect(res.body).toContain('href="#bewijs"');
    expect(visibleText(res.body)).toContain('Kies ten minste één diploma of certificaat als bewijs.');
  });

  it('says what is wrong in English to someone reading in English, at the same fields', async () => {
    teacher.cookies.set('lang', 'en');
    try {
      await teacher.get('/mijn-register/registratie');
      const res = await teacher.post('/mijn-register/registratie', { niveau: 'lerarenregister::Registerleraar|geregistreerd', motivering: '' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#motivering"');
      const text = visibleText(res.body);
      expect(text).toContain('Write why you meet the admission requirement.');
      expect(text).toContain('Choose at least one diploma or certificate as evidence.');
      expect(text).not.toContain('Kies ten minste');
      expect(text).toContain('Pabo (1 July 2012)');
    } finally {
      teacher.cookies.delete('lang');
    }
  });

  it('applies with a diploma: aangevraagd, with a first step by the professional', async () => {
    await teacher.get('/mijn-register/registratie');
    const res = await teacher.post('/mijn-register/registratie', {
      niveau: 'lerarenregister::Registerleraar|geregistreerd',
      motivering: 'Ik ben bevoegd leraar sinds 2012 met een pabodiploma.',
      bewijs: [evidenceId],
    });
    expect(res.statusCode).toBe(303);
    const text = visibleText((await teacher.get(String(res.headers.location))).body);
    expect(text).toContain('Uw aanvraag is verstuurd.');
    expect(text).toMatch(/Lerarenregister: Registerleraar geregistreerd Status aangevraagd .* aangevraagd · Rosa Registratie/);
    [{ id: applicationId }] = await t.database.query<{ id: string }>(`SELECT id FROM registration_applications`);
    expect(await enrolmentStatus()).toBe('aangevraagd');
  });

  it('refuses a second application for the same register while one is open', async () => {
    await teacher.get('/mijn-register/registratie');
    const res = await teacher.post('/mijn-register/registratie', {
      niveau: 'lerarenregister::Registerleraar|geregistreerd',
      motivering: 'Nog een keer aanvragen.',
      bewijs: [evidenceId],
    });
    expect(res.statusCode).toBe(409);
    expect(visibleText(res.body)).toContain('U hebt al een aanvraag voor het Lerarenregister in behandeling.');
  });

  it('refuses it in English on the error page to someone reading in English', async () => {
    teacher.cookies.set('lang', 'en');
    try {
      await teacher.get('/mijn-register/registratie');
      const res = await teacher.post('/mijn-register/registratie', {
        niveau: 'lerarenregister::Registerleraar|geregistreerd',
        motivering: 'Nog een keer aanvragen.',
        bewijs: [evidenceId],
      });
      expect(res.statusCode).toBe(409);
      expect(visibleText(res.body)).toContain('You already have an application for the Lerarenregister under review.');
    } finally {
      teacher.cookies.delete('lang');
    }
  });
});

describe('the Commissie Registratie decides', () => {
  it('register staff assign the application to a member', async () => {
    const queue = await staff.get('/beheer/aanvragen');
    expect(visibleText(queue.body)).toContain('R. Registratie · Lerarenregister: Registerleraar geregistreerd · aangevraagd');
    const [lid] = await t.database.query<{ id: string }>(`SELECT id FROM accounts WHERE email = 'lid@commissie.nl'`);
    const res = await staff.post(`/beheer/aanvragen/${applicationId}/toewijzing`, { lid: lid.id });
    expect(res.statusCode).toBe(303);
    expect(await applicationStatus()).toBe('in-behandeling');
  });

  it('only the assigned member sees it with its evidence; opening the evidence is audited', async () => {
    expect(visibleText((await member.get('/beheer/aanvragen')).body)).toContain('R. Registratie');
    expect((await otherMember.get(`/beheer/aanvragen/${applicationId}`)).statusCode).toBe(404);
    const review = await member.get(`/beheer/aanvragen/${applicationId}`);
    expect(visibleText(review.body)).toContain('Pabo, Hogeschool Utrecht (1 juli 2012) · pabo.pdf');
    // the facts to decide on: the employments as delivered, with their basis and the applicant's check, and no earlier decision
    expect(visibleText(review.body)).toMatch(/Dienstverbanden zoals aangeleverd .* Leraar .* sinds \d{1,2} \w+ \d{4}/);
    expect(visibleText(review.body)).toContain('Er is nog niet eerder op een aanvraag van deze persoon besloten.');
    const file = await member.get(`/beheer/aanvragen/${applicationId}/bewijs/${evidenceId}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect((await otherMember.get(`/beheer/aanvragen/${applicationId}/bewijs/${evidenceId}`)).statusCode).toBe(404);
    expect(await auditRows(t.database, 'evidence.viewed')).toHaveLength(1);
  });

  it('a decision needs a motivation; registering sets the period by the register version and mails the professional', async () => {
    await member.get(`/beheer/aanvragen/${applicationId}`);
    const empty = await member.post(`/beheer/aanvragen/${applicationId}/besluit`, { besluit: 'registreren', motivering: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#motivering"');
    await t.database.query(`UPDATE persons SET personal_email = 'rosa@thuis.nl'`);
    // a legal step: first repeated as it will be recorded and published, nothing changed yet
    const check = await member.post(`/beheer/aanvragen/${applicationId}/besluit`, {
      besluit: 'registreren',
      motivering: 'Bevoegd leraar; diploma aangetoond.',
    });
    expect(check.statusCode).toBe(200);
    const checkText = visibleText(check.body);
    expect(checkText).toContain('Controleer uw besluit');
    expect(checkText).toMatch(
      /Besluit geregistreerd Geregistreerd tot en met \d{1,2} \w+ \d{4} Motivering van het besluit Bevoegd leraar; diploma aangetoond\./,
    );
    expect(checkText).toMatch(/R\. Registratie: Lerarenregister: .*, geregistreerd tot en met \d{1,2} \w+ \d{4}\./);
    expect(await t.database.query(`SELECT status FROM registration_applications`)).toEqual([{ status: 'in-behandeling' }]);
    const res = await member.post(`/beheer/aanvragen/${applicationId}/besluit`, {
      besluit: 'registreren',
      motivering: 'Bevoegd leraar; diploma aangetoond.',
      bevestigd: 'ja',
    });
    expect(res.statusCode).toBe(303);
    expect(await t.database.query(`SELECT status, valid_until::text AS until FROM registration_applications`)).toEqual([
      { status: 'geregistreerd', until: validUntil(today, 4) },
    ]);
    expect(await enrolmentStatus()).toBe('geregistreerd');
    const [mail] = await t.database.query<{ to_address: string; subject: string; text: string }>(
      `SELECT to_address, subject, text FROM mail_outbox WHERE template = 'registration-decision'`,
    );
    expect(mail.to_address).toBe('rosa@thuis.nl');
    expect(mail.subject).toBe('Besluit op uw aanvraag: Lerarenregister');
    expect(mail.text).toContain(`geregistreerd tot en met ${dutch(validUntil(today, 4))}`);
    expect(mail.text).toContain(`U kunt tot en met ${dutch(objectionDeadline(today))} bezwaar maken`);
    expect(mail.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const own = visibleText((await teacher.get('/mijn-register/registratie')).body);
    expect(own).toContain(`Geregistreerd tot en met ${dutch(validUntil(today, 4))}`);
    expect(own).toContain(`Bezwaar maken kan tot en met ${dutch(objectionDeadline(today))}.`);
    // and in her AVG download, with every step
    const [registration] = JSON.parse((await teacher.get('/mijn-gegevens/download')).body).register.registraties;
    expect(registration).toMatchObject({ register: 'Lerarenregister', status: 'geregistreerd', geldigTot: validUntil(today, 4) });
    expect(registration.verloop.map((e: { naar: string }) => e.naar)).toEqual(['aangevraagd', 'in-behandeling', 'geregistreerd']);
    // the board sees the date to re-register by
    const [hr] = await t.database.query<{ id: string }>(`SELECT id FROM accounts WHERE email = 'hr@registratie.nl'`);
    const [board] = await t.database.query<{ id: string }>(`SELECT board_id AS id FROM employments LIMIT 1`);
    const list = visibleText((await (await sessionFor(t.app, t.database, hr.id)).get(`/beheer/bestuur/${board.id}/personeel`)).body);
    expect(list).toMatch(new RegExp(`R\\. Registratie R1 .* 1 te controleren \\d{9} geregistreerd ${dutch(validUntil(today, 4))}`));
  });

  it('gives the registered professional a proof of registration as PDF; nobody else', async () => {
    const pdf = await teacher.get(`/mijn-register/registratie/${applicationId}/bewijs.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true });
    const [{ register_number: number }] = await t.database.query<{ register_number: string }>(`SELECT register_number FROM enrolments`);
    for (const fact of [
      'R. Registratie',
      `Registernummer: ${number}`,
      'Titel en niveau: Registerleraar geregistreerd',
      `Geregistreerd op: ${dutch(today)}`,
      `Geldig tot en met: ${dutch(validUntil(today, 4))}`,
    ])
      expect(text).toContain(fact);
    expect((await member.get(`/mijn-register/registratie/${applicationId}/bewijs.pdf`)).statusCode).toBe(404);
  });

  it('the public register shows the registration', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/registraties?naam=registratie' });
    expect(res.json().resultaten[0]).toMatchObject({
      naam: 'R. Registratie',
      status: 'geregistreerd',
      registraties: [{ register: 'Lerarenregister', titel: 'Registerleraar', niveau: 'geregistreerd', geldigTot: validUntil(today, 4), verlopen: false }],
    });
    expect(Object.keys(res.json().resultaten[0]).sort()).toEqual(['naam', 'registernummer', 'registraties', 'scholen', 'status']);
  });

  it('shows a registration whose period has passed as onder voorwaarden for six months, then as lapsed', async () => {
    const status = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/registraties?naam=registratie' })).json().resultaten[0];
    await t.database.query(`UPDATE registration_applications SET valid_until = current_date - 1`);
    expect(await status()).toMatchObject({ status: 'onder voorwaarden', registraties: [{ verlopen: true }] });
    await t.database.query(`UPDATE registration_applications SET valid_until = current_date - interval '7 months'`);
    expect(await status()).toMatchObject({ status: 'herregistratie verlopen', registraties: [{ verlopen: true }] });
    await t.database.query(`UPDATE registration_applications SET valid_until = $1`, [validUntil(today, 4)]);
  });

  it('an objection reopens the review; a new decision replaces the old one', async () => {
    await teacher.get('/mijn-register/registratie');
    const empty = await teacher.post(`/mijn-register/registratie/${applicationId}/bezwaar`, { bezwaar: '' });
    expect(empty.statusCode).toBe(400);
    const res = await teacher.post(`/mijn-register/registratie/${applicationId}/bezwaar`, { bezwaar: 'Ik vraag om herziening van de periode.' });
    expect(res.statusCode).toBe(303);
    expect(await applicationStatus()).toBe('bezwaar');
    expect(await enrolmentStatus()).toBe('geregistreerd');
    const [lid] = await t.database.query<{ id: string }>(`SELECT id FROM accounts WHERE email = 'lid@commissie.nl'`);
    await staff.get('/beheer/aanvragen');
    await staff.post(`/beheer/aanvragen/${applicationId}/toewijzing`, { lid: lid.id });
    await member.get(`/beheer/aanvragen/${applicationId}`);
    await member.post(`/beheer/aanvragen/${applicationId}/besluit`, {
      besluit: 'afwijzen',
      motivering: 'Bij nader inzien ontbreekt bewijs van werkervaring.',
      bevestigd: 'ja',
    });
    expect(await applicationStatus()).toBe('afgewezen');
    expect(await enrolmentStatus()).toBe('ingeschreven');
    const steps = await t.database.query<{ from_status: string | null; to_status: string }>(
      `SELECT from_status, to_status FROM registration_events ORDER BY created_at, id`,
    );
    expect(steps.map((s) => `${s.from_status ?? '-'}→${s.to_status}`)).toEqual([
      '-→aangevraagd',
      'aangevraagd→in-behandeling',
      'in-behandeling→geregistreerd',
      'geregistreerd→bezwaar',
      'bezwaar→in-behandeling',
      'in-behandeling→afgewezen',
    ]);
  });

  it('is closed to professionals and board staff', async () => {
    expect((await teacher.get('/beheer/aanvragen')).statusCode).toBe(403);
    expect(
      (
        await teacher.post(
          `/beheer/aanvragen/${applicationId}/besluit`,
          { besluit: 'registreren', motivering: 'Zelf beslissen.' },
          { csrf: teacher.csrfToken() },
        )
      ).statusCode,
    ).toBe(403);
  });
});

describe('register staff strike an enrolment off (doorhalen), and reverse it', () => {
  let number: string;
  const publicEntry = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/registraties/${number}` })).json();

  beforeAll(async () => {
    [{ register_number: number }] = await t.database.query<{ register_number: string }>(`SELECT register_number FROM enrolments`);
    // a registered professional again: the objection above ended in a rejection
    await t.database.query(`UPDATE registration_applications SET status = 'geregistreerd', valid_until = $1`, [validUntil(today, 4)]);
    await t.database.query(`UPDATE enrolments SET status = 'geregistreerd'`);
  });

  it('finds the enrolment by name and by number, and shows it with its history; reading it is audited', async () => {
    const byName = visibleText((await staff.get('/beheer/inschrijvingen?zoek=Registratie')).body);
    expect(byName).toContain(`R. Registratie ${number} geregistreerd`);
    const english = visibleText((await staff.get('/beheer/inschrijvingen?zoek=Registratie&lang=en')).body);
    await staff.get('/beheer/inschrijvingen?lang=nl');
    expect(english).toContain(`R. Registratie ${number} registered`);
    expect(visibleText((await staff.get(`/beheer/inschrijvingen?zoek=${number.slice(0, 3)}%20${number.slice(3)}`)).body)).toContain(`R. Registratie ${number}`);
    const page = visibleText((await staff.get(`/beheer/inschrijvingen/${number}`)).body);
    expect(page).toContain('Inschrijving van R. Registratie');
    expect(page).toMatch(
      /ingeschreven · Rosa Registratie .* aangevraagd · Rosa Registratie · Lerarenregister: Registerleraar geregistreerd .* geregistreerd · Carla Commissie/,
    );
    expect(await auditRows(t.database, 'enrolment.viewed')).toHaveLength(1);
  });

  it('needs a reason and a confirmation, each at its field; nothing changes without them', async () => {
    await staff.get(`/beheer/inschrijvingen/${number}`);
    const res = await staff.post(`/beheer/inschrijvingen/${number}/doorhalen`, { reden: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#reden"');
    expect(res.body).toContain('href="#bevestigd"');
    expect(visibleText(res.body)).toContain('Bevestig dat u deze inschrijving wilt doorhalen.');
    expect(await enrolmentStatus()).toBe('geregistreerd');
  });

  it('strikes it off: the public register shows doorgehaald without registrations, the professional is told and cannot apply', async () => {
    await staff.get(`/beheer/inschrijvingen/${number}`);
    const res = await staff.post(`/beheer/inschrijvingen/${number}/doorhalen`, {
      reden: 'Besluit van de Commissie Registratie van 1 november.',
      bevestigd: 'ja',
    });
    expect(res.statusCode).toBe(303);
    expect(visibleText((await staff.get(String(res.headers.location))).body)).toContain('De inschrijving is doorgehaald');
    expect(await enrolmentStatus()).toBe('doorgehaald');
    expect(await publicEntry()).toMatchObject({ registernummer: number, status: 'doorgehaald', registraties: [] });
    const [mail] = await t.database.query<{ to_address: string; text: string }>(
      `SELECT to_address, text FROM mail_outbox WHERE template = 'enrolment-struck-off'`,
    );
    expect(mail.to_address).toBe('rosa@thuis.nl');
    expect(mail.text).toContain('Besluit van de Commissie Registratie van 1 november.');
    const [audit] = await auditRows(t.database, 'enrolment.struck-off');
    expect(audit).toMatchObject({ before: { status: 'geregistreerd' }, after: { status: 'doorgehaald' } });

    const own = await teacher.get('/mijn-register/registratie');
    expect(visibleText(own.body)).toContain('Uw inschrijving is op');
    expect(visibleText(own.body)).toContain('Reden: Besluit van de Commissie Registratie van 1 november.');
    expect(own.body).not.toContain('id="motivering"');
    const apply = await teacher.post('/mijn-register/registratie', {
      niveau: 'lerarenregister::Registerleraar|geregistreerd',
      motivering: 'Toch opnieuw aanvragen.',
      bewijs: [evidenceId],
    });
    expect(apply.statusCode).toBe(409);
    expect(visibleText(apply.body)).toContain('Deze inschrijving is doorgehaald');
  });

  it('refuses to strike off twice, at the form', async () => {
    await staff.get(`/beheer/inschrijvingen/${number}`);
    const again = await staff.post(`/beheer/inschrijvingen/${number}/doorhalen`, { reden: 'Nog een keer doorhalen.', bevestigd: 'ja' });
    expect(again.statusCode).toBe(400);
    expect(visibleText(again.body)).toContain('Deze inschrijving is al doorgehaald.');
  });

  it('reverses it with a reason, back to the status it had; every step is in the history with who and why', async () => {
    const page = await staff.get(`/beheer/inschrijvingen/${number}`);
    expect(visibleText(page.body)).toContain('Doorhaling opheffen');
    expect((await staff.post(`/beheer/inschrijvingen/${number}/herstellen`, { reden: '' })).statusCode).toBe(400);
    const res = await staff.post(`/beheer/inschrijvingen/${number}/herstellen`, { reden: 'Bezwaar gegrond verklaard.' });
    expect(res.statusCode).toBe(303);
    expect(await enrolmentStatus()).toBe('geregistreerd');
    expect(await publicEntry()).toMatchObject({ status: 'geregistreerd', registraties: [{ register: 'Lerarenregister' }] });
    const lines = await t.database.query<{ from_status: string; to_status: string; by_label: string; reason: string }>(
      `SELECT from_status, to_status, by_label, reason FROM enrolment_events ORDER BY created_at, id`,
    );
    expect(lines.slice(-2)).toEqual([
      { from_status: 'geregistreerd', to_status: 'doorgehaald', by_label: 'Stefan Staf', reason: 'Besluit van de Commissie Registratie van 1 november.' },
      { from_status: 'doorgehaald', to_status: 'geregistreerd', by_label: 'Stefan Staf', reason: 'Bezwaar gegrond verklaard.' },
    ]);
    expect(await auditRows(t.database, 'enrolment.reinstated')).toHaveLength(1);
  });

  it('is closed to professionals and commission members', async () => {
    expect((await teacher.get('/beheer/inschrijvingen')).statusCode).toBe(403);
    expect((await member.get(`/beheer/inschrijvingen/${number}`)).statusCode).toBe(403);
    expect(
      (await teacher.post(`/beheer/inschrijvingen/${number}/doorhalen`, { reden: 'Zelf doorhalen.', bevestigd: 'ja' }, { csrf: teacher.csrfToken() }))
        .statusCode,
    ).toBe(403);
    expect(await enrolmentStatus()).toBe('geregistreerd');
  });
});
