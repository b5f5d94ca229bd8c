import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, testPassword } from '../../../tests/support/accounts.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { WebSession } from '../../../tests/support/web-session.ts';

/**
 * The ways back a sign-in takes (`terug`), as an attacker would send them: raw, in the query string.
 * (A NUL is refused before any route: input-guard.db.test.ts.)
 */
let t: TestApp;
let signedIn: WebSession;
beforeAll(async () => {
  t = await createTestApp();
  await createAccount(t.database, { email: 'terug@school.nl' });
  signedIn = new WebSession(t.app);
  await signedIn.get('/inloggen');
  const signIn = await signedIn.post('/inloggen', { email: 'terug@school.nl', wachtwoord: testPassword, terug: '/account' });
  expect(signIn.statusCode).toBe(303);
});
afterAll(async () => {
  await t?.close();
});

const site = 'https://beroepsregister.example.nl';
const hostOf = (location: string) => new URL(location, site).host;

const attempts = [
  '/%09/evil.example',
  '/%0a/evil.example',
  '/%0d/evil.example',
  '/%5cevil.example',
  '%2f%2fevil.example',
  '//evil.example',
  'https://evil.example',
  '/.//evil.example',
  '/%0d%0aSet-Cookie:%20x=1',
  '/%0B/evil.example',
  '/%E3%80%80/evil.example',
  '/%E2%80%A8/evil.example',
  '/%ff%fe',
];

describe('a way back after signing in stays on this site', () => {
  it('a signed-in visit to /inloggen goes back to a path here for every shape, never a 500', async () => {
    for (const attempt of attempts) {
      const response = await signedIn.get(`/inloggen?terug=${attempt}`);
      expect(response.statusCode, attempt).toBe(303);
      const location = String(response.headers.location);
      expect(location, attempt).toMatch(/^\/[\x21-\x7e]*$/);
      expect(hostOf(location), attempt).toBe('beroepsregister.example.nl');
    }
  });

  it('the sign-in form carries only a safe way back, and posting an unsafe one lands on the start page', async () => {
    for (const attempt of attempts) {
      const web = new WebSession(t.app);
      const form = await web.get(`/inloggen?terug=${attempt}`);
      expect(form.statusCode, attempt).toBe(200);
      const back = /name="terug" value="([^"]*)"/.exec(form.body)?.[1];
      expect(back, attempt).toMatch(/^\/[\x21-\x7e]*$/);
      expect(hostOf(back!), attempt).toBe('beroepsregister.example.nl');
    }
    const web = new WebSession(t.app);
    await web.get('/inloggen');
    const response = await web.post('/inloggen', { email: 'terug@school.nl', wachtwoord: testPassword, terug: '/\t/evil.example' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/start');
  });
});
