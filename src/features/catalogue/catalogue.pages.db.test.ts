import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { dayFrom, enrolledProfessional, insertBoard, insertOffering, insertProvider, insertRun } from '../../../tests/support/catalogue.ts';
import { auditRows, mailsTo, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { postMultipart, visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { registerNumberFor } from '../register/index.ts';

let t: TestApp;
let boardA: string;
let boardB: string;
let provider: string;
let staffA: WebSession;
let adminB: WebSession;
let providerStaff: WebSession;
let lotteWeb: WebSession;
let lotte: { accountId: string; registerNumber: string; email: string };
let bram: { accountId: string; registerNumber: string; email: string };
let struckOff: { registerNumber: string };
let offering: string;
const A = () => `/beheer/bestuur/${boardA}`;
const runsOf = (id: string, org = A()) => `${org}/aanbod/${id}/uitvoeringen`;

const runForm = {
  datum: dayFrom(30),
  begintijd: '09:30',
  eindtijd: '16:00',
  vorm: 'locatie',
  plaats: 'Jaarbeurs, Utrecht',
  provincie: 'Utrecht',
  capaciteit: '25',
};

beforeAll(async () => {
  t = await createTestApp();
  boardA = await insertBoard(t.database, '90001', 'Stichting Bestuur A');
  boardB = await insertBoard(t.database, '90002', 'Stichting Bestuur B');
  provider = await insertProvider(t.database, 'Hogeschool Voorbeeld');
  const staff = await createAccount(t.database, {
    email: 'staf@bestuur-a.nl',
    displayName: 'Sanne Staf',
    roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: boardA } }],
  });
  const other = await createAccount(t.database, {
    email: 'admin@bestuur-b.nl',
    roles: [{ role: 'board-admin', organisation: { kind: 'bestuur', id: boardB } }],
  });
  const teacher = await createAccount(t.database, {
    email: 'docent@aanbieder.nl',
    roles: [{ role: 'provider-staff', organisation: { kind: 'aanbieder', id: provider } }],
  });
  staffA = await sessionFor(t.app, t.database, staff.id);
  adminB = await sessionFor(t.app, t.database, other.id);
  providerStaff = await sessionFor(t.app, t.database, teacher.id);
  lotte = await enrolledProfessional(t.database, { email: 'lotte@school.nl', surname: 'Dossier', initials: 'L.' });
  bram = await enrolledProfessional(t.database, { email: 'bram@school.nl', surname: 'Bakker', initials: 'B.' });
  struckOff = await enrolledProfessional(t.database, { email: 'weg@school.nl', surname: 'Weg', status: 'doorgehaald' });
  lotteWeb = await sessionFor(t.app, t.database, lotte.accountId);
  offering = await insertOffering(t.database, {
    organisation: { kind: 'bestuur', id: boardA },
    organisationName: 'Stichting Bestuur A',
    title: 'Rekenen in groep 5',
    points: 12,
  });
});
afterAll(async () => t?.close());

