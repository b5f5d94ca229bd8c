import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { auditRows, linkIn, mailsTo, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { addDays, dutchToday } from '../../platform/dates/calendar.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { sendReminders } from './index.ts';

/**
 * Events on the pages, as people use them: register staff create one (bad input refused at its field),
 * anyone finds it in the list, the API, the calendar file and the feed; a visitor registers by e-mail and
 * confirms with the mailed link; a signed-in teacher registers at once; the event fills and puts the next
 * on the waiting list; a cancellation moves the waiting list up (with a mail); the reminder goes once;
 * staff read the attendance list (audited), mark presence and download it.
 */

let t: TestApp;
let staff: WebSession;
let teacher: WebSession;
let teacherId: string;
let school: { id: string; brin: string; name: string };
let eventId: string;

const day = (days: number) => {
  const [y, m, d] = addDays(dutchToday(), days).split('-');
  return `${d}-${m}-${y}`;
};

const eventForm = {
  soort: 'meedenksessie',
  titel: 'Meedenksessie registratiescherm',
  beschrijving: 'We laten de schermen zien.\n\nEn vragen wat beter kan.',
  doelgroep: ['leraar', 'schoolleider'],
  datum: day(10),
  begintijd: '14:00',
  eindtijd: '16:00',
  vorm: 'locatie',
  plaats: 'DUO, Kempkensberg 12, Groningen',
  link: '',
  capaciteit: '2',
  anoniem: 'ja',
};

const registration = () => ({ naam: 'Vera Bezoeker', email: 'vera@school.nl', rol: 'leraar', school: school.brin, schoolId: '', omgeving: 'stad' });

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  [school] = await t.database.query<{ id: string; brin: string; name: string }>(
    'SELECT id, brin, name FROM schools WHERE closed_at IS NULL ORDER BY brin LIMIT 1',
  );
  const staffAccount = await createAccount(t.database, {
    email: 'staf@register.nl',
    displayName: 'Rachid Register',
    roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
  });
  staff = await sessionFor(t.app, t.database, staffAccount.id);
  const teacherAccount = await createAccount(t.database, { email: 'lisa@school.nl', displayName: 'Lisa Leraar' });
  teacherId = teacherAccount.id;
  teacher = await sessionFor(t.app, t.database, teacherId);
});
afterAll(async () => t?.close());

describe('register staff create an event', () => {
  it('refuses capacity 0, a date in the past and an end before the start at their fields, values kept, nothing saved', async () => {
    await staff.get('/beheer/bijeenkomsten/nieuw');
    const bad = await staff.post('/beheer/bijeenkomsten', { ...eventForm, capaciteit: '0', datum: day(-1), eindtijd: '13:00' });
    expect(bad.statusCode).toBe(400);
    for (const field of ['capaciteit', 'datum', 'eindtijd']) expect(bad.body).toContain(`href="#${field}"`);
    const text = visibleText(bad.body);
    expect(text).toContain('Vul een aantal plaatsen in van 1 tot 1.000.');
    expect(text).toContain('Deze datum is voorbij. Kies een datum vanaf vandaag.');
    expect(text).toContain('De eindtijd moet na de begintijd liggen.');
    expect(bad.body).toContain('value="Meedenksessie registratiescherm"');
    expect(await t.database.query('SELECT 1 FROM events')).toEqual([]);
  });

  it('creates it, audited, and shows it with its registrations', async () => {
    await staff.get('/beheer/bijeenkomsten/nieuw');
    const res = await staff.post('/beheer/bijeenkomsten', eventForm);
    expect(res.statusCode).toBe(303);
    [{ id: eventId }] = await t.database.query<{ id: string }>('SELECT id FROM events');
    expect(res.headers.location).toBe(`/beheer/bijeenkomsten/${eventId}?melding=aangemaakt`);
    const page = await staff.get(res.headers.location as string);
    expect(visibleText(page.body)).toContain('De bijeenkomst is aangemaakt.');
    expect(visibleText(page.body)).toContain('0 van 2, 0 wachtend');
    const [created] = await auditRows(t.database, 'event.created');
    expect(created).toMatchObject({ actor_role: 'register-staff' });
    expect(created.after).toMatchObject({ event: eventId, kind: 'meedenksessie', capacity: 2 });
    const list = await staff.get('/beheer/bijeenkomsten');
    expect(visibleText(list.body)).toContain('Meedenksessie registratiescherm');
    // the start page's card: the events planned, with registrations
    const start = await staff.get('/start');
    expect(visibleText(start.body)).toContain('1 bijeenkomst gepland, 0 aangemeld, 0 op de wachtlijst');
    expect(start.body).toContain('href="/beheer/bijeenkomsten"');
  });

  it('is for register staff only', async () => {
    expect((await teacher.get('/beheer/bijeenkomsten')).statusCode).toBe(403);
    expect((await teacher.get(`/beheer/bijeenkomsten/${eventId}/aanwezigheid`)).statusCode).toBe(403);
    await teacher.get('/mijn-bijeenkomsten');
    expect((await teacher.post('/beheer/bijeenkomsten', eventForm)).statusCode).toBe(403);
    expect(await t.database.query('SELECT 1 FROM events')).toHaveLength(1);
  });
});

