import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { column, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';

/** Takes the delivery's lease when nobody holds it, or its holder stopped renewing it. */
export async function takeLease(db: Db, id: string, owner: string, seconds: number): Promise<boolean> {
  return hasRows(
    await db.execute(sql`UPDATE deliveries SET lease_owner = ${owner}, lease_expires_at = now() + make_interval(secs => ${seconds})
    WHERE id = ${id} AND (lease_expires_at IS NULL OR lease_expires_at < now() OR lease_owner = ${owner}) RETURNING id`),
  );
}

/** The heartbeat: only the holder renews, so a lease taken over is not taken back. */
export async function renewLease(db: Db, id: string, owner: string, seconds: number): Promise<void> {
  await db.execute(sql`UPDATE deliveries SET lease_expires_at = now() + make_interval(secs => ${seconds}) WHERE id = ${id} AND lease_owner = ${owner}`);
}

export async function releaseLease(db: Db, id: string, owner: string): Promise<void> {
  await db.execute(sql`UPDATE deliveries SET lease_owner = NULL, lease_expires_at = NULL WHERE id = ${id} AND lease_owner = ${owner}`);
}

export type AbandonedWork = { id: string; status: string; phase: string | null };

const abandonedWorkRow = row({ id: column.text, status: column.text, phase: column.text.nullable() }) satisfies RowSchema<AbandonedWork>;

/**
 * Deliveries whose worker stopped renewing its lease (the process died), each claimed by clearing the
 * lease in the same statement: of several processes sweeping at once, one resumes each.
 */
export async function claimAbandonedWork(db: Db): Promise<AbandonedWork[]> {
  return rowsOf(
    abandonedWorkRow,
    await db.execute(sql`UPDATE deliveries SET lease_owner = NULL, lease_expires_at = NULL
    WHERE lease_expires_at < now() RETURNING id, status, phase`),
  );
}
