import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, testPassword } from '../../../tests/support/accounts.ts';
import { sessionFor, signInAndEnrolTotp } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { translator } from '../../../tests/support/texts.ts';
import { visibleText, WebSession } from '../../../tests/support/web-session.ts';
import { seedDemo } from '../../demo/demo.service.ts';
import { createApiToken } from '../../platform/auth/api-tokens.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { currentTotp } from '../../platform/auth/totp.ts';
import { formatDate, type MessageKey } from '../../platform/i18n.ts';

/**
 * The start page per role on the demo data (issue 20): the cards each person sees, each count as the
 * database has it, and the count again after the data changed under it. Beheer per role; the landing
 * after signing in.
 */

let t: TestApp;
const nl = translator('nl');
const en = translator('en');

beforeAll(async () => {
  t = await createTestApp({ prepare: (database) => seedDemo(database, () => {}) });
});
afterAll(async () => t?.close());

const demo = (name: string) => `${name}@demo.beroepsregister.nl`;
const one = async <T = { id: string }>(sql: string, params: unknown[] = []): Promise<T> => {
  const [found] = await t.database.query<T>(sql, params);
  if (!found) throw new Error(`the demo data has nothing for: ${sql}`);
  return found;
};
const countOf = async (sql: string, params: unknown[] = []) => (await one<{ n: number }>(sql, params)).n;

async function signedIn(name: string): Promise<WebSession> {
  return sessionFor(t.app, t.database, (await one(`SELECT id FROM accounts WHERE email = $1`, [demo(name)])).id);
}

/** A count in words as the start page writes it: the text for none, one or more. */
const counted = (count: number, keys: { none?: MessageKey; one: MessageKey; other: MessageKey }, params: Record<string, string | number> = {}) =>
  nl(count === 0 && keys.none ? keys.none : count === 1 ? keys.one : keys.other, { ...params, count });

type Card = { heading: string; status: string; href: string };

/** The cards on a page, as a person reads them: heading (a link), and the count or state beside it. */
function cardsOn(html: string): Card[] {
  return [...html.matchAll(/<li class="br-card[^"]*">([\s\S]*?)<\/li>/g)].map(([, card]) => ({
    heading: visibleText(/<h3[\s\S]*?<\/h3>/.exec(card)?.[0] ?? ''),
    status: visibleText(/class="utrecht-paragraph br-card__status">([\s\S]*?)<\/p>/.exec(card)?.[1] ?? ''),
    href: (/href="([^"]+)"/.exec(card)?.[1] ?? '').replace(/&amp;/g, '&'),
  }));
}

async function cardsOf(web: WebSession, path = '/start'): Promise<Card[]> {
  const page = await web.get(path);
  expect(page.statusCode, path).toBe(200);
  return cardsOn(page.body);
}

/** The one card with this heading. */
function card(cards: Card[], heading: string): Card {
  const found = cards.filter((c) => c.heading === heading);
  if (found.length !== 1) throw new Error(`${found.length} cards "${heading}" in: ${cards.map((c) => c.heading).join(', ')}`);
  return found[0];
}
const statusOf = (cards: Card[], heading: string) => card(cards, heading).status;