describe('anyone finds it', () => {
  it('in the list, on its page, in the API, as a calendar file and in the feed', async () => {
    const anyone = new WebSession(t.app);
    expect((await anyone.get('/')).body).toContain('href="/bijeenkomsten"');
    const list = await anyone.get('/bijeenkomsten');
    expect(list.statusCode).toBe(200);
    const text = visibleText(list.body);
    expect(text).toContain('Meedenksessie registratiescherm');
    expect(text).toContain('2 van 2 plaatsen vrij');
    expect(list.body).toContain('href="/bijeenkomsten.ics"');
    const filtered = await anyone.get('/bijeenkomsten?soort=voorlichting');
    expect(visibleText(filtered.body)).toContain('Er staan geen bijeenkomsten van deze soort gepland.');
    const badKind = await anyone.get('/bijeenkomsten?soort=feest');
    expect(badKind.statusCode).toBe(400);
    expect(badKind.body).toContain('href="#soort"');

    const page = await anyone.get(`/bijeenkomsten/${eventId}`);
    expect(visibleText(page.body)).toContain('DUO, Kempkensberg 12, Groningen');
    expect(visibleText(page.body)).toContain('leraren, schoolleiders');

    const api = await t.app.inject({ url: '/api/v1/bijeenkomsten?soort=meedenksessie' });
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ totaal: 1, page: 1, pageSize: 20 });
    expect(api.json().resultaten[0]).toMatchObject({ id: eventId, soort: 'meedenksessie', capaciteit: 2, plaatsenVrij: 2, wachtlijst: 0, afgelast: false });
    const one = await t.app.inject({ url: `/api/v1/bijeenkomsten/${eventId}` });
    expect(one.json()).toMatchObject({ aanmeldenMogelijk: true, anoniemeTerugkoppeling: true });
    const problem = await t.app.inject({ url: '/api/v1/bijeenkomsten?soort=feest' });
    expect(problem.statusCode).toBe(400);
    expect(problem.headers['content-type']).toContain('application/problem+json');
    expect((await t.app.inject({ url: `/api/v1/bijeenkomsten/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}` })).statusCode).toBe(404);

    const ics = await anyone.get(`/bijeenkomsten/${eventId}/agenda.ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('SUMMARY:Meedenksessie registratiescherm');
    expect(ics.body).toContain(`UID:bijeenkomst-${eventId}@`);
    const feed = await anyone.get('/bijeenkomsten.ics');
    expect(feed.body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });
});

describe('registering', () => {
  it('by e-mail: a link is mailed, the GET changes nothing, the POST gives the place', async () => {
    const visitor = new WebSession(t.app);
    await visitor.get(`/bijeenkomsten/${eventId}`);
    const res = await visitor.post(`/bijeenkomsten/${eventId}/aanmelden`, registration());
    expect(res.statusCode).toBe(200);
    expect(visibleText(res.body)).toContain('We stuurden een e-mail naar vera@school.nl.');
    const [mail] = await mailsTo(t.database, 'vera@school.nl');
    expect(mail.subject).toBe('Bevestig uw aanmelding: Meedenksessie registratiescherm');
    const link = linkIn(mail);
    const question = await visitor.get(link);
    expect(visibleText(question.body)).toContain('Bevestig mijn aanmelding');
    expect(await t.database.query("SELECT status FROM event_registrations WHERE email = 'vera@school.nl'")).toEqual([{ status: 'onbevestigd' }]);
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const csrf = visitor.csrfToken();
    const confirmed = await visitor.post('/bijeenkomsten/aanmelding/bevestigen', { token });
    expect(visibleText(confirmed.body)).toContain('U hebt een plaats bij "Meedenksessie registratiescherm"');
    const [row] = await t.database.query<{ status: string; school_id: string; setting: string; role: string }>(
      "SELECT status, school_id, setting, role FROM event_registrations WHERE email = 'vera@school.nl'",
    );
    expect(row).toEqual({ status: 'aangemeld', school_id: school.id, setting: 'stad', role: 'leraar' });
    expect((await mailsTo(t.database, 'vera@school.nl')).map((m) => m.subject)).toEqual([
      'Bevestig uw aanmelding: Meedenksessie registratiescherm',
      'U bent aangemeld: Meedenksessie registratiescherm',
    ]);
    // the link works once
    const again = await visitor.post('/bijeenkomsten/aanmelding/bevestigen', { token }, { csrf });
    expect(again.statusCode).toBe(400);
  });

  it('refuses a registration twice at its field, and a school that is not there or closed', async () => {
    const visitor = new WebSession(t.app);
    await visitor.get(`/bijeenkomsten/${eventId}`);
    const twice = await visitor.post(`/bijeenkomsten/${eventId}/aanmelden`, { ...registration(), email: 'VERA@school.nl' });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('href="#email"');
    expect(visibleText(twice.body)).toContain('Met dit e-mailadres bent u al aangemeld voor deze bijeenkomst.');
    const nowhere = await visitor.post(`/bijeenkomsten/${eventId}/aanmelden`, { ...registration(), email: 'ander@school.nl', school: 'Zzzyxw Nergensschool' });
    expect(nowhere.statusCode).toBe(400);
    expect(visibleText(nowhere.body)).toContain('Deze school staat niet in de organisatiegids van DUO.');
    const [closed] = await t.database.query<{ brin: string; name: string }>(
      'UPDATE schools SET closed_at = now() WHERE id = (SELECT id FROM schools WHERE closed_at IS NULL ORDER BY brin DESC LIMIT 1) RETURNING brin, name',
    );
    const shut = await visitor.post(`/bijeenkomsten/${eventId}/aanmelden`, { ...registration(), email: 'ander@school.nl', school: closed.brin });
    expect(visibleText(shut.body)).toContain(`${closed.name} is gesloten volgens DUO.`);
    expect(await t.database.query("SELECT 1 FROM event_registrations WHERE email = 'ander@school.nl'")).toEqual([]);
  });

  it('asks which school when several match, keeping what was typed', async () => {
    const visitor = new WebSession(t.app);
    await visitor.get(`/bijeenkomsten/${eventId}`);
    const res = await visitor.post(`/bijeenkomsten/${eventId}/aanmelden`, { ...registration(), email: 'kies@school.nl', school: 'basisschool' });
    expect(res.statusCode).toBe(400);
    expect(visibleText(res.body)).toContain('Welke school bedoelt u?');
    expect(res.body).toContain('href="#schoolId"');
    expect(res.body).toContain('value="basisschool"');
    expect((res.body.match(/name="schoolId"/g) ?? []).length).toBeGreaterThan(1);
  });

  it('signed in: at once; the event is then full, and the next goes on the waiting list, said plainly', async () => {
    await teacher.get(`/bijeenkomsten/${eventId}`);
    expect(visibleText(teacher.lastPage)).toContain('U bent ingelogd als lisa@school.nl.');
    const res = await teacher.post(`/bijeenkomsten/${eventId}/aanmelden`, {
      naam: 'Lisa Leraar',
      rol: 'schoolleider',
      school: school.brin,
      schoolId: '',
      omgeving: 'dorp',
    });
    expect(visibleText(res.body)).toContain('U hebt een plaats bij');
    const [row] = await t.database.query<{ account_id: string; email: string }>(
      "SELECT account_id, email FROM event_registrations WHERE email = 'lisa@school.nl'",
    );
    expect(row).toEqual({ account_id: teacherId, email: 'lisa@school.nl' });

    const late = new WebSession(t.app);
    await late.get(`/bijeenkomsten/${eventId}`);
    expect(visibleText(late.lastPage)).toContain('Vol: aanmelden zet u op de wachtlijst');
    const csrf = late.csrfToken();
    await late.post(`/bijeenkomsten/${eventId}/aanmelden`, {
      ...registration(),
      naam: 'Wim Wachter',
      email: 'wim@school.nl',
      rol: 'bestuurder',
      school: '',
      omgeving: '',
    });
    const token = new URL(linkIn((await mailsTo(t.database, 'wim@school.nl'))[0]), 'http://x').searchParams.get('token')!;
    const waiting = await late.post('/bijeenkomsten/aanmelding/bevestigen', { token }, { csrf });
    expect(visibleText(waiting.body)).toContain('is vol. U staat op de wachtlijst, op plaats 1.');
    expect((await mailsTo(t.database, 'wim@school.nl')).at(-1)!.subject).toBe('Op de wachtlijst: Meedenksessie registratiescherm');
  });

  it('a cancellation from the mail, after the question, moves the waiting list up and mails who moved up', async () => {
    const visitor = new WebSession(t.app);
    const placedMail = (await mailsTo(t.database, 'vera@school.nl')).at(-1)!;
    const cancelLink = /https?:\/\/[^/\s]+(\/bijeenkomsten\/aanmelding\/\S+)/.exec(placedMail.text)![1];
    const question = await visitor.get(cancelLink);
    expect(visibleText(question.body)).toContain('Wilt u zich afmelden');
    expect(await t.database.query("SELECT status FROM event_registrations WHERE email = 'vera@school.nl'")).toEqual([{ status: 'aangemeld' }]);
    const code = new URL(cancelLink, 'http://x').searchParams.get('code')!;
    const csrf = visitor.csrfToken();
    const wrong = await visitor.post(cancelLink.split('?')[0], { code: `${code}x` }, { csrf });
    expect(wrong.statusCode).toBe(404);
    const done = await visitor.post(cancelLink.split('?')[0], { code }, { csrf });
    expect(visibleText(done.body)).toContain('U bent afgemeld voor "Meedenksessie registratiescherm".');
    const statuses = await t.database.query<{ email: string; status: string }>('SELECT email, status FROM event_registrations ORDER BY email');
    expect(statuses).toEqual([
      { email: 'lisa@school.nl', status: 'aangemeld' },
      { email: 'vera@school.nl', status: 'afgemeld' },
      { email: 'wim@school.nl', status: 'aangemeld' },
    ]);
    expect((await mailsTo(t.database, 'wim@school.nl')).at(-1)!.subject).toBe('Er is een plaats voor u: Meedenksessie registratiescherm');
    expect(await auditRows(t.database, 'event-registration.moved-up')).toHaveLength(1);
  });

  it('the teacher sees their registration on their own page and in the AVG download, and cancels with a confirmation step', async () => {
    const own = await teacher.get('/mijn-bijeenkomsten');
    expect(visibleText(own.body)).toContain('Meedenksessie registratiescherm');
    expect(visibleText(own.body)).toContain('Uw aanmelding: Aangemeld');
    const download = JSON.parse((await teacher.get('/mijn-gegevens/download')).body);
    expect(download.bijeenkomsten).toEqual([
      expect.objectContaining({ bijeenkomst: 'Meedenksessie registratiescherm', rol: 'schoolleider', omgeving: 'dorp' }),
    ]);
    const [{ id }] = await t.database.query<{ id: string }>("SELECT id FROM event_registrations WHERE email = 'lisa@school.nl'");
    const question = await teacher.get(`/mijn-bijeenkomsten/${id}/afmelden`);
    expect(visibleText(question.body)).toContain('Ja, meld mij af');
    // someone else's registration is not theirs to see
    const [other] = await t.database.query<{ id: string }>("SELECT id FROM event_registrations WHERE email = 'wim@school.nl'");
    expect((await teacher.get(`/mijn-bijeenkomsten/${other.id}/afmelden`)).statusCode).toBe(404);
    const done = await teacher.post(`/mijn-bijeenkomsten/${id}/afmelden`, {});
    expect(visibleText(done.body)).toContain('U bent afgemeld');
    // a place freed, nobody waits: the event has one free place again
    expect((await t.app.inject({ url: `/api/v1/bijeenkomsten/${eventId}` })).json()).toMatchObject({ plaatsenVrij: 1, wachtlijst: 0 });
  });
});

describe('the reminder two days ahead', () => {
  it('goes once to each with a place, never a second time', async () => {
    const deps = {
      db: t.database.db,
      mailer: createMailer({ from: 'test@register.nl' }),
      baseUrl: 'http://localhost',
      crypto: { sign: () => 'x', verifySignature: () => false },
    };
    const [{ starts_at }] = await t.database.query<{ starts_at: Date }>('SELECT starts_at FROM events WHERE id = $1', [eventId]);
    const twoDaysBefore = new Date(new Date(starts_at).getTime() - 2 * 86_400_000 + 3_600_000);
    expect(await sendReminders({ ...deps, now: () => new Date(twoDaysBefore.getTime() - 86_400_000) })).toEqual({ mailed: 0 });
    expect(await sendReminders({ ...deps, now: () => twoDaysBefore })).toEqual({ mailed: 1 });
    expect(await sendReminders({ ...deps, now: () => twoDaysBefore })).toEqual({ mailed: 0 });
    expect((await mailsTo(t.database, 'wim@school.nl')).at(-1)!.subject).toBe('Herinnering: Meedenksessie registratiescherm');
  });
});

describe('the attendance list', () => {
  it('shows staff who has a place, audited once for the list and per registrant with an account; marks presence; downloads as CSV', async () => {
    const sam = await createAccount(t.database, { email: 'sam@school.nl', displayName: 'Sam Schoolleider' });
    const samWeb = await sessionFor(t.app, t.database, sam.id);
    await samWeb.get(`/bijeenkomsten/${eventId}`);
    await samWeb.post(`/bijeenkomsten/${eventId}/aanmelden`, {
      naam: 'Sam Schoolleider',
      rol: 'schoolleider',
      school: school.brin,
      schoolId: '',
      omgeving: 'platteland',
    });
    const page = await staff.get(`/beheer/bijeenkomsten/${eventId}/aanwezigheid`);
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    expect(text).toContain('Wim Wachter');
    expect(text).toContain('wim@school.nl');
    expect(text).toContain(`${school.name} (${school.brin})`);
    expect(text).not.toContain('Vera Bezoeker');
    const viewed = await auditRows(t.database, 'event-registrations.viewed');
    expect(viewed.map((e) => e.subject_account_id)).toEqual([null, sam.id]);
    expect(viewed.every((e) => e.actor_role === 'register-staff')).toBe(true);
    const [{ id }] = await t.database.query<{ id: string }>("SELECT id FROM event_registrations WHERE email = 'wim@school.nl'");
    const saved = await staff.post(`/beheer/bijeenkomsten/${eventId}/aanwezigheid`, { aanwezig: [id] });
    expect(saved.statusCode).toBe(303);
    expect(await t.database.query('SELECT present_by_label FROM event_registrations WHERE present_at IS NOT NULL')).toEqual([
      { present_by_label: 'Rachid Register' },
    ]);
    const csv = await staff.get(`/beheer/bijeenkomsten/${eventId}/aanwezigheid.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Wim Wachter;wim@school.nl;bestuurder;;;;;aangemeld;;ja');
    expect((await auditRows(t.database, 'event-registrations.exported')).map((e) => e.subject_account_id)).toEqual([null, sam.id]);
  });
});

