import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { staffNumberAsShownText } from '../../platform/bsn.ts';
import { column, countOf, firstRowOf, row, rowsOf, type RowSchema } from '../../db/rows.ts';

export type BoardDeliveryLine = {
  boardId: string;
  number: string;
  name: string | null;
  deliveries: number;
  lastDeliveryAt: Date | null;
  lastStatus: string | null;
  /** upload, api or scherm: how the last delivery came in */
  lastChannel: string | null;
  /** the last delivery that was applied (verwerkt): changes that reached the register */
  lastAppliedAt: Date | null;
  active: number;
  awaitingApproval: number;
  disputed: number;
};

const boardDeliveryLineRow = row({
  boardId: column.text,
  number: column.text,
  name: column.text.nullable(),
  deliveries: column.integer,
  lastDeliveryAt: column.moment.nullable(),
  lastStatus: column.text.nullable(),
  lastChannel: column.text.nullable(),
  lastAppliedAt: column.moment.nullable(),
  active: column.integer,
  awaitingApproval: column.integer,
  disputed: column.integer,
}) satisfies RowSchema<BoardDeliveryLine>;

/** Per board that delivered anything: its deliveries, and its active employments by approval state. */
export async function listBoardDeliveryOverview(db: Db, offset: number, limit: number): Promise<{ rows: BoardDeliveryLine[]; total: number }> {
  const rows = rowsOf(
    boardDeliveryLineRow,
    await db.execute(sql`
    WITH delivered AS (
      SELECT board_id, count(*)::int AS deliveries, max(created_at) AS last_at FROM deliveries GROUP BY board_id),
    staff AS (
      SELECT board_id, count(*)::int AS active,
        count(*) FILTER (WHERE approval_status = 'te-controleren')::int AS awaiting,
        count(*) FILTER (WHERE approval_status = 'betwist')::int AS disputed
      FROM employments WHERE end_date IS NULL OR end_date >= current_date GROUP BY board_id)
    SELECT b.id AS "boardId", b.number, b.name, d.deliveries, d.last_at AS "lastDeliveryAt",
      last.status AS "lastStatus", last.channel AS "lastChannel",
      (SELECT max(x.created_at) FROM deliveries x WHERE x.board_id = b.id AND x.status = 'verwerkt') AS "lastAppliedAt",
      coalesce(s.active, 0) AS active, coalesce(s.awaiting, 0) AS "awaitingApproval", coalesce(s.disputed, 0) AS disputed
    FROM delivered d JOIN boards b ON b.id = d.board_id LEFT JOIN staff s ON s.board_id = b.id
    LEFT JOIN LATERAL (SELECT status, channel FROM deliveries x WHERE x.board_id = b.id ORDER BY created_at DESC LIMIT 1) last ON true
    ORDER BY b.number LIMIT ${limit} OFFSET ${offset}`),
  );
  const total = countOf(await db.execute(sql`SELECT count(DISTINCT board_id) AS n FROM deliveries`));
  return { rows, total };
}

/** The boards that delivered anything, and the possible duplicates waiting for register staff: the register office's start cards. */
export async function countRegisterOfficeWork(db: Db): Promise<{ deliveringBoards: number; openDuplicates: number }> {
  return firstRowOf(
    row({ deliveringBoards: column.integer, openDuplicates: column.integer }),
    await db.execute(sql`SELECT (SELECT count(DISTINCT board_id) FROM deliveries) AS "deliveringBoards",
      (SELECT count(*) FROM duplicate_candidates WHERE status = 'open') AS "openDuplicates"`),
  )!;
}

export type PersonSide = {
  id: string;
  initials: string;
  prefix: string | null;
  surname: string;
  birthDate: string;
  email: string | null;
  hasBsn: boolean;
  employments: string[];
  /** an account has this person (decision 021) */
  linked: boolean;
  /** their enrolment's register number, if they enrolled */
  registerNumber: string | null;
};

export type DuplicateTask = { id: string; reason: string; createdAt: Date; person: PersonSide; candidate: PersonSide };

const personSideRow = row({
  id: column.text,
  initials: column.text,
  prefix: column.text.nullable(),
  surname: column.text,
  birthDate: column.day,
  email: column.text.nullable(),
  hasBsn: column.boolean,
  employments: column.texts,
  linked: column.boolean,
  registerNumber: column.text.nullable(),
}) satisfies RowSchema<PersonSide>;

const duplicateTaskRow = row({
  id: column.text,
  reason: column.text,
  createdAt: column.moment,
  person: column.json(personSideRow),
  candidate: column.json(personSideRow),
}) satisfies RowSchema<DuplicateTask>;

