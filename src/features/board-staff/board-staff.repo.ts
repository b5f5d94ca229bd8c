import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { staffNumberAsShown } from '../../platform/bsn.ts';
import { column, row, rowsOf, type RowSchema } from '../../db/rows.ts';
import { foldedForSearch } from '../register/index.ts';

/** A professional with a current employment at the board: what the board's staff need to follow up. */
export type StaffLine = {
  personId: string;
  name: string;
  staffNumbers: string;
  /** the current employments at this board: which one, the function's code and the school */
  employments: { id: string; function: string; school: string }[];
  toCheck: number;
  disputed: number;
  registerNumber: string | null;
  status: string | null;
  /** the end of the current registration period, or of a granted uitstel: the date to re-register by */
  validUntil: string | null;
  /** the professional lets this board see their development activities (an active consent) */
  developmentConsent: boolean;
  /** an account has their record (decision 021): without one, the board can print an activation code */
  linked: boolean;
};

const staffLineRow = row({
  personId: column.text,
  name: column.text,
  staffNumbers: column.text,
  employments: column.json(z.array(z.object({ id: z.string(), function: z.string(), school: z.string() }))),
  toCheck: column.integer,
  disputed: column.integer,
  registerNumber: column.text.nullable(),
  status: column.text.nullable(),
  validUntil: column.day.nullable(),
  developmentConsent: column.boolean,
  linked: column.boolean,
}) satisfies RowSchema<StaffLine>;

/** a line of the page with the count of all lines (`count(*) OVER ()`) */
const staffPageRow = staffLineRow.extend({ total: column.integer });

/** The account linked to the person (decision 021) granted the board insight and did not revoke it. */
const developmentConsent = (boardId: string) => sql`EXISTS (SELECT 1 FROM development_consents c WHERE c.board_id = ${boardId} AND c.revoked_at IS NULL
  AND c.account_id = p.account_id)`;

// a granted uitstel moves the date to re-register by (decision 012)
const validUntil = sql`(SELECT max(coalesce(a.postponed_until, a.valid_until)) FROM registration_applications a
  WHERE a.enrolment_id = n.id AND coalesce(a.postponed_until, a.valid_until) >= current_date)`;

/**
 * Who the search is for: each word of the name as searchForm folds it (each must begin a word of the
 * name), or the beginning of a personeelsnummer as typed, case aside.
 */
export type StaffSearch = { words: string[]; staffNumber: string };

function searchCondition(boardId: string, search: StaffSearch | null) {
  if (!search) return sql``;
  const name = foldedForSearch(sql`concat_ws(' ', p.initials, p.first_names, p.prefix, p.surname)`);
  const byName =
    search.words.length === 0
      ? sql`false`
      : sql.join(
          search.words.map((word) => sql`strpos(' ' || ${name}, ${` ${word}`}) > 0`),
          sql` AND `,
        );
  return sql` AND ((${byName}) OR EXISTS (SELECT 1 FROM employments x WHERE x.person_id = p.id AND x.board_id = ${boardId}
    AND starts_with(lower(x.staff_number), ${search.staffNumber.toLowerCase()})))`;
}

export async function listBoardStaff(
  db: Db,
  boardId: string,
  options: { attentionOnly: boolean; search: StaffSearch | null; offset: number; limit: number },
): Promise<{ rows: StaffLine[]; total: number }> {
  const attention = options.attentionOnly
    ? sql`HAVING count(*) FILTER (WHERE e.approval_status IN ('te-controleren', 'betwist')) > 0 OR n.register_number IS NULL
        OR (n.status = 'geregistreerd' AND coalesce(${validUntil}, current_date) < current_date + 183)`
    : sql``;
  const rows = rowsOf(
    staffPageRow,
    await db.execute(sql`SELECT p.id AS "personId", concat_ws(' ', p.initials, p.prefix, p.surname) AS name,
      string_agg(DISTINCT ${staffNumberAsShown('e.staff_number')}, ', ') AS "staffNumbers",
      jsonb_agg(jsonb_build_object('id', e.id, 'function', e.function, 'school', s.name) ORDER BY s.name, e.function, e.id) AS employments,
      (count(*) FILTER (WHERE e.approval_status = 'te-controleren'))::int AS "toCheck",
      (count(*) FILTER (WHERE e.approval_status = 'betwist'))::int AS disputed,
      n.register_number AS "registerNumber", n.status, ${validUntil}::text AS "validUntil",
      ${developmentConsent(boardId)} AS "developmentConsent", p.account_id IS NOT NULL AS linked,
      count(*) OVER () AS total
    FROM employments e JOIN persons p ON p.id = e.person_id JOIN schools s ON s.id = e.school_id
    LEFT JOIN enrolments n ON n.person_id = p.id
    WHERE e.board_id = ${boardId} AND (e.end_date IS NULL OR e.end_date >= current_date) AND p.merged_into IS NULL${searchCondition(boardId, options.search)}
    GROUP BY p.id, n.id, n.register_number, n.status
    ${attention}
    ORDER BY lower(p.surname), p.initials, p.id
    LIMIT ${options.limit} OFFSET ${options.offset}`),
  );
  return { rows: rows.map(({ total: _, ...line }) => line), total: rows[0]?.total ?? 0 };
}
