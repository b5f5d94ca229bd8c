import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDuoBoards, parseDuoLocations } from '../../src/features/organisations/index.ts';
import { translator } from '../support/texts.ts';
import { expectNoAxeViolations, launchBrowser, newContext } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { duoFiles } from '../support/test-database.ts';

/**
 * Journey: someone looks up a school in the organisation directory and finds its board — with
 * JavaScript (htmx live results) and without (plain form, full pages), in Dutch and in English.
 */

const nl = translator('nl');
const en = translator('en');

/**
 * A real school from the DUO file whose name finds exactly that school: a school with one
 * vestiging (its name is the school's), on a named board, and no other name in the directory
 * (vestiging or board) contains it.
 */
function pickSchool() {
  const locations = parseDuoLocations(duoFiles.locations()).rows;
  const boards = parseDuoBoards(duoFiles.boards()).rows;
  const boardsByNumber = new Map(boards.map((b) => [b.number, b]));
  const names = [...locations.map((l) => l.name.toLowerCase()), ...boards.map((b) => b.name.toLowerCase())];
  const perSchool = new Map<string, typeof locations>();
  for (const l of locations) perSchool.set(l.brin, [...(perSchool.get(l.brin) ?? []), l]);
  const candidates = [...perSchool.values()]
    .filter((ls) => ls.length === 1)
    .map((ls) => ls[0])
    .filter((l) => boardsByNumber.get(l.boardNumber)?.name && /^[\p{L} ]{10,40}$/u.test(l.name))
    .filter((l) => names.filter((n) => n.includes(l.name.toLowerCase())).length === 1)
    .sort((a, b) => a.code.localeCompare(b.code));
  const school = candidates[0];
  if (!school) throw new Error('no suitable school in the DUO file');
  const board = boardsByNumber.get(school.boardNumber)!;
  return { name: school.name, brin: school.brin, province: school.province!, board: { name: board.name, number: board.number } };
}

let testApp: TestApp;
let baseUrl: string;
let browser: Browser;
const school = pickSchool();

