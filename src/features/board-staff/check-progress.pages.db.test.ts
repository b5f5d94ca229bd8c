import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, deliverAndApply, deliveringBoard, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { runCheckReminders } from '../register/index.ts';

/**
 * "Voortgang controle": per school of the board, the employments delivered and how many its
 * professionals checked, approved and disputed; and the reminder by hand, confirmed first, once a day,
 * never to someone reminded in the last week, and not in place of the automatic ones.
 */
let t: TestApp;
let board: { id: string; number: string };
let schools: { brin: string; location: string; name: string }[];
let hr: WebSession;
const progress = () => `/beheer/bestuur/${board.id}/voortgang`;

const person = (n: number, school: number, changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: `V${n}`,
  voorletters: 'V.',
  achternaam: `Voortgang${n}`,
  geboortedatum: `1980-01-0${n}`,
  email: `v${n}@school.nl`,
  instellingscode: schools[school].brin,
  vestigingscode: schools[school].location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2020-08-01',
  ...changes,
});

const mailsOf = (template: string) =>
  t.database.query<{ to_address: string; subject: string; text: string }>(
    `SELECT to_address, subject, text FROM mail_outbox WHERE template = $1 ORDER BY to_address, created_at`,
    [template],
  );

async function professional(n: number): Promise<WebSession> {
  const web = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: `v${n}@school.nl` })).id);
  await web.get('/mijn-register');
  return web;
}
const employmentOf = async (n: number) => (await t.database.query<{ id: string }>(`SELECT id FROM employments WHERE staff_number = $1`, [`V${n}`]))[0].id;

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  const deps = deliveryDeps(t.database);
  let first: { brin: string; location: string };
  ({ board, school: first } = await deliveringBoard(t.database));
  schools = await t.database.query<{ brin: string; location: string; name: string }>(
    `SELECT s.brin, min(l.code) AS location, s.name FROM schools s JOIN locations l ON l.school_id = s.id
     WHERE s.board_id = $1 AND l.closed_at IS NULL AND s.brin >= $2 GROUP BY s.brin, s.name ORDER BY s.brin LIMIT 2`,
    [board.id, first.brin],
  );
  const hrActor = await boardStaffActor(t.database, board.id, 'hr@bestuur.nl');
  hr = await sessionFor(t.app, t.database, hrActor.type === 'account' ? hrActor.accountId : '');
  // school 1: one approves, one disputes, one has not checked; school 2: two have not checked, one of them without an address
  await deliverAndApply(deps, hrActor, board.id, [person(1, 0), person(2, 0), person(3, 0), person(4, 1, { email: '' }), person(5, 1)], 'volledig');
  const one = await professional(1);
  expect((await one.post(`/mijn-register/dienstverbanden/${await employmentOf(1)}/akkoord`, {})).statusCode).toBe(303);
  const two = await professional(2);
  await two.get(`/mijn-register/dienstverbanden/${await employmentOf(2)}/betwisten`);
  expect(
    (await two.post(`/mijn-register/dienstverbanden/${await employmentOf(2)}/betwisten`, { velden: 'begindatum', toelichting: 'Ik werk hier sinds 2021.' }))
      .statusCode,
  ).toBe(303);
});
afterAll(async () => t?.close());

describe("the board's progress of the check", () => {
  it('counts per school and in total: delivered, checked, approved, disputed; and who a reminder reaches now', async () => {
    const page = await hr.get(progress());
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    expect(text).toContain('Controle per school School Aangeleverd Gecontroleerd Akkoord Klopt niet');
    expect(text).toContain(`${schools[0].name} (${schools[0].brin}) 3 2 (67%) 1 1`);
    expect(text).toContain(`${schools[1].name} (${schools[1].brin}) 2 0 (0%) 0 0`);
    expect(text).toContain('Totaal 5 2 (40%) 1 1');
    expect(text).toContain('Nu kunnen 2 medewerkers een herinnering krijgen');
    expect(page.body).toContain(`href="${progress()}/herinnering"`);
  });

  it('is in English for who reads English', async () => {
    const text = visibleText((await hr.get(`${progress()}?lang=en`)).body);
    expect(text).toContain('Total 5 2 (40%) 1 1');
    expect(text).toContain('Now 2 employees can get a reminder');
    await hr.get(`${progress()}?lang=nl`);
  });

  it("is refused to another board's staff, who see none of it", async () => {
    const [other] = await t.database.query<{ id: string }>(`SELECT id FROM boards WHERE id <> $1 ORDER BY number LIMIT 1`, [board.id]);
    const outsider = await boardStaffActor(t.database, other.id, 'hr@anderbestuur.nl');
    const web = await sessionFor(t.app, t.database, outsider.type === 'account' ? outsider.accountId : '');
    for (const path of [progress(), `${progress()}/herinnering`]) {
      const res = await web.get(path);
      expect(res.statusCode).toBe(403);
      expect(visibleText(res.body)).not.toContain(schools[0].name);
    }
    await web.get('/account');
    expect((await web.post(`${progress()}/herinnering`, {})).statusCode).toBe(403);
    expect(await mailsOf('check-reminder-board')).toEqual([]);
  });

  it('register staff read it, without the button to send', async () => {
    const staff = await createAccount(t.database, {
      email: 'staf@register.nl',
      roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
    });
    const page = await (await sessionFor(t.app, t.database, staff.id)).get(progress());
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain('Totaal 5 2 (40%) 1 1');
    expect(page.body).not.toContain(`href="${progress()}/herinnering"`);
  });
});

