import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { column, firstRowOf, row, rowsOf, type RowSchema } from '../../db/rows.ts';
import { arrayLiteral } from '../../db/array-literal.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { linkCodeKinds, type LinkCodeKind } from './person-link-code.rules.ts';
import { linkPersonToAccount } from './person-link.repo.ts';

/** A code as its holder may see it before using it: whose data it opens (the delivered name and board), and whether it still works. */
export type LinkCode = {
  id: string;
  kind: LinkCodeKind;
  personId: string;
  personName: string;
  boardNames: string;
  /** the account the person is linked to already, if any */
  linkedAccountId: string | null;
  /** the person's BSN hash, to compare with one an issuer vouched for (never shown) */
  personBsnHash: string | null;
  expiresAt: Date;
  usedAt: Date | null;
};

const linkCodeRow = row({
  id: column.text,
  kind: column.oneOf(linkCodeKinds),
  personId: column.text,
  personName: column.text,
  boardNames: column.text,
  linkedAccountId: column.text.nullable(),
  personBsnHash: column.text.nullable(),
  expiresAt: column.moment,
  usedAt: column.moment.nullable(),
}) satisfies RowSchema<LinkCode>;

/** The code with this hash, of a person who is still a person (not merged away); undefined when there is none. */
export async function findLinkCode(db: Db, codeHash: string): Promise<LinkCode | undefined> {
  return firstRowOf(
    linkCodeRow,
    await db.execute(sql`SELECT c.id, c.kind, c.person_id AS "personId", concat_ws(' ', p.initials, p.prefix, p.surname) AS "personName",
      coalesce((SELECT string_agg(DISTINCT coalesce(b.name, 'Bevoegd gezag ' || b.number), ', ')
        FROM employments e JOIN boards b ON b.id = e.board_id WHERE e.person_id = p.id), '') AS "boardNames",
      p.account_id AS "linkedAccountId", p.bsn_hash AS "personBsnHash", c.expires_at AS "expiresAt", c.used_at AS "usedAt"
    FROM person_link_codes c JOIN persons p ON p.id = c.person_id
    WHERE c.code_hash = ${codeHash} AND p.merged_into IS NULL`),
  );
}

/** New codes, one a person (their hashes given), all of one kind. */
export async function insertLinkCodes(
  tx: Db,
  codes: { personId: string; codeHash: string }[],
  kind: LinkCodeKind,
  expiresAt: Date,
  issuedBy: string | null,
  now: Date,
): Promise<void> {
  if (codes.length === 0) return;
  await tx.execute(sql`INSERT INTO person_link_codes (id, person_id, kind, code_hash, expires_at, issued_by, created_at)
    SELECT c.id, c.person_id, ${kind}, c.code_hash, ${expiresAt.toISOString()}, ${issuedBy}, ${now.toISOString()}
    FROM unnest(${arrayLiteral(codes.map(() => uuidV7()))}::uuid[], ${arrayLiteral(codes.map((c) => c.personId))}::uuid[],
      ${arrayLiteral(codes.map((c) => c.codeHash))}::text[]) AS c(id, person_id, code_hash)`);
}

/** Ends the person's unused codes of this kind: a new activation letter replaces the one before. */
export async function expireUnusedCodes(tx: Db, personId: string, kind: LinkCodeKind, now: Date): Promise<void> {
  await tx.execute(sql`UPDATE person_link_codes SET expires_at = ${now.toISOString()}
    WHERE person_id = ${personId} AND kind = ${kind} AND used_at IS NULL AND expires_at > ${now.toISOString()}`);
}

/**
 * Uses the code and links its person to the account, in one step that only succeeds while the code is
 * unused and unexpired, the person has no account and the account has no person (linkPersonToAccount);
 * false otherwise.
 */
export async function useCodeAndLink(tx: Db, codeId: string, accountId: string, now: Date): Promise<boolean> {
  const used = firstRowOf(
    row({ personId: column.text }),
    await tx.execute(sql`UPDATE person_link_codes SET used_at = ${now.toISOString()}, used_by = ${accountId}
    WHERE id = ${codeId} AND used_at IS NULL AND expires_at > ${now.toISOString()}
    RETURNING person_id AS "personId"`),
  );
  if (!used) return false;
  return linkPersonToAccount(tx, used.personId, accountId, now);
}

export type IssuedCode = { kind: LinkCodeKind; createdAt: Date; expiresAt: Date; usedAt: Date | null };

/** The codes issued for a person, newest first (for the AVG download). */
const issuedCodeRow = row({ kind: column.oneOf(linkCodeKinds), createdAt: column.moment, expiresAt: column.moment, usedAt: column.moment.nullable() });

/** The codes issued for a person, newest first (for the AVG download). */
export async function listCodesOfPerson(db: Db, personId: string): Promise<IssuedCode[]> {
  return rowsOf(
    issuedCodeRow,
    await db.execute(sql`SELECT kind, created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt"
    FROM person_link_codes WHERE person_id = ${personId} ORDER BY created_at DESC, id DESC`),
  );
}

export type StaffPerson = { personId: string; personName: string; linked: boolean };

const staffPersonRow = row({ personId: column.text, personName: column.text, linked: column.boolean }) satisfies RowSchema<StaffPerson>;

/** A person the board delivered an employment for, and whether an account has their record; undefined for anybody else. */
export async function findStaffPerson(db: Db, boardId: string, personId: string): Promise<StaffPerson | undefined> {
  return firstRowOf(
    staffPersonRow,
    await db.execute(sql`SELECT p.id AS "personId", concat_ws(' ', p.initials, p.prefix, p.surname) AS "personName", p.account_id IS NOT NULL AS linked
    FROM persons p
    WHERE p.id = ${personId} AND p.merged_into IS NULL AND EXISTS (SELECT 1 FROM employments e WHERE e.person_id = p.id AND e.board_id = ${boardId})`),
  );
}
