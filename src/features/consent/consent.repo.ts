import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import type { VisibleActivity } from './consent.rules.ts';
import { column, countRows, firstRowOf, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';

/**
 * Whose a delivered person is: the account linked to them (decision 021), never an address. The
 * professional's side and the board's side both use this one rule, so a consent always covers the
 * person the board sees.
 */
const ownedBy = (accountId: string) => sql`p.account_id = ${accountId}`;

export type OwnAccount = { accountId: string };

/** A board the professional has or had an employment with, and whether it may see their development now. */
export type ConsentBoard = {
  boardId: string;
  boardName: string;
  boardNumber: string;
  /** an employment there runs today */
  current: boolean;
  /** the active consent's moment of granting; null without one */
  grantedAt: Date | null;
};

const consentBoardRow = row({
  boardId: column.text,
  boardName: column.text,
  boardNumber: column.text,
  current: column.boolean,
  grantedAt: column.moment.nullable(),
}) satisfies RowSchema<ConsentBoard>;

function boardsSql(account: OwnAccount, boardId?: string) {
  const oneBoard = boardId ? sql` AND b.id = ${boardId}` : sql``;
  return sql`SELECT b.id AS "boardId", coalesce(b.name, 'Bevoegd gezag ' || b.number) AS "boardName", b.number AS "boardNumber",
      bool_or(e.end_date IS NULL OR e.end_date >= current_date) AS current,
      (SELECT c.granted_at FROM development_consents c WHERE c.account_id = ${account.accountId} AND c.board_id = b.id AND c.revoked_at IS NULL) AS "grantedAt"
    FROM persons p JOIN employments e ON e.person_id = p.id JOIN boards b ON b.id = e.board_id
    WHERE ${ownedBy(account.accountId)} AND p.merged_into IS NULL${oneBoard}
    GROUP BY b.id, b.name, b.number
    ORDER BY bool_or(e.end_date IS NULL OR e.end_date >= current_date) DESC, 2, b.id`;
}

/** The boards that delivered an employment of the professional (current ones first), each with its active consent. */
export async function listOwnBoards(db: Db, account: OwnAccount): Promise<ConsentBoard[]> {
  return rowsOf(consentBoardRow, await db.execute(boardsSql(account)));
}

/** One of those boards; undefined for a board the professional never worked for. */
export async function findOwnBoard(db: Db, account: OwnAccount, boardId: string): Promise<ConsentBoard | undefined> {
  return firstRowOf(consentBoardRow, await db.execute(boardsSql(account, boardId)));
}

export type ConsentLine = { id: string; boardId: string; boardName: string; boardNumber: string; grantedAt: Date; revokedAt: Date | null };

const consentLineRow = row({
  id: column.text,
  boardId: column.text,
  boardName: column.text,
  boardNumber: column.text,
  grantedAt: column.moment,
  revokedAt: column.moment.nullable(),
}) satisfies RowSchema<ConsentLine>;

const grantedConsentRow = row({ id: column.text, grantedAt: column.moment });
const idRow = row({ id: column.text });

/** Every consent the account gave, newest first: granted, and revoked or still active. */
export async function listConsentHistory(db: Db, accountId: string): Promise<ConsentLine[]> {
  return rowsOf(
    consentLineRow,
    await db.execute(sql`SELECT c.id, c.board_id AS "boardId", coalesce(b.name, 'Bevoegd gezag ' || b.number) AS "boardName",
      b.number AS "boardNumber", c.granted_at AS "grantedAt", c.revoked_at AS "revokedAt"
    FROM development_consents c JOIN boards b ON b.id = c.board_id
    WHERE c.account_id = ${accountId} ORDER BY c.granted_at DESC, c.id DESC`),
  );
}

/** The active consent of an account for a board, if there is one. */
export async function findActiveConsent(db: Db, accountId: string, boardId: string): Promise<{ id: string; grantedAt: Date } | undefined> {
  return firstRowOf(
    grantedConsentRow,
    await db.execute(sql`SELECT id, granted_at AS "grantedAt" FROM development_consents
    WHERE account_id = ${accountId} AND board_id = ${boardId} AND revoked_at IS NULL`),
  );
}

/** The ConsentCheck's question: has this account granted this board insight, and not revoked it? */
export async function hasActiveConsent(db: Db, accountId: string, boardId: string): Promise<boolean> {
  return hasRows(
    await db.execute(sql`SELECT 1 FROM development_consents
    WHERE account_id = ${accountId} AND board_id = ${boardId} AND revoked_at IS NULL`),
  );
}

/** A new consent; undefined when one was already active (the unique partial index keeps it at one). */
export async function insertConsent(tx: Db, accountId: string, boardId: string, now: Date): Promise<string | undefined> {
  return firstRowOf(
    idRow,
    await tx.execute(sql`INSERT INTO development_consents (id, account_id, board_id, granted_at)
    VALUES (${uuidV7()}, ${accountId}, ${boardId}, ${now.toISOString()})
    ON CONFLICT (account_id, board_id) WHERE revoked_at IS NULL DO NOTHING
    RETURNING id`),
  )?.id;
}

/** Ends the active consent at `now`; undefined when there was none. */
export async function revokeConsent(tx: Db, accountId: string, boardId: string, now: Date): Promise<{ id: string; grantedAt: Date } | undefined> {
  return firstRowOf(
    grantedConsentRow,
    await tx.execute(sql`UPDATE development_consents SET revoked_at = ${now.toISOString()}
    WHERE account_id = ${accountId} AND board_id = ${boardId} AND revoked_at IS NULL
    RETURNING id, granted_at AS "grantedAt"`),
  );
}

export type BoardPerson = { id: string; name: string; accountId: string | null };

const boardPersonRow = row({ id: column.text, name: column.text, accountId: column.text.nullable() }) satisfies RowSchema<BoardPerson>;

const visibleActivityRow = row({
  id: column.text,
  kind: column.text,
  title: column.text,
  provider: column.text.nullable(),
  startedOn: column.day,
  completedOn: column.day,
  hours: column.number,
  points: column.integer.nullable(),
  themes: column.texts,
  source: column.text,
}) satisfies RowSchema<VisibleActivity>;

/**
 * A person the board delivered an employment for (current or ended), with the account they are
 * (see `ownedBy`); undefined for anybody else.
 */
export async function findPersonAtBoard(db: Db, boardId: string, personId: string): Promise<BoardPerson | undefined> {
  return firstRowOf(
    boardPersonRow,
    await db.execute(sql`SELECT p.id, concat_ws(' ', p.initials, p.prefix, p.surname) AS name,
      p.account_id AS "accountId"
    FROM persons p
    WHERE p.id = ${personId} AND p.merged_into IS NULL AND EXISTS (SELECT 1 FROM employments e WHERE e.person_id = p.id AND e.board_id = ${boardId})`),
  );
}

/**
 * The activities of the account's dossier as a board with consent sees them, newest first: only the
 * columns the professional was told of. Learning goals, reflection and proof are never read here.
 */
export async function listVisibleActivities(db: Db, accountId: string): Promise<VisibleActivity[]> {
  return rowsOf(
    visibleActivityRow,
    await db.execute(sql`SELECT a.id, a.kind, a.title, a.provider, a.started_on::text AS "startedOn", a.completed_on::text AS "completedOn",
      a.hours::float8 AS hours, a.points, a.themes, a.source
    FROM enrolments n JOIN activities a ON a.enrolment_id = n.id
    WHERE n.account_id = ${accountId} ORDER BY a.completed_on DESC, a.id DESC`),
  );
}

/**
 * Demo data: one in three of the board's enrolled professionals with a current employment let the
 * board see their development (granted 90 days ago); one in six of those withdrew an earlier consent
 * first, so the history has both kinds of line. Straight into the table, as after months of use.
 */
export async function insertDemoConsents(db: Db, boardNumber: string): Promise<number> {
  return countRows(
    await db.execute(sql`WITH staff AS (
      SELECT n.account_id, b.id AS board_id, row_number() OVER (ORDER BY n.account_id) AS k
      FROM boards b JOIN enrolments n ON EXISTS (SELECT 1 FROM employments e
        WHERE e.person_id = n.person_id AND e.board_id = b.id AND (e.end_date IS NULL OR e.end_date >= current_date))
      WHERE b.number = ${boardNumber}
    ), earlier AS (
      INSERT INTO development_consents (id, account_id, board_id, granted_at, revoked_at)
      SELECT gen_random_uuid(), account_id, board_id, now() - interval '400 days', now() - interval '200 days' FROM staff WHERE k % 18 = 0
      RETURNING id
    )
    INSERT INTO development_consents (id, account_id, board_id, granted_at)
    SELECT gen_random_uuid(), account_id, board_id, now() - interval '90 days' FROM staff WHERE k % 3 = 0
    RETURNING id`),
  );
}
