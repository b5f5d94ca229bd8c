import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFrom, enrolledProfessional, insertBoard, insertOffering, insertProvider, insertRun } from '../../../tests/support/catalogue.ts';
import { auditRows, mailsTo } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { createApiToken } from '../../platform/auth/api-tokens.ts';
import type { OrganisationRef } from '../../platform/auth/roles.ts';
import { registerNumberFor } from '../register/index.ts';

let t: TestApp;
let provider: string;
let otherProvider: string;
let board: string;
const ids: Record<string, string> = {};
const runs: Record<string, string> = {};
const tokens: Record<string, string> = {};
let anna: { accountId: string; registerNumber: string; email: string };
let ben: { registerNumber: string; email: string };
let gone: { registerNumber: string };

const get = (url: string) => t.app.inject({ url });
const list = async (query = '') => {
  const res = await get(`/api/v1/aanbod${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    resultaten: { id: string; titel: string; uitvoeringen: { id: string; provincie: string | null; _links: { agenda: { href: string } } }[] }[];
    totaal: number;
    page: number;
    pageSize: number;
  };
};
const titles = async (query = '') => (await list(query)).resultaten.map((r) => r.titel);
const attendance = (offering: string, run: string, body: unknown, token = tokens.presence, type = 'application/json') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/aanbod/${offering}/uitvoeringen/${run}/presentie`,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': type },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  t = await createTestApp();
  provider = await insertProvider(t.database, 'Hogeschool Voorbeeld');
  otherProvider = await insertProvider(t.database, 'Academie Anders');
  board = await insertBoard(t.database, '90011', 'Stichting Leren');
  const ofProvider: OrganisationRef = { kind: 'aanbieder', id: provider };
  ids.reading = await insertOffering(t.database, {
    organisation: ofProvider,
    title: 'Begrijpend lezen in groep 6',
    description: 'Teksten die kinderen begrijpen.',
    themes: ['Omgaan met verschillen'],
    competencies: ['Werken aan kwaliteit'],
    points: 8,
    format: 'klassikaal',
  });
  ids.leadership = await insertOffering(t.database, {
    organisation: ofProvider,
    title: 'Leiderschap en verandering',
    description: 'Voor schoolleiders: verandering leiden.',
    themes: ['Leiding geven aan verandering', 'Persoonlijk leiderschap'],
    competencies: ['Leiding geven aan verandering'],
    points: 40,
    format: 'online',
    activityKind: 'opleiding',
    hours: 120,
  });
  ids.master = await insertOffering(t.database, {
    organisation: { kind: 'bestuur', id: board },
    organisationName: 'Stichting Leren',
    title: 'Masterclass rekenen',
    description: 'Rekendidactiek.',
    points: 20,
    format: 'hybride',
  });
  ids.withoutRuns = await insertOffering(t.database, { organisation: ofProvider, title: 'Zonder uitvoering', points: 4 });
  ids.submitted = await insertOffering(t.database, { organisation: ofProvider, title: 'Ingediend aanbod', status: 'ingediend' });
  ids.expired = await insertOffering(t.database, { organisation: ofProvider, title: 'Verlopen aanbod', validFrom: dayFrom(-800), validUntil: dayFrom(-1) });
  ids.notYet = await insertOffering(t.database, { organisation: ofProvider, title: 'Toekomstig aanbod', validFrom: dayFrom(10), validUntil: dayFrom(400) });
  ids.ofOther = await insertOffering(t.database, {
    organisation: { kind: 'aanbieder', id: otherProvider },
    organisationName: 'Academie Anders',
    title: 'Anders lezen',
    points: 6,
  });
  runs.readingUtrecht = await insertRun(t.database, ids.reading, 10, { province: 'Utrecht' });
  runs.readingZeeland = await insertRun(t.database, ids.reading, 60, { province: 'Zeeland' });
  runs.readingPast = await insertRun(t.database, ids.reading, -3, { province: 'Utrecht' });
  runs.leadershipOnline = await insertRun(t.database, ids.leadership, 5, { online: true });
  runs.masterGroningen = await insertRun(t.database, ids.master, 90, { province: 'Groningen' });
  runs.cancelled = await insertRun(t.database, ids.master, 20, { province: 'Limburg' });
  await t.database.query('UPDATE offering_runs SET cancelled_at = now() WHERE id = $1', [runs.cancelled]);
  runs.otherPast = await insertRun(t.database, ids.ofOther, -2, { province: 'Drenthe' });
  const make = async (organisation: OrganisationRef, scopes: string[]) =>
    (
      await createApiToken(t.database.db, {
        organisation,
        name: scopes.join('+'),
        scopes,
        expiresAt: new Date(Date.now() + 90 * 24 * 3600 * 1000),
        createdBy: null,
      })
    ).token;
  tokens.presence = await make(ofProvider, ['presentie']);
  tokens.readOnly = await make(ofProvider, ['lezen']);
  tokens.otherProvider = await make({ kind: 'aanbieder', id: otherProvider }, ['presentie']);
  anna = await enrolledProfessional(t.database, { email: 'anna@school.nl', surname: 'Aalders', initials: 'A.' });
  ben = await enrolledProfessional(t.database, { email: 'ben@school.nl', surname: 'Bos', initials: 'B.' });
  gone = await enrolledProfessional(t.database, { email: 'weg@school.nl', surname: 'Weg', status: 'doorgehaald' });
});
afterAll(async () => t?.close());

