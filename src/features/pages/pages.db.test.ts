import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeHtml } from '@kitajs/html';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { translator } from '../../../tests/support/texts.ts';
import { visibleText, WebSession } from '../../../tests/support/web-session.ts';
import { createTestDatabase, testDatabaseKind } from '../../../tests/support/test-database.ts';
import { readRealLocations } from '../../../tests/support/duo-csv.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { searchOrganisations } from '../organisations/index.ts';

const csv = readRealLocations();

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
});
afterAll(async () => t?.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

async function idOf(zoek: string, soort: 'bestuur' | 'school' | 'vestiging'): Promise<string> {
  const { entries } = await searchOrganisations(t.database.db, { zoek, soort, page: 1, pageSize: 1 });
  if (!entries[0]) throw new Error(`nothing found for ${zoek}`);
  return entries[0].id;
}

function expectHtml(res: Awaited<ReturnType<typeof get>>, status: number, lang: 'nl' | 'en' = 'nl') {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.body).toMatch(/^<!doctype html>/);
  expect(res.body).toContain(`<html lang="${lang}"`);
  return res.body;
}

const linkTo = (id: string, text: string) =>
  new RegExp(`<a [^>]*href="/organisaties/${id}"[^>]*>${escapeHtml(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</a>`);

describe('home page', () => {
  it('shows the size of the directory, with Dutch number formatting', async () => {
    const body = expectHtml(await get('/'), 200);
    expect(body).toContain('Welkom bij het Beroepsregister Onderwijs');
    expect(body).toContain('751 besturen, 5.996 scholen en 6.107 vestigingen in de organisatiegids.');
    expect(body).toContain('href="/organisaties"');
  });

  it('switches to English with ?lang=en and remembers that in a cookie', async () => {
    const res = await get('/?lang=en');
    const body = expectHtml(res, 200, 'en');
    expect(body).toContain('Welcome to the Beroepsregister Onderwijs');
    expect(body).toContain('751 boards, 5,996 schools and 6,107 locations in the directory.');
    expect(body).toContain('href="/?lang=nl"');
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const cookie = cookies.find((c) => c.startsWith('lang='));
    expect(cookie).toMatch(/^lang=en;/);
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');

    const next = expectHtml(await get('/organisaties', { cookie: 'lang=en' }), 200, 'en');
    expect(next).toContain('Schools and boards');
  });

  it('follows the browser language when there is no choice yet, Dutch otherwise', async () => {
    expect(expectHtml(await get('/', { 'accept-language': 'en-US,en;q=0.9,nl;q=0.8' }), 200, 'en')).toContain('Welcome');
    expect(expectHtml(await get('/', { 'accept-language': 'de-DE,de;q=0.9' }), 200, 'nl')).toContain('Welkom');
    expect(expectHtml(await get('/', { 'accept-language': 'en', cookie: 'lang=nl' }), 200, 'nl')).toContain('Welkom');
    expect(expectHtml(await get('/?lang=fr'), 200, 'nl')).toContain('Welkom');
  });
});

describe('the home page leads on', () => {
  const nl = translator('nl');
  /** The href of the link (or button link) with this text on a page. */
  const hrefOf = (body: string, text: string) => {
    const match = new RegExp(`<a [^>]*href="([^"]+)"[^>]*>${escapeHtml(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</a>`).exec(body);
    if (!match) throw new Error(`no link "${text}"`);
    return match[1].replace(/&amp;/g, '&');
  };

  it('says what the register is, for whom, and what of it is public; in English too', async () => {
    const text = visibleText(expectHtml(await get('/'), 200));
    expect(text).toContain('register van leraren en schoolleiders in het primair onderwijs');
    expect(text).toContain('Geboortedatum, e-mailadres en BSN zijn nooit openbaar.');
    const english = visibleText(expectHtml(await get('/?lang=en'), 200, 'en'));
    expect(english).toContain('Date of birth, e-mail address and BSN are never public.');
  });

  it('leads a visitor who is not signed in to the enrolment through signing in, or through creating an account', async () => {
    const web = new WebSession(t.app);
    const home = (await web.get('/')).body;
    const enrolPath = '/mijn-register/inschrijving/gegevens';
    const signIn = hrefOf(home, nl('home.enrol.signIn'));
    expect(signIn).toBe(`/inloggen?terug=${encodeURIComponent(enrolPath)}`);
    // creating an account keeps the way back to the enrolment
    const create = await web.get(hrefOf(home, nl('home.enrol.createAccount')));
    expect(create.statusCode).toBe(200);
    expect(create.body).toContain(`name="terug" value="${enrolPath}"`);

    await createAccount(t.database, { email: 'inschrijver@thuis.nl' });
    expect((await web.get(signIn)).statusCode).toBe(200);
    const signedIn = await web.post('/inloggen', { email: 'inschrijver@thuis.nl', wachtwoord: 'een lang genoeg wachtwoord', terug: enrolPath });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe(enrolPath);
    const enrolment = await web.get(enrolPath);
    expect(enrolment.statusCode).toBe(200);
    expect(enrolment.body).toContain(`<h1 class="utrecht-heading-1">${escapeHtml(nl('ownEnrolment.title'))}</h1>`);
  });

  it('leads a signed-in visitor straight to the enrolment', async () => {
    const account = await createAccount(t.database, { email: 'al-ingelogd@thuis.nl' });
    const web = await sessionFor(t.app, t.database, account.id);
    const home = (await web.get('/')).body;
    expect(hrefOf(home, nl('home.enrol.button'))).toBe('/mijn-register/inschrijving/gegevens');
    expect(home).not.toContain(nl('home.enrol.signIn'));
  });
});

