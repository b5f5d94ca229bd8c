import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import type { ValuationStatus } from './valuation.rules.ts';
import { uncheckedRowsOf } from '../../db/rows.ts';

/** The activity as the valuation looks at it, with who it belongs to. */
export type ValuedActivity = {
  id: string;
  enrolmentId: string;
  accountId: string | null;
  kind: string;
  title: string;
  provider: string | null;
  startedOn: string;
  completedOn: string;
  hours: number;
  themes: string[];
  competencies: string[];
  learningGoals: string | null;
  reflection: string | null;
  evidenceId: string | null;
  evidenceTitle: string | null;
  points: number | null;
  source: string;
};

export type Assessment = { assessorAccountId: string; assessorLabel: string; points: number; motivation: string; createdAt: Date };

export type ValuationRequest = {
  id: string;
  activityId: string;
  enrolmentId: string;
  status: ValuationStatus;
  explanation: string;
  points: number | null;
  decidedAt: Date | null;
  createdAt: Date;
};

const activityColumns = sql`a.id, a.enrolment_id AS "enrolmentId", n.account_id AS "accountId", a.kind, a.title, a.provider, a.started_on::text AS "startedOn",
  a.completed_on::text AS "completedOn", a.hours::float8 AS hours, a.themes, a.competencies, a.learning_goals AS "learningGoals", a.reflection,
  a.evidence_id AS "evidenceId", e.title AS "evidenceTitle", a.points, a.source`;
const activityFrom = sql`activities a JOIN enrolments n ON n.id = a.enrolment_id LEFT JOIN evidence_files e ON e.id = a.evidence_id`;

const requestColumns = sql`r.id, r.activity_id AS "activityId", r.enrolment_id AS "enrolmentId", r.status, r.explanation, r.points,
  r.decided_at AS "decidedAt", r.created_at AS "createdAt"`;
const asRequest = (r: ValuationRequest): ValuationRequest => ({
  ...r,
  createdAt: new Date(r.createdAt),
  decidedAt: r.decidedAt ? new Date(r.decidedAt) : null,
});

/** One of this account's own activities; another's, or an unknown id, is undefined. */
export async function findOwnActivity(db: Db, accountId: string, activityId: string): Promise<ValuedActivity | undefined> {
  return uncheckedRowsOf<ValuedActivity>(
    await db.execute(sql`SELECT ${activityColumns} FROM ${activityFrom} WHERE a.id = ${activityId} AND n.account_id = ${accountId}`),
  )[0];
}

/** The activity's row locked until the transaction ends: a request and a change of the activity do not cross. */
export async function lockActivity(tx: Db, activityId: string): Promise<{ points: number | null; source: string } | undefined> {
  return uncheckedRowsOf<{ points: number | null; source: string }>(
    await tx.execute(sql`SELECT points, source FROM activities WHERE id = ${activityId} FOR UPDATE`),
  )[0];
}

/** The activity's newest request, whatever its status. */
export async function latestRequestOfActivity(db: Db, activityId: string): Promise<ValuationRequest | undefined> {
  const rows = uncheckedRowsOf<ValuationRequest>(
    await db.execute(sql`SELECT ${requestColumns} FROM valuation_requests r WHERE r.activity_id = ${activityId}
    ORDER BY r.created_at DESC, r.id DESC LIMIT 1`),
  );
  return rows.map(asRequest)[0];
}

export async function hasOpenRequest(db: Db, activityId: string): Promise<boolean> {
  return uncheckedRowsOf(await db.execute(sql`SELECT 1 FROM valuation_requests WHERE activity_id = ${activityId} AND status = 'aangevraagd'`)).length > 0;
}

/** A new open request; null when the activity has one already (the partial unique index decides). */
export async function insertRequest(tx: Db, input: { activityId: string; enrolmentId: string; explanation: string; now: Date }): Promise<string | null> {
  const id = uuidV7();
  const rows = uncheckedRowsOf(
    await tx.execute(sql`INSERT INTO valuation_requests (id, activity_id, enrolment_id, status, explanation, created_at)
    VALUES (${id}, ${input.activityId}, ${input.enrolmentId}, 'aangevraagd', ${input.explanation}, ${input.now.toISOString()})
    ON CONFLICT (activity_id) WHERE status = 'aangevraagd' DO NOTHING RETURNING id`),
  );
  return rows.length > 0 ? id : null;
}

/** Withdraws the activity's open request; its id, or null when there was none open. */
export async function withdrawOpenRequest(tx: Db, activityId: string, now: Date): Promise<string | null> {
  const rows = uncheckedRowsOf<{ id: string }>(
    await tx.execute(sql`UPDATE valuation_requests SET status = 'ingetrokken', decided_at = ${now.toISOString()}
    WHERE activity_id = ${activityId} AND status = 'aangevraagd' RETURNING id`),
  );
  return rows[0]?.id ?? null;
}

export type QueueLine = {
  id: string;
  createdAt: Date;
  kind: string;
  title: string;
  hours: number;
  completedOn: string;
  assessments: number;
  assessedByMe: boolean;
};

