import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** One kenmerk of basiskwaliteit of a waarborg; `code` is "W1.1" within its version. */
export type QualityCharacteristic = { code: string; text: string };
/** One waarborg with its kenmerken; `code` is "W1" within its version. */
export type QualityGuarantee = { code: string; name: string; characteristics: QualityCharacteristic[] };

/**
 * The Kwaliteitskader Samen Opleiden & Inductie as of one version: its waarborgen, each with its kenmerken of
 * basiskwaliteit. Never changed: register staff make a new version (decision 032). Self-evaluations and panel
 * judgements will point at a waarborg or kenmerk as (version, code).
 */
export const qualityFrameworkVersions = pgTable(
  'quality_framework_versions',
  {
    id: uuid('id').primaryKey(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    guarantees: jsonb('guarantees').$type<QualityGuarantee[]>().notNull(),
    note: text('note').notNull(),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('quality_framework_versions_version').on(t.version)],
);
