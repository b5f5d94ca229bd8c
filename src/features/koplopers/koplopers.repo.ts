import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { arrayLiteral } from '../../db/array-literal.ts';
import { column, countOf, firstRowOf, row, rowsOf, type RowSchema } from '../../db/rows.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { deliveryMethods, type EstimateModel, type PipelineStep, type StoredEstimate } from './koplopers.rules.ts';

// ─── the estimate model, in versions ────────────────────────────────────────────────────────────

export type EstimateVersion = { id: string; version: number; model: EstimateModel; note: string; createdByLabel: string; createdAt: Date };
export type EstimateVersionSummary = Omit<EstimateVersion, 'id' | 'model'>;

const hours = z.number().min(0);
const modelColumn = column.json(
  z.object({
    baseHours: hours,
    perTenTeachersHours: hours,
    deliveryHours: z.object({ invoerscherm: hours, bestand: hours, koppeling: hours }),
    grondslagenNotMappedHours: hours,
    activities: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), hours })),
  }) satisfies RowSchema<EstimateModel>,
);

const estimateVersionRow = row({
  id: column.text,
  version: column.integer,
  model: modelColumn,
  note: column.text,
  createdByLabel: column.text,
  createdAt: column.moment,
}) satisfies RowSchema<EstimateVersion>;

const estimateVersionSummaryRow = row({
  version: column.integer,
  note: column.text,
  createdByLabel: column.text,
  createdAt: column.moment,
}) satisfies RowSchema<EstimateVersionSummary>;

const versionColumns = sql`id, version, model, note, created_by_label AS "createdByLabel", created_at AS "createdAt"`;

/** The newest version; migration 0028 seeds version 1, so there always is one. */
export async function currentEstimateVersion(db: Db): Promise<EstimateVersion> {
  const current = firstRowOf(estimateVersionRow, await db.execute(sql`SELECT ${versionColumns} FROM koploper_estimate_versions ORDER BY version DESC LIMIT 1`));
  if (!current) throw new Error('koploper_estimate_versions is empty: migration 0028 seeds version 1');
  return current;
}

export async function findEstimateVersion(db: Db, version: number): Promise<EstimateVersion | undefined> {
  return firstRowOf(estimateVersionRow, await db.execute(sql`SELECT ${versionColumns} FROM koploper_estimate_versions WHERE version = ${version}`));
}

export async function listEstimateVersions(db: Db): Promise<EstimateVersionSummary[]> {
  return rowsOf(
    estimateVersionSummaryRow,
    await db.execute(
      sql`SELECT version, note, created_by_label AS "createdByLabel", created_at AS "createdAt" FROM koploper_estimate_versions ORDER BY version DESC`,
    ),
  );
}

/** Adds the version after `after`; null when another one was added since (two people at once). */
export async function insertEstimateVersion(tx: Db, after: number, model: EstimateModel, note: string, byLabel: string, now: Date): Promise<number | null> {
  const added = firstRowOf(
    row({ version: column.integer }),
    await tx.execute(sql`INSERT INTO koploper_estimate_versions (id, version, model, note, created_by_label, created_at)
    SELECT ${uuidV7()}, ${after + 1}, ${JSON.stringify(model)}::jsonb, ${note}, ${byLabel}, ${now.toISOString()}
    WHERE NOT EXISTS (SELECT 1 FROM koploper_estimate_versions WHERE version > ${after})
    ON CONFLICT (version) DO NOTHING
    RETURNING version`),
  );
  return added?.version ?? null;
}

// ─── software suppliers ─────────────────────────────────────────────────────────────────────────

export type Supplier = { id: string; name: string; contactName: string | null; contactEmail: string | null; contactPhone: string | null; active: boolean };
export type SupplierInput = Omit<Supplier, 'id'>;

const supplierRow = row({
  id: column.text,
  name: column.text,
  contactName: column.text.nullable(),
  contactEmail: column.text.nullable(),
  contactPhone: column.text.nullable(),
  active: column.boolean,
}) satisfies RowSchema<Supplier>;

const supplierColumns = sql`id, name, contact_name AS "contactName", contact_email AS "contactEmail", contact_phone AS "contactPhone", active`;

export async function listSuppliers(db: Db, onlyActive: boolean): Promise<Supplier[]> {
  return rowsOf(
    supplierRow,
    await db.execute(sql`SELECT ${supplierColumns} FROM software_suppliers ${onlyActive ? sql`WHERE active` : sql``} ORDER BY lower(name)`),
  );
}

