import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { executePrepared } from '../../db/prepared.ts';
import { nameWords, sqlFoldFrom, sqlFoldTo, type CheckedQuery } from './public-register.rules.ts';
import { z } from 'zod';
import { column, row, rowsOf, type RowSchema } from '../../db/rows.ts';

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

const publicEntryRow = row({
  registerNumber: column.text,
  name: column.text,
  status: column.text,
  registrations: column.json(z.array(z.object({ register: z.string(), title: z.string(), level: z.string(), validUntil: z.string(), lapsed: z.boolean() }))),
  schools: column.json(z.array(z.object({ name: z.string(), brin: z.string(), place: z.string().nullable() }))),
}) satisfies RowSchema<PublicEntry>;

/**
 * `expression` folded as searchForm folds the query: lower case, no diacritics, a hyphen as a space,
 * dots and commas dropped (translate deletes what has no counterpart). Only cheap functions: the search runs this on
 * every row it cannot find through the index.
 */
const foldText = (expression: string) => `translate(lower(${expression}), '${sqlFoldFrom}.,', '${sqlFoldTo}')`;
const [foldBefore, foldAfter] = foldText('\u0000').split('\u0000');
export const folded = (expression: SQL) => sql`${sql.raw(foldBefore)}${expression}${sql.raw(foldAfter)}`;

/*
 * Migration 0014 stores three columns for an enrolled person (generated, so every insert and update keeps
 * them), each folded as searchForm folds:
 * - `public_surname`: the surname without tussenvoegsel, in byte order: the register's order, and the
 *   range a surname prefix is read from;
 * - `public_words`: every word of the name, each after a space (initials, first names, tussenvoegsel,
 *   surname), so a query word matches when it begins one (`strpos(public_words, ' dek') > 0`);
 * - `public_other_words`: the same without the surname's first word, for a name found by another word.
 */
const sortKey = sql.raw('p.public_surname, p.initials, p.id');

const currentEmployment = sql`(e.end_date IS NULL OR e.end_date >= current_date)`;

/** The count of the matches and the page's person ids, as a uuid[] literal (null for an empty page). */
const matchesRow = row({ total: column.integer, ids: column.text.nullable() });

/** Matches are counted up to here; beyond it the total reads "more than", and no page lies beyond it. */
export const countCeiling = 1_000;

export async function searchRegister(db: Db, query: CheckedQuery, options: { offset: number; limit: number }): Promise<{ rows: PublicEntry[]; total: number }> {
  // the conditions of the indexes: enrolled, unmerged persons
  const conditions: SQL[] = [sql`p.merged_into IS NULL`, sql`p.account_id IS NOT NULL`];
  if (query.registerNumber) conditions.push(sql`n.register_number = ${query.registerNumber}`);
  if (query.school) {
    conditions.push(sql`EXISTS (SELECT 1 FROM employments e JOIN schools s ON s.id = e.school_id LEFT JOIN locations l ON l.id = e.location_id
      WHERE e.person_id = p.id AND ${currentEmployment}
        AND (${folded(sql`s.name`)} LIKE ${`%${query.school}%`} OR ${folded(sql`coalesce(l.place, s.place, '')`)} LIKE ${`%${query.school}%`}))`);
  }
  const { words, anchor } = query.name ? nameWords(query.name) : { words: [], anchor: null };
  const otherWords = words.filter((w) => w !== anchor).map((w) => sql`strpos(p.public_words, ${` ${w}`}) > 0`);
  const surnameMatch = sql`p.public_surname LIKE ${`${anchor}%`}`;
  // Surname matches first, each group in the register's order. The first group is a range of the surname
  // index read in order, with the other words checked on what the index holds, so a broad prefix ("Dek")
  // stops after one page. The second group, where the word begins another part of the name (a first name,
  // the second half of "Jansen-Bakker"), is found through trigrams and sorted whole; it is read only when
  // the first leaves room on the page or in the count.
  const groups =
    anchor && !query.registerNumber
      ? [
          [...conditions, surnameMatch, ...otherWords],
          [...conditions, sql`p.public_other_words LIKE ${`% ${anchor}%`}`, sql`NOT (${surnameMatch})`, ...otherWords],
        ]
      : [[...conditions, ...otherWords]];
  // the person's account is linked in the same transaction that enrols them: the enrolment is only read for its number
  const from = query.registerNumber ? sql`persons p JOIN enrolments n ON n.person_id = p.id` : sql`persons p`;
  // each group numbered in the register's order while the index (or the sort) delivers it
  const matches = (group: SQL[], before: SQL, limit: SQL) => sql`SELECT p.id, ${before} + row_number() OVER (ORDER BY ${sortKey}) AS position
    FROM ${from} WHERE ${sql.join(group, sql` AND `)} ORDER BY ${sortKey} LIMIT ${limit}`;
  const [first, second] = groups;
  // One statement for the matches up to the ceiling (the second group only as far as the first leaves
  // room): their count and the page's ids in order.
  const [result] = rowsOf(
    matchesRow,
    await db.execute(sql`WITH first AS MATERIALIZED (${matches(first, sql`0`, sql`${countCeiling}`)}),
    ${second ? sql`second AS MATERIALIZED (${matches(second, sql`(SELECT count(*) FROM first)`, sql`(SELECT ${countCeiling} - count(*) FROM first)`)}),` : sql``}
    ranked AS (SELECT id, position FROM first ${second ? sql`UNION ALL SELECT id, position FROM second` : sql``})
    SELECT (SELECT count(*) FROM ranked) AS total,
      (SELECT array_agg(id ORDER BY position)::text FROM ranked WHERE position > ${options.offset} AND position <= ${options.offset + options.limit}) AS ids`),
  );
  return { rows: result.ids ? await publicFacts(db, result.ids) : [], total: result.total };
}