describe('the professional', () => {
  it('sees the employments to check and the enrolment, each count following the data, in Dutch and English', async () => {
    const web = await signedIn('leraar');
    const account = await one(`SELECT id FROM accounts WHERE email = $1`, [demo('leraar')]);
    await web.get('/start'); // the demo professional is linked here by her confirmed address, as on Mijn register
    const toCheck = () =>
      t.database.query<{ id: string }>(
        `SELECT e.id FROM employments e JOIN persons p ON p.id = e.person_id WHERE p.account_id = $1 AND e.approval_status = 'te-controleren' ORDER BY e.id`,
        [account.id],
      );
    const before = await toCheck();
    expect(before.length).toBeGreaterThan(0);
    let cards = await cardsOf(web);
    const check = card(cards, nl('start.own.check.heading'));
    expect(check.status).toBe(counted(before.length, { one: 'start.own.check.one', other: 'start.own.check.other' }));
    expect(check.href).toBe('/mijn-register');
    expect(statusOf(cards, nl('start.own.enrol.heading'))).toBe(nl('start.own.enrol.status'));
    expect(visibleText(web.lastPage)).not.toContain(nl('start.nothingWaiting'));

    // approving one on Mijn register leaves one fewer
    expect((await web.post(`/mijn-register/dienstverbanden/${before[0].id}/akkoord`, {})).statusCode).toBe(303);
    cards = await cardsOf(web);
    const left = before.length - 1;
    expect(statusOf(cards, nl('start.own.check.heading'))).toBe(
      left > 0 ? counted(left, { one: 'start.own.check.one', other: 'start.own.check.other' }) : nl('start.own.check.personData'),
    );

    // enrolled: the register number, and registration to apply for
    expect((await web.post('/mijn-register/inschrijving', {})).statusCode).toBe(303);
    const { register_number: number } = await one<{ register_number: string }>(`SELECT register_number FROM enrolments WHERE account_id = $1`, [account.id]);
    cards = await cardsOf(web);
    expect(statusOf(cards, nl('start.own.enrolment.heading'))).toBe(nl('start.own.enrolment.status', { number }));
    expect(card(cards, nl('registration.title'))).toEqual({
      heading: nl('registration.title'),
      status: nl('start.registration.apply'),
      href: '/mijn-register/registratie',
    });

    const english = cardsOn((await web.get('/start?lang=en')).body);
    expect(statusOf(english, en('start.own.enrolment.heading'))).toBe(en('start.own.enrolment.status', { number }));
    expect(visibleText(web.lastPage)).toContain(en('start.title'));
    await web.get('/start?lang=nl');
  });

  it("sees how far re-registration is in their register's unit, and less to go once an activity counts", async () => {
    const registered = await one<{ email: string; enrolment: string; until: string }>(
      `SELECT a.email, n.id AS enrolment, r.valid_until::text AS until FROM enrolments n JOIN accounts a ON a.id = n.account_id
       JOIN registration_applications r ON r.enrolment_id = n.id JOIN register_versions v ON v.id = r.register_version_id
       WHERE n.status = 'geregistreerd' AND r.valid_until > current_date + 400 AND v.renewal_unit IN ('punten', 'uren')
         AND NOT EXISTS (SELECT 1 FROM activities x WHERE x.enrolment_id = n.id)
         AND r.valid_until = (SELECT max(valid_until) FROM registration_applications q WHERE q.enrolment_id = n.id)
       ORDER BY n.id LIMIT 1`,
    );
    const web = await sessionFor(t.app, t.database, (await one(`SELECT id FROM accounts WHERE email = $1`, [registered.email])).id);
    const shortIn = async () => {
      const status = statusOf(await cardsOf(web), nl('reregistration.title'));
      const match = /^Nog (\d+) (punten|punt|uur) nodig, uiterlijk (.+)$/.exec(status);
      if (!match) throw new Error(`no shortfall in "${status}"`);
      return { short: Number(match[1]), until: match[3] };
    };
    const before = await shortIn();
    expect(before.until).toBe(formatDate('nl', new Date(`${registered.until}T12:00:00Z`)));
    await t.database.query(
      `INSERT INTO activities (id, enrolment_id, kind, title, started_on, completed_on, hours, primary_process, themes, points)
       VALUES (gen_random_uuid(), $1, 'cursus', 'Rekendidactiek', current_date - 10, current_date - 1, 5, true, '{}', 5)`,
      [registered.enrolment],
    );
    expect((await shortIn()).short).toBe(before.short - 5);
  });
});

/** A fresh open dispute of a demo board's employment. */
async function disputeAt(boardId: string) {
  const employment = await one<{ id: string; person_id: string }>(
    `SELECT e.id, e.person_id FROM employments e WHERE e.board_id = $1 AND NOT EXISTS (SELECT 1 FROM employment_disputes d WHERE d.employment_id = e.id) LIMIT 1`,
    [boardId],
  );
  await t.database.query(
    `INSERT INTO employment_disputes (id, employment_id, person_id, board_id, comment) VALUES (gen_random_uuid(), $1, $2, $3, 'Klopt niet.')`,
    [employment.id, employment.person_id, boardId],
  );
}

