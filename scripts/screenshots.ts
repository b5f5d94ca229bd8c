/**
 * Screenshots of the main pages for docs/screenshots/: the app with the demo data on a fresh PGlite
 * database (in memory, its data folder in a temporary directory), each page as the demo account it is
 * for, full page at 1280 and at 390 px wide, and docs/screenshots/README.md listing them.
 *
 *   npm run screenshots [-- --out <folder>]
 *   node_modules/node/bin/node --import tsx scripts/screenshots.ts [--out <folder>]
 *
 * Chromium: CHROMIUM_PATH, else /usr/bin/chromium.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { demoBoardNumber, seedDemo } from '../src/demo/demo.service.ts';
import { demoPassword } from '../src/features/identity/index.ts';
import { currentTotp } from '../src/platform/auth/totp.ts';
import { createTestApp } from '../tests/support/test-app.ts';
import { translator } from '../tests/support/texts.ts';
import { ensureChromium } from './chromium.mjs';

type Ids = { board: string; provider: string };
/** A page to photograph: a path, or a way to find it (from the ids, or on the page the account lands on). */
type Shot = { name: string; title: string; account?: string; path: string | ((ids: Ids, page: Page) => Promise<string | undefined>) };

const demo = (name: string) => `${name}@demo.beroepsregister.nl`;
const widths = [1280, 390];

const shots: Shot[] = [
  { name: 'home', title: 'Home', path: '/' },
  { name: 'register-search', title: 'Openbaar register, zoeken', path: '/register?naam=de+Vries' },
  { name: 'register-detail', title: 'Openbaar register, een registratie', path: (_, page) => firstResult(page, '/register?naam=de+Vries', '/register/') },
  { name: 'organisations-search', title: 'Scholen en besturen, zoeken', path: '/organisaties?zoek=Assen' },
  { name: 'catalogue', title: 'Nascholingsaanbod', path: '/aanbod' },
  { name: 'events', title: 'Bijeenkomsten', path: '/bijeenkomsten' },
  { name: 'event', title: 'Een bijeenkomst, met het aanmeldformulier', path: (_, page) => firstResult(page, '/bijeenkomsten', '/bijeenkomsten/') },
  { name: 'sign-in', title: 'Inloggen', path: '/inloggen' },
  { name: 'start', title: 'Na het inloggen', account: demo('leraar'), path: async (_, page) => page.url() },
  { name: 'my-register', title: 'Mijn register', account: demo('leraar'), path: '/mijn-register' },
  { name: 'board-staff', title: 'Personeel van een bestuur', account: demo('hr'), path: async (ids) => `/beheer/bestuur/${ids.board}/personeel` },
  { name: 'board-deliveries', title: 'Aanleveringen van een bestuur', account: demo('hr'), path: async (ids) => `/beheer/bestuur/${ids.board}/aanleveringen` },
  { name: 'committee-queue', title: 'Aanvragen voor de Commissie Registratie', account: demo('commissie'), path: '/beheer/aanvragen' },
  { name: 'register-admin', title: 'Registerbeheer', account: demo('registerbeheer'), path: '/beheer' },
  { name: 'koploper-application', title: 'Aanmelden als koploperschool', path: '/koplopers/aanmelden' },
  { name: 'koploper-pipeline', title: 'Koplopers: de zes stappen', account: demo('registerbeheer'), path: '/beheer/koplopers' },
  {
    name: 'koploper-detail',
    title: 'Een koploper: kaart, tijdlijn en verplaatsen',
    account: demo('registerbeheer'),
    path: async (_, page) => {
      await page.goto('/beheer/koplopers?stap=5');
      const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
      return hrefs.find((href) => /^\/beheer\/koplopers\/[0-9a-f-]{36}$/.test(href));
    },
  },
  { name: 'events-admin', title: 'Bijeenkomsten beheren', account: demo('registerbeheer'), path: '/beheer/bijeenkomsten' },
  { name: 'quality-framework', title: 'Kwaliteitskader Samen Opleiden & Inductie', path: '/kwaliteitskader' },
  { name: 'quality-framework-admin', title: 'Kwaliteitskader beheren', account: demo('registerbeheer'), path: '/beheer/kwaliteitskader' },
  { name: 'feedback-backlog', title: 'Feedback na bijeenkomsten: de backlog', account: demo('registerbeheer'), path: '/beheer/feedback' },
  {
    name: 'event-groups',
    title: 'Groepen van een verkennend gesprek',
    account: demo('registerbeheer'),
    path: async (_, page) => {
      await page.goto('/beheer/bijeenkomsten');
      const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
      return hrefs.find((href) => href.endsWith('/groepen'));
    },
  },
  {
    name: 'event-groups-mail',
    title: 'Groepen mailen: eerst controleren',
    account: demo('registerbeheer'),
    path: async (_, page) => {
      await page.goto('/beheer/bijeenkomsten');
      const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
      const groups = hrefs.find((href) => href.endsWith('/groepen'));
      return groups && `${groups}/mailen`;
    },
  },
  {
    name: 'provider-offerings',
    title: 'Aanbod van een aanbieder',
    account: demo('aanbieder'),
    path: async (ids) => `/beheer/aanbieder/${ids.provider}/aanbod`,
  },
];

