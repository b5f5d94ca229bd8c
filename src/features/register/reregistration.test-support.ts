import type { Database } from '../../db/database.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { registerNumberFor } from './register-number.rules.ts';

/** Test data for re-registration: professionals with a registration and activities, straight in the database. */

let sequence = 1_200_000;

export type TestProfessional = {
  accountId: string;
  personId: string;
  enrolmentId: string;
  registrationId: string | null;
  registerNumber: string;
  email: string;
};

/**
 * An enrolled professional (an account of their own) with, unless `register` is absent, a
 * registration in that register's first version from `since` up to and including `until`.
 */
export async function professional(
  database: Database,
  p: {
    email: string;
    surname: string;
    accountId?: string;
    register?: 'lerarenregister' | 'schoolleidersregister-po';
    since?: string;
    until?: string;
    status?: string;
  },
): Promise<TestProfessional> {
  const accountId = p.accountId ?? uuidV7();
  if (!p.accountId) await database.query(`INSERT INTO accounts (id, email, display_name) VALUES ($1, $2, $3)`, [accountId, p.email, p.surname]);
  const [personId, enrolmentId] = [uuidV7(), uuidV7()];
  const registerNumber = registerNumberFor(sequence++);
  await database.query(`INSERT INTO persons (id, initials, surname, birth_date, email, account_id) VALUES ($1, $2, $3, '1980-01-01', $4, $5)`, [
    personId,
    `${p.surname[0]}.`,
    p.surname,
    p.email,
    accountId,
  ]);
  await database.query(`INSERT INTO enrolments (id, person_id, account_id, register_number, status) VALUES ($1, $2, $3, $4, $5)`, [
    enrolmentId,
    personId,
    accountId,
    registerNumber,
    p.status ?? (p.register ? 'geregistreerd' : 'ingeschreven'),
  ]);
  let registrationId: string | null = null;
  if (p.register) {
    registrationId = await registration(database, { personId, enrolmentId, register: p.register, decidedOn: p.since!, until: p.until! });
  }
  return { accountId, personId, enrolmentId, registrationId, registerNumber, email: p.email };
}

/** A registration decided on `decidedOn` (its period starting then, or on `periodStart`), valid until `until`. */
export async function registration(
  database: Database,
  r: {
    personId: string;
    enrolmentId: string;
    register: 'lerarenregister' | 'schoolleidersregister-po';
    decidedOn: string;
    until: string;
    periodStart?: string;
    kind?: string;
    renewsId?: string;
    status?: string;
  },
): Promise<string> {
  const id = uuidV7();
  const [title, level] = r.register === 'lerarenregister' ? ['Registerleraar', 'geregistreerd'] : ['RDO', 'niveau 1'];
  await database.query(
    `INSERT INTO registration_applications (id, person_id, enrolment_id, register_id, register_version_id, kind, renews_id, period_start, title, level,
      motivation, evidence_ids, status, decided_on, valid_until)
    SELECT $1, $2, $3, r.id, v.id, $4, $5, $6, $7, $8, 'Voldoet.', '[]'::jsonb, $9, $10, $11
    FROM registers r JOIN register_versions v ON v.register_id = r.id AND v.version = 1 WHERE r.code = $12`,
    [
      id,
      r.personId,
      r.enrolmentId,
      r.kind ?? 'registratie',
      r.renewsId ?? null,
      r.periodStart ?? null,
      title,
      level,
      r.status ?? 'geregistreerd',
      r.decidedOn,
      r.until,
      r.register,
    ],
  );
  return id;
}

/** Completed activities with points (as from accredited offerings) or hours. */
export async function activities(
  database: Database,
  enrolmentId: string,
  items: { date: string; points?: number; hours?: number; primaryProcess?: boolean }[],
): Promise<void> {
  for (const a of items) {
    await database.query(
      `INSERT INTO activities (id, enrolment_id, kind, title, started_on, completed_on, hours, primary_process, themes, points)
      VALUES ($1, $2, 'cursus', 'Cursus', $3, $3, $4, $5, '{}'::text[], $6)`,
      [uuidV7(), enrolmentId, a.date, a.hours ?? 8, a.primaryProcess ?? false, a.points ?? null],
    );
  }
}
