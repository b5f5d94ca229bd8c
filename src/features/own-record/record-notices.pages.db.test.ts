import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { boardStaffActor, deliverAndApply, deliveringBoard, deliveryDeps, type DeliveryRow } from '../../../tests/support/deliveries.ts';
import { auditRows, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import type { WebSession } from '../../../tests/support/web-session.ts';
import { sendDeliveryInvitations } from '../deliveries/index.ts';
import { runCheckReminders, sendDisputeDigests, type NoticeDeps } from '../register/index.ts';

/**
 * The record loop's mail (issue 19, item 5), as it lands in the outbox: a new dispute to the board's
 * staff in the day's overview or at once, as its admin chose; a correction to the professional; the
 * reminders to check, at 14 days and 6 weeks after the delivery (a school leader by the
 * Schoolleidersregister's days), each once, none within a week of another. A moved clock, not a wait.
 */
let t: TestApp;
let deps: ReturnType<typeof deliveryDeps>;
let notices: NoticeDeps;
let clock: Date;
let board: { id: string; number: string };
let school: { brin: string; location: string };
let hrActor: Awaited<ReturnType<typeof boardStaffActor>>;
let hr: WebSession;
let admin: WebSession;
let kim: WebSession;
const T0 = new Date();
const day = 24 * 3600_000;
const at = (days: number) => new Date(T0.getTime() + days * day);

const row = (changes: DeliveryRow = {}): DeliveryRow => ({
  bevoegd_gezag_nummer: board.number,
  personeelsnummer: 'K1',
  voorletters: 'K.',
  achternaam: 'Klopt',
  geboortedatum: '1985-05-05',
  email: 'k.klopt@school.nl',
  instellingscode: school.brin,
  vestigingscode: school.location,
  functie: 'LERAAR',
  benoemingsgrondslag: 'BEVOEGD',
  begindatum: '2019-08-01',
  ...changes,
});

const deliver = async (rows: DeliveryRow[], mode: 'volledig' | 'mutaties' = 'mutaties') => (await deliverAndApply(deps, hrActor, board.id, rows, mode)).applied;

type Mail = { to_address: string; subject: string; text: string };
const mailsOf = (template: string, to?: string) =>
  t.database.query<Mail>(
    `SELECT to_address, subject, text FROM mail_outbox WHERE template = $1 AND ($2::text IS NULL OR to_address = $2) ORDER BY created_at, to_address`,
    [template, to ?? null],
  );
const employmentOf = async (staffNumber: string, fn: string) =>
  (await t.database.query<{ id: string }>(`SELECT id FROM employments WHERE staff_number = $1 AND function = $2`, [staffNumber, fn]))[0].id;

async function dispute(web: WebSession, employmentId: string, comment: string, velden = ['functie']) {
  await web.get(`/mijn-register/dienstverbanden/${employmentId}/betwisten`);
  const res = await web.post(`/mijn-register/dienstverbanden/${employmentId}/betwisten`, { velden, toelichting: comment });
  expect(res.statusCode).toBe(303);
}

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  clock = T0;
  deps = deliveryDeps(t.database, { now: () => clock });
  notices = { db: t.database.db, mailer: deps.mailer, baseUrl: deps.baseUrl, now: () => clock };
  ({ board, school } = await deliveringBoard(t.database));
  hrActor = await boardStaffActor(t.database, board.id, 'hr@bestuur.nl');
  hr = await sessionFor(t.app, t.database, hrActor.type === 'account' ? hrActor.accountId : '');
  const adminAccount = await createAccount(t.database, {
    email: 'admin@bestuur.nl',
    displayName: 'Ada Admin',
    roles: [{ role: 'board-admin', organisation: { kind: 'bestuur', id: board.id } }],
  });
  await t.database.query(`UPDATE accounts SET preferred_lang = 'en' WHERE id = $1`, [adminAccount.id]);
  admin = await sessionFor(t.app, t.database, adminAccount.id);
  await deliver(
    [row(), row({ functie: 'INTERN_BEGELEIDER', benoemingsgrondslag: '' }), row({ functie: 'LERAARONDERSTEUNER', benoemingsgrondslag: '' })],
    'volledig',
  );
  kim = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'k.klopt@school.nl', displayName: 'Kim Klopt' })).id);
  await kim.get('/mijn-register'); // links the account to the delivered person (decision 021)
});
afterAll(async () => t?.close());

