import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, testPassword } from '../support/accounts.ts';
import { expectNoAxeViolations, launchBrowser, newContext, passSecondFactor } from '../support/browser.ts';
import { deliveringBoard } from '../support/deliveries.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { translator } from '../support/texts.ts';

/**
 * The journey of the entry screen (issue 19), without JavaScript and axe on every page: an HR employee
 * enters a new employment (a refused date first, the answers checked, then sent), finds the person by
 * name in the staff list, and changes the employment from there.
 */

const nl = translator('nl');
let testApp: TestApp;
let baseUrl: string;
let browser: Browser;
let school: { brin: string; location: string };

beforeAll(async () => {
  [testApp, browser] = await Promise.all([createTestApp({ withDuo: true }), launchBrowser()]);
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const delivering = await deliveringBoard(testApp.database);
  school = delivering.school;
  await createAccount(testApp.database, {
    email: 'hr@invoer.nl',
    displayName: 'Hanna HR',
    roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: delivering.board.id } }],
  });
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const field = (page: Page, key: Parameters<typeof nl>[0]) => page.getByLabel(nl(key), { exact: true });

describe('the entry screen, without JavaScript', () => {
  it('an HR employee enters an employment, finds it in the staff list and changes it', async () => {
    const context = await newContext(browser, { baseURL: baseUrl, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto('/inloggen');
      await page.getByLabel(nl('signIn.email')).fill('hr@invoer.nl');
      await page.getByLabel(nl('signIn.password')).fill(testPassword);
      await page.getByRole('button', { name: nl('signIn.button') }).click();
      await passSecondFactor(page, 'hr@invoer.nl');
      await page.waitForURL('**/start');
      await page
        .getByRole('navigation', { name: nl('layout.mainNav') })
        .getByRole('link', { name: nl('nav.manage') })
        .click();
      await page.getByRole('link', { name: nl('entry.link') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('entry.title.NIEUW'));
      await expectNoAxeViolations(page);

      // a date that does not exist: the file check's message at the field, everything typed kept
      await field(page, 'entry.personeelsnummer').fill('E2E-1');
      await field(page, 'entry.voorletters').fill('I.');
      await field(page, 'entry.voornamen').fill('Ilse');
      await field(page, 'entry.achternaam').fill('Invoer');
      await field(page, 'entry.geboortedatum').fill('31-02-1991');
      await field(page, 'entry.email').fill('ilse.invoer@school.nl');
      await field(page, 'entry.instellingscode').selectOption(school.brin);
      await field(page, 'entry.vestigingscode').selectOption(school.location);
      await field(page, 'entry.functie').selectOption('LERAAR');
      await field(page, 'entry.benoemingsgrondslag').selectOption('IN_OPLEIDING');
      await field(page, 'entry.begindatum').fill('01-08-2025');
      await field(page, 'entry.werktijdfactor').fill('0,6');
      await page.getByRole('button', { name: nl('entry.continue') }).click();
      const dateError = '"31-02-1991" is geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ).';
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain(dateError);
      expect(await field(page, 'entry.achternaam').inputValue()).toBe('Invoer');
      expect(await field(page, 'entry.geboortedatum').inputValue()).toBe('31-02-1991');
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: dateError }).click();
      expect(new URL(page.url()).hash).toBe('#geboortedatum');

      // corrected: the answers to check, then sent and applied
      await field(page, 'entry.geboortedatum').fill('28-02-1991');
      await page.getByRole('button', { name: nl('entry.continue') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('entry.check.title'));
      await expect.poll(() => page.locator('main').textContent()).toContain('28 februari 1991');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('entry.send') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('entry.result.title.verwerkt'));
      await expect.poll(() => page.locator('main').textContent()).toMatch(/Nieuwe dienstverbanden\s*1/);
      await expectNoAxeViolations(page);

      // the staff list finds her by name, and changes the employment from there
      await page.getByRole('link', { name: nl('entry.result.staff') }).click();
      await page.getByRole('searchbox', { name: nl('staff.search') }).fill('invoer');
      await page.getByRole('button', { name: nl('staff.searchButton') }).click();
      await expect.poll(() => page.getByRole('table').textContent()).toContain('I. Invoer');
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: /^Wijzigen.*I\. Invoer$/ }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('entry.title.WIJZIGING', { name: 'I. Invoer' }));
      expect(await field(page, 'entry.werktijdfactor').inputValue()).toBe('0,6');
      await expectNoAxeViolations(page);
      await field(page, 'entry.werktijdfactor').fill('0,8');
      await page.getByRole('button', { name: nl('entry.continue') }).click();
      await page.getByRole('button', { name: nl('entry.send') }).click();
      await expect.poll(() => page.locator('main').textContent()).toMatch(/Gewijzigde dienstverbanden\s*1/);
      const [changed] = await testApp.database.query<{ fte: string }>(`SELECT fte::text FROM employments WHERE staff_number = 'E2E-1'`);
      expect(changed.fte).toBe('0.8000');
    } finally {
      await context.close();
    }
  });
});
