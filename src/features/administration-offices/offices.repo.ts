import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { column, countOf, firstRowOf, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';
import type { OfficeFacts } from './offices.rules.ts';

/** An administratiekantoor (decision 022). */
export type Office = { id: string; name: string; kvkNumber: string };

/** An office in register staff's list, with the number of boards that authorise it now. */
export type OfficeLine = Office & { boards: number };

/** An office found by a board admin's search, and whether this board authorises it already. */
export type OfficeChoice = Office & { authorised: boolean };

/** A live machtiging: which board lets which office deliver for it, since when, given by whom. */
export type MandateLine = {
  id: string;
  boardId: string;
  boardNumber: string;
  boardName: string;
  officeId: string;
  officeName: string;
  kvkNumber: string;
  grantedAt: Date;
  grantedByName: string | null;
};

export type MailAddress = { email: string; name: string };

const officeRow = row({ id: column.text, name: column.text, kvkNumber: column.text }) satisfies RowSchema<Office>;
const officeLineRow = officeRow.extend({ boards: column.integer }) satisfies RowSchema<OfficeLine>;
const officeChoiceRow = officeRow.extend({ authorised: column.boolean }) satisfies RowSchema<OfficeChoice>;
const mandateLineRow = row({
  id: column.text,
  boardId: column.text,
  boardNumber: column.text,
  boardName: column.text,
  officeId: column.text,
  officeName: column.text,
  kvkNumber: column.text,
  grantedAt: column.moment,
  grantedByName: column.text.nullable(),
}) satisfies RowSchema<MandateLine>;
const idRow = row({ id: column.text });
const mailAddressRow = row({ email: column.text, name: column.text }) satisfies RowSchema<MailAddress>;

const officeColumns = sql`o.id, o.name, o.kvk_number AS "kvkNumber"`;

export async function insertOffice(db: Db, facts: OfficeFacts, createdBy: string | null): Promise<string> {
  const inserted = firstRowOf(
    idRow,
    await db.execute(
      sql`INSERT INTO administration_offices (name, kvk_number, created_by) VALUES (${facts.name}, ${facts.kvkNumber}, ${createdBy}) RETURNING id`,
    ),
  );
  return inserted!.id;
}

export async function kvkNumberTaken(db: Db, kvkNumber: string): Promise<boolean> {
  return hasRows(await db.execute(sql`SELECT 1 FROM administration_offices WHERE kvk_number = ${kvkNumber}`));
}

export async function findOffice(db: Db, id: string): Promise<Office | undefined> {
  return firstRowOf(officeRow, await db.execute(sql`SELECT ${officeColumns} FROM administration_offices o WHERE o.id = ${id}`));
}

/** Every office, by name, with how many boards authorise it now: for register staff. */
export async function listOffices(db: Db): Promise<OfficeLine[]> {
  return rowsOf(
    officeLineRow,
    await db.execute(sql`SELECT ${officeColumns},
      (SELECT count(*) FROM office_mandates m WHERE m.office_id = o.id AND m.withdrawn_at IS NULL) AS boards
    FROM administration_offices o ORDER BY lower(o.name), o.kvk_number`),
  );
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Offices whose name holds every term, or whose KvK number is the one term; all of them (to `limit`) without terms. */
export async function searchOffices(db: Db, boardId: string, terms: string[], limit: number): Promise<OfficeChoice[]> {
  const byName = terms.map((term) => sql`lower(o.name) LIKE ${`%${escapeLike(term)}%`}`);
  const matches = terms.length === 0 ? sql`true` : sql`(${sql.join(byName, sql` AND `)}) OR o.kvk_number = ${terms.join('')}`;
  return rowsOf(
    officeChoiceRow,
    await db.execute(sql`SELECT ${officeColumns},
      EXISTS (SELECT 1 FROM office_mandates m WHERE m.office_id = o.id AND m.board_id = ${boardId} AND m.withdrawn_at IS NULL) AS authorised
    FROM administration_offices o WHERE ${matches} ORDER BY lower(o.name), o.kvk_number LIMIT ${limit}`),
  );
}

function mandatesSql(where: SQL, page?: { offset: number; limit: number }): SQL {
  const paging = page ? sql` LIMIT ${page.limit} OFFSET ${page.offset}` : sql``;
  return sql`SELECT m.id, m.board_id AS "boardId", b.number AS "boardNumber", coalesce(b.name, 'Bevoegd gezag ' || b.number) AS "boardName",
      o.id AS "officeId", o.name AS "officeName", o.kvk_number AS "kvkNumber", m.granted_at AS "grantedAt", a.display_name AS "grantedByName"
    FROM office_mandates m JOIN boards b ON b.id = m.board_id JOIN administration_offices o ON o.id = m.office_id
      LEFT JOIN accounts a ON a.id = m.granted_by
    WHERE m.withdrawn_at IS NULL AND ${where}
    ORDER BY lower(o.name), b.number, m.id${paging}`;
}

export type MandateScope = { boardId: string } | { officeId: string };

const scopeSql = (scope: MandateScope) => ('boardId' in scope ? sql`m.board_id = ${scope.boardId}` : sql`m.office_id = ${scope.officeId}`);

/** The live machtigingen of a board (the offices that deliver for it) or of an office (the boards it delivers for). */
export async function listMandates(db: Db, scope: MandateScope, page?: { offset: number; limit: number }): Promise<MandateLine[]> {
  return rowsOf(mandateLineRow, await db.execute(mandatesSql(scopeSql(scope), page)));
}

export async function countMandates(db: Db, scope: MandateScope): Promise<number> {
  return countOf(await db.execute(sql`SELECT count(*) AS n FROM office_mandates m WHERE m.withdrawn_at IS NULL AND ${scopeSql(scope)}`));
}

/** The administratiekantoren register staff keep. */
export async function countOffices(db: Db): Promise<number> {
  return countOf(await db.execute(sql`SELECT count(*) AS n FROM administration_offices`));
}

export async function findMandate(db: Db, boardId: string, officeId: string): Promise<MandateLine | undefined> {
  return firstRowOf(mandateLineRow, await db.execute(mandatesSql(sql`m.board_id = ${boardId} AND m.office_id = ${officeId}`)));
}

/** A new machtiging; undefined when the board authorises the office already (the partial unique index decides). */
export async function insertMandate(db: Db, input: { boardId: string; officeId: string; grantedBy: string; now: Date }): Promise<string | undefined> {
  return firstRowOf(
    idRow,
    await db.execute(sql`INSERT INTO office_mandates (board_id, office_id, granted_by, granted_at)
      VALUES (${input.boardId}, ${input.officeId}, ${input.grantedBy}, ${input.now.toISOString()})
      ON CONFLICT (board_id, office_id) WHERE withdrawn_at IS NULL DO NOTHING RETURNING id`),
  )?.id;
}

/** Ends the live machtiging; undefined when there was none (withdrawn meanwhile). */
export async function withdrawMandate(db: Db, input: { boardId: string; officeId: string; withdrawnBy: string; now: Date }): Promise<string | undefined> {
  return firstRowOf(
    idRow,
    await db.execute(sql`UPDATE office_mandates SET withdrawn_at = ${input.now.toISOString()}, withdrawn_by = ${input.withdrawnBy}
      WHERE board_id = ${input.boardId} AND office_id = ${input.officeId} AND withdrawn_at IS NULL RETURNING id`),
  )?.id;
}

/** The office's admins, who are told when a board authorises the office or withdraws that. */
export async function listOfficeAdminAddresses(db: Db, officeId: string): Promise<MailAddress[]> {
  return rowsOf(
    mailAddressRow,
    await db.execute(sql`SELECT DISTINCT a.email, a.display_name AS name
    FROM memberships m JOIN accounts a ON a.id = m.account_id
    WHERE m.organisation_kind = 'administratiekantoor' AND m.organisation_id = ${officeId} AND m.role = 'office-admin' AND m.revoked_at IS NULL
    ORDER BY a.email`),
  );
}

const createdOfficeRow = row({ name: column.text, kvkNumber: column.text, createdAt: column.moment });
const handledMandateRow = row({
  board: column.text,
  office: column.text,
  grantedAt: column.moment,
  grantedByYou: column.boolean,
  withdrawnAt: column.moment.nullable(),
  withdrawnByYou: column.boolean,
});

/** The offices this account added (as register staff) and the machtigingen it gave or withdrew (as a board admin): their work. */
export async function listOfficeWorkOf(db: Db, accountId: string) {
  const [offices, mandates] = await Promise.all([
    db.execute(
      sql`SELECT name, kvk_number AS "kvkNumber", created_at AS "createdAt" FROM administration_offices WHERE created_by = ${accountId} ORDER BY created_at`,
    ),
    db.execute(sql`SELECT coalesce(b.name, 'Bevoegd gezag ' || b.number) AS board, o.name AS office, m.granted_at AS "grantedAt",
      m.granted_by IS NOT DISTINCT FROM ${accountId}::uuid AS "grantedByYou", m.withdrawn_at AS "withdrawnAt",
      m.withdrawn_by IS NOT DISTINCT FROM ${accountId}::uuid AS "withdrawnByYou"
    FROM office_mandates m JOIN boards b ON b.id = m.board_id JOIN administration_offices o ON o.id = m.office_id
    WHERE m.granted_by = ${accountId} OR m.withdrawn_by = ${accountId} ORDER BY m.granted_at`),
  ]);
  return { offices: rowsOf(createdOfficeRow, offices), mandates: rowsOf(handledMandateRow, mandates) };
}
