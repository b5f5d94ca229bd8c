import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { column, countOf, firstRowOf, row, type RowSchema } from '../../db/rows.ts';

/**
 * Counts for the start page's cards (features/start-page): one count query each, never a list loaded and
 * counted. What is waiting follows the queues the pages show.
 */

/** What waits in the professional's own record: the linked person's employments and person data to check, and the enrolment. */
export type OwnRecordCounts = {
  personId: string;
  employmentsToCheck: number;
  /** delivered person data neither approved nor disputed */
  personDataToCheck: boolean;
  enrolment: { id: string; registerNumber: string; status: string } | null;
};

const ownRecordCountsRow = row({
  personId: column.text,
  employmentsToCheck: column.integer,
  personDataToCheck: column.boolean,
  enrolmentId: column.text.nullable(),
  registerNumber: column.text.nullable(),
  enrolmentStatus: column.text.nullable(),
});

/** The counts of the person linked to this account; undefined when no person is. */
export async function countOwnRecord(db: Db, accountId: string): Promise<OwnRecordCounts | undefined> {
  const found = firstRowOf(
    ownRecordCountsRow,
    await db.execute(sql`SELECT p.id AS "personId",
      (SELECT count(*) FROM employments e WHERE e.person_id = p.id AND e.approval_status = 'te-controleren') AS "employmentsToCheck",
      (p.data_approved_at IS NULL AND EXISTS (SELECT 1 FROM employments e WHERE e.person_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM employment_disputes d WHERE d.person_id = p.id AND d.kind = 'persoonsgegevens' AND d.status = 'open')) AS "personDataToCheck",
      n.id AS "enrolmentId", n.register_number AS "registerNumber", n.status AS "enrolmentStatus"
    FROM persons p LEFT JOIN enrolments n ON n.person_id = p.id
    WHERE p.account_id = ${accountId} AND p.merged_into IS NULL`),
  );
  if (!found) return undefined;
  const { enrolmentId, registerNumber, enrolmentStatus, ...counts } = found;
  return { ...counts, enrolment: enrolmentId && registerNumber && enrolmentStatus ? { id: enrolmentId, registerNumber, status: enrolmentStatus } : null };
}

/** An enrolment's registration: applications still open, and until when the current registration runs (null: none). */
export type OwnRegistrationCounts = { openApplications: number; validUntil: string | null; everApplied: boolean };

const ownRegistrationRow = row({
  openApplications: column.integer,
  validUntil: column.day.nullable(),
  everApplied: column.boolean,
}) satisfies RowSchema<OwnRegistrationCounts>;

export async function countOwnRegistration(db: Db, enrolmentId: string, today: string): Promise<OwnRegistrationCounts> {
  return firstRowOf(
    ownRegistrationRow,
    await db.execute(sql`SELECT
      count(*) FILTER (WHERE a.status IN ('aangevraagd', 'in-behandeling', 'bezwaar')) AS "openApplications",
      (max(a.valid_until) FILTER (WHERE a.valid_until >= ${today}::date))::text AS "validUntil",
      count(*) > 0 AS "everApplied"
    FROM registration_applications a WHERE a.enrolment_id = ${enrolmentId}`),
  )!;
}

/** Applications waiting for register staff to give them to a member of the Commissie Registratie. */
export async function countApplicationsToAssign(db: Db): Promise<number> {
  return countOf(await db.execute(sql`SELECT count(*) AS n FROM registration_applications WHERE status IN ('aangevraagd', 'bezwaar')`));
}

/** Applications given to this member of the Commissie Registratie, waiting for their decision. */
export async function countApplicationsAssignedTo(db: Db, accountId: string): Promise<number> {
  return countOf(await db.execute(sql`SELECT count(*) AS n FROM registration_applications WHERE status = 'in-behandeling' AND assigned_to = ${accountId}`));
}

/** Requests for uitstel waiting for the Commissie Registratie. */
export async function countPostponementsToDecide(db: Db): Promise<number> {
  return countOf(await db.execute(sql`SELECT count(*) AS n FROM postponements WHERE status = 'aangevraagd'`));
}

/** Enrolments in the register, struck off ones not counted. */
export async function countEnrolments(db: Db): Promise<number> {
  return countOf(await db.execute(sql`SELECT count(*) AS n FROM enrolments WHERE status <> 'doorgehaald'`));
}

/** A board's open disputes: waiting for its answer. */
export async function countOpenBoardDisputes(db: Db, boardId: string): Promise<number> {
  return countOf(await db.execute(sql`SELECT count(*) AS n FROM employment_disputes WHERE board_id = ${boardId} AND status = 'open'`));
}

/** A board's delivered employments, and those its professionals have not checked yet (as the progress page counts them). */
export async function countBoardChecks(db: Db, boardId: string): Promise<{ delivered: number; unchecked: number }> {
  return firstRowOf(
    row({ delivered: column.integer, unchecked: column.integer }),
    await db.execute(sql`SELECT count(*) AS delivered, count(*) FILTER (WHERE e.approval_status = 'te-controleren') AS unchecked
    FROM employments e JOIN persons p ON p.id = e.person_id AND p.merged_into IS NULL WHERE e.board_id = ${boardId}`),
  )!;
}
