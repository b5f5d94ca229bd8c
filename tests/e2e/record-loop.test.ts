import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, testPassword } from '../support/accounts.ts';
import { expectNoAxeViolations, launchBrowser, newContext, passSecondFactor } from '../support/browser.ts';
import { deliveryCsv, deliveringBoard, type DeliveryRow } from '../support/deliveries.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { translator } from '../support/texts.ts';

/**
 * The record loop of issue 19, end to end in the browser, without JavaScript, axe on every page: a board
 * delivers a file; the invitation mail's personal link brings the teacher to the register, where she
 * makes an account, confirms her address and links the delivered data; she checks her answers, reports
 * one field of her employment wrong ("Klopt niet": begindatum, with a proof); the board's staff get the
 * mail at once, open the dispute, correct the start date on the entry screen and send it; she gets the
 * correction mail, and approves the employment and her person data. Each mail is asserted in the outbox.
 */

const nl = translator('nl');
let testApp: TestApp;
let baseUrl: string;
let browser: Browser;
let board: { id: string; number: string };
let school: { brin: string; location: string };
let hrContext: BrowserContext;
let teacherContext: BrowserContext;
let hr: Page;
let teacher: Page;

const teacherAddress = 'tess.thuis@voorbeeld.nl';
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);

const row = (changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: 'T1',
  voorletters: 'T.',
  voornamen: 'Tess',
  achternaam: 'Toets',
  geboortedatum: '1990-03-17',
  email: 'tess.toets@school.nl',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2019-08-01',
  werktijdfactor: '0,8',
  ...changes,
});

type Mail = { to_address: string; subject: string; text: string };
const mailsOf = (template: string, to: string) =>
  testApp.database.query<Mail>(`SELECT to_address, subject, text FROM mail_outbox WHERE template = $1 AND to_address = $2 ORDER BY created_at`, [template, to]);
/** The one mail of this template to this address (work after a response runs right after it: wait for it). */
async function mailTo(template: string, to: string): Promise<Mail> {
  await expect.poll(async () => (await mailsOf(template, to)).length, { timeout: 10_000 }).toBe(1);
  return (await mailsOf(template, to))[0];
}
/** A link in a mail, as a path on this server (mails name the configured address). */
const pathIn = (text: string, path: RegExp) => {
  const match = new RegExp(`https?://[^/\\s]+(${path.source})`).exec(text);
  expect(match, text).not.toBeNull();
  return match?.[1] ?? '';
};

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const main = (page: Page) => page.locator('main');
const noticeShown = (page: Page, text: string) => expect.poll(() => page.getByRole('status').filter({ hasText: text }).count()).toBe(1);

beforeAll(async () => {
  [testApp, browser] = await Promise.all([createTestApp({ withDuo: true }), launchBrowser()]);
  baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  ({ board, school } = await deliveringBoard(testApp.database));
  await createAccount(testApp.database, {
    email: 'hr@lus.nl',
    displayName: 'Hanna HR',
    roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: board.id } }],
  });
  // the board's admin chose to hear of each dispute at once (record-notices.pages.db.test.ts sets it through the page)
  await testApp.database.query(`INSERT INTO board_settings (board_id, dispute_mail) VALUES ($1, 'direct')`, [board.id]);
  hrContext = await newContext(browser, { baseURL: baseUrl, javaScriptEnabled: false, acceptDownloads: true });
  teacherContext = await newContext(browser, { baseURL: baseUrl, javaScriptEnabled: false });
  [hr, teacher] = await Promise.all([hrContext.newPage(), teacherContext.newPage()]);
});

afterAll(async () => {
  await hrContext?.close();
  await teacherContext?.close();
  await browser?.close();
  await testApp?.close();
});