describe("a board's staff", () => {
  it('see open disputes, what their professionals did not check and the last delivery; each follows the data', async () => {
    const board = await one(`SELECT id FROM boards WHERE number = '32073'`);
    const openDisputes = () => countOf(`SELECT count(*)::int AS n FROM employment_disputes WHERE board_id = $1 AND status = 'open'`, [board.id]);
    const unchecked = () =>
      countOf(
        `SELECT count(*)::int AS n FROM employments e JOIN persons p ON p.id = e.person_id AND p.merged_into IS NULL WHERE e.board_id = $1 AND e.approval_status = 'te-controleren'`,
        [board.id],
      );
    const lastApplied = async () =>
      formatDate('nl', (await one<{ at: Date }>(`SELECT max(created_at) AS at FROM deliveries WHERE board_id = $1 AND status = 'verwerkt'`, [board.id])).at);
    const expected = async () => ({
      disputes: counted(await openDisputes(), { none: 'start.disputes.none', one: 'start.disputes.one', other: 'start.disputes.other' }),
      progress: counted(await unchecked(), { none: 'start.progress.none', one: 'start.progress.one', other: 'start.progress.other' }),
      deliveries: nl('start.deliveries.last', { date: await lastApplied() }),
    });
    const seen = (cards: Card[]) => ({
      disputes: statusOf(cards, nl('disputes.link')),
      progress: statusOf(cards, nl('progress.link')),
      deliveries: statusOf(cards, nl('deliveries.link')),
    });
    const admin = await signedIn('hr');
    const staff = await signedIn('personeelszaken');
    const before = await expected();
    expect(seen(await cardsOf(admin))).toEqual(before);
    expect(seen(await cardsOf(staff))).toEqual(before);
    expect(card(await cardsOf(admin), nl('disputes.link')).href).toBe(`/beheer/bestuur/${board.id}/betwistingen`);

    await disputeAt(board.id);
    await t.database.query(
      `UPDATE employments SET approval_status = 'geaccordeerd' WHERE id = (SELECT id FROM employments WHERE board_id = $1 AND approval_status = 'te-controleren' LIMIT 1)`,
      [board.id],
    );
    await t.database.query(`UPDATE deliveries SET created_at = created_at - interval '3 days' WHERE board_id = $1`, [board.id]);
    const after = await expected();
    // every count and the date moved: a page that did not follow would still show `before`
    for (const key of ['disputes', 'progress', 'deliveries'] as const) expect(after[key]).not.toBe(before[key]);
    expect(seen(await cardsOf(admin))).toEqual(after);
  });

  it('find their board on Beheer: the admin with its tokens, the staff without', async () => {
    const board = await one(`SELECT id FROM boards WHERE number = '32073'`);
    const members = await countOf(`SELECT count(DISTINCT account_id)::int AS n FROM memberships WHERE organisation_id = $1 AND revoked_at IS NULL`, [board.id]);
    const admin = await cardsOf(await signedIn('hr'), '/beheer');
    expect(statusOf(admin, nl('account.members'))).toBe(counted(members, { one: 'start.members.one', other: 'start.members.other' }));
    expect(statusOf(admin, nl('account.tokens'))).toBe(nl('start.tokens.none'));
    expect(statusOf(admin, nl('staff.link'))).toMatch(/aangeleverde dienstverbanden$/);
    const staff = await cardsOf(await signedIn('personeelszaken'), '/beheer');
    expect(staff.map((c) => c.heading)).toContain(nl('account.members'));
    expect(staff.map((c) => c.heading)).not.toContain(nl('account.tokens'));
    expect(staff.map((c) => c.heading)).not.toContain(nl('start.offices.grant.heading'));

    await createApiToken(t.database.db, {
      organisation: { kind: 'bestuur', id: board.id },
      name: 'Salarispakket',
      scopes: ['aanleveren'],
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
      createdBy: null,
    });
    expect(statusOf(await cardsOf(await signedIn('hr'), '/beheer'), nl('account.tokens'))).toBe(nl('start.tokens.one', { count: 1 }));
  });

  it('at a board with nothing delivered, nothing waits: the start page says so', async () => {
    const board = await one(`SELECT b.id FROM boards b WHERE NOT EXISTS (SELECT 1 FROM employments e WHERE e.board_id = b.id) ORDER BY b.number LIMIT 1`);
    const account = await createAccount(t.database, {
      email: 'stil@bestuur.nl',
      roles: [{ role: 'board-staff', organisation: { kind: 'bestuur', id: board.id } }],
    });
    const web = await sessionFor(t.app, t.database, account.id);
    const cards = await cardsOf(web);
    expect(visibleText(web.lastPage)).toContain(nl('start.nothingWaiting'));
    expect(statusOf(cards, nl('disputes.link'))).toBe(nl('start.disputes.none'));
    expect(statusOf(cards, nl('deliveries.link'))).toBe(nl('start.deliveries.never'));
    expect(statusOf(cards, nl('progress.link'))).toBe(nl('start.progress.nothingDelivered'));
    // a role holder without a record of their own: Mijn register is not in the menu, but a line leads there
    expect(visibleText(web.lastPage)).toContain(nl('start.ownRecordToo'));
  });
});

