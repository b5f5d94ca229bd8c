import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOfficeId } from '../../src/platform/auth/roles.ts';
import { createAccount } from '../support/accounts.ts';
import { expectNoAxeViolations, launchBrowser, withSignedInPage } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { translator } from '../support/texts.ts';

/**
 * Enrolment without a board and the enrolment's account (issue 19, decision 021), in the browser
 * without JavaScript: a professional whom no board delivered enrols with name and birth date (a typing
 * error first, then the check, then the enrolment); register staff unlink her account and link it
 * again, each with a reason and a confirmation. Axe on every page.
 */
const nl = translator('nl');
let t: TestApp;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([createTestApp(), launchBrowser()]);
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const withPage = (accountId: string, run: (page: Page) => Promise<void>) => withSignedInPage(browser, t.database, baseUrl, accountId, run);

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('enrolment without a board, and its account', () => {
  // the enrolment the second test's register staff work on
  let registerNumber = '';

  it('a professional enrols with name and birth date', async () => {
    const professional = await createAccount(t.database, { email: 'zonder@thuis.nl', displayName: 'Zara Zonder' });
    await withPage(professional.id, async (page) => {
      await page.goto('/mijn-register');
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: nl('own.enrolment.withoutDeliveryButton') }).click();
      await page.waitForURL('**/mijn-register/inschrijving/gegevens');
      expect(await h1(page)).toBe(nl('ownEnrolment.title'));
      await expectNoAxeViolations(page);
      // a date that does not exist: the error summary links to the field
      await page.getByLabel(nl('ownEnrolment.initials')).fill('Z.');
      await page.getByLabel(nl('ownEnrolment.surname')).fill('Zonder');
      await page.getByLabel(nl('ownEnrolment.birthDate')).fill('31-02-1986');
      await page.getByRole('button', { name: nl('ownEnrolment.next') }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain(nl('register.error.ownBirthDate'));
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('ownEnrolment.birthDate')).fill('28-02-1986');
      await page.getByRole('button', { name: nl('ownEnrolment.next') }).click();
      await expect.poll(() => h1(page)).toBe(nl('ownEnrolment.check.title'));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('ownEnrolment.check.confirm') }).click();
      await page.waitForURL('**/mijn-register?melding=ingeschreven');
      await expect.poll(() => page.getByRole('main').textContent()).toContain(nl('own.person.titleOwn'));
      await expectNoAxeViolations(page);
      registerNumber = /Registernummer\s*(\d{9})/.exec((await page.getByRole('main').textContent()) ?? '')?.[1] ?? '';
      // what a sign-in with a BSN could not link: a warning with what to do
      await page.goto('/mijn-register?melding=bsn-bezet');
      await expect.poll(() => page.getByRole('main').textContent()).toContain(nl('own.notice.bsnTaken'));
      await expectNoAxeViolations(page);
    });
    expect(registerNumber).toMatch(/^\d{9}$/);
  });

  it('register staff unlink her account and link it again, each with a reason and a confirmation', async () => {
    expect(registerNumber, 'the first test enrolled her').toMatch(/^\d{9}$/);
    const staff = await createAccount(t.database, {
      email: 'staf@register.nl',
      displayName: 'Stefan Staf',
      roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
    });
    await withPage(staff.id, async (page) => {
      await page.goto(`/beheer/inschrijvingen/${registerNumber}`);
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: nl('enrolments.account.unlink') }).click();
      await page.waitForURL('**/ontkoppelen');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('enrolments.link.next') }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain(nl('register.error.unlinkReasonMissing'));
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('enrolments.unlink.reason')).fill('Zij vroeg om een nieuw account.');
      await page.getByRole('button', { name: nl('enrolments.link.next') }).click();
      await expect.poll(() => h1(page)).toBe(nl('enrolments.unlink.checkTitle'));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('enrolments.unlink.confirm') }).click();
      await page.waitForURL('**?melding=ontkoppeld');
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: nl('enrolments.account.link') }).click();
      await page.waitForURL('**/koppelen');
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('enrolments.link.email')).fill('zonder@thuis.nl');
      await page.getByLabel(nl('enrolments.link.reason')).fill('Toch haar eigen account; gebeld en gecontroleerd.');
      await page.getByRole('button', { name: nl('enrolments.link.next') }).click();
      await expect.poll(() => h1(page)).toBe(nl('enrolments.link.checkTitle'));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('enrolments.link.confirm') }).click();
      await page.waitForURL('**?melding=gekoppeld');
      await expect.poll(() => page.getByRole('main').textContent()).toContain('zonder@thuis.nl');
      await expectNoAxeViolations(page);
    });
  });
});
