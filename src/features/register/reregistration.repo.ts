import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import type { StoredVersion } from './renewal-rule.rules.ts';
import type { Activity, NoticeKind, Totals } from './reregistration.rules.ts';
import { column, firstRowOf, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';

const idRow = row({ id: column.text });

/** A stored rule as it is: `ruleOfStoredVersion` checks it and names the version when it is not a valid rule. */
const storedRule = column.json(z.unknown());

/**
 * What counts for a registration: the activities completed from its decision (the last
 * (re)registration, domain.md section 3) up to `valid_until`. A herregistratie's period runs on from
 * the end of the one it renews (`period_start`, which sets its `valid_until`), but what counts starts at
 * the decision: the renewal was judged on everything up to that day, so an activity after an early
 * grant counts for the next period, and one after a late grant's old end is not counted twice.
 * A person's registration is the one that lasts longest: the latest `valid_until`.
 */
const since = sql.raw('a.decided_on');

/** A registration's period, the version it was decided under, and the totals of what counts in it. */
export type RegistrationTotals = {
  enrolmentId: string;
  registrationId: string;
  since: string;
  until: string;
  postponedUntil: string | null;
  versionId: string;
  totals: Totals;
};

/** The registration's columns and the database's sums, before they become `totals`. */
const totalsRow = row({
  enrolmentId: column.text,
  registrationId: column.text,
  since: column.day,
  until: column.day,
  postponedUntil: column.day.nullable(),
  versionId: column.text,
  points: column.integer,
  hours: column.number,
  primaryHours: column.number,
  themes: column.text.nullable(),
  master: column.boolean,
});

/**
 * The next `limit` enrolments after `after` (by id, in no particular order) with their last registration period, and the
 * totals of the activities completed from its start up to `asOf`, summed by the database: the nightly
 * run reads one row per professional, not one per activity.
 */
export async function registrationTotalsAfter(db: Db, after: string, asOf: string, limit: number): Promise<RegistrationTotals[]> {
  return registrationTotalsWhere(db, sql`a.enrolment_id > ${after}::uuid`, asOf, limit);
}

/** The totals of one enrolment's last registration period (the start page's re-registration card); undefined when never registered. */
export async function registrationTotalsOf(db: Db, enrolmentId: string, asOf: string): Promise<RegistrationTotals | undefined> {
  return (await registrationTotalsWhere(db, sql`a.enrolment_id = ${enrolmentId}`, asOf, 1))[0];
}

async function registrationTotalsWhere(db: Db, enrolments: SQL, asOf: string, limit: number): Promise<RegistrationTotals[]> {
  // one aggregate per registration over a join with the activities: the plan of a plain aggregate. The
  // registration's columns are grouped on (one value each per enrolment), not taken with min() over
  // every activity row: on the bench's data that costs 10% over the plain aggregate's shape, min() 20%.
  const rows = rowsOf(
    totalsRow,
    await db.execute(sql`WITH last AS (
      SELECT DISTINCT ON (a.enrolment_id) a.enrolment_id, a.id, ${since} AS since, a.valid_until, a.postponed_until, a.register_version_id, v.renewal_unit
      FROM registration_applications a JOIN register_versions v ON v.id = a.register_version_id
      WHERE a.valid_until IS NOT NULL AND ${enrolments}
      ORDER BY a.enrolment_id, a.valid_until DESC LIMIT ${limit})
    SELECT l.enrolment_id AS "enrolmentId", l.id AS "registrationId", l.since::text AS since, l.valid_until::text AS until,
      l.postponed_until::text AS "postponedUntil", l.register_version_id AS "versionId",
      coalesce(sum(x.points), 0)::int AS points, coalesce(sum(x.hours), 0)::float8 AS hours,
      coalesce(sum(x.hours) FILTER (WHERE x.primary_process), 0)::float8 AS "primaryHours",
      -- the themes and masters only where a themes rule reads them
      string_agg(array_to_string(x.themes, '|'), '|') FILTER (WHERE l.renewal_unit = 'themas' AND cardinality(x.themes) > 0) AS themes,
      coalesce(bool_or(x.master) FILTER (WHERE l.renewal_unit = 'themas'), false) AS master
    FROM last l LEFT JOIN activities x ON x.enrolment_id = l.enrolment_id AND x.completed_on >= l.since AND x.completed_on <= ${asOf}::date
    GROUP BY l.enrolment_id, l.id, l.since, l.valid_until, l.postponed_until, l.register_version_id`),
  );
  return rows.map(({ points, hours, primaryHours, themes, master, ...r }) => ({
    ...r,
    totals: { points, hours, primaryHours, themes: themes ? [...new Set(themes.split('|'))] : [], accreditedMaster: master },
  }));
}

export type VersionRule = StoredVersion & { id: string; registerName: string; version: number };

const versionRuleRow = row({
  id: column.text,
  registerName: column.text,
  version: column.integer,
  renewalRule: storedRule,
  renewalUnit: column.text,
  renewalMinimum: column.integer,
  cycleYears: column.integer,
}) satisfies RowSchema<VersionRule>;

/** Every register version with what its rule is read from: a handful of rows, read once per run. */
export async function listVersionRules(db: Db): Promise<VersionRule[]> {
  return rowsOf(
    versionRuleRow,
    await db.execute(sql`SELECT v.id, r.name AS "registerName", v.version, v.renewal_rule AS "renewalRule", v.renewal_unit AS "renewalUnit",
      v.renewal_minimum AS "renewalMinimum", v.cycle_years AS "cycleYears"
    FROM register_versions v JOIN registers r ON r.id = v.register_id`),
  );
}

/** A registration: its period, postponement, title and level, and the version (with its rule) it was decided under. */
export type Registration = StoredVersion & {
  id: string;
  enrolmentId: string;
  personId: string;
  registerId: string;
  registerName: string;
  title: string;
  level: string;
  kind: string;
  since: string;
  until: string;
  postponedUntil: string | null;
  version: number;
};

const registrationRow = row({
  id: column.text,
  enrolmentId: column.text,
  personId: column.text,
  registerId: column.text,
  registerName: column.text,
  title: column.text,
  level: column.text,
  kind: column.text,
  since: column.day,
  until: column.day,
  postponedUntil: column.day.nullable(),
  version: column.integer,
  renewalRule: storedRule,
  renewalUnit: column.text,
  renewalMinimum: column.integer,
  cycleYears: column.integer,
}) satisfies RowSchema<Registration>;

const registrationColumns = sql`a.id, a.enrolment_id AS "enrolmentId", a.person_id AS "personId", a.register_id AS "registerId", r.name AS "registerName",
  a.title, a.level, a.kind, ${since}::text AS since, a.valid_until::text AS until, a.postponed_until::text AS "postponedUntil", v.version,
  v.renewal_rule AS "renewalRule", v.renewal_unit AS "renewalUnit", v.renewal_minimum AS "renewalMinimum", v.cycle_years AS "cycleYears"`;
const registrationFrom = sql`registration_applications a JOIN registers r ON r.id = a.register_id JOIN register_versions v ON v.id = a.register_version_id`;

/** The enrolment's registration: the one whose period ends last. */
export async function latestRegistration(db: Db, enrolmentId: string): Promise<Registration | undefined> {
  return firstRowOf(
    registrationRow,
    await db.execute(sql`SELECT ${registrationColumns} FROM ${registrationFrom}
    WHERE a.enrolment_id = ${enrolmentId} AND a.valid_until IS NOT NULL ORDER BY a.valid_until DESC LIMIT 1`),
  );
}

export async function findRegistration(db: Db, id: string): Promise<Registration | undefined> {
  return firstRowOf(
    registrationRow,
    await db.execute(sql`SELECT ${registrationColumns} FROM ${registrationFrom} WHERE a.id = ${id} AND a.valid_until IS NOT NULL`),
  );
}

const activityFactsRow = row({
  date: column.day,
  points: column.integer.nullable(),
  hours: column.number,
  primaryProcess: column.boolean,
  themes: column.texts,
  master: column.boolean,
});

/** One dossier's activities as the engine reads them. */
export async function listActivityFacts(db: Db, enrolmentId: string): Promise<Activity[]> {
  const rows = rowsOf(
    activityFactsRow,
    await db.execute(sql`SELECT
      completed_on::text AS date, points, hours::float8 AS hours, primary_process AS "primaryProcess", themes, master
    FROM activities WHERE enrolment_id = ${enrolmentId}`),
  );
  return rows.map((r) => ({
    date: r.date,
    points: r.points ?? 0,
    hours: r.hours,
    primaryProcess: r.primaryProcess,
    themes: r.themes,
    accreditedMaster: r.master,
  }));
}

export type OwnEnrolment = { id: string; personId: string; accountId: string; status: string; registerNumber: string };

const ownEnrolmentRow = row({
  id: column.text,
  personId: column.text,
  accountId: column.text,
  status: column.text,
  registerNumber: column.text,
}) satisfies RowSchema<OwnEnrolment>;

export async function findEnrolmentOfAccount(db: Db, accountId: string): Promise<OwnEnrolment | undefined> {
  return firstRowOf(
    ownEnrolmentRow,
    await db.execute(sql`SELECT id, person_id AS "personId", account_id AS "accountId", status, register_number AS "registerNumber"
    FROM enrolments WHERE account_id = ${accountId}`),
  );
}

export type OpenApplication = { id: string; kind: string; status: string; createdAt: Date };

const openApplicationRow = row({ id: column.text, kind: column.text, status: column.text, createdAt: column.moment }) satisfies RowSchema<OpenApplication>;

/** The enrolment's applications still open for a register (asked for, in review, or objected to). */
/** Holds the enrolment's row until the transaction ends: one professional's two requests at once are decided one after the other. */
export async function lockEnrolment(tx: Db, enrolmentId: string): Promise<void> {
  await tx.execute(sql`SELECT id FROM enrolments WHERE id = ${enrolmentId} FOR UPDATE`);
}

export async function openApplications(db: Db, enrolmentId: string, registerId: string): Promise<OpenApplication[]> {
  return rowsOf(
    openApplicationRow,
    await db.execute(sql`SELECT id, kind, status, created_at AS "createdAt" FROM registration_applications
    WHERE enrolment_id = ${enrolmentId} AND register_id = ${registerId} AND status IN ('aangevraagd', 'in-behandeling', 'bezwaar') ORDER BY created_at`),
  );
}

export async function currentVersionId(db: Db, registerId: string): Promise<string> {
  return rowsOf(idRow, await db.execute(sql`SELECT id FROM register_versions WHERE register_id = ${registerId} ORDER BY version DESC LIMIT 1`))[0].id;
}

/** A herregistratie: an application of its own, through the commission like a registration, renewing `renews`. */
export async function insertRenewal(
  tx: Db,
  r: {
    renews: { id: string; personId: string; enrolmentId: string; registerId: string; title: string; level: string };
    versionId: string;
    periodStart: string;
    motivation: string;
    now: Date;
  },
): Promise<string> {
  const id = uuidV7();
  await tx.execute(sql`INSERT INTO registration_applications (id, person_id, enrolment_id, register_id, register_version_id, kind, renews_id, period_start,
      title, level, motivation, evidence_ids, status, created_at)
    VALUES (${id}, ${r.renews.personId}, ${r.renews.enrolmentId}, ${r.renews.registerId}, ${r.versionId}, 'herregistratie', ${r.renews.id}, ${r.periodStart},
      ${r.renews.title}, ${r.renews.level}, ${r.motivation}, '[]'::jsonb, 'aangevraagd', ${r.now.toISOString()})`);
  return id;
}

// ─── postponements (uitstel) ────────────────────────────────────────────────────────────────────

const postponementStatuses = ['aangevraagd', 'toegekend', 'afgewezen'] as const;

export type Postponement = {
  id: string;
  registrationId: string;
  enrolmentId: string;
  ground: string;
  explanation: string;
  requestedUntil: string;
  status: (typeof postponementStatuses)[number];
  grantedUntil: string | null;
  decisionMotivation: string | null;
  decidedByLabel: string | null;
  decidedAt: Date | null;
  createdAt: Date;
};

const postponementColumns = sql`u.id, u.registration_id AS "registrationId", u.enrolment_id AS "enrolmentId", u.ground, u.explanation,
  u.requested_until::text AS "requestedUntil", u.status, u.granted_until::text AS "grantedUntil", u.decision_motivation AS "decisionMotivation",
  u.decided_by_label AS "decidedByLabel", u.decided_at AS "decidedAt", u.created_at AS "createdAt"`;
const postponementRow = row({
  id: column.text,
  registrationId: column.text,
  enrolmentId: column.text,
  ground: column.text,
  explanation: column.text,
  requestedUntil: column.day,
  status: column.oneOf(postponementStatuses),
  grantedUntil: column.day.nullable(),
  decisionMotivation: column.text.nullable(),
  decidedByLabel: column.text.nullable(),
  decidedAt: column.moment.nullable(),
  createdAt: column.moment,
}) satisfies RowSchema<Postponement>;

export async function listPostponementsOfEnrolment(db: Db, enrolmentId: string): Promise<Postponement[]> {
  return rowsOf(
    postponementRow,
    await db.execute(sql`SELECT ${postponementColumns} FROM postponements u WHERE u.enrolment_id = ${enrolmentId} ORDER BY u.created_at DESC`),
  );
}

export async function insertPostponement(
  tx: Db,
  p: { registrationId: string; enrolmentId: string; ground: string; explanation: string; requestedUntil: string; now: Date },
): Promise<string> {
  const id = uuidV7();
  await tx.execute(sql`INSERT INTO postponements (id, registration_id, enrolment_id, ground, explanation, requested_until, status, created_at)
    VALUES (${id}, ${p.registrationId}, ${p.enrolmentId}, ${p.ground}, ${p.explanation}, ${p.requestedUntil}, 'aangevraagd', ${p.now.toISOString()})`);
  return id;
}

/** A request with whose it is and the registration it postpones: what the commission decides on. */
export type PostponementCase = Postponement & {
  personId: string;
  personName: string;
  personEmail: string | null;
  /** null while register staff have unlinked the person (decision 021) */
  accountId: string | null;
  registerNumber: string;
  registerName: string;
  title: string;
  level: string;
  validUntil: string;
  postponedUntil: string | null;
};

const postponementCaseRow = postponementRow.extend({
  personId: column.text,
  personName: column.text,
  personEmail: column.text.nullable(),
  accountId: column.text.nullable(),
  registerNumber: column.text,
  registerName: column.text,
  title: column.text,
  level: column.text,
  validUntil: column.day,
  postponedUntil: column.day.nullable(),
}) satisfies RowSchema<PostponementCase>;

const caseColumns = sql`${postponementColumns}, p.id AS "personId", concat_ws(' ', p.initials, p.prefix, p.surname) AS "personName", coalesce(p.personal_email, p.email) AS "personEmail",
  n.account_id AS "accountId", n.register_number AS "registerNumber", r.name AS "registerName", a.title, a.level, a.valid_until::text AS "validUntil",
  a.postponed_until::text AS "postponedUntil"`;
const caseFrom = sql`postponements u JOIN enrolments n ON n.id = u.enrolment_id JOIN persons p ON p.id = n.person_id
  JOIN registration_applications a ON a.id = u.registration_id JOIN registers r ON r.id = a.register_id`;

/** The commission's queue: requests waiting for a decision, oldest first; then the last decided. */
export async function listPostponementQueue(db: Db): Promise<{ open: PostponementCase[]; decided: PostponementCase[] }> {
  const open = rowsOf(
    postponementCaseRow,
    await db.execute(sql`SELECT ${caseColumns} FROM ${caseFrom} WHERE u.status = 'aangevraagd' ORDER BY u.created_at LIMIT 200`),
  );
  const decided = rowsOf(
    postponementCaseRow,
    await db.execute(sql`SELECT ${caseColumns} FROM ${caseFrom} WHERE u.status <> 'aangevraagd' ORDER BY u.decided_at DESC LIMIT 20`),
  );
  return { open, decided };
}

export async function findPostponement(db: Db, id: string): Promise<PostponementCase | undefined> {
  return firstRowOf(postponementCaseRow, await db.execute(sql`SELECT ${caseColumns} FROM ${caseFrom} WHERE u.id = ${id}`));
}

/** Records the decision, only on a request still waiting for one; false when someone decided it meanwhile. */
export async function decidePostponement(
  tx: Db,
  id: string,
  d: { status: 'toegekend' | 'afgewezen'; grantedUntil: string | null; motivation: string; byLabel: string; now: Date },
): Promise<boolean> {
  return hasRows(
    await tx.execute(sql`UPDATE postponements SET status = ${d.status}, granted_until = ${d.grantedUntil}::date, decision_motivation = ${d.motivation},
      decided_by_label = ${d.byLabel}, decided_at = ${d.now.toISOString()}
    WHERE id = ${id} AND status = 'aangevraagd' RETURNING id`),
  );
}

export async function setPostponedUntil(tx: Db, registrationId: string, until: string): Promise<void> {
  // a later, shorter grant never pulls an earlier one's date back
  await tx.execute(sql`UPDATE registration_applications SET postponed_until = greatest(postponed_until, ${until}::date) WHERE id = ${registrationId}`);
}

// ─── the nightly notices ────────────────────────────────────────────────────────────────────────

export type NoticeRecipient = {
  registrationId: string;
  name: string;
  email: string | null;
  registerName: string;
  title: string;
  level: string;
  struckOff: boolean;
  /** a herregistratie of this registration is with the commission: no reminders then */
  renewalOpen: boolean;
};

const noticeRecipientRow = row({
  registrationId: column.text,
  name: column.text,
  email: column.text.nullable(),
  registerName: column.text,
  title: column.text,
  level: column.text,
  struckOff: column.boolean,
  renewalOpen: column.boolean,
}) satisfies RowSchema<NoticeRecipient>;

/** Who the notices of these registrations go to, in one statement. */
export async function noticeRecipients(db: Db, registrationIds: string[]): Promise<NoticeRecipient[]> {
  if (registrationIds.length === 0) return [];
  return rowsOf(
    noticeRecipientRow,
    await db.execute(sql`SELECT a.id AS "registrationId", concat_ws(' ', p.initials, p.prefix, p.surname) AS name,
      coalesce(p.personal_email, p.email) AS email, r.name AS "registerName", a.title, a.level, n.status = 'doorgehaald' AS "struckOff",
      EXISTS (SELECT 1 FROM registration_applications h WHERE h.enrolment_id = a.enrolment_id AND h.renews_id = a.id
        AND h.status IN ('aangevraagd', 'in-behandeling', 'bezwaar')) AS "renewalOpen"
    FROM unnest(${`{${registrationIds.join(',')}}`}::uuid[]) AS c(id)
    JOIN registration_applications a ON a.id = c.id JOIN enrolments n ON n.id = a.enrolment_id JOIN persons p ON p.id = a.person_id
    JOIN registers r ON r.id = a.register_id`),
  );
}

export type NoticeRow = { id: string; registrationId: string; kind: NoticeKind; periodEnd: string; mailId: string | null };

/** `values` as a list of codes, when it holds every member of `T` and nothing else (else it does not compile). */
const everyOf =
  <T extends string>() =>
  <const V extends readonly [T, ...T[]]>(values: V & ([Exclude<T, V[number]>] extends [never] ? unknown : never)): V =>
    values;

const noticeKinds = everyOf<NoticeKind>()(['herinnering-6', 'herinnering-2', 'onder-voorwaarden', 'verlopen']);

const noticeRow = row({
  id: column.text,
  registrationId: column.text,
  kind: column.oneOf(noticeKinds),
  periodEnd: column.day,
  mailId: column.text.nullable(),
}) satisfies RowSchema<NoticeRow>;

const noticeKeyRow = row({ key: column.text });

/** The notices already recorded for periods ending on or after `since`, as `registration|kind|period end` keys. */
export async function recordedNoticeKeys(db: Db, since: string): Promise<Set<string>> {
  const rows = rowsOf(
    noticeKeyRow,
    await db.execute(sql`SELECT concat_ws('|', registration_id, kind, period_end) AS key
    FROM reregistration_notices WHERE period_end >= ${since}::date`),
  );
  return new Set(rows.map((r) => r.key));
}

/** Inserts these notices in one statement; only those not recorded before come back (each notice once). */
export async function insertNotices(tx: Db, notices: NoticeRow[], now: Date): Promise<NoticeRow[]> {
  if (notices.length === 0) return [];
  return rowsOf(
    noticeRow,
    await tx.execute(sql`INSERT INTO reregistration_notices (id, registration_id, kind, period_end, mail_id, created_at)
    SELECT x.id, x."registrationId", x.kind, x."periodEnd", x."mailId", ${now.toISOString()}
    FROM jsonb_to_recordset(${JSON.stringify(notices)}::jsonb) AS x(id uuid, "registrationId" uuid, kind text, "periodEnd" date, "mailId" uuid)
    ON CONFLICT (registration_id, kind, period_end) DO NOTHING
    RETURNING id, registration_id AS "registrationId", kind, period_end::text AS "periodEnd", mail_id AS "mailId"`),
  );
}

export const newId = uuidV7;
