import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { arrayLiteral } from '../../db/array-literal.ts';
import { column, countOf, firstRowOf, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { disputeKinds, type DisputeField, type DisputeKind } from './dispute.rules.ts';
import { disputeStatuses, type DisputeStatus } from './own-record.repo.ts';

/**
 * "Klopt niet" (issue 19, decision 021): the disputes of an employment or of the person data, the proof
 * that may come with one, and the professional's approval of their person data.
 */

const boardName = sql`coalesce(b.name, 'Bevoegd gezag ' || b.number)`;

export type NewDispute = {
  kind: DisputeKind;
  employmentId: string | null;
  personId: string;
  boardId: string;
  fields: DisputeField[];
  comment: string;
  proofId: string | null;
  now: Date;
};

export async function insertDispute(tx: Db, d: NewDispute): Promise<string> {
  const id = uuidV7();
  await tx.execute(sql`INSERT INTO employment_disputes (id, kind, employment_id, person_id, board_id, fields, comment, proof_id, status, created_at)
    VALUES (${id}, ${d.kind}, ${d.employmentId}, ${d.personId}, ${d.boardId}, ${arrayLiteral(d.fields)}::text[], ${d.comment}, ${d.proofId}, 'open',
      ${d.now.toISOString()})`);
  return id;
}

/** Closes the open disputes of one employment (`ingetrokken` when the professional approves it after all). */
export async function closeOpenDisputes(tx: Db, employmentId: string, status: DisputeStatus, now: Date): Promise<void> {
  await tx.execute(sql`UPDATE employment_disputes SET status = ${status}, resolved_at = ${now.toISOString()}
    WHERE employment_id = ${employmentId} AND status = 'open'`);
}

/** Closes the open disputes of the person data, at every board. */
export async function closeOpenPersonDisputes(tx: Db, personId: string, status: DisputeStatus, now: Date): Promise<void> {
  await tx.execute(sql`UPDATE employment_disputes SET status = ${status}, resolved_at = ${now.toISOString()}
    WHERE person_id = ${personId} AND kind = 'persoonsgegevens' AND status = 'open'`);
}

export type DisputeProof = { id: string; personId: string; fileName: string; mediaType: string; byteSize: number; sha256: string };

export async function insertProof(tx: Db, proof: DisputeProof, now: Date): Promise<void> {
  await tx.execute(sql`INSERT INTO dispute_proofs (id, person_id, file_name, media_type, byte_size, sha256, created_at)
    VALUES (${proof.id}, ${proof.personId}, ${proof.fileName}, ${proof.mediaType}, ${proof.byteSize}, ${proof.sha256}, ${now.toISOString()})`);
}

const proofRow = row({
  id: column.text,
  personId: column.text,
  fileName: column.text,
  mediaType: column.text,
  byteSize: column.integer,
  sha256: column.text,
}) satisfies RowSchema<DisputeProof>;

/** The proof of a dispute of this board; undefined when it has none or is another board's. */
export async function findProofOfBoardDispute(db: Db, boardId: string, disputeId: string): Promise<DisputeProof | undefined> {
  return firstRowOf(
    proofRow,
    await db.execute(sql`SELECT f.id, f.person_id AS "personId", f.file_name AS "fileName", f.media_type AS "mediaType", f.byte_size AS "byteSize", f.sha256
    FROM employment_disputes d JOIN dispute_proofs f ON f.id = d.proof_id
    WHERE d.id = ${disputeId} AND d.board_id = ${boardId}`),
  );
}

/** What the board's staff read of a dispute: who, about what (an employment, or the person data), which fields, why, and how it went. */
export type BoardDispute = {
  id: string;
  kind: DisputeKind;
  boardName: string;
  employmentId: string | null;
  /** the board's employment of the person that the entry screen corrects: the disputed one, or for the person data the board's latest */
  correctEmploymentId: string | null;
  personId: string;
  personName: string;
  /** the disputed employment; null for the person data */
  schoolName: string | null;
  brin: string | null;
  function: string | null;
  startDate: string | null;
  endDate: string | null;
  fields: string[];
  comment: string;
  proof: { fileName: string; byteSize: number } | null;
  status: DisputeStatus;
  reply: string | null;
  repliedByLabel: string | null;
  createdAt: Date;
};

const boardDisputeColumns = sql`d.id, d.kind, ${boardName} AS "boardName", d.employment_id AS "employmentId",
  coalesce(d.employment_id, (SELECT c.id FROM employments c WHERE c.person_id = d.person_id AND c.board_id = d.board_id
    ORDER BY c.end_date IS NOT NULL, c.end_date DESC, c.start_date DESC, c.id LIMIT 1)) AS "correctEmploymentId",
  d.person_id AS "personId", concat_ws(' ', p.initials, p.prefix, p.surname) AS "personName", s.name AS "schoolName", s.brin, e.function,
  e.start_date::text AS "startDate", e.end_date::text AS "endDate", d.fields, d.comment,
  CASE WHEN f.id IS NULL THEN NULL ELSE jsonb_build_object('fileName', f.file_name, 'byteSize', f.byte_size) END AS proof,
  d.status, d.reply, d.replied_by_label AS "repliedByLabel", d.created_at AS "createdAt"`;

const boardDisputeFrom = sql`employment_disputes d JOIN persons p ON p.id = d.person_id JOIN boards b ON b.id = d.board_id
  LEFT JOIN employments e ON e.id = d.employment_id LEFT JOIN schools s ON s.id = e.school_id LEFT JOIN dispute_proofs f ON f.id = d.proof_id`;

const boardDisputeRow = row({
  id: column.text,
  kind: column.oneOf(disputeKinds),
  boardName: column.text,
  employmentId: column.text.nullable(),
  correctEmploymentId: column.text.nullable(),
  personId: column.text,
  personName: column.text,
  schoolName: column.text.nullable(),
  brin: column.text.nullable(),
  function: column.text.nullable(),
  startDate: column.day.nullable(),
  endDate: column.day.nullable(),
  fields: column.texts,
  comment: column.text,
  proof: column.json(row({ fileName: column.text, byteSize: column.integer })).nullable(),
  status: column.oneOf(disputeStatuses),
  reply: column.text.nullable(),
  repliedByLabel: column.text.nullable(),
  createdAt: column.moment,
}) satisfies RowSchema<BoardDispute>;

export async function listBoardDisputes(db: Db, boardId: string, options: { openOnly: boolean; offset: number; limit: number }) {
  const filter = options.openOnly ? sql` AND d.status = 'open'` : sql``;
  const rows = rowsOf(
    boardDisputeRow,
    await db.execute(sql`SELECT ${boardDisputeColumns} FROM ${boardDisputeFrom}
    WHERE d.board_id = ${boardId}${filter}
    ORDER BY d.created_at DESC, d.id DESC LIMIT ${options.limit} OFFSET ${options.offset}`),
  );
  const total = countOf(await db.execute(sql`SELECT count(*) AS n FROM employment_disputes d WHERE d.board_id = ${boardId}${filter}`));
  return { rows, total };
}

export async function findBoardDispute(db: Db, boardId: string, disputeId: string): Promise<BoardDispute | undefined> {
  return firstRowOf(
    boardDisputeRow,
    await db.execute(sql`SELECT ${boardDisputeColumns} FROM ${boardDisputeFrom} WHERE d.board_id = ${boardId} AND d.id = ${disputeId}`),
  );
}

/** Records the board's answer to an open dispute; false when it was no longer open. */
export async function answerDispute(tx: Db, disputeId: string, reply: string, byLabel: string, now: Date): Promise<boolean> {
  const result = await tx.execute(sql`UPDATE employment_disputes SET status = 'beantwoord', reply = ${reply}, replied_by_label = ${byLabel},
      resolved_at = ${now.toISOString()}
    WHERE id = ${disputeId} AND status = 'open' RETURNING id`);
  return hasRows(result);
}

// ─── the person data ────────────────────────────────────────────────────────────────────────────

/** The boards a dispute of the person data goes to: each that employs the person on `today`; else each that delivered them. By name. */
export async function listBoardsOfPersonData(db: Db, personId: string, today: string): Promise<{ id: string; name: string }[]> {
  return rowsOf(
    row({ id: column.text, name: column.text }),
    await db.execute(sql`WITH current AS (SELECT DISTINCT e.board_id FROM employments e
        WHERE e.person_id = ${personId} AND (e.end_date IS NULL OR e.end_date >= ${today}))
    SELECT b.id, ${boardName} AS name FROM boards b
    WHERE b.id IN (SELECT board_id FROM current)
      OR (NOT EXISTS (SELECT 1 FROM current) AND b.id IN (SELECT n.board_id FROM staff_numbers n WHERE n.person_id = ${personId}))
    ORDER BY 2, 1`),
  );
}

export type PersonDataCheck = { approvedAt: Date | null; openDisputes: number };

const personDataCheckRow = row({ approvedAt: column.moment.nullable(), openDisputes: column.integer }) satisfies RowSchema<PersonDataCheck>;

export async function findPersonDataCheck(db: Db, personId: string): Promise<PersonDataCheck | undefined> {
  return firstRowOf(
    personDataCheckRow,
    await db.execute(sql`SELECT p.data_approved_at AS "approvedAt",
      (SELECT count(*) FROM employment_disputes d WHERE d.person_id = p.id AND d.kind = 'persoonsgegevens' AND d.status = 'open') AS "openDisputes"
    FROM persons p WHERE p.id = ${personId}`),
  );
}

/** "Mijn gegevens kloppen": the moment, unless they were approved already (false then). */
export async function approvePersonData(tx: Db, personId: string, now: Date): Promise<boolean> {
  return hasRows(
    await tx.execute(sql`UPDATE persons SET data_approved_at = ${now.toISOString()}, updated_at = ${now.toISOString()}
    WHERE id = ${personId} AND data_approved_at IS NULL RETURNING id`),
  );
}

/** A dispute of the person data takes back an earlier approval. */
export async function clearPersonDataApproval(tx: Db, personId: string, now: Date): Promise<void> {
  await tx.execute(sql`UPDATE persons SET data_approved_at = NULL, updated_at = ${now.toISOString()} WHERE id = ${personId} AND data_approved_at IS NOT NULL`);
}

/** The latest dispute of the person data at one board, as the professional reads it back. */
export type PersonDataDispute = {
  boardName: string;
  status: DisputeStatus;
  fields: string[];
  comment: string;
  reply: string | null;
  repliedByLabel: string | null;
  createdAt: Date;
};

const personDataDisputeRow = row({
  boardName: column.text,
  status: column.oneOf(disputeStatuses),
  fields: column.texts,
  comment: column.text,
  reply: column.text.nullable(),
  repliedByLabel: column.text.nullable(),
  createdAt: column.moment,
}) satisfies RowSchema<PersonDataDispute>;

/** For each board, the latest dispute of this person's data, by board name. */
export async function listLatestPersonDisputes(db: Db, personId: string): Promise<PersonDataDispute[]> {
  return rowsOf(
    personDataDisputeRow,
    await db.execute(sql`SELECT x.* FROM (
      SELECT DISTINCT ON (d.board_id) ${boardName} AS "boardName", d.status, d.fields, d.comment, d.reply, d.replied_by_label AS "repliedByLabel",
        d.created_at AS "createdAt"
      FROM employment_disputes d JOIN boards b ON b.id = d.board_id
      WHERE d.person_id = ${personId} AND d.kind = 'persoonsgegevens'
      ORDER BY d.board_id, d.created_at DESC, d.id DESC) x
    ORDER BY x."boardName"`),
  );
}

/** Every dispute of the person linked to this account (and the records merged into it), oldest first: for their AVG download. */
export type OwnDispute = {
  kind: DisputeKind;
  boardName: string;
  function: string | null;
  schoolName: string | null;
  brin: string | null;
  fields: string[];
  comment: string;
  proof: { fileName: string; mediaType: string; byteSize: number } | null;
  status: DisputeStatus;
  reply: string | null;
  repliedByLabel: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
};

const ownDisputeRow = row({
  kind: column.oneOf(disputeKinds),
  boardName: column.text,
  function: column.text.nullable(),
  schoolName: column.text.nullable(),
  brin: column.text.nullable(),
  fields: column.texts,
  comment: column.text,
  proof: column.json(row({ fileName: column.text, mediaType: column.text, byteSize: column.integer })).nullable(),
  status: column.oneOf(disputeStatuses),
  reply: column.text.nullable(),
  repliedByLabel: column.text.nullable(),
  createdAt: column.moment,
  resolvedAt: column.moment.nullable(),
}) satisfies RowSchema<OwnDispute>;

export async function listDisputesOfAccount(db: Db, accountId: string): Promise<OwnDispute[]> {
  return rowsOf(
    ownDisputeRow,
    await db.execute(sql`WITH own AS (SELECT id FROM persons WHERE account_id = ${accountId}
        UNION SELECT q.id FROM persons q JOIN persons o ON q.merged_into = o.id WHERE o.account_id = ${accountId})
    SELECT d.kind, ${boardName} AS "boardName", e.function, s.name AS "schoolName", s.brin, d.fields, d.comment,
      CASE WHEN f.id IS NULL THEN NULL ELSE jsonb_build_object('fileName', f.file_name, 'mediaType', f.media_type, 'byteSize', f.byte_size) END AS proof,
      d.status, d.reply, d.replied_by_label AS "repliedByLabel", d.created_at AS "createdAt", d.resolved_at AS "resolvedAt"
    FROM employment_disputes d JOIN own ON own.id = d.person_id JOIN boards b ON b.id = d.board_id
    LEFT JOIN employments e ON e.id = d.employment_id LEFT JOIN schools s ON s.id = e.school_id LEFT JOIN dispute_proofs f ON f.id = d.proof_id
    ORDER BY d.created_at, d.id`),
  );
}
