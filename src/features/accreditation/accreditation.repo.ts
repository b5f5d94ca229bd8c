import { sql, type SQL } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import type { Db } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { getCurrentFramework } from '../framework/index.ts';
import { activityKinds } from '../dossier/index.ts';
import {
  offeringFormats,
  offeringStatuses,
  providerKinds,
  type FrameworkChoice,
  type OfferingFacts,
  type OfferingFormat,
  type OfferingKind,
  type OfferingStatus,
  type ProviderFacts,
  type ProviderKind,
} from './offering.rules.ts';
import { column, countOf, firstRowOf, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';

const textArray = (items: string[]) => sql`${arrayLiteral(items)}::text[]`;

// ─── providers ───────────────────────────────────────────────────────────────────────────────────

export type Provider = { id: string; name: string; kind: ProviderKind; contactEmail: string; website: string | null; createdAt: Date };

const providerRow = row({
  id: column.text,
  name: column.text,
  kind: column.oneOf(providerKinds),
  contactEmail: column.text,
  website: column.text.nullable(),
  createdAt: column.moment,
}) satisfies RowSchema<Provider>;

const providerColumns = sql`id, name, kind, contact_email AS "contactEmail", website, created_at AS "createdAt"`;

export async function listProviders(db: Db): Promise<Provider[]> {
  return rowsOf(providerRow, await db.execute(sql`SELECT ${providerColumns} FROM providers ORDER BY lower(name) LIMIT 1000`));
}

export async function findProvider(db: Db, id: string): Promise<Provider | undefined> {
  return firstRowOf(providerRow, await db.execute(sql`SELECT ${providerColumns} FROM providers WHERE id = ${id}`));
}

export async function providerNameTaken(db: Db, name: string): Promise<boolean> {
  return hasRows(await db.execute(sql`SELECT 1 FROM providers WHERE lower(name) = lower(${name})`));
}

export async function insertProvider(db: Db, p: ProviderFacts, byLabel: string, now = new Date()): Promise<string> {
  const id = uuidV7();
  await db.execute(sql`INSERT INTO providers (id, name, kind, contact_email, website, created_by_label, created_at)
    VALUES (${id}, ${p.name}, ${p.kind}, ${p.contactEmail}, ${p.website}, ${byLabel}, ${now.toISOString()})`);
  return id;
}

// ─── the reference framework ─────────────────────────────────────────────────────────────────────

/** The current reference framework's theme and competency names, which an offering chooses from (features/framework keeps the versions). */
export async function currentFramework(db: Db): Promise<FrameworkChoice> {
  const framework = await getCurrentFramework(db);
  return { version: framework.version, themes: framework.themes.map((t) => t.name), competencies: framework.competencies.map((c) => c.name) };
}

// ─── offerings ───────────────────────────────────────────────────────────────────────────────────

export type OrganisationKindOfOffering = 'aanbieder' | 'bestuur';

export type Offering = OfferingFacts & {
  id: string;
  organisationKind: OrganisationKindOfOffering;
  organisationId: string;
  organisationName: string;
  status: OfferingStatus;
  assignedTo: string | null;
  assignedToName: string | null;
  assignedToEmail: string | null;
  accreditedPoints: number | null;
  accreditedThemes: string[] | null;
  validFrom: string | null;
  validUntil: string | null;
  decisionMotivation: string | null;
  decidedOn: string | null;
  submittedByLabel: string;
  createdAt: Date;
  updatedAt: Date;
};

const offeringStatus = column.oneOf(offeringStatuses);

const offeringRow = row({
  id: column.text,
  organisationKind: column.oneOf(['aanbieder', 'bestuur'] as const),
  organisationId: column.text,
  organisationName: column.text,
  title: column.text,
  description: column.text,
  learningGoals: column.text,
  activityKind: column.oneOf(activityKinds).exclude(['informeel-leren']),
  format: column.oneOf(offeringFormats),
  themes: column.texts,
  competencies: column.texts,
  studyLoadHours: column.number,
  primaryProcess: column.boolean,
  master: column.boolean,
  priceCents: column.integer,
  contactName: column.text,
  contactEmail: column.text,
  status: offeringStatus,
  assignedTo: column.text.nullable(),
  assignedToName: column.text.nullable(),
  assignedToEmail: column.text.nullable(),
  accreditedPoints: column.integer.nullable(),
  accreditedThemes: column.texts.nullable(),
  validFrom: column.day.nullable(),
  validUntil: column.day.nullable(),
  decisionMotivation: column.text.nullable(),
  decidedOn: column.day.nullable(),
  submittedByLabel: column.text,
  createdAt: column.moment,
  updatedAt: column.moment,
}) satisfies RowSchema<Offering>;

const totalRow = row({ total: column.integer });

const offeringColumns = sql`o.id, o.organisation_kind AS "organisationKind", o.organisation_id AS "organisationId", o.organisation_name AS "organisationName",
  o.title, o.description, o.learning_goals AS "learningGoals", o.activity_kind AS "activityKind", o.format, o.themes, o.competencies,
  o.study_load_hours::float8 AS "studyLoadHours", o.primary_process AS "primaryProcess", o.master, o.price_cents AS "priceCents",
  o.contact_name AS "contactName", o.contact_email AS "contactEmail", o.status, o.assigned_to AS "assignedTo", m.display_name AS "assignedToName",
  m.email AS "assignedToEmail", o.accredited_points AS "accreditedPoints", o.accredited_themes AS "accreditedThemes", o.valid_from::text AS "validFrom",
  o.valid_until::text AS "validUntil", o.decision_motivation AS "decisionMotivation", o.decided_on::text AS "decidedOn",
  o.submitted_by_label AS "submittedByLabel", o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;
const offeringFrom = sql`offerings o LEFT JOIN accounts m ON m.id = o.assigned_to`;

export async function findOffering(db: Db, id: string): Promise<Offering | undefined> {
  return firstRowOf(offeringRow, await db.execute(sql`SELECT ${offeringColumns} FROM ${offeringFrom} WHERE o.id = ${id}`));
}

/** An organisation's offerings, newest first. */
export async function listOfferingsOf(db: Db, organisation: { kind: OrganisationKindOfOffering; id: string }): Promise<Offering[]> {
  return rowsOf(
    offeringRow,
    await db.execute(sql`SELECT ${offeringColumns} FROM ${offeringFrom}
    WHERE o.organisation_kind = ${organisation.kind} AND o.organisation_id = ${organisation.id} ORDER BY o.created_at DESC, o.id DESC LIMIT 500`),
  );
}

const statusIn = (statuses: readonly OfferingStatus[]): SQL =>
  sql`o.status IN (${sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  )})`;

/** An organisation's offerings the commission is judging, and those where it asked the organisation something (the start page's card). */
export async function countOfferingsInReview(db: Db, organisation: { kind: string; id: string }): Promise<{ inReview: number; informationAsked: number }> {
  return firstRowOf(
    row({ inReview: column.integer, informationAsked: column.integer }),
    await db.execute(sql`SELECT count(*) FILTER (WHERE o.status IN ('ingediend', 'in-behandeling')) AS "inReview",
      count(*) FILTER (WHERE o.status = 'informatie-gevraagd') AS "informationAsked"
    FROM offerings o WHERE o.organisation_kind = ${organisation.kind} AND o.organisation_id = ${organisation.id}`),
  )!;
}

/** Register staff's work: submitted offerings waiting to be assigned to a member, and the providers they keep. */
export async function countAccreditationOfficeWork(db: Db): Promise<{ toAssign: number; providers: number }> {
  return firstRowOf(
    row({ toAssign: column.integer, providers: column.integer }),
    await db.execute(sql`SELECT (SELECT count(*) FROM offerings WHERE status = 'ingediend') AS "toAssign", (SELECT count(*) FROM providers) AS providers`),
  )!;
}

/** Offerings assigned to this member of the Commissie Accreditatie, waiting for their decision. */
export async function countOfferingsAssignedTo(db: Db, accountId: string): Promise<number> {
  return countOf(await db.execute(sql`SELECT count(*) AS n FROM offerings WHERE assigned_to = ${accountId} AND status = 'in-behandeling'`));
}

/** The commission's queue: offerings in these statuses, oldest first, one page and the count. */
export async function listQueue(
  db: Db,
  query: { statuses: readonly OfferingStatus[]; page: number; pageSize: number },
): Promise<{ rows: Offering[]; total: number }> {
  const offset = (query.page - 1) * query.pageSize;
  const rows = rowsOf(
    offeringRow,
    await db.execute(sql`SELECT ${offeringColumns} FROM ${offeringFrom}
    WHERE ${statusIn(query.statuses)} ORDER BY o.created_at, o.id LIMIT ${query.pageSize} OFFSET ${offset}`),
  );
  const [{ total }] = rowsOf(totalRow, await db.execute(sql`SELECT count(*)::int AS total FROM offerings o WHERE ${statusIn(query.statuses)}`));
  return { rows, total };
}

/** The offerings in these statuses assigned to this commission member, oldest first (at most `limit`; null: all). */
export async function listAssignedTo(db: Db, accountId: string, statuses: readonly OfferingStatus[], limit: number | null = 200): Promise<Offering[]> {
  return rowsOf(
    offeringRow,
    await db.execute(sql`SELECT ${offeringColumns} FROM ${offeringFrom}
    WHERE o.assigned_to = ${accountId} AND ${statusIn(statuses)} ORDER BY o.created_at, o.id LIMIT ${limit}`),
  );
}

export type OfferingInsert = {
  organisation: { kind: OrganisationKindOfOffering; id: string; name: string };
  facts: OfferingFacts;
  byLabel: string;
  now?: Date;
};

/** A submitted offering (status ingediend) with its first history line. */
export async function insertOffering(tx: Db, o: OfferingInsert): Promise<string> {
  const id = uuidV7();
  const now = (o.now ?? new Date()).toISOString();
  const f = o.facts;
  await tx.execute(sql`INSERT INTO offerings (id, organisation_kind, organisation_id, organisation_name, title, description, learning_goals, activity_kind, format,
      themes, competencies, study_load_hours, primary_process, master, price_cents, contact_name, contact_email, status, submitted_by_label, created_at, updated_at)
    VALUES (${id}, ${o.organisation.kind}, ${o.organisation.id}, ${o.organisation.name}, ${f.title}, ${f.description}, ${f.learningGoals}, ${f.activityKind}, ${f.format},
      ${textArray(f.themes)}, ${textArray(f.competencies)}, ${f.studyLoadHours}, ${f.primaryProcess}, ${f.master}, ${f.priceCents}, ${f.contactName}, ${f.contactEmail},
      'ingediend', ${o.byLabel}, ${now}, ${now})`);
  await tx.execute(sql`INSERT INTO offering_events (id, offering_id, from_status, to_status, by_label, message, created_at)
    VALUES (${uuidV7()}, ${id}, NULL, 'ingediend', ${o.byLabel}, NULL, ${now})`);
  return id;
}

export type OfferingChange = {
  assignedTo?: string;
  facts?: OfferingFacts;
  decision?: { points: number | null; themes: string[] | null; validFrom: string | null; validUntil: string | null; motivation: string; decidedOn: string };
};

/**
 * Moves an offering on, only from the status it was read in (false when someone else moved it
 * first), with what the step sets and its history line in the same breath.
 */
export async function moveOffering(
  tx: Db,
  id: string,
  from: OfferingStatus,
  to: OfferingStatus,
  event: { byLabel: string; message: string | null; now?: Date },
  change: OfferingChange = {},
): Promise<boolean> {
  const now = (event.now ?? new Date()).toISOString();
  const sets: SQL[] = [sql`status = ${to}`, sql`updated_at = ${now}`];
  if (change.assignedTo) sets.push(sql`assigned_to = ${change.assignedTo}`);
  const f = change.facts;
  if (f) {
    sets.push(
      sql`title = ${f.title}`,
      sql`description = ${f.description}`,
      sql`learning_goals = ${f.learningGoals}`,
      sql`activity_kind = ${f.activityKind}`,
      sql`format = ${f.format}`,
      sql`themes = ${textArray(f.themes)}`,
      sql`competencies = ${textArray(f.competencies)}`,
      sql`study_load_hours = ${f.studyLoadHours}`,
      sql`primary_process = ${f.primaryProcess}`,
      sql`master = ${f.master}`,
      sql`price_cents = ${f.priceCents}`,
      sql`contact_name = ${f.contactName}`,
      sql`contact_email = ${f.contactEmail}`,
    );
  }
  const d = change.decision;
  if (d) {
    sets.push(
      sql`accredited_points = ${d.points}`,
      sql`accredited_themes = ${d.themes ? textArray(d.themes) : null}`,
      sql`valid_from = ${d.validFrom}::date`,
      sql`valid_until = ${d.validUntil}::date`,
      sql`decision_motivation = ${d.motivation}`,
      sql`decided_on = ${d.decidedOn}::date`,
    );
  }
  const result = await tx.execute(sql`UPDATE offerings SET ${sql.join(sets, sql`, `)} WHERE id = ${id} AND status = ${from} RETURNING id`);
  if (!hasRows(result)) return false;
  await tx.execute(sql`INSERT INTO offering_events (id, offering_id, from_status, to_status, by_label, message, created_at)
    VALUES (${uuidV7()}, ${id}, ${from}, ${to}, ${event.byLabel}, ${event.message}, ${now})`);
  return true;
}

export type OfferingEventLine = { fromStatus: OfferingStatus | null; toStatus: OfferingStatus; byLabel: string; message: string | null; createdAt: Date };

const offeringEventLineRow = row({
  fromStatus: offeringStatus.nullable(),
  toStatus: offeringStatus,
  byLabel: column.text,
  message: column.text.nullable(),
  createdAt: column.moment,
}) satisfies RowSchema<OfferingEventLine>;

export async function listEvents(db: Db, offeringId: string): Promise<OfferingEventLine[]> {
  return rowsOf(
    offeringEventLineRow,
    await db.execute(sql`SELECT from_status AS "fromStatus", to_status AS "toStatus", by_label AS "byLabel", message, created_at AS "createdAt"
    FROM offering_events WHERE offering_id = ${offeringId} ORDER BY created_at, id`),
  );
}

export type CommitteeMember = { id: string; name: string };

const committeeMemberRow = row({ id: column.text, name: column.text }) satisfies RowSchema<CommitteeMember>;

/** The accounts holding the accreditation-committee role now. */
export async function listCommitteeMembers(db: Db): Promise<CommitteeMember[]> {
  return rowsOf(
    committeeMemberRow,
    await db.execute(sql`SELECT DISTINCT a.id, a.display_name AS name FROM memberships m JOIN accounts a ON a.id = m.account_id
    WHERE m.role = 'accreditation-committee' AND m.revoked_at IS NULL ORDER BY a.display_name`),
  );
}

export type { OfferingFormat, OfferingKind };