describe('changing the event', () => {
  it('refuses a capacity below the places taken; a larger one moves the waiting list up; a new time is mailed to everyone registered', async () => {
    // the event is full again: sam and wim have its two places; kim waits
    const kim = new WebSession(t.app);
    await kim.get(`/bijeenkomsten/${eventId}`);
    const csrf = kim.csrfToken();
    await kim.post(`/bijeenkomsten/${eventId}/aanmelden`, { ...registration(), naam: 'Kim Wachter', email: 'kim@school.nl' });
    const token = new URL(linkIn((await mailsTo(t.database, 'kim@school.nl'))[0]), 'http://x').searchParams.get('token')!;
    await kim.post('/bijeenkomsten/aanmelding/bevestigen', { token }, { csrf });
    expect(await t.database.query("SELECT status FROM event_registrations WHERE email = 'kim@school.nl'")).toEqual([{ status: 'wachtlijst' }]);

    await staff.get(`/beheer/bijeenkomsten/${eventId}`);
    const lower = await staff.post(`/beheer/bijeenkomsten/${eventId}`, { ...eventForm, capaciteit: '1' });
    expect(lower.statusCode).toBe(400);
    expect(lower.body).toContain('href="#capaciteit"');
    expect(visibleText(lower.body)).toContain('Er zijn al 2 plaatsen bezet: het aantal plaatsen kan niet lager.');

    const changed = await staff.post(`/beheer/bijeenkomsten/${eventId}`, { ...eventForm, capaciteit: '3', begintijd: '13:30' });
    expect(changed.statusCode).toBe(303);
    expect(await t.database.query("SELECT status FROM event_registrations WHERE email = 'kim@school.nl'")).toEqual([{ status: 'aangemeld' }]);
    const kimMails = (await mailsTo(t.database, 'kim@school.nl')).map((m) => m.subject);
    expect(kimMails).toContain('Er is een plaats voor u: Meedenksessie registratiescherm');
    expect(kimMails).toContain('Gewijzigd: Meedenksessie registratiescherm');
    const wimChanged = (await mailsTo(t.database, 'wim@school.nl')).at(-1)!;
    expect(wimChanged.subject).toBe('Gewijzigd: Meedenksessie registratiescherm');
    expect(wimChanged.text).toContain('13:30–16:00');
    const [audit] = await auditRows(t.database, 'event.changed');
    expect(audit.before).toMatchObject({ capacity: 2 });
    expect(audit.after).toMatchObject({ capacity: 3 });
  });

  it('says what is wrong in English too', async () => {
    await staff.get(`/beheer/bijeenkomsten/${eventId}?lang=en`);
    const bad = await staff.post(`/beheer/bijeenkomsten/${eventId}?lang=en`, { ...eventForm, capaciteit: '0', eindtijd: '12:00' });
    expect(bad.statusCode).toBe(400);
    const text = visibleText(bad.body);
    expect(text).toContain('Fill in a number of places from 1 to 1,000.');
    expect(text).toContain('The end time must be after the start time.');
    const visitor = new WebSession(t.app);
    await visitor.get(`/bijeenkomsten/${eventId}?lang=en`);
    const twice = await visitor.post(`/bijeenkomsten/${eventId}/aanmelden?lang=en`, { ...registration(), email: 'wim@school.nl' });
    expect(visibleText(twice.body)).toContain('This e-mail address is already registered for this event.');
  });
});

describe('cancelling the event', () => {
  it('asks to confirm, then tells everyone registered and leaves the public list', async () => {
    const question = await staff.get(`/beheer/bijeenkomsten/${eventId}/afgelasten`);
    expect(question.statusCode).toBe(200);
    const unconfirmed = await staff.post(`/beheer/bijeenkomsten/${eventId}/afgelasten`, {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('href="#bevestigd"');
    const done = await staff.post(`/beheer/bijeenkomsten/${eventId}/afgelasten`, { bevestigd: 'ja' });
    expect(done.statusCode).toBe(303);
    expect((await mailsTo(t.database, 'wim@school.nl')).at(-1)!.subject).toBe('Gaat niet door: Meedenksessie registratiescherm');
    expect((await t.app.inject({ url: '/api/v1/bijeenkomsten' })).json().totaal).toBe(0);
    const page = await new WebSession(t.app).get(`/bijeenkomsten/${eventId}`);
    expect(visibleText(page.body)).toContain('Deze bijeenkomst gaat niet door.');
    expect(page.body).not.toContain('name="naam"');
  });
});