beforeAll(async () => {
  [testApp, browser] = await Promise.all([createTestApp({ withDuo: true }), launchBrowser()]);
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

async function withContext(options: { javaScriptEnabled: boolean }, run: (page: Page, context: BrowserContext) => Promise<void>) {
  const context = await newContext(browser, { ...options, baseURL: baseUrl });
  try {
    await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

const resultsRegion = (page: Page, t = nl) => page.getByRole('region', { name: t('organisations.results.caption') });
const resultCount = (page: Page) => page.locator('#resultaten-aantal');

/** The directory's own answer, through the public API, to compare what the page shows. */
async function apiTotal(query: Record<string, string>): Promise<number> {
  const response = await testApp.app.inject({ url: `/api/v1/organisaties?${new URLSearchParams(query)}` });
  expect(response.statusCode).toBe(200);
  return response.json().totaal as number;
}

/** Matches the whole text: "1 resultaat" must not match "21 resultaten". */
const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

const countText = (t: typeof nl, total: number) => (total === 0 ? t('organisations.results.none') : t('organisations.results.count', { total }));

/** Whether a response came from an htmx request (the page was not reloaded). */
const isHtmxSearch = (response: { url(): string; request(): { headers(): Record<string, string> } }) =>
  new URL(response.url()).pathname === '/organisaties' && response.request().headers()['hx-request'] === 'true';

describe('organisation search', () => {
  it('with JavaScript: home → live search → school → board, which lists the school', async () => {
    await withContext({ javaScriptEnabled: true }, async (page) => {
      await page.goto('/');
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: nl('home.searchOrganisations') }).click();
      await page.waitForURL('**/organisaties');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(nl('organisations.title'));
      await expectNoAxeViolations(page);
      const before = await resultCount(page).textContent();
      expect(before).toBe(countText(nl, await apiTotal({})));

      // mark this document: a full page load would lose the mark
      await page.evaluate(() => Object.assign(window, { journeyMark: 'same document' }));
      const requests: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'document') requests.push(r.url());
      });

      const live = page.waitForResponse(isHtmxSearch);
      await page.getByRole('searchbox', { name: nl('organisations.search.label') }).pressSequentially(school.name, { delay: 10 });
      // no click on "Zoeken": typing alone updates the results
      expect(new URL((await live).url()).searchParams.get('zoek')).toBeTruthy();
      await resultCount(page)
        .filter({ hasText: exactly(nl('organisations.results.count', { total: 1 })) })
        .waitFor();
      await page.waitForURL((url) => url.searchParams.get('zoek') === school.name);

      expect(await page.evaluate(() => (window as unknown as { journeyMark?: string }).journeyMark)).toBe('same document');
      expect(requests).toEqual([]);
      const rows = resultsRegion(page).getByRole('row');
      expect(await rows.count()).toBe(2); // header + the school
      const link = resultsRegion(page).getByRole('link', { name: school.name, exact: true });
      expect(await resultsRegion(page).getByRole('cell', { name: school.brin, exact: true }).count()).toBe(1);
      // the form keeps what was typed, and focus stays in the field while typing
      expect(await page.getByRole('searchbox', { name: nl('organisations.search.label') }).inputValue()).toBe(school.name);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('zoek');
      await expectNoAxeViolations(page);

      await link.click();
      await page.waitForURL('**/organisaties/*');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(school.name);
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: `${school.board.name} (${school.board.number})` }).click();
      await page.getByRole('heading', { level: 1, name: school.board.name, exact: true }).waitFor();
      const schoolsTable = page.getByRole('table', { name: nl('organisations.board.schools') });
      expect(await schoolsTable.getByRole('link', { name: school.name, exact: true }).count()).toBe(1);
      await expectNoAxeViolations(page);

      // back in the browser's history: the search with its results, restored
      await page.goBack();
      await page.goBack();
      await resultCount(page)
        .filter({ hasText: exactly(nl('organisations.results.count', { total: 1 })) })
        .waitFor();
      expect(await page.getByRole('searchbox', { name: nl('organisations.search.label') }).inputValue()).toBe(school.name);
    });
  });

  it('with JavaScript: a province filter updates the results at once', async () => {
    await withContext({ javaScriptEnabled: true }, async (page) => {
      await page.goto('/organisaties');
      const all = await apiTotal({});
      const inProvince = await apiTotal({ provincie: school.province });
      expect(inProvince).toBeGreaterThan(0);
      expect(inProvince).toBeLessThan(all);

      const live = page.waitForResponse(isHtmxSearch);
      await page.getByLabel(nl('organisations.filter.province')).selectOption(school.province);
      await live;
      await resultCount(page)
        .filter({ hasText: exactly(countText(nl, inProvince)) })
        .waitFor();
      await page.waitForURL((url) => url.searchParams.get('provincie') === school.province);
      await expectNoAxeViolations(page);

      // the filter combines with the search: the school is in its own province, and not in another
      const again = page.waitForResponse(isHtmxSearch);
      await page.getByRole('searchbox', { name: nl('organisations.search.label') }).fill(school.name);
      await again;
      await resultCount(page)
        .filter({ hasText: exactly(nl('organisations.results.count', { total: 1 })) })
        .waitFor();
      const other = school.province === 'Utrecht' ? 'Zeeland' : 'Utrecht';
      const none = page.waitForResponse(isHtmxSearch);
      await page.getByLabel(nl('organisations.filter.province')).selectOption(other);
      await none;
      await resultCount(page)
        .filter({ hasText: exactly(nl('organisations.results.none')) })
        .waitFor();
      expect(await resultsRegion(page).getByRole('table').count()).toBe(0);
      await expectNoAxeViolations(page);
    });
  });

  it('without JavaScript: the form submits, results are a full page, pagination works', async () => {
    await withContext({ javaScriptEnabled: false }, async (page) => {
      await page.goto('/organisaties');
      const search = page.getByRole('searchbox', { name: nl('organisations.search.label') });
      await search.fill(school.name);
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('zoek') === school.name),
        page.getByRole('button', { name: nl('organisations.search.button') }).click(),
      ]);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(nl('organisations.title'));
      expect(await resultCount(page).textContent()).toBe(nl('organisations.results.count', { total: 1 }));
      expect(await resultsRegion(page).getByRole('link', { name: school.name, exact: true }).count()).toBe(1);
      expect(await search.inputValue()).toBe(school.name);
      await expectNoAxeViolations(page);

      // a broader search: everything in the school's province, more than one page
      await page.getByLabel(nl('organisations.filter.province')).selectOption(school.province);
      await search.fill('');
      await Promise.all([page.waitForURL((url) => url.searchParams.get('provincie') === school.province), search.press('Enter')]);
      const total = await apiTotal({ provincie: school.province });
      expect(total).toBeGreaterThan(20);
      expect(await resultCount(page).textContent()).toBe(countText(nl, total));
      const pagination = page.getByRole('navigation', { name: nl('pagination.label') });
      const pages = Math.ceil(total / 20);
      expect(await pagination.getByRole('link', { name: nl('pagination.current', { page: 1, pages }) }).getAttribute('aria-current')).toBe('page');
      const firstOnPage1 = await resultsRegion(page).getByRole('row').nth(1).getByRole('link').first().textContent();
      await expectNoAxeViolations(page);

      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('page') === '2' && url.searchParams.get('provincie') === school.province),
        pagination.getByRole('link', { name: nl('pagination.page', { page: 2 }), exact: true }).click(),
      ]);
      expect(await pagination.getByRole('link', { name: nl('pagination.current', { page: 2, pages }) }).getAttribute('aria-current')).toBe('page');
      expect(await resultsRegion(page).getByRole('row').count()).toBe(21);
      const firstOnPage2 = await resultsRegion(page).getByRole('row').nth(1).getByRole('link').first().textContent();
      expect(firstOnPage2).not.toBe(firstOnPage1);
      // the filter is kept in the form and the links
      expect(await page.getByLabel(nl('organisations.filter.province')).inputValue()).toBe(school.province);
      await expectNoAxeViolations(page);
    });
  });

  it('switches to English and back, keeping the page and the search', async () => {
    await withContext({ javaScriptEnabled: true }, async (page) => {
      await page.goto(`/organisaties?zoek=${encodeURIComponent(school.name)}`);
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');

      await page.getByRole('link', { name: nl('layout.languageSwitch') }).click();
      await page.waitForURL((url) => url.searchParams.get('lang') === 'en');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en('organisations.title'));
      expect(await page.getByRole('searchbox', { name: en('organisations.search.label') }).inputValue()).toBe(school.name);
      expect(await resultCount(page).textContent()).toBe(en('organisations.results.count', { total: 1 }));
      await expectNoAxeViolations(page);

      // the choice is remembered: the next page is English without ?lang
      await page.getByRole('link', { name: en('nav.home') }).click();
      await page.waitForURL((url) => url.pathname === '/');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en('home.title'));
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: en('layout.languageSwitch') }).click();
      await page.waitForURL((url) => url.searchParams.get('lang') === 'nl');
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(nl('home.title'));
      await expectNoAxeViolations(page);
    });
  });

  it('after a live search, the language switch keeps the search', async () => {
    await withContext({ javaScriptEnabled: true }, async (page) => {
      await page.goto('/organisaties');
      const live = page.waitForResponse(isHtmxSearch);
      await page.getByRole('searchbox', { name: nl('organisations.search.label') }).fill(school.name);
      await live;
      await resultCount(page)
        .filter({ hasText: exactly(nl('organisations.results.count', { total: 1 })) })
        .waitFor();

      await page.getByRole('link', { name: nl('layout.languageSwitch') }).click();
      await page.waitForURL((url) => url.searchParams.get('lang') === 'en');
      expect(await page.getByRole('searchbox', { name: en('organisations.search.label') }).inputValue()).toBe(school.name);
      expect(await resultCount(page).textContent()).toBe(en('organisations.results.count', { total: 1 }));
    });
  });

  it('the skip link is the first thing to focus and moves focus to the main content', async () => {
    await withContext({ javaScriptEnabled: true }, async (page) => {
      await page.goto('/organisaties');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, href: document.activeElement?.getAttribute('href') }));
      expect(focused).toEqual({ text: nl('layout.skipLink'), href: '#inhoud' });
      // visible when focused
      expect(await page.getByRole('link', { name: nl('layout.skipLink') }).isVisible()).toBe(true);
      await expectNoAxeViolations(page);

      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('main');
      // the next Tab goes on from the main content: the search field, not the header
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('zoek');
    });
  });
});
