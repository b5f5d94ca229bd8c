import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOfficeId } from '../../src/platform/auth/roles.ts';
import { currentTotp } from '../../src/platform/auth/totp.ts';
import { translator } from '../support/texts.ts';
import { createAccount, testPassword } from '../support/accounts.ts';
import { expectNoAxeViolations, passSecondFactor, launchBrowser, withNewPage } from '../support/browser.ts';
import { deliveryCsv, type DeliveryRow, deliveringBoard } from '../support/deliveries.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The journey of issue 5 through the pages, axe on each: an HR employee delivers the staff file (errors
 * first, then the corrected file); register staff see it; the professional approves one employment and
 * disputes another; the board answers; the professional enrols and applies; a commission member
 * registers them; the public register finds exactly the public fields; register staff strike the
 * enrolment off, and the professional reads why.
 */

const nl = translator('nl');
let testApp: TestApp;
let baseUrl: string;
let browser: Browser;
let board: { id: string; number: string };
let school: { brin: string; location: string };
let staffTotpSecret: string;

const row = (n: number, changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `E${n}`,
  bsn: '',
  voorletters: 'D.',
  achternaam: `Visser${n}`,
  geboortedatum: '1979-09-09',
  email: `visser${n}@school.nl`,
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2010-08-01',
  ...changes,
});

beforeAll(async () => {
  [testApp, browser] = await Promise.all([createTestApp({ withDuo: true }), launchBrowser()]);
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  ({ board, school } = await deliveringBoard(testApp.database));
  await createAccount(testApp.database, {
    email: 'hr@bestuur.nl',
    displayName: 'Hanna HR',
    roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: board.id } }],
  });
  await createAccount(testApp.database, { email: 'visser2@school.nl', displayName: 'Daan Visser' });
  await createAccount(testApp.database, {
    email: 'staf@register.nl',
    displayName: 'Sven Staf',
    roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
  });
  await createAccount(testApp.database, {
    email: 'commissie@register.nl',
    displayName: 'Carla Commissie',
    roles: [{ role: 'registration-committee', organisation: { kind: 'register', id: registerOfficeId } }],
  });
});

