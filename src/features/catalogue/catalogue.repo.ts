import { sql, type SQL } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.ts';
import type { Db } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import type { CatalogueFilters, RunFacts } from './catalogue.rules.ts';
import { column, firstRowOf, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';

const idRow = row({ id: column.text });
const totalRow = row({ total: column.integer });
const valueRow = row({ value: column.text });

export type Offering = {
  id: string;
  organisationKind: string;
  organisationId: string;
  organisationName: string;
  title: string;
  description: string;
  learningGoals: string;
  activityKind: string;
  format: string;
  themes: string[];
  competencies: string[];
  studyLoadHours: number;
  primaryProcess: boolean;
  master: boolean;
  priceCents: number;
  contactName: string;
  contactEmail: string;
  status: string;
  accreditedPoints: number | null;
  accreditedThemes: string[] | null;
  validFrom: string | null;
  validUntil: string | null;
  /** the provider's website, when the offering is a provider's */
  website: string | null;
};

const offeringRow = row({
  id: column.text,
  organisationKind: column.text,
  organisationId: column.text,
  organisationName: column.text,
  title: column.text,
  description: column.text,
  learningGoals: column.text,
  activityKind: column.text,
  format: column.text,
  themes: column.texts,
  competencies: column.texts,
  studyLoadHours: column.number,
  primaryProcess: column.boolean,
  master: column.boolean,
  priceCents: column.integer,
  contactName: column.text,
  contactEmail: column.text,
  status: column.text,
  accreditedPoints: column.integer.nullable(),
  accreditedThemes: column.texts.nullable(),
  validFrom: column.day.nullable(),
  validUntil: column.day.nullable(),
  website: column.text.nullable(),
}) satisfies RowSchema<Offering>;

const offeringColumns = sql`o.id, o.organisation_kind AS "organisationKind", o.organisation_id AS "organisationId", o.organisation_name AS "organisationName",
  o.title, o.description, o.learning_goals AS "learningGoals", o.activity_kind AS "activityKind", o.format, o.themes, o.competencies,
  o.study_load_hours::float8 AS "studyLoadHours", o.primary_process AS "primaryProcess", o.master, o.price_cents AS "priceCents",
  o.contact_name AS "contactName", o.contact_email AS "contactEmail", o.status, o.accredited_points AS "accreditedPoints",
  o.accredited_themes AS "accreditedThemes", o.valid_from::text AS "validFrom", o.valid_until::text AS "validUntil",
  (SELECT p.website FROM providers p WHERE o.organisation_kind = 'aanbieder' AND p.id = o.organisation_id) AS website`;

export async function findOffering(db: Db, id: string): Promise<Offering | undefined> {
  return firstRowOf(offeringRow, await db.execute(sql`SELECT ${offeringColumns} FROM offerings o WHERE o.id = ${id}`));
}

export type Run = {
  id: string;
  offeringId: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  province: string | null;
  online: boolean;
  capacity: number;
  cancelledAt: Date | null;
  attendanceCount: number;
};

const runRow = row({
  id: column.text,
  offeringId: column.text,
  startsAt: column.moment,
  endsAt: column.moment,
  place: column.text.nullable(),
  province: column.text.nullable(),
  online: column.boolean,
  capacity: column.integer,
  cancelledAt: column.moment.nullable(),
  attendanceCount: column.integer,
}) satisfies RowSchema<Run>;

const runColumns = sql`r.id, r.offering_id AS "offeringId", r.starts_at AS "startsAt", r.ends_at AS "endsAt", r.place, r.province, r.online, r.capacity,
  r.cancelled_at AS "cancelledAt", (SELECT count(*)::int FROM attendances a WHERE a.run_id = r.id) AS "attendanceCount"`;

/** All runs of an offering, the first first. */
export async function listRuns(db: Db, offeringId: string): Promise<Run[]> {
  return rowsOf(runRow, await db.execute(sql`SELECT ${runColumns} FROM offering_runs r WHERE r.offering_id = ${offeringId} ORDER BY r.starts_at, r.id`));
}

export async function findRun(db: Db, id: string): Promise<Run | undefined> {
  return firstRowOf(runRow, await db.execute(sql`SELECT ${runColumns} FROM offering_runs r WHERE r.id = ${id}`));
}

export async function insertRun(tx: Db, offeringId: string, run: RunFacts, byLabel: string, now: Date): Promise<string> {
  const id = uuidV7();
  await tx.execute(sql`INSERT INTO offering_runs (id, offering_id, starts_at, ends_at, place, province, online, capacity, created_by_label, created_at)
    VALUES (${id}, ${offeringId}, ${run.startsAt.toISOString()}, ${run.endsAt.toISOString()}, ${run.place}, ${run.province}, ${run.online}, ${run.capacity}, ${byLabel}, ${now.toISOString()})`);
  return id;
}

/** Cancels a run that has no attendance and was not cancelled yet; false when that no longer holds. */
export async function cancelRun(tx: Db, id: string, now: Date): Promise<boolean> {
  return hasRows(
    await tx.execute(sql`UPDATE offering_runs r SET cancelled_at = ${now.toISOString()}
    WHERE r.id = ${id} AND r.cancelled_at IS NULL AND NOT EXISTS (SELECT 1 FROM attendances a WHERE a.run_id = r.id) RETURNING r.id`),
  );
}

/**
 * An organisation's runs: how many there are (cancelled ones not counted), and how many took place
 * without any attendance recorded yet (the start page's card).
 */
export async function countRunsWithoutAttendance(
  db: Db,
  organisation: { kind: string; id: string },
  now: Date,
): Promise<{ runs: number; withoutAttendance: number }> {
  return firstRowOf(
    row({ runs: column.integer, withoutAttendance: column.integer }),
    await db.execute(sql`SELECT count(*) AS runs,
      count(*) FILTER (WHERE r.ends_at < ${now.toISOString()} AND NOT EXISTS (SELECT 1 FROM attendances a WHERE a.run_id = r.id)) AS "withoutAttendance"
    FROM offering_runs r JOIN offerings o ON o.id = r.offering_id
    WHERE o.organisation_kind = ${organisation.kind} AND o.organisation_id = ${organisation.id} AND r.cancelled_at IS NULL`),
  )!;
}

export type Participant = { personId: string; registerNumber: string; name: string; source: string; recordedByLabel: string; recordedAt: Date };

const participantRow = row({
  personId: column.text,
  registerNumber: column.text,
  name: column.text,
  source: column.text,
  recordedByLabel: column.text,
  recordedAt: column.moment,
}) satisfies RowSchema<Participant>;

/** Who attended a run, by register number. */
export async function listParticipants(db: Db, runId: string): Promise<Participant[]> {
  return rowsOf(
    participantRow,
    await db.execute(sql`SELECT p.id AS "personId", n.register_number AS "registerNumber", concat_ws(' ', p.initials, p.prefix, p.surname) AS name,
      a.source, a.recorded_by_label AS "recordedByLabel", a.created_at AS "recordedAt"
    FROM attendances a JOIN enrolments n ON n.id = a.enrolment_id JOIN persons p ON p.id = n.person_id
    WHERE a.run_id = ${runId} ORDER BY p.surname, p.initials, n.register_number`),
  );
}

const ownAttendanceRow = row({
  offering: column.text,
  provider: column.text,
  startsAt: column.moment,
  source: column.text,
  recordedByLabel: column.text,
  recordedAt: column.moment,
});

/** The runs this account's enrolment was recorded as attending, oldest first (for their AVG download). */
export async function listAttendancesOfAccount(db: Db, accountId: string) {
  return rowsOf(
    ownAttendanceRow,
    await db.execute(sql`SELECT o.title AS offering, o.organisation_name AS provider, r.starts_at AS "startsAt", a.source,
      a.recorded_by_label AS "recordedByLabel", a.created_at AS "recordedAt"
    FROM attendances a JOIN enrolments n ON n.id = a.enrolment_id JOIN offering_runs r ON r.id = a.run_id JOIN offerings o ON o.id = r.offering_id
    WHERE n.account_id = ${accountId} ORDER BY r.starts_at, a.created_at`),
  );
}

/** `accountId` is null while register staff have unlinked the person (decision 021); `email` is where the mail goes, if anywhere. */
export type EnrolmentByNumber = { id: string; registerNumber: string; status: string; accountId: string | null; email: string | null; name: string };

const enrolmentByNumberRow = row({
  id: column.text,
  registerNumber: column.text,
  status: column.text,
  accountId: column.text.nullable(),
  email: column.text.nullable(),
  name: column.text,
}) satisfies RowSchema<EnrolmentByNumber>;

export async function findEnrolmentsByNumbers(db: Db, registerNumbers: string[]): Promise<EnrolmentByNumber[]> {
  if (registerNumbers.length === 0) return [];
  return rowsOf(
    enrolmentByNumberRow,
    await db.execute(sql`SELECT n.id, n.register_number AS "registerNumber", n.status, n.account_id AS "accountId", ac.email,
      concat_ws(' ', p.initials, p.prefix, p.surname) AS name
    FROM enrolments n JOIN persons p ON p.id = n.person_id LEFT JOIN accounts ac ON ac.id = n.account_id
    WHERE n.register_number = ANY(${arrayLiteral(registerNumbers)}::text[])`),
  );
}

/** The attendance, or nothing when this person's attendance of this run was recorded already (also by someone at the same moment). */
export async function insertAttendance(
  tx: Db,
  input: { runId: string; enrolmentId: string; source: string; byLabel: string; now: Date },
): Promise<string | undefined> {
  const id = uuidV7();
  const inserted = firstRowOf(
    idRow,
    await tx.execute(sql`INSERT INTO attendances (id, run_id, enrolment_id, source, recorded_by_label, created_at)
    VALUES (${id}, ${input.runId}, ${input.enrolmentId}, ${input.source}, ${input.byLabel}, ${input.now.toISOString()})
    ON CONFLICT (run_id, enrolment_id) DO NOTHING RETURNING id`),
  );
  return inserted?.id;
}

/**
 * The offering as an activity in the participant's dossier (source aanbod): its kind, title, provider,
 * study load, primary process, accredited themes, competencies, master and points, on the run's dates.
 * The attendance then points at it. A second run of the same offering points at the same activity.
 */
export async function insertActivityForAttendance(
  tx: Db,
  input: { attendanceId: string; enrolmentId: string; offeringId: string; startedOn: string; completedOn: string; now: Date },
): Promise<string> {
  // the offering's points and hours count once: attending a second run (another day or edition) of it widens the dates of the activity it gave
  const earlier = firstRowOf(
    idRow,
    await tx.execute(sql`SELECT a.activity_id AS id FROM attendances a JOIN offering_runs r ON r.id = a.run_id
    WHERE a.enrolment_id = ${input.enrolmentId} AND r.offering_id = ${input.offeringId} AND a.activity_id IS NOT NULL LIMIT 1`),
  );
  if (earlier) {
    await tx.execute(sql`UPDATE activities SET started_on = least(started_on, ${input.startedOn}::date), completed_on = greatest(completed_on, ${input.completedOn}::date),
      updated_at = ${input.now.toISOString()} WHERE id = ${earlier.id}`);
    await tx.execute(sql`UPDATE attendances SET activity_id = ${earlier.id} WHERE id = ${input.attendanceId}`);
    return earlier.id;
  }
  const id = uuidV7();
  await tx.execute(sql`INSERT INTO activities (id, enrolment_id, kind, title, provider, started_on, completed_on, hours, primary_process, themes, competencies,
      master, points, source, created_at, updated_at)
    SELECT ${id}, ${input.enrolmentId}, o.activity_kind, o.title, o.organisation_name, ${input.startedOn}, ${input.completedOn}, o.study_load_hours, o.primary_process,
      coalesce(o.accredited_themes, o.themes), o.competencies, o.master, o.accredited_points, 'aanbod', ${input.now.toISOString()}, ${input.now.toISOString()}
    FROM offerings o WHERE o.id = ${input.offeringId}`);
  await tx.execute(sql`UPDATE attendances SET activity_id = ${id} WHERE id = ${input.attendanceId}`);
  return id;
}

// ─── the public catalogue ────────────────────────────────────────────────────────────────────────

/** Accredited, and today within the accreditation's validity. */
const inCatalogue = (today: string) => sql`o.status = 'geaccrediteerd' AND o.valid_until >= ${today} AND o.valid_from <= ${today}`;

const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, '\\$&')}%`;

export type CatalogueWindow = {
  /** runs from this instant on are upcoming (runs that have not ended) */
  now: Date;
  /** the date range's instants, start of `vanaf` and end of `tot` in Dutch time */
  from?: Date;
  until?: Date;
};

function conditions(filters: CatalogueFilters, today: string, window: CatalogueWindow): SQL {
  const parts: SQL[] = [inCatalogue(today)];
  for (const word of (filters.zoek ?? '').split(' ').filter(Boolean)) {
    parts.push(sql`(o.title ILIKE ${likePattern(word)} OR o.description ILIKE ${likePattern(word)})`);
  }
  if (filters.thema) parts.push(sql`${filters.thema} = ANY(coalesce(o.accredited_themes, o.themes))`);
  if (filters.competentie) parts.push(sql`${filters.competentie} = ANY(o.competencies)`);
  if (filters.puntenMin !== undefined) parts.push(sql`o.accredited_points >= ${filters.puntenMin}`);
  if (filters.puntenMax !== undefined) parts.push(sql`o.accredited_points <= ${filters.puntenMax}`);
  if (filters.vorm) parts.push(sql`o.format = ${filters.vorm}`);
  if (filters.regio || window.from || window.until) {
    // one run that meets them all: in this region, within these dates (or upcoming when no dates are asked)
    const run: SQL[] = [sql`r.offering_id = o.id`, sql`r.cancelled_at IS NULL`];
    if (filters.regio === 'online') run.push(sql`r.online`);
    else if (filters.regio) run.push(sql`r.province = ${filters.regio}`);
    if (window.from) run.push(sql`r.starts_at >= ${window.from.toISOString()}`);
    if (window.until) run.push(sql`r.starts_at < ${window.until.toISOString()}`);
    if (!window.from && !window.until) run.push(sql`r.ends_at > ${window.now.toISOString()}`);
    parts.push(sql`EXISTS (SELECT 1 FROM offering_runs r WHERE ${sql.join(run, sql` AND `)})`);
  }
  return sql.join(parts, sql` AND `);
}

export type CatalogueEntry = {
  id: string;
  title: string;
  organisationName: string;
  format: string;
  themes: string[];
  competencies: string[];
  points: number | null;
  studyLoadHours: number;
  priceCents: number;
  validUntil: string;
  nextRunAt: Date | null;
};

const catalogueEntryRow = row({
  id: column.text,
  title: column.text,
  organisationName: column.text,
  format: column.text,
  themes: column.texts,
  competencies: column.texts,
  points: column.integer.nullable(),
  studyLoadHours: column.number,
  priceCents: column.integer,
  validUntil: column.day,
  nextRunAt: column.moment.nullable(),
}) satisfies RowSchema<CatalogueEntry>;

/** A page of the catalogue: the offering with the soonest upcoming run first, then those without runs, by title. */
export async function searchCatalogue(db: Db, filters: CatalogueFilters, today: string, window: CatalogueWindow, page: number, pageSize: number) {
  const where = conditions(filters, today, window);
  const now = window.now.toISOString();
  const entries = rowsOf(
    catalogueEntryRow,
    await db.execute(sql`SELECT o.id, o.title, o.organisation_name AS "organisationName", o.format,
      coalesce(o.accredited_themes, o.themes) AS themes, o.competencies, o.accredited_points AS points, o.study_load_hours::float8 AS "studyLoadHours",
      o.price_cents AS "priceCents", o.valid_until::text AS "validUntil",
      (SELECT min(r.starts_at) FROM offering_runs r WHERE r.offering_id = o.id AND r.cancelled_at IS NULL AND r.ends_at > ${now}) AS "nextRunAt"
    FROM offerings o WHERE ${where}
    ORDER BY "nextRunAt" ASC NULLS LAST, o.title, o.id
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
  );
  const [{ total }] = rowsOf(totalRow, await db.execute(sql`SELECT count(*)::int AS total FROM offerings o WHERE ${where}`));
  return { entries, total };
}

