import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import type { RegisterLevel } from '../../db/schema/registers.ts';
import { applicationStatuses, type ApplicationStatus } from './registration.rules.ts';
import { column, firstRowOf, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';

const applicationKinds = ['registratie', 'herregistratie'] as const;

export type Application = {
  id: string;
  personId: string;
  enrolmentId: string;
  personName: string;
  personEmail: string | null;
  registerNumber: string;
  registerCode: string;
  registerName: string;
  registerVersion: number;
  cycleYears: number;
  title: string;
  level: string;
  motivation: string;
  evidenceIds: string[];
  status: ApplicationStatus;
  assignedTo: string | null;
  assignedToName: string | null;
  decisionMotivation: string | null;
  decidedOn: string | null;
  validUntil: string | null;
  /** registratie, or herregistratie: the renewal of `renewsId`, its period running on from `periodStart` */
  kind: 'registratie' | 'herregistratie';
  renewsId: string | null;
  periodStart: string | null;
  /** a granted postponement: the lapse windows count from here */
  postponedUntil: string | null;
  createdAt: Date;
};

const applicationRow = row({
  id: column.text,
  personId: column.text,
  enrolmentId: column.text,
  personName: column.text,
  personEmail: column.text.nullable(),
  registerNumber: column.text,
  registerCode: column.text,
  registerName: column.text,
  registerVersion: column.integer,
  cycleYears: column.integer,
  title: column.text,
  level: column.text,
  motivation: column.text,
  evidenceIds: column.json(column.texts),
  status: column.oneOf(applicationStatuses),
  assignedTo: column.text.nullable(),
  assignedToName: column.text.nullable(),
  decisionMotivation: column.text.nullable(),
  decidedOn: column.day.nullable(),
  validUntil: column.day.nullable(),
  kind: column.oneOf(applicationKinds),
  renewsId: column.text.nullable(),
  periodStart: column.day.nullable(),
  postponedUntil: column.day.nullable(),
  createdAt: column.moment,
}) satisfies RowSchema<Application>;

export type ApplicationEventLine = { fromStatus: string | null; toStatus: string; byLabel: string; reason: string | null; createdAt: Date };

const applicationEventRow = row({
  fromStatus: column.text.nullable(),
  toStatus: column.text,
  byLabel: column.text,
  reason: column.text.nullable(),
  createdAt: column.moment,
}) satisfies RowSchema<ApplicationEventLine>;

const idRow = row({ id: column.text });

const columns = sql`a.id, a.person_id AS "personId", a.enrolment_id AS "enrolmentId", concat_ws(' ', p.initials, p.prefix, p.surname) AS "personName",
  coalesce(p.personal_email, p.email) AS "personEmail", n.register_number AS "registerNumber", r.code AS "registerCode", r.name AS "registerName", v.version AS "registerVersion",
  v.cycle_years AS "cycleYears", a.title, a.level, a.motivation, a.evidence_ids AS "evidenceIds", a.status, a.assigned_to AS "assignedTo",
  m.display_name AS "assignedToName", a.decision_motivation AS "decisionMotivation", a.decided_on::text AS "decidedOn",
  a.valid_until::text AS "validUntil", a.kind, a.renews_id AS "renewsId", a.period_start::text AS "periodStart", a.postponed_until::text AS "postponedUntil",
  a.created_at AS "createdAt"`;
const from = sql`registration_applications a JOIN persons p ON p.id = a.person_id JOIN enrolments n ON n.id = a.enrolment_id
  JOIN registers r ON r.id = a.register_id JOIN register_versions v ON v.id = a.register_version_id LEFT JOIN accounts m ON m.id = a.assigned_to`;

export async function findApplication(db: Db, id: string): Promise<Application | undefined> {
  return firstRowOf(applicationRow, await db.execute(sql`SELECT ${columns} FROM ${from} WHERE a.id = ${id}`));
}

export async function listApplicationsOfEnrolment(db: Db, enrolmentId: string): Promise<Application[]> {
  return rowsOf(applicationRow, await db.execute(sql`SELECT ${columns} FROM ${from} WHERE a.enrolment_id = ${enrolmentId} ORDER BY a.created_at DESC`));
}

/** Register staff's queue: waiting for a commission member first, then those in review. */
export async function listOpenApplications(db: Db): Promise<Application[]> {
  return rowsOf(
    applicationRow,
    await db.execute(sql`SELECT ${columns} FROM ${from}
    WHERE a.status IN ('aangevraagd', 'bezwaar', 'in-behandeling')
    ORDER BY a.status = 'in-behandeling', a.created_at LIMIT 200`),
  );
}

export async function listAssignedTo(db: Db, accountId: string): Promise<Application[]> {
  return rowsOf(
    applicationRow,
    await db.execute(sql`SELECT ${columns} FROM ${from}
    WHERE a.status = 'in-behandeling' AND a.assigned_to = ${accountId} ORDER BY a.created_at LIMIT 200`),
  );
}

export async function listEvents(db: Db, applicationId: string): Promise<ApplicationEventLine[]> {
  return rowsOf(
    applicationEventRow,
    await db.execute(sql`SELECT from_status AS "fromStatus", to_status AS "toStatus", by_label AS "byLabel", reason, created_at AS "createdAt"
    FROM registration_events WHERE application_id = ${applicationId} ORDER BY created_at, id`),
  );
}

export type CommitteeMember = { id: string; name: string };

const committeeMemberRow = row({ id: column.text, name: column.text }) satisfies RowSchema<CommitteeMember>;

export async function listCommitteeMembers(db: Db): Promise<CommitteeMember[]> {
  return rowsOf(
    committeeMemberRow,
    await db.execute(sql`SELECT DISTINCT a.id, a.display_name AS name FROM memberships m JOIN accounts a ON a.id = m.account_id
    WHERE m.role = 'registration-committee' AND m.revoked_at IS NULL ORDER BY a.display_name`),
  );
}

export async function hasOpenApplication(db: Db, enrolmentId: string, registerId: string): Promise<boolean> {
  return hasRows(
    await db.execute(sql`SELECT 1 FROM registration_applications
    WHERE enrolment_id = ${enrolmentId} AND register_id = ${registerId} AND status IN ('aangevraagd', 'in-behandeling', 'bezwaar')`),
  );
}

export async function insertApplication(
  tx: Db,
  a: {
    personId: string;
    enrolmentId: string;
    registerId: string;
    registerVersionId: string;
    title: string;
    level: string;
    motivation: string;
    evidenceIds: string[];
    now: Date;
  },
): Promise<string> {
  const id = uuidV7();
  await tx.execute(sql`INSERT INTO registration_applications (id, person_id, enrolment_id, register_id, register_version_id, title, level, motivation, evidence_ids, status, created_at)
    VALUES (${id}, ${a.personId}, ${a.enrolmentId}, ${a.registerId}, ${a.registerVersionId}, ${a.title}, ${a.level}, ${a.motivation}, ${JSON.stringify(a.evidenceIds)}::jsonb,
      'aangevraagd', ${a.now.toISOString()})`);
  return id;
}

/** Moves an application on, only from the status it was read in; the event in the same breath. */
export async function moveApplication(
  tx: Db,
  id: string,
  from: ApplicationStatus,
  to: ApplicationStatus,
  event: { byLabel: string; reason: string | null; now: Date },
  set: { assignedTo?: string; decisionMotivation?: string; decidedOn?: string; validUntil?: string | null } = {},
): Promise<boolean> {
  const result = await tx.execute(sql`UPDATE registration_applications SET status = ${to},
      assigned_to = coalesce(${set.assignedTo ?? null}::uuid, assigned_to),
      decision_motivation = coalesce(${set.decisionMotivation ?? null}, decision_motivation),
      decided_on = coalesce(${set.decidedOn ?? null}::date, decided_on),
      valid_until = CASE WHEN ${set.validUntil === undefined} THEN valid_until ELSE ${set.validUntil ?? null}::date END
    WHERE id = ${id} AND status = ${from} RETURNING id`);
  if (!hasRows(result)) return false;
  await tx.execute(sql`INSERT INTO registration_events (id, application_id, from_status, to_status, by_label, reason, created_at)
    VALUES (${uuidV7()}, ${id}, ${from}, ${to}, ${event.byLabel}, ${event.reason}, ${event.now.toISOString()})`);
  return true;
}

export async function addFirstEvent(tx: Db, id: string, byLabel: string, now: Date): Promise<void> {
  await tx.execute(sql`INSERT INTO registration_events (id, application_id, from_status, to_status, by_label, reason, created_at)
    VALUES (${uuidV7()}, ${id}, NULL, 'aangevraagd', ${byLabel}, NULL, ${now.toISOString()})`);
}

/** The current registration of an enrolment, if any: the one still valid that ends last (an objection to it lets it stand). */
export async function currentRegistration(db: Db, enrolmentId: string, today: string): Promise<Application | undefined> {
  return firstRowOf(
    applicationRow,
    await db.execute(sql`SELECT ${columns} FROM ${from}
    WHERE a.enrolment_id = ${enrolmentId} AND a.valid_until IS NOT NULL AND a.valid_until >= ${today}::date
    ORDER BY a.valid_until DESC LIMIT 1`),
  );
}

const ownEnrolmentRow = row({ id: column.text, personId: column.text, registerNumber: column.text, status: column.text });

export async function findEnrolmentOfAccount(
  db: Db,
  accountId: string,
): Promise<{ id: string; personId: string; registerNumber: string; status: string } | undefined> {
  return firstRowOf(
    ownEnrolmentRow,
    await db.execute(sql`SELECT id, person_id AS "personId",
    register_number AS "registerNumber", status FROM enrolments WHERE account_id = ${accountId}`),
  );
}

const registerLevelRow = row({ title: column.text, level: column.text, criteria: column.text }) satisfies RowSchema<RegisterLevel>;

const currentRegisterVersionRow = row({
  registerId: column.text,
  code: column.text,
  name: column.text,
  versionId: column.text,
  levels: column.json(z.array(registerLevelRow)),
});

/** The registers with their current version: what one can apply for now. */
export async function listCurrentRegisterVersions(
  db: Db,
): Promise<{ registerId: string; code: string; name: string; versionId: string; levels: { title: string; level: string; criteria: string }[] }[]> {
  return rowsOf(
    currentRegisterVersionRow,
    await db.execute(sql`SELECT DISTINCT ON (r.id) r.id AS "registerId", r.code, r.name, v.id AS "versionId", v.levels
    FROM registers r JOIN register_versions v ON v.register_id = r.id ORDER BY r.id, v.version DESC`),
  );
}

/** Which of these evidence ids belong to the person. */
export async function ownEvidenceIds(db: Db, personId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return rowsOf(
    idRow,
    await db.execute(
      sql`SELECT id FROM evidence_files WHERE person_id = ${personId} AND id IN (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})`,
    ),
  ).map((r) => r.id);
}

export type EvidenceRef = { id: string; kind: string; title: string; issuer: string; issuedOn: string; fileName: string };

const evidenceRefRow = row({
  id: column.text,
  kind: column.text,
  title: column.text,
  issuer: column.text,
  issuedOn: column.day,
  fileName: column.text,
}) satisfies RowSchema<EvidenceRef>;

export async function listEvidence(db: Db, ids: string[]): Promise<EvidenceRef[]> {
  if (ids.length === 0) return [];
  return rowsOf(
    evidenceRefRow,
    await db.execute(sql`SELECT id, kind, title, issuer, issued_on::text AS "issuedOn", file_name AS "fileName"
    FROM evidence_files WHERE id IN (${sql.join(
      ids.map((i) => sql`${i}::uuid`),
      sql`, `,
    )}) ORDER BY issued_on DESC`),
  );
}

export async function listPersonEvidence(db: Db, personId: string): Promise<EvidenceRef[]> {
  return rowsOf(
    evidenceRefRow,
    await db.execute(sql`SELECT id, kind, title, issuer, issued_on::text AS "issuedOn", file_name AS "fileName"
    FROM evidence_files WHERE person_id = ${personId} ORDER BY issued_on DESC`),
  );
}
