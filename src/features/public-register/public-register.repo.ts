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

/**
 * `expression` folded as searchForm folds the query: lower case, no diacritics, dots and commas
 * dropped (translate deletes what has no counterpart). Only cheap functions: the search runs this on
 * every row it cannot find through the index.
 */
const foldText = (expression: string) => `translate(lower(${expression}), '${sqlFoldFrom}.,', '${sqlFoldTo}')`;
const [foldBefore, foldAfter] = foldText('\u0000').split('\u0000');
const folded = (expression: SQL) => sql`${sql.raw(foldBefore)}${expression}${sql.raw(foldAfter)}`;

/**
 * The name as the register shows it (initials) and as people say it (first names), each with the
 * tussenvoegsel, folded, in one text, single-spaced by construction. Migration 0012 indexes exactly this
 * expression (trigrams, for enrolled persons only), so it must stay the same text:
 * `public-register.repo.test.ts` checks that.
 */
export const publicNameExpression = (alias: string) =>
  foldText(`${alias}initials || ' ' || coalesce(${alias}prefix || ' ', '') || ${alias}surname || ' | ' || coalesce(${alias}first_names || ' ', '') || coalesce(${alias}prefix || ' ', '') || ${alias}surname`);

const currentEmployment = sql`(e.end_date IS NULL OR e.end_date >= current_date)`;

/** Matches are counted up to here; beyond it the total reads "more than". */
export const countCeiling = 10_000;

export async function searchRegister(db: Db, query: CheckedQuery, options: { offset: number; limit: number }): Promise<{ rows: PublicEntry[]; total: number }> {
  // an enrolled person always has their account linked: the condition lets the planner use the name index
  const conditions: SQL[] = [sql`p.merged_into IS NULL`, sql`p.account_id IS NOT NULL`];
  if (query.registerNumber) conditions.push(sql`n.register_number = ${query.registerNumber}`);
  if (query.name) conditions.push(sql`${sql.raw(publicNameExpression('p.'))} LIKE ${`%${query.name}%`}`);
  if (query.school) {
    conditions.push(sql`EXISTS (SELECT 1 FROM employments e JOIN schools s ON s.id = e.school_id LEFT JOIN locations l ON l.id = e.location_id
      WHERE e.person_id = p.id AND ${currentEmployment}
        AND (${folded(sql`s.name`)} LIKE ${`%${query.school}%`} OR ${folded(sql`coalesce(l.place, s.place, '')`)} LIKE ${`%${query.school}%`}))`);
  }
  const where = sql.join(conditions, sql` AND `);
  // the page first: a sorted top-N over the matches, ids only; the public facts for those rows alone
  const rows = rowsOf<PublicEntry>(await db.execute(sql`WITH page AS (
      SELECT n.id AS enrolment_id, p.id AS person_id, lower(p.surname) AS sort_surname, p.initials AS sort_initials, n.register_number AS sort_number
      FROM persons p JOIN enrolments n ON n.person_id = p.id
      WHERE ${where}
      ORDER BY lower(p.surname), p.initials, n.register_number
      LIMIT ${options.limit} OFFSET ${options.offset})
    SELECT n.register_number AS "registerNumber",
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
        WHERE e.person_id = p.id AND ${currentEmployment}), '[]'::jsonb) AS schools
    FROM page JOIN persons p ON p.id = page.person_id JOIN enrolments n ON n.id = page.enrolment_id
    LEFT JOIN LATERAL (SELECT max(a.valid_until) AS valid_until FROM registration_applications a WHERE a.enrolment_id = n.id) last ON true
    ORDER BY page.sort_surname, page.sort_initials, page.sort_number`));
  // the count, up to a ceiling: "more than 10,000" is all a searcher needs to hear
  const [count] = rowsOf<{ n: string }>(await db.execute(sql`SELECT count(*) AS n FROM (SELECT 1 FROM persons p JOIN enrolments n ON n.person_id = p.id
    WHERE ${where} LIMIT ${countCeiling}) x`));
  const total = Number(count.n);
  return { rows, total };
}
