import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import type { ValuationStatus } from './valuation.rules.ts';
import { column, countOf, countRows, firstRowOf, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';

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

const valuedActivityRow = row({
  id: column.text,
  enrolmentId: column.text,
  accountId: column.text.nullable(),
  kind: column.text,
  title: column.text,
  provider: column.text.nullable(),
  startedOn: column.day,
  completedOn: column.day,
  hours: column.number,
  themes: column.texts,
  competencies: column.texts,
  learningGoals: column.text.nullable(),
  reflection: column.text.nullable(),
  evidenceId: column.text.nullable(),
  evidenceTitle: column.text.nullable(),
  points: column.integer.nullable(),
  source: column.text,
}) satisfies RowSchema<ValuedActivity>;

export type Assessment = { assessorAccountId: string; assessorLabel: string; points: number; motivation: string; createdAt: Date };

const assessmentRow = row({
  assessorAccountId: column.text,
  assessorLabel: column.text,
  points: column.integer,
  motivation: column.text,
  createdAt: column.moment,
}) satisfies RowSchema<Assessment>;

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

const valuationStatus = column.oneOf(['aangevraagd', 'gewaardeerd', 'ingetrokken'] as const);

const valuationRequestRow = row({
  id: column.text,
  activityId: column.text,
  enrolmentId: column.text,
  status: valuationStatus,
  explanation: column.text,
  points: column.integer.nullable(),
  decidedAt: column.moment.nullable(),
  createdAt: column.moment,
}) satisfies RowSchema<ValuationRequest>;

const lockedActivityRow = row({ points: column.integer.nullable(), source: column.text });
const idRow = row({ id: column.text });
const totalRow = row({ total: column.integer });

const activityColumns = sql`a.id, a.enrolment_id AS "enrolmentId", n.account_id AS "accountId", a.kind, a.title, a.provider, a.started_on::text AS "startedOn",
  a.completed_on::text AS "completedOn", a.hours::float8 AS hours, a.themes, a.competencies, a.learning_goals AS "learningGoals", a.reflection,
  a.evidence_id AS "evidenceId", e.title AS "evidenceTitle", a.points, a.source`;
const activityFrom = sql`activities a JOIN enrolments n ON n.id = a.enrolment_id LEFT JOIN evidence_files e ON e.id = a.evidence_id`;

const requestColumns = sql`r.id, r.activity_id AS "activityId", r.enrolment_id AS "enrolmentId", r.status, r.explanation, r.points,
  r.decided_at AS "decidedAt", r.created_at AS "createdAt"`;

/** One of this account's own activities; another's, or an unknown id, is undefined. */
export async function findOwnActivity(db: Db, accountId: string, activityId: string): Promise<ValuedActivity | undefined> {
  return firstRowOf(
    valuedActivityRow,
    await db.execute(sql`SELECT ${activityColumns} FROM ${activityFrom} WHERE a.id = ${activityId} AND n.account_id = ${accountId}`),
  );
}

/** The activity's row locked until the transaction ends: a request and a change of the activity do not cross. */
export async function lockActivity(tx: Db, activityId: string): Promise<{ points: number | null; source: string } | undefined> {
  return firstRowOf(lockedActivityRow, await tx.execute(sql`SELECT points, source FROM activities WHERE id = ${activityId} FOR UPDATE`));
}

/** The activity's newest request, whatever its status. */
export async function latestRequestOfActivity(db: Db, activityId: string): Promise<ValuationRequest | undefined> {
  return firstRowOf(
    valuationRequestRow,
    await db.execute(sql`SELECT ${requestColumns} FROM valuation_requests r WHERE r.activity_id = ${activityId}
    ORDER BY r.created_at DESC, r.id DESC LIMIT 1`),
  );
}

export async function hasOpenRequest(db: Db, activityId: string): Promise<boolean> {
  return hasRows(await db.execute(sql`SELECT 1 FROM valuation_requests WHERE activity_id = ${activityId} AND status = 'aangevraagd'`));
}

/** A new open request; null when the activity has one already (the partial unique index decides). */
export async function insertRequest(tx: Db, input: { activityId: string; enrolmentId: string; explanation: string; now: Date }): Promise<string | null> {
  const id = uuidV7();
  const inserted = hasRows(
    await tx.execute(sql`INSERT INTO valuation_requests (id, activity_id, enrolment_id, status, explanation, created_at)
    VALUES (${id}, ${input.activityId}, ${input.enrolmentId}, 'aangevraagd', ${input.explanation}, ${input.now.toISOString()})
    ON CONFLICT (activity_id) WHERE status = 'aangevraagd' DO NOTHING RETURNING id`),
  );
  return inserted ? id : null;
}

/** Withdraws the activity's open request; its id, or null when there was none open. */
export async function withdrawOpenRequest(tx: Db, activityId: string, now: Date): Promise<string | null> {
  const withdrawn = firstRowOf(
    idRow,
    await tx.execute(sql`UPDATE valuation_requests SET status = 'ingetrokken', decided_at = ${now.toISOString()}
    WHERE activity_id = ${activityId} AND status = 'aangevraagd' RETURNING id`),
  );
  return withdrawn?.id ?? null;
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

const queueLineRow = row({
  id: column.text,
  createdAt: column.moment,
  kind: column.text,
  title: column.text,
  hours: column.number,
  completedOn: column.day,
  assessments: column.integer,
  assessedByMe: column.boolean,
}) satisfies RowSchema<QueueLine>;

/** Open requests, oldest first, a page at a time; whether this assessor valued each already. */
export async function listOpenRequests(db: Db, assessorAccountId: string, page: number, pageSize: number): Promise<{ lines: QueueLine[]; total: number }> {
  const [{ total }] = rowsOf(totalRow, await db.execute(sql`SELECT count(*)::int AS total FROM valuation_requests WHERE status = 'aangevraagd'`));
  const lines = rowsOf(
    queueLineRow,
    await db.execute(sql`SELECT r.id, r.created_at AS "createdAt", a.kind, a.title, a.hours::float8 AS hours, a.completed_on::text AS "completedOn",
      (SELECT count(*)::int FROM valuation_assessments s WHERE s.request_id = r.id) AS assessments,
      EXISTS (SELECT 1 FROM valuation_assessments s WHERE s.request_id = r.id AND s.assessor_account_id = ${assessorAccountId}) AS "assessedByMe"
    FROM valuation_requests r JOIN activities a ON a.id = r.activity_id
    WHERE r.status = 'aangevraagd' ORDER BY r.created_at, r.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
  );
  return { lines, total };
}

/** Open requests this assessor has not valued yet: the start page's card of the Commissie Accreditatie. */
export async function countRequestsToAssess(db: Db, assessorAccountId: string): Promise<number> {
  return countOf(
    await db.execute(sql`SELECT count(*) AS n FROM valuation_requests r WHERE r.status = 'aangevraagd'
      AND NOT EXISTS (SELECT 1 FROM valuation_assessments s WHERE s.request_id = r.id AND s.assessor_account_id = ${assessorAccountId})`),
  );
}

export async function findRequest(db: Db, id: string): Promise<ValuationRequest | undefined> {
  return firstRowOf(valuationRequestRow, await db.execute(sql`SELECT ${requestColumns} FROM valuation_requests r WHERE r.id = ${id}`));
}

/** The request locked until the transaction ends, so two assessors finishing at once count each other. */
export async function lockRequest(tx: Db, id: string): Promise<ValuationRequest | undefined> {
  return firstRowOf(valuationRequestRow, await tx.execute(sql`SELECT ${requestColumns} FROM valuation_requests r WHERE r.id = ${id} FOR UPDATE`));
}

export async function findActivity(db: Db, activityId: string): Promise<ValuedActivity | undefined> {
  return firstRowOf(valuedActivityRow, await db.execute(sql`SELECT ${activityColumns} FROM ${activityFrom} WHERE a.id = ${activityId}`));
}

export async function listAssessments(db: Db, requestId: string): Promise<Assessment[]> {
  return rowsOf(
    assessmentRow,
    await db.execute(sql`SELECT assessor_account_id AS "assessorAccountId", assessor_label AS "assessorLabel", points, motivation, created_at AS "createdAt"
    FROM valuation_assessments WHERE request_id = ${requestId} ORDER BY created_at, id`),
  );
}

const ownAssessmentRow = row({ requestId: column.text, activityTitle: column.text, points: column.integer, motivation: column.text, createdAt: column.moment });

/** The valuations this account gave as an assessor (their work on others' activities), for their AVG download. */
export async function listAssessmentsBy(db: Db, accountId: string) {
  return rowsOf(
    ownAssessmentRow,
    await db.execute(sql`SELECT v.request_id AS "requestId", a.title AS "activityTitle", v.points, v.motivation, v.created_at AS "createdAt"
    FROM valuation_assessments v JOIN valuation_requests r ON r.id = v.request_id JOIN activities a ON a.id = r.activity_id
    WHERE v.assessor_account_id = ${accountId} ORDER BY v.created_at, v.id`),
  );
}

/** One assessor's valuation; false when this assessor valued the request already (the unique index decides). */
export async function insertAssessment(
  tx: Db,
  input: { requestId: string; assessorAccountId: string; assessorLabel: string; points: number; motivation: string; now: Date },
): Promise<boolean> {
  return hasRows(
    await tx.execute(sql`INSERT INTO valuation_assessments (id, request_id, assessor_account_id, assessor_label, points, motivation, created_at)
    VALUES (${uuidV7()}, ${input.requestId}, ${input.assessorAccountId}, ${input.assessorLabel}, ${input.points}, ${input.motivation}, ${input.now.toISOString()})
    ON CONFLICT (request_id, assessor_account_id) DO NOTHING RETURNING id`),
  );
}

/** The request valued: its points and when; the activity carries the points from now on. */
export async function decideRequest(tx: Db, request: { id: string; activityId: string }, points: number, now: Date): Promise<boolean> {
  const decided = hasRows(
    await tx.execute(sql`UPDATE valuation_requests SET status = 'gewaardeerd', points = ${points}, decided_at = ${now.toISOString()}
    WHERE id = ${request.id} AND status = 'aangevraagd' RETURNING id`),
  );
  if (!decided) return false;
  await tx.execute(
    sql`UPDATE activities SET points = ${points}, updated_at = ${now.toISOString()} WHERE id = ${request.activityId} AND source = 'eigen' AND points IS NULL`,
  );
  return true;
}

const professionalRow = row({ accountId: column.text.nullable(), name: column.text, email: column.text.nullable() });

/** Who to tell: the professional's name and address (their own address first, else the account's, else the delivered one). */
export async function professionalOf(db: Db, enrolmentId: string): Promise<{ accountId: string | null; name: string; email: string | null } | undefined> {
  return firstRowOf(
    professionalRow,
    await db.execute(sql`SELECT n.account_id AS "accountId",
      coalesce(nullif(concat_ws(' ', p.initials, p.prefix, p.surname), ''), c.display_name, '') AS name, coalesce(p.personal_email, c.email, p.email) AS email
    FROM enrolments n JOIN persons p ON p.id = n.person_id LEFT JOIN accounts c ON c.id = n.account_id WHERE n.id = ${enrolmentId}`),
  );
}

/** Withdrawn requests and their valuations, when the professional removes the activity they were about. */
export async function deleteWithdrawnRequests(tx: Db, activityId: string): Promise<number> {
  await tx.execute(
    sql`DELETE FROM valuation_assessments WHERE request_id IN (SELECT id FROM valuation_requests WHERE activity_id = ${activityId} AND status = 'ingetrokken')`,
  );
  return countRows(await tx.execute(sql`DELETE FROM valuation_requests WHERE activity_id = ${activityId} AND status = 'ingetrokken' RETURNING id`));
}

export type OwnValuationLine = {
  activityId: string;
  status: ValuationStatus;
  explanation: string;
  points: number | null;
  createdAt: Date;
  decidedAt: Date | null;
};

const ownValuationLineRow = row({
  activityId: column.text,
  status: valuationStatus,
  explanation: column.text,
  points: column.integer.nullable(),
  createdAt: column.moment,
  decidedAt: column.moment.nullable(),
}) satisfies RowSchema<OwnValuationLine>;

/** Every request of the professional's, for their AVG download. */
export async function listRequestsOfEnrolment(db: Db, enrolmentId: string): Promise<OwnValuationLine[]> {
  return rowsOf(
    ownValuationLineRow,
    await db.execute(sql`SELECT activity_id AS "activityId", status, explanation, points, created_at AS "createdAt", decided_at AS "decidedAt"
    FROM valuation_requests WHERE enrolment_id = ${enrolmentId} ORDER BY created_at`),
  );
}
