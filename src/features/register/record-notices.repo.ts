import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { arrayLiteral } from '../../db/array-literal.ts';
import { column, countOf, firstRowOf, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';
import { languages, type Lang } from '../../platform/i18n.ts';
import { defaultReminderDays, disputeMailModes, noticeKinds, schoolLeaderFunctions, type DisputeMailMode, type NoticeKind } from './record-notices.rules.ts';

// ─── a board's settings ─────────────────────────────────────────────────────────────────────────

export type BoardNoticeSettings = {
  disputeMail: DisputeMailMode;
  disputeMailChangedAt: Date | null;
  disputeMailChangedByLabel: string | null;
  reminderSentAt: Date | null;
  reminderSentByLabel: string | null;
};

const boardSettingsRow = row({
  disputeMail: column.oneOf(disputeMailModes),
  disputeMailChangedAt: column.moment.nullable(),
  disputeMailChangedByLabel: column.text.nullable(),
  reminderSentAt: column.moment.nullable(),
  reminderSentByLabel: column.text.nullable(),
}) satisfies RowSchema<BoardNoticeSettings>;

/** The board's settings; the defaults when it never set any. */
export async function findBoardSettings(db: Db, boardId: string): Promise<BoardNoticeSettings> {
  const found = firstRowOf(
    boardSettingsRow,
    await db.execute(sql`SELECT dispute_mail AS "disputeMail", dispute_mail_changed_at AS "disputeMailChangedAt",
      dispute_mail_changed_by_label AS "disputeMailChangedByLabel", reminder_sent_at AS "reminderSentAt", reminder_sent_by_label AS "reminderSentByLabel"
    FROM board_settings WHERE board_id = ${boardId}`),
  );
  return found ?? { disputeMail: 'dagelijks', disputeMailChangedAt: null, disputeMailChangedByLabel: null, reminderSentAt: null, reminderSentByLabel: null };
}

export async function setDisputeMail(tx: Db, boardId: string, mode: DisputeMailMode, byLabel: string, now: Date): Promise<void> {
  await tx.execute(sql`INSERT INTO board_settings (board_id, dispute_mail, dispute_mail_changed_by_label, dispute_mail_changed_at)
    VALUES (${boardId}, ${mode}, ${byLabel}, ${now.toISOString()})
    ON CONFLICT (board_id) DO UPDATE SET dispute_mail = EXCLUDED.dispute_mail,
      dispute_mail_changed_by_label = EXCLUDED.dispute_mail_changed_by_label, dispute_mail_changed_at = EXCLUDED.dispute_mail_changed_at`);
}

/**
 * Notes that the board's staff send the reminder by hand now, unless they did since `since`; false
 * then. One statement, so two clicks at once send it once.
 */
export async function claimBoardReminder(tx: Db, boardId: string, byLabel: string, now: Date, since: Date): Promise<boolean> {
  return hasRows(
    await tx.execute(sql`INSERT INTO board_settings (board_id, reminder_sent_at, reminder_sent_by_label)
    VALUES (${boardId}, ${now.toISOString()}, ${byLabel})
    ON CONFLICT (board_id) DO UPDATE SET reminder_sent_at = EXCLUDED.reminder_sent_at, reminder_sent_by_label = EXCLUDED.reminder_sent_by_label
      WHERE board_settings.reminder_sent_at IS NULL OR board_settings.reminder_sent_at <= ${since.toISOString()}
    RETURNING board_id`),
  );
}

/** The account's language for mail: English when it chose English, else Dutch. */
const langOf = sql`CASE WHEN a.preferred_lang = 'en' THEN 'en' ELSE 'nl' END`;

// ─── disputes, to the board's staff ─────────────────────────────────────────────────────────────

const modeRow = row({ mode: column.oneOf(disputeMailModes) });

export async function findDisputeMailMode(db: Db, boardId: string): Promise<DisputeMailMode> {
  return firstRowOf(modeRow, await db.execute(sql`SELECT dispute_mail AS mode FROM board_settings WHERE board_id = ${boardId}`))?.mode ?? 'dagelijks';
}

export async function markDisputesNotified(tx: Db, disputeIds: string[], now: Date): Promise<void> {
  if (disputeIds.length === 0) return;
  await tx.execute(sql`UPDATE employment_disputes SET board_notified_at = ${now.toISOString()}
    WHERE id = ANY(${arrayLiteral(disputeIds)}::uuid[]) AND board_notified_at IS NULL`);
}

export type DisputeToDigest = {
  id: string;
  boardId: string;
  boardName: string;
  personName: string;
  /** the disputed employment; null for the person data */
  function: string | null;
  schoolName: string | null;
  brin: string | null;
  fields: string[];
  comment: string;
  /** still open: a dispute withdrawn before the overview is marked as told, but not listed */
  open: boolean;
};

const disputeToDigestRow = row({
  id: column.text,
  boardId: column.text,
  boardName: column.text,
  personName: column.text,
  function: column.text.nullable(),
  schoolName: column.text.nullable(),
  brin: column.text.nullable(),
  fields: column.texts,
  comment: column.text,
  open: column.boolean,
}) satisfies RowSchema<DisputeToDigest>;

/** Every dispute the board's staff have not been told of yet, by board and in the order they came. */
export async function listDisputesToDigest(db: Db): Promise<DisputeToDigest[]> {
  return rowsOf(
    disputeToDigestRow,
    await db.execute(sql`SELECT d.id, d.board_id AS "boardId", coalesce(b.name, 'Bevoegd gezag ' || b.number) AS "boardName",
      concat_ws(' ', p.initials, p.prefix, p.surname) AS "personName", e.function, s.name AS "schoolName", s.brin, d.fields, d.comment,
      d.status = 'open' AS open
    FROM employment_disputes d JOIN persons p ON p.id = d.person_id JOIN boards b ON b.id = d.board_id
    LEFT JOIN employments e ON e.id = d.employment_id LEFT JOIN schools s ON s.id = e.school_id
    WHERE d.board_notified_at IS NULL
    ORDER BY d.board_id, d.created_at, d.id`),
  );
}

export type StaffAddress = { boardId: string; email: string; name: string; lang: Lang };

const staffAddressRow = row({ boardId: column.text, email: column.text, name: column.text, lang: column.oneOf(languages) }) satisfies RowSchema<StaffAddress>;

/** The staff of these boards who handle disputes (board admins and staff, not revoked), each once per board, with their language. */
export async function listBoardStaffAddresses(db: Db, boardIds: string[]): Promise<StaffAddress[]> {
  if (boardIds.length === 0) return [];
  return rowsOf(
    staffAddressRow,
    await db.execute(sql`SELECT DISTINCT m.organisation_id AS "boardId", a.email, a.display_name AS name, ${langOf} AS lang
    FROM memberships m JOIN accounts a ON a.id = m.account_id
    WHERE m.organisation_kind = 'bestuur' AND m.organisation_id = ANY(${arrayLiteral(boardIds)}::uuid[])
      AND m.role IN ('board-admin', 'board-staff') AND m.revoked_at IS NULL
    ORDER BY 1, 2`),
  );
}

// ─── mail to professionals ──────────────────────────────────────────────────────────────────────

/** Where a person's mail goes: the personal address they gave, else their account's, else the work address delivered. */
const addressOf = sql`coalesce(p.personal_email, a.email, p.email)`;

/** One employment a mail to a professional is about, with where that mail goes and in which language. */
export type NoticeLine = {
  personId: string;
  employmentId: string;
  deliveryId: string | null;
  email: string;
  name: string;
  lang: Lang;
  function: string;
  schoolName: string;
  brin: string;
  boardName: string;
};

const noticeLineShape = {
  personId: column.text,
  employmentId: column.text,
  deliveryId: column.text.nullable(),
  email: column.text,
  name: column.text,
  lang: column.oneOf(languages),
  function: column.text,
  schoolName: column.text,
  brin: column.text,
  boardName: column.text,
};

const noticeLineColumns = sql`e.person_id AS "personId", e.id AS "employmentId", e.last_delivery_id AS "deliveryId", ${addressOf} AS email,
  coalesce(a.display_name, concat_ws(' ', p.initials, p.prefix, p.surname)) AS name, ${langOf} AS lang,
  e.function, s.name AS "schoolName", s.brin, coalesce(b.name, 'Bevoegd gezag ' || b.number) AS "boardName"`;

const noticeLineJoins = sql`JOIN persons p ON p.id = e.person_id AND p.merged_into IS NULL LEFT JOIN accounts a ON a.id = p.account_id
  JOIN schools s ON s.id = e.school_id JOIN boards b ON b.id = e.board_id`;

/** No reminder of any kind reached the person since `since`. */
const notRemindedSince = (since: Date) => sql`NOT EXISTS (SELECT 1 FROM person_notices n
  WHERE n.person_id = e.person_id AND n.kind LIKE 'herinnering-%' AND n.created_at > ${since.toISOString()})`;

const dueReminderRow = row({ ...noticeLineShape, kind: column.oneOf(['herinnering-1', 'herinnering-2'] as const) });
export type DueReminder = NoticeLine & { kind: 'herinnering-1' | 'herinnering-2' };

const leaderFunctions = sql`${arrayLiteral([...schoolLeaderFunctions])}::text[]`;

const upperRow = row({ upTo: column.text.nullable() });

/**
 * The last person of the next batch of persons with an employment still to check, after `after`:
 * read along employments_person_id, so each batch costs its own size. Null when there are none left.
 */
export async function nextReminderBatch(db: Db, after: string | null, size: number): Promise<string | null> {
  const from = after === null ? sql`` : sql` AND e.person_id > ${after}`;
  return (
    firstRowOf(
      upperRow,
      await db.execute(sql`SELECT max(person_id::text) AS "upTo" FROM (SELECT e.person_id FROM employments e
      WHERE e.approval_status = 'te-controleren'${from} ORDER BY e.person_id LIMIT ${size}) batch`),
    )?.upTo ?? null
  );
}

/**
 * The reminders due at `now` for the persons after `after` up to `upTo`: each employment still to check,
 * by the delivery that last set it to be checked, and the first reminder when the register's first
 * number of days has passed since that delivery (the second after its second number), unless that
 * reminder was sent for this employment and delivery already, or the person had any reminder since
 * `coolOffSince` (then it waits). Only persons with an address; their register by the employment's function.
 */
export async function listDueReminders(db: Db, range: { after: string | null; upTo: string }, now: Date, coolOffSince: Date): Promise<DueReminder[]> {
  const from = range.after === null ? sql`` : sql` AND e.person_id > ${range.after}`;
  const at = now.toISOString();
  return rowsOf(
    dueReminderRow,
    await db.execute(sql`SELECT x.* FROM (
      SELECT ${noticeLineColumns},
        CASE WHEN d.finished_at <= ${at}::timestamptz - make_interval(days => coalesce(r.check_reminder_second_days, ${defaultReminderDays.second}))
          THEN 'herinnering-2' ELSE 'herinnering-1' END AS kind
      FROM employments e ${noticeLineJoins}
      JOIN deliveries d ON d.id = e.last_delivery_id
      LEFT JOIN registers r ON r.code = CASE WHEN e.function = ANY(${leaderFunctions}) THEN 'schoolleidersregister-po' ELSE 'lerarenregister' END
      WHERE e.approval_status = 'te-controleren' AND e.person_id <= ${range.upTo}${from}
        AND d.finished_at <= ${at}::timestamptz - make_interval(days => coalesce(r.check_reminder_first_days, ${defaultReminderDays.first}))
        AND ${addressOf} IS NOT NULL AND ${notRemindedSince(coolOffSince)}) x
    WHERE NOT EXISTS (SELECT 1 FROM person_notices n WHERE n.employment_id = x."employmentId" AND n.delivery_id = x."deliveryId" AND n.kind = x.kind)
    ORDER BY x."personId", x."boardName", x."schoolName", x."employmentId"`),
  );
}

const boardReminderWhere = (boardId: string, coolOffSince: Date) =>
  sql`e.board_id = ${boardId} AND e.approval_status = 'te-controleren' AND ${addressOf} IS NOT NULL AND ${notRemindedSince(coolOffSince)}`;

/** How many professionals the board's reminder would reach now (see listBoardReminderLines). */
export async function countBoardReminderPersons(db: Db, boardId: string, coolOffSince: Date): Promise<number> {
  return countOf(
    await db.execute(sql`SELECT count(DISTINCT e.person_id) AS n FROM employments e ${noticeLineJoins} WHERE ${boardReminderWhere(boardId, coolOffSince)}`),
  );
}

/** The board's employments still to check whose professional can be mailed and had no reminder since `coolOffSince`. */
export async function listBoardReminderLines(db: Db, boardId: string, coolOffSince: Date): Promise<NoticeLine[]> {
  return rowsOf(
    row(noticeLineShape),
    await db.execute(sql`SELECT ${noticeLineColumns}
    FROM employments e ${noticeLineJoins}
    WHERE ${boardReminderWhere(boardId, coolOffSince)}
    ORDER BY e.person_id, s.name, e.id`),
  );
}

export type NoticeRow = {
  id: string;
  personId: string;
  kind: NoticeKind;
  /** null: the person data */
  employmentId: string | null;
  deliveryId: string | null;
  boardId: string | null;
  disputeId: string | null;
  mailId: string | null;
};

const insertedRow = row({ id: column.text, personId: column.text, mailId: column.text.nullable() });

/** Writes these notices in one statement; only the ones not recorded before come back (a reminder once per employment and delivery). */
export async function insertNotices(tx: Db, notices: NoticeRow[], now: Date): Promise<{ id: string; personId: string; mailId: string | null }[]> {
  if (notices.length === 0) return [];
  return rowsOf(
    insertedRow,
    await tx.execute(sql`INSERT INTO person_notices (id, person_id, kind, employment_id, delivery_id, board_id, dispute_id, mail_id, created_at)
    SELECT x.id, x."personId", x.kind, x."employmentId", x."deliveryId", x."boardId", x."disputeId", x."mailId", ${now.toISOString()}
    FROM jsonb_to_recordset(${JSON.stringify(notices)}::jsonb)
      AS x(id uuid, "personId" uuid, kind text, "employmentId" uuid, "deliveryId" uuid, "boardId" uuid, "disputeId" uuid, "mailId" uuid)
    ON CONFLICT DO NOTHING
    RETURNING id, person_id AS "personId", mail_id AS "mailId"`),
  );
}

// ─── corrections ────────────────────────────────────────────────────────────────────────────────

/** A correction to mail: the person's address, the board, and the employment it corrected (null: the person data). */
export type UnsentCorrection = {
  noticeId: string;
  personId: string;
  email: string;
  name: string;
  lang: Lang;
  boardName: string;
  function: string | null;
  schoolName: string | null;
  brin: string | null;
};

const unsentCorrectionRow = row({
  noticeId: column.text,
  personId: column.text,
  email: column.text,
  name: column.text,
  lang: column.oneOf(languages),
  boardName: column.text,
  function: column.text.nullable(),
  schoolName: column.text.nullable(),
  brin: column.text.nullable(),
}) satisfies RowSchema<UnsentCorrection>;

/**
 * The corrections a delivery made to disputes (of an employment, or of the person data) that have no
 * mail yet (the apply wrote them), after notice `after`, for persons who can be mailed.
 */
export async function listUnsentCorrections(db: Db, deliveryId: string, after: string | null, limit: number): Promise<UnsentCorrection[]> {
  const from = after === null ? sql`` : sql` AND n.id > ${after}`;
  return rowsOf(
    unsentCorrectionRow,
    await db.execute(sql`SELECT n.id AS "noticeId", n.person_id AS "personId", ${addressOf} AS email,
      coalesce(a.display_name, concat_ws(' ', p.initials, p.prefix, p.surname)) AS name, ${langOf} AS lang,
      coalesce(b.name, 'Bevoegd gezag ' || b.number) AS "boardName", e.function, s.name AS "schoolName", s.brin
    FROM person_notices n JOIN persons p ON p.id = n.person_id AND p.merged_into IS NULL LEFT JOIN accounts a ON a.id = p.account_id
    LEFT JOIN employments e ON e.id = n.employment_id LEFT JOIN schools s ON s.id = e.school_id
    JOIN boards b ON b.id = coalesce(n.board_id, e.board_id)
    WHERE n.delivery_id = ${deliveryId} AND n.kind = 'correctie' AND n.mail_id IS NULL AND ${addressOf} IS NOT NULL${from}
    ORDER BY n.id LIMIT ${limit}`),
  );
}

/** `mailed`: pairs of a notice and its mail. The same person's invitation of this delivery is that mail too: one mail, not two. */
export async function markCorrectionsMailed(tx: Db, deliveryId: string, mailed: { noticeId: string; personId: string; mailId: string }[]): Promise<void> {
  if (mailed.length === 0) return;
  const pairs = sql`unnest(${arrayLiteral(mailed.map((m) => m.noticeId))}::uuid[], ${arrayLiteral(mailed.map((m) => m.personId))}::uuid[],
    ${arrayLiteral(mailed.map((m) => m.mailId))}::uuid[]) AS m(id, person_id, mail_id)`;
  await tx.execute(sql`UPDATE person_notices n SET mail_id = m.mail_id FROM ${pairs} WHERE n.id = m.id`);
  await tx.execute(sql`UPDATE person_invitations i SET mail_id = m.mail_id FROM ${pairs}
    WHERE i.delivery_id = ${deliveryId} AND i.person_id = m.person_id AND i.mail_id IS NULL`);
}

export async function countUnsentCorrections(db: Db, deliveryId: string): Promise<number> {
  return countOf(await db.execute(sql`SELECT count(*) AS n FROM person_notices WHERE delivery_id = ${deliveryId} AND kind = 'correctie' AND mail_id IS NULL`));
}

// ─── a board's progress ─────────────────────────────────────────────────────────────────────────

export type SchoolProgress = { brin: string; schoolName: string; delivered: number; checked: number; approved: number; disputed: number };

const schoolProgressRow = row({
  brin: column.text,
  schoolName: column.text,
  delivered: column.integer,
  checked: column.integer,
  approved: column.integer,
  disputed: column.integer,
}) satisfies RowSchema<SchoolProgress>;

/** Per school of the board: its delivered employments, and how many the professionals checked (approved or disputed). */
export async function listSchoolProgress(db: Db, boardId: string): Promise<SchoolProgress[]> {
  return rowsOf(
    schoolProgressRow,
    await db.execute(sql`SELECT s.brin, s.name AS "schoolName", count(*) AS delivered,
      count(*) FILTER (WHERE e.approval_status IN ('geaccordeerd', 'betwist')) AS checked,
      count(*) FILTER (WHERE e.approval_status = 'geaccordeerd') AS approved,
      count(*) FILTER (WHERE e.approval_status = 'betwist') AS disputed
    FROM employments e JOIN persons p ON p.id = e.person_id AND p.merged_into IS NULL JOIN schools s ON s.id = e.school_id
    WHERE e.board_id = ${boardId}
    GROUP BY s.brin, s.name ORDER BY s.name, s.brin`),
  );
}

// ─── the professional's own ─────────────────────────────────────────────────────────────────────

/** `employments`: what each mail was about, an employment's line or `persoonsgegevens`. */
export type OwnNotice = { kind: NoticeKind; createdAt: Date; to: string | null; subject: string | null; sentAt: Date | null; employments: string[] };

const ownNoticeRow = row({
  kind: column.oneOf(noticeKinds),
  createdAt: column.moment,
  to: column.text.nullable(),
  subject: column.text.nullable(),
  sentAt: column.moment.nullable(),
  employments: column.texts,
}) satisfies RowSchema<OwnNotice>;

/** Every mail about the record to the person linked to this account (and the records merged into it), oldest first. */
export async function listNoticesOfAccount(db: Db, accountId: string): Promise<OwnNotice[]> {
  return rowsOf(
    ownNoticeRow,
    await db.execute(sql`WITH own AS (SELECT id FROM persons WHERE account_id = ${accountId}
        UNION SELECT q.id FROM persons q JOIN persons o ON q.merged_into = o.id WHERE o.account_id = ${accountId})
    SELECT n.kind, min(n.created_at) AS "createdAt", m.to_address AS to, m.subject, m.sent_at AS "sentAt",
      array_agg(coalesce(e.function || ' · ' || s.name || ' (' || s.brin || ')', 'persoonsgegevens') ORDER BY s.name, e.id) AS employments
    FROM person_notices n JOIN own ON own.id = n.person_id LEFT JOIN employments e ON e.id = n.employment_id LEFT JOIN schools s ON s.id = e.school_id
    LEFT JOIN mail_outbox m ON m.id = n.mail_id
    GROUP BY n.kind, coalesce(n.mail_id, n.id), m.to_address, m.subject, m.sent_at
    ORDER BY min(n.created_at), n.kind`),
  );
}

/** What a school's staff have checked of their delivered employments (the koploper pipeline's step 5). */
export type SchoolApprovals = { delivered: number; approved: number; disputed: number };

/**
 * Per school (instelling) of `board`: its delivered employments and how many its staff approved or
 * disputed, as the board's progress page counts them (counts only: no one's data). A school without
 * delivered employments is left out.
 */
export async function countSchoolApprovals(db: Db, boardId: string, schoolIds: readonly string[]): Promise<Map<string, SchoolApprovals>> {
  if (schoolIds.length === 0) return new Map();
  const rows = rowsOf(
    row({ schoolId: column.text, delivered: column.integer, approved: column.integer, disputed: column.integer }),
    await db.execute(sql`SELECT e.school_id AS "schoolId", count(*) AS delivered,
      count(*) FILTER (WHERE e.approval_status = 'geaccordeerd') AS approved,
      count(*) FILTER (WHERE e.approval_status = 'betwist') AS disputed
    FROM employments e JOIN persons p ON p.id = e.person_id AND p.merged_into IS NULL
    WHERE e.board_id = ${boardId} AND e.school_id IN (${sql.join(
      schoolIds.map((id) => sql`${id}`),
      sql`, `,
    )})
    GROUP BY e.school_id`),
  );
  return new Map(rows.map(({ schoolId, ...counts }) => [schoolId, counts]));
}
