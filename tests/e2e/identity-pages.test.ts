import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOfficeId } from '../../src/platform/auth/roles.ts';
import { currentTotp } from '../../src/platform/auth/totp.ts';
import { translator } from '../support/texts.ts';
import { createAccount, testPassword } from '../support/accounts.ts';
import { expectNoAxeViolations, passSecondFactor, launchBrowser, withNewPage } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** The account and administration pages, as a board admin and a register staff member use them: axe on each. */

const nl = translator('nl');
let testApp: TestApp;
let baseUrl: string;
let browser: Browser;
let boardId: string;

beforeAll(async () => {
  [testApp, browser] = await Promise.all([createTestApp({ withDuo: true }), launchBrowser()]);
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  [{ id: boardId }] = await testApp.database.query<{ id: string }>("SELECT id FROM boards WHERE number = '32073'");
  await createAccount(testApp.database, {
    email: 'hr@bestuur.nl',
    displayName: 'Hanna HR',
    roles: [{ role: 'board-admin', organisation: { kind: 'bestuur', id: boardId } }],
  });
  await createAccount(testApp.database, {
    email: 'staf@register.nl',
    displayName: 'Sven Staf',
    roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
  });
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

const withPage = (run: (page: Page) => Promise<void>) => withNewPage(browser, baseUrl, run);

async function signIn(page: Page, email: string) {
  await page.goto('/inloggen');
  await page.getByLabel(nl('signIn.email')).fill(email);
  await page.getByLabel(nl('signIn.password')).fill(testPassword);
  await page.getByRole('button', { name: nl('signIn.button') }).click();
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

describe('account and administration pages', () => {
  it('a board admin invites a colleague and creates and revokes an API token', async () => {
    await withPage(async (page) => {
      await signIn(page, 'hr@bestuur.nl');
      // a board's HR delivers files with BSNs: two-step sign-in
      await passSecondFactor(page, 'hr@bestuur.nl');
      await page.waitForURL('**/start');
      await expect.poll(() => h1(page).textContent()).toBe(nl('start.title'));
      await expectNoAxeViolations(page);
      await page
        .getByRole('navigation', { name: nl('layout.mainNav') })
        .getByRole('link', { name: nl('nav.account') })
        .click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('account.title'));
      await expectNoAxeViolations(page);

      await page
        .getByRole('navigation', { name: nl('layout.mainNav') })
        .getByRole('link', { name: nl('nav.manage') })
        .click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('manage.title'));
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: nl('account.members') }).click();
      await expect.poll(() => h1(page).textContent()).toContain('Medewerkers van Stichting Christelijke Kindcentra Drenthe');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('members.inviteButton') }).click();
      // nothing filled in: the error summary links to the field
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Vul een geldig e-mailadres in');
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('account.email')).fill('collega@bestuur.nl');
      await page.getByLabel(nl('members.role'), { exact: true }).selectOption('board-staff');
      await page.getByRole('button', { name: nl('members.inviteButton') }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('De uitnodiging is verstuurd naar collega@bestuur.nl');
      await expect.poll(() => page.getByRole('table', { name: nl('members.openInvitations') }).textContent()).toContain('collega@bestuur.nl');

      await page.goto(`/beheer/bestuur/${boardId}/tokens`);
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('tokens.name')).fill('Salarispakket');
      await page.getByLabel(nl('scope.aanleveren')).check();
      const nextYear = new Date(Date.now() + 300 * 24 * 3600 * 1000).toISOString().slice(0, 10);
      await page.getByLabel(nl('tokens.expires')).fill(nextYear);
      await page.getByRole('button', { name: nl('tokens.createButton') }).click();
      const secret = (await page.locator('#nieuw-token').textContent())!.trim();
      expect(secret).toMatch(/^bro_/);
      await expectNoAxeViolations(page);
      const api = await testApp.app.inject({ url: '/api/v1/tokens/huidig', headers: { authorization: `Bearer ${secret}` } });
      expect(api.json().organisatie.nummer).toBe('32073');

      await page.getByRole('link', { name: `${nl('tokens.revoke')}: Salarispakket` }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Salarispakket');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('tokens.revoke') }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain(nl('tokens.revokedDone'));
      const refused = await testApp.app.inject({ url: '/api/v1/tokens/huidig', headers: { authorization: `Bearer ${secret}` } });
      expect(refused.statusCode).toBe(401);
    });
  });

  it('register staff link an authenticator app, read an audit trail and the outbox; the person sees who looked', async () => {
    await withPage(async (page) => {
      await signIn(page, 'staf@register.nl');
      await page.waitForURL('**/account/tweestapsverificatie**');
      await expectNoAxeViolations(page);
      const secret = (await page.locator('.br-secret').textContent())!.replace(/\s/g, '');
      await page.getByLabel(nl('secondFactor.code'), { exact: true }).fill(currentTotp(secret));
      await page.getByLabel(nl('secondFactor.code'), { exact: true }).press('Enter');
      await page.waitForURL('**/start');
      await page.goto('/beheer');
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('account.email')).fill('hr@bestuur.nl');
      await page
        .getByRole('button', { name: nl('admin.findButton') })
        .first()
        .click();
      await expect.poll(() => h1(page).textContent()).toBe('Logboek van Hanna HR');
      await expectNoAxeViolations(page);
      await page.goto('/beheer/uitgaande-mail');
      await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toContain('Uitnodiging');
      await expectNoAxeViolations(page);
    });
    await withPage(async (page) => {
      await signIn(page, 'hr@bestuur.nl');
      // a board's HR delivers files with BSNs: two-step sign-in
      await passSecondFactor(page, 'hr@bestuur.nl');
      await page.goto('/mijn-gegevens/inzage');
      await expect.poll(() => page.getByRole('table', { name: nl('access.caption') }).textContent()).toContain('Sven Staf');
      await expectNoAxeViolations(page);
      await page.goto('/mijn-gegevens/overzicht');
      await expectNoAxeViolations(page);
    });
  });

  it('the public account pages, also with their errors', async () => {
    await withPage(async (page) => {
      await page.goto('/account/aanmaken');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('signUp.button') }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Vul uw naam in');
      await expectNoAxeViolations(page);
      await page.goto('/wachtwoord-vergeten');
      await expectNoAxeViolations(page);
      await page.goto('/wachtwoord-herstellen?token=onbekend');
      await page.getByLabel(nl('reset.password')).fill('een nieuwe lange zin');
      await page.getByRole('button', { name: nl('reset.button') }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Deze link is al gebruikt of verlopen');
      await expectNoAxeViolations(page);
      await page.goto('/account/bevestigen?token=onbekend');
      await expectNoAxeViolations(page);
    });
  });
});