describe('the commissions', () => {
  it('a member of the Commissie Registratie opens Beheer and sees the applications and requests waiting for them', async () => {
    const web = await signedIn('commissie');
    const member = await one(`SELECT id FROM accounts WHERE email = $1`, [demo('commissie')]);
    expect((await web.get('/beheer')).statusCode).toBe(200);
    const assigned = () =>
      countOf(`SELECT count(*)::int AS n FROM registration_applications WHERE status = 'in-behandeling' AND assigned_to = $1`, [member.id]);
    const requests = () => countOf(`SELECT count(*)::int AS n FROM postponements WHERE status = 'aangevraagd'`);
    const expected = async () => ({
      applications: counted(await assigned(), { none: 'start.review.decide.none', one: 'start.review.decide.one', other: 'start.review.decide.other' }),
      postponements: counted(await requests(), { none: 'start.postponements.none', one: 'start.postponements.one', other: 'start.postponements.other' }),
    });
    const seen = (cards: Card[]) => ({ applications: statusOf(cards, nl('review.link')), postponements: statusOf(cards, nl('postponements.link')) });
    const before = await expected();
    expect(seen(await cardsOf(web))).toEqual(before);
    await t.database.query(
      `UPDATE registration_applications SET status = 'in-behandeling', assigned_to = $1 WHERE id = (SELECT id FROM registration_applications WHERE status = 'aangevraagd' LIMIT 1)`,
      [member.id],
    );
    await t.database.query(`UPDATE postponements SET status = 'afgewezen' WHERE id = (SELECT id FROM postponements WHERE status = 'aangevraagd' LIMIT 1)`);
    const after = await expected();
    for (const key of ['applications', 'postponements'] as const) expect(after[key]).not.toBe(before[key]);
    expect(seen(await cardsOf(web))).toEqual(after);
    expect(card(await cardsOf(web), nl('review.link')).href).toBe('/beheer/aanvragen');
  });

  it('a member of the Commissie Accreditatie sees the offerings and activities waiting for their judgement', async () => {
    const web = await signedIn('accreditatie');
    const member = await one(`SELECT id FROM accounts WHERE email = $1`, [demo('accreditatie')]);
    const offerings = () => countOf(`SELECT count(*)::int AS n FROM offerings WHERE assigned_to = $1 AND status = 'in-behandeling'`, [member.id]);
    const valuations = () =>
      countOf(
        `SELECT count(*)::int AS n FROM valuation_requests r WHERE r.status = 'aangevraagd'
         AND NOT EXISTS (SELECT 1 FROM valuation_assessments s WHERE s.request_id = r.id AND s.assessor_account_id = $1)`,
        [member.id],
      );
    const expected = async () => ({
      offerings: counted(await offerings(), { none: 'start.offerings.judge.none', one: 'start.offerings.judge.one', other: 'start.offerings.judge.other' }),
      valuations: counted(await valuations(), { none: 'start.valuations.none', one: 'start.valuations.one', other: 'start.valuations.other' }),
    });
    const seen = (cards: Card[]) => ({ offerings: statusOf(cards, nl('start.offerings.judge.heading')), valuations: statusOf(cards, nl('valuation.link')) });
    const before = await expected();
    expect(seen(await cardsOf(web))).toEqual(before);
    await t.database.query(
      `UPDATE offerings SET status = 'in-behandeling', assigned_to = $1 WHERE id = (SELECT id FROM offerings WHERE status = 'ingediend' LIMIT 1)`,
      [member.id],
    );
    const after = await expected();
    expect(after.offerings).not.toBe(before.offerings);
    expect(seen(await cardsOf(web))).toEqual(after);
  });
});

