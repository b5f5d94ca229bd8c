import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addYears, dutchToday } from '../../src/platform/dates/calendar.ts';
import { formatDay } from '../../src/platform/i18n.ts';
import { professional, type TestProfessional } from '../../src/features/register/index.ts';
import { expectNoAxeViolations, launchBrowser, newContext } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { translator } from '../support/texts.ts';

/**
 * The home page and an entry of the public register, in the browser without JavaScript: from the home
 * page's search form to the results, on to the entry's own page, in Dutch and in English, and an
 * unknown register number. Axe on every page.
 */
const nl = translator('nl');
const en = translator('en');

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let registered: TestProfessional;
const until = addYears(dutchToday(), 3);

beforeAll(async () => {
  [t, browser] = await Promise.all([createTestApp(), launchBrowser()]);
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  registered = await professional(t.database, {
    email: 'rianne@thuis.nl',
    surname: 'Registermans',
    register: 'schoolleidersregister-po',
    since: dutchToday(),
    until,
  });
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function withPage(run: (page: Page) => Promise<void>) {
  const context = await newContext(browser, { baseURL: baseUrl, javaScriptEnabled: false });
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const main = (page: Page) => page.getByRole('main');

describe('the home page and an entry of the public register', () => {
  it('searches from the home page', async () => {
    await withPage(async (page) => {
      await page.goto('/');
      expect(await h1(page)).toBe(nl('home.title'));
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('home.search.name')).fill('Registermans');
      await Promise.all([page.waitForURL('**/register?naam=Registermans'), page.getByRole('button', { name: nl('home.search.button') }).click()]);
      expect(await main(page).textContent()).toContain(nl('register.count', { count: 1 }));
      await expectNoAxeViolations(page);
    });
  });

  it('opens the entry from the results, and reads it in English', async () => {
    await withPage(async (page) => {
      await page.goto('/register?naam=Registermans');
      await Promise.all([page.waitForURL(`**/register/${registered.registerNumber}`), page.getByRole('link', { name: 'R. Registermans' }).click()]);
      expect(await h1(page)).toBe('R. Registermans');
      const text = await main(page).textContent();
      expect(text).toContain(nl('register.status.geregistreerd'));
      expect(text).toContain(nl('register.statusExplain.geregistreerd'));
      expect(text).toContain(formatDay('nl', until));
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: nl('layout.languageSwitch') }).click();
      await page.waitForURL('**/register/*?lang=en');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await main(page).textContent()).toContain(en('register.statusExplain.geregistreerd'));
      await expectNoAxeViolations(page);
    });
  });

  it('the English home page leads to signing in to enrol', async () => {
    await withPage(async (page) => {
      await page.goto('/?lang=en');
      expect(await h1(page)).toBe(en('home.title'));
      await expectNoAxeViolations(page);
      await Promise.all([page.waitForURL('**/inloggen?terug=*'), page.getByRole('link', { name: en('home.enrol.signIn') }).click()]);
      expect(new URL(page.url()).searchParams.get('terug')).toBe('/mijn-register/inschrijving/gegevens');
    });
  });

  it('an unknown register number is a 404 page', async () => {
    await withPage(async (page) => {
      const response = await page.goto('/register/900000048?lang=en');
      expect(response?.status()).toBe(404);
      expect(await h1(page)).toBe(en('error.404.title'));
      await expectNoAxeViolations(page);
    });
  });
});