/** Open requests, oldest first, a page at a time; whether this assessor valued each already. */
export async function listOpenRequests(db: Db, assessorAccountId: string, page: number, pageSize: number): Promise<{ lines: QueueLine[]; total: number }> {
  const [{ total }] = uncheckedRowsOf<{ total: number }>(
    await db.execute(sql`SELECT count(*)::int AS total FROM valuation_requests WHERE status = 'aangevraagd'`),
  );
  const lines = uncheckedRowsOf<QueueLine>(
    await db.execute(sql`SELECT r.id, r.created_at AS "createdAt", a.kind, a.title, a.hours::float8 AS hours, a.completed_on::text AS "completedOn",
      (SELECT count(*)::int FROM valuation_assessments s WHERE s.request_id = r.id) AS assessments,
      EXISTS (SELECT 1 FROM valuation_assessments s WHERE s.request_id = r.id AND s.assessor_account_id = ${assessorAccountId}) AS "assessedByMe"
    FROM valuation_requests r JOIN activities a ON a.id = r.activity_id
    WHERE r.status = 'aangevraagd' ORDER BY r.created_at, r.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
  );
  return { lines: lines.map((l) => ({ ...l, createdAt: new Date(l.createdAt) })), total };
}

export async function findRequest(db: Db, id: string): Promise<ValuationRequest | undefined> {
  return uncheckedRowsOf<ValuationRequest>(await db.execute(sql`SELECT ${requestColumns} FROM valuation_requests r WHERE r.id = ${id}`)).map(asRequest)[0];
}

/** The request locked until the transaction ends, so two assessors finishing at once count each other. */
export async function lockRequest(tx: Db, id: string): Promise<ValuationRequest | undefined> {
  return uncheckedRowsOf<ValuationRequest>(await tx.execute(sql`SELECT ${requestColumns} FROM valuation_requests r WHERE r.id = ${id} FOR UPDATE`)).map(
    asRequest,
  )[0];
}

export async function findActivity(db: Db, activityId: string): Promise<ValuedActivity | undefined> {
  return uncheckedRowsOf<ValuedActivity>(await db.execute(sql`SELECT ${activityColumns} FROM ${activityFrom} WHERE a.id = ${activityId}`))[0];
}

export async function listAssessments(db: Db, requestId: string): Promise<Assessment[]> {
  const rows = uncheckedRowsOf<Assessment>(
    await db.execute(sql`SELECT assessor_account_id AS "assessorAccountId", assessor_label AS "assessorLabel", points, motivation, created_at AS "createdAt"
    FROM valuation_assessments WHERE request_id = ${requestId} ORDER BY created_at, id`),
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

/** One assessor's valuation; false when this assessor valued the request already (the unique index decides). */
export async function insertAssessment(
  tx: Db,
  input: { requestId: string; assessorAccountId: string; assessorLabel: string; points: number; motivation: string; now: Date },
): Promise<boolean> {
  return (
    uncheckedRowsOf(
      await tx.execute(sql`INSERT INTO valuation_assessments (id, request_id, assessor_account_id, assessor_label, points, motivation, created_at)
    VALUES (${uuidV7()}, ${input.requestId}, ${input.assessorAccountId}, ${input.assessorLabel}, ${input.points}, ${input.motivation}, ${input.now.toISOString()})
    ON CONFLICT (request_id, assessor_account_id) DO NOTHING RETURNING id`),
    ).length > 0
  );
}

/** The request valued: its points and when; the activity carries the points from now on. */
export async function decideRequest(tx: Db, request: { id: string; activityId: string }, points: number, now: Date): Promise<boolean> {
  const decided = uncheckedRowsOf(
    await tx.execute(sql`UPDATE valuation_requests SET status = 'gewaardeerd', points = ${points}, decided_at = ${now.toISOString()}
    WHERE id = ${request.id} AND status = 'aangevraagd' RETURNING id`),
  );
  if (decided.length === 0) return false;
  await tx.execute(
    sql`UPDATE activities SET points = ${points}, updated_at = ${now.toISOString()} WHERE id = ${request.activityId} AND source = 'eigen' AND points IS NULL`,
  );
  return true;
}

/** Who to tell: the professional's name and address (their own address first, else the account's, else the delivered one). */
export async function professionalOf(db: Db, enrolmentId: string): Promise<{ accountId: string | null; name: string; email: string | null } | undefined> {
  return uncheckedRowsOf<{ accountId: string | null; name: string; email: string | null }>(
    await db.execute(sql`SELECT n.account_id AS "accountId",
      coalesce(nullif(concat_ws(' ', p.initials, p.prefix, p.surname), ''), c.display_name, '') AS name, coalesce(p.personal_email, c.email, p.email) AS email
    FROM enrolments n JOIN persons p ON p.id = n.person_id LEFT JOIN accounts c ON c.id = n.account_id WHERE n.id = ${enrolmentId}`),
  )[0];
}

/** Withdrawn requests and their valuations, when the professional removes the activity they were about. */
export async function deleteWithdrawnRequests(tx: Db, activityId: string): Promise<number> {
  await tx.execute(
    sql`DELETE FROM valuation_assessments WHERE request_id IN (SELECT id FROM valuation_requests WHERE activity_id = ${activityId} AND status = 'ingetrokken')`,
  );
  return uncheckedRowsOf(await tx.execute(sql`DELETE FROM valuation_requests WHERE activity_id = ${activityId} AND status = 'ingetrokken' RETURNING id`))
    .length;
}

export type OwnValuationLine = {
  activityId: string;
  status: ValuationStatus;
  explanation: string;
  points: number | null;
  createdAt: Date;
  decidedAt: Date | null;
};

/** Every request of the professional's, for their AVG download. */
export async function listRequestsOfEnrolment(db: Db, enrolmentId: string): Promise<OwnValuationLine[]> {
  const rows = uncheckedRowsOf<OwnValuationLine>(
    await db.execute(sql`SELECT activity_id AS "activityId", status, explanation, points, created_at AS "createdAt", decided_at AS "decidedAt"
    FROM valuation_requests WHERE enrolment_id = ${enrolmentId} ORDER BY created_at`),
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt), decidedAt: r.decidedAt ? new Date(r.decidedAt) : null }));
}
