import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { column, firstRowOf, row, rowsOf, type RowSchema } from '../../db/rows.ts';

export type Grouping = {
  eventId: string;
  groupSize: number;
  groupCount: number;
  madeAt: Date;
  madeByLabel: string;
  changedAt: Date;
  mailedAt: Date | null;
  mailedByLabel: string | null;
};

const groupingRow = row({
  eventId: column.text,
  groupSize: column.integer,
  groupCount: column.integer,
  madeAt: column.moment,
  madeByLabel: column.text,
  changedAt: column.moment,
  mailedAt: column.moment.nullable(),
  mailedByLabel: column.text.nullable(),
}) satisfies RowSchema<Grouping>;

const groupingColumns = sql`event_id AS "eventId", group_size AS "groupSize", group_count AS "groupCount", made_at AS "madeAt",
  made_by_label AS "madeByLabel", changed_at AS "changedAt", mailed_at AS "mailedAt", mailed_by_label AS "mailedByLabel"`;

export async function findGrouping(db: Db, eventId: string): Promise<Grouping | undefined> {
  return firstRowOf(groupingRow, await db.execute(sql`SELECT ${groupingColumns} FROM event_groupings WHERE event_id = ${eventId}`));
}

/** The event's groups locked for this transaction: one change at a time, each seeing the last. */
export async function lockGrouping(tx: Db, eventId: string): Promise<Grouping | undefined> {
  return firstRowOf(groupingRow, await tx.execute(sql`SELECT ${groupingColumns} FROM event_groupings WHERE event_id = ${eventId} FOR UPDATE`));
}

export type Membership = { registrationId: string; groupNumber: number };
const memberRow = row({ registrationId: column.text, groupNumber: column.integer }) satisfies RowSchema<Membership>;

export async function listMembers(db: Db, eventId: string): Promise<Membership[]> {
  return rowsOf(
    memberRow,
    await db.execute(
      sql`SELECT registration_id AS "registrationId", group_number AS "groupNumber" FROM event_group_members WHERE event_id = ${eventId} ORDER BY group_number, registration_id`,
    ),
  );
}

/** New groups in place of any the event had: the size asked for, and each group's registrations (group 1 first). */
export async function replaceGroups(tx: Db, eventId: string, groupSize: number, groups: readonly (readonly string[])[], byLabel: string, now: Date) {
  await tx.execute(sql`DELETE FROM event_group_members WHERE event_id = ${eventId}`);
  await tx.execute(sql`INSERT INTO event_groupings (event_id, group_size, group_count, made_at, made_by_label, changed_at)
    VALUES (${eventId}, ${groupSize}, ${groups.length}, ${now.toISOString()}, ${byLabel}, ${now.toISOString()})
    ON CONFLICT (event_id) DO UPDATE SET group_size = EXCLUDED.group_size, group_count = EXCLUDED.group_count, made_at = EXCLUDED.made_at,
      made_by_label = EXCLUDED.made_by_label, changed_at = EXCLUDED.changed_at, mailed_at = NULL, mailed_by_label = NULL`);
  await setGroups(tx, eventId, groups, 0);
}

/** Each group's registrations as they are now (after an improvement), the number of groups kept. */
export async function rewriteGroups(tx: Db, eventId: string, groups: ReadonlyMap<number, readonly string[]>, now: Date) {
  await tx.execute(sql`DELETE FROM event_group_members WHERE event_id = ${eventId}`);
  for (const [number, ids] of groups) await setGroups(tx, eventId, [ids], number - 1);
  await tx.execute(sql`UPDATE event_groupings SET changed_at = ${now.toISOString()} WHERE event_id = ${eventId}`);
}

async function setGroups(tx: Db, eventId: string, groups: readonly (readonly string[])[], offset: number) {
  const rows = groups.flatMap((ids, g) => ids.map((id) => sql`(${id}, ${eventId}, ${g + 1 + offset})`));
  if (rows.length === 0) return;
  await tx.execute(sql`INSERT INTO event_group_members (registration_id, event_id, group_number) VALUES ${sql.join(rows, sql`, `)}`);
}

/** One registration into a group (from another group, or from none). */
export async function placeMember(tx: Db, eventId: string, registrationId: string, groupNumber: number, now: Date) {
  await tx.execute(sql`INSERT INTO event_group_members (registration_id, event_id, group_number) VALUES (${registrationId}, ${eventId}, ${groupNumber})
    ON CONFLICT (registration_id) DO UPDATE SET group_number = EXCLUDED.group_number`);
  await tx.execute(sql`UPDATE event_groupings SET changed_at = ${now.toISOString()} WHERE event_id = ${eventId}`);
}

/** Registrations that no longer hold a place leave their group when the groups are next changed. */
export async function removeMembersOtherThan(tx: Db, eventId: string, keep: readonly string[]) {
  const members = await listMembers(tx, eventId);
  const gone = members.filter((m) => !keep.includes(m.registrationId)).map((m) => sql`${m.registrationId}`);
  if (gone.length === 0) return;
  await tx.execute(sql`DELETE FROM event_group_members WHERE event_id = ${eventId} AND registration_id IN (${sql.join(gone, sql`, `)})`);
}

export async function markMailed(tx: Db, eventId: string, byLabel: string, now: Date) {
  await tx.execute(sql`UPDATE event_groupings SET mailed_at = ${now.toISOString()}, mailed_by_label = ${byLabel} WHERE event_id = ${eventId}`);
}

/** The groups of these registrations (the person's own, for their AVG download). */
export async function listGroupsOf(db: Db, registrationIds: readonly string[]) {
  if (registrationIds.length === 0) return [];
  return rowsOf(
    row({ registrationId: column.text, eventId: column.text, groupNumber: column.integer, mailedAt: column.moment.nullable() }),
    await db.execute(sql`SELECT m.registration_id AS "registrationId", m.event_id AS "eventId", m.group_number AS "groupNumber", g.mailed_at AS "mailedAt"
      FROM event_group_members m JOIN event_groupings g ON g.event_id = m.event_id
      WHERE m.registration_id IN (${sql.join(
        registrationIds.map((id) => sql`${id}`),
        sql`, `,
      )})
      ORDER BY m.event_id`),
  );
}