describe("a dispute, to the board's staff", () => {
  it("waits for the day's overview by default: one mail to each of the board's staff, in their language, listing it", async () => {
    await dispute(kim, await employmentOf('K1', 'INTERN_BEGELEIDER'), 'Ik ben sinds 2023 geen intern begeleider meer.');
    expect(await mailsOf('dispute-filed')).toEqual([]);

    expect(await sendDisputeDigests(notices)).toEqual({ boards: 1, mails: 2 });
    const [toAdmin, toHr] = await mailsOf('dispute-digest');
    expect(toHr.to_address).toBe('hr@bestuur.nl');
    expect(toHr.subject).toBe("Stichting Christelijke Kindcentra Drenthe: 1 keer 'klopt niet' sinds het vorige overzicht");
    expect(toHr.text).toContain(
      '- K. Klopt: Intern begeleider · Kindcentrum De Wegwijzer (03WU)\n  Wat klopt niet: Functie\n  "Ik ben sinds 2023 geen intern begeleider meer."',
    );
    expect(toHr.text).toContain(`http://localhost:3000/beheer/bestuur/${board.id}/betwistingen`);
    expect(toHr.text).toContain(`http://localhost:3000/beheer/bestuur/${board.id}/meldingen`);
    expect(toAdmin.to_address).toBe('admin@bestuur.nl');
    expect(toAdmin.subject).toBe("Stichting Christelijke Kindcentra Drenthe: 1 times 'not correct' since the last overview");
    expect(toAdmin.text).toContain('- K. Klopt: Special needs coordinator (intern begeleider)');
    expect(toAdmin.text).toContain('  What is wrong: Function\n');
  });

  it('is in one overview only: the next evening, with nothing new, nobody gets mail', async () => {
    expect(await sendDisputeDigests(notices)).toEqual({ boards: 0, mails: 0 });
    expect(await mailsOf('dispute-digest')).toHaveLength(2);
  });

  it('leaves out a dispute withdrawn before the evening, and sends nothing when that was all', async () => {
    const leraar = await employmentOf('K1', 'LERAAR');
    await dispute(kim, leraar, 'Mijn begindatum klopt niet.');
    await kim.get('/mijn-register');
    expect((await kim.post(`/mijn-register/dienstverbanden/${leraar}/akkoord`, {})).statusCode).toBe(303);
    expect(await sendDisputeDigests(notices)).toEqual({ boards: 1, mails: 0 });
    expect(await mailsOf('dispute-digest')).toHaveLength(2);
  });

  it("only the board's admin sets it to 'direct', audited; the board's staff are refused", async () => {
    await hr.get(`/beheer/bestuur/${board.id}/meldingen`);
    expect((await hr.post(`/beheer/bestuur/${board.id}/meldingen`, { meldingen: 'direct' })).statusCode).toBe(403);
    await admin.get(`/beheer/bestuur/${board.id}/meldingen`);
    const wrong = await admin.post(`/beheer/bestuur/${board.id}/meldingen`, { meldingen: 'wekelijks' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#meldingen"');
    const saved = await admin.post(`/beheer/bestuur/${board.id}/meldingen`, { meldingen: 'direct' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/beheer/bestuur/${board.id}/meldingen?melding=opgeslagen`);
    expect((await auditRows(t.database, 'board-settings.dispute-mail-changed')).at(-1)).toMatchObject({
      subject_organisation_id: board.id,
      before: { meldingen: 'dagelijks' },
      after: { meldingen: 'direct' },
    });
  });

  it("then mails each new dispute at once, and the evening's overview does not repeat it", async () => {
    await dispute(kim, await employmentOf('K1', 'LERAARONDERSTEUNER'), 'Ik ben leraar, geen leraarondersteuner.');
    const filed = await mailsOf('dispute-filed');
    expect(filed.map((m) => [m.to_address, m.subject])).toEqual([
      ['admin@bestuur.nl', 'Dispute from K. Klopt: Teaching assistant · Kindcentrum De Wegwijzer (03WU)'],
      ['hr@bestuur.nl', 'Betwisting van K. Klopt: Leraarondersteuner · Kindcentrum De Wegwijzer (03WU)'],
    ]);
    expect(filed[1].text).toContain('Wat klopt niet: Functie\n\nIk ben leraar, geen leraarondersteuner.');
    expect(filed[0].text).toContain('What is wrong: Function\n\nIk ben leraar, geen leraarondersteuner.');
    expect(await sendDisputeDigests(notices)).toEqual({ boards: 0, mails: 0 });
  });
});

describe('a correction, to the professional', () => {
  it('a delivery that changes a disputed employment mails the professional to check again, instead of an invitation', async () => {
    const invitationsBefore = (await mailsOf('person-invitation', 'k.klopt@school.nl')).length;
    const applied = await deliver([row({ functie: 'INTERN_BEGELEIDER', benoemingsgrondslag: '', einddatum: '2023-07-31', mutatie: 'WIJZIGING' })]);
    expect(applied.summary).toMatchObject({ betwistingenOpgelost: 1 });
    expect(deps.tasks).toContainEqual({ kind: 'uitnodigen', deliveryId: applied.id });
    await sendDeliveryInvitations(deps, applied.id);
    const [mail] = await mailsOf('dispute-corrected');
    expect(mail.to_address).toBe('k.klopt@school.nl');
    expect(mail.subject).toBe('Uw werkgever heeft uw gegevens gecorrigeerd');
    expect(mail.text).toContain('U gaf aan dat aangeleverde gegevens niet klopten (Intern begeleider · Kindcentrum De Wegwijzer (03WU)).');
    expect(mail.text).toContain('Stichting Christelijke Kindcentra Drenthe heeft ze met een nieuwe aanlevering gecorrigeerd.');
    expect(mail.text).toContain('http://localhost:3000/mijn-register');
    // one mail, not two: the correction stands in for this delivery's invitation
    expect(await mailsOf('person-invitation', 'k.klopt@school.nl')).toHaveLength(invitationsBefore);
    await sendDeliveryInvitations(deps, applied.id);
    expect(await mailsOf('dispute-corrected')).toHaveLength(1);
  });

  it("the board's answer and the correction are in the professional's AVG download, with the address they went to", async () => {
    const [open] = await t.database.query<{ id: string }>(`SELECT id FROM employment_disputes WHERE status = 'open'`);
    await hr.get(`/beheer/bestuur/${board.id}/betwistingen/${open.id}`);
    expect((await hr.post(`/beheer/bestuur/${board.id}/betwistingen/${open.id}`, { antwoord: 'U staat bij ons als leraarondersteuner.' })).statusCode).toBe(
      303,
    );
    const download = JSON.parse((await kim.get('/mijn-gegevens/download')).body);
    expect(download.register.meldingen.map((n: { soort: string; aan: string; onderwerp: string }) => [n.soort, n.aan, n.onderwerp])).toEqual([
      ['correctie', 'k.klopt@school.nl', 'Uw werkgever heeft uw gegevens gecorrigeerd'],
      ['antwoord', 'k.klopt@school.nl', 'Uw werkgever heeft uw betwisting beantwoord'],
    ]);
    expect(download.register.meldingen[1].dienstverbanden).toEqual(['LERAARONDERSTEUNER · Kindcentrum De Wegwijzer (03WU)']);
  });
});

describe('the reminders to check', () => {
  const persons = {
    roos: { personeelsnummer: 'R1', voorletters: 'R.', achternaam: 'Rappel', geboortedatum: '1990-01-01', email: 'r.rappel@school.nl' },
    sam: { personeelsnummer: 'S1', voorletters: 'S.', achternaam: 'Leider', geboortedatum: '1975-03-03', email: 's.leider@school.nl', functie: 'SCHOOLLEIDER' },
    anne: { personeelsnummer: 'A1', voorletters: 'A.', achternaam: 'Akkoord', geboortedatum: '1980-02-02', email: 'a.akkoord@school.nl' },
    zonder: { personeelsnummer: 'Z1', voorletters: 'Z.', achternaam: 'Zonder', geboortedatum: '1982-04-04', email: '' },
  };
  const remindersTo = async (address: string) => (await mailsOf('check-reminder', address)).length;
  const runAt = async (days: number) => {
    clock = at(days);
    return runCheckReminders(notices);
  };

  beforeAll(async () => {
    clock = T0;
    await deliver(Object.values(persons).map((p) => row({ mutatie: 'NIEUW', ...p })));
    // a second employment for Roos, five days later
    clock = at(5);
    await deliver([row({ ...persons.roos, instellingscode: school.brin, functie: 'INTERN_BEGELEIDER', benoemingsgrondslag: '', mutatie: 'NIEUW' })]);
    // Sam reads in English, through the account the delivered address links
    const sam = await createAccount(t.database, { email: 's.leider@school.nl', displayName: 'Sam Leider' });
    await t.database.query(`UPDATE accounts SET preferred_lang = 'en' WHERE id = $1`, [sam.id]);
    await (await sessionFor(t.app, t.database, sam.id)).get('/mijn-register');
    const anne = await sessionFor(t.app, t.database, (await createAccount(t.database, { email: 'a.akkoord@school.nl' })).id);
    await anne.get('/mijn-register');
    expect((await anne.post(`/mijn-register/dienstverbanden/${await employmentOf('A1', 'LERAAR')}/akkoord`, {})).statusCode).toBe(303);
    // register staff set the Schoolleidersregister's reminders to 10 and 30 days (registers.db.test.ts posts that form on its page)
    await t.database.query(`UPDATE registers SET check_reminder_first_days = 10, check_reminder_second_days = 30 WHERE code = 'schoolleidersregister-po'`);
  });

  it('nobody is reminded before the first number of days', async () => {
    await runAt(9);
    expect(await remindersTo('r.rappel@school.nl')).toBe(0);
    expect(await remindersTo('s.leider@school.nl')).toBe(0);
  });

  it('a school leader after the Schoolleidersregister PO’s 10 days, in English', async () => {
    await runAt(10);
    const [mail] = await mailsOf('check-reminder', 's.leider@school.nl');
    expect(mail.subject).toBe('Reminder: check your details in the Beroepsregister Onderwijs');
    expect(mail.text).toContain('Dear Sam Leider,');
    expect(mail.text).toContain('- School leader · Kindcentrum De Wegwijzer (03WU), Stichting Christelijke Kindcentra Drenthe');
    expect(await remindersTo('r.rappel@school.nl')).toBe(0);
  });

  it('a teacher after 14 days, at the delivered address, for the employment that is 14 days old; once, however often the job runs', async () => {
    await runAt(13);
    expect(await remindersTo('r.rappel@school.nl')).toBe(0);
    await runAt(14);
    await runAt(14);
    const mails = await mailsOf('check-reminder', 'r.rappel@school.nl');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Herinnering: controleer uw gegevens in het Beroepsregister Onderwijs');
    expect(mails[0].text).toContain('Beste R. Rappel,');
    expect(mails[0].text).toContain('- Leraar · Kindcentrum De Wegwijzer (03WU), Stichting Christelijke Kindcentra Drenthe');
    expect(mails[0].text).not.toContain('Intern begeleider');
  });

  it('the second employment’s first reminder waits a week after the last one, then comes', async () => {
    await runAt(19); // 14 days after the second delivery, 5 after the last reminder
    expect(await remindersTo('r.rappel@school.nl')).toBe(1);
    await runAt(21);
    const mails = await mailsOf('check-reminder', 'r.rappel@school.nl');
    expect(mails).toHaveLength(2);
    expect(mails[1].text).toContain('- Intern begeleider · Kindcentrum De Wegwijzer (03WU)');
    expect(mails[1].text).not.toContain('- Leraar');
  });

  it('the second reminder after 6 weeks (30 days for the school leader), once', async () => {
    await runAt(29);
    expect(await remindersTo('s.leider@school.nl')).toBe(1);
    await runAt(30);
    expect(await remindersTo('s.leider@school.nl')).toBe(2);
    await runAt(41);
    expect(await remindersTo('r.rappel@school.nl')).toBe(2);
    await runAt(42);
    expect(await remindersTo('r.rappel@school.nl')).toBe(3);
    expect((await mailsOf('check-reminder', 'r.rappel@school.nl'))[2].text).toContain('- Leraar');
    await runAt(49); // the second employment's second reminder: 6 weeks after its delivery, a week after the last reminder
    expect(await remindersTo('r.rappel@school.nl')).toBe(4);
    for (const days of [60, 90, 200]) await runAt(days);
    expect(await remindersTo('r.rappel@school.nl')).toBe(4);
    expect(await remindersTo('s.leider@school.nl')).toBe(2);
  });

  it('never reminds who approved, nor who has no address; each reminder is in the AVG download', async () => {
    expect(await remindersTo('a.akkoord@school.nl')).toBe(0);
    const [zonder] = await t.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM person_notices n JOIN persons p ON p.id = n.person_id WHERE p.surname = 'Zonder'`,
    );
    expect(zonder.n).toBe(0);
    const [{ id: samId }] = await t.database.query<{ id: string }>(`SELECT id FROM accounts WHERE email = 's.leider@school.nl'`);
    const download = JSON.parse((await (await sessionFor(t.app, t.database, samId)).get('/mijn-gegevens/download')).body);
    expect(download.register.meldingen.map((n: { soort: string; wanneer: string }) => [n.soort, n.wanneer.slice(0, 10)])).toEqual([
      ['herinnering-1', at(10).toISOString().slice(0, 10)],
      ['herinnering-2', at(30).toISOString().slice(0, 10)],
    ]);
  });
});
