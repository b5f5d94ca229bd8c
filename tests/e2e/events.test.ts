import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOfficeId } from '../../src/platform/auth/roles.ts';
import { addDays, dutchToday } from '../../src/platform/dates/calendar.ts';
import { createAccount, testPassword } from '../support/accounts.ts';
import { expectNoAxeViolations, launchBrowser, newContext, passSecondFactor, withNewPage } from '../support/browser.ts';
import { mailsTo } from '../support/identity.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { translator } from '../support/texts.ts';

/**
 * Events (decision 027) as people use them: register staff create one with two places; a visitor
 * registers by e-mail and confirms with the mailed link (without JavaScript); a signed-in teacher
 * registers with one click and the form; the event is full, so the next goes on the waiting list; the
 * teacher cancels from their account and the waiting list moves up. axe on every page.
 */

const nl = translator('nl');
let testApp: TestApp;
let baseUrl: string;
let browser: Browser;
let schoolBrin: string;
let eventPath: string;

const title = 'Meedenksessie: het registratiescherm';
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const formDay = (days: number) => addDays(dutchToday(), days).split('-').reverse().join('-');

beforeAll(async () => {
  [testApp, browser] = await Promise.all([createTestApp({ withDuo: true }), launchBrowser()]);
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  [{ brin: schoolBrin }] = await testApp.database.query<{ brin: string }>('SELECT brin FROM schools WHERE closed_at IS NULL ORDER BY brin LIMIT 1');
  await createAccount(testApp.database, {
    email: 'staf@register.nl',
    displayName: 'Sven Staf',
    roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
  });
  await createAccount(testApp.database, { email: 'lisa@school.nl', displayName: 'Lisa Leraar' });
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

async function signIn(page: Page, email: string, back?: string) {
  await page.goto(back ? `/inloggen?terug=${encodeURIComponent(back)}` : '/inloggen');
  await page.getByLabel(nl('signIn.email')).fill(email);
  await page.getByLabel(nl('signIn.password')).fill(testPassword);
  await page.getByRole('button', { name: nl('signIn.button') }).click();
  await passSecondFactor(page, email);
  await page.waitForURL((url) => url.pathname !== '/inloggen');
}

/** The link to this site in the last mail to `address` whose subject starts so. */
async function mailedLink(address: string, subject: string, path: string): Promise<string> {
  const mail = (await mailsTo(testApp.database, address)).filter((m) => m.subject.startsWith(subject)).at(-1);
  if (!mail) throw new Error(`no mail "${subject}" to ${address}`);
  const match = new RegExp(`https?://[^/\\s]+(${path}\\S*)`).exec(mail.text);
  if (!match) throw new Error(`no link to ${path} in: ${mail.text}`);
  return match[1];
}

async function fillRegistration(page: Page, values: { name: string; email?: string; role: string; school?: string; setting?: string }) {
  await page.getByLabel(nl('events.register.name')).fill(values.name);
  if (values.email) await page.getByLabel(nl('events.register.email')).fill(values.email);
  await page.getByLabel(nl('events.register.role')).selectOption({ label: values.role });
  if (values.school) await page.getByLabel(nl('events.register.school')).fill(values.school);
  if (values.setting) await page.getByLabel(values.setting, { exact: true }).check();
}

describe('an event, from register staff to the waiting list', () => {
  it('register staff create it; a bad form is refused at its fields', async () => {
    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'staf@register.nl');
      // Beheer, from the main menu: the register office's card for events (the menu has a public "Bijeenkomsten" too)
      await page.goto('/beheer');
      await page
        .getByRole('main')
        .getByRole('link', { name: nl('start.events.heading'), exact: true })
        .click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('events.admin.title'));
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: nl('events.admin.new') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('events.admin.new'));
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('events.kind.meedenksessie')).check();
      await page.getByLabel(nl('events.form.title')).fill(title);
      await page.getByLabel(nl('events.form.description')).fill('We laten de schermen zien en vragen wat beter kan.');
      await page.getByLabel(nl('events.role.leraar')).check();
      await page.getByLabel(nl('events.form.date')).fill(formDay(-2));
      await page.getByLabel(nl('events.form.start')).fill('14:00');
      await page.getByLabel(nl('events.form.end')).fill('13:00');
      await page.getByLabel(nl('events.form.place')).fill('DUO, Kempkensberg 12, Groningen');
      await page.getByLabel(nl('events.form.capacity')).fill('0');
      await page.getByRole('button', { name: nl('events.form.create') }).click();
      const summary = page.getByRole('alert').first();
      await expect.poll(() => summary.textContent()).toContain(nl('events.error.pastDate'));
      expect(await summary.textContent()).toContain(nl('events.error.endBeforeStart'));
      expect(await summary.textContent()).toContain(nl('events.error.capacity', { min: 1, max: 1000 }));
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('events.form.date')).fill(formDay(12));
      await page.getByLabel(nl('events.form.end')).fill('16:00');
      await page.getByLabel(nl('events.form.capacity')).fill('2');
      await page.getByRole('button', { name: nl('events.form.create') }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain(nl('events.admin.notice.created'));
      await expectNoAxeViolations(page);
    });
    const [{ id }] = await testApp.database.query<{ id: string }>('SELECT id FROM events');
    eventPath = `/bijeenkomsten/${id}`;
  });

  it('a visitor finds it, registers by e-mail and confirms with the mailed link, without JavaScript', async () => {
    const context = await newContext(browser, { baseURL: baseUrl, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto('/bijeenkomsten');
      await expect.poll(() => h1(page).textContent()).toBe(nl('events.title'));
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: title }).click();
      await expect.poll(() => h1(page).textContent()).toBe(title);
      await expectNoAxeViolations(page);
      await fillRegistration(page, {
        name: 'Vera Bezoeker',
        email: 'vera@school.nl',
        role: nl('events.role.leraar'),
        school: schoolBrin,
        setting: nl('events.setting.stad'),
      });
      await page.getByRole('button', { name: nl('events.register.button') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('events.register.mailed.title'));
      await expectNoAxeViolations(page);
      await page.goto(await mailedLink('vera@school.nl', 'Bevestig uw aanmelding', '/bijeenkomsten/aanmelding/bevestigen'));
      await expect.poll(() => h1(page).textContent()).toBe(nl('events.confirm.title'));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('events.confirm.button') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('events.register.placed.title'));
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  it('a signed-in teacher registers with one click and the form; the event is then full', async () => {
    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'lisa@school.nl', eventPath);
      await expect.poll(() => h1(page).textContent()).toBe(title);
      await expect.poll(() => page.getByText(nl('events.register.introSignedIn', { email: 'lisa@school.nl' })).count()).toBe(1);
      await expect.poll(() => page.getByLabel(nl('events.register.name')).inputValue()).toBe('Lisa Leraar');
      await fillRegistration(page, { name: 'Lisa Leraar', role: nl('events.role.schoolleider'), school: schoolBrin, setting: nl('events.setting.dorp') });
      await page.getByRole('button', { name: nl('events.register.button') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('events.register.placed.title'));
      await expectNoAxeViolations(page);
    });
  });

  it('the next person goes on the waiting list, and is told so plainly', async () => {
    await withNewPage(browser, baseUrl, async (page) => {
      await page.goto(eventPath);
      await expect.poll(() => page.getByRole('button', { name: nl('events.register.buttonWaiting') }).count()).toBe(1);
      await expectNoAxeViolations(page);
      await fillRegistration(page, { name: 'Wim Wachter', email: 'wim@school.nl', role: nl('events.role.bestuurder') });
      await page.getByRole('button', { name: nl('events.register.buttonWaiting') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('events.register.mailed.title'));
      await page.goto(await mailedLink('wim@school.nl', 'Bevestig uw aanmelding', '/bijeenkomsten/aanmelding/bevestigen'));
      await page.getByRole('button', { name: nl('events.confirm.button') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('events.register.waiting.title'));
      expect(await page.getByRole('alert').first().textContent()).toContain('op plaats 1');
      await expectNoAxeViolations(page);
    });
  });

  it('the teacher cancels from their account, after a confirmation; the waiting list moves up and is mailed', async () => {
    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'lisa@school.nl');
      await expect.poll(() => page.getByRole('link', { name: nl('events.own.link') }).count()).toBeGreaterThan(0);
      await page
        .getByRole('link', { name: nl('events.own.link') })
        .first()
        .click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('events.own.title'));
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: new RegExp(`^${nl('events.own.cancel')}\\s*:\\s*${title}$`) }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('events.cancel.title'));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('events.cancel.button') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('events.cancel.done.title'));
      await expectNoAxeViolations(page);
    });
    const moved = (await mailsTo(testApp.database, 'wim@school.nl')).at(-1)!;
    expect(moved.subject).toBe(`Er is een plaats voor u: ${title}`);
  });

  it('register staff see who has a place and mark presence on the attendance list', async () => {
    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'staf@register.nl');
      await page.goto('/beheer/bijeenkomsten');
      await page.getByRole('link', { name: new RegExp(`van 2, 0 wachtend\\s*\\(${title}\\)`) }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('events.attendance.title', { title }));
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('events.attendance.presentOf', { name: 'Wim Wachter' })).check();
      await page.getByRole('button', { name: nl('events.attendance.save') }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain(nl('events.admin.notice.presence'));
      await expectNoAxeViolations(page);
    });
  });
});
