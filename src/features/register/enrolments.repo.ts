import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { enrolmentStatuses, type EnrolmentStatus } from './enrolment.rules.ts';
import { column, firstRowOf, hasRows, row, type RowSchema } from '../../db/rows.ts';

// the enrolment's history is the professional's own record too (their AVG export reads it)
export { listEnrolmentEvents, type EnrolmentEventLine } from './own-record.repo.ts';

export type StaffEnrolment = {
  id: string;
  personId: string;
  accountId: string;
  registerNumber: string;
  status: EnrolmentStatus;
  personName: string;
  personEmail: string | null;
  createdAt: Date;
};

const staffEnrolmentRow = row({
  id: column.text,
  personId: column.text,
  accountId: column.text,
  registerNumber: column.text,
  status: column.oneOf(enrolmentStatuses),
  personName: column.text,
  personEmail: column.text.nullable(),
  createdAt: column.moment,
}) satisfies RowSchema<StaffEnrolment>;

const fromStatusRow = row({ fromStatus: column.oneOf(enrolmentStatuses).nullable() });

export async function findEnrolment(db: Db, where: { id: string } | { registerNumber: string }): Promise<StaffEnrolment | undefined> {
  const condition = 'id' in where ? sql`n.id = ${where.id}` : sql`n.register_number = ${where.registerNumber}`;
  return firstRowOf(
    staffEnrolmentRow,
    await db.execute(sql`SELECT n.id, n.person_id AS "personId", n.account_id AS "accountId", n.register_number AS "registerNumber",
      n.status, concat_ws(' ', p.initials, p.prefix, p.surname) AS "personName", coalesce(p.personal_email, p.email) AS "personEmail", n.created_at AS "createdAt"
    FROM enrolments n JOIN persons p ON p.id = n.person_id WHERE ${condition}`),
  );
}

/** Moves the enrolment from `from` to `to` with a line in its history; false when it was no longer `from` (someone else moved it). */
export async function moveEnrolment(
  tx: Db,
  id: string,
  from: EnrolmentStatus,
  to: EnrolmentStatus,
  event: { byLabel: string; reason: string | null; now: Date },
): Promise<boolean> {
  const moved = hasRows(await tx.execute(sql`UPDATE enrolments SET status = ${to} WHERE id = ${id} AND status = ${from} RETURNING id`));
  if (!moved) return false;
  await tx.execute(sql`INSERT INTO enrolment_events (id, enrolment_id, from_status, to_status, by_label, reason, created_at)
    VALUES (${uuidV7()}, ${id}, ${from}, ${to}, ${event.byLabel}, ${event.reason}, ${event.now.toISOString()})`);
  return true;
}

/** The status the last doorhaling ended, to go back to. */
export async function statusBeforeStrikeOff(db: Db, id: string): Promise<EnrolmentStatus | null> {
  const row = firstRowOf(
    fromStatusRow,
    await db.execute(sql`SELECT from_status AS "fromStatus" FROM enrolment_events
    WHERE enrolment_id = ${id} AND to_status = 'doorgehaald' ORDER BY created_at DESC, id DESC LIMIT 1`),
  );
  return row?.fromStatus ?? null;
}
