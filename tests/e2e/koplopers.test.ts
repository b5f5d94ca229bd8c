import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBoardNumber, seedDemo } from '../../src/demo/demo.service.ts';
import { sessionCookie, startSession } from '../../src/platform/auth/sessions.ts';
import { expectNoAxeViolations, launchBrowser, newContext } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { translator } from '../support/texts.ts';

/**
 * A koploper from application to step 6 on the demo data, without JavaScript: a school of the demo board
 * applies (refused first at its fields, then checked and sent) and sees its estimate; register staff move it
 * through the steps; step 4 completes by itself (the board's delivery is applied already); step 5 shows the
 * school's real approval figures; staff set the threshold to what the school reached and complete it. Axe on
 * every page.
 */
const nl = translator('nl');
let t: TestApp;
let baseUrl: string;
let browser: Browser;
let school: { id: string; brin: string; name: string };

beforeAll(async () => {
  [t, browser] = await Promise.all([createTestApp({ prepare: (database) => seedDemo(database, () => {}) }), launchBrowser()]);
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  // a school of the demo board with delivered staff that is not a koploper yet
  [school] = await t.database.query<{ id: string; brin: string; name: string }>(
    `SELECT s.id, s.brin, s.name FROM schools s JOIN boards b ON b.id = s.board_id
     WHERE b.number = $1 AND s.closed_at IS NULL AND NOT EXISTS (SELECT 1 FROM koplopers k WHERE k.school_id = s.id)
       AND EXISTS (SELECT 1 FROM employments e WHERE e.school_id = s.id)
     ORDER BY s.brin LIMIT 1`,
    [demoBoardNumber],
  );
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const koploperId = async () => (await t.database.query<{ id: string }>(`SELECT id FROM koplopers WHERE school_id = $1`, [school.id]))[0].id;

async function withPage(email: string | null, run: (page: Page) => Promise<void>) {
  const context = await newContext(browser, { baseURL: baseUrl, javaScriptEnabled: false });
  try {
    if (email) {
      const [{ id }] = await t.database.query<{ id: string }>(`SELECT id FROM accounts WHERE email = $1`, [email]);
      const { token } = await startSession(t.database.db, { accountId: id, method: 'password', secondFactor: true });
      await context.addCookies([{ name: sessionCookie, value: token, url: baseUrl }]);
    }
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

describe('a koploper from application to registration complete', () => {
  it('refuses an empty application with an error summary that links to each field', async () => {
    expect(school, 'the demo board has a school with staff that is not a koploper').toBeDefined();
    await withPage(null, async (page) => {
      await page.goto('/koplopers/aanmelden');
      await expectNoAxeViolations(page);
      // sent empty: the error summary links to each field
      await page.getByRole('button', { name: nl('koplopers.apply.toCheck') }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain(nl('koplopers.error.schoolMissing'));
      await expectNoAxeViolations(page);
    });
  });

  it('applies: the school from the directory, the answers checked, then the estimate', async () => {
    await withPage(null, async (page) => {
      await page.goto('/koplopers/aanmelden');
      // Enter in the search field searches while no school is chosen; Enter anywhere once one is goes on to the check
      await page.getByLabel(nl('koplopers.apply.schoolSearch')).fill(school.brin);
      await page.getByLabel(nl('koplopers.apply.schoolSearch')).press('Enter');
      await page.getByLabel(new RegExp(`${school.brin}`)).check();
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('koplopers.apply.name')).fill('Hanna Hoekstra');
      await page.getByLabel(nl('koplopers.apply.email')).fill('hanna@school.example.nl');
      await page.getByLabel(nl('koplopers.apply.teachers')).fill('27');
      await page.getByLabel(nl('koplopers.method.bestand')).check();
      await page
        .getByRole('group', { name: nl('koplopers.apply.grondslagen') })
        .getByLabel(nl('koplopers.yes'))
        .check();
      await page.getByLabel(/Begeleid goedkeuren/).check();
      await page.getByLabel(nl('koplopers.apply.teachers')).press('Enter');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(nl('koplopers.check.title'));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('koplopers.check.send') }).click();
      await page.waitForURL('**/koplopers/aanmelding/*?melding=verstuurd');
      // version 1: base 4, 27 teachers 3 × 1.5, a file 3, guided approval 3
      await expect.poll(() => page.locator('main').textContent()).toContain('De school is naar schatting ongeveer 14,5 uur kwijt.');
      await expectNoAxeViolations(page);
    });
  });

  it('is moved through the steps by register staff; step 4 completes by itself once the board has delivered', async () => {
    const id = await koploperId();
    await withPage('registerbeheer@demo.beroepsregister.nl', async (page) => {
      await page.goto('/start');
      await page
        .getByRole('link', { name: nl('koplopers.pipeline.title') })
        .first()
        .click();
      await page.waitForURL('**/beheer/koplopers');
      await expectNoAxeViolations(page);
      // on its card: one button on to the next step, named with the school
      await page.getByRole('button', { name: `${nl('koplopers.move.toNext', { step: `2. ${nl('koplopers.step.2')}` })} (${school.name})` }).click();
      await page.waitForURL('**/beheer/koplopers?melding=verplaatst');
      await page.getByRole('link', { name: `${school.name} (${school.brin})` }).click();
      await page.waitForURL(`**/beheer/koplopers/${id}`);
      expect(await page.locator('main').textContent()).toContain('In stap 2: Intakegesprek');
      for (const step of [3, 4]) {
        await page.getByLabel(nl('koplopers.move.label'), { exact: true }).selectOption(String(step));
        await page.getByRole('button', { name: nl('koplopers.move.submit') }).click();
        await page.waitForURL(`**/beheer/koplopers/${id}?melding=verplaatst`);
      }
      // the demo board's delivery is applied already: reading the page completed step 4
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).toContain('In stap 5: Bijeenkomst en goedkeuren');
      expect(main).toContain(nl('koplopers.timeline.system'));
      expect(main, 'the school’s live approval figures').toMatch(/\d+ van \d+ akkoord \(\d+%\)/);
      await expectNoAxeViolations(page);
    });
  });

  it('completes once staff set the threshold to what the school reached', async () => {
    const id = await koploperId();
    await withPage('registerbeheer@demo.beroepsregister.nl', async (page) => {
      await page.goto(`/beheer/koplopers/${id}`);
      const figures = /(\d+) van (\d+) akkoord \((\d+)%\)/.exec((await page.locator('main').textContent()) ?? '');
      expect(figures).not.toBeNull();
      await page.goto('/beheer/koplopers');
      await page.getByLabel(nl('koplopers.threshold.label')).fill(String(Math.max(1, Number(figures![3]))));
      await page.getByRole('button', { name: nl('koplopers.threshold.save') }).click();
      await page.waitForURL('**/beheer/koplopers?melding=drempel');
      await expectNoAxeViolations(page);
      await page.goto(`/beheer/koplopers/${id}`);
      await page.getByLabel(nl('koplopers.move.label'), { exact: true }).selectOption('6');
      await page.getByLabel(nl('koplopers.move.note')).fill('Bijeenkomst gehouden; de rest keurt later goed.');
      await page.getByRole('button', { name: nl('koplopers.move.submit') }).click();
      await page.waitForURL(`**/beheer/koplopers/${id}?melding=verplaatst`);
      await expect.poll(() => page.locator('main').textContent()).toContain('In stap 6: Registratie voltooid');
      await expectNoAxeViolations(page);
    });
  });

  it('has the estimate model, its versions and the suppliers for register staff', async () => {
    await withPage('registerbeheer@demo.beroepsregister.nl', async (page) => {
      for (const path of ['/beheer/koplopers/inschatting', '/beheer/koplopers/inschatting/versies/1', '/beheer/koplopers/leveranciers']) {
        await page.goto(path);
        await expectNoAxeViolations(page);
      }
    });
  });
});
