import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { auditRows, mailsTo, sessionFor } from '../../../tests/support/identity.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { visibleText, type WebSession } from '../../../tests/support/web-session.ts';
import { registerOfficeId } from '../../platform/auth/roles.ts';
import { diversityBound, diversityScore } from '../../platform/grouping/diverse-groups.ts';
import { registrantAttributeNames, registrantAttributes } from '../../platform/grouping/registrant-attributes.ts';
import { getDirectoryFacts } from '../organisations/index.ts';
import { groupingSetting } from './event-groups.rules.ts';

/**
 * The diverse groups on the pages, as register staff use them: propose (bad sizes refused at the field,
 * replacing asks first), the score beside its bound as diversityScore and diversityBound give them for
 * the groups shown, a move with the notice of how the score changed (bad moves refused, nothing changed),
 * improving, a late registrant placed, a cancelled one left out, the mail checked and sent to each
 * participant with their group, the English page, and the group in the person's AVG download.
 */

let t: TestApp;
let staff: WebSession;
let teacher: WebSession;
let eventId: string;
let otherEventId: string;
let otherRegistrationId: string;
const registrants: { id: string; name: string; email: string; role: string; schoolId: string | null; setting: string | null }[] = [];

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const roles = ['schoolleider', 'leraar', 'teamleider'];
const settings = ['stad', 'dorp', 'platteland'];
const names = ['Anouk', 'Bram', 'Citlali', 'Daan', 'Esra', 'Femke', 'Gijs', 'Hatice', 'Ilse', 'Joost', 'Karim', 'Lotte', 'Mees', 'Noor', 'Olaf', 'Pien'];

async function insertEvent(kind: string, title: string): Promise<string> {
  const id = crypto.randomUUID();
  await t.database.query(
    `INSERT INTO events (id, kind, title, description, audience, starts_at, ends_at, online, place, capacity, created_by_label)
     VALUES ($1, $2, $3, 'Praten in groepen.', '{schoolleider,leraar}', $4, $5, false, 'Nieuwe Liefde, Amsterdam', 60, 'Test')`,
    [id, kind, title, inDays(30).toISOString(), new Date(inDays(30).getTime() + 3 * 3_600_000).toISOString()],
  );
  return id;
}

async function insertRegistration(
  event: string,
  r: { name: string; email: string; role: string; schoolId: string | null; setting: string | null; lang?: string; accountId?: string },
) {
  const id = crypto.randomUUID();
  await t.database.query(
    `INSERT INTO event_registrations (id, event_id, account_id, name, email, role, school_id, setting, lang, status, created_at, confirmed_at, queued_at, placed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'aangemeld', now(), now(), now(), now())`,
    [id, event, r.accountId ?? null, r.name, r.email, r.role, r.schoolId, r.setting, r.lang ?? 'nl'],
  );
  return id;
}

/** The groups as the page shows them: per group section, the registrants whose name is in it. */
function groupsOn(html: string): string[][] {
  const sections = html.split(/<section aria-labelledby="groep-\d+">/).slice(1);
  return sections.map((section) => registrants.filter((r) => section.includes(`>${r.name}<`)).map((r) => r.id));
}

/** The score and bound the page states. */
function statedScore(html: string): { score: number; bound: number } {
  const match = /Score (\d+) van ten hoogste (\d+)/.exec(visibleText(html));
  if (!match) throw new Error('no score on the page');
  return { score: Number(match[1]), bound: Number(match[2]) };
}

/** The people as the grouping sees them, from the directory and the form, computed here apart from the page. */
async function people(ids: string[]) {
  const chosen = registrants.filter((r) => ids.includes(r.id));
  const facts = await getDirectoryFacts(
    t.database.db,
    chosen.flatMap((r) => (r.schoolId ? [r.schoolId] : [])),
  );
  const boards = new Map(
    (
      await t.database.query<{ id: string; board_id: string | null }>('SELECT id, board_id FROM schools WHERE id = ANY($1)', [
        chosen.flatMap((r) => (r.schoolId ? [r.schoolId] : [])),
      ])
    ).map((s) => [s.id, s.board_id]),
  );
  const boardFacts = await getDirectoryFacts(
    t.database.db,
    [...boards.values()].filter((b): b is string => b !== null),
  );
  return chosen.map((r) => ({
    id: r.id,
    attributes: registrantAttributes({
      school: r.schoolId ? facts.get(r.schoolId) : null,
      board: r.schoolId && boards.get(r.schoolId) ? boardFacts.get(boards.get(r.schoolId)!) : null,
      role: r.role,
      setting: groupingSetting(r.setting),
    }),
  }));
}

