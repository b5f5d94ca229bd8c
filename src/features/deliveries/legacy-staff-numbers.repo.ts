import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import type { Db } from '../../db/database.ts';
import { column, countOf, hasRows, row, rowsOf } from '../../db/rows.ts';

export async function isFixApplied(db: Db, name: string): Promise<boolean> {
  return hasRows(await db.execute(sql`SELECT 1 FROM data_fixes WHERE name = ${name}`));
}

export async function recordFix(tx: Db, name: string, result: Record<string, number>): Promise<void> {
  await tx.execute(sql`INSERT INTO data_fixes (name, result) VALUES (${name}, ${JSON.stringify(result)}::jsonb) ON CONFLICT (name) DO NOTHING`);
}

const staffNumberRow = row({ n: column.text });

/** Every stored personeelsnummer of nine digits, in the register and in staged rows. */
export async function listNineDigitStaffNumbers(db: Db): Promise<string[]> {
  return rowsOf(
    staffNumberRow,
    await db.execute(sql`
    SELECT staff_number AS n FROM staff_numbers WHERE staff_number ~ '^[0-9]{9}$'
    UNION SELECT staff_number FROM employments WHERE staff_number ~ '^[0-9]{9}$'
    UNION SELECT staff_number FROM delivery_rows WHERE staff_number ~ '^[0-9]{9}$'`),
  ).map((r) => r.n);
}

/**
 * Replaces each personeelsnummer `from[i]` by `to[i]` wherever it is stored, with the employment keys
 * that begin with it. Where a board already has the new form (a delivery after format v1.1 met the
 * same person), the old personeelsnummer is dropped and the old employment keeps its own key apart.
 */
export async function replaceStaffNumbers(tx: Db, from: string[], to: string[]): Promise<Record<string, number>> {
  const map = sql`unnest(${arrayLiteral(from)}::text[], ${arrayLiteral(to)}::text[]) AS m(old, new)`;
  const count = async (statement: ReturnType<typeof sql>) => countOf(await tx.execute(statement));
  const dropped = await count(sql`WITH gone AS (DELETE FROM staff_numbers s USING ${map}
    WHERE s.staff_number = m.old AND EXISTS (SELECT 1 FROM staff_numbers h WHERE h.board_id = s.board_id AND h.staff_number = m.new)
    RETURNING 1) SELECT count(*) AS n FROM gone`);
  const staffNumbers = await count(sql`WITH changed AS (UPDATE staff_numbers s SET staff_number = m.new FROM ${map}
    WHERE s.staff_number = m.old RETURNING 1) SELECT count(*) AS n FROM changed`);
  const employments = await count(sql`WITH changed AS (UPDATE employments e SET staff_number = m.new,
      employment_key = CASE WHEN EXISTS (SELECT 1 FROM employments h WHERE h.board_id = e.board_id AND h.employment_key = m.new || substr(e.employment_key, 10))
        THEN m.new || substr(e.employment_key, 10) || '|' || e.id ELSE m.new || substr(e.employment_key, 10) END
    FROM ${map} WHERE e.staff_number = m.old RETURNING 1) SELECT count(*) AS n FROM changed`);
  const stagedRows = await count(sql`WITH changed AS (UPDATE delivery_rows r SET staff_number = m.new,
      employment_key = CASE WHEN r.employment_key IS NULL THEN NULL ELSE m.new || substr(r.employment_key, 10) END
    FROM ${map} WHERE r.staff_number = m.old RETURNING 1) SELECT count(*) AS n FROM changed`);
  return { personeelsnummers: staffNumbers + dropped, dienstverbanden: employments, aangeleverdeRijen: stagedRows };
}
