import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import type { FrameworkItem, FrameworkVersionInput } from './framework.rules.ts';
import { column, firstRowOf, row, rowsOf, type RowSchema } from '../../db/rows.ts';

export type FrameworkVersion = {
  id: string;
  version: number;
  professionalStandard: string;
  competencies: FrameworkItem[];
  themes: FrameworkItem[];
  note: string;
  createdByLabel: string;
  createdAt: Date;
};

export type FrameworkVersionSummary = Pick<FrameworkVersion, 'version' | 'note' | 'createdByLabel' | 'createdAt'>;

const frameworkItems = column.json(
  z.array(row({ code: column.text, name: column.text, description: column.text.optional() }) satisfies RowSchema<FrameworkItem>),
);

const frameworkVersionRow = row({
  id: column.text,
  version: column.integer,
  professionalStandard: column.text,
  competencies: frameworkItems,
  themes: frameworkItems,
  note: column.text,
  createdByLabel: column.text,
  createdAt: column.moment,
}) satisfies RowSchema<FrameworkVersion>;

const frameworkVersionSummaryRow = row({
  version: column.integer,
  note: column.text,
  createdByLabel: column.text,
  createdAt: column.moment,
}) satisfies RowSchema<FrameworkVersionSummary>;

const versionRow = row({ version: column.integer });

const columns = sql`id, version, professional_standard AS "professionalStandard", competencies, themes, note, created_by_label AS "createdByLabel", created_at AS "createdAt"`;

/** The newest version; migration 0017 seeds version 1, so there always is one. */
export async function currentVersion(db: Db): Promise<FrameworkVersion> {
  const current = firstRowOf(frameworkVersionRow, await db.execute(sql`SELECT ${columns} FROM framework_versions ORDER BY version DESC LIMIT 1`));
  if (!current) throw new Error('framework_versions is empty: migration 0017 seeds version 1');
  return current;
}

/** The newest version's number (the register office's start card). */
export async function currentVersionNumber(db: Db): Promise<number> {
  return firstRowOf(versionRow, await db.execute(sql`SELECT coalesce(max(version), 0) AS version FROM framework_versions`))?.version ?? 0;
}

export async function findVersion(db: Db, version: number): Promise<FrameworkVersion | undefined> {
  return firstRowOf(frameworkVersionRow, await db.execute(sql`SELECT ${columns} FROM framework_versions WHERE version = ${version}`));
}

/** Every version, newest first, without its contents. */
export async function listVersions(db: Db): Promise<FrameworkVersionSummary[]> {
  return rowsOf(
    frameworkVersionSummaryRow,
    await db.execute(sql`SELECT version, note, created_by_label AS "createdByLabel", created_at AS "createdAt"
    FROM framework_versions ORDER BY version DESC`),
  );
}

/** Adds the version after `after`; null when another one was added since (two people at once). */
export async function insertVersion(tx: Db, after: number, input: FrameworkVersionInput, byLabel: string, now: Date): Promise<number | null> {
  const added = firstRowOf(
    versionRow,
    await tx.execute(sql`INSERT INTO framework_versions
      (id, version, professional_standard, competencies, themes, note, created_by_label, created_at)
    SELECT ${uuidV7()}, ${after + 1}, ${input.professionalStandard}, ${JSON.stringify(input.competencies)}::jsonb, ${JSON.stringify(input.themes)}::jsonb,
      ${input.note}, ${byLabel}, ${now.toISOString()}
    WHERE NOT EXISTS (SELECT 1 FROM framework_versions WHERE version > ${after})
    ON CONFLICT (version) DO NOTHING
    RETURNING version`),
  );
  return added?.version ?? null;
}
