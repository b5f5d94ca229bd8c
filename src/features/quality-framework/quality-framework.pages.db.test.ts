import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { seedDemoQualityFramework } from './index.ts';

let t: TestApp;
let staff: WebSession;
let professional: WebSession;
const office = { kind: 'register' as const, id: registerOfficeId };
const count = async () => (await t.database.query(`SELECT 1 FROM quality_framework_versions`)).length;

const v2 = {
  versie: '1',
  titel: 'Kwaliteitskader, testversie 2',
  waarborgen: 'Eerste waarborg\nEerste kenmerk\nTweede kenmerk\n\nTweede waarborg\nDerde kenmerk',
  toelichting: 'De tekst van de testversie.',
};

beforeAll(async () => {
  t = await createTestApp();
  staff = await sessionFor(
    t.app,
    t.database,
    (await createAccount(t.database, { email: 'kader@register.nl', displayName: 'Kees Kader', roles: [{ role: 'register-staff', organisation: office }] })).id,
  );
  professional = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'sanne@school.nl', displayName: 'Sanne' })).id);
});
afterAll(async () => t?.close());

describe('before any version', () => {
  it('the public page says there is none yet', async () => {
    const res = await new WebSession(t.app).get('/kwaliteitskader');
    expect(res.statusCode).toBe(200);
    expect(visibleText(res.body)).toContain('Er is nog geen versie van het kwaliteitskader vastgesteld.');
    expect((await new WebSession(t.app).get('/kwaliteitskader/versies/1')).statusCode).toBe(404);
  });

  it('register staff see an empty form based on version 0', async () => {
    const res = await staff.get('/beheer/kwaliteitskader');
    expect(res.statusCode).toBe(200);
    expect(visibleText(res.body)).toContain('Er is nog geen versie. Stel hieronder de eerste vast.');
    expect(res.body).toContain('name="versie" value="0"');
  });
});

describe('the demo version', () => {
  it('is titled as demo content, with neutral names only', async () => {
    expect(await seedDemoQualityFramework(t.database.db)).toBe(1);
    expect(await seedDemoQualityFramework(t.database.db)).toBe(0);
    const res = await new WebSession(t.app).get('/kwaliteitskader');
    const page = visibleText(res.body);
    expect(page).toContain('Dit is versie 1, vastgesteld op');
    expect(page).toContain('Demo-inhoud: niet de officiële tekst van het Kwaliteitskader');
    for (const w of ['W1. Waarborg 1', 'W5. Waarborg 5', 'W1.1 Kenmerk 1.1', 'W1.3 Kenmerk 1.3', 'W2.2 Kenmerk 2.2']) expect(page).toContain(w);
    expect(page).not.toContain('W2.3');
    expect(res.body).toContain('href="/kwaliteitskader/versies/1"');
    // linked from every page's footer
    expect((await new WebSession(t.app).get('/')).body).toContain('href="/kwaliteitskader"');
  });

  it('reads in English', async () => {
    const page = visibleText((await new WebSession(t.app).get('/kwaliteitskader?lang=en')).body);
    expect(page).toContain('This is version 1, set on');
    expect(page).toContain('Versions of the quality framework, newest first');
  });
});

