import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { auditRows, linkIn, mailsTo, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { addDays, dutchToday } from '../../platform/dates/calendar.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { sendInvitations } from './index.ts';

/**
 * Feedback after events on the pages, as people use it: after an event the job mails who came (once);
 * the link opens the form, bad input is refused at its field, an answer is stored once (anonymous ones
 * without a registration and with the day only); register staff keep topics, tag answers (a retired
 * topic refused, its old tags kept), read the backlog per topic and month with quotes, and download it.
 */

let t: TestApp;
let staff: WebSession;
let teacher: WebSession;
let teacherId: string;
const hour = 3_600_000;
const ids: Record<string, string> = {};

async function insertEvent(key: string, o: { kind: string; title: string; endsHoursAgo: number; anonymous: boolean }) {
  const ends = new Date(Date.now() - o.endsHoursAgo * hour);
  const [{ id }] = await t.database.query<{ id: string }>(
    `INSERT INTO events (id, kind, title, description, audience, starts_at, ends_at, online, online_url, capacity, anonymous_feedback, created_by_label)
     VALUES (gen_random_uuid(), $1, $2, '', '{leraar}', $3, $4, true, 'https://meet.example.nl/a', 10, $5, 'Test') RETURNING id`,
    [o.kind, o.title, new Date(ends.getTime() - 2 * hour).toISOString(), ends.toISOString(), o.anonymous],
  );
  ids[key] = id;
}

async function insertRegistration(event: string, email: string, o: { status?: string; present?: boolean; lang?: string; accountId?: string } = {}) {
  const [{ id }] = await t.database.query<{ id: string }>(
    `INSERT INTO event_registrations (id, event_id, account_id, name, email, role, lang, status, created_at, confirmed_at, queued_at, placed_at, present_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, 'leraar', $5, $6, now() - interval '9 days', now() - interval '9 days', now() - interval '9 days',
       now() - interval '9 days', $7) RETURNING id`,
    [ids[event], o.accountId ?? null, email.split('@')[0], email, o.lang ?? 'nl', o.status ?? 'aangemeld', o.present ? new Date().toISOString() : null],
  );
  ids[email] = id;
}

const deps = () => ({ db: t.database.db, mailer: createMailer({ from: 'test@register.nl' }), baseUrl: 'http://localhost' });
const linkOf = async (email: string) => linkIn((await mailsTo(t.database, email)).at(-1)!);
const answers = () =>
  t.database.query<{ event_registration_id: string | null; anonymous: boolean; rating: number; valuable: string; answered_on: string }>(
    'SELECT event_registration_id, anonymous, rating, valuable, answered_on::text AS answered_on FROM feedback_answers ORDER BY rating',
  );

beforeAll(async () => {
  t = await createTestApp();
  const staffAccount = await createAccount(t.database, {
    email: 'staf@register.nl',
    displayName: 'Rachid Register',
    roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
  });
  staff = await sessionFor(t.app, t.database, staffAccount.id);
  teacherId = (await createAccount(t.database, { email: 'lisa@school.nl', displayName: 'Lisa Leraar' })).id;
  teacher = await sessionFor(t.app, t.database, teacherId);
  await insertEvent('named', { kind: 'voorlichting', title: 'Voorlichting registratie', endsHoursAgo: 3, anonymous: false });
  await insertEvent('anonymous', { kind: 'meedenksessie', title: 'Meedenksessie schermen', endsHoursAgo: 5, anonymous: true });
  await insertEvent('justEnded', { kind: 'voorlichting', title: 'Net afgelopen', endsHoursAgo: 1, anonymous: false });
  await insertEvent('old', { kind: 'voorlichting', title: 'Lang geleden', endsHoursAgo: 20 * 24, anonymous: false });
  // present ones are invited: Kees had a place but was not marked, the waiting list had none
  await insertRegistration('named', 'lisa@school.nl', { present: true, accountId: teacherId });
  await insertRegistration('named', 'piet@school.nl', { present: true, lang: 'en' });
  await insertRegistration('named', 'kees@school.nl');
  await insertRegistration('named', 'wacht@school.nl', { status: 'wachtlijst' });
  // nobody marked present: everyone with a place is invited
  await insertRegistration('anonymous', 'anna@school.nl');
  await insertRegistration('anonymous', 'bert@school.nl');
  await insertRegistration('anonymous', 'weg@school.nl', { status: 'afgemeld' });
  await insertRegistration('justEnded', 'vroeg@school.nl', { present: true });
  await insertRegistration('old', 'oud@school.nl', { present: true });
});
afterAll(async () => t?.close());

describe('the invitation after an event', () => {
  it('goes once to who came, in their language, with a personal link; not too early, not for an old event', async () => {
    expect(await sendInvitations(deps())).toEqual({ mailed: 4 });
    expect(await sendInvitations(deps())).toEqual({ mailed: 0 });
    const invited = await t.database.query<{ email: string }>(
      'SELECT r.email FROM feedback_invitations i JOIN event_registrations r ON r.id = i.event_registration_id ORDER BY r.email',
    );
    expect(invited.map((r) => r.email)).toEqual(['anna@school.nl', 'bert@school.nl', 'lisa@school.nl', 'piet@school.nl']);
    for (const nobody of ['kees@school.nl', 'wacht@school.nl', 'weg@school.nl', 'vroeg@school.nl', 'oud@school.nl']) {
      expect(await mailsTo(t.database, nobody)).toEqual([]);
    }
    const [lisa] = await mailsTo(t.database, 'lisa@school.nl');
    expect(lisa.subject).toBe('Hoe was het? Voorlichting registratie');
    expect(lisa.text).toContain('Uw antwoord wordt bewaard bij uw aanmelding');
    expect(linkIn(lisa)).toMatch(/^\/feedback\?token=[\w-]+$/);
    const [piet] = await mailsTo(t.database, 'piet@school.nl');
    expect(piet.subject).toBe('How was it? Voorlichting registratie');
    expect(linkIn(piet)).toMatch(/&lang=en$/);
    const [anna] = await mailsTo(t.database, 'anna@school.nl');
    expect(anna.text).toContain('Uw antwoord is anoniem');
  });

  it('shows staff on the event how many were invited and answered, linked from the event', async () => {
    const event = await staff.get(`/beheer/bijeenkomsten/${ids.named}`);
    expect(event.body).toContain(`href="/beheer/bijeenkomsten/${ids.named}/feedback"`);
    const page = await staff.get(`/beheer/bijeenkomsten/${ids.named}/feedback`);
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain('2 uitgenodigd, 0 beantwoord');
    expect(visibleText(page.body)).toContain('Er zijn nog geen antwoorden.');
    expect((await teacher.get(`/beheer/bijeenkomsten/${ids.named}/feedback`)).statusCode).toBe(403);
  });
});

describe('the form behind the link', () => {
  it('refuses a missing rating and a text too long at their fields, keeps what was typed, and saves nothing', async () => {
    const visitor = new WebSession(t.app);
    const link = await linkOf('lisa@school.nl');
    const form = await visitor.get(link);
    expect(form.statusCode).toBe(200);
    const text = visibleText(form.body);
    expect(text).toContain('Welk cijfer geeft u de bijeenkomst?');
    expect(text).toContain('U was bij “Voorlichting registratie”');
    expect(text).toContain('Uw antwoord wordt bewaard bij uw aanmelding.');
    expect(form.body).toMatch(/<legend[^>]*>Welk cijfer geeft u de bijeenkomst\?<\/legend>/);
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const bad = await visitor.post('/feedback', { token, cijfer: '', waardevol: 'De uitleg', beter: 'x'.repeat(2001), overig: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#cijfer"');
    expect(bad.body).toContain('href="#beter"');
    expect(visibleText(bad.body)).toContain('Kies een cijfer van 1 tot 5.');
    expect(visibleText(bad.body)).toContain('Schrijf ten hoogste 2.000 tekens; dit zijn er 2.001.');
    expect(bad.body).toContain('De uitleg');
    const outOfRange = await visitor.post('/feedback', { token, cijfer: '9', waardevol: '', beter: '', overig: '' });
    expect(outOfRange.statusCode).toBe(400);
    expect(visibleText(outOfRange.body)).toContain('Een cijfer is 1, 2, 3, 4 of 5.');
    expect(await answers()).toEqual([]);
    expect(await t.database.query('SELECT 1 FROM feedback_invitations WHERE answered_at IS NOT NULL')).toEqual([]);
  });

  it('stores an answer with its registration once; a second submission is refused and saves nothing', async () => {
    const visitor = new WebSession(t.app);
    const link = await linkOf('lisa@school.nl');
    await visitor.get(link);
    const csrf = visitor.csrfToken();
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const sent = await visitor.post('/feedback', {
      token,
      cijfer: '4',
      waardevol: 'Helder verhaal\nmet voorbeelden',
      beter: 'Meer tijd voor vragen',
      overig: '',
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/feedback/bedankt');
    expect(visibleText((await visitor.get('/feedback/bedankt')).body)).toContain('Uw antwoord is ontvangen.');
    expect(await answers()).toEqual([
      { event_registration_id: ids['lisa@school.nl'], anonymous: false, rating: 4, valuable: 'Helder verhaal\nmet voorbeelden', answered_on: dutchToday() },
    ]);
    const again = await visitor.post('/feedback', { token, cijfer: '1', waardevol: 'Nog een keer', beter: '', overig: '' }, { csrf });
    expect(again.statusCode).toBe(409);
    expect(visibleText(again.body)).toContain('Met deze link is al geantwoord.');
    expect((await visitor.get(link)).statusCode).toBe(409);
    expect(await answers()).toHaveLength(1);
  });

  it('stores an anonymous answer without a registration and with the day only', async () => {
    const visitor = new WebSession(t.app);
    const link = await linkOf('anna@school.nl');
    const form = await visitor.get(link);
    expect(visibleText(form.body)).toContain('Uw antwoord is anoniem');
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    expect((await visitor.post('/feedback', { token, cijfer: '2', waardevol: '', beter: '=HYPERLINK("x")', overig: '' })).statusCode).toBe(303);
    const [row] = await t.database.query<Record<string, unknown>>(`SELECT * FROM feedback_answers WHERE anonymous`);
    expect(row.event_registration_id).toBeNull();
    expect(row.rating).toBe(2);
    // nothing in the row tells the time: its id is random, and the only date is the day
    const timed = await t.database.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'feedback_answers' AND data_type LIKE 'timestamp%'`,
    );
    expect(timed).toEqual([]);
    expect(String(row.id)[14]).toBe('4');
    // the invitation keeps only that its link was used
    const [used] = await t.database.query<{ answered: boolean }>(
      'SELECT answered_at IS NOT NULL AS answered FROM feedback_invitations WHERE event_registration_id = $1',
      [ids['anna@school.nl']],
    );
    expect(used.answered).toBe(true);
  });

  it('speaks English all the way down, errors included', async () => {
    const visitor = new WebSession(t.app);
    const link = await linkOf('piet@school.nl');
    const form = await visitor.get(link);
    expect(visibleText(form.body)).toContain('What rating do you give the event?');
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const bad = await visitor.post('/feedback', { token, cijfer: '', waardevol: '', beter: '', overig: 'y'.repeat(2500) });
    expect(bad.statusCode).toBe(400);
    expect(visibleText(bad.body)).toContain('Choose a rating from 1 to 5.');
    expect(visibleText(bad.body)).toContain('Write at most 2.000 characters; this is 2,500.');
    expect((await visitor.post('/feedback', { token, cijfer: '5', waardevol: 'Clear', beter: '', overig: '' })).statusCode).toBe(303);
    expect(visibleText((await visitor.get('/feedback/bedankt')).body)).toContain('Your answer has been received.');
  });

  it('says plainly when a link is unknown or expired, never a 500', async () => {
    const visitor = new WebSession(t.app);
    const unknown = await visitor.get('/feedback?token=onzin');
    expect(unknown.statusCode).toBe(404);
    expect(visibleText(unknown.body)).toContain('Deze link kennen we niet.');
    expect((await visitor.get('/feedback')).statusCode).toBe(404);
    const link = await linkOf('bert@school.nl');
    await visitor.get(link);
    const csrf = visitor.csrfToken();
    await t.database.query(`UPDATE feedback_invitations SET expires_at = now() - interval '1 day' WHERE event_registration_id = $1`, [ids['bert@school.nl']]);
    const expired = await visitor.get(link);
    expect(expired.statusCode).toBe(410);
    expect(visibleText(expired.body)).toContain('Deze link werkt niet meer');
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    expect((await visitor.post('/feedback', { token, cijfer: '3', waardevol: '', beter: '', overig: '' }, { csrf })).statusCode).toBe(410);
    const unknownPost = await visitor.post('/feedback', { token: 'onzin', cijfer: '3', waardevol: '', beter: '', overig: '' }, { csrf });
    expect(unknownPost.statusCode).toBe(404);
    expect(visibleText(unknownPost.body)).toContain('Deze link kennen we niet.');
    expect(await answers()).toHaveLength(3);
  });

  it('puts the answer that is not anonymous in the person’s AVG download', async () => {
    const download = JSON.parse((await teacher.get('/mijn-gegevens/download')).body);
    expect(download.feedback.antwoorden).toEqual([
      {
        bijeenkomst: 'Voorlichting registratie',
        datum: dutchToday(),
        cijfer: 4,
        waardevol: 'Helder verhaal\nmet voorbeelden',
        kanBeter: 'Meer tijd voor vragen',
        verder: '',
      },
    ]);
    expect(download.feedback.uitnodigingen).toHaveLength(1);
    expect(download.feedback.uitnodigingen[0]).toMatchObject({ bijeenkomst: 'Voorlichting registratie', anoniem: false });
  });
});

const topicId = async (name: string) => (await t.database.query<{ id: string }>('SELECT id FROM feedback_topics WHERE name = $1', [name]))[0].id;
const answerId = async (rating: number) => (await t.database.query<{ id: string }>('SELECT id FROM feedback_answers WHERE rating = $1', [rating]))[0].id;

describe('register staff keep topics', () => {
  it('adds, refuses an empty or taken name at its field, renames, retires and brings back, audited', async () => {
    const empty = await staff.get('/beheer/feedback/onderwerpen');
    expect(visibleText(empty.body)).toContain('Er zijn nog geen onderwerpen.');
    const none = await staff.post('/beheer/feedback/onderwerpen', { naam: '  ' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('href="#naam"');
    expect(visibleText(none.body)).toContain('Vul een naam in.');
    for (const naam of ['Privacy', 'Uitleg', 'Inloggen']) {
      await staff.get('/beheer/feedback/onderwerpen');
      expect((await staff.post('/beheer/feedback/onderwerpen', { naam })).statusCode).toBe(303);
    }
    const taken = await staff.post('/beheer/feedback/onderwerpen', { naam: 'privacy' });
    expect(taken.statusCode).toBe(400);
    expect(visibleText(taken.body)).toContain('Er is al een onderwerp “privacy”.');
    const uitleg = await topicId('Uitleg');
    const renamedTaken = await staff.post(`/beheer/feedback/onderwerpen/${uitleg}`, { naam: 'Privacy', actie: 'hernoemen' });
    expect(renamedTaken.statusCode).toBe(400);
    expect(renamedTaken.body).toContain(`href="#naam-${uitleg}"`);
    const renamed = await staff.post(`/beheer/feedback/onderwerpen/${uitleg}`, { naam: 'Uitleg en communicatie', actie: 'hernoemen' });
    expect(renamed.headers.location).toBe('/beheer/feedback/onderwerpen?melding=hernoemen');
    expect(visibleText((await staff.get(renamed.headers.location as string)).body)).toContain('De naam is gewijzigd.');
    expect((await auditRows(t.database, 'feedback-topic.created')).map((r) => r.after)).toHaveLength(3);
    expect((await auditRows(t.database, 'feedback-topic.renamed'))[0].after).toMatchObject({ name: 'Uitleg en communicatie' });
    expect((await teacher.get('/beheer/feedback/onderwerpen')).statusCode).toBe(403);
  });

  it('tags answers; a retired topic cannot be added, and its old tags stay', async () => {
    const [privacy, uitleg, inloggen] = [await topicId('Privacy'), await topicId('Uitleg en communicatie'), await topicId('Inloggen')];
    const lisa = await answerId(4);
    await staff.get(`/beheer/bijeenkomsten/${ids.named}/feedback`);
    const tagged = await staff.post(`/beheer/feedback/antwoorden/${lisa}`, { onderwerp: [privacy, inloggen] });
    expect(tagged.statusCode).toBe(303);
    const page = await staff.get(tagged.headers.location as string);
    expect(visibleText(page.body)).toContain('De onderwerpen zijn opgeslagen.');
    expect(visibleText(page.body)).toContain('2 uitgenodigd, 2 beantwoord');
    expect(visibleText(page.body)).toContain('lisa'); // named: the answer shows who gave it
    // retire Inloggen: the answer keeps it, shown as retired; it is not offered to the others
    await staff.get('/beheer/feedback/onderwerpen');
    expect((await staff.post(`/beheer/feedback/onderwerpen/${inloggen}`, { naam: '', actie: 'intrekken' })).statusCode).toBe(303);
    const after = await staff.get(`/beheer/bijeenkomsten/${ids.named}/feedback`);
    expect(visibleText(after.body)).toContain('Inloggen (ingetrokken)');
    // saving without touching it keeps it; adding it to another answer is refused at that answer's field
    expect((await staff.post(`/beheer/feedback/antwoorden/${lisa}`, { onderwerp: [privacy, uitleg] })).statusCode).toBe(303);
    const piet = await answerId(5);
    const refused = await staff.post(`/beheer/feedback/antwoorden/${piet}`, { onderwerp: [uitleg, inloggen] });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(`href="#onderwerpen-${piet}"`);
    expect(visibleText(refused.body)).toContain('Het onderwerp “Inloggen” is ingetrokken en kan niet meer worden gekozen.');
    const unknown = await staff.post(`/beheer/feedback/antwoorden/${piet}`, { onderwerp: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(400);
    expect(visibleText(unknown.body)).toContain('Een van de gekozen onderwerpen bestaat niet (meer).');
    const tags = await t.database.query<{ answer_id: string; name: string }>(
      'SELECT t.answer_id, f.name FROM feedback_answer_topics t JOIN feedback_topics f ON f.id = t.topic_id ORDER BY t.answer_id, f.name',
    );
    expect(tags).toEqual([
      { answer_id: lisa, name: 'Inloggen' },
      { answer_id: lisa, name: 'Privacy' },
      { answer_id: lisa, name: 'Uitleg en communicatie' },
    ]);
    const [audit] = (await auditRows(t.database, 'feedback-answer.tagged')).slice(-1);
    expect(audit.after).toMatchObject({ answer: lisa, added: [uitleg], removed: [] });
    // the anonymous answer gets a topic too
    await staff.get(`/beheer/bijeenkomsten/${ids.anonymous}/feedback`);
    expect((await staff.post(`/beheer/feedback/antwoorden/${await answerId(2)}`, { onderwerp: [privacy] })).statusCode).toBe(303);
    const anonymousPage = await staff.get(`/beheer/bijeenkomsten/${ids.anonymous}/feedback`);
    expect(visibleText(anonymousPage.body)).toContain('anoniem');
    expect(visibleText(anonymousPage.body)).not.toContain('anna');
  });
});

describe('the backlog', () => {
  beforeAll(async () => {
    // older answers, two months back: the backlog counts them in their month
    const twoMonthsAgo = addDays(dutchToday(), -62);
    for (const [rating, text] of [
      [3, 'Eerder: de schermen waren onduidelijk'],
      [4, 'Eerder: goed geregeld'],
    ] as const) {
      const [{ id }] = await t.database.query<{ id: string }>(
        `INSERT INTO feedback_answers (id, event_id, anonymous, rating, valuable, answered_on) VALUES (gen_random_uuid(), $1, true, $2, $3, $4) RETURNING id`,
        [ids.anonymous, rating, text, twoMonthsAgo],
      );
      if (rating === 3) {
        await t.database.query(`INSERT INTO feedback_answer_topics VALUES ($1, (SELECT id FROM feedback_topics WHERE name = 'Privacy'), 'Test', now())`, [id]);
      }
    }
  });

  it('counts answers per topic and month, with the quotes, and filters by kind and period', async () => {
    const page = await staff.get('/beheer/feedback');
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    const thisMonth = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${dutchToday().slice(0, 7)}-15T12:00:00Z`),
    );
    expect(text).toContain(thisMonth);
    // Privacy: lisa's and the anonymous one this month, one two months ago → 3; Inloggen (retired) 1; untagged: piet's and one older
    const privacyRow = /<tr class="utrecht-table__row">(?:(?!<\/tr>).)*Privacy(?:(?!<\/tr>).)*<\/tr>/s.exec(page.body)![0];
    expect(visibleText(privacyRow).replace(/\s+/g, ' ')).toMatch(/Privacy 1 2 3$/);
    const untaggedRow = /<tr class="utrecht-table__row">(?:(?!<\/tr>).)*Zonder onderwerp(?:(?!<\/tr>).)*<\/tr>/s.exec(page.body)![0];
    expect(visibleText(untaggedRow).replace(/\s+/g, ' ')).toMatch(/Zonder onderwerp 1 1 2$/);
    expect(text).toContain('Inloggen (ingetrokken)');
    expect(text).toContain('Helder verhaal');
    expect(text).toContain('Eerder: de schermen waren onduidelijk');
    // one topic's quotes
    const privacy = await staff.get(`/beheer/feedback?onderwerp=${await topicId('Privacy')}`);
    expect(visibleText(privacy.body)).toContain('Citaten: Privacy');
    expect(visibleText(privacy.body)).not.toContain('Eerder: goed geregeld');
    // the last three months leave out nothing here; this month only… is not a period: 3 months still holds the older ones
    const kind = await staff.get('/beheer/feedback?soort=verkennend-gesprek');
    expect(visibleText(kind.body)).toContain('Er zijn geen antwoorden in deze periode');
    const badKind = await staff.get('/beheer/feedback?soort=feest&periode=99');
    expect(badKind.statusCode).toBe(400);
    expect(badKind.body).toContain('href="#soort"');
    expect(badKind.body).toContain('href="#periode"');
    expect(visibleText(badKind.body)).toContain('Kies een soort bijeenkomst uit de lijst.');
    const english = await staff.get('/beheer/feedback?lang=en');
    expect(visibleText(english.body)).toContain('Answers per topic');
    expect(visibleText(english.body)).toContain('Without a topic');
    await staff.get('/beheer/feedback?lang=nl');
    expect((await teacher.get('/beheer/feedback')).statusCode).toBe(403);
  });

  it('pages the quotes when there are many', async () => {
    for (let n = 0; n < 11; n++) {
      await t.database.query(
        `INSERT INTO feedback_answers (id, event_id, anonymous, rating, valuable, answered_on) VALUES (gen_random_uuid(), $1, true, 3, $2, $3)`,
        [ids.anonymous, `Reeks ${n}`, addDays(dutchToday(), -100)],
      );
    }
    const first = await staff.get('/beheer/feedback?periode=alles');
    expect(first.body).toContain('href="/beheer/feedback?periode=alles&page=2#citaten"');
    const second = await staff.get('/beheer/feedback?periode=alles&page=2');
    expect(visibleText(second.body)).toContain('Reeks');
    const three = await staff.get('/beheer/feedback?periode=3');
    expect(visibleText(three.body)).not.toContain('Reeks');
  });

  it('downloads as CSV with the same filters, formulas defused, audited', async () => {
    const csv = await staff.get('/beheer/feedback.csv?soort=meedenksessie&periode=3');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('maand;datum;bijeenkomst;soort;cijfer;onderwerpen;waardevol;kan beter;verder;anoniem');
    // the anonymous answer of this month, and the two older ones of the same event; not the voorlichting's
    expect(lines).toHaveLength(4);
    expect(lines).toContain(`${dutchToday().slice(0, 7)};${dutchToday()};Meedenksessie schermen;meedenksessie;2;Privacy;;"'=HYPERLINK(""x"")";;ja`);
    expect(csv.body).not.toContain('Voorlichting registratie');
    expect((await auditRows(t.database, 'feedback.exported'))[0].after).toMatchObject({ kind: 'meedenksessie', period: '3', answers: 3 });
  });

  it('shows register staff the answers waiting for a topic on the start page', async () => {
    const start = await staff.get('/start');
    expect(visibleText(start.body)).toMatch(/\d+ antwoorden zonder onderwerp/);
    expect(start.body).toContain('href="/beheer/feedback"');
  });
});
