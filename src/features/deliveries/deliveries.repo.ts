import { sql, type SQL } from 'drizzle-orm';
import type { CopySink, Database, Db } from '../../db/database.ts';
import type { BoardDirectory, DeliveryMode, Message } from './delivery-format.rules.ts';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const countOf = (result: unknown): number => Number(rowsOf<{ n: number | string }>(result)[0]?.n ?? 0);

export type DeliveryStatus = 'in-behandeling' | 'gecontroleerd' | 'verwerkt' | 'afgewezen' | 'geannuleerd';

export type DeliveryRecord = {
  id: string;
  boardId: string;
  mode: DeliveryMode;
  status: DeliveryStatus;
  phase: 'controleren' | 'verwerken' | null;
  progress: number;
  fileName: string | null;
  format: 'csv' | 'xlsx';
  byteSize: number;
  sha256: string;
  rowCount: number;
  errorRows: number;
  warningRows: number;
  needsConfirmation: boolean;
  summary: Record<string, number> | null;
  rejection: string | null;
  notices: string[] | null;
  applyWhenValid: boolean;
  channel: 'upload' | 'api';
  submittedByAccount: string | null;
  submittedByToken: string | null;
  submittedByLabel: string;
  appliedByLabel: string | null;
  createdAt: Date;
  validatedAt: Date | null;
  finishedAt: Date | null;
};

const deliveryColumns = sql`id, board_id AS "boardId", mode, status, phase, progress, file_name AS "fileName", format,
  byte_size AS "byteSize", sha256, row_count AS "rowCount", error_rows AS "errorRows", warning_rows AS "warningRows",
  needs_confirmation AS "needsConfirmation", summary, rejection, notices, apply_when_valid AS "applyWhenValid", channel,
  submitted_by_account AS "submittedByAccount", submitted_by_token AS "submittedByToken", submitted_by_label AS "submittedByLabel",
  applied_by_label AS "appliedByLabel", created_at AS "createdAt", validated_at AS "validatedAt", finished_at AS "finishedAt"`;

const asDate = (value: Date | string | null): Date | null => (value === null || value instanceof Date ? value : new Date(value));

function toRecord(row: DeliveryRecord): DeliveryRecord {
  return { ...row, createdAt: asDate(row.createdAt)!, validatedAt: asDate(row.validatedAt), finishedAt: asDate(row.finishedAt) };
}

export type NewDelivery = Pick<
  DeliveryRecord,
  'id' | 'boardId' | 'mode' | 'status' | 'phase' | 'fileName' | 'format' | 'byteSize' | 'sha256' | 'applyWhenValid' | 'channel' |
  'submittedByAccount' | 'submittedByToken' | 'submittedByLabel' | 'rejection' | 'notices'
> & { createdAt: Date };

export async function insertDelivery(db: Db, d: NewDelivery): Promise<void> {
  await db.execute(sql`INSERT INTO deliveries (id, board_id, mode, status, phase, file_name, format, byte_size, sha256, apply_when_valid,
      channel, submitted_by_account, submitted_by_token, submitted_by_label, rejection, notices, created_at, finished_at)
    VALUES (${d.id}, ${d.boardId}, ${d.mode}, ${d.status}, ${d.phase}, ${d.fileName}, ${d.format}, ${d.byteSize}, ${d.sha256},
      ${d.applyWhenValid}, ${d.channel}, ${d.submittedByAccount}, ${d.submittedByToken}, ${d.submittedByLabel}, ${d.rejection},
      ${d.notices ? JSON.stringify(d.notices) : null}::jsonb, ${d.createdAt.toISOString()},
      ${d.status === 'afgewezen' ? d.createdAt.toISOString() : null})`);
}

export async function findDelivery(db: Db, id: string): Promise<DeliveryRecord | undefined> {
  const row = rowsOf<DeliveryRecord>(await db.execute(sql`SELECT ${deliveryColumns} FROM deliveries WHERE id = ${id}`))[0];
  return row && toRecord(row);
}

export async function listDeliveries(db: Db, boardId: string, offset: number, limit: number): Promise<{ rows: DeliveryRecord[]; total: number }> {
  const rows = rowsOf<DeliveryRecord>(await db.execute(sql`SELECT ${deliveryColumns} FROM deliveries WHERE board_id = ${boardId}
    ORDER BY created_at DESC, id DESC LIMIT ${limit} OFFSET ${offset}`)).map(toRecord);
  const total = countOf(await db.execute(sql`SELECT count(*) AS n FROM deliveries WHERE board_id = ${boardId}`));
  return { rows, total };
}

