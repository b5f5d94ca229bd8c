import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { sqlFoldFrom, sqlFoldTo, type CheckedQuery } from './public-register.rules.ts';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** A public entry: only what the register publishes. Never a birth date, e-mail address or BSN. */
export type PublicRegistration = { register: string; title: string; level: string; validUntil: string; lapsed: boolean };

export type PublicEntry = {
  registerNumber: string;
  name: string;
  /** ingeschreven, aangevraagd, geregistreerd; onder voorwaarden for six months after the period ends, then herregistratie verlopen; doorgehaald */
  status: string;
  /** per register the last registration decided, with its period */
  registrations: PublicRegistration[];
  schools: { name: string; brin: string; place: string | null }[];
};

/** `expression` folded as searchForm folds the query: lower case, no diacritics, dots and commas as spaces, single spaces. */
const folded = (expression: SQL) =>
  sql`regexp_replace(translate(lower(${expression}), ${`${sqlFoldFrom}.,`}, ${`${sqlFoldTo}  `}), '\\s+', ' ', 'g')`;

const currentEmployment = sql`(e.end_date IS NULL OR e.end_date >= current_date)`;

export async function searchRegister(db: Db, query: CheckedQuery, options: { offset: number; limit: number }): Promise<{ rows: PublicEntry[]; total: number }> {
  const conditions: SQL[] = [sql`p.merged_into IS NULL`];
  if (query.registerNumber) conditions.push(sql`n.register_number = ${query.registerNumber}`);
  if (query.name) {
    // as the register shows the name (initials) and as people say it (first names), each with the tussenvoegsel
    const withInitials = folded(sql`p.initials || ' ' || coalesce(p.prefix, '') || ' ' || p.surname`);
    const withFirstNames = folded(sql`coalesce(p.first_names, '') || ' ' || coalesce(p.prefix, '') || ' ' || p.surname`);
    const pattern = `%${query.name}%`;
    conditions.push(sql`(${withInitials} LIKE ${pattern} OR ${withFirstNames} LIKE ${pattern})`);
  }
  if (query.school) {
    conditions.push(sql`EXISTS (SELECT 1 FROM employments e JOIN schools s ON s.id = e.school_id LEFT JOIN locations l ON l.id = e.location_id
      WHERE e.person_id = p.id AND ${currentEmployment}
        AND (${folded(sql`s.name`)} LIKE ${`%${query.school}%`} OR ${folded(sql`coalesce(l.place, s.place, '')`)} LIKE ${`%${query.school}%`}))`);
  }
  const rows = rowsOf<PublicEntry & { total: string }>(await db.execute(sql`SELECT n.register_number AS "registerNumber",
      concat_ws(' ', p.initials, p.prefix, p.surname) AS name,
      CASE WHEN n.status <> 'geregistreerd' THEN n.status
           WHEN last.valid_until >= current_date THEN 'geregistreerd'
           -- six months onder voorwaarden after the period ends, then lapsed (domain.md section 3)
           WHEN last.valid_until + interval '6 months' >= current_date THEN 'onder voorwaarden'
           ELSE 'herregistratie verlopen' END AS status,
      coalesce((SELECT jsonb_agg(y.registration ORDER BY y.registration->>'register') FROM (
        SELECT DISTINCT ON (a.register_id) jsonb_build_object('register', r.name, 'title', a.title, 'level', a.level,
          'validUntil', a.valid_until::text, 'lapsed', a.valid_until < current_date) AS registration
        FROM registration_applications a JOIN registers r ON r.id = a.register_id
        WHERE a.enrolment_id = n.id AND a.valid_until IS NOT NULL ORDER BY a.register_id, a.decided_on DESC) y), '[]'::jsonb) AS registrations,
      coalesce((SELECT jsonb_agg(DISTINCT jsonb_build_object('name', s.name, 'brin', s.brin, 'place', coalesce(l.place, s.place)))
        FROM employments e JOIN schools s ON s.id = e.school_id LEFT JOIN locations l ON l.id = e.location_id
        WHERE e.person_id = p.id AND ${currentEmployment}), '[]'::jsonb) AS schools,
      count(*) OVER () AS total
    FROM enrolments n JOIN persons p ON p.id = n.person_id
    LEFT JOIN LATERAL (SELECT max(a.valid_until) AS valid_until FROM registration_applications a WHERE a.enrolment_id = n.id) last ON true
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY lower(p.surname), p.initials, n.register_number
    LIMIT ${options.limit} OFFSET ${options.offset}`));
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && options.offset > 0) {
    const [count] = rowsOf<{ n: string }>(await db.execute(sql`SELECT count(*) AS n FROM enrolments n JOIN persons p ON p.id = n.person_id WHERE ${sql.join(conditions, sql` AND `)}`));
    total = Number(count.n);
  }
  return { rows: rows.map(({ total: _, ...entry }) => entry), total };
}