afterAll(async () => {
  await browser?.close();
  await testApp?.close();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Signs in through the page with the test password, optionally on the way to `back`. */
async function signIn(page: Page, email: string, back?: string) {
  await page.goto(back ? `/inloggen?terug=${back}` : '/inloggen');
  await page.getByLabel(nl('signIn.email')).fill(email);
  await page.getByLabel(nl('signIn.password')).fill(testPassword);
  await page.getByRole('button', { name: nl('signIn.button') }).click();
}

async function chooseFile(page: Page, name: string, content: Buffer) {
  await page.getByLabel(nl('deliveries.file'), { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: content });
}

describe('delivering staff data through the pages', () => {
  it('an HR employee uploads a file with errors, reads the report, fixes the file and applies it', async () => {
    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'hr@bestuur.nl');
      // a board's HR delivers files with BSNs: two-step sign-in
      await passSecondFactor(page, 'hr@bestuur.nl');
      await page.waitForURL('**/start');
      await page.getByRole('link', { name: nl('deliveries.link') }).click();
      await expect.poll(() => h1(page).textContent()).toContain('Aanleveringen van');
      await expectNoAxeViolations(page);

      // nothing chosen: the error summary links to the file field
      await page.getByRole('button', { name: nl('deliveries.check') }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain(nl('deliveries.error.file'));
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: nl('deliveries.error.file') }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('bestand');

      // a file with two bad rows
      await page.getByLabel(nl('deliveries.mode.volledig')).check();
      await chooseFile(page, 'personeel-oktober.csv', deliveryCsv([row(1), row(2, { bsn: '123456789' }), row(3, { functie: 'JUF' })]));
      await page.getByRole('button', { name: nl('deliveries.check') }).click();
      await expect.poll(() => h1(page).textContent()).toContain('Aanlevering van');
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('2 rijen hebben fouten');
      const problems = page.getByRole('table', { name: nl('delivery.problems') });
      await expect.poll(() => problems.textContent()).toContain('Het BSN klopt niet: het voldoet niet aan de elfproef.');
      await expect.poll(() => problems.textContent()).toContain('"JUF" is geen functie uit de lijst');
      expect(await page.getByRole('button', { name: nl('delivery.apply') }).count()).toBe(0);
      await expectNoAxeViolations(page);
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: nl('delivery.download') }).click();
      expect((await download).suggestedFilename()).toMatch(/^terugmelding-\d{4}-\d{2}-\d{2}\.csv$/);

      // the corrected file: checked, applied, what changed is shown
      await page.getByRole('link', { name: nl('delivery.back') }).click();
      await chooseFile(
        page,
        'personeel-oktober-verbeterd.csv',
        deliveryCsv([
          row(1),
          row(2),
          row(2, { functie: 'INTERN_BEGELEIDER', benoemingsgrondslag: '' }),
          row(3, { functie: 'INTERN_BEGELEIDER', benoemingsgrondslag: '' }),
        ]),
      );
      await page.getByRole('button', { name: nl('deliveries.check') }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: nl('delivery.valid') })
            .count(),
        )
        .toBe(1);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('delivery.apply') }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: nl('delivery.applied') })
            .count(),
        )
        .toBe(1);
      await expect.poll(() => page.locator('main').textContent()).toMatch(/Nieuwe dienstverbanden\s*4/);
      await expectNoAxeViolations(page);

      // the history shows both deliveries, the newest first
      await page.getByRole('link', { name: nl('delivery.back') }).click();
      const history = page.getByRole('table', { name: nl('deliveries.history') });
      await expect
        .poll(async () => (await history.getByRole('row').allInnerTexts()).slice(1).map((r) => r.replace(/\s+/g, ' ').trim()))
        .toEqual([
          expect.stringMatching(/personeel-oktober-verbeterd\.csv volledig Hanna HR Verwerkt 4 0$/),
          expect.stringMatching(/personeel-oktober\.csv volledig Hanna HR Gecontroleerd 3 2$/),
        ]);
    });
  });

  it('register staff see the deliveries per board and decide a possible duplicate', async () => {
    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'staf@register.nl');
      await page.waitForURL('**/account/tweestapsverificatie**');
      staffTotpSecret = (await page.locator('.br-secret').textContent())!.replace(/\s/g, '');
      await page.getByLabel(nl('secondFactor.code'), { exact: true }).fill(currentTotp(staffTotpSecret));
      await page.getByLabel(nl('secondFactor.code'), { exact: true }).press('Enter');
      await page.waitForURL('**/start');
      await page.goto('/beheer');
      await page.getByRole('link', { name: nl('office.deliveries.title') }).click();
      await expect.poll(() => page.getByRole('table').textContent()).toContain('32073');
      await expectNoAxeViolations(page);

      // a second Visser1 with the same birth date, delivered under another number: a task, not a merge
      await testApp.database.query(`INSERT INTO persons (id, initials, surname, birth_date) VALUES (gen_random_uuid(), 'D.', 'Visser1', '1979-09-09')`);
      const [[fresh], [known]] = await Promise.all([
        testApp.database.query<{ id: string }>("SELECT id FROM persons WHERE surname = 'Visser1' ORDER BY created_at DESC LIMIT 1"),
        testApp.database.query<{ id: string }>("SELECT id FROM persons WHERE surname = 'Visser1' ORDER BY created_at LIMIT 1"),
      ]);
      await testApp.database.query(
        `INSERT INTO duplicate_candidates (id, person_id, candidate_id, reason) VALUES (gen_random_uuid(), $1, $2, 'naam-geboortedatum')`,
        [fresh.id, known.id],
      );
      await page.goto('/beheer');
      await page.getByRole('link', { name: nl('office.duplicates.title') }).click();
      await expect.poll(() => page.locator('main').textContent()).toContain('Zelfde achternaam en geboortedatum');
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: nl('office.duplicates.same') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('office.duplicates.confirmTitle'));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('office.duplicates.confirmButton') }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: nl('office.duplicates.merged') })
            .count(),
        )
        .toBe(1);
      await expect.poll(() => page.locator('main').textContent()).toContain(nl('office.duplicates.none'));

      // the registers' rules: a change is a new version, its errors at the fields
      await page.goto('/beheer');
      await page.getByRole('link', { name: nl('registers.title') }).click();
      await page.getByRole('link', { name: 'Schoolleidersregister PO' }).click();
      await expect.poll(() => h1(page).textContent()).toBe('Schoolleidersregister PO');
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('registers.form.cycle')).fill('0');
      await page.getByRole('button', { name: nl('registers.form.save') }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('De cyclus is een heel aantal jaren');
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('registers.form.cycle')).fill('5');
      await page.getByLabel(nl('registers.form.note')).fill('Tarief per 2027');
      await page.getByLabel(nl('registers.form.fee')).fill('45,50');
      await page.getByRole('button', { name: nl('registers.form.save') }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: nl('registers.saved', { version: 2 }) })
            .count(),
        )
        .toBe(1);
      await expectNoAxeViolations(page);
    });
  });

  it('the professional follows the invitation to Mijn register, approves one employment and disputes the other', async () => {
    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'visser2@school.nl', '/mijn-register');
      await page.waitForURL('**/mijn-register');
      const main = page.locator('main');
      await expect.poll(() => main.textContent()).toContain('Intern begeleider');
      await expect.poll(() => page.locator('main').textContent()).toContain(nl('own.toCheck', { count: '2' }));
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: /^Klopt\W+Leraar/ }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: nl('own.notice.approved') })
            .count(),
        )
        .toBe(1);
      await expect.poll(() => page.locator('main').textContent()).toContain(nl('own.toCheck', { count: '1' }));

      await page.getByRole('link', { name: /^Klopt niet\W+Intern begeleider/ }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('own.dispute.title'));
      await page.getByRole('button', { name: nl('own.dispute.send') }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Schrijf wat er niet klopt.');
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: 'Schrijf wat er niet klopt.' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('toelichting');
      await page.getByLabel(nl('employment.field.functie'), { exact: true }).check();
      await page.getByLabel(nl('own.dispute.comment')).fill('Ik ben geen intern begeleider, alleen leraar.');
      await page.getByRole('button', { name: nl('own.dispute.send') }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: nl('own.notice.disputed') })
            .count(),
        )
        .toBe(1);
      await expect.poll(() => main.textContent()).toContain(nl('employment.status.betwist'));
      await expectNoAxeViolations(page);

      // a diploma with its proof: a renamed program is refused at the field, a PDF is kept
      await page.getByRole('link', { name: nl('evidence.link') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('evidence.title'));
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('evidence.form.title'), { exact: true }).fill('Pabo');
      await page.getByLabel(nl('evidence.form.issuer')).fill('Hogeschool Windesheim');
      await page.getByLabel(nl('evidence.form.date')).fill('2009-06-30');
      await page
        .getByLabel(nl('evidence.form.file'), { exact: true })
        .setInputFiles({ name: 'diploma.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 geen pdf') });
      await page.getByRole('button', { name: nl('evidence.form.save') }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Dit bestand is geen PDF, JPG of PNG.');
      await expectNoAxeViolations(page);
      await page
        .getByLabel(nl('evidence.form.file'), { exact: true })
        .setInputFiles({ name: 'diploma.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
      await page.getByRole('button', { name: nl('evidence.form.save') }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: nl('evidence.added') })
            .count(),
        )
        .toBe(1);
      await expect.poll(() => page.getByRole('table', { name: nl('evidence.caption') }).textContent()).toContain('Hogeschool Windesheim');
      await expectNoAxeViolations(page);
    });
  });

  it("the board's HR employee sees the dispute and answers it", async () => {
    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'hr@bestuur.nl');
      // a board's HR delivers files with BSNs: two-step sign-in
      await passSecondFactor(page, 'hr@bestuur.nl');
      await page.waitForURL('**/start');
      await page.getByRole('link', { name: nl('disputes.link') }).click();
      const list = page.getByRole('table', { name: nl('disputes.captionOpen') });
      await expect.poll(() => list.textContent()).toContain('Ik ben geen intern begeleider, alleen leraar.');
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: /^Beantwoorden\W+D\. Visser2/ }).click();
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('disputes.one.answer')).fill('Klopt, we leveren een correctie aan.');
      await page.getByRole('button', { name: nl('disputes.one.send') }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: nl('disputes.notice.answered') })
            .count(),
        )
        .toBe(1);
      await expect.poll(() => page.locator('main').textContent()).toContain(nl('disputes.noneOpen'));
      await expectNoAxeViolations(page);

      // the staff list: who still has to check, who is not enrolled; as CSV too
      await page.goto('/beheer');
      await page.getByRole('link', { name: nl('staff.link') }).click();
      const staff = page.getByRole('table', { name: nl('staff.caption') });
      await expect.poll(() => staff.textContent()).toContain('D. Visser2');
      await expect.poll(() => staff.textContent()).toContain(nl('staff.notEnrolled'));
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: nl('staff.showAttention') }).click();
      await expect.poll(() => page.getByRole('table', { name: nl('staff.captionAttention') }).textContent()).toContain('D. Visser2');
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: nl('staff.download') }).click();
      expect((await download).suggestedFilename()).toMatch(/^personeel-32073-\d{4}-\d{2}-\d{2}\.csv$/);
    });
  });

  it('the professional enrols and applies for registration with the diploma', async () => {
    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'visser2@school.nl', '/mijn-register');
      await page.waitForURL('**/mijn-register');
      await page.getByRole('button', { name: nl('own.enrolment.button') }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: nl('own.notice.enrolled') })
            .count(),
        )
        .toBe(1);
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: nl('registration.link') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('registration.title'));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('registration.form.send') }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Kies een register.');
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('registration.form.level')).selectOption('lerarenregister::Registerleraar|geregistreerd');
      await page.getByLabel(/^Pabo/).check();
      await page.getByLabel(nl('registration.form.motivation')).fill('Bevoegd leraar sinds 2010, pabodiploma bijgevoegd.');
      await page.getByRole('button', { name: nl('registration.form.send') }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: nl('registration.notice.applied') })
            .count(),
        )
        .toBe(1);
      await expectNoAxeViolations(page);

      // the dossier: an activity, first without hours
      await page.goto('/mijn-register');
      await page.getByRole('link', { name: nl('dossier.link') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('dossier.title'));
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('dossier.form.kind')).selectOption('cursus');
      await page.getByLabel(nl('dossier.form.title')).fill('Rekenen in groep 5');
      await page.getByLabel(nl('dossier.form.started')).fill('02-02-2026');
      await page.getByLabel(nl('dossier.form.completed')).fill('14-03-2026');
      await page.getByLabel('Omgaan met verschillen').check();
      await page.getByRole('button', { name: nl('dossier.form.save') }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Geef het aantal uren');
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('dossier.form.hours')).fill('12,5');
      await page.getByRole('button', { name: nl('dossier.form.save') }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: nl('dossier.notice.added') })
            .count(),
        )
        .toBe(1);
      const row = (
        await page
          .getByRole('table', { name: nl('dossier.caption') })
          .getByRole('row')
          .nth(1)
          .innerText()
      ).replace(/\s+/g, ' ');
      expect(row).toBe('Rekenen in groep 5 cursus 14 maart 2026 12,5 — Omgaan met verschillen');
      await page.getByRole('link', { name: 'Rekenen in groep 5' }).click();
      await expectNoAxeViolations(page);
    });
  });

  it('a member of the Commissie Registratie registers the professional; the public register finds exactly the public fields', async () => {
    // register staff assign the application (their pages are tested above and in the database tests)
    const [application] = await testApp.database.query<{ id: string }>(`SELECT id FROM registration_applications`);
    const [staff] = await testApp.database.query<{ id: string; membership: string }>(
      `SELECT a.id, m.id AS membership FROM accounts a JOIN memberships m ON m.account_id = a.id WHERE a.email = 'staf@register.nl'`,
    );
    const [member] = await testApp.database.query<{ id: string }>(`SELECT id FROM accounts WHERE email = 'commissie@register.nl'`);
    const { assignApplication } = await import('../../src/features/register/index.ts');
    await assignApplication(
      { db: testApp.database.db, mailer: { queue: async () => '', deliver: async () => {} } as never, baseUrl },
      {
        actor: {
          type: 'account',
          accountId: staff.id,
          sessionId: 'e2e',
          email: 'staf@register.nl',
          displayName: 'Sven Staf',
          secondFactorDone: true,
          memberships: [{ id: staff.membership, role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
        },
      },
      application.id,
      member.id,
    );

    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'commissie@register.nl');
      await page.waitForURL('**/account/tweestapsverificatie**');
      const secret = (await page.locator('.br-secret').textContent())!.replace(/\s/g, '');
      await page.getByLabel(nl('secondFactor.code'), { exact: true }).fill(currentTotp(secret));
      await page.getByLabel(nl('secondFactor.code'), { exact: true }).press('Enter');
      await page.waitForURL('**/start');
      await page.getByRole('link', { name: nl('review.link') }).click();
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: /D\. Visser2/ }).click();
      await expect.poll(() => h1(page).textContent()).toContain('D. Visser2');
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('review.one.register', { years: 4 })).check();
      await page.getByLabel(nl('review.one.reasons')).fill('Bevoegd leraar; diploma aangetoond.');
      await page.getByRole('button', { name: nl('review.one.send') }).click();
      // repeated as it will be recorded and published, then confirmed
      await expect.poll(() => h1(page).textContent()).toBe(nl('review.confirm.title'));
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: nl('review.confirm.button') }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: nl('review.notice.decided') })
            .count(),
        )
        .toBe(1);
      await expectNoAxeViolations(page);

      // anyone: the public register, by name
      await page.goto('/register');
      await page.getByLabel(nl('register.name')).fill('visser2');
      await page.getByRole('button', { name: nl('register.search') }).click();
      const results = page.getByRole('table', { name: nl('register.caption') });
      await expect
        .poll(async () => (await results.getByRole('columnheader').allInnerTexts()).map((h) => h.trim()))
        .toEqual([nl('register.col.name'), nl('register.col.number'), nl('register.col.status'), nl('register.col.registration'), nl('register.col.schools')]);
      const row = (await results.getByRole('row').nth(1).innerText()).replace(/\s+/g, ' ');
      expect(row).toMatch(/^D\. Visser2 \d{9} Geregistreerd Lerarenregister: Registerleraar geregistreerd, tot en met \d{1,2} \p{L}+ \d{4} /u);
      const main = await page.getByRole('main').innerText();
      for (const hidden of ['1979-09-09', '9 september 1979', 'visser2@school.nl', 'E2']) expect(main).not.toContain(hidden);
      await expectNoAxeViolations(page);
    });
  });

  it('register staff strike the enrolment off, only once they confirmed; the public register shows it as doorgehaald', async () => {
    await withNewPage(browser, baseUrl, async (page) => {
      // the second sign-in of the day: the code from the app set up in the first
      await signIn(page, 'staf@register.nl', '/beheer');
      await page.waitForURL('**/inloggen/tweede-stap**');
      await page.getByLabel(nl('secondFactor.code'), { exact: true }).fill(currentTotp(staffTotpSecret));
      await page.getByLabel(nl('secondFactor.code'), { exact: true }).press('Enter');
      await page.waitForURL('**/beheer');
      await page.getByRole('link', { name: nl('enrolments.link') }).click();
      await expect.poll(() => h1(page).textContent()).toBe(nl('enrolments.title'));
      await expectNoAxeViolations(page);
      await page.getByLabel(nl('enrolments.search')).fill('Visser2');
      await page.getByRole('button', { name: nl('enrolments.searchButton') }).click();
      await page.getByRole('link', { name: 'D. Visser2' }).click();
      await expect.poll(() => h1(page).textContent()).toContain('D. Visser2');
      await expectNoAxeViolations(page);

      // without the confirmation nothing happens: the error summary links to the checkbox
      await page.getByLabel(nl('enrolments.strikeOff.reason')).fill('Besluit van de Commissie Registratie.');
      await page.getByRole('button', { name: nl('enrolments.strikeOff.button') }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Bevestig dat u deze inschrijving wilt doorhalen.');
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: 'Bevestig dat u deze inschrijving wilt doorhalen.' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('bevestigd');
      await page.getByLabel(nl('enrolments.strikeOff.confirm')).check();
      await page.getByRole('button', { name: nl('enrolments.strikeOff.button') }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: nl('enrolments.notice.struckOff') })
            .count(),
        )
        .toBe(1);
      await expectNoAxeViolations(page);

      await page.goto('/register?naam=visser2');
      const row = (
        await page
          .getByRole('table', { name: nl('register.caption') })
          .getByRole('row')
          .nth(1)
          .innerText()
      ).replace(/\s+/g, ' ');
      expect(row).toMatch(/^D\. Visser2 \d{9} Doorgehaald — /);
    });
    // the professional reads why, and can no longer apply
    await withNewPage(browser, baseUrl, async (page) => {
      await signIn(page, 'visser2@school.nl', '/mijn-register/registratie');
      await page.waitForURL('**/mijn-register/registratie');
      await expect.poll(() => page.getByRole('main').innerText()).toContain('Reden: Besluit van de Commissie Registratie.');
      expect(await page.getByRole('button', { name: nl('registration.form.send') }).count()).toBe(0);
      await expectNoAxeViolations(page);
    });
  });
});
