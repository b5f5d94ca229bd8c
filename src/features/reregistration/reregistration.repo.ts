import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import type { Totals } from './reregistration.rules.ts';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** A registration's period, the rule of the version it was decided under, and the totals of what counts in it. */
export type RegistrationTotals = {
  enrolmentId: string;
  since: string;
  until: string;
  renewalUnit: 'punten' | 'uren';
  renewalMinimum: number;
  cycleYears: number;
  totals: Totals;
};

type Row = Omit<RegistrationTotals, 'totals'> & { points: number; hours: number; primaryHours: number; themes: string | null };

/**
 * The next `limit` enrolments after `after` (by id, in no particular order) with their last registration period, and the
 * totals of the activities completed from its start up to `asOf`, summed by the database: the nightly
 * run reads one row per professional, not one per activity.
 */
export async function registrationTotalsAfter(db: Db, after: string, asOf: string, limit: number): Promise<RegistrationTotals[]> {
  // one hash aggregate per enrolment over a join with the activities: the plan of a plain aggregate
  const rows = rowsOf<Row>(await db.execute(sql`WITH last AS (
      SELECT DISTINCT ON (a.enrolment_id) a.enrolment_id, a.decided_on, a.valid_until, v.renewal_unit, v.renewal_minimum, v.cycle_years
      FROM registration_applications a JOIN register_versions v ON v.id = a.register_version_id
      WHERE a.valid_until IS NOT NULL AND a.enrolment_id > ${after}::uuid
      ORDER BY a.enrolment_id, a.valid_until DESC LIMIT ${limit})
    SELECT l.enrolment_id AS "enrolmentId", min(l.decided_on)::text AS since, min(l.valid_until)::text AS until, min(l.renewal_unit) AS "renewalUnit",
      min(l.renewal_minimum) AS "renewalMinimum", min(l.cycle_years) AS "cycleYears",
      coalesce(sum(x.points), 0)::int AS points, coalesce(sum(x.hours), 0)::float8 AS hours,
      coalesce(sum(x.hours) FILTER (WHERE x.primary_process), 0)::float8 AS "primaryHours",
      -- the themes only where a themes rule reads them
      string_agg(array_to_string(x.themes, '|'), '|') FILTER (WHERE l.renewal_unit = 'themas' AND cardinality(x.themes) > 0) AS themes
    FROM last l LEFT JOIN activities x ON x.enrolment_id = l.enrolment_id AND x.completed_on >= l.decided_on AND x.completed_on <= ${asOf}::date
    GROUP BY l.enrolment_id`));
  return rows.map(({ points, hours, primaryHours, themes, ...r }) => ({
    ...r,
    totals: { points, hours, primaryHours, themes: themes ? [...new Set(themes.split('|'))] : [], accreditedMaster: false },
  }));
}