async function expectScoreOfShownGroups(html: string) {
  const groups = groupsOn(html);
  const all = await people(groups.flat());
  const score = diversityScore(all, groups, registrantAttributeNames);
  const bound = diversityBound(
    all,
    groups.map((g) => g.length),
    registrantAttributeNames,
  );
  expect(statedScore(html)).toEqual({ score: score.total, bound: bound.total });
  // and per attribute, beside its own bound
  const labels = {
    province: 'Provincie',
    coropRegion: 'COROP-gebied',
    denomination: 'Denominatie',
    governance: 'Bestuursvorm',
    role: 'Rol',
    setting: 'Omgeving',
  };
  for (const name of registrantAttributeNames) {
    expect(visibleText(html)).toContain(`${labels[name]} ${score.perAttribute[name]} van ten hoogste ${bound.perAttribute[name]} (`);
  }
  return { groups, score: score.total };
}

const groupsPath = () => `/beheer/bijeenkomsten/${eventId}/groepen`;
const membership = () =>
  t.database.query<{ registration_id: string; group_number: number }>(
    'SELECT registration_id, group_number FROM event_group_members WHERE event_id = $1 ORDER BY registration_id',
    [eventId],
  );

beforeAll(async () => {
  t = await createTestApp({ withDuo: true });
  const schools = await t.database.query<{ id: string }>(
    `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY brin) AS n FROM schools WHERE closed_at IS NULL) s WHERE n % 29 = 1 ORDER BY n LIMIT 22`,
  );
  const staffAccount = await createAccount(t.database, {
    email: 'staf@register.nl',
    displayName: 'Rachid Register',
    roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
  });
  staff = await sessionFor(t.app, t.database, staffAccount.id);
  const teacherAccount = await createAccount(t.database, { email: 'emma@school.nl', displayName: 'Emma English' });
  teacher = await sessionFor(t.app, t.database, teacherAccount.id);
  eventId = await insertEvent('verkennend-gesprek', 'Verkennend gesprek in de praktijk');
  otherEventId = await insertEvent('voorlichting', 'Voorlichting koplopers');
  for (let n = 0; n < 21; n++) {
    const r = {
      name: `${names[n % names.length]} Deelnemer${n}`,
      email: `deelnemer${n}@school.nl`,
      role: roles[n % roles.length],
      schoolId: schools[n % schools.length].id,
      setting: settings[(n * 2) % settings.length],
    };
    registrants.push({ ...r, id: await insertRegistration(eventId, r) });
  }
  // a board member without a school: no directory facts, no setting (shown "onbekend", never filled in)
  const board = { name: 'Bob Bestuurder', email: 'bob@bestuur.nl', role: 'bestuurder', schoolId: null, setting: null };
  registrants.push({ ...board, id: await insertRegistration(eventId, board) });
  // an English-speaking teacher, signed in
  const emma = { name: 'Emma English', email: 'emma@school.nl', role: 'leraar', schoolId: schools[3].id, setting: 'stad' };
  registrants.push({ ...emma, id: await insertRegistration(eventId, { ...emma, lang: 'en', accountId: teacherAccount.id }) });
  otherRegistrationId = await insertRegistration(otherEventId, {
    name: 'Vera Voorlichting',
    email: 'vera@school.nl',
    role: 'leraar',
    schoolId: null,
    setting: null,
  });
});
afterAll(async () => t?.close());