export type DeliveryPatch = Partial<{
  status: DeliveryStatus;
  phase: 'controleren' | 'verwerken' | null;
  progress: number;
  rowCount: number;
  errorRows: number;
  warningRows: number;
  needsConfirmation: boolean;
  summary: Record<string, number> | null;
  rejection: string | null;
  notices: string[] | null;
  appliedByLabel: string | null;
  validatedAt: Date;
  finishedAt: Date;
}>;

const patchColumns: Record<keyof DeliveryPatch, string> = {
  status: 'status', phase: 'phase', progress: 'progress', rowCount: 'row_count', errorRows: 'error_rows', warningRows: 'warning_rows',
  needsConfirmation: 'needs_confirmation', summary: 'summary', rejection: 'rejection', notices: 'notices', appliedByLabel: 'applied_by_label',
  validatedAt: 'validated_at', finishedAt: 'finished_at',
};

export async function updateDelivery(db: Db, id: string, patch: DeliveryPatch, onlyIfStatus?: DeliveryStatus[]): Promise<boolean> {
  const sets: SQL[] = [];
  for (const [key, value] of Object.entries(patch) as [keyof DeliveryPatch, unknown][]) {
    const column = sql.raw(patchColumns[key]);
    if (key === 'summary' || key === 'notices') sets.push(sql`${column} = ${value === null ? null : JSON.stringify(value)}::jsonb`);
    else if (value instanceof Date) sets.push(sql`${column} = ${value.toISOString()}`);
    else sets.push(sql`${column} = ${value as string | number | boolean | null}`);
  }
  const guard = onlyIfStatus ? sql` AND status IN (${sql.join(onlyIfStatus.map((s) => sql`${s}`), sql`, `)})` : sql``;
  const result = await db.execute(sql`UPDATE deliveries SET ${sql.join(sets, sql`, `)} WHERE id = ${id}${guard} RETURNING id`);
  return rowsOf(result).length > 0;
}

/** The delivering board's schools and locations, open and closed, for the row checks. */
export async function loadBoardDirectory(db: Db, boardId: string): Promise<BoardDirectory | undefined> {
  const [board] = rowsOf<{ number: string }>(await db.execute(sql`SELECT number FROM boards WHERE id = ${boardId}`));
  if (!board) return undefined;
  const schools = rowsOf<{ id: string; brin: string; closed: boolean }>(
    await db.execute(sql`SELECT id, brin, closed_at IS NOT NULL AS closed FROM schools WHERE board_id = ${boardId}`),
  );
  const locations = rowsOf<{ id: string; code: string; brin: string; closed: boolean }>(
    await db.execute(sql`SELECT l.id, l.code, s.brin, l.closed_at IS NOT NULL AS closed
      FROM locations l JOIN schools s ON s.id = l.school_id WHERE s.board_id = ${boardId}`),
  );
  return {
    boardNumber: board.number,
    schools: new Map(schools.map((s) => [s.brin, { id: s.id, closed: s.closed }])),
    locations: new Map(locations.map((l) => [l.code, { id: l.id, brin: l.brin, closed: l.closed }])),
  };
}

export const stagedRowColumns = [
  'delivery_id', 'row_number', 'outcome', 'messages', 'staff_number', 'bsn_sealed', 'bsn_hash', 'initials', 'first_names', 'prefix',
  'surname', 'birth_date', 'email', 'school_id', 'location_id', 'employment_key', 'function', 'appointment_basis', 'start_date',
  'end_date', 'fte', 'mutation',
];

/** Where the checked rows go, as CSV in `stagedRowColumns` order: on PostgreSQL one COPY, taking in rows while the next are checked. */
export function openStaging(database: Database): Promise<CopySink> {
  return database.openCopy('delivery_rows', stagedRowColumns);
}

export async function deleteStagedRows(db: Db, deliveryId: string): Promise<void> {
  await db.execute(sql`DELETE FROM delivery_rows WHERE delivery_id = ${deliveryId}`);
}

/** Adds one message to the rows `where` selects (a subquery over delivery_rows r giving row_number and text). */
async function addMessages(db: Db, deliveryId: string, column: string | null, soort: 'fout' | 'waarschuwing', select: SQL): Promise<void> {
  await db.execute(sql`UPDATE delivery_rows d
    SET messages = coalesce(d.messages, '[]'::jsonb) || jsonb_build_array(jsonb_build_object('kolom', ${column}::text, 'melding', m.text, 'soort', ${soort}::text)),
        outcome = CASE WHEN ${soort} = 'fout' THEN 'fout' WHEN d.outcome = 'fout' THEN 'fout' ELSE 'waarschuwing' END
    FROM (${select}) m
    WHERE d.delivery_id = ${deliveryId} AND d.row_number = m.row_number`);
}

