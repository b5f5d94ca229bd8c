import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentExamples } from '../../src/ui/components/examples.ts';
import { translator } from '../support/texts.ts';
import { registerOfficeId } from '../../src/platform/auth/roles.ts';
import { createAccount } from '../support/accounts.ts';
import { expectNoAxeViolations, launchBrowser, withNewPage, withSignedInPage } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/** The pages around the search: accessibility statement, 404, the component gallery, English; and the keyboard. */

const nl = translator('nl');
const en = translator('en');

let testApp: TestApp;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  [testApp, browser] = await Promise.all([createTestApp({ withDuo: true }), launchBrowser()]);
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

const withPage = (run: (page: Page) => Promise<void>) => withNewPage(browser, baseUrl, run);

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('pages', () => {
  it('the accessibility statement', async () => {
    await withPage(async (page) => {
      const response = await page.goto('/toegankelijkheid');
      expect(response?.status()).toBe(200);
      expect(await h1(page)).toBe(nl('a11y.title'));
      await expectNoAxeViolations(page);
      // reachable from every page's footer
      await page.goto('/');
      await page
        .getByRole('contentinfo')
        .getByRole('link', { name: nl('layout.footer.accessibility') })
        .click();
      await page.waitForURL('**/toegankelijkheid');
    });
  });

  it('the public register: reached from the menu, searched by keyboard, its error at the field', async () => {
    await withPage(async (page) => {
      await page.goto('/');
      await page
        .getByRole('navigation')
        .getByRole('link', { name: nl('nav.register') })
        .click();
      await page.waitForURL('**/register');
      expect(await h1(page)).toBe(nl('register.title'));
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('register.name')).fill('B');
      await Promise.all([page.waitForURL('**/register?*'), page.keyboard.press('Enter')]);
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Geef ten minste 2 letters van de naam.');
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('register.name')).fill('Jansen');
      await Promise.all([page.waitForURL('**/register?naam=Jansen*'), page.getByRole('button', { name: nl('register.search') }).click()]);
      await expect.poll(() => page.getByRole('main').textContent()).toContain(nl('register.count', { count: 0 }));
      await expectNoAxeViolations(page);
    });
  });

  it('the 404 page', async () => {
    await withPage(async (page) => {
      const response = await page.goto('/bestaat-niet');
      expect(response?.status()).toBe(404);
      expect(await h1(page)).toBe(nl('error.404.title'));
      expect(await page.title()).toContain(nl('error.404.title'));
      await expectNoAxeViolations(page);
      await page
        .getByRole('main')
        .getByRole('link', { name: nl('error.backHome') })
        .click();
      await page.waitForURL((url) => url.pathname === '/');
    });
  });

  it('the component gallery (register staff, outside production): every example of every shared component is accessible', async () => {
    const staff = await createAccount(testApp.database, {
      email: 'ontwikkelaar@register.nl',
      roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
    });
    await withSignedInPage(browser, testApp.database, baseUrl, staff.id, async (page) => {
      const response = await page.goto('/ontwikkeling/componenten');
      expect(response?.status()).toBe(200);
      // every component and every example is on the page, so axe checks them all
      for (const [component, examples] of Object.entries(componentExamples)) {
        const section = page.getByRole('region', { name: component, exact: true });
        expect(await section.count(), component).toBe(1);
        for (const name of Object.keys(examples)) {
          expect(await section.getByRole('heading', { level: 3, name, exact: true }).count(), `${component}.${name}`).toBe(1);
        }
      }
      await expectNoAxeViolations(page);
    });
  });

  it('the English home page', async () => {
    await withPage(async (page) => {
      await page.goto('/?lang=en');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await h1(page)).toBe(en('home.title'));
      expect(await page.getByRole('link', { name: en('home.searchOrganisations') }).count()).toBe(1);
      await expectNoAxeViolations(page);
    });
  });

  it('the search form is reachable and submittable with the keyboard alone', async () => {
    await withPage(async (page) => {
      await page.goto('/');
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement;
          return { tag: el?.tagName.toLowerCase(), id: el?.id, text: el?.textContent?.trim(), name: el?.getAttribute('name') };
        });
      /** Tabs forward until `done` holds for the focused element; fails after `max` presses. */
      async function tabUntil(done: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 20) {
        for (let i = 0; i < max; i++) {
          await page.keyboard.press('Tab');
          if (done(await focused())) return i + 1;
        }
        throw new Error(`not reached with ${max} presses of Tab; focus is on ${JSON.stringify(await focused())}`);
      }

      // from the home page, through the main navigation
      await tabUntil((f) => f.tag === 'a' && f.text === nl('nav.organisations'));
      await Promise.all([page.waitForURL('**/organisaties'), page.keyboard.press('Enter')]);
      await expectNoAxeViolations(page);

      const searchFor = (term: string) => page.waitForResponse((r) => new URL(r.url()).searchParams.get('zoek') === term);
      await tabUntil((f) => f.id === 'zoek');
      const typed = searchFor('Wegwijzer');
      await page.keyboard.type('Wegwijzer');
      await typed; // the live search while typing
      // past the filters to the button, and submit it with Enter: a search of its own
      const presses = await tabUntil((f) => f.tag === 'button' && f.text === nl('organisations.search.button'));
      expect(presses).toBeGreaterThan(1); // the filters are in between, each reachable
      const submitted = searchFor('Wegwijzer');
      await page.keyboard.press('Enter');
      await submitted;
      await page.waitForURL((url) => url.searchParams.get('zoek') === 'Wegwijzer');
      const region = page.getByRole('region', { name: nl('organisations.results.caption') });
      await region
        .getByRole('link', { name: /Wegwijzer/ })
        .first()
        .waitFor();
      const total = (await testApp.app.inject({ url: '/api/v1/organisaties?zoek=Wegwijzer' })).json().totaal as number;
      expect(await page.locator('#resultaten-aantal').textContent()).toBe(nl('organisations.results.count', { total }));

      // and on into the results with the keyboard: the first result opens with Enter
      const first = await region.getByRole('row').nth(1).getByRole('link').first().textContent();
      await tabUntil((f) => f.tag === 'a' && f.text === first);
      await Promise.all([page.waitForURL('**/organisaties/*'), page.keyboard.press('Enter')]);
      expect(await h1(page)).toBe(first);
    });
  });
});
