import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { arrayLiteral } from '../../db/array-literal.ts';
import type { CopySink, Database, Db } from '../../db/database.ts';
import { type BoardDirectory, columns, type DeliveryMode, deliveryModes, type Message } from './delivery-format.rules.ts';
import type { RowPairs, SuspectPairs } from './repeated-keys.ts';
import { staffNumberAsShown } from '../../platform/bsn.ts';
import { inTransaction } from '../../db/transaction.ts';
import { rowMessage, rowMessageTemplate } from './row-messages.ts';
import { column, countOf, firstRowOf, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';

const deliveryStatuses = ['in-behandeling', 'gecontroleerd', 'verwerkt', 'afgewezen', 'geannuleerd'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** How a delivery came in: a file on the page, the API, or one row typed in the entry screen (invoerscherm). */
export const deliveryChannels = ['upload', 'api', 'scherm'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

export type DeliveryRecord = {
  id: string;
  boardId: string;
  /** the delivering board, as the API names it with every delivery */
  boardNumber: string;
  boardName: string;
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
  channel: DeliveryChannel;
  submittedByAccount: string | null;
  submittedByToken: string | null;
  submittedByLabel: string;
  /** the administratiekantoor that delivered for the board (decision 022); null when the board did itself */
  submittedByOffice: string | null;
  officeName: string | null;
  appliedByLabel: string | null;
  createdAt: Date;
  validatedAt: Date | null;
  finishedAt: Date | null;
};

/** A delivery with its board and the office that made it: select from `deliveriesWithNames`. */
const deliveryColumns = sql`d.id, d.board_id AS "boardId", b.number AS "boardNumber", coalesce(b.name, 'Bevoegd gezag ' || b.number) AS "boardName",
  d.mode, d.status, d.phase, d.progress, d.file_name AS "fileName", d.format,
  d.byte_size AS "byteSize", d.sha256, d.row_count AS "rowCount", d.error_rows AS "errorRows", d.warning_rows AS "warningRows",
  d.needs_confirmation AS "needsConfirmation", d.summary, d.rejection, d.notices, d.apply_when_valid AS "applyWhenValid", d.channel,
  d.submitted_by_account AS "submittedByAccount", d.submitted_by_token AS "submittedByToken", d.submitted_by_label AS "submittedByLabel",
  d.submitted_by_office AS "submittedByOffice", o.name AS "officeName",
  d.applied_by_label AS "appliedByLabel", d.created_at AS "createdAt", d.validated_at AS "validatedAt", d.finished_at AS "finishedAt"`;
const deliveriesWithNames = sql`deliveries d JOIN boards b ON b.id = d.board_id LEFT JOIN administration_offices o ON o.id = d.submitted_by_office`;

const deliveryRecordRow = row({
  id: column.text,
  boardId: column.text,
  boardNumber: column.text,
  boardName: column.text,
  mode: column.oneOf(deliveryModes),
  status: column.oneOf(deliveryStatuses),
  phase: column.oneOf(['controleren', 'verwerken'] as const).nullable(),
  progress: column.integer,
  fileName: column.text.nullable(),
  format: column.oneOf(['csv', 'xlsx'] as const),
  byteSize: column.integer,
  sha256: column.text,
  rowCount: column.integer,
  errorRows: column.integer,
  warningRows: column.integer,
  needsConfirmation: column.boolean,
  summary: column.json(z.record(z.string(), column.integer)).nullable(),
  rejection: column.text.nullable(),
  notices: column.json(column.texts).nullable(),
  applyWhenValid: column.boolean,
  channel: column.oneOf(deliveryChannels),
  submittedByAccount: column.text.nullable(),
  submittedByToken: column.text.nullable(),
  submittedByLabel: column.text,
  submittedByOffice: column.text.nullable(),
  officeName: column.text.nullable(),
  appliedByLabel: column.text.nullable(),
  createdAt: column.moment,
  validatedAt: column.moment.nullable(),
  finishedAt: column.moment.nullable(),
}) satisfies RowSchema<DeliveryRecord>;

export type NewDelivery = Pick<
  DeliveryRecord,
  | 'id'
  | 'boardId'
  | 'mode'
  | 'status'
  | 'phase'
  | 'fileName'
  | 'format'
  | 'byteSize'
  | 'sha256'
  | 'applyWhenValid'
  | 'channel'
  | 'submittedByAccount'
  | 'submittedByToken'
  | 'submittedByLabel'
  | 'submittedByOffice'
  | 'rejection'
  | 'notices'
> & { createdAt: Date };

export async function insertDelivery(db: Db, d: NewDelivery): Promise<void> {
  await db.execute(sql`INSERT INTO deliveries (id, board_id, mode, status, phase, file_name, format, byte_size, sha256, apply_when_valid,
      channel, submitted_by_account, submitted_by_token, submitted_by_label, submitted_by_office, rejection, notices, created_at, finished_at)
    VALUES (${d.id}, ${d.boardId}, ${d.mode}, ${d.status}, ${d.phase}, ${d.fileName}, ${d.format}, ${d.byteSize}, ${d.sha256},
      ${d.applyWhenValid}, ${d.channel}, ${d.submittedByAccount}, ${d.submittedByToken}, ${d.submittedByLabel}, ${d.submittedByOffice}, ${d.rejection},
      ${d.notices ? JSON.stringify(d.notices) : null}::jsonb, ${d.createdAt.toISOString()},
      ${d.status === 'afgewezen' ? d.createdAt.toISOString() : null})`);
}

export async function findDelivery(db: Db, id: string): Promise<DeliveryRecord | undefined> {
  return firstRowOf(deliveryRecordRow, await db.execute(sql`SELECT ${deliveryColumns} FROM ${deliveriesWithNames} WHERE d.id = ${id}`));
}

/**
 * Which deliveries a list shows: those of these boards; with `officeId`, only those that office made
 * (an administratiekantoor sees its own deliveries only, decision 022).
 */
export type DeliveryFilter = { boardIds: readonly string[]; officeId: string | null };

const filterSql = (filter: DeliveryFilter) =>
  sql`d.board_id = ANY(${arrayLiteral(filter.boardIds)}::uuid[])${filter.officeId ? sql` AND d.submitted_by_office = ${filter.officeId}` : sql``}`;

export async function listDeliveries(db: Db, filter: DeliveryFilter, offset: number, limit: number): Promise<{ rows: DeliveryRecord[]; total: number }> {
  if (filter.boardIds.length === 0) return { rows: [], total: 0 };
  const rows = rowsOf(
    deliveryRecordRow,
    await db.execute(sql`SELECT ${deliveryColumns} FROM ${deliveriesWithNames} WHERE ${filterSql(filter)}
    ORDER BY d.created_at DESC, d.id DESC LIMIT ${limit} OFFSET ${offset}`),
  );
  const total = countOf(await db.execute(sql`SELECT count(*) AS n FROM deliveries d WHERE ${filterSql(filter)}`));
  return { rows, total };
}

const lastAppliedRow = row({ at: column.moment.nullable() });

/** When the last applied delivery of the list came in; null when none was ever applied. */
export async function findLastAppliedAt(db: Db, filter: DeliveryFilter): Promise<Date | null> {
  if (filter.boardIds.length === 0) return null;
  return (
    firstRowOf(lastAppliedRow, await db.execute(sql`SELECT max(d.created_at) AS at FROM deliveries d WHERE ${filterSql(filter)} AND d.status = 'verwerkt'`))
      ?.at ?? null
  );
}

/** Deliveries of the list that were checked and wait for someone to apply or cancel them (the start page's card). */
export async function countWaitingToApply(db: Db, filter: DeliveryFilter): Promise<number> {
  if (filter.boardIds.length === 0) return 0;
  return countOf(await db.execute(sql`SELECT count(*) AS n FROM deliveries d WHERE ${filterSql(filter)} AND d.status = 'gecontroleerd'`));
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
  status: 'status',
  phase: 'phase',
  progress: 'progress',
  rowCount: 'row_count',
  errorRows: 'error_rows',
  warningRows: 'warning_rows',
  needsConfirmation: 'needs_confirmation',
  summary: 'summary',
  rejection: 'rejection',
  notices: 'notices',
  appliedByLabel: 'applied_by_label',
  validatedAt: 'validated_at',
  finishedAt: 'finished_at',
};

export async function updateDelivery(db: Db, id: string, patch: DeliveryPatch, onlyIfStatus?: DeliveryStatus[]): Promise<boolean> {
  const sets: SQL[] = [];
  for (const [key, value] of Object.entries(patch) as [keyof DeliveryPatch, unknown][]) {
    const column = sql.raw(patchColumns[key]);
    if (key === 'summary' || key === 'notices') sets.push(sql`${column} = ${value === null ? null : JSON.stringify(value)}::jsonb`);
    else if (value instanceof Date) sets.push(sql`${column} = ${value.toISOString()}`);
    else sets.push(sql`${column} = ${value as string | number | boolean | null}`);
  }
  const guard = onlyIfStatus
    ? sql` AND status IN (${sql.join(
        onlyIfStatus.map((s) => sql`${s}`),
        sql`, `,
      )})`
    : sql``;
  const result = await db.execute(sql`UPDATE deliveries SET ${sql.join(sets, sql`, `)} WHERE id = ${id}${guard} RETURNING id`);
  return hasRows(result);
}

const boardNumberRow = row({ number: column.text });
const directorySchoolRow = row({ id: column.text, brin: column.text, closed: column.boolean });
const directoryLocationRow = row({ id: column.text, code: column.text, brin: column.text, closed: column.boolean });

/** The delivering board's schools and locations, open and closed, for the row checks. */
export async function loadBoardDirectory(db: Db, boardId: string): Promise<BoardDirectory | undefined> {
  const board = firstRowOf(boardNumberRow, await db.execute(sql`SELECT number FROM boards WHERE id = ${boardId}`));
  if (!board) return undefined;
  const schools = rowsOf(directorySchoolRow, await db.execute(sql`SELECT id, brin, closed_at IS NOT NULL AS closed FROM schools WHERE board_id = ${boardId}`));
  const locations = rowsOf(
    directoryLocationRow,
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
  'delivery_id',
  'row_number',
  'outcome',
  'messages',
  'staff_number',
  'bsn_sealed',
  'bsn_hash',
  'initials',
  'first_names',
  'prefix',
  'surname',
  'birth_date',
  'email',
  'school_id',
  'location_id',
  'employment_key',
  'function',
  'appointment_basis',
  'start_date',
  'end_date',
  'fte',
  'mutation',
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
 * and (mutaties) a change or end of an employment the register does not have. `suspects` are the rows
 * the check found that may break one of the first three, each with the first row of its key
 * (repeated-keys.ts); without them, or when a pair's real keys differ, the whole delivery is grouped here.
 */
export async function checkAcrossRows(db: Db, deliveryId: string, boardId: string, mode: DeliveryMode, suspects?: SuspectPairs): Promise<void> {
  await inTransaction(db, async (tx) => {
    // grouping the whole delivery hashes every row: the default 4 MB would spill to disk
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    const wrongPairs = suspects ? await addRepeatMessages(tx, deliveryId, ...pairsGiven(suspects)) : 1;
    if (wrongPairs > 0) await addRepeatMessages(tx, deliveryId, ...pairsByGrouping(deliveryId));
    if (mode === 'mutaties') await addMutationMessages(tx, deliveryId, boardId);
  });
}

const intArray = (values: number[]) => sql`${arrayLiteral(values.map(String))}::int[]`;

/**
 * Pairs of a row that repeats a key (r) with the first row of that key (f), with the check they are for
 * (1 employment, 2 personeelsnummer, 3 BSN); and which staged rows the pairs name.
 */
type PairSource = [pairs: SQL, involvedRows: SQL];

function pairsGiven(suspects: SuspectPairs): PairSource {
  const pairs = (check: number, { rows, firsts }: RowPairs) =>
    sql`SELECT ${sql.raw(String(check))} AS check_order, r, f FROM unnest(${intArray(rows)}, ${intArray(firsts)}) AS p(r, f)`;
  const involved = [...new Set([suspects.employment, suspects.staff, suspects.bsn].flatMap((p) => [...p.rows, ...p.firsts]))];
  // the rows by their key: the planner has no statistics of rows staged a moment ago, and read the whole delivery back to join them
  return [
    sql`${pairs(1, suspects.employment)} UNION ALL ${pairs(2, suspects.staff)} UNION ALL ${pairs(3, suspects.bsn)}`,
    sql`row_number = ANY(${intArray(involved)})`,
  ];
}

/** Every such pair, from the staged rows themselves: a hash aggregate keeps only the keys that occur more than once. */
function pairsByGrouping(deliveryId: string): PairSource {
  const pairs = (check: number, key: SQL) => sql`SELECT ${sql.raw(String(check))} AS check_order, r.row_number AS r, k.first AS f
    FROM (SELECT ${key} AS key, min(row_number) AS first FROM delivery_rows
          WHERE delivery_id = ${deliveryId} AND ${key} IS NOT NULL GROUP BY ${key} HAVING count(*) > 1) k
    JOIN delivery_rows r ON r.delivery_id = ${deliveryId} AND r.${key} = k.key
    WHERE r.row_number > k.first`;
  return [
    sql`${pairs(1, sql.raw('employment_key'))} UNION ALL ${pairs(2, sql.raw('staff_number'))} UNION ALL ${pairs(3, sql.raw('bsn_hash'))}`,
    sql`row_number IN (SELECT r FROM pairs UNION SELECT f FROM pairs)`,
  ];
}

const wrongPairsRow = row({ wrong: column.integer });

/**
 * Adds the messages of rows that break a rule with the first row of their key. A pair whose rows do not
 * share the key it was made for (two keys with one hash) is wrong: then nothing is written, and the answer
 * is how many were wrong.
 */
async function addRepeatMessages(db: Db, deliveryId: string, pairs: SQL, involvedRows: SQL): Promise<number> {
  const [result] = rowsOf(
    wrongPairsRow,
    await db.execute(sql`WITH pairs AS MATERIALIZED (${pairs})
    , involved AS MATERIALIZED (
      SELECT row_number, employment_key, staff_number, bsn_hash, initials, first_names, prefix, surname, birth_date FROM delivery_rows
      WHERE delivery_id = ${deliveryId} AND ${involvedRows})
    , joined AS (
      SELECT p.check_order, p.f AS first, r.row_number, r.staff_number,
        r.employment_key IS NOT DISTINCT FROM f.employment_key AS same_employment,
        r.staff_number IS NOT DISTINCT FROM f.staff_number AS same_staff_number,
        r.bsn_hash IS NOT DISTINCT FROM f.bsn_hash AS same_bsn,
        (r.bsn_hash, r.initials, r.first_names, r.prefix, r.surname, r.birth_date)
          IS NOT DISTINCT FROM (f.bsn_hash, f.initials, f.first_names, f.prefix, f.surname, f.birth_date) AS same_person,
        concat_ws(', ',
          CASE WHEN r.bsn_hash IS DISTINCT FROM f.bsn_hash THEN 'bsn' END,
          CASE WHEN r.initials IS DISTINCT FROM f.initials THEN 'voorletters' END,
          CASE WHEN r.first_names IS DISTINCT FROM f.first_names THEN 'voornamen' END,
          CASE WHEN r.prefix IS DISTINCT FROM f.prefix THEN 'tussenvoegsel' END,
          CASE WHEN r.surname IS DISTINCT FROM f.surname THEN 'achternaam' END,
          CASE WHEN r.birth_date IS DISTINCT FROM f.birth_date THEN 'geboortedatum' END) AS person_fields
      FROM pairs p JOIN involved r ON r.row_number = p.r JOIN involved f ON f.row_number = p.f)
    , wrong AS (
      SELECT count(*) AS n FROM joined
      WHERE NOT CASE check_order WHEN 1 THEN same_employment WHEN 2 THEN same_staff_number ELSE same_bsn END)
    , found AS (
      SELECT row_number, check_order, NULL::text AS kolom, replace(${rowMessageTemplate('row.repeat.employment')}::text, '{row}', first::text) AS text
      FROM joined WHERE check_order = 1
      UNION ALL
      -- the personeelsnummer, as delivered, goes in last: no placeholder in it is ever filled
      SELECT row_number, check_order, 'personeelsnummer',
        replace(replace(replace(${rowMessageTemplate('row.repeat.staffNumber')}::text, '{row}', first::text), '{fields}', person_fields),
          '{staffNumber}', ${staffNumberAsShown('staff_number')})
      FROM joined WHERE check_order = 2 AND NOT same_person
      UNION ALL
      SELECT row_number, check_order, 'bsn', replace(${rowMessageTemplate('row.repeat.bsn')}::text, '{row}', first::text)
      FROM joined WHERE check_order = 3 AND NOT same_staff_number)
    , per_row AS (
      SELECT row_number, jsonb_agg(jsonb_build_object('kolom', kolom, 'melding', text, 'soort', 'fout') ORDER BY check_order) AS list
      FROM found GROUP BY row_number)
    , updated AS (
      UPDATE delivery_rows d SET messages = coalesce(d.messages, '[]'::jsonb) || m.list, outcome = 'fout'
      FROM per_row m
      WHERE d.delivery_id = ${deliveryId} AND d.row_number = m.row_number AND (SELECT n FROM wrong) = 0)
    SELECT n AS wrong FROM wrong`),
  );
  return result.wrong;
}

/**
 * A personeelsnummer that may be a BSN (`hashes`: the keyed hash of that BSN, per row of `rows`) is an
 * error when it is the BSN of a person the register knows for this board, or a BSN in this delivery:
 * the row's personeelsnummer is then not kept, and its warning gives way to the error.
 */
export async function addStaffNumberIsKnownBsnMessages(
  db: Db,
  deliveryId: string,
  boardId: string,
  candidates: { rows: number[]; hashes: string[] },
): Promise<void> {
  const error = { kolom: 'personeelsnummer', melding: rowMessage('row.staffNumber.isKnownBsn'), soort: 'fout' };
  await db.execute(sql`UPDATE delivery_rows d
    SET messages = coalesce((SELECT jsonb_agg(m) FROM jsonb_array_elements(d.messages) m
                             WHERE NOT (m->>'kolom' = 'personeelsnummer' AND m->>'soort' = 'waarschuwing')), '[]'::jsonb)
                   || jsonb_build_array(${JSON.stringify(error)}::jsonb),
        outcome = 'fout', staff_number = NULL, employment_key = NULL
    FROM unnest(${intArray(candidates.rows)}, ${arrayLiteral(candidates.hashes)}::text[]) AS c(row_number, bsn_hash)
    WHERE d.delivery_id = ${deliveryId} AND d.row_number = c.row_number
      AND (EXISTS (SELECT 1 FROM persons p JOIN staff_numbers s ON s.person_id = p.id AND s.board_id = ${boardId} WHERE p.bsn_hash = c.bsn_hash)
        OR c.bsn_hash IN (SELECT bsn_hash FROM delivery_rows WHERE delivery_id = ${deliveryId} AND bsn_hash IS NOT NULL))`);
}

async function addMutationMessages(db: Db, deliveryId: string, boardId: string): Promise<void> {
  await addMessages(
    db,
    deliveryId,
    'mutatie',
    'fout',
    sql`SELECT r.row_number,
      CASE r.mutation WHEN 'EINDE' THEN ${rowMessageTemplate('row.mutation.noEmploymentToEnd')}::text
        ELSE ${rowMessageTemplate('row.mutation.noEmploymentToChange')}::text END AS text
    FROM delivery_rows r
    WHERE r.delivery_id = ${deliveryId} AND r.mutation IN ('WIJZIGING', 'EINDE') AND r.employment_key IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM employments e WHERE e.board_id = ${boardId} AND e.employment_key = r.employment_key)`,
  );
  await addMessages(
    db,
    deliveryId,
    'mutatie',
    'waarschuwing',
    sql`SELECT r.row_number, ${rowMessageTemplate('row.mutation.newIsKnown')}::text AS text
    FROM delivery_rows r
    WHERE r.delivery_id = ${deliveryId} AND r.mutation = 'NIEUW' AND r.employment_key IS NOT NULL
      AND EXISTS (SELECT 1 FROM employments e WHERE e.board_id = ${boardId} AND e.employment_key = r.employment_key)`,
  );
}

const outcomeCountsRow = row({ rows: column.integer, errors: column.integer, warnings: column.integer });

export async function countOutcomes(db: Db, deliveryId: string): Promise<{ rows: number; errors: number; warnings: number }> {
  const [counts] = rowsOf(
    outcomeCountsRow,
    await db.execute(sql`SELECT count(*) AS rows,
      count(*) FILTER (WHERE outcome = 'fout') AS errors, count(*) FILTER (WHERE outcome = 'waarschuwing') AS warnings
    FROM delivery_rows WHERE delivery_id = ${deliveryId}`),
  );
  return counts;
}

const endingCountsRow = row({ active: column.integer, ending: column.integer });

/** Active employments of the board, and how many of them a full delivery would end (missing from it). */
export async function countEndingByFullDelivery(db: Db, deliveryId: string, boardId: string, today: string): Promise<{ active: number; ending: number }> {
  const [counts] = rowsOf(
    endingCountsRow,
    await db.execute(sql`SELECT count(*) AS active,
      count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM delivery_rows r WHERE r.delivery_id = ${deliveryId} AND r.employment_key = e.employment_key)) AS ending
    FROM employments e WHERE e.board_id = ${boardId} AND (e.end_date IS NULL OR e.end_date > ${today})`),
  );
  return counts;
}

export type RowResult = { rowNumber: number; outcome: 'geaccepteerd' | 'waarschuwing' | 'fout'; messages: Message[] };

const messageRow = row({
  kolom: column.oneOf(columns).nullable(),
  melding: column.text,
  soort: column.oneOf(['fout', 'waarschuwing'] as const),
}) satisfies RowSchema<Message>;

const rowResultRow = row({
  rowNumber: column.integer,
  outcome: column.oneOf(['geaccepteerd', 'waarschuwing', 'fout'] as const),
  messages: column.json(z.array(messageRow)),
}) satisfies RowSchema<RowResult>;

export async function listRowResults(
  db: Db,
  deliveryId: string,
  options: { problemsOnly: boolean; offset: number; limit: number },
): Promise<{ rows: RowResult[]; total: number }> {
  const filter = options.problemsOnly ? sql` AND outcome <> 'geaccepteerd'` : sql``;
  const rows = rowsOf(
    rowResultRow,
    await db.execute(sql`SELECT row_number AS "rowNumber", outcome, coalesce(messages, '[]'::jsonb) AS messages
    FROM delivery_rows WHERE delivery_id = ${deliveryId}${filter} ORDER BY row_number LIMIT ${options.limit} OFFSET ${options.offset}`),
  );
  const total = countOf(await db.execute(sql`SELECT count(*) AS n FROM delivery_rows WHERE delivery_id = ${deliveryId}${filter}`));
  return { rows, total };
}

/** The rows after `afterRow`, in row order: by the primary key (delivery_id, row_number), never OFFSET, so every page costs the same. */
export async function listRowResultsAfter(db: Db, deliveryId: string, afterRow: number, limit: number): Promise<RowResult[]> {
  return rowsOf(
    rowResultRow,
    await db.execute(sql`SELECT row_number AS "rowNumber", outcome, coalesce(messages, '[]'::jsonb) AS messages
    FROM delivery_rows WHERE delivery_id = ${deliveryId} AND row_number > ${afterRow} ORDER BY row_number LIMIT ${limit}`),
  );
}

const lockedRow = row({ locked: column.boolean });

/** Serialises the applying of one board's deliveries; false when another apply holds it (this transaction waits not). */
export async function tryLockBoardDeliveries(tx: Db, boardId: string): Promise<boolean> {
  const [lock] = rowsOf(lockedRow, await tx.execute(sql`SELECT pg_try_advisory_xact_lock(hashtext('delivery-apply'), hashtext(${boardId})) AS locked`));
  return lock.locked;
}

/** Another delivery of the board with committed parts of an apply (decision 017): it goes first. */
export async function otherDeliveryApplyingInParts(tx: Db, boardId: string, deliveryId: string): Promise<boolean> {
  return hasRows(
    await tx.execute(sql`SELECT 1 FROM deliveries WHERE board_id = ${boardId} AND id <> ${deliveryId}
    AND status = 'in-behandeling' AND applied_through_row IS NOT NULL LIMIT 1`),
  );
}

/** Cancels a delivery not applied yet: never one whose apply has committed parts, which can only go on. */
export async function cancelUnappliedDelivery(db: Db, id: string, finishedAt: Date): Promise<boolean> {
  return hasRows(
    await db.execute(sql`UPDATE deliveries SET status = 'geannuleerd', phase = NULL, finished_at = ${finishedAt.toISOString()}
    WHERE id = ${id} AND status IN ('gecontroleerd', 'in-behandeling') AND applied_through_row IS NULL RETURNING id`),
  );
}

export type UnsentInvitation = { id: string; personId: string; email: string; name: string; board: string };

const unsentInvitationRow = row({
  id: column.text,
  personId: column.text,
  email: column.text,
  name: column.text,
  board: column.text,
}) satisfies RowSchema<UnsentInvitation>;

/** The next unsent invitations of a delivery, by person, after `afterPersonId` (from the start when null). */
export async function listUnsentInvitations(db: Db, deliveryId: string, afterPersonId: string | null, limit: number): Promise<UnsentInvitation[]> {
  const after = afterPersonId === null ? sql`` : sql` AND i.person_id > ${afterPersonId}`;
  // the batch first, on its own: joined at once, the planner may read every person from the first on
  return rowsOf(
    unsentInvitationRow,
    await db.execute(sql`WITH batch AS MATERIALIZED (
      SELECT i.id, i.person_id, i.email FROM person_invitations i
      WHERE i.delivery_id = ${deliveryId} AND i.mail_id IS NULL${after} ORDER BY i.person_id LIMIT ${limit})
    SELECT i.id, i.person_id AS "personId", i.email,
      concat_ws(' ', p.initials, p.prefix, p.surname) AS name, coalesce(b.name, 'Bevoegd gezag ' || b.number) AS board
    FROM batch i JOIN persons p ON p.id = i.person_id
    CROSS JOIN deliveries d JOIN boards b ON b.id = d.board_id
    WHERE d.id = ${deliveryId} ORDER BY i.person_id`),
  );
}

/** `mailed`: pairs of invitation id and the id of its mail, in one statement */
export async function markInvitationsMailed(db: Db, mailed: { invitationId: string; mailId: string }[]): Promise<void> {
  if (mailed.length === 0) return;
  await db.execute(sql`UPDATE person_invitations i SET mail_id = m.mail_id
    FROM unnest(${arrayLiteral(mailed.map((m) => m.invitationId))}::uuid[], ${arrayLiteral(mailed.map((m) => m.mailId))}::uuid[]) AS m(id, mail_id)
    WHERE i.id = m.id`);
}

/** Per board, the first delivery that was applied (verwerkt), if any: its id and when it was applied. */
export async function findFirstAppliedDeliveries(db: Db, boardIds: readonly string[]): Promise<Map<string, { deliveryId: string; appliedAt: Date }>> {
  if (boardIds.length === 0) return new Map();
  const rows = rowsOf(
    row({ boardId: column.text, deliveryId: column.text, appliedAt: column.moment }),
    await db.execute(sql`SELECT DISTINCT ON (board_id) board_id AS "boardId", id AS "deliveryId", coalesce(finished_at, created_at) AS "appliedAt"
    FROM deliveries WHERE status = 'verwerkt' AND board_id IN (${sql.join(
      boardIds.map((id) => sql`${id}`),
      sql`, `,
    )})
    ORDER BY board_id, coalesce(finished_at, created_at), id`),
  );
  return new Map(rows.map(({ boardId, ...first }) => [boardId, first]));
}
