import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { sessionCookie, startSession } from '../../src/platform/auth/sessions.ts';
import { currentTotp } from '../../src/platform/auth/totp.ts';
import { translator } from './texts.ts';

/**
 * The system Chromium, headless. The background-networking flags matter: this machine has no
 * network, and without them Chromium keeps trying to reach Google's update and sync services.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const withoutScript = new WeakSet<BrowserContext>();

/** What the pages of every context made by newContext logged as an error, since the last test took them. */
const consoleErrors: string[] = [];

/**
 * Takes the console errors and uncaught page errors gathered so far (the browser project's setup file
 * fails every test that leaves one). A page's own status (a 404 page the test asked for) is not one:
 * the test checks that status itself; a failed style sheet, script or image is. Only our own pages
 * count: the test's OpenID provider serves pages of its own (which ask Google for a font).
 */
export function takeConsoleErrors(): string[] {
  return consoleErrors.splice(0);
}

function watchConsole(page: Page, origin: string | undefined): void {
  const ours = () => origin === undefined || page.url().startsWith(origin);
  page.on('console', (message) => {
    if (message.type() !== 'error' || !ours()) return;
    const where = message.location().url;
    if (message.text().startsWith('Failed to load resource') && where === page.url()) return;
    consoleErrors.push(`${message.text()} (at ${where || page.url()})`);
  });
  page.on('pageerror', (error) => {
    if (ours()) consoleErrors.push(`${error.message} (uncaught, at ${page.url()})`);
  });
}

/**
 * A browser context (Dutch by default, short timeouts so a missing element fails fast). Use this
 * instead of browser.newContext so that axe knows when a context runs without JavaScript.
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'nl-NL', ...options });
  context.setDefaultTimeout(10_000);
  const origin = options.baseURL ? new URL(options.baseURL).origin : undefined;
  context.on('page', (page) => watchConsole(page, origin));
  if (options.javaScriptEnabled === false) withoutScript.add(context);
  return context;
}

// WCAG 2.2 AA: 2.2 added its own rules (target-size) under wcag22aa; A and AA of 2.0 and 2.1 stay
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type AxeViolation = { id: string; impact: string | null | undefined; help: string; nodes: { target: string; summary: string | undefined }[] };

/**
 * Runs axe (WCAG 2.2 A and AA) over the page as it is now and returns every violation and where.
 * axe needs script (it never finishes in a page without JavaScript), so a page of a script-less
 * context is checked as a copy of its current DOM, served at the same URL in a scripted context.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  let target = page;
  let copy: BrowserContext | undefined;
  if (withoutScript.has(page.context())) {
    const [html, url] = [await page.content(), page.url()];
    copy = await page.context().browser()!.newContext({ locale: 'nl-NL' });
    target = await copy.newPage();
    await target.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await target.goto(url);
  }
  try {
    const { violations } = await new AxeBuilder({ page: target }).withTags(wcagTags).analyze();
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  } finally {
    await copy?.close();
  }
}

/** Fails listing every axe violation (WCAG 2.2 A and AA) on the page as it is now, and where. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const report = await axeViolations(page);
  expect(report, `axe violations on ${page.url()}:\n${JSON.stringify(report, null, 2)}`).toEqual([]);
}

/** Runs `run` in a page of a fresh context on `baseURL`, and closes the context whatever happens. */
export async function withNewPage(browser: Browser, baseURL: string, run: (page: Page) => Promise<void>): Promise<void> {
  const context = await newContext(browser, { baseURL });
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/**
 * Runs `run` in a page without JavaScript, signed in as this account (past its second step) through a
 * session row straight in the database; closes the context whatever happens.
 */
export async function withSignedInPage(
  browser: Browser,
  database: Database,
  baseURL: string,
  accountId: string,
  run: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await newContext(browser, { baseURL, javaScriptEnabled: false });
  try {
    const { token } = await startSession(database.db, { accountId, method: 'password', secondFactor: true });
    await context.addCookies([{ name: sessionCookie, value: token, url: baseURL }]);
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

const linkedApps = new Map<string, { secret: string; uses: number }>();
const nlText = translator('nl');

/**
 * After the password, the second step as a person takes it: the first time the account links an
 * authenticator app (the secret on the page, remembered here), later it gives the app's next code.
 * Accounts without a second factor go straight on.
 */
export async function passSecondFactor(page: Page, email: string): Promise<void> {
  await page.waitForURL((url) => url.pathname !== '/inloggen');
  const path = new URL(page.url()).pathname;
  if (path === '/account/tweestapsverificatie') {
    const secret = (await page.locator('.br-secret').textContent())!.replace(/\s/g, '');
    await page.getByLabel(nlText('secondFactor.code'), { exact: true }).fill(currentTotp(secret));
    await page.getByRole('button', { name: nlText('totp.button') }).click();
    linkedApps.set(email, { secret, uses: 1 });
  } else if (path === '/inloggen/tweede-stap') {
    const app = linkedApps.get(email);
    if (!app) throw new Error(`no authenticator app linked in this test run for ${email}`);
    // a code counts once: each later sign-in takes the app's code of a later 30-second step
    await page.getByLabel(nlText('secondFactor.code'), { exact: true }).fill(currentTotp(app.secret, Date.now() + app.uses * 30_000));
    app.uses++;
    await page.getByRole('button', { name: nlText('secondFactor.button') }).click();
  }
}
