import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { addDays, addMonths, dutchToday } from '../../platform/dates/calendar.ts';
import * as repo from './reregistration.repo.ts';
import { inTransaction } from '../../db/transaction.ts';
import { column, row, rowsOf } from '../../db/rows.ts';

const candidateRow = row({ enrolmentId: column.text, unit: column.text, name: column.text });

/**
 * Demo data for re-registration, after the demo staff: of the professionals whose registration ended
 * within the last six months (onder voorwaarden), one has completed accredited activities and asked
 * for herregistratie (waiting for register staff to assign it), and one asked for uitstel because of
 * illness (waiting for the Commissie Registratie). Needs registered demo professionals onder voorwaarden.
 */
export async function seedDemoReregistration(db: Db, options: { today?: string } = {}): Promise<{ renewals: number; postponements: number }> {
  const today = options.today ?? dutchToday();
  const candidates = rowsOf(
    candidateRow,
    await db.execute(sql`SELECT n.id AS "enrolmentId", v.renewal_unit AS unit, concat_ws(' ', p.initials, p.prefix, p.surname) AS name
    FROM enrolments n JOIN persons p ON p.id = n.person_id
    JOIN LATERAL (SELECT a.valid_until, a.register_version_id FROM registration_applications a WHERE a.enrolment_id = n.id AND a.valid_until IS NOT NULL
      ORDER BY a.valid_until DESC LIMIT 1) last ON true
    JOIN register_versions v ON v.id = last.register_version_id
    WHERE n.status = 'geregistreerd' AND last.valid_until < ${today}::date AND last.valid_until >= ${addMonths(today, -6)}::date
    ORDER BY n.register_number LIMIT 2`),
  );
  const [renewing, postponing] = candidates;
  let renewals = 0;
  let postponements = 0;
  const now = new Date();
  if (renewing) {
    const registration = (await repo.latestRegistration(db, renewing.enrolmentId))!;
    // what the rule asks, completed in the period: points from accredited offerings, or hours of which most on the primary process
    const done = [addMonths(today, -20), addMonths(today, -11), addMonths(today, -3)];
    for (const [i, date] of done.entries()) {
      await db.execute(sql`INSERT INTO activities (id, enrolment_id, kind, title, provider, started_on, completed_on, hours, primary_process, themes, points, source, created_at, updated_at)
        VALUES (${uuidV7()}, ${renewing.enrolmentId}, 'cursus', ${['Leiderschap in de praktijk', 'Opbrengstgericht werken', 'Leren van elkaar'][i]}, 'Demo Academie',
          ${addDays(date, -7)}, ${date}, 60, ${i < 2}, '{}'::text[], ${renewing.unit === 'punten' ? 30 : null}, ${renewing.unit === 'punten' ? 'aanbod' : 'eigen'},
          ${now.toISOString()}, ${now.toISOString()})`);
    }
    await inTransaction(db, async (tx) => {
      const versionId = await repo.currentVersionId(tx, registration.registerId);
      const id = await repo.insertRenewal(tx, { renews: registration, versionId, periodStart: addDays(registration.until, 1), motivation: '', now });
      await tx.execute(sql`INSERT INTO registration_events (id, application_id, from_status, to_status, by_label, created_at)
        VALUES (${uuidV7()}, ${id}, NULL, 'aangevraagd', ${renewing.name}, ${now.toISOString()})`);
      await tx.execute(sql`INSERT INTO enrolment_events (id, enrolment_id, from_status, to_status, by_label, reason, created_at)
        VALUES (${uuidV7()}, ${renewing.enrolmentId}, 'geregistreerd', 'geregistreerd', ${renewing.name}, ${`${registration.registerName}: herregistratie aangevraagd`}, ${now.toISOString()})`);
    });
    renewals++;
  }
  if (postponing) {
    const registration = (await repo.latestRegistration(db, postponing.enrolmentId))!;
    await repo.insertPostponement(db, {
      registrationId: registration.id,
      enrolmentId: postponing.enrolmentId,
      ground: 'ziekte',
      explanation: 'Sinds het begin van het schooljaar langdurig ziek; ik werk weer op therapeutische basis en kon daardoor geen scholing volgen.',
      requestedUntil: addMonths(registration.until, 9),
      now,
    });
    postponements++;
  }
  return { renewals, postponements };
}
