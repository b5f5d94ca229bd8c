import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { countOf } from '../../db/rows.ts';
import type { OrganisationRef } from '../../platform/auth/roles.ts';

/** The people holding a role in the organisation now (each once, whatever their roles): the start card of its members page. */
export async function countMembers(db: Db, organisation: OrganisationRef): Promise<number> {
  return countOf(
    await db.execute(sql`SELECT count(DISTINCT account_id) AS n FROM memberships
    WHERE organisation_kind = ${organisation.kind} AND organisation_id = ${organisation.id} AND revoked_at IS NULL`),
  );
}

/** The organisation's API tokens that work now: neither revoked nor expired. */
export async function countLiveTokens(db: Db, organisation: OrganisationRef, now: Date): Promise<number> {
  return countOf(
    await db.execute(sql`SELECT count(*) AS n FROM api_tokens
    WHERE organisation_kind = ${organisation.kind} AND organisation_id = ${organisation.id} AND revoked_at IS NULL AND expires_at > ${now.toISOString()}`),
  );
}