/**
 * The checks that need more than one row or the register, set-based over the staged rows: the same
 * employment twice, one personeelsnummer with two people's data, one BSN under two personeelsnummers,
 * and (mutaties) a change or end of an employment the register does not have.
 */
export async function checkAcrossRows(db: Db, deliveryId: string, boardId: string, mode: DeliveryMode): Promise<void> {
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    // window functions sort the whole delivery: the default 4 MB would sort on disk
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    await addCrossRowMessages(tx, deliveryId, boardId, mode);
  });
}

async function addCrossRowMessages(db: Db, deliveryId: string, boardId: string, mode: DeliveryMode): Promise<void> {
  // each row against the first row of its employment, its personeelsnummer and its BSN. A hash
  // aggregate keeps only the keys that occur more than once, so a delivery without such rows (most)
  // is read three times and never sorted; the messages of a row come in the order of the checks.
  await db.execute(sql`WITH key_first AS (
      SELECT employment_key, min(row_number) AS first FROM delivery_rows
      WHERE delivery_id = ${deliveryId} AND employment_key IS NOT NULL GROUP BY employment_key HAVING count(*) > 1)
    , staff_first AS (
      SELECT staff_number, min(row_number) AS first FROM delivery_rows
      WHERE delivery_id = ${deliveryId} AND staff_number IS NOT NULL GROUP BY staff_number HAVING count(*) > 1)
    , bsn_first AS (
      SELECT bsn_hash, min(row_number) AS first FROM delivery_rows
      WHERE delivery_id = ${deliveryId} AND bsn_hash IS NOT NULL GROUP BY bsn_hash HAVING count(*) > 1)
    , found AS (
      SELECT r.row_number, 1 AS check_order, NULL::text AS kolom, 'Dit dienstverband staat ook op rij ' || k.first ||
          ' (zelfde personeelsnummer, instellingscode, vestigingscode en functie).' AS text
      FROM key_first k JOIN delivery_rows r ON r.delivery_id = ${deliveryId} AND r.employment_key = k.employment_key
      WHERE r.row_number > k.first
      UNION ALL
      SELECT r.row_number, 2, 'personeelsnummer', 'Personeelsnummer ' || r.staff_number || ' staat op rij ' || s.first ||
          ' met andere persoonsgegevens (' ||
          concat_ws(', ',
            CASE WHEN r.bsn_hash IS DISTINCT FROM f.bsn_hash THEN 'bsn' END,
            CASE WHEN r.initials IS DISTINCT FROM f.initials THEN 'voorletters' END,
            CASE WHEN r.first_names IS DISTINCT FROM f.first_names THEN 'voornamen' END,
            CASE WHEN r.prefix IS DISTINCT FROM f.prefix THEN 'tussenvoegsel' END,
            CASE WHEN r.surname IS DISTINCT FROM f.surname THEN 'achternaam' END,
            CASE WHEN r.birth_date IS DISTINCT FROM f.birth_date THEN 'geboortedatum' END) || ').'
      FROM staff_first s
      JOIN delivery_rows f ON f.delivery_id = ${deliveryId} AND f.row_number = s.first
      JOIN delivery_rows r ON r.delivery_id = ${deliveryId} AND r.staff_number = s.staff_number
      WHERE r.row_number > s.first
        AND (r.bsn_hash, r.initials, r.first_names, r.prefix, r.surname, r.birth_date)
            IS DISTINCT FROM (f.bsn_hash, f.initials, f.first_names, f.prefix, f.surname, f.birth_date)
      UNION ALL
      SELECT r.row_number, 3, 'bsn', 'Dit BSN staat ook op rij ' || b.first || ', bij een ander personeelsnummer.'
      FROM bsn_first b
      JOIN delivery_rows f ON f.delivery_id = ${deliveryId} AND f.row_number = b.first
      JOIN delivery_rows r ON r.delivery_id = ${deliveryId} AND r.bsn_hash = b.bsn_hash
      WHERE r.row_number > b.first AND r.staff_number IS DISTINCT FROM f.staff_number)
    , per_row AS (
      SELECT row_number, jsonb_agg(jsonb_build_object('kolom', kolom, 'melding', text, 'soort', 'fout') ORDER BY check_order) AS list
      FROM found GROUP BY row_number)
    UPDATE delivery_rows d SET messages = coalesce(d.messages, '[]'::jsonb) || m.list, outcome = 'fout'
    FROM per_row m
    WHERE d.delivery_id = ${deliveryId} AND d.row_number = m.row_number`);
  if (mode === 'mutaties') {
    await addMessages(db, deliveryId, 'mutatie', 'fout', sql`SELECT r.row_number,
        'Er is geen dienstverband om ' || CASE r.mutation WHEN 'EINDE' THEN 'te beëindigen' ELSE 'te wijzigen' END ||
        ' met dit personeelsnummer, deze school, vestiging en functie. Lever het aan als NIEUW.' AS text
      FROM delivery_rows r
      WHERE r.delivery_id = ${deliveryId} AND r.mutation IN ('WIJZIGING', 'EINDE') AND r.employment_key IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM employments e WHERE e.board_id = ${boardId} AND e.employment_key = r.employment_key)`);
    await addMessages(db, deliveryId, 'mutatie', 'waarschuwing', sql`SELECT r.row_number,
        'Dit dienstverband is al bekend; NIEUW werkt het bij.' AS text
      FROM delivery_rows r
      WHERE r.delivery_id = ${deliveryId} AND r.mutation = 'NIEUW' AND r.employment_key IS NOT NULL
        AND EXISTS (SELECT 1 FROM employments e WHERE e.board_id = ${boardId} AND e.employment_key = r.employment_key)`);
  }
}