export async function findSupplier(db: Db, id: string): Promise<Supplier | undefined> {
  return firstRowOf(supplierRow, await db.execute(sql`SELECT ${supplierColumns} FROM software_suppliers WHERE id = ${id}`));
}

/** Whether another supplier has this name (case aside). */
export async function supplierNameTaken(db: Db, name: string, exceptId?: string): Promise<boolean> {
  return (
    countOf(
      await db.execute(sql`SELECT count(*) AS n FROM software_suppliers WHERE lower(name) = lower(${name}) ${exceptId ? sql`AND id <> ${exceptId}` : sql``}`),
    ) > 0
  );
}

export async function insertSupplier(tx: Db, input: SupplierInput): Promise<string> {
  const id = uuidV7();
  await tx.execute(sql`INSERT INTO software_suppliers (id, name, contact_name, contact_email, contact_phone, active)
    VALUES (${id}, ${input.name}, ${input.contactName}, ${input.contactEmail}, ${input.contactPhone}, ${input.active})`);
  return id;
}

export async function updateSupplier(tx: Db, id: string, input: SupplierInput, now: Date): Promise<void> {
  await tx.execute(sql`UPDATE software_suppliers SET name = ${input.name}, contact_name = ${input.contactName}, contact_email = ${input.contactEmail},
    contact_phone = ${input.contactPhone}, active = ${input.active}, updated_at = ${now.toISOString()} WHERE id = ${id}`);
}

// ─── koplopers ──────────────────────────────────────────────────────────────────────────────────

export type NewKoploper = {
  reference: string;
  boardId: string;
  schoolId: string;
  locationId: string | null;
  schoolName: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  teachers: number;
  deliveryMethod: string;
  supplierId: string | null;
  grondslagenMapped: boolean;
  activities: string[];
  estimateVersion: number;
  estimate: StoredEstimate;
  lang: 'nl' | 'en';
};

/** Inserts the application; null when the school already has one (the unique index, also under two at once). */
export async function insertKoploper(tx: Db, k: NewKoploper, now: Date): Promise<string | null> {
  const id = uuidV7();
  const added = firstRowOf(
    row({ id: column.text }),
    await tx.execute(sql`INSERT INTO koplopers (id, reference, board_id, school_id, location_id, school_name, contact_name, contact_email, contact_phone,
      teachers, delivery_method, supplier_id, grondslagen_mapped, activities, estimate_version, estimate, lang, step, step_changed_at, created_at, updated_at)
    VALUES (${id}, ${k.reference}, ${k.boardId}, ${k.schoolId}, ${k.locationId}, ${k.schoolName}, ${k.contactName}, ${k.contactEmail}, ${k.contactPhone},
      ${k.teachers}, ${k.deliveryMethod}, ${k.supplierId}, ${k.grondslagenMapped}, ${arrayLiteral(k.activities)}::text[], ${k.estimateVersion}, ${JSON.stringify(k.estimate)}::jsonb, ${k.lang}, 1, ${now.toISOString()}, ${now.toISOString()}, ${now.toISOString()})
    ON CONFLICT DO NOTHING
    RETURNING id`),
  );
  return added?.id ?? null;
}

/** When the school applied, if it did. */
export async function findApplicationOfSchool(db: Db, schoolId: string): Promise<{ createdAt: Date } | undefined> {
  return firstRowOf(row({ createdAt: column.moment }), await db.execute(sql`SELECT created_at AS "createdAt" FROM koplopers WHERE school_id = ${schoolId}`));
}