/** The upcoming runs (not cancelled, not ended) of these offerings, each offering's first first. */
export async function listUpcomingRuns(db: Db, offeringIds: string[], now: Date): Promise<Run[]> {
  if (offeringIds.length === 0) return [];
  return rowsOf(
    runRow,
    await db.execute(sql`SELECT ${runColumns} FROM offering_runs r
    WHERE r.offering_id = ANY(${arrayLiteral(offeringIds)}::uuid[]) AND r.cancelled_at IS NULL AND r.ends_at > ${now.toISOString()}
    ORDER BY r.offering_id, r.starts_at, r.id`),
  );
}

/** An offering as the catalogue shows it: only while it is in the catalogue. */
export async function findCatalogueOffering(db: Db, id: string, today: string): Promise<Offering | undefined> {
  return firstRowOf(offeringRow, await db.execute(sql`SELECT ${offeringColumns} FROM offerings o WHERE o.id = ${id} AND ${inCatalogue(today)}`));
}

/** The themes and competencies the catalogue's offerings have, to filter on. */
export async function catalogueFacets(db: Db, today: string): Promise<{ themes: string[]; competencies: string[] }> {
  const [themes, competencies] = await Promise.all([
    db.execute(sql`SELECT DISTINCT t AS value FROM offerings o, unnest(coalesce(o.accredited_themes, o.themes)) t WHERE ${inCatalogue(today)} ORDER BY 1`),
    db.execute(sql`SELECT DISTINCT c AS value FROM offerings o, unnest(o.competencies) c WHERE ${inCatalogue(today)} ORDER BY 1`),
  ]);
  return { themes: rowsOf(valueRow, themes).map((r) => r.value), competencies: rowsOf(valueRow, competencies).map((r) => r.value) };
}

// ─── demo data ───────────────────────────────────────────────────────────────────────────────────

const registerNumberRow = row({ registerNumber: column.text });

/** Enrolled professionals (not struck off), for the demo's past run: the first few by register number. */
export async function listSomeEnrolments(db: Db, limit: number): Promise<string[]> {
  return rowsOf(
    registerNumberRow,
    await db.execute(sql`SELECT register_number AS "registerNumber" FROM enrolments WHERE status <> 'doorgehaald'
    ORDER BY register_number LIMIT ${limit}`),
  ).map((r) => r.registerNumber);
}
