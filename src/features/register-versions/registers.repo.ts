import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import type { RegisterLevel } from '../../db/schema/registers.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import type { RegisterVersionInput } from './register-version.rules.ts';
import { column, countOf, firstRowOf, row, rowsOf, type RowSchema } from '../../db/rows.ts';

export type RegisterVersion = {
  id: string;
  version: number;
  levels: RegisterLevel[];
  cycleYears: number;
  renewalUnit: 'punten' | 'uren' | 'themas';
  renewalMinimum: number;
  /** the whole re-registration rule (null before rules were data: read from unit and minimum) */
  renewalRule: unknown;
  feeCents: number;
  note: string;
  createdByLabel: string;
  createdAt: Date;
};

export type RegisterSummary = { id: string; code: string; name: string; current: RegisterVersion };

const registerLevelRow = row({ title: column.text, level: column.text, criteria: column.text }) satisfies RowSchema<RegisterLevel>;

const registerVersionRow = row({
  id: column.text,
  version: column.integer,
  levels: column.json(z.array(registerLevelRow)),
  cycleYears: column.integer,
  renewalUnit: column.oneOf(['punten', 'uren', 'themas'] as const),
  renewalMinimum: column.integer,
  // any json (null before rules were data): ruleOfStoredVersion checks its shape where the rule is read, with its own error
  renewalRule: column.json(z.json()),
  feeCents: column.integer,
  note: column.text,
  createdByLabel: column.text,
  createdAt: column.moment,
}) satisfies RowSchema<RegisterVersion>;

const registerRow = row({ id: column.text, code: column.text, name: column.text });

// `current` is the newest version as json (to_jsonb): its createdAt an ISO string, which column.moment makes a Date again
const registerSummaryRow = registerRow.extend({ current: column.json(registerVersionRow) }) satisfies RowSchema<RegisterSummary>;

const versionRow = row({ version: column.integer });

const versionColumns = sql`v.id, v.version, v.levels, v.cycle_years AS "cycleYears", v.renewal_unit AS "renewalUnit",
  v.renewal_minimum AS "renewalMinimum", v.renewal_rule AS "renewalRule", v.fee_cents AS "feeCents", v.note, v.created_by_label AS "createdByLabel", v.created_at AS "createdAt"`;

/** Every register with its current (newest) version. */
export async function listRegisters(db: Db): Promise<RegisterSummary[]> {
  return rowsOf(
    registerSummaryRow,
    await db.execute(sql`SELECT r.id, r.code, r.name,
      (SELECT to_jsonb(x) FROM (SELECT ${versionColumns} FROM register_versions v WHERE v.register_id = r.id ORDER BY v.version DESC LIMIT 1) x) AS current
    FROM registers r ORDER BY r.name`),
  );
}

export type RegisterDetail = {
  id: string;
  code: string;
  name: string;
  /** days after a delivery until the first and the second reminder to check it */
  reminderDays: { first: number; second: number };
  versions: RegisterVersion[];
};

const registerDetailRow = registerRow.extend({ reminderFirst: column.integer, reminderSecond: column.integer });

/** The registers there are (the register office's start card). */
export async function countRegisters(db: Db): Promise<number> {
  return countOf(await db.execute(sql`SELECT count(*) AS n FROM registers`));
}

export async function findRegister(db: Db, code: string): Promise<RegisterDetail | undefined> {
  const found = firstRowOf(
    registerDetailRow,
    await db.execute(sql`SELECT id, code, name, check_reminder_first_days AS "reminderFirst", check_reminder_second_days AS "reminderSecond"
    FROM registers WHERE code = ${code}`),
  );
  if (!found) return undefined;
  const { reminderFirst, reminderSecond, ...register } = found;
  const versions = rowsOf(
    registerVersionRow,
    await db.execute(sql`SELECT ${versionColumns} FROM register_versions v WHERE v.register_id = ${register.id} ORDER BY v.version DESC`),
  );
  return { ...register, reminderDays: { first: reminderFirst, second: reminderSecond }, versions };
}

/** The reminder days of a register: settings, changed in place (the audit event keeps what they were). */
export async function setReminderDays(tx: Db, registerId: string, days: { first: number; second: number }): Promise<void> {
  await tx.execute(sql`UPDATE registers SET check_reminder_first_days = ${days.first}, check_reminder_second_days = ${days.second} WHERE id = ${registerId}`);
}

/** Adds the next version; false when another one was added since `after` (two people at once). */
export async function insertVersion(
  tx: Db,
  registerId: string,
  after: number,
  input: RegisterVersionInput,
  byLabel: string,
  now: Date,
): Promise<number | null> {
  const added = firstRowOf(
    versionRow,
    await tx.execute(sql`INSERT INTO register_versions
      (id, register_id, version, levels, cycle_years, renewal_unit, renewal_minimum, renewal_rule, fee_cents, note, created_by_label, created_at)
    SELECT ${uuidV7()}, ${registerId}, ${after + 1}, ${JSON.stringify(input.levels)}::jsonb, ${input.cycleYears}, ${input.renewalUnit},
      ${input.renewalMinimum}, ${JSON.stringify(input.renewalRule)}::jsonb, ${input.feeCents}, ${input.note}, ${byLabel}, ${now.toISOString()}
    WHERE NOT EXISTS (SELECT 1 FROM register_versions WHERE register_id = ${registerId} AND version > ${after})
    RETURNING version`),
  );
  return added?.version ?? null;
}