const estimateColumn = column.json(
  z.object({
    lines: z.array(z.object({ factor: z.string(), hours: z.number(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
    totalHours: z.number(),
  }) satisfies RowSchema<StoredEstimate>,
);

/** A koploper as the pipeline shows it (a card), and its details. */
export type KoploperCard = {
  id: string;
  step: PipelineStep;
  schoolName: string;
  schoolCode: string;
  schoolId: string;
  boardId: string;
  boardNumber: string;
  boardName: string | null;
  province: string | null;
  ownerAccountId: string | null;
  ownerName: string | null;
  nextDate: string | null;
  notes: string;
  supplierName: string | null;
  supplierContact: string | null;
  stepChangedAt: Date;
  createdAt: Date;
};

export type KoploperDetail = KoploperCard & {
  reference: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  teachers: number;
  deliveryMethod: (typeof deliveryMethods)[number];
  grondslagenMapped: boolean;
  activities: string[];
  estimateVersion: number;
  estimate: StoredEstimate;
  lang: 'nl' | 'en';
};

const cardShape = {
  id: column.text,
  step: column.integer.pipe(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)])),
  schoolName: column.text,
  schoolCode: column.text,
  schoolId: column.text,
  boardId: column.text,
  boardNumber: column.text,
  boardName: column.text.nullable(),
  province: column.text.nullable(),
  ownerAccountId: column.text.nullable(),
  ownerName: column.text.nullable(),
  nextDate: column.day.nullable(),
  notes: column.text,
  supplierName: column.text.nullable(),
  supplierContact: column.text.nullable(),
  stepChangedAt: column.moment,
  createdAt: column.moment,
};
const cardRow = row(cardShape) satisfies RowSchema<KoploperCard>;
const detailRow = row({
  ...cardShape,
  reference: column.text,
  contactName: column.text,
  contactEmail: column.text,
  contactPhone: column.text.nullable(),
  teachers: column.integer,
  deliveryMethod: column.oneOf(deliveryMethods),
  grondslagenMapped: column.boolean,
  activities: column.texts,
  estimateVersion: column.integer,
  estimate: estimateColumn,
  lang: column.oneOf(['nl', 'en']),
}) satisfies RowSchema<KoploperDetail>;

const cardColumns = sql`k.id, k.step, k.school_name AS "schoolName", coalesce(l.code, s.brin) AS "schoolCode", k.school_id AS "schoolId",
  k.board_id AS "boardId", b.number AS "boardNumber", b.name AS "boardName", coalesce(l.province, s.provinces[1]) AS province,
  k.owner_account_id AS "ownerAccountId", a.display_name AS "ownerName", k.next_date::text AS "nextDate", k.notes,
  v.name AS "supplierName", nullif(concat_ws(' · ', v.contact_name, v.contact_email, v.contact_phone), '') AS "supplierContact",
  k.step_changed_at AS "stepChangedAt", k.created_at AS "createdAt"`;

const cardFrom = sql`koplopers k JOIN schools s ON s.id = k.school_id JOIN boards b ON b.id = k.board_id
  LEFT JOIN locations l ON l.id = k.location_id LEFT JOIN accounts a ON a.id = k.owner_account_id LEFT JOIN software_suppliers v ON v.id = k.supplier_id`;

export type PipelineFilter = { step?: PipelineStep; owner?: string | 'none'; province?: string };

function filterConditions(filter: PipelineFilter): SQL {
  const conditions = [sql`true`];
  if (filter.step) conditions.push(sql`k.step = ${filter.step}`);
  if (filter.owner === 'none') conditions.push(sql`k.owner_account_id IS NULL`);
  else if (filter.owner) conditions.push(sql`k.owner_account_id = ${filter.owner}`);
  if (filter.province) conditions.push(sql`coalesce(l.province, s.provinces[1]) = ${filter.province}`);
  return sql.join(conditions, sql` AND `);
}

/** A page of the pipeline's cards, by step and then oldest first, with the count of all that match. */
export async function listCards(db: Db, filter: PipelineFilter, offset: number, limit: number): Promise<{ cards: KoploperCard[]; total: number }> {
  const rows = rowsOf(
    cardRow.extend({ total: column.integer }),
    await db.execute(sql`SELECT ${cardColumns}, count(*) OVER () AS total FROM ${cardFrom}
    WHERE ${filterConditions(filter)} ORDER BY k.step, k.created_at, k.id LIMIT ${limit} OFFSET ${offset}`),
  );
  const total =
    rows.length > 0
      ? rows[0].total
      : offset === 0
        ? 0
        : countOf(await db.execute(sql`SELECT count(*) AS n FROM ${cardFrom} WHERE ${filterConditions(filter)}`));
  return { cards: rows.map(({ total: _t, ...card }) => card), total };
}

/** How many koplopers each step holds (of those the filter leaves). */
export async function countByStep(db: Db, filter: Omit<PipelineFilter, 'step'> = {}): Promise<Record<PipelineStep, number>> {
  const rows = rowsOf(
    row({ step: column.integer, n: column.integer }),
    await db.execute(sql`SELECT k.step, count(*) AS n FROM ${cardFrom} WHERE ${filterConditions(filter)} GROUP BY k.step`),
  );
  const counts = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 } as Record<PipelineStep, number>;
  for (const r of rows) if (r.step >= 1 && r.step <= 6) counts[r.step as PipelineStep] = r.n;
  return counts;
}