const nl = translator('nl');

/** The first link in the page's main content to a path under `prefix`, if it shows one. */
async function firstResult(page: Page, path: string, prefix: string): Promise<string | undefined> {
  await page.goto(path);
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  return hrefs.find((href) => href.startsWith(prefix));
}

/** Signs in with the form as a person does; a role that asks for a second factor links an authenticator app first. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel(nl('signIn.email')).fill(email);
  await page.getByLabel(nl('signIn.password')).fill(demoPassword);
  await page.getByRole('button', { name: nl('signIn.button') }).click();
  await page.waitForURL((url) => url.pathname !== '/inloggen');
  if (new URL(page.url()).pathname === '/account/tweestapsverificatie') {
    const secret = (await page.locator('.br-secret').textContent())!.replace(/\s/g, '');
    await page.getByLabel(nl('secondFactor.code'), { exact: true }).fill(currentTotp(secret));
    await page.getByRole('button', { name: nl('totp.button') }).click();
    await page.waitForURL((url) => url.pathname !== '/account/tweestapsverificatie');
  }
}

async function photograph(page: Page, path: string, out: string, name: string): Promise<string[]> {
  const files: string[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    const response = await page.goto(path, { waitUntil: 'networkidle' });
    if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
    await page.evaluate(() => document.fonts.ready);
    const file = join(out, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  return files;
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/screenshots' }, only: { type: 'string' } } });
  const out = resolve(values.out!);
  mkdirSync(out, { recursive: true });
  process.env.TEST_DB = 'pglite';

  console.log('demodata laden / loading the demo data …');
  const [app, browser] = await Promise.all([
    createTestApp({ prepare: (database) => seedDemo(database, () => {}) }),
    chromium.launch({
      executablePath: ensureChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }),
  ]);
  const rows: string[] = [];
  try {
    const baseURL = await app.app.listen({ port: 0, host: '127.0.0.1' });
    const [board] = await app.database.query<{ id: string }>('SELECT id FROM boards WHERE number = $1', [demoBoardNumber]);
    const [provider] = await app.database.query<{ id: string }>(
      'SELECT m.organisation_id AS id FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.email = $1',
      [demo('aanbieder')],
    );
    const ids: Ids = { board: board.id, provider: provider.id };

    // --only name,name: just those pages (to look at one page while working on it)
    const only = values.only?.split(',');
    const chosen = only ? shots.filter((s) => only.includes(s.name)) : shots;
    const accounts = [...new Set(chosen.map((s) => s.account))];
    for (const account of accounts) {
      const context: BrowserContext = await browser.newContext({ baseURL, locale: 'nl-NL', deviceScaleFactor: 1 });
      try {
        const page = await context.newPage();
        if (account) await signIn(page, account);
        for (const shot of chosen.filter((s) => s.account === account)) {
          const path = typeof shot.path === 'string' ? shot.path : await shot.path(ids, page);
          if (!path) {
            console.log(`${shot.name}: niet gevonden / not found, overgeslagen / skipped`);
            continue;
          }
          const url = new URL(path, baseURL);
          const local = url.pathname + url.search;
          const files = await photograph(page, local, out, shot.name);
          console.log(`${shot.name}: ${local} (${account ?? 'anoniem'}) → ${files.map((f) => relative(process.cwd(), f)).join(', ')}`);
          const images = widths.map((w) => `[${w}](${shot.name}-${w}.png)`).join(' · ');
          // ids differ from run to run: the list shows where they go, so that it changes only with the pages
          const shown = local.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}');
          rows.push(`| ${shot.title} | ${account ? `\`${account}\`` : 'anoniem'} | \`${shown}\` | ${images} |`);
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await app.close();
  }
  writeFileSync(
    join(out, 'README.md'),
    [
      '# Schermafbeeldingen / Screenshots',
      '',
      'Gemaakt met `npm run screenshots` (scripts/screenshots.ts) op de demodata; niet met de hand bewerken.',
      `Elke pagina op volle lengte, ${widths.map((w) => `${w}`).join(' en ')} px breed. Wachtwoord van de demo-accounts: \`${demoPassword}\`.`,
      '',
      '| pagina | account | url | afbeeldingen |',
      '|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
  console.log(`${rows.length} pagina's in ${relative(process.cwd(), out) || '.'}`);
}

await main();
