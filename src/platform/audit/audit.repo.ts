import { and, desc, eq, inArray, lt, ne, or, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { arrayLiteral } from '../../db/array-literal.ts';
import { auditEvents } from '../../db/schema/index.ts';

export type AuditRow = typeof auditEvents.$inferSelect;
type AuditInsert = typeof auditEvents.$inferInsert;

export async function insertAuditEvent(db: Db, row: AuditInsert): Promise<void> {
  await db.insert(auditEvents).values(row);
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** The same event once per person, in one statement whatever the number: the ids travel as one array parameter. */
export async function insertAuditEventPerPerson(db: Db, row: Omit<AuditInsert, 'subjectPersonId'>, personIds: readonly string[]): Promise<void> {
  if (personIds.length === 0) return;
  await db.execute(sql`INSERT INTO audit_events (actor_account_id, actor_token_id, actor_role, actor_organisation_kind, actor_organisation_id, action,
      subject_account_id, subject_person_id, subject_organisation_kind, subject_organisation_id, before, after, reason, request_id)
    SELECT ${row.actorAccountId ?? null}::uuid, ${row.actorTokenId ?? null}::uuid, ${row.actorRole ?? null}, ${row.actorOrganisationKind ?? null},
      ${row.actorOrganisationId ?? null}::uuid, ${row.action}, ${row.subjectAccountId ?? null}::uuid, person_id,
      ${row.subjectOrganisationKind ?? null}, ${row.subjectOrganisationId ?? null}::uuid, ${json(row.before)}::jsonb, ${json(row.after)}::jsonb,
      ${row.reason ?? null}, ${row.requestId ?? null}
    FROM unnest(${arrayLiteral([...new Set(personIds)])}::uuid[]) AS person_id`);
}

/** The same event once per account (its subject), in one statement whatever the number. */
export async function insertAuditEventPerAccount(db: Db, row: Omit<AuditInsert, 'subjectAccountId'>, accountIds: readonly string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await db.execute(sql`INSERT INTO audit_events (actor_account_id, actor_token_id, actor_role, actor_organisation_kind, actor_organisation_id, action,
      subject_account_id, subject_person_id, subject_organisation_kind, subject_organisation_id, before, after, reason, request_id)
    SELECT ${row.actorAccountId ?? null}::uuid, ${row.actorTokenId ?? null}::uuid, ${row.actorRole ?? null}, ${row.actorOrganisationKind ?? null},
      ${row.actorOrganisationId ?? null}::uuid, ${row.action}, account_id, ${row.subjectPersonId ?? null}::uuid,
      ${row.subjectOrganisationKind ?? null}, ${row.subjectOrganisationId ?? null}::uuid, ${json(row.before)}::jsonb, ${json(row.after)}::jsonb,
      ${row.reason ?? null}, ${row.requestId ?? null}
    FROM unnest(${arrayLiteral([...new Set(accountIds)])}::uuid[]) AS account_id`);
}

/** Whom the events are about: an account, and the persons the register knows them as (who may have been read before the account existed). */
export type AuditSubject = { accountId: string; personIds: readonly string[] };

function about(subject: AuditSubject): SQL {
  const byAccount = eq(auditEvents.subjectAccountId, subject.accountId);
  return subject.personIds.length === 0 ? byAccount : or(byAccount, inArray(auditEvents.subjectPersonId, [...subject.personIds]))!;
}

/** Newest first; `before` is an id for keyset paging; no `limit`: all of them. */
export async function listEventsAbout(db: Db, subject: AuditSubject, options: { limit?: number; before?: number; othersOnly: boolean }): Promise<AuditRow[]> {
  const conditions = [about(subject)];
  if (options.othersOnly) conditions.push(or(isNull(auditEvents.actorAccountId), ne(auditEvents.actorAccountId, subject.accountId))!);
  if (options.before) conditions.push(lt(auditEvents.id, options.before));
  const query = db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id));
  return options.limit === undefined ? query : query.limit(options.limit);
}

export async function listEventsByActor(db: Db, accountId: string, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditEvents).where(eq(auditEvents.actorAccountId, accountId)).orderBy(desc(auditEvents.id)).limit(limit);
}

export async function countEvents(db: Db, action?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(action ? eq(auditEvents.action, action) : undefined);
  return row.n;
}
