import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import type { FrameworkItem, FrameworkVersionInput } from './framework.rules.ts';
import { uncheckedRowsOf } from '../../db/rows.ts';

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

const columns = sql`id, version, professional_standard AS "professionalStandard", competencies, themes, note, created_by_label AS "createdByLabel", created_at AS "createdAt"`;
const asVersion = (v: FrameworkVersion): FrameworkVersion => ({ ...v, createdAt: new Date(v.createdAt) });

/** The newest version; migration 0017 seeds version 1, so there always is one. */
export async function currentVersion(db: Db): Promise<FrameworkVersion> {
  const [row] = uncheckedRowsOf<FrameworkVersion>(await db.execute(sql`SELECT ${columns} FROM framework_versions ORDER BY version DESC LIMIT 1`));
  if (!row) throw new Error('framework_versions is empty: migration 0017 seeds version 1');
  return asVersion(row);
}

export async function findVersion(db: Db, version: number): Promise<FrameworkVersion | undefined> {
  const [row] = uncheckedRowsOf<FrameworkVersion>(await db.execute(sql`SELECT ${columns} FROM framework_versions WHERE version = ${version}`));
  return row ? asVersion(row) : undefined;
}

/** Every version, newest first, without its contents. */
export async function listVersions(db: Db): Promise<FrameworkVersionSummary[]> {
  const rows = uncheckedRowsOf<FrameworkVersionSummary>(
    await db.execute(sql`SELECT version, note, created_by_label AS "createdByLabel", created_at AS "createdAt"
    FROM framework_versions ORDER BY version DESC`),
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

/** Adds the version after `after`; null when another one was added since (two people at once). */
export async function insertVersion(tx: Db, after: number, input: FrameworkVersionInput, byLabel: string, now: Date): Promise<number | null> {
  const rows = uncheckedRowsOf<{ version: number }>(
    await tx.execute(sql`INSERT INTO framework_versions
      (id, version, professional_standard, competencies, themes, note, created_by_label, created_at)
    SELECT ${uuidV7()}, ${after + 1}, ${input.professionalStandard}, ${JSON.stringify(input.competencies)}::jsonb, ${JSON.stringify(input.themes)}::jsonb,
      ${input.note}, ${byLabel}, ${now.toISOString()}
    WHERE NOT EXISTS (SELECT 1 FROM framework_versions WHERE version > ${after})
    ON CONFLICT (version) DO NOTHING
    RETURNING version`),
  );
  return rows[0]?.version ?? null;
}
