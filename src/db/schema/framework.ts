import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export type FrameworkItem = { code: string; name: string; description?: string };

/**
 * The reference framework as of one version: the beroepsstandaard, the basiscompetenties and the
 * professionaliseringsthema's. Never changed: register staff make a new version; activities and
 * offerings keep the names they were given.
 */
export const frameworkVersions = pgTable(
  'framework_versions',
  {
    id: uuid('id').primaryKey(),
    version: integer('version').notNull(),
    /** the beroepsstandaard: a short text and where to read it in full */
    professionalStandard: text('professional_standard').notNull(),
    competencies: jsonb('competencies').$type<FrameworkItem[]>().notNull(),
    themes: jsonb('themes').$type<FrameworkItem[]>().notNull(),
    note: text('note').notNull(),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('framework_versions_version').on(t.version)],
);
