import type { Database } from '../../src/db/database.ts';
import { amsterdamToUtc } from '../../src/features/catalogue/index.ts';
import { registerNumberFor } from '../../src/features/register/index.ts';
import type { OrganisationRef } from '../../src/platform/auth/roles.ts';
import { createAccount } from './accounts.ts';

/** A date this many days from today (JJJJ-MM-DD), so the tests keep working as time goes on. */
export const dayFrom = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);

/** A board straight in the database (no DUO directory needed). */
export async function insertBoard(database: Database, number: string, name: string): Promise<string> {
  const id = crypto.randomUUID();
  await database.query(`INSERT INTO boards (id, number, name) VALUES ($1, $2, $3)`, [id, number, name]);
  return id;
}

export async function insertProvider(database: Database, name: string): Promise<string> {
  const id = crypto.randomUUID();
  await database.query(
    `INSERT INTO providers (id, name, kind, contact_email, website, created_by_label) VALUES ($1, $2, 'aanbieder', 'info@aanbieder.nl', 'https://aanbieder.example.nl', 'test')`,
    [id, name],
  );
  return id;
}

export type OfferingInput = {
  organisation: OrganisationRef;
  organisationName?: string;
  title?: string;
  description?: string;
  status?: string;
  format?: 'klassikaal' | 'online' | 'hybride';
  activityKind?: string;
  themes?: string[];
  competencies?: string[];
  points?: number | null;
  hours?: number;
  priceCents?: number;
  primaryProcess?: boolean;
  validFrom?: string | null;
  validUntil?: string | null;
};

/**
 * An offering as the Commissie Accreditatie left it (the accreditation slice builds the real flow):
 * by default accredited, valid from two months ago to two years ahead, 12 points.
 */
export async function insertOffering(database: Database, input: OfferingInput): Promise<string> {
  const id = crypto.randomUUID();
  const themes = input.themes ?? ['Omgaan met verschillen'];
  const status = input.status ?? 'geaccrediteerd';
  const accredited = status === 'geaccrediteerd';
  await database.query(
    `INSERT INTO offerings (id, organisation_kind, organisation_id, organisation_name, title, description, learning_goals, activity_kind, format, themes, competencies,
       study_load_hours, primary_process, price_cents, contact_name, contact_email, status, accredited_points, accredited_themes, valid_from, valid_until, submitted_by_label)
     VALUES ($1, $2, $3, $4, $5, $6, 'Je leert differentiëren.\n\nEn je leert reflecteren.', $7, $8, $9::text[], $10::text[], $11, $12, $13, 'Carla Contact', 'cursus@aanbieder.nl',
       $14, $15, $16::text[], $17, $18, 'test')`,
    [
      id,
      input.organisation.kind,
      input.organisation.id,
      input.organisationName ?? 'Hogeschool Voorbeeld',
      input.title ?? 'Rekenen in groep 5',
      input.description ?? 'Een cursus over rekenonderwijs, met oefeningen; voor leraren in de middenbouw.',
      input.activityKind ?? 'cursus',
      input.format ?? 'klassikaal',
      themes,
      input.competencies ?? [],
      input.hours ?? 16,
      input.primaryProcess ?? true,
      input.priceCents ?? 29500,
      status,
      input.points === undefined ? (accredited ? 12 : null) : input.points,
      accredited ? themes : null,
      input.validFrom === undefined ? (accredited ? dayFrom(-60) : null) : input.validFrom,
      input.validUntil === undefined ? (accredited ? dayFrom(730) : null) : input.validUntil,
    ],
  );
  return id;
}

/** A run straight in the database: `days` from today, 09:30–16:00 Dutch time. */
export async function insertRun(database: Database, offeringId: string, days: number, where: { province?: string; online?: boolean } = {}): Promise<string> {
  const id = crypto.randomUUID();
  const day = dayFrom(days);
  const online = where.online ?? false;
  await database.query(
    `INSERT INTO offering_runs (id, offering_id, starts_at, ends_at, place, province, online, capacity, created_by_label) VALUES ($1, $2, $3, $4, $5, $6, $7, 30, 'test')`,
    [
      id,
      offeringId,
      amsterdamToUtc(day, '09:30').toISOString(),
      amsterdamToUtc(day, '16:00').toISOString(),
      online ? null : 'Jaarbeurs',
      online ? null : (where.province ?? 'Utrecht'),
      online,
    ],
  );
  return id;
}

let sequence = 2_000_000;

/** An enrolled professional with an account: person, account and enrolment with a fresh register number. */
export async function enrolledProfessional(database: Database, input: { email: string; surname: string; initials?: string; status?: string }) {
  const account = await createAccount(database, { email: input.email, displayName: input.surname });
  const person = crypto.randomUUID();
  await database.query(`INSERT INTO persons (id, initials, surname, birth_date, email, account_id) VALUES ($1, $2, $3, '1985-05-05', $4, $5)`, [
    person,
    input.initials ?? 'L.',
    input.surname,
    input.email,
    account.id,
  ]);
  const registerNumber = registerNumberFor(sequence++);
  await database.query(`INSERT INTO enrolments (id, person_id, account_id, register_number, status) VALUES ($1, $2, $3, $4, $5)`, [
    crypto.randomUUID(),
    person,
    account.id,
    registerNumber,
    input.status ?? 'ingeschreven',
  ]);
  return { accountId: account.id, registerNumber, email: input.email };
}
