import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOfficeId } from '../../src/platform/auth/roles.ts';
import { createAccount, testPassword } from '../support/accounts.ts';
import { expectNoAxeViolations, launchBrowser, newContext, passSecondFactor, withNewPage } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { translator } from '../support/texts.ts';

/**
 * Administratiekantoren (decision 022) as people use them: register staff add one, a board admin
 * authorises it on the board's members page (without JavaScript), the kantoor's admin finds the board
 * and its delivery page, and the board withdraws the machtiging. axe on every page.
 */

const nl = translator('nl');
let testApp: TestApp;
let baseUrl: string;
let browser: Browser;
let boardId: string;
let officeId: string;

beforeAll(async () => {
  [testApp, browser] = await Promise.all([createTestApp({ withDuo: true }), launchBrowser()]);
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  [{ id: boardId }] = await testApp.database.query<{ id: string }>("SELECT id FROM boards WHERE number = '32073'");
  await createAccount(testApp.database, {
    email: 'staf@register.nl',
    displayName: 'Sven Staf',
    roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
  });
  await createAccount(testApp.database, {
    email: 'hr@bestuur.nl',
    displayName: 'Hanna HR',
    roles: [{ role: 'board-admin', organisation: { kind: 'bestuur', id: boardId } }],
  });
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

async function signIn(page: Page, email: string) {
  await page.goto('/inloggen');
  await page.getByLabel(nl('signIn.email')).fill(email);
  await page.getByLabel(nl('signIn.password')).fill(testPassword);
  await page.getByRole('button', { name: nl('signIn.button') }).click();
  await passSecondFactor(page, email);
  await page.waitForURL('**/start');
}

/** Beheer, from the main menu: every page of the organisations one holds a role in. */
const toManage = (page: Page) =>
  page
    .getByRole('navigation', { name: nl('layout.mainNav') })
    .getByRole('link', { name: nl('nav.manage') })
    .click();

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

describe('an administratiekantoor, from the register office to the board and back', () => {
  it('register staff add the kantoor', async () => {
    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'staf@register.nl');
      await toManage(page);
      await page.getByRole('link', { name: nl('offices.link') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('offices.title'));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('offices.form.save') }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Vul het KvK-nummer in: acht cijfers.');
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('offices.form.name')).fill('Salarisadministratie Noord');
      await page.getByLabel(nl('offices.form.kvk'), { exact: true }).fill('1234 5678');
      await page.getByRole('button', { name: nl('offices.form.save') }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain(nl('offices.notice.added'));
      await expect.poll(() => page.getByRole('table', { name: nl('offices.caption') }).textContent()).toContain('12345678');
      await expectNoAxeViolations(page);
    });
    [{ id: officeId }] = await testApp.database.query<{ id: string }>("SELECT id FROM administration_offices WHERE kvk_number = '12345678'");
    await createAccount(testApp.database, {
      email: 'anna@salaris-noord.nl',
      displayName: 'Anna Administratie',
      roles: [{ role: 'office-admin', organisation: { kind: 'administratiekantoor', id: officeId } }],
    });
  });

  it('the board admin finds it on the members page, confirms, and authorises it, without JavaScript', async () => {
    const context = await newContext(browser, { baseURL: baseUrl, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await signIn(page, 'hr@bestuur.nl');
      await toManage(page);
      await page.getByRole('link', { name: nl('account.members') }).click();
      await expect.poll(() => page.getByRole('heading', { name: nl('offices.board.title') }).count()).toBe(1);
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: nl('offices.board.authorise') }).click();
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('offices.search.label')).fill('noord');
      await page.getByRole('button', { name: nl('offices.search.button') }).click();
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: nl('offices.search.chooseOffice', { office: 'Salarisadministratie Noord' }) }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('offices.confirm.title'));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('offices.confirm.button') }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain(nl('offices.board.notice.granted'));
      await expect.poll(() => page.getByRole('table', { name: nl('offices.board.caption') }).textContent()).toContain('Salarisadministratie Noord');
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it("the kantoor's admin finds the board, and delivers on its page", async () => {
    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'anna@salaris-noord.nl');
      await toManage(page);
      await page.getByRole('link', { name: nl('offices.mandates.link'), exact: true }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('offices.mandates.title', { office: 'Salarisadministratie Noord' }));
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: nl('offices.mandates.deliveriesOf', { board: 'Stichting Christelijke Kindcentra Drenthe' }) }).click();
      await expect.poll(() => page.locator('main').textContent()).toContain('U levert aan als Salarisadministratie Noord');
      await expectNoAxeViolations(page);
    });
  });

  it('the board admin withdraws the machtiging after a confirmation, and the kantoor no longer sees the board', async () => {
    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'hr@bestuur.nl');
      await page.goto(`/beheer/bestuur/${boardId}/leden`);
      await page.getByRole('link', { name: nl('offices.board.withdrawFor', { office: 'Salarisadministratie Noord' }) }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('offices.withdraw.title'));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('offices.withdraw.button') }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain(nl('offices.board.notice.withdrawn'));
      await expectNoAxeViolations(page);
    });
    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'anna@salaris-noord.nl');
      await page.goto(`/beheer/administratiekantoor/${officeId}/besturen`);
      await expect.poll(() => page.locator('main').textContent()).toContain(nl('offices.mandates.none'));
      await expectNoAxeViolations(page);
      const refused = await page.goto(`/beheer/bestuur/${boardId}/aanleveringen`);
      expect(refused?.status()).toBe(403);
    });
  });
});
