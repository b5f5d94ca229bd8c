import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { column, firstRowOf, row, rowsOf, type RowSchema } from '../../db/rows.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import type { QualityFrameworkInput, QualityGuarantee } from './quality-framework.rules.ts';

export type QualityFrameworkVersion = {
  id: string;
  version: number;
  title: string;
  guarantees: QualityGuarantee[];
  note: string;
  createdByLabel: string;
  createdAt: Date;
};

export type QualityFrameworkSummary = Pick<QualityFrameworkVersion, 'version' | 'title' | 'note' | 'createdByLabel' | 'createdAt'>;

const guaranteesColumn = column.json(
  z.array(
    row({
      code: column.text,
      name: column.text,
      characteristics: z.array(row({ code: column.text, text: column.text })),
    }) satisfies RowSchema<QualityGuarantee>,
  ),
);

const versionRow = row({
  id: column.text,
  version: column.integer,
  title: column.text,
  guarantees: guaranteesColumn,
  note: column.text,
  createdByLabel: column.text,
  createdAt: column.moment,
}) satisfies RowSchema<QualityFrameworkVersion>;

const summaryRow = row({
  version: column.integer,
  title: column.text,
  note: column.text,
  createdByLabel: column.text,
  createdAt: column.moment,
}) satisfies RowSchema<QualityFrameworkSummary>;

const numberRow = row({ version: column.integer });

const columns = sql`id, version, title, guarantees, note, created_by_label AS "createdByLabel", created_at AS "createdAt"`;

/** The newest version; none before staff (or the demo) set the first one. */
export async function currentVersion(db: Db): Promise<QualityFrameworkVersion | undefined> {
  return firstRowOf(versionRow, await db.execute(sql`SELECT ${columns} FROM quality_framework_versions ORDER BY version DESC LIMIT 1`));
}

export async function findVersion(db: Db, version: number): Promise<QualityFrameworkVersion | undefined> {
  return firstRowOf(versionRow, await db.execute(sql`SELECT ${columns} FROM quality_framework_versions WHERE version = ${version}`));
}

/** Every version, newest first, without its contents. */
export async function listVersions(db: Db): Promise<QualityFrameworkSummary[]> {
  return rowsOf(
    summaryRow,
    await db.execute(sql`SELECT version, title, note, created_by_label AS "createdByLabel", created_at AS "createdAt"
    FROM quality_framework_versions ORDER BY version DESC`),
  );
}

/** Adds the version after `after` (0: the first); null when another one was added since (two people at once). */
export async function insertVersion(tx: Db, after: number, input: QualityFrameworkInput, byLabel: string, now: Date): Promise<number | null> {
  const added = firstRowOf(
    numberRow,
    await tx.execute(sql`INSERT INTO quality_framework_versions (id, version, title, guarantees, note, created_by_label, created_at)
    SELECT ${uuidV7()}, ${after + 1}, ${input.title}, ${JSON.stringify(input.guarantees)}::jsonb, ${input.note}, ${byLabel}, ${now.toISOString()}
    WHERE NOT EXISTS (SELECT 1 FROM quality_framework_versions WHERE version > ${after})
    ON CONFLICT (version) DO NOTHING
    RETURNING version`),
  );
  return added?.version ?? null;
}