describe('the reminder by hand', () => {
  it('asks first, then mails who has something to check and an address, in the name of the board; audited for each', async () => {
    const confirm = await hr.get(`${progress()}/herinnering`);
    expect(confirm.statusCode).toBe(200);
    expect(visibleText(confirm.body)).toContain('Herinnering versturen aan 2 medewerkers?');
    expect(await mailsOf('check-reminder-board')).toEqual([]);
    const sent = await hr.post(`${progress()}/herinnering`, {});
    expect(sent.statusCode).toBe(303);
    expect(visibleText((await hr.get(String(sent.headers.location))).body)).toContain('De herinnering is verstuurd aan 2 medewerkers.');
    const mails = await mailsOf('check-reminder-board');
    expect(mails.map((m) => m.to_address)).toEqual(['v3@school.nl', 'v5@school.nl']);
    expect(mails[0].subject).toBe('Stichting Christelijke Kindcentra Drenthe vraagt u uw gegevens te controleren');
    expect(mails[0].text).toContain(`- Leraar · ${schools[0].name} (${schools[0].brin})`);
    const audit = await auditRows(t.database, 'check-reminder.sent-by-board');
    const [three, five] = await Promise.all(
      ['Voortgang3', 'Voortgang5'].map(
        async (surname) => (await t.database.query<{ id: string }>(`SELECT id FROM persons WHERE surname = $1`, [surname]))[0].id,
      ),
    );
    expect(audit.map((a) => a.subject_person_id).sort()).toEqual([three, five].sort());
    expect(audit[0]).toMatchObject({ subject_organisation_id: board.id, after: { persons: 2 } });
  });

  it('goes once a day: a second send is refused with when it can go again, and the page offers no button', async () => {
    const again = await hr.post(`${progress()}/herinnering`, {}, { csrf: hr.csrfToken() });
    expect(again.statusCode).toBe(429);
    expect(visibleText(again.body)).toMatch(/Uw bestuur heeft de herinnering al verstuurd op \d\d-\d\d-\d{4} \d\d:\d\d\. U kunt haar opnieuw versturen vanaf/);
    expect(await mailsOf('check-reminder-board')).toHaveLength(2);
    const page = await hr.get(progress());
    expect(visibleText(page.body)).toMatch(/Uw bestuur verstuurde de herinnering op .* \(hr\)\. U kunt haar opnieuw versturen vanaf/);
    expect(page.body).not.toContain(`href="${progress()}/herinnering"`);
  });

  it('a day later reaches nobody reminded in the last week', async () => {
    await t.database.query(`UPDATE board_settings SET reminder_sent_at = reminder_sent_at - interval '25 hours' WHERE board_id = $1`, [board.id]);
    await hr.get(`${progress()}/herinnering`);
    expect(visibleText(hr.lastPage)).toContain('Er is nu niemand om te herinneren.');
    expect(visibleText(hr.lastPage)).not.toContain('Herinnering nu versturen');
    const res = await hr.post(`${progress()}/herinnering`, {}, { csrf: hr.csrfToken() });
    expect(res.statusCode).toBe(303);
    expect(visibleText((await hr.get(String(res.headers.location))).body)).toContain('Er was niemand om te herinneren');
    expect(await mailsOf('check-reminder-board')).toHaveLength(2);
  });

  it('does not take the place of the automatic reminders: the first still comes after 14 days', async () => {
    const deps = { db: t.database.db, mailer: createMailer({ from: 'test@beroepsregister.nl' }), baseUrl: 'http://localhost:3000' };
    await runCheckReminders({ ...deps, now: () => new Date(Date.now() + 13 * 24 * 3600_000) });
    expect(await mailsOf('check-reminder')).toEqual([]);
    await runCheckReminders({ ...deps, now: () => new Date(Date.now() + 14 * 24 * 3600_000 + 60_000) });
    expect((await mailsOf('check-reminder')).map((m) => m.to_address)).toEqual(['v3@school.nl', 'v5@school.nl']);
  });
});