describe('register staff', () => {
  it('see their queues with counts that follow the data, and their search tools on Beheer', async () => {
    const web = await signedIn('registerbeheer');
    const expected = async () => ({
      applications: counted(await countOf(`SELECT count(*)::int AS n FROM registration_applications WHERE status IN ('aangevraagd', 'bezwaar')`), {
        none: 'start.review.assign.none',
        one: 'start.review.assign.one',
        other: 'start.review.assign.other',
      }),
      duplicates: counted(await countOf(`SELECT count(*)::int AS n FROM duplicate_candidates WHERE status = 'open'`), {
        none: 'start.duplicates.none',
        one: 'start.duplicates.one',
        other: 'start.duplicates.other',
      }),
      offerings: counted(await countOf(`SELECT count(*)::int AS n FROM offerings WHERE status = 'ingediend'`), {
        none: 'start.offerings.assign.none',
        one: 'start.offerings.assign.one',
        other: 'start.offerings.assign.other',
      }),
    });
    const seen = (cards: Card[]) => ({
      applications: statusOf(cards, nl('review.link')),
      duplicates: statusOf(cards, nl('office.duplicates.title')),
      offerings: statusOf(cards, nl('start.offerings.assign.heading')),
    });
    const before = await expected();
    expect(seen(await cardsOf(web))).toEqual(before);
    await t.database.query(
      `UPDATE registration_applications SET status = 'in-behandeling' WHERE id = (SELECT id FROM registration_applications WHERE status = 'aangevraagd' LIMIT 1)`,
    );
    const [a, b] = await t.database.query<{ id: string }>(`SELECT id FROM persons ORDER BY id LIMIT 2`);
    await t.database.query(`INSERT INTO duplicate_candidates (id, person_id, candidate_id, reason) VALUES (gen_random_uuid(), $1, $2, 'naam-geboortedatum')`, [
      a.id,
      b.id,
    ]);
    const after = await expected();
    for (const key of ['applications', 'duplicates'] as const) expect(after[key]).not.toBe(before[key]);
    expect(seen(await cardsOf(web))).toEqual(after);

    const manage = await web.get('/beheer');
    expect(visibleText(manage.body)).toContain(nl('admin.findAccount'));
    const pages = cardsOn(manage.body).map((c) => c.href);
    for (const path of [
      '/beheer/registers',
      '/beheer/inschrijvingen',
      '/beheer/aanbieders',
      '/beheer/administratiekantoren',
      '/beheer/referentiekader',
      '/beheer/aanleveringen',
    ])
      expect(pages).toContain(path);
  });
});

describe('a provider', () => {
  it('sees its runs without attendance, a count that follows the data; only its admin manages tokens', async () => {
    const provider = await one(`SELECT m.organisation_id AS id FROM memberships m JOIN accounts a ON a.id = m.account_id WHERE a.email = $1`, [
      demo('aanbieder'),
    ]);
    const withoutAttendance = () =>
      countOf(
        `SELECT count(*)::int AS n FROM offering_runs r JOIN offerings o ON o.id = r.offering_id
         WHERE o.organisation_id = $1 AND r.cancelled_at IS NULL AND r.ends_at < now() AND NOT EXISTS (SELECT 1 FROM attendances a WHERE a.run_id = r.id)`,
        [provider.id],
      );
    const expected = async () =>
      counted(await withoutAttendance(), { none: 'start.attendance.none', one: 'start.attendance.one', other: 'start.attendance.other' });
    const admin = await signedIn('aanbieder');
    const trainer = await signedIn('trainer');
    const before = await expected();
    expect(statusOf(await cardsOf(admin), nl('start.attendance.heading'))).toBe(before);
    expect(statusOf(await cardsOf(trainer), nl('start.attendance.heading'))).toBe(before);
    await t.database.query(
      `INSERT INTO offering_runs (id, offering_id, starts_at, ends_at, online, capacity, created_by_label)
       SELECT gen_random_uuid(), o.id, now() - interval '3 days', now() - interval '3 days' + interval '3 hours', true, 20, 'test'
       FROM offerings o WHERE o.organisation_id = $1 AND o.status = 'geaccrediteerd' LIMIT 1`,
      [provider.id],
    );
    const after = await expected();
    expect(after).not.toBe(before);
    expect(statusOf(await cardsOf(admin), nl('start.attendance.heading'))).toBe(after);
    expect((await cardsOf(admin, '/beheer')).map((c) => c.heading)).toContain(nl('account.tokens'));
    expect((await cardsOf(trainer, '/beheer')).map((c) => c.heading)).not.toContain(nl('account.tokens'));
  });
});

