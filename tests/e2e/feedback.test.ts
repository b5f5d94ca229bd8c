import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendInvitations } from '../../src/features/feedback/index.ts';
import { registerOfficeId } from '../../src/platform/auth/roles.ts';
import { createMailer } from '../../src/platform/mail/mailer.ts';
import { createAccount, testPassword } from '../support/accounts.ts';
import { expectNoAxeViolations, launchBrowser, newContext, passSecondFactor, withNewPage } from '../support/browser.ts';
import { mailsTo } from '../support/identity.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { translator } from '../support/texts.ts';

/**
 * Feedback after an event (decision 030) as people use it: the invitation's link opens the form, which
 * refuses a missing rating at its field and is sent without JavaScript; a second try says it was used;
 * register staff add a topic, tag the answer, and read it in the backlog. axe on every page.
 */

const nl = translator('nl');
const en = translator('en');
let testApp: TestApp;
let baseUrl: string;
let browser: Browser;
let eventId: string;

const title = 'Meedenksessie: het registratiescherm';
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

beforeAll(async () => {
  [testApp, browser] = await Promise.all([createTestApp(), launchBrowser()]);
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  await createAccount(testApp.database, {
    email: 'staf@register.nl',
    displayName: 'Sven Staf',
    roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
  });
  const ends = new Date(Date.now() - 3 * 3_600_000);
  [{ id: eventId }] = await testApp.database.query<{ id: string }>(
    `INSERT INTO events (id, kind, title, description, audience, starts_at, ends_at, online, place, capacity, anonymous_feedback, created_by_label)
     VALUES (gen_random_uuid(), 'meedenksessie', $1, '', '{leraar}', $2, $3, false, 'DUO, Groningen', 10, true, 'Test') RETURNING id`,
    [title, new Date(ends.getTime() - 2 * 3_600_000).toISOString(), ends.toISOString()],
  );
  await testApp.database.query(
    `INSERT INTO event_registrations (id, event_id, name, email, role, lang, status, created_at, present_at)
     VALUES (gen_random_uuid(), $1, 'Vera Bezoeker', 'vera@school.nl', 'leraar', 'nl', 'aangemeld', now() - interval '5 days', now())`,
    [eventId],
  );
  await sendInvitations({ db: testApp.database.db, mailer: createMailer({ from: 'test@register.nl' }), baseUrl });
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

async function signIn(page: Page, email: string) {
  await page.goto('/inloggen');
  await page.getByLabel(nl('signIn.email')).fill(email);
  await page.getByLabel(nl('signIn.password')).fill(testPassword);
  await page.getByRole('button', { name: nl('signIn.button') }).click();
  await passSecondFactor(page, email);
  await page.waitForURL((url) => url.pathname !== '/inloggen');
}

async function feedbackLink(): Promise<string> {
  const [mail] = await mailsTo(testApp.database, 'vera@school.nl');
  const match = /https?:\/\/[^/\s]+(\/feedback\S*)/.exec(mail.text);
  if (!match) throw new Error(`no feedback link in: ${mail.text}`);
  return match[1];
}

describe('feedback after an event', () => {
  it('the participant answers through the mailed link, without JavaScript; a missing rating is refused at its field', async () => {
    const context = await newContext(browser, { baseURL: baseUrl, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const link = await feedbackLink();
      await page.goto(link);
      await expect.poll(() => h1(page).textContent()).toBe(nl('feedback.form.title'));
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('feedback.form.valuable')).fill('Dat er naar leraren geluisterd wordt.');
      await page.getByRole('button', { name: nl('feedback.form.send') }).click();
      const summary = page.getByRole('alert').first();
      await expect.poll(() => summary.textContent()).toContain(nl('feedback.form.error.ratingMissing'));
      await expectNoAxeViolations(page);
      expect(await page.getByLabel(nl('feedback.form.valuable')).inputValue()).toBe('Dat er naar leraren geluisterd wordt.');
      await page
        .getByRole('group', { name: nl('feedback.form.rating') })
        .getByLabel(nl('feedback.rating.4'))
        .check();
      await page.getByLabel(nl('feedback.form.improve')).fill('Meer tijd voor vragen.');
      await page.getByRole('button', { name: nl('feedback.form.send') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('feedback.thanks.title'));
      await expectNoAxeViolations(page);
      await page.goto(link);
      await expect.poll(() => h1(page).textContent()).toBe(nl('feedback.answered.title'));
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
    const rows = await testApp.database.query<{ event_registration_id: string | null; rating: number }>(
      'SELECT event_registration_id, rating FROM feedback_answers',
    );
    expect(rows).toEqual([{ event_registration_id: null, rating: 4 }]);
  });

  it('register staff add a topic, tag the answer, and see it counted in the backlog', async () => {
    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'staf@register.nl');
      await page.goto('/beheer');
      await page
        .getByRole('main')
        .getByRole('link', { name: nl('start.feedback.heading'), exact: true })
        .click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('feedback.backlog.title'));
      await expectNoAxeViolations(page);
      await page
        .getByRole('link', { name: nl('feedback.topics.title') })
        .first()
        .click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('feedback.topics.title'));
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('feedback.topics.name'), { exact: true }).fill('Registratiescherm');
      await page.getByRole('button', { name: nl('feedback.topics.addButton') }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain(nl('feedback.notice.topicAdded'));
      await expectNoAxeViolations(page);
      await page.goto(`/beheer/bijeenkomsten/${eventId}`);
      await page.getByRole('link', { name: nl('events.admin.feedbackLink') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('feedback.event.title', { title }));
      expect(await page.getByText(nl('feedback.event.counts', { invited: 1, answered: 1 })).count()).toBe(1);
      await expectNoAxeViolations(page);
      await page.getByLabel('Registratiescherm').check();
      await page.getByRole('button', { name: nl('feedback.answer.save') }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain(nl('feedback.notice.tagged'));
      await expectNoAxeViolations(page);
      await page.goto('/beheer/feedback');
      const table = page.getByRole('table', { name: nl('feedback.backlog.perTopic') });
      await expect.poll(() => table.getByRole('row', { name: /Registratiescherm/ }).textContent()).toMatch(/Registratiescherm.*1.*1/);
      expect(await page.getByText('Meer tijd voor vragen.').count()).toBe(1);
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: 'Registratiescherm', exact: true }).click();
      await expect.poll(() => page.getByRole('heading', { level: 2, name: nl('feedback.backlog.quotesOf', { topic: 'Registratiescherm' }) }).count()).toBe(1);
      await expectNoAxeViolations(page);
      // and in English, all the way down
      await page.goto('/beheer/feedback?lang=en');
      await expect.poll(() => h1(page).textContent()).toBe(en('feedback.backlog.title'));
      await expectNoAxeViolations(page);
      await page.goto('/beheer/feedback/onderwerpen');
      await expect.poll(() => h1(page).textContent()).toBe(en('feedback.topics.title'));
      await expectNoAxeViolations(page);
      await page.goto('/beheer/feedback?lang=nl');
    });
  });
});
