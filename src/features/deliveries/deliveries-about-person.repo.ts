import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { arrayLiteral } from '../../db/array-literal.ts';
import { column, row, rowsOf } from '../../db/rows.ts';

/**
 * What deliveries hold about one person, for their AVG download: the rows boards delivered about them
 * (found by the staff numbers the register keeps for them, or their BSN's hash), the invitation mails
 * those deliveries sent, the register office's duplicate checks they caused, and the deliveries the person
 * submitted themselves as a board's staff.
 */

const deliveredRow = row({
  deliveredAt: column.moment,
  board: column.text,
  rowNumber: column.integer,
  outcome: column.text,
  messages: column.json(row({ kolom: column.text.nullable(), melding: column.text, soort: column.text }).array().nullable()),
  staffNumber: column.text.nullable(),
  hasBsn: column.boolean,
  initials: column.text.nullable(),
  firstNames: column.text.nullable(),
  prefix: column.text.nullable(),
  surname: column.text.nullable(),
  birthDate: column.day.nullable(),
  email: column.text.nullable(),
  brin: column.text.nullable(),
  function: column.text.nullable(),
  appointmentBasis: column.text.nullable(),
  startDate: column.day.nullable(),
  endDate: column.day.nullable(),
  fte: column.text.nullable(),
  mutation: column.text.nullable(),
});
export type DeliveredRow = ReturnType<typeof deliveredRow.parse>;

/**
 * Every delivered row about these persons, oldest first, from the deliveries of the boards that keep a staff
 * number for them (a board that never delivered an applicable row about them has no key to find its rows
 * by, short of reading every delivery). The BSN is never read back, only whether there was one.
 */
export async function listRowsAboutPersons(db: Db, personIds: string[]): Promise<DeliveredRow[]> {
  if (personIds.length === 0) return [];
  const ids = sql`${arrayLiteral(personIds)}::uuid[]`;
  return rowsOf(
    deliveredRow,
    await db.execute(sql`SELECT d.created_at AS "deliveredAt", coalesce(b.name, 'Bevoegd gezag ' || b.number) AS board,
      r.row_number AS "rowNumber", r.outcome, r.messages, r.staff_number AS "staffNumber", r.bsn_sealed IS NOT NULL AS "hasBsn",
      r.initials, r.first_names AS "firstNames", r.prefix, r.surname, r.birth_date::text AS "birthDate", r.email,
      s.brin, r.function, r.appointment_basis AS "appointmentBasis", r.start_date::text AS "startDate", r.end_date::text AS "endDate",
      r.fte::text AS fte, r.mutation
    FROM delivery_rows r
    JOIN deliveries d ON d.id = r.delivery_id
    JOIN boards b ON b.id = d.board_id
    LEFT JOIN schools s ON s.id = r.school_id
    WHERE d.board_id IN (SELECT n.board_id FROM staff_numbers n WHERE n.person_id = ANY(${ids}))
      AND (r.staff_number IN (SELECT n.staff_number FROM staff_numbers n WHERE n.person_id = ANY(${ids}) AND n.board_id = d.board_id)
        OR r.bsn_hash IN (SELECT p.bsn_hash FROM persons p WHERE p.id = ANY(${ids}) AND p.bsn_hash IS NOT NULL))
    ORDER BY d.created_at, r.row_number`),
  );
}

const invitationRow = row({ sentTo: column.text, createdAt: column.moment, board: column.text });
export type PersonInvitation = ReturnType<typeof invitationRow.parse>;

/** The invitation mails deliveries sent about these persons, with the address each went to. */
export async function listInvitationsOfPersons(db: Db, personIds: string[]): Promise<PersonInvitation[]> {
  if (personIds.length === 0) return [];
  return rowsOf(
    invitationRow,
    await db.execute(sql`SELECT i.email AS "sentTo", i.created_at AS "createdAt", coalesce(b.name, 'Bevoegd gezag ' || b.number) AS board
    FROM person_invitations i JOIN deliveries d ON d.id = i.delivery_id JOIN boards b ON b.id = d.board_id
    WHERE i.person_id = ANY(${arrayLiteral(personIds)}::uuid[]) ORDER BY i.created_at`),
  );
}

const submittedRow = row({
  createdAt: column.moment,
  board: column.text,
  channel: column.text,
  mode: column.text,
  fileName: column.text.nullable(),
  status: column.text,
  rowCount: column.integer,
});
export type SubmittedDelivery = ReturnType<typeof submittedRow.parse>;

/** The deliveries this account submitted (their work for a board), without the rows about others. */
export async function listDeliveriesSubmittedBy(db: Db, accountId: string): Promise<SubmittedDelivery[]> {
  return rowsOf(
    submittedRow,
    await db.execute(sql`SELECT d.created_at AS "createdAt", coalesce(b.name, 'Bevoegd gezag ' || b.number) AS board, d.channel, d.mode,
      d.file_name AS "fileName", d.status, d.row_count AS "rowCount"
    FROM deliveries d JOIN boards b ON b.id = d.board_id WHERE d.submitted_by_account = ${accountId} ORDER BY d.created_at`),
  );
}

const duplicateRow = row({ reason: column.text, status: column.text, createdAt: column.moment, resolvedAt: column.moment.nullable() });
export type DuplicateCheck = ReturnType<typeof duplicateRow.parse>;

/** The register office's checks whether these persons and another record are one and the same (the other's data left out). */
export async function listDuplicateChecksOf(db: Db, personIds: string[]): Promise<DuplicateCheck[]> {
  if (personIds.length === 0) return [];
  const ids = sql`${arrayLiteral(personIds)}::uuid[]`;
  return rowsOf(
    duplicateRow,
    await db.execute(sql`SELECT reason, status, created_at AS "createdAt", resolved_at AS "resolvedAt" FROM duplicate_candidates
    WHERE person_id = ANY(${ids}) OR candidate_id = ANY(${ids}) ORDER BY created_at`),
  );
}
