import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { column, firstRowOf, row } from '../../db/rows.ts';

/** The Dutch calendar day of a timestamptz column. */
const dutchDay = (expression: string) => sql.raw(`(${expression} AT TIME ZONE 'Europe/Amsterdam')::date`);

const changedRow = row({ day: column.day });

/**
 * The last day on which anything the public register shows for this enrolment changed: the name, the
 * status, a registration, or a school. Some of those change without anyone acting, so the day is
 * worked out from what is stored, as the public facts are (public-register.repo.ts):
 * - the enrolment itself, each status line (applying, a decision, doorhalen, herstellen);
 * - a registration decided, a postponement granted (it moves the lapse windows);
 * - the day after a shown registration's period (or postponement) ends, when it reads as lapsed and the
 *   status as onder voorwaarden, and six months later, when the status turns herregistratie verlopen;
 * - a delivered change of the initials, tussenvoegsel or surname;
 * - an employment that appeared, moved, or ended (a school added to or gone from "works at").
 * A doorgehaalde enrolment shows no registrations: their dates count for nothing, its doorhaling line does.
 * Renamed schools (the monthly directory import) are the directory's change, not the entry's.
 */
export async function lastPublicChange(db: Db, registerNumber: string): Promise<string | undefined> {
  const result = firstRowOf(
    changedRow,
    await db.execute(sql`WITH n AS (SELECT id, person_id, status, created_at FROM enrolments WHERE register_number = ${registerNumber}),
    -- per register the registration the page shows, and the one that ends last (it sets the status)
    shown AS (SELECT DISTINCT ON (a.register_id) greatest(a.valid_until, a.postponed_until) AS lapse_base
      FROM registration_applications a JOIN n ON a.enrolment_id = n.id
      WHERE a.valid_until IS NOT NULL ORDER BY a.register_id, a.valid_until DESC),
    last AS (SELECT greatest(a.valid_until, a.postponed_until) AS lapse_base
      FROM registration_applications a JOIN n ON a.enrolment_id = n.id
      WHERE a.valid_until IS NOT NULL ORDER BY a.valid_until DESC LIMIT 1),
    days AS (
      SELECT ${dutchDay('created_at')} AS day FROM n
      UNION ALL SELECT ${dutchDay('ev.created_at')} FROM enrolment_events ev JOIN n ON ev.enrolment_id = n.id
      UNION ALL SELECT a.decided_on FROM registration_applications a JOIN n ON a.enrolment_id = n.id
        WHERE n.status <> 'doorgehaald' AND a.valid_until IS NOT NULL
      UNION ALL SELECT ${dutchDay('pp.decided_at')} FROM postponements pp JOIN n ON pp.enrolment_id = n.id
        WHERE n.status <> 'doorgehaald' AND pp.status = 'toegekend'
      UNION ALL SELECT shown.lapse_base + 1 FROM shown, n WHERE n.status <> 'doorgehaald' AND shown.lapse_base < current_date
      UNION ALL SELECT (last.lapse_base + interval '6 months')::date + 1 FROM last, n
        WHERE n.status = 'geregistreerd' AND last.lapse_base + interval '6 months' < current_date
      UNION ALL SELECT ${dutchDay('h.created_at')} FROM person_history h JOIN n ON h.person_id = n.person_id
        WHERE (h.kind = 'persoon-gewijzigd' AND h.changes ?| array['voorletters', 'tussenvoegsel', 'achternaam'])
          OR h.kind = 'dienstverband-beeindigd'
          OR (h.kind = 'dienstverband-gewijzigd' AND h.changes ?| array['vestiging', 'persoon', 'einddatum'])
      -- an employment is shown from when it is recorded until its end date has passed
      UNION ALL SELECT ${dutchDay('e.created_at')} FROM employments e JOIN n ON e.person_id = n.person_id
        WHERE e.end_date IS NULL OR e.end_date >= ${dutchDay('e.created_at')}
      UNION ALL SELECT e.end_date + 1 FROM employments e JOIN n ON e.person_id = n.person_id
        WHERE e.end_date < current_date AND e.end_date >= ${dutchDay('e.created_at')}
    )
    SELECT max(day)::text AS day FROM days HAVING max(day) IS NOT NULL`),
  );
  return result?.day;
}
