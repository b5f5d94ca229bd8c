import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, mailsTo } from '../../../tests/support/identity.ts';
import { createTestDatabase } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { registration, professional, type TestProfessional } from './reregistration.test-support.ts';
import { runNightlyReregistration, type NightlyDeps } from './reregistration.service.ts';

// Every registration here ends on 31 August 2027; the runs pass the day they are for.
const until = '2027-08-31';
const since = '2022-09-01';

let database: Database;
let deps: NightlyDeps;
const p = {} as Record<'lapses' | 'renewed' | 'struckOff' | 'postponed' | 'applied', TestProfessional>;
const subjects = async (who: TestProfessional) => (await mailsTo(database, who.email)).map((m) => m.subject);
const run = (asOf: string) => runNightlyReregistration(deps, asOf);

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, mailer: createMailer({ from: 'register@example.nl' }), baseUrl: 'https://register.example.nl' };
  for (const [key, status] of [
    ['lapses', 'geregistreerd'],
    ['renewed', 'geregistreerd'],
    ['struckOff', 'doorgehaald'],
    ['postponed', 'geregistreerd'],
    ['applied', 'geregistreerd'],
  ] as const) {
    p[key] = await professional(database, { email: `${key}@school.nl`, surname: key, register: 'schoolleidersregister-po', since, until, status });
  }
  // granted in time: a herregistratie whose period runs on from the end of this one
  await registration(database, {
    personId: p.renewed.personId,
    enrolmentId: p.renewed.enrolmentId,
    register: 'schoolleidersregister-po',
    decidedOn: '2027-07-01',
    periodStart: '2027-09-01',
    until: '2031-08-31',
    kind: 'herregistratie',
    renewsId: p.renewed.registrationId!,
  });
  await database.query(`UPDATE registration_applications SET postponed_until = '2027-12-31' WHERE id = $1`, [p.postponed.registrationId]);
  // asked for herregistratie, with the commission: no more reminders
  await database.query(
    `INSERT INTO registration_applications (id, person_id, enrolment_id, register_id, register_version_id, kind, renews_id, period_start, title, level,
      motivation, evidence_ids, status)
    SELECT gen_random_uuid(), a.person_id, a.enrolment_id, a.register_id, a.register_version_id, 'herregistratie', a.id, '2027-09-01', a.title, a.level, '', '[]'::jsonb, 'aangevraagd'
    FROM registration_applications a WHERE a.id = $1`,
    [p.applied.registrationId],
  );
});
afterAll(async () => database?.close());

describe('the nightly re-registration run', () => {
  it('sends nothing before six months before the end', async () => {
    const result = await run('2027-02-27');
    expect(result).toMatchObject({ evaluated: 5, mailed: 0, notices: { 'herinnering-6': 0, 'herinnering-2': 0, 'onder-voorwaarden': 0, verlopen: 0 } });
  });

  it('reminds six months before the end, once: a second run that day sends nothing', async () => {
    const first = await run('2027-02-28');
    // the postponed registration is reminded towards its own date: not yet
    expect(first.notices['herinnering-6']).toBe(1);
    expect(await run('2027-02-28')).toMatchObject({ mailed: 0 });
    expect(await run('2027-03-15')).toMatchObject({ mailed: 0 });
    expect(await subjects(p.lapses)).toEqual(['Uw registratie loopt af op 31 augustus 2027: vraag herregistratie aan']);
    const [mail] = await mailsTo(database, p.lapses.email);
    expect(mail.text).toContain('Uw voortgang: Nog 60 punten nodig voor herregistratie (ten minste 60); uw registratie loopt tot en met 31 augustus 2027.');
    expect(mail.text).toContain('https://register.example.nl/mijn-register/herregistratie');
    // not to whoever is struck off, has re-registered, or has applied
    for (const who of [p.struckOff, p.renewed, p.applied]) expect(await subjects(who)).toEqual([]);
  });

  it('reminds again two months before the end, once', async () => {
    expect((await run('2027-06-30')).notices['herinnering-2']).toBe(1);
    expect(await run('2027-07-15')).toMatchObject({ mailed: 0 });
    expect(await subjects(p.lapses)).toHaveLength(2);
    // the postponed registration is reminded towards its postponed date: six months before 31 December
    expect(await subjects(p.postponed)).toEqual(['Uw registratie loopt af op 31 december 2027: vraag herregistratie aan']);
  });

  it('the day after the end: onder voorwaarden, except for a granted re-registration or a postponement', async () => {
    const result = await run('2027-09-01');
    expect(result.notices['onder-voorwaarden']).toBe(2);
    expect(result.standing).toEqual({ geregistreerd: 2, 'onder voorwaarden': 3, 'herregistratie verlopen': 0 });
    expect((await subjects(p.lapses)).at(-1)).toBe('Uw registratie staat onder voorwaarden');
    expect((await mailsTo(database, p.lapses.email)).at(-1)!.text).toContain('U kunt tot en met 29 februari 2028 herregistratie aanvragen');
    // applied in time but not decided: the public register shows onder voorwaarden, and so does the mail
    expect((await subjects(p.applied)).at(-1)).toBe('Uw registratie staat onder voorwaarden');
    expect(await subjects(p.renewed)).toEqual([]);
    expect(await subjects(p.struckOff)).toEqual([]);
    expect(await run('2027-09-02')).toMatchObject({ mailed: 0 });
  });

  it('the postponed registration lapses from its postponed date', async () => {
    expect((await subjects(p.postponed)).at(-1)).not.toBe('Uw registratie staat onder voorwaarden');
    expect((await run('2028-01-01')).notices['onder-voorwaarden']).toBe(1);
    expect((await subjects(p.postponed)).at(-1)).toBe('Uw registratie staat onder voorwaarden');
  });

  it('six months after the end: herregistratie verlopen, once', async () => {
    expect(await run('2028-02-29')).toMatchObject({ mailed: 0 });
    const result = await run('2028-03-01');
    expect(result.notices.verlopen).toBe(2);
    expect(await run('2028-03-01')).toMatchObject({ mailed: 0 });
    expect((await subjects(p.lapses)).at(-1)).toBe('Uw herregistratie is verlopen');
    expect(await subjects(p.lapses)).toHaveLength(4);
    expect(await subjects(p.renewed)).toEqual([]);
    const notices = await database.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM reregistration_notices GROUP BY kind ORDER BY kind`,
    );
    expect(notices).toEqual([
      { kind: 'herinnering-2', n: 1 },
      { kind: 'herinnering-6', n: 2 },
      { kind: 'onder-voorwaarden', n: 3 },
      { kind: 'verlopen', n: 2 },
    ]);
    expect((await auditRows(database, 'reregistration.nightly-run')).length).toBeGreaterThan(5);
  });
});