describe('GET /api/v1/aanbod', () => {
  it('lists accredited offerings within their validity, the soonest run first, with upcoming runs and their calendar files', async () => {
    const body = await list();
    expect(body.totaal).toBe(5);
    expect(body.resultaten.map((r) => r.titel)).toEqual([
      'Leiderschap en verandering',
      'Begrijpend lezen in groep 6',
      'Masterclass rekenen',
      'Anders lezen',
      'Zonder uitvoering',
    ]);
    const reading = body.resultaten[1];
    expect(reading).toMatchObject({
      id: ids.reading,
      aanbieder: 'Hogeschool Voorbeeld',
      vorm: 'klassikaal',
      punten: 8,
      studiebelastingUren: 16,
      prijsInCenten: 29500,
      themas: ['Omgaan met verschillen'],
      competenties: ['Werken aan kwaliteit'],
      geldigTot: dayFrom(730),
      _links: { self: { href: `/api/v1/aanbod/${ids.reading}` } },
    });
    // the past run is gone, the cancelled one too
    expect(reading.uitvoeringen.map((r) => r.id)).toEqual([runs.readingUtrecht, runs.readingZeeland]);
    expect(reading.uitvoeringen[0]._links.agenda.href).toBe(`http://localhost:3000/aanbod/${ids.reading}/uitvoeringen/${runs.readingUtrecht}.ics`);
    expect(body.resultaten[2].uitvoeringen.map((r) => r.id)).toEqual([runs.masterGroningen]);
  });

  it('filters by words, theme, competency, points, region, format and dates', async () => {
    expect(await titles('zoek=lezen')).toEqual(['Begrijpend lezen in groep 6', 'Anders lezen']);
    expect(await titles('zoek=schoolleiders%20verandering')).toEqual(['Leiderschap en verandering']);
    expect(await titles(`thema=${encodeURIComponent('Persoonlijk leiderschap')}`)).toEqual(['Leiderschap en verandering']);
    expect(await titles(`competentie=${encodeURIComponent('Werken aan kwaliteit')}`)).toEqual(['Begrijpend lezen in groep 6']);
    expect(await titles('puntenMin=10&puntenMax=30')).toEqual(['Masterclass rekenen']);
    expect(await titles('regio=online')).toEqual(['Leiderschap en verandering']);
    expect(await titles('regio=Zeeland')).toEqual(['Begrijpend lezen in groep 6']);
    // a cancelled run is in no region
    expect(await titles('regio=Limburg')).toEqual([]);
    expect(await titles('vorm=hybride')).toEqual(['Masterclass rekenen']);
    expect(await titles(`vanaf=${dayFrom(50)}&tot=${dayFrom(95)}`)).toEqual(['Begrijpend lezen in groep 6', 'Masterclass rekenen']);
    // the same run must be in the region and in the dates
    expect(await titles(`regio=Utrecht&vanaf=${dayFrom(50)}`)).toEqual([]);
    expect(await titles(`regio=Utrecht&vanaf=${dayFrom(1)}&tot=${dayFrom(20)}`)).toEqual(['Begrijpend lezen in groep 6']);
  });

  it('pages with a total', async () => {
    const first = await list('pageSize=2');
    const second = await list('pageSize=2&page=2');
    const third = await list('pageSize=2&page=3');
    expect([first.totaal, first.page, first.pageSize, first.resultaten.length]).toEqual([5, 1, 2, 2]);
    expect(third.resultaten).toHaveLength(1);
    const all = [...first.resultaten, ...second.resultaten, ...third.resultaten].map((r) => r.id);
    expect(new Set(all).size).toBe(5);
  });

  it('answers a wrong filter with a Dutch problem', async () => {
    for (const query of ['puntenMin=30&puntenMax=10', 'regio=Vlaanderen', 'vanaf=morgen', `vanaf=${dayFrom(10)}&tot=${dayFrom(5)}`, 'pageSize=500']) {
      const res = await get(`/api/v1/aanbod?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 400, code: 'validation_failed' });
    }
    expect((await get('/api/v1/aanbod?puntenMin=30&puntenMax=10')).json().invalidParams).toEqual([
      { name: 'puntenMax', reason: 'Het maximum aantal punten is niet lager dan het minimum.' },
    ]);
  });
});

describe('GET /api/v1/aanbod/{id}', () => {
  it('gives everything about an offering in the catalogue, with its upcoming runs', async () => {
    const res = await get(`/api/v1/aanbod/${ids.leadership}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['api-version']).toBeDefined();
    expect(res.json()).toMatchObject({
      titel: 'Leiderschap en verandering',
      soortActiviteit: 'opleiding',
      studiebelastingUren: 120,
      punten: 40,
      primairProces: true,
      master: false,
      contact: { naam: 'Carla Contact', email: 'cursus@aanbieder.nl' },
      website: 'https://aanbieder.example.nl',
      geldigVanaf: dayFrom(-60),
      uitvoeringen: [{ id: runs.leadershipOnline, online: true, plaats: null, provincie: null, capaciteit: 30 }],
      _links: { pagina: { href: `http://localhost:3000/aanbod/${ids.leadership}` } },
    });
  });

  it('does not know offerings outside the catalogue', async () => {
    for (const id of [ids.submitted, ids.expired, ids.notYet, crypto.randomUUID()]) {
      const res = await get(`/api/v1/aanbod/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await get('/api/v1/aanbod/geen-uuid')).statusCode).toBe(400);
    expect((await get(`/aanbod/${ids.expired}`)).statusCode).toBe(404);
  });
});

describe('the calendar file of a run', () => {
  it('is RFC 5545 text/calendar with the run in UTC', async () => {
    const res = await get(`/aanbod/${ids.reading}/uitvoeringen/${runs.readingUtrecht}.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="uitvoering-${dayFrom(10)}.ics"`);
    expect(res.body.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    const unfolded = res.body.replace(/\r\n /g, '');
    expect(unfolded).toContain(`UID:${runs.readingUtrecht}@localhost`);
    expect(unfolded).toMatch(/DTSTART:\d{8}T0[78]3000Z\r\n/);
    expect(unfolded).toContain('LOCATION:Jaarbeurs\\, Utrecht');
    expect(unfolded).toContain(`URL:http://localhost:3000/aanbod/${ids.reading}`);
    const online = (await get(`/aanbod/${ids.leadership}/uitvoeringen/${runs.leadershipOnline}.ics`)).body;
    expect(online).toContain('LOCATION:Online\r\n');
  });

  it('is not there for a cancelled run, or a run of another offering', async () => {
    expect((await get(`/aanbod/${ids.master}/uitvoeringen/${runs.cancelled}.ics`)).statusCode).toBe(404);
    expect((await get(`/aanbod/${ids.master}/uitvoeringen/${runs.readingUtrecht}.ics`)).statusCode).toBe(404);
  });
});

describe('POST /api/v1/aanbod/{id}/uitvoeringen/{uitvoeringId}/presentie', () => {
  it('records attendance with the provider’s token: 201, a result per number, the activity in the dossier', async () => {
    const nobody = registerNumberFor(8_765_432);
    const res = await attendance(ids.reading, runs.readingPast, {
      registernummers: [anna.registerNumber, '123', nobody, gone.registerNumber, anna.registerNumber],
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['api-version']).toBeDefined();
    expect(res.json()).toEqual({
      resultaten: [
        { registernummer: anna.registerNumber, resultaat: 'geregistreerd' },
        { registernummer: '123', resultaat: 'ongeldig' },
        { registernummer: nobody, resultaat: 'onbekend' },
        { registernummer: gone.registerNumber, resultaat: 'doorgehaald' },
        { registernummer: anna.registerNumber, resultaat: 'al-geregistreerd' },
      ],
      aantalGeregistreerd: 1,
      aantalNietGeregistreerd: 3,
    });
    const [activity] = await t.database.query<{ points: number; source: string; kind: string; themes: string[]; competencies: string[] }>(
      `SELECT a.points, a.source, a.kind, a.themes, a.competencies FROM activities a JOIN enrolments n ON n.id = a.enrolment_id WHERE n.register_number = $1`,
      [anna.registerNumber],
    );
    expect(activity).toEqual({ points: 8, source: 'aanbod', kind: 'cursus', themes: ['Omgaan met verschillen'], competencies: ['Werken aan kwaliteit'] });
    expect(await mailsTo(t.database, anna.email)).toHaveLength(1);
    const [audit] = await auditRows(t.database, 'attendance.recorded');
    expect(audit).toMatchObject({ subject_account_id: anna.accountId, actor_role: 'token:presentie', subject_organisation_id: provider });
    expect((await t.database.query<{ recorded_by_label: string; source: string }>('SELECT recorded_by_label, source FROM attendances'))[0]).toEqual({
      recorded_by_label: 'API-koppeling',
      source: 'api',
    });
  });

  it('may be sent again: nothing changes, 200', async () => {
    const res = await attendance(ids.reading, runs.readingPast, { registernummers: [anna.registerNumber] });
    expect(res.statusCode).toBe(200);
    expect(res.json().resultaten).toEqual([{ registernummer: anna.registerNumber, resultaat: 'al-geregistreerd' }]);
    expect(await t.database.query('SELECT 1 FROM activities')).toHaveLength(1);
    expect(await mailsTo(t.database, anna.email)).toHaveLength(1);
  });

  it('refuses a token without scope presentie (403) and a request without a token (401)', async () => {
    const wrongScope = await attendance(ids.reading, runs.readingPast, { registernummers: [ben.registerNumber] }, tokens.readOnly);
    expect(wrongScope.statusCode).toBe(403);
    expect(wrongScope.headers['content-type']).toMatch(/^application\/problem\+json/);
    const none = await attendance(ids.reading, runs.readingPast, { registernummers: [ben.registerNumber] }, '');
    expect(none.statusCode).toBe(401);
    expect(await t.database.query('SELECT 1 FROM attendances')).toHaveLength(1);
  });

  it("does not know another provider's offering: 404, and nothing recorded", async () => {
    const res = await attendance(ids.reading, runs.readingPast, { registernummers: [ben.registerNumber] }, tokens.otherProvider);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, detail: 'Dit aanbod bestaat niet of is niet van de organisatie van dit token.' });
    // and the other provider's token does work on its own offering
    expect((await attendance(ids.ofOther, runs.otherPast, { registernummers: [ben.registerNumber] }, tokens.otherProvider)).statusCode).toBe(201);
    // a run of another offering under this offering's address is not found either
    expect((await attendance(ids.reading, runs.otherPast, { registernummers: [ben.registerNumber] })).statusCode).toBe(404);
  });

  it('refuses a run that has not begun (409) and bad bodies with a Dutch problem (400)', async () => {
    const future = await attendance(ids.reading, runs.readingUtrecht, { registernummers: [ben.registerNumber] });
    expect(future.statusCode).toBe(409);
    expect(future.json().detail).toContain('nog niet begonnen');
    for (const body of [{}, { registernummers: [] }, { registernummers: 'een' }, { registernummers: [ben.registerNumber], extra: true }]) {
      const res = await attendance(ids.reading, runs.readingPast, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'validation_failed', title: 'De invoer is niet geldig' });
    }
    expect((await attendance(ids.reading, runs.readingPast, '{kapot', tokens.presence)).statusCode).toBe(400);
    expect((await attendance(ids.reading, runs.readingPast, '<registernummers/>', tokens.presence, 'application/xml')).statusCode).toBe(415);
  });
});

describe('the OpenAPI document', () => {
  it('describes the catalogue and attendance operations', async () => {
    const doc = (await get('/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/aanbod', '/aanbod/{id}', '/aanbod/{id}/uitvoeringen/{uitvoeringId}/presentie']));
    expect(doc.paths['/aanbod/{id}/uitvoeringen/{uitvoeringId}/presentie'].post.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/aanbod'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['zoek', 'thema', 'competentie', 'puntenMin', 'puntenMax', 'regio', 'vorm', 'vanaf', 'tot', 'page', 'pageSize']),
    );
  });
});
