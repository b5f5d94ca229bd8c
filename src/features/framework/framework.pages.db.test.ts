import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { registerNumberFor } from '../register/index.ts';
import { schoolLeaderThemes } from '../register/index.ts';

let t: TestApp;
let staff: WebSession;
let professional: WebSession;
let oldActivity: string;
const office = { kind: 'register' as const, id: registerOfficeId };
const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);

/** An enrolled professional straight in the database, signed in. */
async function enrolledProfessional(email: string, n: number): Promise<{ web: WebSession; enrolmentId: string }> {
  const account = await createAccount(t.database, { email, displayName: email.split('@')[0] });
  const [person, enrolmentId] = [uuidV7(), uuidV7()];
  await t.database.query(`INSERT INTO persons (id, initials, surname, birth_date, email, account_id) VALUES ($1, 'S.', 'Schoolleider', '1975-05-05', $2, $3)`, [
    person,
    email,
    account.id,
  ]);
  await t.database.query(`INSERT INTO enrolments (id, person_id, account_id, register_number) VALUES ($1, $2, $3, $4)`, [
    enrolmentId,
    person,
    account.id,
    registerNumberFor(n),
  ]);
  return { web: await sessionFor(t.app, t.database, account.id), enrolmentId };
}

// version 1's eight themes with "Wildcard" taken out and "Pedagogisch leiderschap" added
const v2Themes = [...schoolLeaderThemes.filter((x) => x !== 'Wildcard'), 'Pedagogisch leiderschap'];
const v2 = {
  versie: '1',
  beroepsstandaard: 'De beroepsstandaard voor schoolleiders in het primair onderwijs, herzien in 2027.\n\nDe volledige tekst staat bij de beroepsvereniging.',
  competenties:
    'Visiegestuurd werken\nIn relatie staan tot de omgeving\nWerken aan kwaliteit\nLeiding geven aan verandering\nHogere-orde denken\nLeidinggeven aan leren: het leren van leerlingen en team centraal',
  themas: v2Themes.join('\n'),
  toelichting: 'Pedagogisch leiderschap vervangt de wildcard.',
};

beforeAll(async () => {
  t = await createTestApp();
  staff = await sessionFor(
    t.app,
    t.database,
    (await createAccount(t.database, { email: 'kader@register.nl', displayName: 'Kees Kader', roles: [{ role: 'register-staff', organisation: office }] })).id,
  );
  const { web, enrolmentId } = await enrolledProfessional('sanne@school.nl', 9_100_001);
  professional = web;
  oldActivity = uuidV7();
  await t.database.query(
    `INSERT INTO activities (id, enrolment_id, kind, title, started_on, completed_on, hours, themes, competencies)
    VALUES ($1, $2, 'intervisie', 'Intervisie met collega-directeuren', $3, $3, 8, '{Wildcard}', '{"Hogere-orde denken"}')`,
    [oldActivity, enrolmentId, yesterday],
  );
});
afterAll(async () => t?.close());

describe('the reference framework, version 1', () => {
  it('is public: the beroepsstandaard, five basiscompetenties and eight themes, with its note', async () => {
    const res = await new WebSession(t.app).get('/referentiekader');
    expect(res.statusCode).toBe(200);
    const page = visibleText(res.body);
    expect(page).toContain('Dit is versie 1, vastgesteld op');
    expect(page).toContain('De beroepsstandaard voor schoolleiders in het primair onderwijs beschrijft wat een schoolleider kent en kan');
    for (const name of ['Visiegestuurd werken', 'Hogere-orde denken', ...schoolLeaderThemes]) expect(page).toContain(name);
    expect(res.body.match(/class="utrecht-unordered-list__item"/g)).toHaveLength(13);
    expect(page).toContain('De eerste versie: de beroepsstandaard, de vijf basiscompetenties en de acht professionaliseringsthema');
  });

  it("names the themes the re-registration engine's themes rule counts", async () => {
    const [v1] = await t.database.query<{ themes: { name: string }[] }>(`SELECT themes FROM framework_versions WHERE version = 1`);
    expect(v1.themes.map((x) => x.name)).toEqual(schoolLeaderThemes);
  });

  it('answers a version that does not exist with "not found"', async () => {
    const anon = new WebSession(t.app);
    expect((await anon.get('/referentiekader/versies/1')).statusCode).toBe(200);
    for (const v of ['99', 'een', '1.5', '-1']) expect((await anon.get(`/referentiekader/versies/${v}`)).statusCode, v).toBe(404);
  });

  it('is managed by register staff only', async () => {
    expect((await professional.get('/beheer/referentiekader')).statusCode).toBe(403);
    const res = await staff.get('/beheer/referentiekader');
    expect(res.statusCode).toBe(200);
    // the form starts from the current version
    expect(res.body).toContain('Regie &amp; strategie\nIn relatie staan tot de omgeving');
    expect(res.body).toContain('name="versie" value="1"');
    expect(visibleText((await staff.get('/beheer')).body)).toContain('Referentiekader');
  });
});