describe('runs of an accredited offering', () => {
  it('shows the offering without runs, and the form to add one', async () => {
    const res = await staffA.get(runsOf(offering));
    expect(res.statusCode).toBe(200);
    const page = visibleText(res.body);
    expect(page).toContain('Uitvoeringen: Rekenen in groep 5');
    expect(page).toContain('Dit aanbod heeft nog geen uitvoeringen.');
    expect(page).toContain('Uitvoering toevoegen');
  });

  it('refuses a run with problems, each at its field, and keeps what was typed', async () => {
    const res = await staffA.post(runsOf(offering), { ...runForm, eindtijd: '09:00', capaciteit: '0', datum: dayFrom(800), provincie: '' });
    expect(res.statusCode).toBe(400);
    for (const field of ['datum', 'eindtijd', 'provincie', 'capaciteit']) expect(res.body).toContain(`href="#${field}"`);
    const page = visibleText(res.body);
    expect(page).toContain('De eindtijd ligt na de begintijd.');
    expect(page).toContain('De accreditatie geldt tot en met');
    expect(page).toContain('een heel getal van 1 tot en met 10.000');
    expect(res.body).toContain('value="Jaarbeurs, Utrecht"');
    expect(await t.database.query('SELECT 1 FROM offering_runs')).toHaveLength(0);
  });

  it('in English: the refusal of a run, and an offering that takes no runs, are English all the way down', async () => {
    await staffA.get(`${runsOf(offering)}?lang=en`);
    try {
      const res = await staffA.post(runsOf(offering), { ...runForm, eindtijd: '09:00', capaciteit: '0', datum: dayFrom(800), provincie: '' });
      expect(res.statusCode).toBe(400);
      for (const field of ['datum', 'eindtijd', 'provincie', 'capaciteit']) expect(res.body).toContain(`href="#${field}"`);
      const page = visibleText(res.body);
      expect(page).toContain('The end time must be after the start time.');
      expect(page).toContain('The accreditation applies until');
      expect(page).toContain('Choose the province of the location.');
      expect(page).toContain('a whole number from 1 to 10,000');
      expect(page).not.toContain('De eindtijd');
      const submitted = await insertOffering(t.database, { organisation: { kind: 'bestuur', id: boardA }, status: 'ingediend', title: 'Nog te beoordelen' });
      const refused = await staffA.get(runsOf(submitted));
      expect(refused.statusCode).toBe(409);
      expect(visibleText(refused.body)).toContain('This offering is not accredited: only accredited offerings get runs and attendance.');
      const expired = await insertOffering(t.database, {
        organisation: { kind: 'bestuur', id: boardA },
        title: 'Afgelopen',
        validFrom: dayFrom(-800),
        validUntil: dayFrom(-1),
      });
      expect(visibleText((await staffA.get(runsOf(expired))).body)).toContain('The accreditation of this offering expired on');
    } finally {
      await staffA.get(`${runsOf(offering)}?lang=nl`); // the language is a cookie: back to Dutch for the tests that follow
    }
  });

  it('adds a run in Dutch time; it is listed and audited', async () => {
    await staffA.get(runsOf(offering));
    const res = await staffA.post(runsOf(offering), runForm);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${runsOf(offering)}?melding=toegevoegd`);
    const page = visibleText((await staffA.get(String(res.headers.location))).body);
    expect(page).toContain('De uitvoering is toegevoegd');
    expect(page).toMatch(/09:30–16:00 Jaarbeurs, Utrecht \(Utrecht\) 25 gepland Presentie \(0\)/);
    const [run] = await t.database.query<{ starts_at: Date; created_by_label: string }>('SELECT starts_at, created_by_label FROM offering_runs');
    expect(run.created_by_label).toBe('Sanne Staf');
    expect(new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(new Date(run.starts_at))).toBe(
      '09:30',
    );
    expect((await auditRows(t.database, 'offering-run.added'))[0]).toMatchObject({ subject_organisation_id: boardA, actor_role: 'board-staff' });
  });

  it('adds an online run without place or province', async () => {
    await staffA.get(runsOf(offering));
    const res = await staffA.post(runsOf(offering), { ...runForm, vorm: 'online', plaats: '', provincie: '', datum: dayFrom(40) });
    expect(res.statusCode).toBe(303);
    expect(visibleText((await staffA.get(runsOf(offering))).body)).toMatch(/Online 25 gepland/);
  });

  it('gives no runs to an offering that is not accredited (409), and no new ones once its accreditation ended', async () => {
    const submitted = await insertOffering(t.database, { organisation: { kind: 'bestuur', id: boardA }, status: 'ingediend', title: 'Nog in behandeling' });
    const res = await staffA.get(runsOf(submitted));
    expect(res.statusCode).toBe(409);
    expect(visibleText(res.body)).toContain('Dit aanbod is niet geaccrediteerd');
    const expired = await insertOffering(t.database, {
      organisation: { kind: 'bestuur', id: boardA },
      title: 'Verlopen',
      validFrom: dayFrom(-800),
      validUntil: dayFrom(-1),
    });
    const page = await staffA.get(runsOf(expired));
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain('De accreditatie van dit aanbod is verlopen');
    expect(page.body).not.toContain('name="datum"');
    const post = await staffA.post(runsOf(expired), { ...runForm, datum: dayFrom(-2) });
    expect(post.statusCode).toBe(409);
  });

  it("keeps another organisation's staff out: their own address gives not found, board A's address no access", async () => {
    expect((await adminB.get(runsOf(offering, `/beheer/bestuur/${boardB}`))).statusCode).toBe(404);
    expect((await adminB.get(runsOf(offering))).statusCode).toBe(403);
    expect((await providerStaff.get(runsOf(offering, `/beheer/aanbieder/${provider}`))).statusCode).toBe(404);
    await adminB.get('/aanbod');
    expect((await adminB.post(runsOf(offering, `/beheer/bestuur/${boardB}`), runForm)).statusCode).toBe(404);
    expect(await t.database.query('SELECT 1 FROM offering_runs WHERE offering_id = $1', [offering])).toHaveLength(2);
  });

  it("lets a provider's staff manage their own offering's runs", async () => {
    const own = await insertOffering(t.database, { organisation: { kind: 'aanbieder', id: provider }, title: 'Leiderschap in de school' });
    const res = await providerStaff.get(runsOf(own, `/beheer/aanbieder/${provider}`));
    expect(res.statusCode).toBe(200);
    expect(visibleText(res.body)).toContain('Uitvoeringen: Leiderschap in de school');
  });
});

describe('attendance', () => {
  let pastRun: string;
  let futureRun: string;
  const attendanceOf = (run: string) => `${runsOf(offering)}/${run}/presentie`;

  beforeAll(async () => {
    // a run of last week, added through the form as a provider does afterwards
    await staffA.get(runsOf(offering));
    expect((await staffA.post(runsOf(offering), { ...runForm, datum: dayFrom(-7) })).statusCode).toBe(303);
    [{ id: pastRun }] = await t.database.query<{ id: string }>('SELECT id FROM offering_runs WHERE offering_id = $1 ORDER BY starts_at LIMIT 1', [offering]);
    [{ id: futureRun }] = await t.database.query<{ id: string }>('SELECT id FROM offering_runs WHERE offering_id = $1 ORDER BY starts_at DESC LIMIT 1', [
      offering,
    ]);
  });

  it('waits for a run to begin', async () => {
    const res = await staffA.get(attendanceOf(futureRun));
    expect(res.statusCode).toBe(200);
    expect(visibleText(res.body)).toContain('Deze uitvoering is nog niet begonnen');
    expect(res.body).not.toContain('name="registernummers"');
    await staffA.get(attendanceOf(pastRun));
    expect((await staffA.post(attendanceOf(futureRun), { registernummers: lotte.registerNumber })).statusCode).toBe(409);
  });

  it('refuses an empty submission at its field', async () => {
    await staffA.get(attendanceOf(pastRun));
    const res = await staffA.post(attendanceOf(pastRun), { registernummers: '  \n ' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#registernummers"');
    expect(visibleText(res.body)).toContain('Geef ten minste één registernummer.');
  });

  it('records the valid lines, reports every other line with its reason, and keeps those to correct', async () => {
    await staffA.get(attendanceOf(pastRun));
    const wrongCheck = `${lotte.registerNumber.slice(0, 8)}${(Number(lotte.registerNumber[8]) + 1) % 10}`;
    const nobody = registerNumberFor(8_888_888);
    const lines = [lotte.registerNumber, wrongCheck, nobody, struckOff.registerNumber, '', lotte.registerNumber].join('\n');
    const res = await staffA.post(attendanceOf(pastRun), { registernummers: lines });
    expect(res.statusCode).toBe(200);
    const page = visibleText(res.body);
    expect(page).toContain('1 geregistreerd, 0 al geregistreerd, 4 niet verwerkt.');
    expect(page).toContain(`1 ${lotte.registerNumber} geregistreerd`);
    expect(page).toContain(`2 ${wrongCheck} ongeldig registernummer`);
    expect(page).toContain(`3 ${nobody} onbekend registernummer`);
    expect(page).toContain(`4 ${struckOff.registerNumber} niet geregistreerd: de inschrijving met dit registernummer is doorgehaald`);
    expect(page).toContain(`6 ${lotte.registerNumber} dubbel: hetzelfde registernummer als regel 1`);
    expect(page).toContain('Deelnemers (1)');
    expect(page).toContain(`${lotte.registerNumber} L. Dossier`);
    // the lines to correct stay in the form
    expect(res.body).toContain(`${wrongCheck}\n${nobody}\n${struckOff.registerNumber}</textarea>`);
    const [mail] = await mailsTo(t.database, lotte.email);
    expect(mail.subject).toBe('In uw dossier: Rekenen in groep 5');
    expect(mail.text).toContain('met 12 punten en 16 uur studiebelasting');
    expect(mail.text).toContain('/mijn-register/dossier');
    const audit = await auditRows(t.database, 'attendance.recorded');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ subject_account_id: lotte.accountId, subject_organisation_id: boardA, actor_role: 'board-staff' });
  });

  it("puts the offering in the participant's dossier with its points, read only", async () => {
    const dossier = visibleText((await lotteWeb.get('/mijn-register/dossier')).body);
    expect(dossier).toMatch(/Rekenen in groep 5 cursus \(uit geaccrediteerd aanbod\) \d{1,2} \p{L}+ \d{4} 16 12 Omgaan met verschillen/u);
    const [activity] = await t.database.query<{ id: string; source: string; points: number; provider: string; completed_on: string; primary_process: boolean }>(
      'SELECT id, source, points, provider, completed_on::text, primary_process FROM activities',
    );
    expect(activity).toMatchObject({ source: 'aanbod', points: 12, provider: 'Stichting Bestuur A', completed_on: dayFrom(-7), primary_process: true });
    const [attendance] = await t.database.query<{ activity_id: string; source: string }>('SELECT activity_id, source FROM attendances');
    expect(attendance).toEqual({ activity_id: activity.id, source: 'pagina' });
    const one = visibleText((await lotteWeb.get(`/mijn-register/dossier/${activity.id}`)).body);
    expect(one).toContain('u kunt haar niet wijzigen');
    const change = await lotteWeb.post(`/mijn-register/dossier/${activity.id}`, {
      soort: 'cursus',
      titel: 'Anders',
      begindatum: dayFrom(-7),
      einddatum: dayFrom(-7),
      uren: '99',
    });
    expect(change.statusCode).toBe(400);
    expect((await t.database.query<{ title: string }>('SELECT title FROM activities'))[0].title).toBe('Rekenen in groep 5');
  });

  it('changes nothing when the same person is recorded again', async () => {
    await staffA.get(attendanceOf(pastRun));
    const res = await staffA.post(attendanceOf(pastRun), { registernummers: lotte.registerNumber });
    expect(res.statusCode).toBe(200);
    expect(visibleText(res.body)).toContain('0 geregistreerd, 1 al geregistreerd, 0 niet verwerkt.');
    expect(await t.database.query('SELECT 1 FROM activities')).toHaveLength(1);
    expect(await t.database.query('SELECT 1 FROM attendances')).toHaveLength(1);
    expect(await mailsTo(t.database, lotte.email)).toHaveLength(1);
  });

  it("counts the offering's points once when the same person attends a second run of it: the activity spans both days", async () => {
    await staffA.get(runsOf(offering));
    expect((await staffA.post(runsOf(offering), { ...runForm, datum: dayFrom(-3) })).statusCode).toBe(303);
    const [{ id: secondDay }] = await t.database.query<{ id: string }>(
      `SELECT id FROM offering_runs WHERE offering_id = $1 AND starts_at < now() AND id <> $2 ORDER BY starts_at DESC LIMIT 1`,
      [offering, pastRun],
    );
    await staffA.get(attendanceOf(secondDay));
    expect((await staffA.post(attendanceOf(secondDay), { registernummers: lotte.registerNumber })).statusCode).toBe(200);
    expect(await t.database.query('SELECT 1 FROM attendances')).toHaveLength(2);
    expect(await t.database.query<{ started_on: string; completed_on: string }>('SELECT started_on::text, completed_on::text FROM activities')).toEqual([
      { started_on: dayFrom(-7), completed_on: dayFrom(-3) },
    ]);
    await t.database.query('DELETE FROM attendances WHERE run_id = $1', [secondDay]);
    await t.database.query('UPDATE activities SET completed_on = $1', [dayFrom(-7)]);
  });

  it('reads a CSV file by its header and reports bad rows by their row number', async () => {
    await staffA.get(attendanceOf(pastRun));
    const action = `${attendanceOf(pastRun)}/bestand`;
    const csv = `naam;registernummer\r\nBakker;${bram.registerNumber}\r\nOnzin;12345\r\nDossier;${lotte.registerNumber}\r\nBakker;${bram.registerNumber}\r\n`;
    const res = await postMultipart(staffA, action, [{ name: 'bestand', filename: 'presentie.csv', type: 'text/csv', content: Buffer.from(csv) }]);
    expect(res.statusCode).toBe(200);
    const page = visibleText(res.body);
    expect(page).toContain('1 geregistreerd, 1 al geregistreerd, 2 niet verwerkt.');
    expect(page).toContain(`Rij Registernummer Resultaat 2 ${bram.registerNumber} geregistreerd 3 12345 ongeldig registernummer`);
    expect(page).toContain(`4 ${lotte.registerNumber} al geregistreerd`);
    expect(page).toContain(`5 ${bram.registerNumber} dubbel: hetzelfde registernummer als regel 2`);
    expect(page).toContain('Deelnemers (2)');
    expect(await t.database.query(`SELECT 1 FROM attendances WHERE source = 'csv'`)).toHaveLength(1);
  });

  it('refuses a file without the column, and a post without a file, at the file field', async () => {
    await staffA.get(attendanceOf(pastRun));
    const action = `${attendanceOf(pastRun)}/bestand`;
    const noHeader = await postMultipart(staffA, action, [
      { name: 'bestand', filename: 'p.csv', type: 'text/csv', content: Buffer.from(`${bram.registerNumber}\n`) },
    ]);
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.body).toContain('href="#bestand"');
    expect(visibleText(noHeader.body)).toContain('geen kolom registernummer');
    await staffA.get(attendanceOf(pastRun));
    const plain = await staffA.post(`${attendanceOf(pastRun)}/bestand`, {});
    expect(plain.statusCode).toBe(400);
    expect(visibleText(plain.body)).toContain('Kies een CSV-bestand met een kolom registernummer.');
  });

  it("keeps another organisation's staff out of the attendance", async () => {
    const theirs = `/beheer/bestuur/${boardB}/aanbod/${offering}/uitvoeringen/${pastRun}/presentie`;
    expect((await adminB.get(theirs)).statusCode).toBe(404);
    await adminB.get('/aanbod');
    expect((await adminB.post(theirs, { registernummers: bram.registerNumber })).statusCode).toBe(404);
    expect((await adminB.get(attendanceOf(pastRun))).statusCode).toBe(403);
  });

  it('cancels a run only without attendance, and only once confirmed', async () => {
    const withAttendance = await staffA.get(`${runsOf(offering)}/${pastRun}/annuleren`);
    expect(visibleText(withAttendance.body)).toContain('Bij deze uitvoering is al presentie geregistreerd');
    expect((await staffA.post(`${runsOf(offering)}/${pastRun}/annuleren`, { bevestigd: 'ja' })).statusCode).toBe(409);
    await staffA.get(`${runsOf(offering)}/${futureRun}/annuleren`);
    const unconfirmed = await staffA.post(`${runsOf(offering)}/${futureRun}/annuleren`, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('href="#bevestigd"');
    const res = await staffA.post(`${runsOf(offering)}/${futureRun}/annuleren`, { bevestigd: 'ja' });
    expect(res.statusCode).toBe(303);
    const page = visibleText((await staffA.get(String(res.headers.location))).body);
    expect(page).toContain('De uitvoering is geannuleerd.');
    expect(page).toMatch(/geannuleerd Presentie \(0\)/);
    expect(await auditRows(t.database, 'offering-run.cancelled')).toHaveLength(1);
  });
});

describe('the public catalogue', () => {
  it('is in the main navigation, lists accredited offerings with their upcoming runs and calendar links', async () => {
    const upcoming = await insertRun(t.database, offering, 20, { province: 'Zeeland' });
    const res = await t.app.inject({ url: '/aanbod' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/aanbod" aria-current="page"');
    const page = visibleText(res.body);
    expect(page).toContain('Nascholingsaanbod');
    expect(page).toContain('Rekenen in groep 5 Stichting Bestuur A 12 punten · 16 uur studiebelasting · klassikaal · € 295,00');
    expect(page).toContain('Jaarbeurs (Zeeland)');
    expect(page).not.toContain('Nog in behandeling');
    expect(page).not.toContain('Verlopen');
    expect(res.body).toContain(`href="/aanbod/${offering}/uitvoeringen/${upcoming}.ics"`);
    const ics = await t.app.inject({ url: `/aanbod/${offering}/uitvoeringen/${upcoming}.ics` });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ics.body).toContain('SUMMARY:Rekenen in groep 5\r\n');
    expect(ics.body).toContain('LOCATION:Jaarbeurs\\, Zeeland\r\n');
  });

  it('filters as a plain GET form, and says so when nothing fits', async () => {
    const none = visibleText((await t.app.inject({ url: '/aanbod?zoek=sterrenkunde' })).body);
    expect(none).toContain('Geen aanbod gevonden.');
    expect(none).toContain('Geen aanbod past bij deze zoekvraag');
    const found = visibleText((await t.app.inject({ url: '/aanbod?zoek=rekenen&regio=Zeeland&puntenMin=10' })).body);
    expect(found).toContain('1 activiteit gevonden');
    expect(visibleText((await t.app.inject({ url: '/aanbod?zoek=rekenen&regio=Zeeland&puntenMin=10&lang=en' })).body)).toContain('1 offering found');
    const wrong = await t.app.inject({ url: '/aanbod?puntenMin=20&puntenMax=5' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#puntenMax"');
    expect(visibleText(wrong.body)).toContain('Het maximum aantal punten is niet lager dan het minimum.');
    const english = await t.app.inject({ url: '/aanbod?puntenMin=20&puntenMax=5&lang=en' });
    expect(english.statusCode).toBe(400);
    expect(visibleText(english.body)).toContain('The maximum number of points cannot be lower than the minimum.');
    // a page number that is none, and a filter given twice, are tolerated as they always were
    expect((await t.app.inject({ url: '/aanbod?page=abc&zoek=a&zoek=b' })).statusCode).toBe(200);
  });

  it("shows an offering's page with everything a professional weighs, in English too", async () => {
    const page = visibleText((await t.app.inject({ url: `/aanbod/${offering}` })).body);
    for (const text of [
      'Rekenen in groep 5',
      'Punten 12',
      "Thema's Omgaan met verschillen",
      'Studiebelasting 16 uur studiebelasting',
      'Prijs € 295,00',
      'Carla Contact',
      'Je leert differentiëren.',
    ]) {
      expect(page).toContain(text);
    }
    const english = visibleText((await t.app.inject({ url: `/aanbod/${offering}?lang=en` })).body);
    expect(english).toContain('Add to your calendar (.ics)');
    expect((await t.app.inject({ url: `/aanbod/${crypto.randomUUID()}` })).statusCode).toBe(404);
  });
});
