import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxFailures } from '../../src/features/identity/index.ts';
import { registerOfficeId } from '../../src/platform/auth/roles.ts';
import { currentTotp } from '../../src/platform/auth/totp.ts';
import { translator } from '../support/texts.ts';
import { createAccount, testPassword } from '../support/accounts.ts';
import { expectNoAxeViolations, launchBrowser, newContext } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Journey: a local account with two-step sign-in. A register staff member signs in with a password,
 * must link an authenticator app first, and reaches Registerbeheer; signs out; signs in again and is
 * asked for a code (a wrong one is refused with the error summary pointing at the field). And the
 * lock-out after repeated wrong passwords, lifted by the mailed link. Every form is used with the
 * keyboard: typed into, and sent with Enter.
 */

const nl = translator('nl');

let testApp: TestApp;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  [testApp, browser] = await Promise.all([createTestApp(), launchBrowser()]);
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

async function withContext(run: (page: Page, context: BrowserContext) => Promise<void>) {
  const context = await newContext(browser, { baseURL: baseUrl });
  try {
    await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const at = (path: string) => (url: URL) => url.pathname === path;
const mainNav = (page: Page) => page.getByRole('navigation', { name: nl('layout.mainNav') });
const errorSummary = (page: Page) => page.getByRole('alert').filter({ has: page.getByRole('heading', { name: nl('errorSummary.title') }) });

/** The sign-in form, with the keyboard: type the address, Tab to the password, type it, Enter. */
async function submitSignIn(page: Page, email: string, password: string) {
  const emailField = page.getByRole('textbox', { name: nl('signIn.email') });
  await emailField.fill(email);
  await emailField.focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('wachtwoord');
  await page.keyboard.type(password);
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/inloggen');
  await page.keyboard.press('Enter');
  return answer;
}

/** The code field, filled and sent with Enter. */
async function submitCode(page: Page, code: string) {
  const field = page.getByRole('textbox', { name: nl('secondFactor.code') });
  await field.fill(code);
  const answer = page.waitForResponse((r) => r.request().method() === 'POST');
  await field.press('Enter');
  return answer;
}

describe('signing in with a password and an authenticator app', () => {
  it('register staff: password → link an app → Registerbeheer; sign out; password → code (a wrong one is refused) → in', async () => {
    const email = 'registerstaf@beroepsregister.nl';
    await createAccount(testApp.database, {
      email,
      displayName: 'Rosa Registerstaf',
      roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
    });
    await withContext(async (page) => {
      // Registerbeheer asks to sign in first, and comes back after
      await page.goto('/beheer');
      await page.waitForURL((url) => url.pathname === '/inloggen' && url.searchParams.get('terug') === '/beheer');
      expect(await h1(page)).toBe(nl('signIn.title'));
      await expectNoAxeViolations(page);

      expect((await submitSignIn(page, email, testPassword)).status()).toBe(303);
      // the role needs two-step sign-in and there is no app yet: set it up first
      await page.waitForURL((url) => url.pathname === '/account/tweestapsverificatie' && url.searchParams.get('terug') === '/beheer');
      expect(await h1(page)).toBe(nl('totp.title'));
      await expectNoAxeViolations(page);
      // the QR code to scan, named for whoever cannot see it; the key and the link beside it as text
      const qr = page.getByRole('img', { name: nl('totp.qr') });
      expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(150);
      const key = page.locator('.utrecht-data-list__item', { has: page.getByRole('term').filter({ hasText: nl('totp.secret') }) }).getByRole('definition');
      const secret = (await key.textContent())!.replace(/\s+/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      const uri = new URL((await page.getByRole('link', { name: nl('totp.uri') }).getAttribute('href'))!);
      expect(uri.protocol).toBe('otpauth:');
      expect(uri.searchParams.get('secret')).toBe(secret);
      expect(uri.searchParams.get('issuer')).toBe('Beroepsregister Onderwijs');

      expect((await submitCode(page, currentTotp(secret))).status()).toBe(303);
      await page.waitForURL(at('/beheer'));
      expect(await h1(page)).toBe(nl('manage.title'));
      await expectNoAxeViolations(page);

      // sign out with the header's button
      await mainNav(page)
        .getByRole('button', { name: nl('nav.signOut') })
        .click();
      await page.waitForURL(at('/'));
      await mainNav(page)
        .getByRole('link', { name: nl('nav.signIn') })
        .waitFor();
      await expectNoAxeViolations(page);
      const afterSignOut = await page.goto('/beheer');
      expect(new URL(afterSignOut!.url()).pathname).toBe('/inloggen');

      // again: now the code is asked for
      expect((await submitSignIn(page, email, testPassword)).status()).toBe(303);
      await page.waitForURL((url) => url.pathname === '/inloggen/tweede-stap' && url.searchParams.get('terug') === '/beheer');
      expect(await h1(page)).toBe(nl('secondFactor.title'));
      await expectNoAxeViolations(page);
      // the password alone opens nothing that needs the role
      const early = await page.request.get('/beheer', { maxRedirects: 0 });
      expect(early.status()).toBe(303);
      expect(early.headers().location).toContain('/inloggen/tweede-stap');

      // a wrong code: the error summary, focused, links to the field, which says what is wrong
      expect((await submitCode(page, '000000')).status()).toBe(400);
      const message = 'Deze code klopt niet of is al gebruikt. Probeer de nieuwste code uit uw app.';
      const summary = errorSummary(page);
      await summary.waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
      const toField = summary.getByRole('link', { name: message });
      expect(await toField.getAttribute('href')).toBe('#code');
      const field = page.getByRole('textbox', { name: nl('secondFactor.code') });
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await field.getAttribute('aria-describedby')).toBe('code-error');
      expect(await page.locator('#code-error').textContent()).toContain(message);
      await expectNoAxeViolations(page);
      // from the summary to the field with the keyboard
      await toField.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.hash === '#code');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('code');

      // the right code (the one before was used when linking the app: each code counts once)
      expect((await submitCode(page, currentTotp(secret, Date.now() + 30_000))).status()).toBe(303);
      await page.waitForURL(at('/beheer'));
      expect(await h1(page)).toBe(nl('manage.title'));
      await expectNoAxeViolations(page);
    });
    const events = await testApp.database.query<{ action: string }>(
      `SELECT e.action FROM audit_events e JOIN accounts a ON a.id = e.subject_account_id
       WHERE a.email = $1 AND e.action LIKE 'account.%' ORDER BY e.id`,
      [email],
    );
    expect(events.map((e) => e.action)).toEqual([
      'account.signed-in',
      'account.second-factor-enabled',
      'account.signed-out',
      'account.signed-in',
      'account.second-factor-failed',
      'account.second-factor-given',
    ]);
  });

  it(`locks the address after ${maxFailures} wrong passwords with a clear message; the mailed link unlocks it`, async () => {
    const email = 'vergeetachtig@school.nl';
    await createAccount(testApp.database, { email, displayName: 'Vera Vergeetachtig' });
    await withContext(async (page) => {
      await page.goto('/inloggen');
      for (let attempt = 1; attempt < maxFailures; attempt++) {
        expect((await submitSignIn(page, email, `verkeerd wachtwoord ${attempt}`)).status()).toBe(400);
        await errorSummary(page)
          .getByRole('link', { name: nl('signIn.failed') })
          .waitFor();
        // the address stays filled in
        expect(await page.getByRole('textbox', { name: nl('signIn.email') }).inputValue()).toBe(email);
      }
      await expectNoAxeViolations(page);

      const lockedMessage = nl('signIn.locked', { minutes: 15 });
      expect((await submitSignIn(page, email, `verkeerd wachtwoord ${maxFailures}`)).status()).toBe(429);
      expect(await page.getByRole('main').textContent()).toContain(lockedMessage);
      await expectNoAxeViolations(page);
      // now even the right password waits
      expect((await submitSignIn(page, email, testPassword)).status()).toBe(429);
      expect(await page.getByRole('main').textContent()).toContain(lockedMessage);

      // the unlock mail (in the outbox: no SMTP here); its link shows a button, which unlocks
      const [mail] = await testApp.database.query<{ subject: string; text: string }>('SELECT subject, text FROM mail_outbox WHERE to_address = $1', [email]);
      expect(mail.subject).toBe('Uw account is tijdelijk geblokkeerd');
      expect(mail.text).toContain(`${maxFailures} keer een verkeerd wachtwoord`);
      const link = new URL(/https?:\/\/\S+\/account\/deblokkeren\?token=\S+/.exec(mail.text)![0]);
      await page.goto(link.pathname + link.search);
      expect(await h1(page)).toBe(nl('unlock.title'));
      await expectNoAxeViolations(page);
      const unlock = page.getByRole('button', { name: nl('unlock.button') });
      await unlock.focus();
      await page.keyboard.press('Enter');
      await page.getByText(nl('unlock.done')).waitFor();
      await expectNoAxeViolations(page);

      await page
        .getByRole('main')
        .getByRole('link', { name: nl('nav.signIn') })
        .click();
      await page.waitForURL(at('/inloggen'));
      expect((await submitSignIn(page, email, testPassword)).status()).toBe(303);
      // no way back asked for: the start page
      await page.waitForURL(at('/start'));
      expect(await h1(page)).toBe(nl('start.title'));
      await expectNoAxeViolations(page);
    });
  });
});
