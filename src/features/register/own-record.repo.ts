import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { z } from 'zod';
import { approvalStatuses, type ApprovalStatus } from './approval.rules.ts';
import { enrolmentStatuses, type EnrolmentStatus } from './enrolment.rules.ts';
import { staffNumberAsShown } from '../../platform/bsn.ts';
import { column, firstRowOf, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';
import { languages, type Lang } from '../../platform/i18n.ts';

export const disputeStatuses = ['open', 'beantwoord', 'opgelost', 'ingetrokken'] as const;
export type DisputeStatus = (typeof disputeStatuses)[number];

const idRow = row({ id: column.text });

export type OwnEmployment = {
  id: string;
  boardName: string;
  schoolName: string;
  brin: string;
  locationName: string | null;
  function: string;
  appointmentBasis: string | null;
  startDate: string;
  endDate: string | null;
  /** werktijdfactor, as delivered (`0.8000`) */
  fte: string | null;
  approvalStatus: ApprovalStatus;
  /** the latest dispute of this employment, if any: the fields the professional named, what they wrote and what the board answered */
  dispute: { status: DisputeStatus; fields: string[]; comment: string; reply: string | null; repliedByLabel: string | null } | null;
};

const ownEmploymentRow = row({
  id: column.text,
  boardName: column.text,
  schoolName: column.text,
  brin: column.text,
  locationName: column.text.nullable(),
  function: column.text,
  appointmentBasis: column.text.nullable(),
  startDate: column.day,
  endDate: column.day.nullable(),
  fte: column.text.nullable(),
  approvalStatus: column.oneOf(approvalStatuses),
  dispute: column
    .json(
      row({
        status: column.oneOf(disputeStatuses),
        fields: column.texts,
        comment: column.text,
        reply: column.text.nullable(),
        repliedByLabel: column.text.nullable(),
      }),
    )
    .nullable(),
}) satisfies RowSchema<OwnEmployment>;

const ownEmploymentColumns = sql`e.id, coalesce(b.name, 'Bevoegd gezag ' || b.number) AS "boardName",
  s.name AS "schoolName", s.brin, l.name AS "locationName", e.function, e.appointment_basis AS "appointmentBasis",
  e.start_date::text AS "startDate", e.end_date::text AS "endDate", e.fte::text AS fte, e.approval_status AS "approvalStatus",
  (SELECT jsonb_build_object('status', d.status, 'fields', to_jsonb(d.fields), 'comment', d.comment, 'reply', d.reply, 'repliedByLabel', d.replied_by_label)
     FROM employment_disputes d WHERE d.employment_id = e.id ORDER BY d.created_at DESC, d.id DESC LIMIT 1) AS dispute`;

/** The person an account is linked to (decision 021: by id, whatever later deliveries say of the address). */
const ownedBy = (accountId: string) => sql`p.account_id = ${accountId} AND p.merged_into IS NULL`;

/** The person linked to this account, if any. */
export async function findPersonIdOfAccount(db: Db, accountId: string): Promise<string | undefined> {
  return firstRowOf(idRow, await db.execute(sql`SELECT p.id FROM persons p WHERE ${ownedBy(accountId)}`))?.id;
}

/**
 * Links the account to the one delivered person without an account whose work address is the
 * account's confirmed address; nobody when the account is linked already, its address is not
 * confirmed, or two persons share the address (a school's shared mailbox is no proof of who is who).
 * A person whose BSN is another than the one an issuer vouched for at the account's sign-in is not
 * this account's, whatever the address says, nor is one register staff unlinked from it. The link's
 * id, or undefined.
 */
export async function linkByConfirmedAddress(tx: Db, accountId: string, now: Date): Promise<string | undefined> {
  return firstRowOf(
    idRow,
    await tx.execute(sql`WITH account AS (
        SELECT a.email, a.bsn_hash FROM accounts a
        WHERE a.id = ${accountId} AND a.email_verified_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM persons q WHERE q.account_id = a.id)
      ), candidates AS (
        SELECT p.id, (account.bsn_hash IS NULL OR p.bsn_hash IS NULL OR p.bsn_hash = account.bsn_hash)
            AND NOT EXISTS (SELECT 1 FROM person_link_blocks b WHERE b.person_id = p.id AND b.account_id = ${accountId}) AS linkable
        FROM persons p JOIN account ON p.email = account.email
        WHERE p.account_id IS NULL AND p.merged_into IS NULL
      )
      UPDATE persons SET account_id = ${accountId}, updated_at = ${now.toISOString()}
      WHERE id IN (SELECT id FROM candidates WHERE linkable) AND (SELECT count(*) FROM candidates) = 1 AND account_id IS NULL
      RETURNING id`),
  )?.id;
}

/** The employments boards delivered for the person linked to this account. */
export async function listEmploymentsOfAccount(db: Db, accountId: string): Promise<OwnEmployment[]> {
  return rowsOf(
    ownEmploymentRow,
    await db.execute(sql`SELECT ${ownEmploymentColumns}
    FROM persons p JOIN employments e ON e.person_id = p.id JOIN boards b ON b.id = e.board_id JOIN schools s ON s.id = e.school_id
    LEFT JOIN locations l ON l.id = e.location_id
    WHERE ${ownedBy(accountId)}
    ORDER BY e.end_date IS NOT NULL, e.start_date DESC, b.number, s.brin, e.id`),
  );
}

/** The employments of one person, as the commission reads them beside an application. */
export async function listEmploymentsOfPerson(db: Db, personId: string): Promise<OwnEmployment[]> {
  return rowsOf(
    ownEmploymentRow,
    await db.execute(sql`SELECT ${ownEmploymentColumns}
    FROM persons p JOIN employments e ON e.person_id = p.id JOIN boards b ON b.id = e.board_id JOIN schools s ON s.id = e.school_id
    LEFT JOIN locations l ON l.id = e.location_id
    WHERE p.id = ${personId}
    ORDER BY e.end_date IS NOT NULL, e.start_date DESC, b.number, s.brin, e.id`),
  );
}

export type EmploymentRef = { id: string; personId: string; boardId: string; approvalStatus: ApprovalStatus };

const employmentRefRow = row({
  id: column.text,
  personId: column.text,
  boardId: column.text,
  approvalStatus: column.oneOf(approvalStatuses),
}) satisfies RowSchema<EmploymentRef>;

/** One employment of the person linked to this account; undefined for anybody else's. */
export async function findEmploymentOfAccount(db: Db, accountId: string, employmentId: string): Promise<EmploymentRef | undefined> {
  return firstRowOf(
    employmentRefRow,
    await db.execute(sql`SELECT e.id, e.person_id AS "personId", e.board_id AS "boardId", e.approval_status AS "approvalStatus"
    FROM employments e JOIN persons p ON p.id = e.person_id
    WHERE e.id = ${employmentId} AND ${ownedBy(accountId)}`),
  );
}

/** Moves the approval status on, only from the state it was read in (false when someone else moved it first). */
export async function setApprovalStatus(tx: Db, employmentId: string, from: ApprovalStatus, to: ApprovalStatus, now: Date): Promise<boolean> {
  const result = await tx.execute(sql`UPDATE employments SET approval_status = ${to}, updated_at = ${now.toISOString()}
    WHERE id = ${employmentId} AND approval_status = ${from} RETURNING id`);
  return hasRows(result);
}

export async function addHistoryLine(
  tx: Db,
  line: { personId: string; employmentId: string | null; kind: string; changes: Record<string, [unknown, unknown]>; byLabel: string; now: Date },
): Promise<void> {
  await tx.execute(sql`INSERT INTO person_history (id, person_id, employment_id, kind, changes, by_label, created_at)
    VALUES (${uuidV7()}, ${line.personId}, ${line.employmentId}, ${line.kind}, ${JSON.stringify(line.changes)}::jsonb, ${line.byLabel}, ${line.now.toISOString()})`);
}

export type Enrolment = { id: string; registerNumber: string; status: string; createdAt: Date };

const enrolmentRow = row({ id: column.text, registerNumber: column.text, status: column.text, createdAt: column.moment }) satisfies RowSchema<Enrolment>;

export async function findEnrolmentOfAccount(db: Db, accountId: string): Promise<Enrolment | undefined> {
  return firstRowOf(
    enrolmentRow,
    await db.execute(sql`SELECT id, register_number AS "registerNumber", status, created_at AS "createdAt"
    FROM enrolments WHERE account_id = ${accountId}`),
  );
}

/** Every person the register holds for this professional: the one linked to the account, and the records merged into it. */
export async function listPersonIdsOfAccount(db: Db, accountId: string): Promise<string[]> {
  return rowsOf(
    idRow,
    await db.execute(sql`WITH own AS (SELECT id FROM persons WHERE account_id = ${accountId})
    SELECT id FROM own UNION SELECT p.id FROM persons p WHERE p.merged_into IN (SELECT id FROM own)`),
  ).map((r) => r.id);
}

const enrollablePersonRow = row({ id: column.text, accountId: column.text.nullable(), enrolled: column.boolean });

/**
 * The person a professional enrols as: the one linked to the account, delivered by a board or made from
 * the account (enrolment without a delivery).
 */
export async function findEnrollablePerson(db: Db, accountId: string): Promise<{ id: string; accountId: string | null; enrolled: boolean } | undefined> {
  return firstRowOf(
    enrollablePersonRow,
    await db.execute(sql`SELECT p.id, p.account_id AS "accountId",
      EXISTS (SELECT 1 FROM enrolments n WHERE n.person_id = p.id) AS enrolled
    FROM persons p
    WHERE ${ownedBy(accountId)}`),
  );
}

export async function isRegisterNumberTaken(tx: Db, registerNumber: string): Promise<boolean> {
  return hasRows(await tx.execute(sql`SELECT 1 FROM enrolments WHERE register_number = ${registerNumber}`));
}

/** The enrolment, its first status line, and the account linked to the person (the public register's condition). */
export async function insertEnrolment(tx: Db, e: { personId: string; accountId: string; registerNumber: string; byLabel: string; now: Date }): Promise<void> {
  const id = uuidV7();
  await tx.execute(sql`UPDATE persons SET account_id = ${e.accountId}, updated_at = ${e.now.toISOString()} WHERE id = ${e.personId}`);
  await tx.execute(sql`INSERT INTO enrolments (id, person_id, account_id, register_number, status, created_at)
    VALUES (${id}, ${e.personId}, ${e.accountId}, ${e.registerNumber}, 'ingeschreven', ${e.now.toISOString()})`);
  await tx.execute(sql`INSERT INTO enrolment_events (id, enrolment_id, from_status, to_status, by_label, reason, created_at)
    VALUES (${uuidV7()}, ${id}, NULL, 'ingeschreven', ${e.byLabel}, NULL, ${e.now.toISOString()})`);
}

export type EnrolmentEventLine = { fromStatus: EnrolmentStatus | null; toStatus: EnrolmentStatus; byLabel: string; reason: string | null; createdAt: Date };

const enrolmentEventRow = row({
  fromStatus: column.oneOf(enrolmentStatuses).nullable(),
  toStatus: column.oneOf(enrolmentStatuses),
  byLabel: column.text,
  reason: column.text.nullable(),
  createdAt: column.moment,
}) satisfies RowSchema<EnrolmentEventLine>;

/** Every change of the enrolment's status, oldest first. */
export async function listEnrolmentEvents(db: Db, enrolmentId: string): Promise<EnrolmentEventLine[]> {
  return rowsOf(
    enrolmentEventRow,
    await db.execute(sql`SELECT from_status AS "fromStatus", to_status AS "toStatus", by_label AS "byLabel", reason, created_at AS "createdAt"
    FROM enrolment_events WHERE enrolment_id = ${enrolmentId} ORDER BY created_at, id`),
  );
}

export type HistoryLine = {
  kind: string;
  changes: Record<string, [unknown, unknown]> | null;
  byLabel: string | null;
  deliveryId: string | null;
  createdAt: Date;
};

/** A field's value before or after a change, as person_history's json holds it: a json scalar (text, a date as text, the werktijdfactor's number) or null. */
const changedValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const historyLineRow = row({
  kind: column.text,
  changes: column.json(z.record(z.string(), z.tuple([changedValue, changedValue]))).nullable(),
  byLabel: column.text.nullable(),
  deliveryId: column.text.nullable(),
  createdAt: column.moment,
}) satisfies RowSchema<HistoryLine>;

/** The history of the person linked to this account: what deliveries, the professional and the board changed. */
export async function listHistoryOfAccount(db: Db, accountId: string): Promise<HistoryLine[]> {
  return rowsOf(
    historyLineRow,
    await db.execute(sql`SELECT h.kind, h.changes, h.by_label AS "byLabel", h.delivery_id AS "deliveryId", h.created_at AS "createdAt"
    FROM person_history h JOIN persons p ON p.id = h.person_id
    WHERE ${ownedBy(accountId)} ORDER BY h.created_at, h.id`),
  );
}

const personalEmailRow = row({ e: column.text.nullable() });

export async function findPersonalEmail(db: Db, personId: string): Promise<string | null> {
  return firstRowOf(personalEmailRow, await db.execute(sql`SELECT personal_email AS e FROM persons WHERE id = ${personId}`))?.e ?? null;
}

export async function setPersonalEmail(tx: Db, personId: string, email: string | null, now: Date): Promise<void> {
  await tx.execute(sql`UPDATE persons SET personal_email = ${email}, updated_at = ${now.toISOString()} WHERE id = ${personId}`);
}

export type MailAddress = { email: string; name: string; lang: Lang };

const mailAddressRow = row({ email: column.text, name: column.text, lang: column.oneOf(languages) }) satisfies RowSchema<MailAddress>;

/**
 * Where mail about a person's record goes: the personal address they gave, else their account's, else
 * the work address their board delivered; undefined when there is none. In their account's language.
 */
export async function findPersonAddress(db: Db, personId: string): Promise<MailAddress | undefined> {
  return firstRowOf(
    mailAddressRow,
    await db.execute(sql`SELECT coalesce(p.personal_email, a.email, p.email) AS email,
      coalesce(a.display_name, concat_ws(' ', p.initials, p.prefix, p.surname)) AS name,
      CASE WHEN a.preferred_lang = 'en' THEN 'en' ELSE 'nl' END AS lang
    FROM persons p LEFT JOIN accounts a ON a.id = p.account_id
    WHERE p.id = ${personId} AND coalesce(p.personal_email, a.email, p.email) IS NOT NULL`),
  );
}

/** What boards delivered about the person themselves (not an employment): for them to check, and in their AVG download. */
export type DeliveredPerson = {
  initials: string;
  firstNames: string | null;
  prefix: string | null;
  surname: string;
  birthDate: string;
  workEmail: string | null;
  hasBsn: boolean;
  /** the staff number each board knows them by */
  staffNumbers: { board: string; staffNumber: string }[];
  /** a board delivered them; false for a person made from the account at enrolment, until a delivery joins it */
  delivered: boolean;
};

const deliveredPersonRow = row({
  initials: column.text,
  firstNames: column.text.nullable(),
  prefix: column.text.nullable(),
  surname: column.text,
  birthDate: column.day,
  workEmail: column.text.nullable(),
  hasBsn: column.boolean,
  staffNumbers: column.json(z.array(z.object({ board: z.string(), staffNumber: z.string() }))),
  delivered: column.boolean,
}) satisfies RowSchema<DeliveredPerson>;

/** The person linked to this account, as delivered (or as they gave it at enrolment); undefined without a link. */
export async function findDeliveredPerson(db: Db, accountId: string): Promise<DeliveredPerson | undefined> {
  return firstRowOf(
    deliveredPersonRow,
    await db.execute(sql`SELECT p.initials, p.first_names AS "firstNames", p.prefix, p.surname, p.birth_date::text AS "birthDate",
      p.email AS "workEmail", p.bsn_hash IS NOT NULL AS "hasBsn",
      coalesce((SELECT jsonb_agg(jsonb_build_object('board', coalesce(b.name, 'Bevoegd gezag ' || b.number), 'staffNumber', ${staffNumberAsShown('n.staff_number')})
          ORDER BY b.number, n.staff_number)
        FROM staff_numbers n JOIN boards b ON b.id = n.board_id WHERE n.person_id = p.id), '[]'::jsonb) AS "staffNumbers",
      EXISTS (SELECT 1 FROM staff_numbers n WHERE n.person_id = p.id) AS delivered
    FROM persons p WHERE ${ownedBy(accountId)}`),
  );
}
