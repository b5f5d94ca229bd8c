import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEvents } from '../../src/features/events/index.ts';
import { registerOfficeId } from '../../src/platform/auth/roles.ts';
import { createAccount } from '../support/accounts.ts';
import { expectNoAxeViolations, launchBrowser, takeConsoleErrors, withSignedInPage } from '../support/browser.ts';
import { mailsTo } from '../support/identity.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { translator } from '../support/texts.ts';

/**
 * The diverse groups (decision 029) as register staff use them, without JavaScript: from the events
 * list to the groups of the demo's exploratory conversation (26 registrants), propose groups of ten,
 * move someone and read how the score changed, improve, and mail the groups after checking them. axe
 * on every page.
 */

const nl = translator('nl');
let testApp: TestApp;
let baseUrl: string;
let browser: Browser;
let staffId: string;

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const conversation = 'Verkennend gesprek: het beroepsregister in de praktijk';

beforeAll(async () => {
  [testApp, browser] = await Promise.all([createTestApp({ withDuo: true }), launchBrowser()]);
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  staffId = (
    await createAccount(testApp.database, {
      email: 'registerbeheer@demo.beroepsregister.nl',
      displayName: 'Rachid Registerbeheer',
      roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
    })
  ).id;
  await seedDemoEvents(testApp.database.db);
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

describe('the groups of an exploratory conversation', () => {
  it('register staff propose groups, move someone, see the score change, and mail the groups', async () => {
    await withSignedInPage(browser, testApp.database, baseUrl, staffId, async (page) => {
      await page.goto('/beheer/bijeenkomsten');
      await page.getByRole('link', { name: `${nl('events.admin.groups')} (${conversation})` }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('eventGroups.title', { title: conversation }));
      await expect.poll(() => page.getByRole('main').textContent()).toContain(nl('eventGroups.notMade'));
      await expectNoAxeViolations(page);

      // a size of 0 is refused at its field, linked from the error summary
      await page.getByLabel(nl('eventGroups.propose.size')).fill('0');
      await page.getByRole('button', { name: nl('eventGroups.propose.button') }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain(nl('eventGroups.error.size', { max: 26 }));
      await expectNoAxeViolations(page);

      await page.getByLabel(nl('eventGroups.propose.size')).fill('10');
      await page.getByRole('button', { name: nl('eventGroups.propose.button') }).click();
      await expect.poll(() => page.getByRole('main').textContent()).toContain(nl('eventGroups.notice.proposed'));
      const main = (await page.getByRole('main').textContent()) ?? '';
      expect(main).toMatch(/Score \d+ van ten hoogste \d+/);
      // 26 by 10: 9, 9, 8
      expect([...main.matchAll(/Groep \d \((\d+) personen\)/g)].map((m) => Number(m[1])).sort()).toEqual([8, 9, 9]);
      await expectNoAxeViolations(page);

      // the first person of group 1 to group 2
      const form = page.locator('section[aria-labelledby="groep-1"] form.br-move-form').first();
      await form.locator('select').selectOption('2');
      await form.getByRole('button').click();
      await expect.poll(() => page.getByRole('main').textContent()).toMatch(/Verplaatst naar groep 2\. Score \d+ → \d+ \((\+|−|±)\d+\)\./);
      await expectNoAxeViolations(page);
      // a second one: groups of 9 or 8 are now two apart at least, which the page says
      const again = page.locator('section[aria-labelledby="groep-1"] form.br-move-form').first();
      await again.locator('select').selectOption('2');
      await Promise.all([page.waitForEvent('framenavigated'), again.getByRole('button').click()]);
      await expect.poll(() => page.getByRole('main').textContent()).toContain('De groepen zijn niet even groot');
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: nl('eventGroups.improve.button') }).click();
      await expect.poll(() => page.getByRole('main').textContent()).toMatch(/De indeling is verbeterd|de score blijft/);
      await expectNoAxeViolations(page);

      // mail: check first, then send
      await page.getByRole('link', { name: nl('eventGroups.mail.link') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('eventGroups.mail.title', { title: conversation }));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('eventGroups.mail.button') }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain(nl('eventGroups.mail.error.confirm'));
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('eventGroups.mail.confirm', { count: 26 })).check();
      await page.getByRole('button', { name: nl('eventGroups.mail.button') }).click();
      await expect.poll(() => page.getByRole('main').textContent()).toContain(nl('eventGroups.notice.mailed'));
      await expectNoAxeViolations(page);

      // in English, all the way down
      await page.goto(`${new URL(page.url()).pathname}?lang=en`);
      await expect.poll(() => page.getByRole('main').textContent()).toMatch(/Score \d+ of at most \d+/);
      await expectNoAxeViolations(page);
    });
    const [registrant] = await testApp.database.query<{ email: string }>(
      `SELECT r.email FROM event_group_members m JOIN event_registrations r ON r.id = m.registration_id LIMIT 1`,
    );
    expect((await mailsTo(testApp.database, registrant.email)).some((m) => m.subject.startsWith('Uw groep bij'))).toBe(true);
    expect(takeConsoleErrors()).toEqual([]);
  });
});