describe('a new version', () => {
  it('is refused with every problem at its field, and nothing saved', async () => {
    await staff.get('/beheer/referentiekader');
    const res = await staff.post('/beheer/referentiekader', { ...v2, competenties: '  \n', themas: 'Regie & strategie\nRegie en strategie', toelichting: '' });
    expect(res.statusCode).toBe(400);
    for (const field of ['competenties', 'themas', 'toelichting']) expect(res.body).toContain(`href="#${field}"`);
    const page = visibleText(res.body);
    expect(page).toContain('Geef ten minste één basiscompetentie, één per regel.');
    expect(page).toContain('Regel 2 ("Regie en strategie") is dezelfde als regel 1: elke naam komt één keer voor.');
    expect(page).toContain('Schrijf waarom het referentiekader verandert');
    // what was typed stays
    expect(res.body).toContain('Regie &amp; strategie\nRegie en strategie');
    expect(await t.database.query(`SELECT 1 FROM framework_versions`)).toHaveLength(1);
  });

  it('is refused in English to a reader who chose English', async () => {
    await staff.get('/beheer/referentiekader?lang=en');
    const res = await staff.post('/beheer/referentiekader', { ...v2, competenties: '  \n', themas: 'Regie & strategie\nRegie en strategie', toelichting: '' });
    expect(res.statusCode).toBe(400);
    const page = visibleText(res.body);
    expect(page).toContain('Give at least one core competency, one per line.');
    expect(page).toContain('Line 2 ("Regie en strategie") is the same as line 1: each name appears only once.');
    expect(page).toContain('Write why the reference framework changes (at least 5 characters).');
    expect(page).not.toContain('Geef ten minste');
    // a refusal of the service (someone else was first) reads in English too
    const stale = await staff.post('/beheer/referentiekader', { ...v2, versie: '7' });
    expect(stale.statusCode).toBe(400);
    expect(visibleText(stale.body)).toContain('Someone else has made a new version of the reference framework in the meantime.');
    await staff.get('/referentiekader?lang=nl');
    expect(await t.database.query(`SELECT 1 FROM framework_versions`)).toHaveLength(1);
  });

  it('that changes nothing is refused', async () => {
    const form = await staff.get('/beheer/referentiekader');
    // the form as it came, posted back unchanged with only a note
    const decodeHtml = (html: string) =>
      html
        .replace(/&#39;|&#x27;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const fields = Object.fromEntries([...form.body.matchAll(/<textarea[^>]*id="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => [m[1], decodeHtml(m[2])]));
    const res = await staff.post('/beheer/referentiekader', {
      versie: '1',
      beroepsstandaard: fields.beroepsstandaard,
      competenties: fields.competenties,
      themas: fields.themas,
      toelichting: 'Niets nieuws.',
    });
    expect(res.statusCode).toBe(400);
    expect(visibleText(res.body)).toContain('Deze versie is gelijk aan de huidige');
  });

  it('is made by register staff from the current one, and shown to everyone with the earlier one', async () => {
    await staff.get('/beheer/referentiekader');
    const res = await staff.post('/beheer/referentiekader', v2);
    expect(res.statusCode).toBe(303);
    expect(visibleText((await staff.get(String(res.headers.location))).body)).toContain('Versie 2 van het referentiekader is vastgesteld.');
    const page = visibleText((await new WebSession(t.app).get('/referentiekader')).body);
    expect(page).toContain('Dit is versie 2, vastgesteld op');
    expect(page).toContain('herzien in 2027.');
    expect(page).toContain('Leidinggeven aan leren: het leren van leerlingen en team centraal');
    expect(page).toContain('Pedagogisch leiderschap');
    expect(page).not.toContain('Wildcard');
    expect(page).toMatch(/Versie 2 .* Pedagogisch leiderschap vervangt de wildcard\. Versie 1 .* De eerste versie/);
    const [audit] = await auditRows(t.database, 'framework.version-added');
    expect(audit.after).toMatchObject({ version: 2, note: 'Pedagogisch leiderschap vervangt de wildcard.' });
  });

  it('never changes the old one', async () => {
    const page = visibleText((await new WebSession(t.app).get('/referentiekader/versies/1')).body);
    expect(page).toContain('Dit is een eerdere versie; de huidige is versie 2.');
    expect(page).toContain('Wildcard');
    expect(page).not.toContain('Pedagogisch leiderschap');
  });

  it('is refused when made on a version that is no longer the current one', async () => {
    await staff.get('/beheer/referentiekader');
    const res = await staff.post('/beheer/referentiekader', { ...v2, versie: '1', toelichting: 'Tegelijk met een collega.' });
    expect(res.statusCode).toBe(400);
    expect(visibleText(res.body)).toContain('Iemand anders heeft intussen een nieuwe versie van het referentiekader gemaakt');
    expect(await t.database.query(`SELECT 1 FROM framework_versions`)).toHaveLength(2);
  });
});

describe('the dossier under the new version', () => {
  it("offers the new version's themes and competencies", async () => {
    const res = await professional.get('/mijn-register/dossier');
    expect(res.body).toContain('value="Pedagogisch leiderschap"');
    expect(res.body).toContain('value="Leidinggeven aan leren"');
    expect(res.body).not.toContain('value="Wildcard"');
    expect(visibleText(res.body)).toContain('het referentiekader (versie 2)');
  });

  const activity = {
    soort: 'studiedag',
    titel: 'Studiedag pedagogisch leiderschap',
    aanbieder: '',
    begindatum: yesterday,
    einddatum: yesterday,
    uren: '6',
    primairProces: '',
    themas: ['Pedagogisch leiderschap'],
    competenties: ['Leidinggeven aan leren'],
    leerdoelen: '',
    reflectie: '',
    bewijs: '',
  };

  it('records an activity on them', async () => {
    await professional.get('/mijn-register/dossier');
    expect((await professional.post('/mijn-register/dossier', activity)).statusCode).toBe(303);
    const [row] = await t.database.query<{ themes: string[]; competencies: string[] }>(`SELECT themes, competencies FROM activities WHERE title = $1`, [
      activity.titel,
    ]);
    expect(row).toEqual({ themes: ['Pedagogisch leiderschap'], competencies: ['Leidinggeven aan leren'] });
  });

  it('refuses a name the current version does not have, at its field', async () => {
    await professional.get('/mijn-register/dossier');
    const res = await professional.post('/mijn-register/dossier', { ...activity, titel: 'Met oude namen', themas: ['Wildcard'], competenties: ['Onbekend'] });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#themas"');
    expect(res.body).toContain('href="#competenties"');
    expect(visibleText(res.body)).toContain('Kies alleen basiscompetenties uit de lijst.');
  });

  it('lets an activity keep the names it had under version 1 when it is changed', async () => {
    const form = await professional.get(`/mijn-register/dossier/${oldActivity}`);
    expect(form.body).toMatch(/value="Wildcard"\s+checked/);
    const res = await professional.post(`/mijn-register/dossier/${oldActivity}`, {
      ...activity,
      soort: 'intervisie',
      titel: 'Intervisie met collega-directeuren',
      uren: '10',
      themas: ['Wildcard', 'Pedagogisch leiderschap'],
      competenties: ['Hogere-orde denken'],
    });
    expect(res.statusCode).toBe(303);
    const [row] = await t.database.query<{ themes: string[]; hours: string }>(`SELECT themes, hours::text FROM activities WHERE id = $1`, [oldActivity]);
    expect(row).toEqual({ themes: ['Wildcard', 'Pedagogisch leiderschap'], hours: '10.0' });
  });
});