export async function findKoploper(db: Db, id: string): Promise<KoploperDetail | undefined> {
  return firstRowOf(
    detailRow,
    await db.execute(sql`SELECT ${cardColumns}, k.reference, k.contact_name AS "contactName", k.contact_email AS "contactEmail",
      k.contact_phone AS "contactPhone", k.teachers, k.delivery_method AS "deliveryMethod", k.grondslagen_mapped AS "grondslagenMapped", k.activities,
      k.estimate_version AS "estimateVersion", k.estimate, k.lang
    FROM ${cardFrom} WHERE k.id = ${id}`),
  );
}

/** The receipt: what the applicant may see again by the reference (no contact details). */
export type Receipt = {
  schoolName: string;
  schoolCode: string;
  boardName: string | null;
  boardNumber: string;
  estimateVersion: number;
  estimate: StoredEstimate;
  createdAt: Date;
};

export async function findReceipt(db: Db, reference: string): Promise<Receipt | undefined> {
  return firstRowOf(
    row({
      schoolName: column.text,
      schoolCode: column.text,
      boardName: column.text.nullable(),
      boardNumber: column.text,
      estimateVersion: column.integer,
      estimate: estimateColumn,
      createdAt: column.moment,
    }) satisfies RowSchema<Receipt>,
    await db.execute(sql`SELECT k.school_name AS "schoolName", coalesce(l.code, s.brin) AS "schoolCode", b.name AS "boardName", b.number AS "boardNumber",
      k.estimate_version AS "estimateVersion", k.estimate, k.created_at AS "createdAt"
    FROM koplopers k JOIN schools s ON s.id = k.school_id JOIN boards b ON b.id = k.board_id LEFT JOIN locations l ON l.id = k.location_id
    WHERE k.reference = ${reference}`),
  );
}

/** Locks the koploper's row for a change (two staff moving one card at once). */
export async function lockKoploper(
  tx: Db,
  id: string,
): Promise<{ step: PipelineStep; ownerAccountId: string | null; nextDate: string | null; notes: string } | undefined> {
  const found = firstRowOf(
    row({ step: column.integer, ownerAccountId: column.text.nullable(), nextDate: column.day.nullable(), notes: column.text }),
    await tx.execute(sql`SELECT step, owner_account_id AS "ownerAccountId", next_date::text AS "nextDate", notes FROM koplopers WHERE id = ${id} FOR UPDATE`),
  );
  return found ? { ...found, step: found.step as PipelineStep } : undefined;
}

export async function updateStep(tx: Db, id: string, step: PipelineStep, now: Date): Promise<void> {
  await tx.execute(sql`UPDATE koplopers SET step = ${step}, step_changed_at = ${now.toISOString()}, updated_at = ${now.toISOString()} WHERE id = ${id}`);
}

export async function updateCardDetails(tx: Db, id: string, d: { ownerAccountId: string | null; nextDate: string | null; notes: string }, now: Date) {
  await tx.execute(sql`UPDATE koplopers SET owner_account_id = ${d.ownerAccountId}, next_date = ${d.nextDate}, notes = ${d.notes},
    updated_at = ${now.toISOString()} WHERE id = ${id}`);
}

export type KoploperEvent = {
  kind: 'aangemeld' | 'stap' | 'stap-automatisch' | 'gegevens';
  fromStep: number | null;
  toStep: number | null;
  detail: Record<string, unknown> | null;
  note: string | null;
  byLabel: string;
  createdAt: Date;
};

const eventRow = row({
  kind: column.oneOf(['aangemeld', 'stap', 'stap-automatisch', 'gegevens']),
  fromStep: column.integer.nullable(),
  toStep: column.integer.nullable(),
  detail: column.json(z.record(z.string(), z.unknown()).nullable()),
  note: column.text.nullable(),
  byLabel: column.text,
  createdAt: column.moment,
}) satisfies RowSchema<KoploperEvent>;

