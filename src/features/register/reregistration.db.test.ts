import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { registrationTotalsAfter } from './reregistration.repo.ts';
import { evaluateReregistration, evaluateTotals, ruleOfVersion, type Activity } from './reregistration.rules.ts';
import { evaluateAllRegistrations } from './reregistration.service.ts';

const asOf = '2028-06-01';

/** Five registered professionals: teachers (hours) and school leaders (points), met and not, current and lapsed. */
const people: { register: 'lerarenregister' | 'schoolleidersregister-po'; since: string; until: string; activities: Activity[] }[] = [
  {
    register: 'lerarenregister',
    since: '2024-08-01',
    until: '2028-07-31',
    activities: [
      { date: '2025-01-10', hours: 120, primaryProcess: true, themes: ['Omgaan met verschillen'] },
      { date: '2026-03-01', hours: 40, primaryProcess: false, themes: [] },
      { date: '2024-07-31', hours: 500, primaryProcess: true, themes: [] }, // before the period: does not count
    ],
  },
  { register: 'lerarenregister', since: '2024-08-01', until: '2028-07-31', activities: [{ date: '2025-01-10', hours: 159, primaryProcess: true, themes: [] }] },
  {
    register: 'schoolleidersregister-po',
    since: '2023-06-01',
    until: '2028-05-31',
    activities: [
      { date: '2024-01-01', hours: 16, points: 40, themes: ['Regie & strategie'] },
      { date: '2025-01-01', hours: 8, points: 45, themes: ['Regie & strategie'] },
    ],
  },
  { register: 'schoolleidersregister-po', since: '2022-06-01', until: '2027-05-31', activities: [{ date: '2028-06-02', hours: 8, points: 100, themes: [] }] }, // after asOf
  { register: 'schoolleidersregister-po', since: '2023-01-01', until: '2027-12-31', activities: [] },
];

describe('the nightly evaluation', () => {
  let database: Database;
  const enrolmentIds: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    for (const [i, p] of people.entries()) {
      const [person, account, enrolment] = [uuidV7(), uuidV7(), uuidV7()];
      enrolmentIds.push(enrolment);
      await database.query(`INSERT INTO accounts (id, email, display_name) VALUES ($1, $2, 'P')`, [account, `p${i}@school.nl`]);
      await database.query(`INSERT INTO persons (id, initials, surname, birth_date, account_id) VALUES ($1, 'P.', $2, '1980-01-01', $3)`, [
        person,
        `Persoon${i}`,
        account,
      ]);
      await database.query(`INSERT INTO enrolments (id, person_id, account_id, register_number, status) VALUES ($1, $2, $3, $4, 'geregistreerd')`, [
        enrolment,
        person,
        account,
        `10000${i}000`,
      ]);
      await database.query(
        `INSERT INTO registration_applications (id, person_id, enrolment_id, register_id, register_version_id, title, level, motivation, evidence_ids, status, decided_on, valid_until)
        SELECT $1, $2, $3, r.id, v.id, 'Titel', 'niveau', 'M', '[]'::jsonb, 'geregistreerd', $4, $5 FROM registers r JOIN register_versions v ON v.register_id = r.id AND v.version = 1 WHERE r.code = $6`,
        [uuidV7(), person, enrolment, p.since, p.until, p.register],
      );
      for (const a of p.activities) {
        await database.query(
          `INSERT INTO activities (id, enrolment_id, kind, title, started_on, completed_on, hours, primary_process, themes, points)
          VALUES ($1, $2, 'cursus', 'Cursus', $3, $3, $4, $5, $6::text[], $7)`,
          [uuidV7(), enrolment, a.date, a.hours ?? 0, a.primaryProcess ?? false, `{${(a.themes ?? []).map((t) => `"${t}"`).join(',')}}`, a.points ?? null],
        );
      }
    }
  });
  afterAll(async () => database?.close());

  it('sums in the database exactly what the engine counts for one dossier, for every professional', async () => {
    const rows = await registrationTotalsAfter(database.db, '00000000-0000-0000-0000-000000000000', asOf, 100);
    expect(rows.map((r) => r.enrolmentId).sort()).toEqual([...enrolmentIds].sort());
    const versions = await database.query<{ id: string; code: string; unit: 'punten' | 'uren'; minimum: number; cycle: number }>(
      `SELECT v.id, r.code, v.renewal_unit AS unit, v.renewal_minimum AS minimum, v.cycle_years AS cycle FROM registers r JOIN register_versions v ON v.register_id = r.id AND v.version = 1`,
    );
    for (const [i, p] of people.entries()) {
      const row = rows.find((r) => r.enrolmentId === enrolmentIds[i])!;
      const version = versions.find((v) => v.code === p.register)!;
      const rule = ruleOfVersion({ renewalUnit: version.unit, renewalMinimum: version.minimum, cycleYears: version.cycle });
      expect(row.versionId, `person ${i}`).toBe(version.id);
      const inOneDossier = evaluateReregistration(rule, { since: p.since, until: p.until }, p.activities, asOf);
      expect(evaluateTotals(rule, { since: row.since, until: row.until }, row.totals), `person ${i}`).toEqual(inOneDossier);
    }
  });

  it('evaluates everyone in batches: who can re-register, and who is onder voorwaarden or lapsed', async () => {
    expect(await evaluateAllRegistrations(database.db, asOf, 2)).toEqual({
      evaluated: 5,
      met: 2,
      standing: { geregistreerd: 2, 'onder voorwaarden': 2, 'herregistratie verlopen': 1 },
    });
  });
});
