import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../src/db/schema/identity.ts';
import { seedDemo } from '../../src/demo/demo.service.ts';
import { sessionCookie, startSession } from '../../src/platform/auth/sessions.ts';
import { axeViolations, launchBrowser, newContext, takeConsoleErrors } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Issue 20's "done when": every page, signed in as each demo account of the README (and as a visitor),
 * answers 200, passes axe for WCAG 2.2 AA and logs no console error. The pages are found as a person
 * finds them: by following the links the product shows, from the start page on, with JavaScript on.
 * A page kind (its path with the numbers and ids taken out) is checked once, as the first account that
 * reaches it sees it (the public pages as the visitor sees them), except the hubs, where every role
 * sees its own content: each account's start page, Beheer and Mijn register are always checked.
 * (Checking every kind per account took 4.9 minutes for 169 pages on a quiet machine; this way ~2.)
 */

let t: TestApp;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([createTestApp({ prepare: (database) => seedDemo(database, () => {}) }), launchBrowser()]);
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const demo = (name: string) => `${name}@demo.beroepsregister.nl`;
const demoAccounts = [
  'registerbeheer',
  'hr',
  'personeelszaken',
  'commissie',
  'accreditatie',
  'aanbieder',
  'trainer',
  'administratiekantoor',
  'salarisadministratie',
  'leraar',
].map(demo);

/** The most pages one account follows: enough for every kind of page it has, without walking every list. */
const pagesPerAccount = 45;

/** A path's kind: its numbers, ids and codes taken out, its query left off. */
function kindOf(path: string): string {
  return path
    .split('?')[0]
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
    .replace(/\/[0-9][0-9A-Z]*(?=\/|$)/g, '/:n');
}

/** Links that are not pages to check: the language switch, files, the API, signing out. */
function followable(href: string): boolean {
  return !/^\/(static|api)\//.test(href) && !href.startsWith('/uitloggen') && !/\.(ics|csv|xlsx|pdf|json|svg|png)(\?|$)/.test(href);
}

async function linksOn(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('a[href]:not([hreflang])', (anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => h.startsWith('/')).map((h) => h.split('#')[0]))].filter((h) => h !== '' && followable(h));
}

/** The kinds of page checked so far, over all accounts. */
const checkedKinds = new Set<string>();
/** Pages whose content is the role's own: checked as every account. */
const hubs = new Set(['/start', '/beheer', '/mijn-register']);

/**
 * Walks the site from `start` in a context with this session cookie (or none): every hub and every
 * kind of page not checked before is opened, its status read, axe run and its console watched.
 * Returns what went wrong, one line each.
 */
async function crawl(start: string, sessionToken?: string): Promise<{ problems: string[]; visited: string[] }> {
  const checkedHere = new Set<string>();
  const context = await newContext(browser, { baseURL: baseUrl });
  if (sessionToken) await context.addCookies([{ name: sessionCookie, value: sessionToken, url: baseUrl }]);
  const page = await context.newPage();
  const problems: string[] = [];
  const visited: string[] = [];
  const queue = [start];
  /** each link found, with the page it was found on */
  const foundOn = new Map<string, string>([[start, start]]);
  try {
    while (queue.length > 0 && visited.length < pagesPerAccount) {
      const path = queue.shift()!;
      const kind = kindOf(path);
      if (checkedHere.has(kind) || (checkedKinds.has(kind) && !hubs.has(kind))) continue;
      checkedHere.add(kind);
      checkedKinds.add(kind);
      // a link that answers with a file is not a page: only HTML is opened in the tab
      const head = await page.request.get(path, { maxRedirects: 5 });
      if (head.status() !== 200) {
        problems.push(`${path} (linked from ${foundOn.get(path)}): status ${head.status()}`);
        continue;
      }
      if (!head.headers()['content-type']?.startsWith('text/html')) continue;
      await page.goto(path);
      visited.push(path);
      for (const violation of await axeViolations(page)) problems.push(`${path}: axe ${violation.id} at ${violation.nodes.map((n) => n.target).join(', ')}`);
      for (const error of takeConsoleErrors()) problems.push(`${path}: console ${error}`);
      for (const link of await linksOn(page)) {
        if (foundOn.has(link)) continue;
        foundOn.set(link, path);
        queue.push(link);
      }
    }
  } finally {
    await context.close();
  }
  return { problems, visited };
}

describe('every page, as every demo account', () => {
  it('as a visitor who is not signed in', async () => {
    const { problems, visited } = await crawl('/');
    expect(problems).toEqual([]);
    expect(visited.length).toBeGreaterThan(5);
  }, 300_000);

  it.each(demoAccounts)(
    'as %s',
    async (email) => {
      const [account] = await t.database.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
      expect(account, `${email} is a demo account`).toBeDefined();
      const { token } = await startSession(t.database.db, { accountId: account.id, method: 'password', secondFactor: true });
      const { problems, visited } = await crawl('/start', token);
      expect(problems).toEqual([]);
      expect(visited[0]).toBe('/start');
    },
    300_000,
  );
});
