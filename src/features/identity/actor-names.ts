import type { OrganisationRef } from '../../platform/auth/roles.ts';
import type { Db } from '../../db/database.ts';
import * as accounts from './accounts.repo.ts';
import { describeOrganisation } from './organisation-names.ts';

/** Audit rows with the name of the account that acted and of the organisation it acted for, for pages. */
export async function withActorNames<T extends { actorAccountId: string | null; actorOrganisationKind: string | null; actorOrganisationId: string | null }>(
  db: Db,
  events: T[],
): Promise<(T & { actorName: string | null; actorOrganisationName: string | null })[]> {
  const names = await accounts.findDisplayNames(db, [...new Set(events.flatMap((e) => (e.actorAccountId ? [e.actorAccountId] : [])))]);
  const organisations = new Map<string, string | null>();
  for (const e of events) {
    const key = organisationKey(e);
    if (!key || organisations.has(key)) continue;
    const ref = { kind: e.actorOrganisationKind, id: e.actorOrganisationId } as OrganisationRef;
    organisations.set(key, (await describeOrganisation(db, ref).catch(() => null))?.name ?? null);
  }
  return events.map((e) => ({
    ...e,
    actorName: e.actorAccountId ? (names.get(e.actorAccountId) ?? null) : null,
    actorOrganisationName: organisations.get(organisationKey(e) ?? '') ?? null,
  }));
}

const organisationKey = (e: { actorOrganisationKind: string | null; actorOrganisationId: string | null }) =>
  e.actorOrganisationKind && e.actorOrganisationId ? `${e.actorOrganisationKind}:${e.actorOrganisationId}` : undefined;
