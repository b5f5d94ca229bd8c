import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { column, row, rowsOf } from '../../db/rows.ts';

const applicationRow = row({
  school: column.text,
  contactName: column.text,
  contactEmail: column.text,
  contactPhone: column.text.nullable(),
  teachers: column.integer,
  deliveryMethod: column.text,
  step: column.integer,
  createdAt: column.moment,
});

const ownedRow = row({ school: column.text, step: column.integer, nextDate: column.text.nullable(), createdAt: column.moment });

const actionRow = row({ school: column.text, kind: column.text, fromStep: column.integer.nullable(), toStep: column.integer.nullable(), at: column.moment });

/**
 * What the koploper programme holds about one person, for their AVG download: the applications that name
 * them as the school's contact (by their address, as the applicant typed it: a contact needs no account),
 * the koplopers they own as register staff, and what they did on the pipeline (the timeline names them).
 */
export async function exportKoploperDataOf(db: Db, owner: { accountId: string; email: string }) {
  const [applications, owned, actions] = await Promise.all([
    db.execute(sql`SELECT school_name AS school, contact_name AS "contactName", contact_email AS "contactEmail", contact_phone AS "contactPhone",
        teachers, delivery_method AS "deliveryMethod", step, created_at AS "createdAt"
      FROM koplopers WHERE lower(contact_email) = ${owner.email.toLowerCase()} ORDER BY created_at`),
    db.execute(sql`SELECT school_name AS school, step, next_date::text AS "nextDate", created_at AS "createdAt"
      FROM koplopers WHERE owner_account_id = ${owner.accountId} ORDER BY created_at`),
    db.execute(sql`SELECT k.school_name AS school, e.kind, e.from_step AS "fromStep", e.to_step AS "toStep", e.created_at AS at
      FROM koploper_events e JOIN koplopers k ON k.id = e.koploper_id WHERE e.by_account_id = ${owner.accountId} ORDER BY e.created_at, e.id`),
  ]);
  return {
    alsContactpersoon: rowsOf(applicationRow, applications).map((a) => ({
      school: a.school,
      naam: a.contactName,
      email: a.contactEmail,
      telefoon: a.contactPhone,
      leraren: a.teachers,
      aanlevering: a.deliveryMethod,
      stap: a.step,
      aangemeldOp: a.createdAt.toISOString(),
    })),
    alsEigenaar: rowsOf(ownedRow, owned).map((o) => ({ school: o.school, stap: o.step, volgendeDatum: o.nextDate, aangemeldOp: o.createdAt.toISOString() })),
    handelingen: rowsOf(actionRow, actions).map((a) => ({
      school: a.school,
      soort: a.kind,
      vanStap: a.fromStep,
      naarStap: a.toStep,
      wanneer: a.at.toISOString(),
    })),
  };
}
