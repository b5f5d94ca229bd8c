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
  /** the account linked to the person (decision 021); null after register staff unlinked it */
  accountId: string | null;
  /** that account's address and name, for register staff to see whose it is */
  accountEmail: string | null;
  accountName: string | null;
  registerNumber: string;
  status: EnrolmentStatus;
  personName: string;
  personEmail: string | null;
  createdAt: Date;
};

const staffEnrolmentRow = row({
  id: column.text,
  personId: column.text,
  accountId: column.text.nullable(),
  accountEmail: column.text.nullable(),
  accountName: column.text.nullable(),
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
    await db.execute(sql`SELECT n.id, n.person_id AS "personId", n.account_id AS "accountId", a.email AS "accountEmail", a.display_name AS "accountName",
      n.register_number AS "registerNumber", n.status, concat_ws(' ', p.initials, p.prefix, p.surname) AS "personName",
      coalesce(p.personal_email, p.email) AS "personEmail", n.created_at AS "createdAt"
    FROM enrolments n JOIN persons p ON p.id = n.person_id LEFT JOIN accounts a ON a.id = n.account_id WHERE ${condition}`),
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

/** An account register staff would link an enrolment's person to, found by its address, with what stands in the way. */
export type LinkableAccount = {
  id: string;
  email: string;
  displayName: string;
  verified: boolean;
  /** it has a person or an enrolment already: one account, one person */
  taken: boolean;
  /** it signed in with a BSN that is not the person's */
  otherBsn: boolean;
};

const linkableAccountRow = row({
  id: column.text,
  email: column.text,
  displayName: column.text,
  verified: column.boolean,
  taken: column.boolean,
  otherBsn: column.boolean,
}) satisfies RowSchema<LinkableAccount>;

export async function findLinkableAccount(db: Db, email: string, personId: string): Promise<LinkableAccount | undefined> {
  return firstRowOf(
    linkableAccountRow,
    await db.execute(sql`SELECT a.id, a.email, a.display_name AS "displayName", a.email_verified_at IS NOT NULL AS verified,
      (EXISTS (SELECT 1 FROM persons q WHERE q.account_id = a.id) OR EXISTS (SELECT 1 FROM enrolments n WHERE n.account_id = a.id)) AS taken,
      (a.bsn_hash IS NOT NULL AND p.bsn_hash IS NOT NULL AND a.bsn_hash <> p.bsn_hash) AS "otherBsn"
    FROM accounts a JOIN persons p ON p.id = ${personId} WHERE a.email = ${email}`),
  );
}