const personSide = (alias: string) =>
  sql.raw(`json_build_object(
  'id', ${alias}.id, 'initials', ${alias}.initials, 'prefix', ${alias}.prefix, 'surname', ${alias}.surname,
  'birthDate', ${alias}.birth_date::text, 'email', ${alias}.email, 'hasBsn', ${alias}.bsn_hash IS NOT NULL,
  'employments', coalesce((SELECT json_agg(coalesce(b.name, b.number) || ' · ' || ${staffNumberAsShownText('e.staff_number')} || ' · ' || e.function ORDER BY b.number, e.staff_number)
     FROM employments e JOIN boards b ON b.id = e.board_id WHERE e.person_id = ${alias}.id), '[]'::json),
  'linked', ${alias}.account_id IS NOT NULL,
  'registerNumber', (SELECT n.register_number FROM enrolments n WHERE n.person_id = ${alias}.id))`);

export async function listOpenDuplicates(db: Db, offset: number, limit: number, onlyId?: string): Promise<{ rows: DuplicateTask[]; total: number }> {
  const only = onlyId ? sql` AND d.id = ${onlyId}` : sql``;
  const rows = rowsOf(
    duplicateTaskRow,
    await db.execute(sql`SELECT d.id, d.reason, d.created_at AS "createdAt",
      ${personSide('p')} AS person, ${personSide('c')} AS candidate
    FROM duplicate_candidates d JOIN persons p ON p.id = d.person_id JOIN persons c ON c.id = d.candidate_id
    WHERE d.status = 'open'${only} ORDER BY d.created_at, d.id LIMIT ${limit} OFFSET ${offset}`),
  );
  const total = countOf(await db.execute(sql`SELECT count(*) AS n FROM duplicate_candidates WHERE status = 'open'`));
  return { rows, total };
}

export type OpenDuplicate = {
  personId: string;
  candidateId: string;
  bothHaveOtherBsn: boolean;
  /** each is linked to an account of their own: merging would take one account's record away */
  bothLinked: boolean;
  /** each has an enrolment: one person has one register number */
  bothEnrolled: boolean;
};

const openDuplicateRow = row({
  personId: column.text,
  candidateId: column.text,
  bothHaveOtherBsn: column.boolean,
  bothLinked: column.boolean,
  bothEnrolled: column.boolean,
}) satisfies RowSchema<OpenDuplicate>;

export async function findOpenDuplicate(db: Db, id: string): Promise<OpenDuplicate | undefined> {
  return firstRowOf(
    openDuplicateRow,
    await db.execute(sql`SELECT d.person_id AS "personId",
      d.candidate_id AS "candidateId", (p.bsn_hash IS NOT NULL AND c.bsn_hash IS NOT NULL AND p.bsn_hash <> c.bsn_hash) AS "bothHaveOtherBsn",
      (p.account_id IS NOT NULL AND c.account_id IS NOT NULL AND p.account_id <> c.account_id) AS "bothLinked",
      (EXISTS (SELECT 1 FROM enrolments n WHERE n.person_id = p.id) AND EXISTS (SELECT 1 FROM enrolments n WHERE n.person_id = c.id)) AS "bothEnrolled"
    FROM duplicate_candidates d JOIN persons p ON p.id = d.person_id JOIN persons c ON c.id = d.candidate_id
    WHERE d.id = ${id} AND d.status = 'open' FOR UPDATE OF d`),
  );
}

export async function closeDuplicate(db: Db, id: string, status: 'zelfde-persoon' | 'verschillend', by: string, at: Date): Promise<void> {
  await db.execute(sql`UPDATE duplicate_candidates SET status = ${status}, resolved_by = ${by}, resolved_at = ${at.toISOString()} WHERE id = ${id}`);
}

const sealedBsnRow = row({ bsn_sealed: column.text.nullable(), bsn_hash: column.text.nullable(), account_id: column.text.nullable() });

/**
 * Merges `from` into `into` inside the caller's transaction: everything that hangs on `from` moves,
 * `into` keeps its own data and takes the BSN of `from` when it has none. `from` stays behind as a
 * tombstone (merged_into), so every record that named it can still be traced. The account link, the
 * enrolment (with its dossier and applications) and the evidence move too, so a person who enrolled
 * without a delivery keeps all of it when the delivered record is theirs (decision 021); the caller
 * refuses a merge of two persons with an account or an enrolment each.
 */
