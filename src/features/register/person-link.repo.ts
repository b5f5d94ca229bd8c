import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { column, firstRowOf, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { arrayLiteral } from '../../db/array-literal.ts';

/**
 * The link between an account and a person beyond the first ways in (own-record.repo, person-link-codes.repo):
 * by a BSN an OpenID Connect issuer vouched for, by register staff, and a person made from the account
 * for enrolment without a delivery (decision 021). Every link here is one person to one account, made
 * only while neither side has another.
 */

const idRow = row({ id: column.text });

export type BsnHolder = { id: string; accountId: string | null };

const bsnHolderRow = row({ id: column.text, accountId: column.text.nullable() }) satisfies RowSchema<BsnHolder>;

/** The person the register holds with this BSN hash (not merged away), and the account linked to them. */
export async function findPersonByBsnHash(db: Db, bsnHash: string): Promise<BsnHolder | undefined> {
  return firstRowOf(bsnHolderRow, await db.execute(sql`SELECT id, account_id AS "accountId" FROM persons WHERE bsn_hash = ${bsnHash} AND merged_into IS NULL`));
}

export type LinkedPerson = { id: string; bsnHash: string | null };

const linkedPersonRow = row({ id: column.text, bsnHash: column.text.nullable() }) satisfies RowSchema<LinkedPerson>;

/** The person linked to the account, with the BSN hash the register has for them. */
export async function findLinkedPerson(db: Db, accountId: string): Promise<LinkedPerson | undefined> {
  return firstRowOf(
    linkedPersonRow,
    await db.execute(sql`SELECT id, bsn_hash AS "bsnHash" FROM persons WHERE account_id = ${accountId} AND merged_into IS NULL`),
  );
}

const accountBsnRow = row({ bsnHash: column.text.nullable(), verified: column.boolean });

/** The BSN hash an issuer vouched for at the account's sign-in, and whether its address is confirmed; undefined for no account. */
export async function findAccountBsn(db: Db, accountId: string): Promise<{ bsnHash: string | null; verified: boolean } | undefined> {
  return firstRowOf(
    accountBsnRow,
    await db.execute(sql`SELECT bsn_hash AS "bsnHash", email_verified_at IS NOT NULL AS verified FROM accounts WHERE id = ${accountId}`),
  );
}

export type AccountBsnRecord = 'recorded' | 'same' | 'account-has-other' | 'on-other-account';

/**
 * Keeps the hash of the BSN the issuer vouched for on the account, once: one BSN an account, one account
 * a BSN. Says what it found when it could not: the account has another one, or another account has this one.
 */
export async function recordAccountBsn(tx: Db, accountId: string, bsnHash: string, now: Date): Promise<AccountBsnRecord> {
  const recorded = hasRows(
    await tx.execute(sql`UPDATE accounts SET bsn_hash = ${bsnHash}, updated_at = ${now.toISOString()}
    WHERE id = ${accountId} AND bsn_hash IS NULL AND NOT EXISTS (SELECT 1 FROM accounts o WHERE o.bsn_hash = ${bsnHash})
    RETURNING id`),
  );
  if (recorded) return 'recorded';
  const current = await findAccountBsn(tx, accountId);
  if (current?.bsnHash === bsnHash) return 'same';
  return current?.bsnHash ? 'account-has-other' : 'on-other-account';
}

/** Register staff unlinked these two: nothing but register staff links them again (person_link_blocks). */
const notUnlinkedByStaff = (person: SQL, account: SQL) =>
  sql`NOT EXISTS (SELECT 1 FROM person_link_blocks b WHERE b.person_id = ${person} AND b.account_id = ${account})`;

/** Whether register staff unlinked this account from this person. */
export async function isLinkBlocked(db: Db, personId: string, accountId: string): Promise<boolean> {
  return hasRows(await db.execute(sql`SELECT 1 FROM person_link_blocks WHERE person_id = ${personId} AND account_id = ${accountId}`));
}

/**
 * Links the person to the account, only while the person has no account, the account no person, the
 * BSN the account was vouched for (if any) is not another than the person's, and register staff did
 * not unlink the two (`byStaff`: they link them now, and that ends the block); false otherwise. The
 * enrolment's own account follows.
 */
export async function linkPersonToAccount(tx: Db, personId: string, accountId: string, now: Date, byStaff = false): Promise<boolean> {
  const linked = hasRows(
    await tx.execute(sql`UPDATE persons p SET account_id = ${accountId}, updated_at = ${now.toISOString()}
    FROM accounts a
    WHERE p.id = ${personId} AND a.id = ${accountId} AND p.account_id IS NULL AND p.merged_into IS NULL
      AND (a.bsn_hash IS NULL OR p.bsn_hash IS NULL OR a.bsn_hash = p.bsn_hash)
      AND NOT EXISTS (SELECT 1 FROM persons q WHERE q.account_id = ${accountId})
      AND (${byStaff} OR ${notUnlinkedByStaff(sql`p.id`, sql`a.id`)})
    RETURNING p.id`),
  );
  if (!linked) return false;
  if (byStaff) await tx.execute(sql`DELETE FROM person_link_blocks WHERE person_id = ${personId} AND account_id = ${accountId}`);
  await enrolmentFollowsLink(tx, personId);
  return true;
}

/**
 * Ends the person's link with this account (register staff); false when it was not linked to it. No
 * automatic way links the two again. The enrolment's own account follows.
 */
export async function unlinkPerson(tx: Db, personId: string, accountId: string, by: string, now: Date): Promise<boolean> {
  const unlinked = hasRows(
    await tx.execute(sql`UPDATE persons SET account_id = NULL, updated_at = ${now.toISOString()}
    WHERE id = ${personId} AND account_id = ${accountId} RETURNING id`),
  );
  if (!unlinked) return false;
  await tx.execute(sql`INSERT INTO person_link_blocks (person_id, account_id, created_by, created_at)
    VALUES (${personId}, ${accountId}, ${by}, ${now.toISOString()}) ON CONFLICT (person_id, account_id) DO NOTHING`);
  await enrolmentFollowsLink(tx, personId);
  return true;
}

/** The enrolment's own account is the person's: after every link and unlink (decision 021). */
export async function enrolmentFollowsLink(tx: Db, personId: string): Promise<void> {
  await tx.execute(sql`UPDATE enrolments n SET account_id = p.account_id FROM persons p
    WHERE p.id = n.person_id AND n.person_id = ${personId} AND n.account_id IS DISTINCT FROM p.account_id`);
}

/**
 * Links the person that has the BSN the account was vouched for, when neither has another link; the
 * person's id, or undefined. What the sign-in does, and opening Mijn register, before the address.
 */
export async function linkByAccountBsn(tx: Db, accountId: string, now: Date): Promise<string | undefined> {
  const linked = firstRowOf(
    idRow,
    await tx.execute(sql`UPDATE persons p SET account_id = a.id, updated_at = ${now.toISOString()}
    FROM accounts a
    WHERE a.id = ${accountId} AND a.bsn_hash IS NOT NULL AND p.bsn_hash = a.bsn_hash AND p.account_id IS NULL AND p.merged_into IS NULL
      AND NOT EXISTS (SELECT 1 FROM persons q WHERE q.account_id = a.id) AND ${notUnlinkedByStaff(sql`p.id`, sql`a.id`)}
    RETURNING p.id`),
  )?.id;
  if (linked) await enrolmentFollowsLink(tx, linked);
  return linked;
}

/** Gives the person the BSN an issuer vouched for, when they have none and nobody else has it; false otherwise. */
export async function addBsnToPerson(tx: Db, personId: string, bsn: { hash: string; sealed: string }, now: Date): Promise<boolean> {
  return hasRows(
    await tx.execute(sql`UPDATE persons SET bsn_hash = ${bsn.hash}, bsn_sealed = ${bsn.sealed}, updated_at = ${now.toISOString()}
    WHERE id = ${personId} AND bsn_hash IS NULL AND NOT EXISTS (SELECT 1 FROM persons o WHERE o.bsn_hash = ${bsn.hash})
    RETURNING id`),
  );
}

/**
 * A possible duplicate for register staff (never merged without them): `personId` would go into
 * `candidateId`. Nothing when the pair, either way round, is already a task.
 */
export async function fileDuplicateCandidate(tx: Db, personId: string, candidateId: string, reason: string, now: Date): Promise<boolean> {
  return hasRows(
    await tx.execute(sql`INSERT INTO duplicate_candidates (id, person_id, candidate_id, reason, created_at)
    SELECT ${uuidV7()}, ${personId}, ${candidateId}, ${reason}, ${now.toISOString()}
    WHERE NOT EXISTS (SELECT 1 FROM duplicate_candidates d
      WHERE (d.person_id = ${personId} AND d.candidate_id = ${candidateId}) OR (d.person_id = ${candidateId} AND d.candidate_id = ${personId}))
    RETURNING id`),
  );
}

export type OwnPerson = { initials: string; prefix: string | null; surname: string; birthDate: string };

/**
 * A person made from the account, as the professional gave their name and birth date (enrolment without
 * a delivery), linked to it, with the BSN hash the account was vouched for when nobody has that yet.
 * Their history starts with what they gave.
 */
export async function insertOwnPerson(tx: Db, accountId: string, person: OwnPerson, byLabel: string, now: Date): Promise<string> {
  const id = uuidV7();
  const at = now.toISOString();
  await tx.execute(sql`INSERT INTO persons (id, bsn_hash, initials, prefix, surname, birth_date, account_id, created_at, updated_at)
    SELECT ${id}, CASE WHEN NOT EXISTS (SELECT 1 FROM persons o WHERE o.bsn_hash = a.bsn_hash) THEN a.bsn_hash END,
      ${person.initials}, ${person.prefix}, ${person.surname}, ${person.birthDate}, a.id, ${at}, ${at}
    FROM accounts a WHERE a.id = ${accountId}`);
  await tx.execute(sql`INSERT INTO person_history (id, person_id, kind, changes, by_label, created_at)
    VALUES (${uuidV7()}, ${id}, 'zelf-opgegeven', ${JSON.stringify({
      voorletters: [null, person.initials],
      tussenvoegsel: [null, person.prefix],
      achternaam: [null, person.surname],
      geboortedatum: [null, person.birthDate],
    })}::jsonb, ${byLabel}, ${at})`);
  return id;
}

/** Others the register knows with the same surname and birth date: possible duplicates of this person. */
export async function findLookAlikes(db: Db, personId: string): Promise<string[]> {
  return rowsOf(
    idRow,
    await db.execute(sql`SELECT o.id FROM persons p JOIN persons o ON o.birth_date = p.birth_date AND lower(o.surname) = lower(p.surname)
    WHERE p.id = ${personId} AND o.id <> p.id AND o.merged_into IS NULL ORDER BY o.id`),
  ).map((r) => r.id);
}

const linkBlockRow = row({ about: column.oneOf(['account', 'person'] as const), createdAt: column.moment });

/**
 * Where register staff unlinked this account from a person, or another account from these persons: only
 * which side and when (the other side is someone else's data), for the AVG download.
 */
export async function listLinkBlocksAbout(db: Db, accountId: string, personIds: string[]) {
  return rowsOf(
    linkBlockRow,
    await db.execute(sql`SELECT CASE WHEN b.account_id = ${accountId} THEN 'account' ELSE 'person' END AS about, b.created_at AS "createdAt"
    FROM person_link_blocks b
    WHERE b.account_id = ${accountId} OR b.person_id = ANY(${arrayLiteral(personIds)}::uuid[]) ORDER BY b.created_at`),
  );
}
