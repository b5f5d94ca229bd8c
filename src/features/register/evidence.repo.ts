import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { evidenceKinds, type EvidenceFacts } from './evidence.rules.ts';
import { column, firstRowOf, row, rowsOf, type RowSchema } from '../../db/rows.ts';

export type Evidence = EvidenceFacts & { id: string; personId: string; fileName: string; mediaType: string; byteSize: number; createdAt: Date };

const columns = sql`f.id, f.person_id AS "personId", f.kind, f.title, f.issuer, f.issued_on::text AS "issuedOn", f.file_name AS "fileName",
  f.media_type AS "mediaType", f.byte_size AS "byteSize", f.created_at AS "createdAt"`;
const evidenceRow = row({
  id: column.text,
  personId: column.text,
  kind: column.oneOf(evidenceKinds),
  title: column.text,
  issuer: column.text,
  issuedOn: column.day,
  fileName: column.text,
  mediaType: column.text,
  byteSize: column.integer,
  createdAt: column.moment,
}) satisfies RowSchema<Evidence>;

export async function insertEvidence(
  tx: Db,
  e: EvidenceFacts & { id: string; personId: string; fileName: string; mediaType: string; byteSize: number; sha256: string; now: Date },
): Promise<void> {
  await tx.execute(sql`INSERT INTO evidence_files (id, person_id, kind, title, issuer, issued_on, file_name, media_type, byte_size, sha256, created_at)
    VALUES (${e.id}, ${e.personId}, ${e.kind}, ${e.title}, ${e.issuer}, ${e.issuedOn}, ${e.fileName}, ${e.mediaType}, ${e.byteSize}, ${e.sha256}, ${e.now.toISOString()})`);
}

/** The evidence of the person linked to this account, newest first. */
export async function listEvidenceOfAccount(db: Db, accountId: string): Promise<Evidence[]> {
  return rowsOf(
    evidenceRow,
    await db.execute(sql`SELECT ${columns} FROM evidence_files f JOIN persons p ON p.id = f.person_id
    WHERE p.account_id = ${accountId} AND p.merged_into IS NULL ORDER BY f.issued_on DESC, f.created_at DESC`),
  );
}

/** One piece of evidence, only when it is of the person linked to this account. */
export async function findEvidenceOfAccount(db: Db, accountId: string, id: string): Promise<Evidence | undefined> {
  return firstRowOf(
    evidenceRow,
    await db.execute(sql`SELECT ${columns} FROM evidence_files f JOIN persons p ON p.id = f.person_id
    WHERE f.id = ${id} AND p.account_id = ${accountId} AND p.merged_into IS NULL`),
  );
}

export async function findEvidence(db: Db, id: string): Promise<Evidence | undefined> {
  return firstRowOf(evidenceRow, await db.execute(sql`SELECT ${columns} FROM evidence_files f WHERE f.id = ${id}`));
}