describe('an administratiekantoor', () => {
  it('sees the boards that authorise it with their last delivery; a withdrawn machtiging takes the board away', async () => {
    const office = await one<{ id: string; board: string; name: string }>(
      `SELECT m.office_id AS id, b.id AS board, b.name FROM office_mandates m JOIN boards b ON b.id = m.board_id WHERE m.withdrawn_at IS NULL LIMIT 1`,
    );
    const web = await signedIn('administratiekantoor');
    const forBoard = card(await cardsOf(web), nl('start.deliveries.forBoard', { board: office.name }));
    expect(forBoard.href).toBe(`/beheer/bestuur/${office.board}/aanleveringen`);
    const ownLast = await one<{ at: Date | null }>(
      `SELECT max(created_at) AS at FROM deliveries WHERE board_id = $1 AND submitted_by_office = $2 AND status = 'verwerkt'`,
      [office.board, office.id],
    );
    expect(forBoard.status).toBe(ownLast.at ? nl('start.deliveries.last', { date: formatDate('nl', ownLast.at) }) : nl('start.deliveries.never'));
    expect(statusOf(await cardsOf(web, '/beheer'), nl('offices.mandates.link'))).toBe(nl('start.offices.boards.one', { count: 1 }));

    await t.database.query(`UPDATE office_mandates SET withdrawn_at = now() WHERE office_id = $1`, [office.id]);
    expect((await cardsOf(web)).map((c) => c.heading)).not.toContain(nl('start.deliveries.forBoard', { board: office.name }));
    expect(visibleText(web.lastPage)).toContain(nl('start.nothingWaiting'));
    expect(statusOf(await cardsOf(web, '/beheer'), nl('offices.mandates.link'))).toBe(nl('start.offices.boards.none'));
    await t.database.query(`UPDATE office_mandates SET withdrawn_at = NULL WHERE office_id = $1`, [office.id]);
  });
});

describe('signing in', () => {
  it('lands on the start page after the code too, and on the page asked for with a way back', async () => {
    const email = 'staf2@register.nl';
    await createAccount(t.database, { email, roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }] });
    const { secret } = await signInAndEnrolTotp(t.app, email);
    const web = new WebSession(t.app);
    await web.get('/inloggen');
    const first = await web.post('/inloggen', { email, wachtwoord: testPassword, terug: '/start' });
    expect(first.headers.location).toBe('/inloggen/tweede-stap?terug=%2Fstart');
    await web.get(String(first.headers.location));
    const code = await web.post('/inloggen/tweede-stap', { code: currentTotp(secret, Date.now() + 30_000), terug: '/start' });
    expect(code.headers.location).toBe('/start');
    // already signed in, the sign-in page sends one on to the start page
    expect((await web.get('/inloggen')).headers.location).toBe('/start');

    const asked = new WebSession(t.app);
    await asked.get('/inloggen?terug=%2Faanbod');
    const back = /name="terug" value="([^"]*)"/.exec(asked.lastPage)?.[1];
    expect(back).toBe('/aanbod');
    await createAccount(t.database, { email: 'pro@school.nl' });
    expect((await asked.post('/inloggen', { email: 'pro@school.nl', wachtwoord: testPassword, terug: back! })).headers.location).toBe('/aanbod');
  });

  it('a professional without a role gets no Beheer: not in the menu, and refused at its address', async () => {
    const account = await createAccount(t.database, { email: 'nieuw@school.nl' });
    const web = await sessionFor(t.app, t.database, account.id);
    const start = await web.get('/start');
    expect(start.body).toContain('href="/mijn-register"');
    expect(start.body).not.toContain('href="/beheer"');
    expect((await web.get('/beheer')).statusCode).toBe(403);
    expect(statusOf(cardsOn(start.body), nl('start.own.link.heading'))).toBe(nl('start.own.link.status'));
  });
});