export async function countOutcomes(db: Db, deliveryId: string): Promise<{ rows: number; errors: number; warnings: number }> {
  const [row] = rowsOf<{ rows: string; errors: string; warnings: string }>(await db.execute(sql`SELECT count(*) AS rows,
      count(*) FILTER (WHERE outcome = 'fout') AS errors, count(*) FILTER (WHERE outcome = 'waarschuwing') AS warnings
    FROM delivery_rows WHERE delivery_id = ${deliveryId}`));
  return { rows: Number(row.rows), errors: Number(row.errors), warnings: Number(row.warnings) };
}

/** Active employments of the board, and how many of them a full delivery would end (missing from it). */
export async function countEndingByFullDelivery(db: Db, deliveryId: string, boardId: string, today: string): Promise<{ active: number; ending: number }> {
  const [row] = rowsOf<{ active: string; ending: string }>(await db.execute(sql`SELECT count(*) AS active,
      count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM delivery_rows r WHERE r.delivery_id = ${deliveryId} AND r.employment_key = e.employment_key)) AS ending
    FROM employments e WHERE e.board_id = ${boardId} AND (e.end_date IS NULL OR e.end_date > ${today})`));
  return { active: Number(row.active), ending: Number(row.ending) };
}

export type RowResult = { rowNumber: number; outcome: 'geaccepteerd' | 'waarschuwing' | 'fout'; messages: Message[] };

export async function listRowResults(
  db: Db, deliveryId: string, options: { problemsOnly: boolean; offset: number; limit: number },
): Promise<{ rows: RowResult[]; total: number }> {
  const filter = options.problemsOnly ? sql` AND outcome <> 'geaccepteerd'` : sql``;
  const rows = rowsOf<RowResult>(await db.execute(sql`SELECT row_number AS "rowNumber", outcome, coalesce(messages, '[]'::jsonb) AS messages
    FROM delivery_rows WHERE delivery_id = ${deliveryId}${filter} ORDER BY row_number LIMIT ${options.limit} OFFSET ${options.offset}`));
  const total = countOf(await db.execute(sql`SELECT count(*) AS n FROM delivery_rows WHERE delivery_id = ${deliveryId}${filter}`));
  return { rows, total };
}

/** Serialises the applying of one board's deliveries; false when another apply holds it (this transaction waits not). */
export async function tryLockBoardDeliveries(tx: Db, boardId: string): Promise<boolean> {
  const [row] = rowsOf<{ locked: boolean }>(await tx.execute(sql`SELECT pg_try_advisory_xact_lock(hashtext('delivery-apply'), hashtext(${boardId})) AS locked`));
  return row.locked;
}

export type UnsentInvitation = { id: string; email: string; name: string; board: string };

export async function listUnsentInvitations(db: Db, deliveryId: string, limit: number): Promise<UnsentInvitation[]> {
  return rowsOf<UnsentInvitation>(await db.execute(sql`SELECT i.id, i.email,
      concat_ws(' ', p.initials, p.prefix, p.surname) AS name, coalesce(b.name, 'Bevoegd gezag ' || b.number) AS board
    FROM person_invitations i JOIN persons p ON p.id = i.person_id
    JOIN deliveries d ON d.id = i.delivery_id JOIN boards b ON b.id = d.board_id
    WHERE i.delivery_id = ${deliveryId} AND i.mail_id IS NULL ORDER BY i.id LIMIT ${limit}`));
}

export async function markInvitationMailed(db: Db, invitationId: string, mailId: string): Promise<void> {
  await db.execute(sql`UPDATE person_invitations SET mail_id = ${mailId} WHERE id = ${invitationId}`);
}
