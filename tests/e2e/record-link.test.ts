import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBoardNumber, seedDemo } from '../../src/demo/demo.service.ts';
import { createAccount } from '../support/accounts.ts';
import { expectNoAxeViolations, launchBrowser, withSignedInPage } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { translator } from '../support/texts.ts';

/**
 * Linking in the browser (decision 021), without JavaScript as a board's HR office and a teacher at
 * home would: the board prints an activation letter for someone delivered without an address, the
 * teacher types the code, sees whose data it opens, confirms, and finds the record in Mijn register.
 * Axe on every page, the refusal too.
 */
const nl = translator('nl');
let t: TestApp;
let baseUrl: string;
let browser: Browser;
let boardId: string;
let personId: string;

beforeAll(async () => {
  [t, browser] = await Promise.all([createTestApp({ prepare: (database) => seedDemo(database, () => {}) }), launchBrowser()]);
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  [{ id: boardId }] = await t.database.query<{ id: string }>(`SELECT id FROM boards WHERE number = $1`, [demoBoardNumber]);
  // a demo employee nobody has linked: the board delivered them without an e-mail address
  [{ id: personId }] = await t.database.query<{ id: string }>(
    `SELECT p.id FROM persons p WHERE p.account_id IS NULL AND EXISTS (SELECT 1 FROM employments e WHERE e.person_id = p.id AND e.board_id = $1 AND e.end_date IS NULL)
     ORDER BY lower(p.surname), p.initials, p.id LIMIT 1`,
    [boardId],
  );
  await t.database.query(`UPDATE persons SET email = NULL WHERE id = $1`, [personId]);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const withPage = (accountId: string, run: (page: Page) => Promise<void>) => withSignedInPage(browser, t.database, baseUrl, accountId, run);

describe('an activation letter, from the board to the teacher', () => {
  it('is printed by the board, typed by the teacher, confirmed, and the record is theirs', async () => {
    const [{ id: hr }] = await t.database.query<{ id: string }>(`SELECT id FROM accounts WHERE email = 'hr@demo.beroepsregister.nl'`);
    let code = '';
    await withPage(hr, async (page) => {
      await page.goto(`/beheer/bestuur/${boardId}/personeel`);
      await page.locator(`a[href$="/personeel/${personId}/activeringscode"]`).click();
      await page.waitForURL(`**/${personId}/activeringscode`);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('activation.make') }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(nl('activation.letter.title'));
      await expectNoAxeViolations(page);
      code = (await page.locator('.br-code').textContent()) ?? '';
    });
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const teacher = await createAccount(t.database, { email: 'thuis@voorbeeld.nl', displayName: 'Thuis' });
    await withPage(teacher.id, async (page) => {
      await page.goto('/mijn-register');
      await page.getByRole('link', { name: nl('own.linkWithCodeLink') }).click();
      await page.waitForURL('**/mijn-register/koppelen');
      await expectNoAxeViolations(page);
      // a typing error first: the error summary links to the field
      await page.getByLabel(nl('link.code')).fill('AAAA-BBBB-CCCC');
      await page.getByRole('button', { name: nl('link.next') }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Deze code kennen we niet.');
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('link.code')).fill(code.toLowerCase().replaceAll('-', ' '));
      await page.getByRole('button', { name: nl('link.next') }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(nl('link.confirm.title'));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('link.confirm.button') }).click();
      await page.waitForURL('**/mijn-register?melding=gekoppeld');
      await expect.poll(() => page.getByRole('main').textContent()).toContain(nl('own.notice.linked'));
      await expectNoAxeViolations(page);
    });
  });
});