describe('searching schools and boards', () => {
  const wegwijzer = 'Kindcentrum De Wegwijzer';

  it('answers a search as a complete page with a link to each result', async () => {
    const id = await idOf('03WU', 'school');
    const body = expectHtml(await get(`/organisaties?zoek=${encodeURIComponent(wegwijzer)}`), 200);
    expect(body).toMatch(linkTo(id, wegwijzer));
    expect(body).toContain('<form class="br-search" method="get" action="/organisaties"');
    expect(body).toMatch(/<input[^>]*name="zoek"[^>]*value="Kindcentrum De Wegwijzer"/);
    expect(body).toMatch(/role="status" id="resultaten-aantal">\d+ resultaten</);
    // name and place together narrow it down to the one school
    const one = expectHtml(await get('/organisaties?zoek=wegwijzer+exloermond'), 200);
    expect(one).toContain('role="status" id="resultaten-aantal">1 resultaat<');
    expect(one).toMatch(linkTo(id, wegwijzer));
  });

  it('answers htmx with only the results region', async () => {
    const id = await idOf('03WU', 'school');
    const res = await get(`/organisaties?zoek=${encodeURIComponent(wegwijzer)}`, { 'hx-request': 'true' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers.vary).toContain('HX-Request');
    expect(res.body).toMatch(/^<section id="resultaten"/);
    expect(res.body).not.toContain('<html');
    expect(res.body).not.toContain('<form');
    expect(res.body).toMatch(linkTo(id, wegwijzer));
    // the count is a live region outside the swapped region: only its text is replaced, so it is announced
    expect(res.body).toMatch(/<p [^>]*id="resultaten-aantal" hx-swap-oob="innerHTML">\d+ resultaten<\/p>/);
    // restoring history needs the whole page
    const restore = await get(`/organisaties?zoek=${encodeURIComponent(wegwijzer)}`, { 'hx-request': 'true', 'hx-history-restore-request': 'true' });
    expectHtml(restore, 200);
  });

  it('pages through many results with links that keep the search', async () => {
    const body = expectHtml(await get('/organisaties?zoek=Emmen&soort=school&page=2'), 200);
    expect(body).toMatch(/href="\/organisaties\?zoek=Emmen&(amp;)?soort=school&(amp;)?page=1" rel="prev"/);
    expect(body).toContain('aria-current="page" aria-label="Pagina 2 van');
  });

  it('says so when nothing is found', async () => {
    const body = expectHtml(await get('/organisaties?zoek=Xyzzyschool'), 200);
    expect(body).toContain('Geen scholen of besturen gevonden.');
  });

  it('shows what was typed as text, never as HTML', async () => {
    const body = expectHtml(await get(`/organisaties?zoek=${encodeURIComponent('"><script>alert(1)</script>')}`), 200);
    expect(body).not.toContain('"><script>');
    expect(body).toMatch(/<input[^>]*name="zoek"[^>]*value="(&#34;|&quot;)>/);
  });

  it('reads a page number that does not fit as the first page instead of failing', async () => {
    const body = expectHtml(await get('/organisaties?zoek=Emmen&page=abc&soort=onzin'), 200);
    expect(body).toContain('resultaten');
  });
});

describe('organisation pages', () => {
  it('a board lists its schools, each linked', async () => {
    const body = expectHtml(await get(`/organisaties/${await idOf('32073', 'bestuur')}`), 200);
    const lines = csv.lines.filter((l) => csv.get(l, 'board') === '32073');
    const schoolNames = new Map<string, { code: string; name: string }>();
    for (const l of lines) {
      const brin = csv.get(l, 'brin');
      const current = schoolNames.get(brin);
      if (!current || csv.get(l, 'code') < current.code) schoolNames.set(brin, { code: csv.get(l, 'code'), name: csv.get(l, 'name') });
    }
    expect(schoolNames.size).toBeGreaterThan(10);
    for (const [brin, { name }] of schoolNames) {
      expect(body).toContain(`<span>${brin}</span>`);
      expect(body).toMatch(new RegExp(`href="/organisaties/[0-9a-f-]{36}"[^>]*>${escapeHtml(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</a>`));
    }
    expect(body).toMatch(linkTo(await idOf('03WU', 'school'), 'Kindcentrum De Wegwijzer'));
  });

  it('a school shows its board and locations', async () => {
    const body = expectHtml(await get(`/organisaties/${await idOf('03WU', 'school')}`), 200);
    expect(body).toMatch(/<h1[^>]*>\s*Kindcentrum De Wegwijzer\s*<\/h1>/);
    expect(body).toMatch(linkTo(await idOf('03WU00', 'vestiging'), 'Kindcentrum De Wegwijzer'));
    expect(body).toContain('Harm Tiesingstraat 74, 9571 AZ 2E EXLOERMOND');
    expect(body).toMatch(/<a [^>]*href="\/organisaties\/[0-9a-f-]{36}"[^>]*>[^<]*\(32073\)<\/a>/);
  });

  it('a location shows its address and details', async () => {
    const body = expectHtml(await get(`/organisaties/${await idOf('03WU00', 'vestiging')}`), 200);
    expect(body).toContain('03WU00');
    expect(body).toContain('Harm Tiesingstraat 74, 9571 AZ 2E EXLOERMOND');
    expect(body).toContain('BORGER-ODOORN');
    expect(body).toContain('href="https://www.ckcdewegwijzer.nl"');
  });

  it('a closed location says since when, in the one date style', async () => {
    const id = await idOf('03WU00', 'vestiging');
    await t.database.query(`UPDATE locations SET closed_at = '2025-03-04T10:00:00Z' WHERE id = $1`, [id]);
    try {
      expect(expectHtml(await get(`/organisaties/${id}`), 200)).toContain('gesloten sinds 4 maart 2025');
      expect(expectHtml(await get(`/organisaties/${id}?lang=en`), 200, 'en')).toContain('closed since 4 March 2025');
    } finally {
      await t.database.query(`UPDATE locations SET closed_at = NULL WHERE id = $1`, [id]);
    }
  });

  it('an unknown organisation is a Dutch 404 page', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'onbekend']) {
      const body = expectHtml(await get(`/organisaties/${id}`), 404);
      expect(body).toContain('Pagina niet gevonden');
    }
  });
});

