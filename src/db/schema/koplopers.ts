import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './identity.ts';
import { boards, schools } from './organisations.ts';

/** One optional activity of the estimate model: a code (from the Dutch name), its names and its hours. */
export type EstimateActivity = { code: string; name: string; nameEn: string; hours: number };

/** The estimate model's numbers: hours per factor (seed 000: the four factors that decide a koploper's effort). */
export type EstimateModel = {
  baseHours: number;
  /** for every started ten teachers */
  perTenTeachersHours: number;
  deliveryHours: { invoerscherm: number; bestand: number; koppeling: number };
  /** when the school has not yet mapped the benoemingsgrondslagen */
  grondslagenNotMappedHours: number;
  activities: EstimateActivity[];
};

/**
 * The koploper estimate model as of one version. Never changed: register staff make a new version (with a
 * note); an application keeps the version it was estimated with (`koplopers.estimate_version`).
 */
export const koploperEstimateVersions = pgTable(
  'koploper_estimate_versions',
  {
    id: uuid('id').primaryKey(),
    version: integer('version').notNull(),
    model: jsonb('model').$type<EstimateModel>().notNull(),
    note: text('note').notNull(),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('koploper_estimate_versions_version').on(t.version)],
);

/** Software suppliers (for a delivery by the supplier's link), a list register staff keep; retired, never deleted. */
export const softwareSuppliers = pgTable(
  'software_suppliers',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /** offered on the application form */
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('software_suppliers_name').on(sql`lower(${t.name})`)],
);

/** The estimate as the applicant saw it: each factor's line and the total, in hours (computed by koplopers.rules.ts). */
export type StoredEstimate = { lines: { factor: string; hours: number; params?: Record<string, string | number> }[]; totalHours: number };

/**
 * A koploper (pioneer school, seed 000): the application as sent, the estimate it got, and where it is in the
 * pipeline of six steps. One per school (instelling).
 */
export const koplopers = pgTable(
  'koplopers',
  {
    id: uuid('id').primaryKey(),
    /** the receipt's reference, random: the applicant's page of the estimate (no personal data on it) */
    reference: text('reference').notNull(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    /** the vestiging the applicant chose, when it was one */
    locationId: uuid('location_id'),
    /** the name as chosen (the school's or the vestiging's) */
    schoolName: text('school_name').notNull(),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    teachers: integer('teachers').notNull(),
    /** invoerscherm, bestand, koppeling */
    deliveryMethod: text('delivery_method').notNull(),
    supplierId: uuid('supplier_id').references(() => softwareSuppliers.id),
    grondslagenMapped: boolean('grondslagen_mapped').notNull(),
    /** codes of the estimate version's activities */
    activities: text('activities').array().notNull().default([]),
    estimateVersion: integer('estimate_version').notNull(),
    estimate: jsonb('estimate').$type<StoredEstimate>().notNull(),
    /** the applicant's language, for the mail */
    lang: text('lang').notNull().default('nl'),
    /** 1 aangemeld … 6 voltooid */
    step: smallint('step').notNull().default(1),
    stepChangedAt: timestamp('step_changed_at', { withTimezone: true }).notNull().defaultNow(),
    ownerAccountId: uuid('owner_account_id').references(() => accounts.id),
    nextDate: date('next_date', { mode: 'string' }),
    notes: text('notes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('koplopers_reference').on(t.reference),
    uniqueIndex('koplopers_school').on(t.schoolId),
    index('koplopers_step').on(t.step, t.createdAt),
    check('koplopers_step_range', sql`${t.step} BETWEEN 1 AND 6`),
  ],
);

/** The timeline of a koploper: every step, owner, date or note change, with who and when. Append-only. */
export const koploperEvents = pgTable(
  'koploper_events',
  {
    id: uuid('id').primaryKey(),
    koploperId: uuid('koploper_id')
      .notNull()
      .references(() => koplopers.id),
    /** aangemeld, stap, stap-automatisch, gegevens */
    kind: text('kind').notNull(),
    fromStep: smallint('from_step'),
    toStep: smallint('to_step'),
    /** what changed, as stored facts (owner, next date, notes) or the delivery that completed step 4 */
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    note: text('note'),
    byLabel: text('by_label').notNull(),
    byAccountId: uuid('by_account_id').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('koploper_events_koploper').on(t.koploperId, t.createdAt)],
);

/** The pipeline's one setting: from which approval share (percent) step 6 is offered. Changed in place, audited. */
export const koploperSettings = pgTable(
  'koploper_settings',
  {
    id: smallint('id').primaryKey().default(1),
    approvalThresholdPercent: smallint('approval_threshold_percent').notNull().default(90),
    updatedByLabel: text('updated_by_label'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('koploper_settings_one_row', sql`${t.id} = 1`)],
);