/** The public facts of these persons (a uuid[] literal), in this order: one statement text, planned once per connection. */
async function publicFacts(db: Db, personIds: string): Promise<PublicEntry[]> {
  return executePrepared(
    db,
    'public-register-facts',
    publicEntryRow,
    sql`SELECT n.register_number AS "registerNumber",
      concat_ws(' ', p.initials, p.prefix, p.surname) AS name,
      CASE WHEN n.status <> 'geregistreerd' THEN n.status
           WHEN last.lapse_base >= current_date THEN 'geregistreerd'
           -- six months onder voorwaarden after the period ends (or a postponement granted), then lapsed (domain.md section 3)
           WHEN last.lapse_base + interval '6 months' >= current_date THEN 'onder voorwaarden'
           ELSE 'herregistratie verlopen' END AS status,
      -- a doorgehaalde enrolment shows no registration: the status says it all
      CASE WHEN n.status = 'doorgehaald' THEN '[]'::jsonb ELSE coalesce((SELECT jsonb_agg(y.registration ORDER BY y.registration->>'register') FROM (
        SELECT DISTINCT ON (a.register_id) jsonb_build_object('register', r.name, 'title', a.title, 'level', a.level,
          'validUntil', a.valid_until::text, 'lapsed', greatest(a.valid_until, a.postponed_until) < current_date) AS registration
        FROM registration_applications a JOIN registers r ON r.id = a.register_id
        WHERE a.enrolment_id = n.id AND a.valid_until IS NOT NULL ORDER BY a.register_id, a.valid_until DESC) y), '[]'::jsonb) END AS registrations,
      coalesce((SELECT jsonb_agg(DISTINCT jsonb_build_object('name', s.name, 'brin', s.brin, 'place', coalesce(l.place, s.place)))
        FROM employments e JOIN schools s ON s.id = e.school_id LEFT JOIN locations l ON l.id = e.location_id
        WHERE e.person_id = p.id AND ${currentEmployment}), '[]'::jsonb) AS schools
    FROM unnest(${personIds}::uuid[]) WITH ORDINALITY AS page(person_id, position)
    JOIN persons p ON p.id = page.person_id JOIN enrolments n ON n.person_id = p.id
    -- the registration that ends last; a granted postponement (uitstel) moves the lapse windows, not its end
    LEFT JOIN LATERAL (SELECT greatest(a.valid_until, a.postponed_until) AS lapse_base FROM registration_applications a
      WHERE a.enrolment_id = n.id AND a.valid_until IS NOT NULL ORDER BY a.valid_until DESC LIMIT 1) last ON true
    ORDER BY page.position`,
  );
}
