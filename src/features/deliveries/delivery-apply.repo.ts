import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { rowIds } from '../../db/row-ids.ts';
import type { DeliveryMode } from './delivery-format.rules.ts';
import { column, countOf, firstRowOf, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';

/** What one part of an apply did; parts add up to the summary. */
export type PartSummary = ApplySummary;

/** below this many rows a part is small: it reads the register by its indexes (see applyStagedRows) */
const smallPartRows = 10_000;

export type ApplySummary = {
  personenNieuw: number;
  personenGewijzigd: number;
  dienstverbandenNieuw: number;
  dienstverbandenGewijzigd: number;
  dienstverbandenBeeindigd: number;
  mogelijkeDubbelen: number;
  uitnodigingen: number;
};

const applySummaryRow = row({
  personenNieuw: column.integer,
  personenGewijzigd: column.integer,
  dienstverbandenNieuw: column.integer,
  dienstverbandenGewijzigd: column.integer,
  dienstverbandenBeeindigd: column.integer,
  mogelijkeDubbelen: column.integer,
  uitnodigingen: column.integer,
}) satisfies RowSchema<ApplySummary>;

export type ApplyInput = {
  deliveryId: string;
  boardId: string;
  mode: DeliveryMode;
  /** the delivery date (JJJJ-MM-DD): missing employments of a full delivery end on it */
  today: string;
  now: Date;
  /** tests inject a failure between steps to prove the apply is all or nothing */
  afterStep?: (step: string) => void | Promise<void>;
  /** the persons this part linked to an account by the BSN an issuer vouched for at its sign-in: for their audit events, in the part's transaction */
  onLinked?: (tx: Db, links: BsnLink[]) => Promise<void>;
};

/** A delivered person and the account whose sign-in vouched for the same BSN (decision 021). */
export type BsnLink = { personId: string; accountId: string };

const bsnLinkRow = row({ personId: column.text, accountId: column.text }) satisfies RowSchema<BsnLink>;

/** What a person's history records of a field change: [before, after], or nothing when equal. */
const change = (label: string, before: string, after: string) =>
  `CASE WHEN ${before} IS DISTINCT FROM ${after} THEN jsonb_build_object('${label}', jsonb_build_array(${before}, ${after})) ELSE '{}'::jsonb END`;

const rowSpanRow = row({ first: column.integer.nullable(), last: column.integer.nullable() });

/** The first and last row number staged for a delivery (null when none are): the span an apply goes through in parts. */
export async function stagedRowSpan(db: Db, deliveryId: string): Promise<{ first: number; last: number } | null> {
  const [span] = rowsOf(
    rowSpanRow,
    await db.execute(sql`SELECT
    (SELECT row_number FROM delivery_rows WHERE delivery_id = ${deliveryId} ORDER BY row_number LIMIT 1) AS first,
    (SELECT row_number FROM delivery_rows WHERE delivery_id = ${deliveryId} ORDER BY row_number DESC LIMIT 1) AS last`),
  );
  return span.first === null || span.last === null ? null : { first: span.first, last: span.last };
}

export type ApplyProgress = { appliedThroughRow: number | null; applyTotals: PartSummary | null };

const applyProgressRow = row({
  appliedThroughRow: column.integer.nullable(),
  applyTotals: column.json(applySummaryRow).nullable(),
}) satisfies RowSchema<ApplyProgress>;

export async function findApplyProgress(db: Db, deliveryId: string): Promise<ApplyProgress> {
  const progress = firstRowOf(
    applyProgressRow,
    await db.execute(sql`SELECT applied_through_row AS "appliedThroughRow", apply_totals AS "applyTotals"
    FROM deliveries WHERE id = ${deliveryId}`),
  );
  return progress ?? { appliedThroughRow: null, applyTotals: null };
}

/** After a committed part: how far the apply got and what it did so far; false when the delivery is no longer being applied. */
export async function recordAppliedPart(tx: Db, deliveryId: string, throughRow: number, totals: PartSummary, progress: number): Promise<boolean> {
  return hasRows(
    await tx.execute(sql`UPDATE deliveries SET applied_through_row = ${throughRow}, apply_totals = ${JSON.stringify(totals)}::jsonb,
    progress = ${progress} WHERE id = ${deliveryId} AND status = 'in-behandeling' RETURNING id`),
  );
}

/**
 * Applies the staged rows `rows.from`–`rows.to` of a validated delivery set-based inside the caller's
 * transaction: persons matched by BSN hash, else by the board's personeelsnummer, else created (with a
 * possible-duplicate task when someone with the same surname and birth date exists); employments added
 * and changed; every change in the person's history (a new person or employment carries the delivery
 * that added it); an invitation per person with news and an e-mail address, once per delivery.
 *
 * The whole delivery is one such part on PostgreSQL; on the embedded database a large one is applied
 * in parts of a few thousand rows, each committed (decision 017). A person whose rows fall in two parts
 * is created by the first and found by personeelsnummer or BSN in the second, as a later delivery would.
 */
export async function applyStagedRows(tx: Db, input: ApplyInput, rows: { from: number; to: number }): Promise<PartSummary> {
  const { deliveryId: d, boardId: b } = input;
  const now = input.now.toISOString();
  const step = async (name: string) => input.afterStep?.(name);
  // sorts and hash joins over a whole delivery: the default 4 MB would spill them to disk
  await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
  // a part of a few thousand rows meets the register by its indexes; at the default cost of a random read
  // the planner read all employments for each part instead (56 ms a part at 200,000, decision 017)
  if (rows.to - rows.from < smallPartRows) await tx.execute(sql`SET LOCAL random_page_cost = 1.1`);

  // one line per person in the file (the validation made sure a personeelsnummer has one person's data),
  // with the person the register has: by BSN hash, else by this board's personeelsnummer unless that
  // person has another BSN (then it is somebody else, or a mistake for staff to see); else a new person
  await tx.execute(sql`CREATE TEMP TABLE file_persons ON COMMIT DROP AS
    WITH delivered AS (
      SELECT DISTINCT ON (staff_number) staff_number, bsn_sealed, bsn_hash, initials, first_names, prefix, surname, birth_date, email
      FROM delivery_rows WHERE delivery_id = ${d} AND row_number BETWEEN ${rows.from} AND ${rows.to} ORDER BY staff_number, row_number),
    matched AS (
      SELECT f.*, by_bsn.id AS by_bsn,
        CASE WHEN n.bsn_hash IS NOT NULL AND f.bsn_hash IS NOT NULL AND n.bsn_hash <> f.bsn_hash THEN NULL ELSE n.id END AS by_number,
        CASE WHEN n.bsn_hash IS NOT NULL AND f.bsn_hash IS NOT NULL AND n.bsn_hash <> f.bsn_hash THEN n.id END AS other_bsn
      FROM delivered f
      LEFT JOIN persons by_bsn ON f.bsn_hash IS NOT NULL AND by_bsn.bsn_hash = f.bsn_hash
      LEFT JOIN (staff_numbers s JOIN persons n ON n.id = s.person_id) ON s.board_id = ${b} AND s.staff_number = f.staff_number)
    SELECT staff_number, bsn_sealed, bsn_hash, initials, first_names, prefix, surname, birth_date, email,
      coalesce(by_bsn, by_number, ${rowIds()}) AS person_id, by_bsn IS NULL AND by_number IS NULL AS is_new,
      CASE WHEN by_bsn IS NULL THEN other_bsn END AS conflicting_person_id, coalesce(by_number, other_bsn) AS numbered_person_id
    FROM matched`);
  // temporary tables have no statistics until analysed: without them the planner picks nested loops
  await tx.execute(sql`ANALYZE file_persons`);
  await step('personen gekoppeld');

  // possible duplicates of the new persons, found before they are added: someone the register knows with the
  // same surname and birth date, the person the personeelsnummer had under another BSN, or a look-alike in this file
  await tx.execute(sql`CREATE TEMP TABLE file_duplicates ON COMMIT DROP AS
    SELECT f.person_id, f.conflicting_person_id AS candidate_id, 'personeelsnummer-ander-bsn' AS reason
    FROM file_persons f WHERE f.is_new AND f.conflicting_person_id IS NOT NULL
    UNION ALL
    SELECT f.person_id, p.id, 'naam-geboortedatum'
    FROM file_persons f JOIN persons p ON p.birth_date = f.birth_date AND lower(p.surname) = lower(f.surname)
    WHERE f.is_new AND p.merged_into IS NULL AND p.id IS DISTINCT FROM f.conflicting_person_id
    UNION ALL
    SELECT person_id, first_id, 'naam-geboortedatum'
    FROM (SELECT person_id, first_value(person_id) OVER (PARTITION BY birth_date, lower(surname) ORDER BY staff_number) AS first_id
          FROM file_persons WHERE is_new) alike
    WHERE person_id <> first_id`);

  const personenNieuw = countOf(
    await tx.execute(sql`WITH added AS (
    INSERT INTO persons (id, bsn_sealed, bsn_hash, initials, first_names, prefix, surname, birth_date, email, first_delivery_id, created_at, updated_at)
    SELECT person_id, bsn_sealed, bsn_hash, initials, first_names, prefix, surname, birth_date, email, ${d}, ${now}, ${now}
    FROM file_persons WHERE is_new RETURNING id)
    SELECT count(*) AS n FROM added`),
  );

  const mogelijkeDubbelen = countOf(
    await tx.execute(sql`WITH added AS (
    INSERT INTO duplicate_candidates (id, person_id, candidate_id, delivery_id, reason, created_at)
    SELECT ${rowIds()}, person_id, candidate_id, ${d}, reason, ${now} FROM file_duplicates
    ON CONFLICT (person_id, candidate_id) DO NOTHING RETURNING 1)
    SELECT count(*) AS n FROM added`),
  );

  const personChanges = `(${[
    change('voorletters', 'p.initials', 'f.initials'),
    change('voornamen', 'p.first_names', 'f.first_names'),
    change('tussenvoegsel', 'p.prefix', 'f.prefix'),
    change('achternaam', 'p.surname', 'f.surname'),
    change('geboortedatum', 'p.birth_date', 'f.birth_date'),
    change('email', 'p.email', 'coalesce(f.email, p.email)'),
  ].join(' || ')} || CASE WHEN p.bsn_hash IS NULL AND f.bsn_hash IS NOT NULL THEN '{"bsn": ["(geen)", "(aangeleverd)"]}'::jsonb ELSE '{}'::jsonb END)`;
  await tx.execute(sql`CREATE TEMP TABLE changed_persons ON COMMIT DROP AS
    SELECT f.person_id, ${sql.raw(personChanges)} AS changes
    FROM file_persons f JOIN persons p ON p.id = f.person_id
    WHERE NOT f.is_new`);
  await tx.execute(sql`DELETE FROM changed_persons WHERE changes = '{}'::jsonb`);
  const personenGewijzigd = countOf(
    await tx.execute(sql`WITH changed AS (
    UPDATE persons p SET initials = f.initials, first_names = f.first_names, prefix = f.prefix, surname = f.surname,
      birth_date = f.birth_date, email = coalesce(f.email, p.email),
      bsn_sealed = coalesce(p.bsn_sealed, f.bsn_sealed), bsn_hash = coalesce(p.bsn_hash, f.bsn_hash),
      data_approved_at = NULL, updated_at = ${now}
    FROM file_persons f JOIN changed_persons c ON c.person_id = f.person_id
    WHERE p.id = f.person_id RETURNING 1)
    SELECT count(*) AS n FROM changed`),
  );
  await tx.execute(sql`INSERT INTO person_history (id, person_id, delivery_id, kind, changes, created_at)
    SELECT ${rowIds()}, person_id, ${d}, 'persoon-gewijzigd', changes, ${now} FROM changed_persons`);
  // the personeelsnummer now leads to this person (deliveries of one board are applied one at a time)
  await tx.execute(sql`UPDATE staff_numbers s SET person_id = f.person_id FROM file_persons f
    WHERE s.board_id = ${b} AND s.staff_number = f.staff_number AND f.numbered_person_id <> f.person_id`);
  await tx.execute(sql`INSERT INTO staff_numbers (board_id, staff_number, person_id)
    SELECT ${b}, staff_number, person_id FROM file_persons WHERE numbered_person_id IS NULL`);
  // a person the register knew, with a personeelsnummer new to them, has person data to check again (changed persons above)
  await tx.execute(sql`UPDATE persons p SET data_approved_at = NULL, updated_at = ${now}
    FROM file_persons f WHERE p.id = f.person_id AND NOT f.is_new AND f.numbered_person_id IS DISTINCT FROM f.person_id AND p.data_approved_at IS NOT NULL`);
  // a person with the BSN an issuer vouched for at an account's sign-in (DigiD through a broker) is that
  // account's, when neither has another link and register staff did not unlink the two (decision 021);
  // the enrolment's own account follows
  const linked = rowsOf(
    bsnLinkRow,
    await tx.execute(sql`WITH linked AS (
    UPDATE persons p SET account_id = a.id, updated_at = ${now}
    FROM file_persons f, accounts a
    WHERE p.id = f.person_id AND p.bsn_hash IS NOT NULL AND a.bsn_hash = p.bsn_hash AND p.account_id IS NULL AND p.merged_into IS NULL
      AND NOT EXISTS (SELECT 1 FROM persons q WHERE q.account_id = a.id)
      AND NOT EXISTS (SELECT 1 FROM person_link_blocks b WHERE b.person_id = p.id AND b.account_id = a.id)
    RETURNING p.id AS "personId", a.id AS "accountId")
    , followed AS (UPDATE enrolments n SET account_id = l."accountId" FROM linked l WHERE n.person_id = l."personId" RETURNING 1)
    SELECT "personId", "accountId" FROM linked`),
  );
  if (linked.length > 0) await input.onLinked?.(tx, linked);
  await step('personen bijgewerkt');

  // employments: the staged rows with their person, the one the register has under the same key
  await tx.execute(sql`CREATE TEMP TABLE file_employments ON COMMIT DROP AS
    SELECT r.row_number, r.employment_key, r.staff_number, f.person_id, r.school_id, r.location_id, r.function, r.appointment_basis,
      r.start_date, r.end_date, r.fte, r.mutation, e.id AS employment_id
    FROM delivery_rows r JOIN file_persons f ON f.staff_number = r.staff_number
    LEFT JOIN employments e ON e.board_id = ${b} AND e.employment_key = r.employment_key
    WHERE r.delivery_id = ${d} AND r.row_number BETWEEN ${rows.from} AND ${rows.to}`);
  await tx.execute(sql`ANALYZE file_employments`);
  const dienstverbandenNieuw = countOf(
    await tx.execute(sql`WITH added AS (
    INSERT INTO employments (id, person_id, board_id, school_id, location_id, staff_number, employment_key, function, appointment_basis,
      start_date, end_date, fte, approval_status, first_delivery_id, last_delivery_id, created_at, updated_at)
    SELECT ${rowIds()}, person_id, ${b}, school_id, location_id, staff_number, employment_key, function, appointment_basis,
      start_date, end_date, fte, 'te-controleren', ${d}, ${d}, ${now}, ${now}
    FROM file_employments WHERE employment_id IS NULL AND (mutation IS NULL OR mutation = 'NIEUW')
    RETURNING 1)
    SELECT count(*) AS n FROM added`),
  );
  await step('dienstverbanden toegevoegd');

  // a change: every delivered field is the board's to set; EINDE sets only the end date
  const employmentChanges = [
    change('persoon', 'e.person_id::text', 'f.person_id::text'),
    change('vestiging', 'e.location_id::text', 'f.location_id::text'),
    change('benoemingsgrondslag', 'e.appointment_basis', 'f.appointment_basis'),
    change('begindatum', 'e.start_date', 'f.start_date'),
    change('einddatum', 'e.end_date', 'f.end_date'),
    change('werktijdfactor', 'e.fte', 'f.fte'),
  ].join(' || ');
  await tx.execute(sql`CREATE TEMP TABLE changed_employments ON COMMIT DROP AS
    SELECT f.employment_id, e.person_id AS old_person_id,
      CASE WHEN f.mutation = 'EINDE' THEN ${sql.raw(change('einddatum', 'e.end_date', 'f.end_date'))}
           ELSE ${sql.raw(employmentChanges)} END AS changes
    FROM file_employments f JOIN employments e ON e.id = f.employment_id`);
  await tx.execute(sql`DELETE FROM changed_employments WHERE changes = '{}'::jsonb`);
  const dienstverbandenGewijzigd = countOf(
    await tx.execute(sql`WITH changed AS (
    UPDATE employments e SET
      person_id = CASE WHEN f.mutation = 'EINDE' THEN e.person_id ELSE f.person_id END,
      location_id = CASE WHEN f.mutation = 'EINDE' THEN e.location_id ELSE f.location_id END,
      appointment_basis = CASE WHEN f.mutation = 'EINDE' THEN e.appointment_basis ELSE f.appointment_basis END,
      start_date = CASE WHEN f.mutation = 'EINDE' THEN e.start_date ELSE f.start_date END,
      end_date = f.end_date,
      fte = CASE WHEN f.mutation = 'EINDE' THEN e.fte ELSE f.fte END,
      approval_status = 'te-controleren', last_delivery_id = ${d}, updated_at = ${now}
    FROM file_employments f JOIN changed_employments c ON c.employment_id = f.employment_id
    WHERE e.id = f.employment_id RETURNING e.id, e.person_id, c.changes, f.mutation)
    , history AS (INSERT INTO person_history (id, person_id, employment_id, delivery_id, kind, changes, created_at)
      SELECT ${rowIds()}, person_id, id, ${d},
        CASE WHEN mutation = 'EINDE' THEN 'dienstverband-beeindigd' ELSE 'dienstverband-gewijzigd' END, changes, ${now}
      FROM changed RETURNING 1)
    SELECT count(*) AS n FROM history`),
  );
  await step('dienstverbanden gewijzigd');

  // one invitation per person this part added or changed, to the address the register has
  const newInvited = countOf(
    await tx.execute(sql`WITH added AS (
    INSERT INTO person_invitations (id, person_id, delivery_id, email, created_at)
    SELECT ${rowIds()}, person_id, ${d}, email, ${now} FROM file_persons WHERE is_new AND email IS NOT NULL
    ON CONFLICT (delivery_id, person_id) DO NOTHING RETURNING 1)
    SELECT count(*) AS n FROM added`),
  );
  const knownInvited = countOf(
    await tx.execute(sql`WITH news AS (
      SELECT fe.person_id FROM file_employments fe JOIN file_persons f ON f.staff_number = fe.staff_number AND NOT f.is_new
      WHERE fe.employment_id IS NULL AND (fe.mutation IS NULL OR fe.mutation = 'NIEUW')
      UNION SELECT person_id FROM changed_persons
      UNION SELECT CASE WHEN f.mutation = 'EINDE' THEN c.old_person_id ELSE f.person_id END
        FROM changed_employments c JOIN file_employments f ON f.employment_id = c.employment_id)
    , added AS (
    INSERT INTO person_invitations (id, person_id, delivery_id, email, created_at)
    SELECT ${rowIds()}, p.id, ${d}, p.email, ${now}
    FROM news n JOIN persons p ON p.id = n.person_id
    WHERE p.email IS NOT NULL
    ON CONFLICT (delivery_id, person_id) DO NOTHING RETURNING 1)
    SELECT count(*) AS n FROM added`),
  );
  await step('uitnodigingen klaargezet');

  return {
    personenNieuw,
    personenGewijzigd,
    dienstverbandenNieuw,
    dienstverbandenGewijzigd,
    dienstverbandenBeeindigd: 0,
    mogelijkeDubbelen,
    uitnodigingen: newInvited + knownInvited,
  };
}

const employmentKeyRow = row({ key: column.text });
const endedCountsRow = row({ ended: column.integer, invited: column.integer });

/**
 * After all its rows, a full delivery ends the board's employments it does not name (on the delivery
 * date), each in the person's history and with an invitation. All of them, or (`keys`) those with an
 * employment key after `keys.after`, up to `keys.limit` of the board's employments: the ending in
 * parts, each committed (decision 017). Ending is safe to repeat: an ended employment is not open any
 * more. Returns what it ended and invited, and the last key it looked at (null when it reached the end).
 */
export async function endMissingEmployments(
  tx: Db,
  input: ApplyInput,
  keys?: { after: string | null; limit: number },
): Promise<{ dienstverbandenBeeindigd: number; uitnodigingen: number; lastKey: string | null }> {
  const { deliveryId: d, boardId: b, today } = input;
  const now = input.now.toISOString();
  let range = sql``;
  let lastKey: string | null = null;
  if (keys) {
    const after = keys.after === null ? sql`` : sql` AND e.employment_key > ${keys.after}`;
    const upper = firstRowOf(
      employmentKeyRow,
      await tx.execute(sql`SELECT e.employment_key AS key FROM employments e
      WHERE e.board_id = ${b}${after} ORDER BY e.employment_key OFFSET ${keys.limit - 1} LIMIT 1`),
    );
    lastKey = upper?.key ?? null;
    range = sql`${after}${lastKey === null ? sql`` : sql` AND e.employment_key <= ${lastKey}`}`;
    await tx.execute(sql`SET LOCAL random_page_cost = 1.1`);
  } else {
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
  }
  const [ended] = rowsOf(
    endedCountsRow,
    await tx.execute(sql`WITH ended AS (
    UPDATE employments e SET end_date = ${today}, approval_status = 'te-controleren', last_delivery_id = ${d}, updated_at = ${now}
    WHERE e.board_id = ${b}${range} AND (e.end_date IS NULL OR e.end_date > ${today})
      AND NOT EXISTS (SELECT 1 FROM delivery_rows r WHERE r.delivery_id = ${d} AND r.employment_key = e.employment_key)
    RETURNING e.id, e.person_id)
    , history AS (INSERT INTO person_history (id, person_id, employment_id, delivery_id, kind, changes, created_at)
      SELECT ${rowIds()}, person_id, id, ${d}, 'dienstverband-beeindigd',
        jsonb_build_object('einddatum', jsonb_build_array(NULL, ${today}::text)), ${now}
      FROM ended RETURNING 1)
    , invited AS (INSERT INTO person_invitations (id, person_id, delivery_id, email, created_at)
      SELECT ${rowIds()}, p.id, ${d}, p.email, ${now}
      FROM (SELECT DISTINCT person_id FROM ended) n JOIN persons p ON p.id = n.person_id
      WHERE p.email IS NOT NULL
      ON CONFLICT (delivery_id, person_id) DO NOTHING RETURNING 1)
    SELECT (SELECT count(*) FROM history) AS ended, (SELECT count(*) FROM invited) AS invited`),
  );
  return { dienstverbandenBeeindigd: ended.ended, uitnodigingen: ended.invited, lastKey: keys ? lastKey : null };
}

/**
 * The last step of an apply: a disputed employment the delivery changed or ended has its dispute closed,
 * and so has a dispute of the person data whose name or birth date the delivery changed (at this
 * board: each board corrects its own); the professional checks again. Each closed dispute leaves a
 * notice (`correctie`) for the mail that tells the professional, which the invitations job sends after
 * the commit. How many it closed.
 */
export async function closeCorrectedDisputes(tx: Db, input: ApplyInput): Promise<number> {
  const now = input.now.toISOString();
  const d = input.deliveryId;
  return countOf(
    await tx.execute(sql`WITH closed AS (
      UPDATE employment_disputes ds SET status = 'opgelost', resolved_at = ${now}
      WHERE ds.board_id = ${input.boardId} AND ds.status = 'open' AND CASE ds.kind
        WHEN 'dienstverband' THEN EXISTS (SELECT 1 FROM employments e WHERE e.id = ds.employment_id AND e.last_delivery_id = ${d})
        ELSE EXISTS (SELECT 1 FROM person_history h WHERE h.delivery_id = ${d} AND h.person_id = ds.person_id AND h.kind = 'persoon-gewijzigd'
          AND h.changes ?| array['voorletters', 'voornamen', 'tussenvoegsel', 'achternaam', 'geboortedatum']) END
      RETURNING ds.id, ds.person_id, ds.employment_id, ds.board_id)
    , noticed AS (INSERT INTO person_notices (id, person_id, kind, employment_id, delivery_id, board_id, dispute_id, created_at)
      SELECT ${rowIds()}, person_id, 'correctie', employment_id, ${d}, board_id, id, ${now} FROM closed
      ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*) AS n FROM closed`),
  );
}
