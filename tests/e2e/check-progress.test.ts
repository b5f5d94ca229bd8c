import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBoardNumber, seedDemo } from '../../src/demo/demo.service.ts';
import { sessionCookie, startSession } from '../../src/platform/auth/sessions.ts';
import { expectNoAxeViolations, launchBrowser, newContext } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { translator } from '../support/texts.ts';

/**
 * The record loop's pages for a board and the register office, without JavaScript as an HR office
 * would: the check's progress per school, the reminder by hand (confirmed, then sent), how the board
 * hears of disputes, and a register's reminder days. Axe on every page.
 */
const nl = translator('nl');
let t: TestApp;
let baseUrl: string;
let browser: Browser;
let boardId: string;

beforeAll(async () => {
  [t, browser] = await Promise.all([createTestApp({ prepare: (database) => seedDemo(database, () => {}) }), launchBrowser()]);
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  [{ id: boardId }] = await t.database.query<{ id: string }>(`SELECT id FROM boards WHERE number = $1`, [demoBoardNumber]);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function withPage(email: string, run: (page: Page) => Promise<void>) {
  const [{ id }] = await t.database.query<{ id: string }>(`SELECT id FROM accounts WHERE email = $1`, [email]);
  const context = await newContext(browser, { baseURL: baseUrl, javaScriptEnabled: false });
  try {
    const { token } = await startSession(t.database.db, { accountId: id, method: 'password', secondFactor: true });
    await context.addCookies([{ name: sessionCookie, value: token, url: baseUrl }]);
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

describe("the board's progress of the check", () => {
  it('shows the schools, asks before the reminder goes, and says it went', async () => {
    await withPage('hr@demo.beroepsregister.nl', async (page) => {
      await page.goto('/start');
      await page
        .getByRole('link', { name: nl('progress.link') })
        .first()
        .click();
      await page.waitForURL(`**/beheer/bestuur/${boardId}/voortgang`);
      await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBeGreaterThan(2);
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: nl('progress.sendNow') }).click();
      await page.waitForURL('**/voortgang/herinnering');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('progress.sendNow') }).click();
      await page.waitForURL('**/voortgang?melding=herinnering*');
      await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/De herinnering is verstuurd aan \d+ medewerkers\./);
      await expectNoAxeViolations(page);
    });
  });

  it("sets how the board hears of 'klopt niet', and says it is saved", async () => {
    await withPage('hr@demo.beroepsregister.nl', async (page) => {
      await page.goto(`/beheer/bestuur/${boardId}/meldingen`);
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('notices.mode.direct')).check();
      await page.getByRole('button', { name: nl('notices.save') }).click();
      await page.waitForURL('**/meldingen?melding=opgeslagen');
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain(nl('notices.saved'));
      await expectNoAxeViolations(page);
    });
  });
});

describe("a register's reminder days", () => {
  it('are on the register page, refused at the field when too close, saved when not', async () => {
    await withPage('registerbeheer@demo.beroepsregister.nl', async (page) => {
      await page.goto('/beheer/registers');
      await expectNoAxeViolations(page);
      await page.goto('/beheer/registers/lerarenregister');
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('registers.reminders.second')).fill('16');
      await page.getByRole('button', { name: nl('registers.reminders.save') }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Kies voor de tweede herinnering ten minste 22 dagen');
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('registers.reminders.second')).fill('42');
      await page.getByRole('button', { name: nl('registers.reminders.save') }).click();
      await page.waitForURL('**/beheer/registers/lerarenregister?herinneringen=opgeslagen');
      await expectNoAxeViolations(page);
    });
  });
});