describe('other pages and errors', () => {
  it('the accessibility statement', async () => {
    const body = expectHtml(await get('/toegankelijkheid'), 200);
    expect(body).toContain('Toegankelijkheidsverklaring');
    expect(body).toContain('WCAG');
  });

  it('an unknown page is a 404 error page in Dutch, or in English when asked', async () => {
    const body = expectHtml(await get('/bestaat-niet'), 404);
    expect(body).toContain('Pagina niet gevonden');
    expect(body).toContain('Deze pagina bestaat niet (meer).');
    expect(body).toContain('href="/"');
    expect(expectHtml(await get('/bestaat-niet?lang=en'), 404, 'en')).toContain('Page not found');
  });

  it('/favicon.ico, which browsers ask for by themselves, leads to the icon every page names', async () => {
    const ico = await get('/favicon.ico');
    expect(ico.statusCode).toBe(301);
    const icon = (await get('/')).body.match(/<link rel="icon" href="([^"]+)"/)?.[1];
    expect(ico.headers.location).toBe(icon);
    const svg = await get(String(ico.headers.location));
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it('/health answers JSON with the database reachable', async () => {
    const res = await get('/health');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toMatchObject({ status: 'ok', database: testDatabaseKind() });
  });

  it('/metrics is off without METRICS_TOKEN', async () => {
    expect((await get('/metrics')).statusCode).toBe(404);
  });

  it("/metrics answers Prometheus text to the scraper's token only, with requests counted per route pattern", async () => {
    const token = 'een-lang-genoeg-token-voor-prometheus-0123456789';
    const withToken = await createTestApp({ env: { METRICS_TOKEN: token } });
    const get = (url: string, headers: Record<string, string> = {}) => withToken.app.inject({ method: 'GET', url, headers });
    await get('/');
    await get(`/organisaties/${await idOf('03WU', 'school')}`);
    expect((await get('/metrics')).statusCode).toBe(401);
    expect((await get('/metrics', { authorization: 'Bearer een-ander-token' })).statusCode).toBe(401);
    const res = await get('/metrics', { authorization: `Bearer ${token}` });
    await withToken.close();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.body).toContain('# TYPE http_requests_total counter');
    expect(res.body).toContain('# TYPE http_request_duration_seconds histogram');
    expect(res.body).toMatch(/^http_requests_total\{method="GET",route="\/",status="200"\} [1-9]/m);
    expect(res.body).toMatch(/^http_requests_total\{method="GET",route="\/organisaties\/:id",status="\d{3}"\} [1-9]/m);
    expect(res.body).not.toMatch(/route="\/organisaties\/[0-9a-f]{8}-/);
    expect(res.body).toContain('process_cpu_seconds_total');
  });

  it('every response carries the security headers', async () => {
    for (const url of ['/', '/organisaties?zoek=Emmen', '/bestaat-niet', '/api/v1/organisaties', '/health']) {
      const res = await get(url);
      const csp = String(res.headers['content-security-policy']);
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      );
      expect(directives.get('script-src'), url).toEqual(["'self'"]);
      expect(directives.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(directives.get('object-src'), url).toEqual(["'none'"]);
      expect(csp, url).not.toContain('unsafe-inline');
      expect(csp, url).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      // plain http: no HSTS
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('pages contain no inline script, so the CSP does not break them', async () => {
    for (const url of ['/', '/organisaties?zoek=Emmen', '/toegankelijkheid', '/bestaat-niet']) {
      const scripts = (await get(url)).body.match(/<script\b[^>]*>/g) ?? [];
      for (const tag of scripts) expect(tag, url).toMatch(/ src="\/static\//);
    }
  });

  it('echoes a usable X-Request-Id and replaces an odd one', async () => {
    expect((await get('/', { 'x-request-id': 'trace-abc-12345' })).headers['x-request-id']).toBe('trace-abc-12345');
    const odd = (await get('/', { 'x-request-id': '<bad id>' })).headers['x-request-id'];
    expect(odd).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe.each(['development', 'production'] as const)('a request that fails inside (%s)', (env) => {
  let app: FastifyInstance;
  const secret = 'geheime-interne-details-42';

  beforeAll(async () => {
    const database = await createTestDatabase();
    const config = loadConfig(
      { NODE_ENV: env, DATA_DIR: mkdtempSync(join(tmpdir(), 'br-test-')), LOG_LEVEL: 'silent', BASE_URL: 'https://beroepsregister.example' },
      {},
    );
    app = await buildApp({ config, database, logger: false });
    const fail = async () => {
      throw new Error(`database password ${secret}`);
    };
    app.get('/test/kapot', { config: { access: 'public' }, schema: { hide: true } }, fail);
    app.get('/api/v1/test/kapot', { config: { access: 'public' }, schema: { hide: true } }, fail);
    await app.ready();
  });
  afterAll(async () => app?.close());

  it('shows a Dutch error page with the request id, never the error or its stack', async () => {
    const res = await app.inject({ url: '/test/kapot', headers: { 'x-request-id': 'verzoek-1234567890' } });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['x-request-id']).toBe('verzoek-1234567890');
    expect(res.body).toContain('<html lang="nl"');
    expect(res.body).toContain('Er ging iets mis');
    expect(res.body).toContain('Noem bij vragen deze code: verzoek-1234567890.');
    expect(res.body).not.toContain(secret);
    expect(res.body).not.toContain('Error');
    expect(res.body).not.toMatch(/\bat .*\(.*:\d+:\d+\)|\.tsx?:\d+/);
  });

  it(`has the component gallery ${env === 'production' ? 'not at all' : 'for register staff only'}`, async () => {
    const res = await app.inject({ url: '/ontwikkeling/componenten' });
    if (env === 'production') expect(res.statusCode).toBe(404);
    else expect(res.headers.location).toMatch(/^\/inloggen\?/);
  });

  it('answers an API client with a problem that hides the internal detail', async () => {
    const res = await app.inject({ url: '/api/v1/test/kapot' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.headers['api-version']).toBe('1.3.0');
    const body = res.json();
    expect(body).toEqual({
      type: 'https://beroepsregister.nl/problemen/internal',
      title: 'Er ging iets mis aan onze kant',
      status: 500,
      instance: '/api/v1/test/kapot',
      code: 'internal',
    });
    expect(res.body).not.toContain(secret);
  });

  it('sends HSTS when the site is served over https', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