export async function mergePersons(tx: Db, from: string, into: string, at: Date): Promise<void> {
  const now = at.toISOString();
  const moved = firstRowOf(sealedBsnRow, await tx.execute(sql`SELECT bsn_sealed, bsn_hash, account_id FROM persons WHERE id = ${from} FOR UPDATE`));
  // the BSN hash and the account link are unique: they leave the tombstone before the person that stays can take them
  await tx.execute(
    sql`UPDATE persons SET bsn_hash = NULL, bsn_sealed = NULL, account_id = NULL, merged_into = ${into}, updated_at = ${now} WHERE id = ${from}`,
  );
  if (moved?.bsn_hash) {
    await tx.execute(sql`UPDATE persons SET bsn_sealed = ${moved.bsn_sealed}, bsn_hash = ${moved.bsn_hash}, updated_at = ${now}
      WHERE id = ${into} AND bsn_hash IS NULL`);
  }
  // the record is the account's by this link (decision 021): it follows the person, unless the one that stays has an account of its own
  if (moved?.account_id) {
    await tx.execute(sql`UPDATE persons SET account_id = ${moved.account_id}, updated_at = ${now} WHERE id = ${into} AND account_id IS NULL`);
  }
  await tx.execute(sql`UPDATE enrolments SET person_id = ${into} WHERE person_id = ${from}
    AND NOT EXISTS (SELECT 1 FROM enrolments n WHERE n.person_id = ${into})`);
  // the enrolment's own account is the person's (decision 021)
  await tx.execute(sql`UPDATE enrolments n SET account_id = p.account_id FROM persons p
    WHERE p.id = n.person_id AND n.person_id = ${into} AND n.account_id IS DISTINCT FROM p.account_id`);
  // an account register staff unlinked from either stays unlinked from the one that stays
  await tx.execute(sql`INSERT INTO person_link_blocks (person_id, account_id, created_by, created_at)
    SELECT ${into}, account_id, created_by, created_at FROM person_link_blocks WHERE person_id = ${from} ON CONFLICT DO NOTHING`);
  await tx.execute(sql`UPDATE evidence_files SET person_id = ${into} WHERE person_id = ${from}`);
  // "Klopt niet" of either, with its proof, is the one that stays's (decision 021)
  await tx.execute(sql`UPDATE employment_disputes SET person_id = ${into} WHERE person_id = ${from}`);
  await tx.execute(sql`UPDATE dispute_proofs SET person_id = ${into} WHERE person_id = ${from}`);
  await tx.execute(sql`UPDATE registration_applications SET person_id = ${into} WHERE person_id = ${from}`);
  await tx.execute(sql`UPDATE employments SET person_id = ${into}, updated_at = ${now} WHERE person_id = ${from}`);
  await tx.execute(sql`UPDATE staff_numbers SET person_id = ${into} WHERE person_id = ${from}`);
  await tx.execute(sql`UPDATE person_history SET person_id = ${into} WHERE person_id = ${from}`);
  await tx.execute(sql`UPDATE person_invitations SET person_id = ${into} WHERE person_id = ${from}`);
  await tx.execute(sql`UPDATE person_link_codes SET person_id = ${into} WHERE person_id = ${from}`);
  // other open tasks about the one that went now concern the one that stays, unless that makes them about itself
  await tx.execute(sql`UPDATE duplicate_candidates SET status = 'zelfde-persoon', resolved_at = ${now}
    WHERE status = 'open' AND ((person_id = ${from} AND candidate_id = ${into}) OR (person_id = ${into} AND candidate_id = ${from}))`);
  await tx.execute(sql`UPDATE duplicate_candidates d SET person_id = ${into}
    WHERE d.status = 'open' AND d.person_id = ${from}
      AND NOT EXISTS (SELECT 1 FROM duplicate_candidates x WHERE x.person_id = ${into} AND x.candidate_id = d.candidate_id)`);
  await tx.execute(sql`UPDATE duplicate_candidates d SET candidate_id = ${into}
    WHERE d.status = 'open' AND d.candidate_id = ${from}
      AND NOT EXISTS (SELECT 1 FROM duplicate_candidates x WHERE x.person_id = d.person_id AND x.candidate_id = ${into})`);
  await tx.execute(sql`UPDATE duplicate_candidates SET status = 'zelfde-persoon', resolved_at = ${now}
    WHERE status = 'open' AND (person_id = ${from} OR candidate_id = ${from})`);
  await tx.execute(sql`INSERT INTO person_history (id, person_id, kind, changes, created_at)
    VALUES (gen_random_uuid(), ${into}, 'samengevoegd', jsonb_build_object('samengevoegdMet', jsonb_build_array(NULL, ${from}::text)), ${now})`);
}