export async function insertEvent(tx: Db, koploperId: string, event: Omit<KoploperEvent, 'createdAt'> & { byAccountId: string | null }, at: Date) {
  await tx.execute(sql`INSERT INTO koploper_events (id, koploper_id, kind, from_step, to_step, detail, note, by_label, by_account_id, created_at)
    VALUES (${uuidV7()}, ${koploperId}, ${event.kind}, ${event.fromStep}, ${event.toStep}, ${event.detail ? JSON.stringify(event.detail) : null}::jsonb,
      ${event.note}, ${event.byLabel}, ${event.byAccountId}, ${at.toISOString()})`);
}

/** The timeline, newest first. */
export async function listEvents(db: Db, koploperId: string): Promise<KoploperEvent[]> {
  return rowsOf(
    eventRow,
    await db.execute(sql`SELECT kind, from_step AS "fromStep", to_step AS "toStep", detail, note, by_label AS "byLabel", created_at AS "createdAt"
    FROM koploper_events WHERE koploper_id = ${koploperId} ORDER BY created_at DESC, id DESC`),
  );
}

/** Koplopers in step 4 (gegevens aanleveren), with their board: those whose step may complete by a delivery. */
export async function listAwaitingDelivery(db: Db): Promise<{ id: string; boardId: string }[]> {
  return rowsOf(row({ id: column.text, boardId: column.text }), await db.execute(sql`SELECT id, board_id AS "boardId" FROM koplopers WHERE step = 4`));
}

/** Moves a koploper from step 4 to 5 if it still is in 4; whether it did. */
export async function completeDeliveryStep(tx: Db, id: string, now: Date): Promise<boolean> {
  const moved = await tx.execute(sql`UPDATE koplopers SET step = 5, step_changed_at = ${now.toISOString()}, updated_at = ${now.toISOString()}
    WHERE id = ${id} AND step = 4 RETURNING id`);
  return rowsOf(row({ id: column.text }), moved).length > 0;
}

// ─── settings, owners, provinces ────────────────────────────────────────────────────────────────

export type KoploperSettings = { approvalThresholdPercent: number; updatedByLabel: string | null; updatedAt: Date };

export async function findSettings(db: Db): Promise<KoploperSettings> {
  const found = firstRowOf(
    row({ approvalThresholdPercent: column.integer, updatedByLabel: column.text.nullable(), updatedAt: column.moment }),
    await db.execute(
      sql`SELECT approval_threshold_percent AS "approvalThresholdPercent", updated_by_label AS "updatedByLabel", updated_at AS "updatedAt" FROM koploper_settings WHERE id = 1`,
    ),
  );
  return found ?? { approvalThresholdPercent: 90, updatedByLabel: null, updatedAt: new Date(0) };
}

export async function saveThreshold(tx: Db, percent: number, byLabel: string, now: Date): Promise<void> {
  await tx.execute(sql`INSERT INTO koploper_settings (id, approval_threshold_percent, updated_by_label, updated_at) VALUES (1, ${percent}, ${byLabel}, ${now.toISOString()})
    ON CONFLICT (id) DO UPDATE SET approval_threshold_percent = EXCLUDED.approval_threshold_percent, updated_by_label = EXCLUDED.updated_by_label,
      updated_at = EXCLUDED.updated_at`);
}

export type Owner = { accountId: string; name: string };

/** Register staff with a live role at the register office: who can own a koploper. */
export async function listOwners(db: Db): Promise<Owner[]> {
  return rowsOf(
    row({ accountId: column.text, name: column.text }),
    await db.execute(sql`SELECT DISTINCT a.id AS "accountId", a.display_name AS name FROM memberships m JOIN accounts a ON a.id = m.account_id
    WHERE m.role = 'register-staff' AND m.revoked_at IS NULL ORDER BY name, "accountId"`),
  );
}

/** The provinces of the koplopers' schools, for the region filter. */
export async function listProvinces(db: Db): Promise<string[]> {
  return rowsOf(
    row({ province: column.text }),
    await db.execute(sql`SELECT DISTINCT coalesce(l.province, s.provinces[1]) AS province FROM koplopers k JOIN schools s ON s.id = k.school_id
    LEFT JOIN locations l ON l.id = k.location_id WHERE coalesce(l.province, s.provinces[1]) IS NOT NULL ORDER BY province`),
  ).map((r) => r.province);
}
