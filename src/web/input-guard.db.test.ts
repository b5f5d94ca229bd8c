import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app.ts';
import { visibleText, WebSession } from '../../tests/support/web-session.ts';

/** A NUL (%00) anywhere a client can put one is a 400 that says so, never a 500 from the database. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const pages = [
  '/organisaties?zoek=a%00b',
  '/organisaties?provincie=%00',
  '/organisaties?denominatie=x%00',
  '/aanbod?zoek=%00',
  '/register?naam=de%00Vries',
  '/register?school=%00',
  '/organisaties/%00',
];
const api = ['/api/v1/organisaties?zoek=%00', '/api/v1/organisaties?provincie=a%00', '/api/v1/registraties?naam=ja%00nsen', '/api/v1/registraties/%00'];

describe('a NUL character', () => {
  it.each(pages)('in %s gets an error page that says what is wrong', async (url) => {
    const response = await t.app.inject({ url });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('text/html');
    expect(visibleText(response.body)).toContain('Het verzoek bevat een ongeldig teken (NUL, %00)');
  });

  it.each(api)('in %s gets 400 problem+json', async (url) => {
    const response = await t.app.inject({ url });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('in a field of a posted form gets a 400, before anything is looked up', async () => {
    const web = new WebSession(t.app);
    await web.get('/inloggen');
    const response = await web.post('/inloggen', { email: 'a\u0000@school.nl', wachtwoord: 'iets langs genoeg' });
    expect(response.statusCode).toBe(400);
    expect(visibleText(response.body)).toContain('ongeldig teken');
  });
});

describe('API answers', () => {
  it('are never kept by a cache', async () => {
    for (const url of ['/api/v1/organisaties?zoek=drenthe', '/api/v1/registraties?naam=jansen', '/api/v1/organisaties/bestaat-niet']) {
      expect((await t.app.inject({ url })).headers['cache-control'], url).toBe('no-store');
    }
  });
});

describe('an address Fastify refuses before any route', () => {
  it('a path segment over 100 characters gets 400 problem+json on the API', async () => {
    const response = await t.app.inject({ url: `/api/v1/registraties/${'9'.repeat(500)}` });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400, code: 'bad_request', detail: 'Een deel van het adres (URL) is te lang.' });
  });

  it('and a page in Dutch and English for a person', async () => {
    const response = await t.app.inject({ url: `/organisaties/${'a'.repeat(500)}` });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('text/html');
    expect(visibleText(response.body)).toContain('Een deel van het adres (URL) is te lang.');
    expect(visibleText(response.body)).toContain('The address (URL) is invalid or too long.');
  });
});
