import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';

/** The koploper programme in the AVG download: the contact person by their address, the staff member by what they did. */
let t: TestApp;
let school: { id: string; brin: string; name: string };

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  [school] = await t.database.query<{ id: string; brin: string; name: string }>(
    `SELECT id, brin, name FROM schools WHERE closed_at IS NULL AND location_count > 0 ORDER BY brin LIMIT 1`,
  );
});
afterAll(async () => t?.close());

async function applyAs(email: string) {
  const answers = {
    school: school.id,
    zoekSchool: school.brin,
    naam: 'Anna de Wit',
    email,
    telefoon: '06 12345678',
    leraren: '23',
    aanlevering: 'bestand',
    leverancier: '',
    grondslagen: 'ja',
    activiteiten: [],
  };
  const web = new WebSession(t.app);
  await web.get('/koplopers/aanmelden');
  const check = await web.post('/koplopers/aanmelden', { ...answers, actie: 'controleren' });
  const reference = /name="referentie" value="([^"]+)"/.exec(check.body)![1];
  expect((await web.post('/koplopers/aanmelden/versturen', { ...answers, referentie: reference })).statusCode).toBe(303);
}

describe('the koploper programme in the AVG download', () => {
  it('gives the contact person the application that names them, and the staff member what they did and own', async () => {
    await applyAs('Anna.de.Wit@school.example.nl');
    const anna = await createAccount(t.database, { email: 'anna.de.wit@school.example.nl', displayName: 'Anna de Wit' });
    const karin = await createAccount(t.database, {
      email: 'karin@register.nl',
      displayName: 'Karin Koploper',
      roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
    });
    const staff = await sessionFor(t.app, t.database, karin.id);
    const [k] = await t.database.query<{ id: string }>(`SELECT id FROM koplopers WHERE school_id = $1`, [school.id]);
    await staff.get(`/beheer/koplopers/${k.id}`);
    expect((await staff.post(`/beheer/koplopers/${k.id}/stap`, { stap: '2', toelichting: 'Intake gepland.' })).statusCode).toBe(303);
    expect((await staff.post(`/beheer/koplopers/${k.id}/gegevens`, { eigenaar: karin.id, volgendeDatum: '2027-02-03', notities: '' })).statusCode).toBe(303);

    const annaWeb = await sessionFor(t.app, t.database, anna.id);
    const annaData = JSON.parse((await annaWeb.get('/mijn-gegevens/download')).body);
    expect(annaData.koplopers).toMatchObject([{ naam: 'Anna de Wit', telefoon: '06 12345678', leraren: 23, aanlevering: 'bestand', stap: 2 }]);
    expect(annaData.koplopers[0].school).toBeTruthy();
    expect(annaData.werkzaamheden.koploperHandelingen).toEqual([]);

    const karinData = JSON.parse((await staff.get('/mijn-gegevens/download')).body);
    expect(karinData.koplopers).toEqual([]);
    expect(karinData.werkzaamheden.koplopersAlsEigenaar).toMatchObject([{ stap: 2, volgendeDatum: '2027-02-03' }]);
    expect(karinData.werkzaamheden.koploperHandelingen.map((a: { soort: string }) => a.soort)).toEqual(['stap', 'gegevens']);

    // the readable overview names the fields in the reader's language, never by the download's keys
    const english = visibleText((await annaWeb.get('/mijn-gegevens/overzicht?lang=en')).body);
    expect(english).toContain('Pioneer school applications');
    expect(english).toContain('Phone');
    expect(english).not.toMatch(/\b(telefoon|leraren|aangemeldOp)\b/);
    const staffEnglish = visibleText((await staff.get('/mijn-gegevens/overzicht?lang=en')).body);
    expect(staffEnglish).toContain('Pioneer schools you own');
    expect(staffEnglish).not.toMatch(/\b(koploperHandelingen|vanStap|naarStap|volgendeDatum)\b/);
  });
});