describe('a new version', () => {
  it('is for register staff only', async () => {
    expect((await professional.get('/beheer/kwaliteitskader')).statusCode).toBe(403);
    expect((await professional.post('/beheer/kwaliteitskader', v2)).statusCode).toBe(403);
    const form = await staff.get('/beheer/kwaliteitskader');
    // the form starts from the current version, one block per waarborg
    expect(form.body).toContain('Waarborg 1\nKenmerk 1.1\nKenmerk 1.2\nKenmerk 1.3\n\nWaarborg 2\nKenmerk 2.1');
    expect(form.body).toContain('name="versie" value="1"');
    expect(visibleText((await staff.get('/beheer')).body)).toContain('Kwaliteitskader Samen Opleiden & Inductie');
  });

  it('is refused with every problem at its field, and nothing saved', async () => {
    await staff.get('/beheer/kwaliteitskader');
    const noKenmerken = await staff.post('/beheer/kwaliteitskader', {
      ...v2,
      titel: 'x',
      waarborgen: 'Eerste waarborg\nEen kenmerk\n\nZonder kenmerken',
      toelichting: '',
    });
    expect(noKenmerken.statusCode).toBe(400);
    for (const field of ['titel', 'waarborgen', 'toelichting']) expect(noKenmerken.body).toContain(`href="#${field}"`);
    const page = visibleText(noKenmerken.body);
    expect(page).toContain('Waarborg W2 ("Zonder kenmerken") heeft geen kenmerken');
    expect(page).toContain('Geef de versie een titel (ten minste 5 tekens).');
    expect(page).toContain('Schrijf waarom het kwaliteitskader verandert');
    // what was typed stays
    expect(noKenmerken.body).toContain('Eerste waarborg\nEen kenmerk\n\nZonder kenmerken');
    const empty = await staff.post('/beheer/kwaliteitskader', { ...v2, waarborgen: ' \n\n ' });
    expect(visibleText(empty.body)).toContain('Geef ten minste één waarborg');
    const duplicate = await staff.post('/beheer/kwaliteitskader', { ...v2, waarborgen: 'Een\nA\n\neen\nB' });
    expect(visibleText(duplicate.body)).toContain('Waarborg W2 ("een") heeft dezelfde naam als W1');
    const sameKenmerk = await staff.post('/beheer/kwaliteitskader', { ...v2, waarborgen: 'Een\nA\nA' });
    expect(visibleText(sameKenmerk.body)).toContain('Kenmerk W1.2 is hetzelfde als W1.1');
    const long = await staff.post('/beheer/kwaliteitskader', { ...v2, waarborgen: `Een\n${'x'.repeat(1001)}` });
    expect(visibleText(long.body)).toContain('Kenmerk W1.1: ten hoogste 1000 tekens.');
    expect(await count()).toBe(1);
  });

  it('is refused in English to a reader who chose English', async () => {
    await staff.get('/beheer/kwaliteitskader?lang=en');
    const res = await staff.post('/beheer/kwaliteitskader', { ...v2, waarborgen: 'Alone' });
    expect(res.statusCode).toBe(400);
    expect(visibleText(res.body)).toContain('Safeguard W1 ("Alone") has no characteristics');
    const stale = await staff.post('/beheer/kwaliteitskader', { ...v2, versie: '0' });
    expect(visibleText(stale.body)).toContain('Someone else has made a new version of the quality framework in the meantime.');
    await staff.get('/kwaliteitskader?lang=nl');
    expect(await count()).toBe(1);
  });

  it('is made by register staff from the current one, and shown to everyone with the earlier one', async () => {
    const res = await staff.post('/beheer/kwaliteitskader', v2);
    expect(res.statusCode).toBe(303);
    expect(visibleText((await staff.get(String(res.headers.location))).body)).toContain('Versie 2 van het kwaliteitskader is vastgesteld.');
    const page = visibleText((await new WebSession(t.app).get('/kwaliteitskader')).body);
    expect(page).toContain('Dit is versie 2, vastgesteld op');
    expect(page).toContain('Kwaliteitskader, testversie 2');
    for (const w of ['W1. Eerste waarborg', 'W1.2 Tweede kenmerk', 'W2. Tweede waarborg', 'W2.1 Derde kenmerk']) expect(page).toContain(w);
    expect(page).not.toContain('Waarborg 5');
    expect(page).toMatch(/Versie 2 .* De tekst van de testversie\. Versie 1 .* Demo-inhoud met neutrale namen/);
    const [audit] = await auditRows(t.database, 'quality-framework.version-added');
    expect(audit.after).toMatchObject({ version: 2, note: 'De tekst van de testversie.', guarantees: ['W1', 'W2'] });
  });

  it('never changes the old one', async () => {
    const page = visibleText((await new WebSession(t.app).get('/kwaliteitskader/versies/1')).body);
    expect(page).toContain('Dit is een eerdere versie; de huidige is versie 2.');
    expect(page).toContain('W5. Waarborg 5');
    expect(page).not.toContain('Eerste waarborg');
    for (const v of ['99', 'een', '1.5', '-1']) expect((await new WebSession(t.app).get(`/kwaliteitskader/versies/${v}`)).statusCode, v).toBe(404);
  });

  it('is refused when made on a version that is no longer the current one, or changes nothing', async () => {
    await staff.get('/beheer/kwaliteitskader');
    const stale = await staff.post('/beheer/kwaliteitskader', { ...v2, versie: '1', toelichting: 'Tegelijk met een collega.' });
    expect(stale.statusCode).toBe(400);
    expect(visibleText(stale.body)).toContain('Iemand anders heeft intussen een nieuwe versie van het kwaliteitskader gemaakt');
    const same = await staff.post('/beheer/kwaliteitskader', { ...v2, versie: '2', toelichting: 'Niets nieuws.' });
    expect(same.statusCode).toBe(400);
    expect(visibleText(same.body)).toContain('Deze versie is gelijk aan de huidige');
    expect(await count()).toBe(2);
  });
});
