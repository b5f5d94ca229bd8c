import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { column, firstRowOf, row, rowsOf, type RowSchema } from '../../db/rows.ts';
import { hiddenStaffNumberPrefix } from '../../platform/bsn.ts';

/** A school of the board, for the entry screen's choice: closed ones too, marked, as the check only warns about them. */
export type EntrySchool = { brin: string; name: string; closed: boolean };
export type EntryLocation = { code: string; name: string; place: string | null; closed: boolean };

const entrySchoolRow = row({ brin: column.text, name: column.text, closed: column.boolean }) satisfies RowSchema<EntrySchool>;
const entryLocationRow = row({
  code: column.text,
  name: column.text,
  place: column.text.nullable(),
  closed: column.boolean,
}) satisfies RowSchema<EntryLocation>;

/** The board's schools and their locations, open ones first, each by code. */
export async function listEntryChoices(db: Db, boardId: string): Promise<{ schools: EntrySchool[]; locations: EntryLocation[] }> {
  const schools = rowsOf(
    entrySchoolRow,
    await db.execute(sql`SELECT brin, name, closed_at IS NOT NULL AS closed FROM schools WHERE board_id = ${boardId}
      ORDER BY closed_at IS NOT NULL, name, brin`),
  );
  const locations = rowsOf(
    entryLocationRow,
    await db.execute(sql`SELECT l.code, l.name, l.place, l.closed_at IS NOT NULL AS closed
      FROM locations l JOIN schools s ON s.id = l.school_id WHERE s.board_id = ${boardId}
      ORDER BY l.closed_at IS NOT NULL, l.code`),
  );
  return { schools, locations };
}

/** An employment of the board as its form starts: what the board delivered last, never the BSN. */
export type EmploymentForEntry = {
  id: string;
  personId: string;
  name: string;
  /** null when the register keeps it hidden: it looked like a BSN (aanleverformaat 1.1) */
  staffNumber: string | null;
  initials: string;
  firstNames: string | null;
  prefix: string | null;
  surname: string;
  birthDate: string;
  email: string | null;
  brin: string;
  locationCode: string | null;
  function: string;
  appointmentBasis: string | null;
  startDate: string;
  endDate: string | null;
  fte: string | null;
};

const employmentForEntryRow = row({
  id: column.text,
  personId: column.text,
  name: column.text,
  staffNumber: column.text.nullable(),
  initials: column.text,
  firstNames: column.text.nullable(),
  prefix: column.text.nullable(),
  surname: column.text,
  birthDate: column.day,
  email: column.text.nullable(),
  brin: column.text,
  locationCode: column.text.nullable(),
  function: column.text,
  appointmentBasis: column.text.nullable(),
  startDate: column.day,
  endDate: column.day.nullable(),
  fte: column.text.nullable(),
}) satisfies RowSchema<EmploymentForEntry>;

export async function findEmploymentForEntry(db: Db, boardId: string, employmentId: string): Promise<EmploymentForEntry | undefined> {
  return firstRowOf(
    employmentForEntryRow,
    await db.execute(sql`SELECT e.id, e.person_id AS "personId", concat_ws(' ', p.initials, p.prefix, p.surname) AS name,
      CASE WHEN starts_with(e.staff_number, ${hiddenStaffNumberPrefix}) THEN NULL ELSE e.staff_number END AS "staffNumber",
      p.initials, p.first_names AS "firstNames", p.prefix, p.surname, p.birth_date::text AS "birthDate", p.email,
      s.brin, l.code AS "locationCode", e.function, e.appointment_basis AS "appointmentBasis",
      e.start_date::text AS "startDate", e.end_date::text AS "endDate", e.fte::text AS fte
    FROM employments e JOIN persons p ON p.id = e.person_id JOIN schools s ON s.id = e.school_id
    LEFT JOIN locations l ON l.id = e.location_id
    WHERE e.id = ${employmentId} AND e.board_id = ${boardId}`),
  );
}