describe('the groups page', () => {
  it('is for an exploratory conversation only, and for register staff only', async () => {
    const other = await staff.get(`/beheer/bijeenkomsten/${otherEventId}/groepen`);
    expect(other.statusCode).toBe(404);
    expect(visibleText(other.body)).toContain('Alleen een verkennend gesprek wordt in groepen ingedeeld.');
    expect((await teacher.get(groupsPath())).statusCode).toBe(403);
    // the event's own page links to it; the other kind's does not
    expect((await staff.get(`/beheer/bijeenkomsten/${eventId}`)).body).toContain(`href="${groupsPath()}"`);
    expect((await staff.get(`/beheer/bijeenkomsten/${otherEventId}`)).body).not.toContain('/groepen');
    expect((await staff.get('/beheer/bijeenkomsten')).body).toContain(`href="${groupsPath()}"`);
  });

  it('starts without groups, the size 10 filled in', async () => {
    const page = await staff.get(groupsPath());
    expect(page.statusCode).toBe(200);
    const text = visibleText(page.body);
    expect(text).toContain('nog geen groepen');
    expect(text).toContain('Deelnemers met een plaats 23');
    expect(page.body).toMatch(/<input[^>]*id="groepsgrootte"[^>]*value="10"/);
    expect(text).not.toContain('van ten hoogste');
  });

  it('refuses a size of 0, above the number of registrants, or not a number, at its field, and saves nothing', async () => {
    for (const size of ['0', '24', 'tien', '1']) {
      const bad = await staff.post(`${groupsPath()}/voorstellen`, { groepsgrootte: size });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#groepsgrootte"');
      expect(visibleText(bad.body)).toContain('Vul een groepsgrootte in van 2 tot en met 23');
      expect(bad.body).toContain(`value="${size}"`);
    }
    expect(await t.database.query('SELECT 1 FROM event_groupings')).toEqual([]);
    expect(await t.database.query('SELECT 1 FROM event_group_members')).toEqual([]);
  });

  it('proposes and saves groups of at most 10, and shows the score that diversityScore gives the groups shown, beside the bound', async () => {
    const res = await staff.post(`${groupsPath()}/voorstellen`, { groepsgrootte: '10' });
    expect(res.statusCode).toBe(303);
    const page = await staff.get(res.headers.location as string);
    const text = visibleText(page.body);
    expect(text).toContain('De groepen zijn voorgesteld en opgeslagen.');
    // 23 by 10: 8, 8, 7
    const sizes = [...text.matchAll(/Groep (\d) \((\d+) personen\)/g)].map((m) => Number(m[2]));
    expect([...sizes].sort()).toEqual([7, 8, 8]);
    const { groups } = await expectScoreOfShownGroups(page.body);
    expect(groups.map((g) => g.length)).toEqual(sizes);
    expect(groups.flat().sort()).toEqual(registrants.map((r) => r.id).sort());
    expect(await membership()).toHaveLength(23);
    // the board member without a school: the directory's attributes are unknown, never filled in
    expect(text).toContain('Bob Bestuurder geen school onbekend onbekend onbekend onbekend Bestuurder onbekend');
    expect(text).toMatch(/Score \d+ van ten hoogste \d+ \(\d+(,\d)?%\)/);
    const [proposed] = await auditRows(t.database, 'event-groups.proposed');
    expect(proposed.after).toMatchObject({ event: eventId, groupSize: 10, groups: 3 });
  });

  it('asks before it replaces the groups, and replaces them once ticked', async () => {
    const before = await membership();
    const bad = await staff.post(`${groupsPath()}/voorstellen`, { groepsgrootte: '5' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#vervangen"');
    expect(visibleText(bad.body)).toContain('Er zijn al groepen. Vink aan dat u de huidige indeling vervangt');
    expect(await membership()).toEqual(before);
    const five = await staff.post(`${groupsPath()}/voorstellen`, { groepsgrootte: '5', vervangen: 'ja' });
    expect(five.statusCode).toBe(303);
    expect(visibleText((await staff.get(groupsPath())).body)).toContain('Groep 5 (4 personen)');
    await staff.post(`${groupsPath()}/voorstellen`, { groepsgrootte: '10', vervangen: 'ja' });
    expect((await t.database.query<{ group_count: number }>('SELECT group_count FROM event_groupings'))[0].group_count).toBe(3);
  });

  it('moves someone to another group and says how the score changed, overall and per attribute', async () => {
    const page = await staff.get(groupsPath());
    const { groups, score: before } = await expectScoreOfShownGroups(page.body);
    // from the smallest group to a largest: the sizes become uneven
    const lengths = groups.map((g) => g.length);
    const from = lengths.indexOf(Math.min(...lengths));
    const to = lengths.indexOf(Math.max(...lengths));
    const moved = groups[from][0];
    const res = await staff.post(`${groupsPath()}/verplaatsen`, { registratie: moved, groep: String(to + 1) });
    expect(res.statusCode).toBe(303);
    const after = await staff.get(res.headers.location as string);
    const { groups: now, score } = await expectScoreOfShownGroups(after.body);
    expect(now[to]).toContain(moved);
    const delta = score - before;
    const sign = delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '±0';
    const text = visibleText(after.body);
    expect(text).toContain(`Verplaatst naar groep ${to + 1}. Score ${before} → ${score} (${sign}).`);
    if (delta !== 0) expect(text).toContain('Per kenmerk:');
    expect(text).toContain(`De groepen zijn niet even groot: ${now.map((g) => g.length).join(', ')} personen.`);
    expect(now.map((g) => g.length).sort()).toEqual([6, 8, 9]);
    const [audit] = await auditRows(t.database, 'event-group.member-moved');
    expect(audit.after).toMatchObject({ event: eventId, registration: moved, group: to + 1, score });
  });

  it('refuses an unknown group, a registration of another event and nonsense, and changes nothing', async () => {
    const before = await membership();
    const member = registrants[0].id;
    const group = await staff.post(`${groupsPath()}/verplaatsen`, { registratie: member, groep: '9' });
    expect(group.statusCode).toBe(400);
    expect(group.body).toContain(`href="#groep-${member}"`);
    expect(visibleText(group.body)).toContain('Kies een groep van 1 tot en met 3. Er is niets veranderd.');
    for (const registratie of [otherRegistrationId, 'onzin']) {
      const other = await staff.post(`${groupsPath()}/verplaatsen`, { registratie, groep: '1' });
      expect(other.statusCode).toBe(400);
      expect(visibleText(other.body)).toContain('Deze aanmelding hoort niet bij de deelnemers van deze bijeenkomst');
    }
    expect(await membership()).toEqual(before);
    expect(await t.database.query('SELECT 1 FROM event_group_members WHERE registration_id = $1', [otherRegistrationId])).toEqual([]);
  });

  it('improves the groups as they are, keeping their sizes, and says what it did', async () => {
    const { score: before, groups: was } = await expectScoreOfShownGroups((await staff.get(groupsPath())).body);
    const res = await staff.post(`${groupsPath()}/verbeteren`, {});
    expect(res.statusCode).toBe(303);
    const page = await staff.get(res.headers.location as string);
    const { groups, score } = await expectScoreOfShownGroups(page.body);
    expect(score).toBeGreaterThanOrEqual(before);
    expect(groups.map((g) => g.length)).toEqual(was.map((g) => g.length));
    const text = visibleText(page.body);
    expect(score === before ? text.includes(`de score blijft ${score}`) : text.includes(`Score ${before} → ${score}`)).toBe(true);
  });

  it('shows who registered later as not yet in a group, to be placed, and leaves out who cancelled', async () => {
    const late = { name: 'Laura Laatkomer', email: 'laura@school.nl', role: 'schoolleider', schoolId: registrants[4].schoolId, setting: 'dorp' };
    registrants.push({ ...late, id: await insertRegistration(eventId, late) });
    const gone = registrants[1];
    await t.database.query(`UPDATE event_registrations SET status = 'afgemeld', cancelled_at = now() WHERE id = $1`, [gone.id]);
    const page = await staff.get(groupsPath());
    const text = visibleText(page.body);
    expect(text).toContain('Nog niet ingedeeld (1)');
    expect(text).toContain('Laura Laatkomer');
    expect(text).toContain('1 deelnemer heeft zich afgemeld sinds de indeling en staat niet meer in een groep.');
    expect(page.body).not.toContain(`>${gone.name}<`);
    registrants.splice(1, 1);
    const placed = await staff.post(`${groupsPath()}/verplaatsen`, { registratie: registrants.at(-1)!.id, groep: '1' });
    expect(placed.statusCode).toBe(303);
    const after = await staff.get(placed.headers.location as string);
    expect(visibleText(after.body)).not.toContain('Nog niet ingedeeld');
    expect(visibleText(after.body)).not.toContain('afgemeld sinds de indeling');
    await expectScoreOfShownGroups(after.body);
  });

  it('says it all in English', async () => {
    const page = await staff.get(`${groupsPath()}?lang=en`);
    const text = visibleText(page.body);
    expect(text).toContain('Groups: Verkennend gesprek in de praktijk');
    expect(text).toMatch(/Score \d+ of at most \d+/);
    expect(text).toContain('Bob Bestuurder no school unknown unknown unknown unknown Board member unknown');
    expect(text).toContain('Propose groups');
    const bad = await staff.post(`${groupsPath()}/voorstellen?lang=en`, { groepsgrootte: '0', vervangen: 'ja' });
    expect(visibleText(bad.body)).toContain('Enter a group size from 2 to 23');
    const other = await staff.get(`/beheer/bijeenkomsten/${otherEventId}/groepen?lang=en`);
    expect(other.statusCode).toBe(404);
    expect(visibleText(other.body)).toContain('Only an exploratory conversation is split into groups.');
    await staff.get(`${groupsPath()}?lang=nl`);
  });
});

describe('mailing the groups', () => {
  it('asks to check first, with an example, and sends nothing without the tick', async () => {
    const check = await staff.get(`${groupsPath()}/mailen`);
    expect(check.statusCode).toBe(200);
    const text = visibleText(check.body);
    expect(text).toContain('Controleer de groepen voordat u ze mailt. 23 deelnemers in 3 groepen');
    expect(text).toContain('Voorbeeld van een e-mail');
    const bad = await staff.post(`${groupsPath()}/mailen`, {});
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#bevestigd"');
    expect(await t.database.query(`SELECT 1 FROM mail_outbox WHERE subject LIKE '%groep%' OR subject LIKE '%group%'`)).toEqual([]);
  });

  it('mails every participant their own group, in their language, with the first names and roles of the others and no addresses', async () => {
    await staff.get(`${groupsPath()}/mailen`);
    const res = await staff.post(`${groupsPath()}/mailen`, { bevestigd: 'ja' });
    expect(res.statusCode).toBe(303);
    expect(visibleText((await staff.get(res.headers.location as string)).body)).toContain('De groepen zijn gemaild');
    const members = await membership();
    expect(members).toHaveLength(23);
    const groupOf = new Map(members.map((m) => [m.registration_id, m.group_number]));
    for (const r of registrants) {
      const mails = await mailsTo(t.database, r.email);
      expect(mails).toHaveLength(1);
      const group = groupOf.get(r.id)!;
      const [mail] = mails;
      if (r.email === 'emma@school.nl') {
        expect(mail.subject).toBe(`Your group at Verkennend gesprek in de praktijk: group ${group}`);
        expect(mail.text).toContain(`You are in group ${group}.`);
      } else {
        expect(mail.subject).toBe(`Uw groep bij Verkennend gesprek in de praktijk: groep ${group}`);
        expect(mail.text).toContain(`U zit in groep ${group}.`);
        expect(mail.text).toContain('Nieuwe Liefde, Amsterdam');
      }
      const mates = registrants.filter((o) => o.id !== r.id && groupOf.get(o.id) === group);
      expect(mail.text.match(/^- /gm)).toHaveLength(mates.length);
      for (const mate of mates) {
        // the first name and role, never the whole name or the address
        expect(mail.text).toContain(`- ${mate.name.split(' ')[0]} (`);
        expect(mail.text).not.toMatch(new RegExp(`${mate.name}\\b`));
      }
      for (const other of registrants) expect(mail.text).not.toContain(other.email);
    }
    const [grouping] = await t.database.query<{ mailed_by_label: string; mailed_at: Date | null }>('SELECT mailed_by_label, mailed_at FROM event_groupings');
    expect(grouping.mailed_by_label).toBe('Rachid Register');
    expect(grouping.mailed_at).not.toBeNull();
    expect(visibleText((await staff.get(groupsPath())).body)).toMatch(/Gemaild op .* door Rachid Register/);
    const audits = await auditRows(t.database, 'event-groups.mailed');
    expect(audits.some((a) => (a.after as { mailed?: number }).mailed === 23)).toBe(true);
  });

  it('puts the group in the participant’s AVG download', async () => {
    const download = JSON.parse((await teacher.get('/mijn-gegevens/download')).body);
    const emma = registrants.find((r) => r.email === 'emma@school.nl')!;
    const [{ group_number }] = await t.database.query<{ group_number: number }>('SELECT group_number FROM event_group_members WHERE registration_id = $1', [
      emma.id,
    ]);
    expect(download.bijeenkomstgroepen).toEqual([
      expect.objectContaining({ bijeenkomst: 'Verkennend gesprek in de praktijk', groep: group_number, groepenGemaildOp: expect.any(String) }),
    ]);
  });
});
