import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBoardNumber, seedDemo } from '../../src/demo/demo.service.ts';
import { sessionCookie, startSession } from '../../src/platform/auth/sessions.ts';
import { translator } from '../support/texts.ts';
import { expectNoAxeViolations, launchBrowser, newContext } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Every page of issue 6 (catalogue, accreditation, runs and attendance, dossier, re-registration,
 * uitstel, consent, the reference framework, valuation) as the person it is for sees it on the demo
 * data, with axe (WCAG 2.1 AA) on each, forms in their error state too, and the catalogue without JavaScript.
 */

const nl = translator('nl');
let t: TestApp;
let baseUrl: string;
let browser: Browser;
const ids = {} as Record<'provider' | 'offering' | 'pending' | 'run' | 'board' | 'consentPerson' | 'valuation' | 'postponement' | 'herregistratie', string>;

const one = async (sql: string, params: unknown[] = []) => {
  const rows = await t.database.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`the demo data has nothing for: ${sql}`);
  return rows[0].id;
};

beforeAll(async () => {
  [t, browser] = await Promise.all([createTestApp({ prepare: (database) => seedDemo(database, () => {}) }), launchBrowser()]);
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  ids.provider = await one(`SELECT id FROM providers ORDER BY name LIMIT 1`);
  ids.offering = await one(`SELECT o.id FROM offerings o JOIN offering_runs r ON r.offering_id = o.id JOIN attendances a ON a.run_id = r.id LIMIT 1`);
  ids.run = await one(`SELECT r.id FROM offering_runs r JOIN attendances a ON a.run_id = r.id WHERE r.offering_id = $1 LIMIT 1`, [ids.offering]);
  ids.pending = await one(`SELECT id FROM offerings WHERE status = 'informatie-gevraagd' LIMIT 1`);
  ids.board = await one(`SELECT id FROM boards WHERE number = $1`, [demoBoardNumber]);
  ids.consentPerson = await one(
    `SELECT p.id FROM development_consents c JOIN enrolments e ON e.account_id = c.account_id JOIN persons p ON p.id = e.person_id WHERE c.revoked_at IS NULL LIMIT 1`,
  );
  ids.valuation = await one(`SELECT id FROM valuation_requests WHERE status = 'aangevraagd' LIMIT 1`);
  ids.postponement = await one(`SELECT id FROM postponements WHERE status = 'aangevraagd' LIMIT 1`);
  ids.herregistratie = await one(`SELECT id FROM registration_applications WHERE kind = 'herregistratie' LIMIT 1`);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A page signed in as the account (second factor given), or anonymous. */
async function withPage(account: string | null, run: (page: Page) => Promise<void>, options: { javaScript?: boolean; width?: number } = {}) {
  const context = await newContext(browser, {
    baseURL: baseUrl,
    javaScriptEnabled: options.javaScript !== false,
    ...(options.width ? { viewport: { width: options.width, height: 900 } } : {}),
  });
  try {
    if (account) {
      const accountId = await one(`SELECT id FROM accounts WHERE email = $1`, [account]);
      const { token } = await startSession(t.database.db, { accountId, method: 'password', secondFactor: true });
      await context.addCookies([{ name: sessionCookie, value: token, url: baseUrl }]);
    }
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Opens the path, expects the status, and runs axe. */
async function visit(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  await expectNoAxeViolations(page);
}

/** Submits the form whose button has this name, unchanged or as filled before, and checks the error summary. */
async function submitWithErrors(page: Page, button: string | RegExp) {
  await page.getByRole('button', { name: button }).first().click();
  await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
}

const professionalWith = (sql: string) => one(`SELECT a.email AS id FROM accounts a JOIN enrolments e ON e.account_id = a.id WHERE ${sql} LIMIT 1`);

describe('the start page and Beheer (issue 20), for each role, on a wide and a narrow screen', () => {
  const roles = ['leraar', 'hr', 'personeelszaken', 'commissie', 'accreditatie', 'registerbeheer', 'aanbieder', 'administratiekantoor'];
  it.each(roles)('%s', async (name) => {
    for (const width of [1280, 390]) {
      await withPage(
        `${name}@demo.beroepsregister.nl`,
        async (page) => {
          await visit(page, '/start');
          // every card's heading is a link to where its work is done, with its count or state beside it
          const cards = page.locator('.br-card');
          expect(await cards.count()).toBeGreaterThan(0);
          for (const card of await cards.all()) {
            expect(await card.getByRole('heading', { level: 3 }).getByRole('link').count()).toBe(1);
            expect((await card.locator('.br-card__status').innerText()).trim()).not.toBe('');
          }
          // nothing wider than the screen
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          if (name !== 'leraar') await visit(page, '/beheer');
        },
        { width, javaScript: width === 1280 },
      );
    }
  });
});

describe('issue 6 pages, with axe on each', () => {
  it('the public catalogue and the reference framework, for anyone', async () => {
    await withPage(null, async (page) => {
      await visit(page, '/aanbod');
      await visit(page, '/aanbod?zoek=zzzzonbekend');
      await visit(page, `/aanbod/${ids.offering}`);
      const ics = await page.request.get(
        String(
          await page
            .getByRole('link', { name: nl('catalogue.ics') })
            .first()
            .getAttribute('href'),
        ).replace(/^(?!http)/, baseUrl),
      );
      expect(ics.headers()['content-type']).toContain('text/calendar');
      expect(await ics.text()).toContain('BEGIN:VEVENT');
      await visit(page, '/referentiekader');
      await visit(page, '/referentiekader/versies/1');
    });
  });

  it('the catalogue works as a plain form without JavaScript', async () => {
    await withPage(
      null,
      async (page) => {
        await page.goto('/aanbod');
        const title = (await t.database.query<{ title: string }>(`SELECT title FROM offerings WHERE id = $1`, [ids.offering]))[0].title;
        await page
          .getByRole('searchbox')
          .or(page.getByLabel(nl('catalogue.filter.search')))
          .first()
          .fill(title.split(' ')[0]);
        await page.getByRole('button', { name: nl('catalogue.filter.button') }).click();
        await page.waitForURL('**/aanbod?**');
        await expect.poll(() => page.getByRole('main').innerText()).toContain(title);
        await expectNoAxeViolations(page);
      },
      { javaScript: false },
    );
  });

  it('a provider: offerings, a new one with errors, runs and attendance', async () => {
    await withPage('aanbieder@demo.beroepsregister.nl', async (page) => {
      const base = `/beheer/aanbieder/${ids.provider}/aanbod`;
      await visit(page, base);
      await visit(page, `${base}/nieuw`);
      await submitWithErrors(page, nl('accreditation.new.send'));
      const own = await one(`SELECT o.id FROM offerings o JOIN offering_runs r ON r.offering_id = o.id WHERE o.organisation_id = $1 LIMIT 1`, [ids.provider]);
      await visit(page, `${base}/${own}`);
      // one of the provider's own that waits for an answer to the commission (the answer form), if the demo gave it one
      const waiting = await one(
        `(SELECT id FROM offerings WHERE organisation_id = $1 AND status = 'informatie-gevraagd' LIMIT 1) UNION ALL SELECT $2::uuid LIMIT 1`,
        [ids.provider, own],
      );
      await visit(page, `${base}/${waiting}`);
      await visit(page, `${base}/${own}/uitvoeringen`);
      await submitWithErrors(page, nl('runs.add'));
      const run = await one(`SELECT id FROM offering_runs WHERE offering_id = $1 LIMIT 1`, [own]);
      await visit(page, `${base}/${own}/uitvoeringen/${run}/presentie`);
    });
  });

  it('register staff: providers, the accreditation queue, a new framework version with errors', async () => {
    await withPage('registerbeheer@demo.beroepsregister.nl', async (page) => {
      await visit(page, '/beheer');
      await visit(page, '/beheer/aanbieders');
      await submitWithErrors(page, nl('accreditation.providers.form.save'));
      await visit(page, '/beheer/accreditatie');
      await visit(page, '/beheer/referentiekader');
    });
  });

  it('the Commissie Accreditatie: an offering under review, the valuations queue and one request', async () => {
    await withPage('accreditatie@demo.beroepsregister.nl', async (page) => {
      await visit(page, '/account');
      await visit(page, `/beheer/accreditatie/${ids.pending}`);
      await visit(page, '/beheer/waarderingen');
      await visit(page, `/beheer/waarderingen/${ids.valuation}`);
    });
  });

  it('the Commissie Registratie: a herregistratie and a request for uitstel', async () => {
    // register staff read it before they assign it; the member it is assigned to reads it with the decision form
    await withPage('registerbeheer@demo.beroepsregister.nl', (page) => visit(page, `/beheer/aanvragen/${ids.herregistratie}`));
    await t.database.query(
      `UPDATE registration_applications SET status = 'in-behandeling', assigned_to = (SELECT id FROM accounts WHERE email = 'commissie@demo.beroepsregister.nl') WHERE id = $1`,
      [ids.herregistratie],
    );
    await withPage('commissie@demo.beroepsregister.nl', async (page) => {
      await visit(page, `/beheer/aanvragen/${ids.herregistratie}`);
      expect(await page.getByRole('main').innerText()).toContain('Beoordeling van het dossier');
      // a decision is repeated as it will be recorded and published before it is made
      await page.getByLabel(nl('review.one.reject')).check();
      await page.getByLabel(nl('review.one.reasons')).fill('Het dossier voldoet niet aan de regel.');
      await page.getByRole('button', { name: nl('review.one.send') }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(nl('review.confirm.title'));
      expect(await page.getByRole('main').innerText()).toContain(nl('review.confirm.publicUnchanged'));
      await expectNoAxeViolations(page);
      await visit(page, '/beheer/uitstel');
      await visit(page, `/beheer/uitstel/${ids.postponement}`);
    });
  });

  it('a professional: the dossier with an activity from an offering, re-registration, uitstel, insight for the board', async () => {
    const email = await professionalWith(`EXISTS (SELECT 1 FROM attendances x WHERE x.enrolment_id = e.id)
      AND EXISTS (SELECT 1 FROM registration_applications r WHERE r.enrolment_id = e.id AND r.valid_until IS NOT NULL)`);
    await withPage(email, async (page) => {
      await visit(page, '/mijn-register/dossier');
      await submitWithErrors(page, nl('dossier.form.save'));
      const activity = await one(
        `SELECT x.activity_id AS id FROM attendances x JOIN enrolments e ON e.id = x.enrolment_id JOIN accounts a ON a.id = e.account_id WHERE a.email = $1`,
        [email],
      );
      await visit(page, `/mijn-register/dossier/${activity}`);
      await visit(page, '/mijn-register/herregistratie');
      await visit(page, '/mijn-register/uitstel');
      await visit(page, '/mijn-register/inzage');
    });
  });

  it("the board's HR: the staff list with insight, one person's development, and the refusal without consent", async () => {
    await withPage('hr@demo.beroepsregister.nl', async (page) => {
      const staffList = `/beheer/bestuur/${ids.board}/personeel`;
      await visit(page, staffList);
      await visit(page, `${staffList}/${ids.consentPerson}/professionalisering`);
      const without = await one(
        `SELECT e.person_id AS id FROM employments e WHERE e.board_id = $1
        AND NOT EXISTS (SELECT 1 FROM development_consents c JOIN enrolments n ON n.account_id = c.account_id WHERE n.person_id = e.person_id AND c.revoked_at IS NULL) LIMIT 1`,
        [ids.board],
      );
      await visit(page, `${staffList}/${without}/professionalisering`, 403);
    });
  });
});