describe('the record loop, without JavaScript', () => {
  it('the board delivers its staff file; the teacher is invited with a personal link', async () => {
    await hr.goto('/inloggen');
    await hr.getByLabel(nl('signIn.email')).fill('hr@lus.nl');
    await hr.getByLabel(nl('signIn.password')).fill(testPassword);
    await hr.getByRole('button', { name: nl('signIn.button') }).click();
    await passSecondFactor(hr, 'hr@lus.nl');
    await hr.waitForURL('**/start');
    await hr.getByRole('link', { name: nl('deliveries.link') }).click();
    await hr.getByLabel(nl('deliveries.mode.volledig')).check();
    await hr.getByLabel(nl('deliveries.file'), { exact: true }).setInputFiles({
      name: 'personeel.csv',
      mimeType: 'text/csv',
      buffer: deliveryCsv([row(), row({ personeelsnummer: 'T2', voorletters: 'A.', voornamen: '', achternaam: 'Ander', email: 'a.ander@school.nl' })]),
    });
    await hr.getByRole('button', { name: nl('deliveries.check') }).click();
    await noticeShown(hr, nl('delivery.valid'));
    await expectNoAxeViolations(hr);
    await hr.getByRole('button', { name: nl('delivery.apply') }).click();
    await noticeShown(hr, nl('delivery.applied'));
    await expectNoAxeViolations(hr);

    const invitation = await mailTo('person-invitation', 'tess.toets@school.nl');
    expect(invitation.subject).toBe('Controleer uw gegevens in het Beroepsregister Onderwijs');
    expect(invitation.text).toContain('Stichting Christelijke Kindcentra Drenthe heeft uw gegevens als medewerker aangeleverd');
    expect(pathIn(invitation.text, /\/mijn-register\/koppelen\?code=[\w-]+/)).toMatch(/^\/mijn-register\/koppelen\?code=/);
  });

  it('the invitation link: she makes an account with her own address, confirms it, signs in and links the delivered data', async () => {
    const link = pathIn((await mailTo('person-invitation', 'tess.toets@school.nl')).text, /\/mijn-register\/koppelen\?code=[\w-]+/);
    await teacher.goto(link);
    await teacher.waitForURL('**/inloggen?**');
    await expectNoAxeViolations(teacher);
    await teacher.getByRole('link', { name: nl('signIn.register') }).click();
    await expect.poll(() => h1(teacher).textContent()).toBe(nl('signUp.title'));
    await teacher.getByLabel(nl('signUp.name')).fill('Tess Toets');
    await teacher.getByLabel(nl('signIn.email')).fill(teacherAddress);
    await teacher.getByLabel(nl('signIn.password')).fill('toetsen is een vak apart');
    await teacher.getByRole('button', { name: nl('signUp.button') }).click();
    await expect.poll(() => main(teacher).textContent()).toContain(nl('signUp.done', { email: teacherAddress }));
    await expectNoAxeViolations(teacher);

    const verify = await mailTo('verify-email', teacherAddress);
    await teacher.goto(pathIn(verify.text, /\/account\/bevestigen\?token=[\w-]+/));
    await expectNoAxeViolations(teacher);
    await teacher.getByRole('button', { name: nl('verify.button') }).click();
    await expect.poll(() => main(teacher).textContent()).toContain(nl('verify.done'));

    // signing in from the invitation link brings her back to it
    await teacher.goto(link);
    await teacher.waitForURL('**/inloggen?**');
    await teacher.getByLabel(nl('signIn.email')).fill(teacherAddress);
    await teacher.getByLabel(nl('signIn.password')).fill('toetsen is een vak apart');
    await teacher.getByRole('button', { name: nl('signIn.button') }).click();
    await expect.poll(() => h1(teacher).textContent()).toBe(nl('link.confirm.title'));
    await expect.poll(() => main(teacher).textContent()).toContain('T. Toets');
    await expectNoAxeViolations(teacher);
    await teacher.getByRole('button', { name: nl('link.confirm.button') }).click();
    await teacher.waitForURL('**/mijn-register?melding=gekoppeld');
    await noticeShown(teacher, nl('own.notice.linked'));
  });

  it('she checks her answers: the person data and the employment in words, each with its own check', async () => {
    const text = (await main(teacher).textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(text).toMatch(/Voorletters\s*T\.\s*Voornamen\s*Tess\s*Tussenvoegsel\s*niet aangeleverd\s*Achternaam\s*Toets\s*Geboortedatum\s*17 maart 1990/);
    expect(text).toMatch(/Controle\s*Nog niet gecontroleerd/);
    expect(text).toMatch(/Functie\s*Leraar\s*Benoemingsgrondslag\s*Bevoegd/);
    expect(text).toMatch(/Begindatum\s*1 augustus 2019\s*Einddatum\s*geen: het dienstverband loopt\s*Werktijdfactor\s*0,8/);
    expect(text).not.toContain('Ander');
    await expectNoAxeViolations(teacher);
  });

  it('"Klopt niet" on the employment: no field chosen is refused at the field; then the start date, with a proof', async () => {
    await teacher.getByRole('link', { name: /^Klopt niet\W+Leraar/ }).click();
    await expect.poll(() => h1(teacher).textContent()).toBe(nl('own.dispute.title'));
    await expectNoAxeViolations(teacher);
    await teacher.getByRole('button', { name: nl('own.dispute.send') }).click();
    const noField = 'Kies wat er niet klopt aan dit dienstverband: ten minste één gegeven.';
    await expect.poll(() => teacher.getByRole('alert').first().textContent()).toContain(noField);
    await expectNoAxeViolations(teacher);
    await teacher.getByRole('link', { name: noField }).click();
    expect(new URL(teacher.url()).hash).toBe('#velden');

    await teacher.getByLabel(nl('employment.field.begindatum'), { exact: true }).check();
    await teacher.getByLabel(nl('own.dispute.comment')).fill('Ik ben op 1 augustus 2018 begonnen, zie mijn arbeidsovereenkomst.');
    await teacher.getByLabel(nl('own.dispute.proof')).setInputFiles({ name: 'arbeidsovereenkomst.pdf', mimeType: 'application/pdf', buffer: pdf });
    await teacher.getByRole('button', { name: nl('own.dispute.send') }).click();
    await noticeShown(teacher, nl('own.notice.disputed'));
    await expect.poll(() => main(teacher).textContent()).toContain('Klopt niet: Begindatum');
    await expectNoAxeViolations(teacher);

    // the board asked for each dispute at once: its staff have the mail, naming the field
    const filed = await mailTo('dispute-filed', 'hr@lus.nl');
    expect(filed.subject).toMatch(/^Betwisting van T\. Toets: Leraar · /);
    expect(filed.text).toContain('Wat klopt niet: Begindatum\n\nIk ben op 1 augustus 2018 begonnen, zie mijn arbeidsovereenkomst.');
  });

  it("the board's staff open the dispute and its proof, and correct the start date on the entry screen", async () => {
    const filed = await mailTo('dispute-filed', 'hr@lus.nl');
    await hr.goto(pathIn(filed.text, /\/beheer\/bestuur\/[\w-]+\/betwistingen\/[\w-]+/));
    await expect.poll(() => h1(hr).textContent()).toBe(nl('disputes.one.title', { person: 'T. Toets' }));
    const text = (await main(hr).textContent())?.replace(/\s+/g, ' ') ?? '';
    expect(text).toMatch(/Klopt niet\s*Begindatum/);
    await expectNoAxeViolations(hr);
    const download = hr.waitForEvent('download');
    await hr.getByRole('link', { name: /arbeidsovereenkomst\.pdf openen/ }).click();
    expect((await download).suggestedFilename()).toBe('arbeidsovereenkomst.pdf');

    await hr.getByRole('link', { name: /^Corrigeren\W+T\. Toets/ }).click();
    await expect.poll(() => h1(hr).textContent()).toBe(nl('entry.title.WIJZIGING', { name: 'T. Toets' }));
    const start = hr.getByLabel(nl('entry.begindatum'), { exact: true });
    expect(await start.inputValue()).toBe('01-08-2019');
    await expectNoAxeViolations(hr);
    await start.fill('01-08-2018');
    await hr.getByRole('button', { name: nl('entry.continue') }).click();
    await expect.poll(() => h1(hr).textContent()).toBe(nl('entry.check.title'));
    await expect.poll(() => main(hr).textContent()).toContain('1 augustus 2018');
    await expectNoAxeViolations(hr);
    await hr.getByRole('button', { name: nl('entry.send') }).click();
    await expect.poll(() => h1(hr).textContent()).toBe(nl('entry.result.title.verwerkt'));
    await expect.poll(() => main(hr).textContent()).toMatch(/Gewijzigde dienstverbanden\s*1/);
    await expectNoAxeViolations(hr);

    // the dispute is closed by the correction
    await hr.goto(`/beheer/bestuur/${board.id}/betwistingen`);
    await expect.poll(() => main(hr).textContent()).toContain(nl('disputes.noneOpen'));
  });

  it('she gets the correction mail instead of an invitation, and approves the employment and her person data', async () => {
    const corrected = await mailTo('dispute-corrected', teacherAddress);
    expect(corrected.subject).toBe('Uw werkgever heeft uw gegevens gecorrigeerd');
    expect(corrected.text).toMatch(/U gaf aan dat aangeleverde gegevens niet klopten \(Leraar · .*\)\. Stichting Christelijke Kindcentra Drenthe heeft ze/);
    // one mail about the correcting delivery, not a second invitation
    expect(await mailsOf('person-invitation', 'tess.toets@school.nl')).toHaveLength(1);
    expect(await mailsOf('person-invitation', teacherAddress)).toHaveLength(0);

    await teacher.goto(pathIn(corrected.text, /\/mijn-register/));
    await expect.poll(() => main(teacher).textContent()).toMatch(/Begindatum\s*1 augustus 2018/);
    await expectNoAxeViolations(teacher);
    await teacher.getByRole('button', { name: /^Klopt\W+Leraar/ }).click();
    await noticeShown(teacher, nl('own.notice.approved'));
    await expect.poll(() => main(teacher).textContent()).toContain(nl('own.allChecked'));

    // the person data's own "Klopt niet" form, looked at and left
    await teacher.getByRole('link', { name: /^Klopt niet\W+Uw gegevens zoals aangeleverd/ }).click();
    await expect.poll(() => h1(teacher).textContent()).toBe(nl('own.dispute.personTitle'));
    await expectNoAxeViolations(teacher);
    await teacher.getByRole('link', { name: nl('common.cancel') }).click();

    await teacher.getByRole('button', { name: /^Mijn gegevens kloppen/ }).click();
    await noticeShown(teacher, nl('own.notice.personApproved'));
    await expect.poll(() => main(teacher).textContent()).toMatch(/Controle\s*Gecontroleerd op \d{1,2} \w+ \d{4}/);
    await expectNoAxeViolations(teacher);
    const [person] = await testApp.database.query<{ approved: boolean; status: string }>(
      `SELECT p.data_approved_at IS NOT NULL AS approved, e.approval_status AS status FROM persons p JOIN employments e ON e.person_id = p.id WHERE p.surname = 'Toets'`,
    );
    expect(person).toEqual({ approved: true, status: 'geaccordeerd' });
  });
});
