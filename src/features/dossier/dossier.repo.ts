import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import type { Db } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { activityKinds, type ActivityFacts, type ActivityKind } from './activity.rules.ts';
import { column, firstRowOf, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';

export type ActivityRecord = ActivityFacts & { id: string; enrolmentId: string; points: number | null; source: 'eigen' | 'aanbod'; kind: ActivityKind };

const activityRecordRow = row({
  id: column.text,
  enrolmentId: column.text,
  kind: column.oneOf(activityKinds),
  title: column.text,
  provider: column.text.nullable(),
  startedOn: column.day,
  completedOn: column.day,
  hours: column.number,
  primaryProcess: column.boolean,
  themes: column.texts,
  competencies: column.texts,
  learningGoals: column.text.nullable(),
  reflection: column.text.nullable(),
  evidenceId: column.text.nullable(),
  points: column.integer.nullable(),
  source: column.oneOf(['eigen', 'aanbod'] as const),
}) satisfies RowSchema<ActivityRecord>;

const ownEnrolmentRow = row({ id: column.text, personId: column.text });

const columns = sql`id, enrolment_id AS "enrolmentId", kind, title, provider, started_on::text AS "startedOn", completed_on::text AS "completedOn",
  hours::float8 AS hours, primary_process AS "primaryProcess", themes, competencies, learning_goals AS "learningGoals", reflection, evidence_id AS "evidenceId",
  points, source`;

export async function findEnrolmentOfAccount(db: Db, accountId: string): Promise<{ id: string; personId: string } | undefined> {
  return firstRowOf(ownEnrolmentRow, await db.execute(sql`SELECT id, person_id AS "personId" FROM enrolments WHERE account_id = ${accountId}`));
}

/** Newest first: what the professional did last is what they look for. */
export async function listActivities(db: Db, enrolmentId: string): Promise<ActivityRecord[]> {
  return rowsOf(
    activityRecordRow,
    await db.execute(sql`SELECT ${columns} FROM activities WHERE enrolment_id = ${enrolmentId} ORDER BY completed_on DESC, id DESC`),
  );
}

export async function findActivity(db: Db, id: string): Promise<ActivityRecord | undefined> {
  return firstRowOf(activityRecordRow, await db.execute(sql`SELECT ${columns} FROM activities WHERE id = ${id}`));
}

/** An own activity without points and without an open request for valuation. */
const changeable = sql`source = 'eigen' AND points IS NULL
  AND NOT EXISTS (SELECT 1 FROM valuation_requests v WHERE v.activity_id = activities.id AND v.status = 'aangevraagd')`;

const themesArray = (themes: string[]) => sql`${arrayLiteral(themes)}::text[]`;

export async function insertActivity(db: Db, enrolmentId: string, a: ActivityFacts, now: Date): Promise<string> {
  const id = uuidV7();
  await db.execute(sql`INSERT INTO activities (id, enrolment_id, kind, title, provider, started_on, completed_on, hours, primary_process, themes,
      competencies, learning_goals, reflection, evidence_id, source, created_at, updated_at)
    VALUES (${id}, ${enrolmentId}, ${a.kind}, ${a.title}, ${a.provider}, ${a.startedOn}, ${a.completedOn}, ${a.hours}, ${a.primaryProcess}, ${themesArray(a.themes)},
      ${themesArray(a.competencies)}, ${a.learningGoals}, ${a.reflection}, ${a.evidenceId}, 'eigen', ${now.toISOString()}, ${now.toISOString()})`);
  return id;
}

/**
 * Only the professional's own activities change, and only while nobody values them: not once assessors
 * gave points, not while a valuation is asked. False when there was none such.
 */
export async function updateActivity(db: Db, id: string, a: ActivityFacts, now: Date): Promise<boolean> {
  return hasRows(
    await db.execute(sql`UPDATE activities SET kind = ${a.kind}, title = ${a.title}, provider = ${a.provider}, started_on = ${a.startedOn},
      completed_on = ${a.completedOn}, hours = ${a.hours}, primary_process = ${a.primaryProcess}, themes = ${themesArray(a.themes)},
      competencies = ${themesArray(a.competencies)}, learning_goals = ${a.learningGoals}, reflection = ${a.reflection}, evidence_id = ${a.evidenceId}, updated_at = ${now.toISOString()}
    WHERE id = ${id} AND ${changeable} RETURNING id`),
  );
}

export async function deleteActivity(db: Db, id: string): Promise<boolean> {
  return hasRows(await db.execute(sql`DELETE FROM activities WHERE id = ${id} AND ${changeable} RETURNING id`));
}

export type EvidenceChoice = { id: string; title: string; issuedOn: string };

const evidenceChoiceRow = row({ id: column.text, title: column.text, issuedOn: column.day }) satisfies RowSchema<EvidenceChoice>;

export async function listOwnEvidence(db: Db, personId: string): Promise<EvidenceChoice[]> {
  return rowsOf(
    evidenceChoiceRow,
    await db.execute(sql`SELECT id, title, issued_on::text AS "issuedOn" FROM evidence_files WHERE person_id = ${personId} ORDER BY issued_on DESC`),
  );
}
