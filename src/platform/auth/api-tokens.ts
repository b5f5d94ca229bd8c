import type { Db } from '../../db/database.ts';
import { AppError } from '../errors.ts';
import { hashToken, randomToken } from '../crypto.ts';
import type { TokenActor } from './actor.ts';
import { organisationKinds, scopesByKind, tokenScopes, type OrganisationKind, type OrganisationRef, type TokenScope } from './roles.ts';
import * as repo from './api-tokens.repo.ts';
import { listLiveMandates } from './mandates.repo.ts';
import { dutchDateOf } from '../dates/calendar.ts';
import { formatDay } from '../i18n.ts';

export type { ApiTokenRow } from './api-tokens.repo.ts';

const tokenPrefix = 'bro_';
/** A token is valid for at most two years: the form and the CLI say so, and pick a day, valid until its end. */
export const maxTokenLifetimeYears = 2;

/** The latest expiry allowed when asked at `now`: the end of the same day two years on (so "today in two years" fits). */
export function latestTokenExpiry(now: Date): Date {
  const latest = new Date(now.getTime());
  latest.setUTCFullYear(latest.getUTCFullYear() + maxTokenLifetimeYears);
  latest.setUTCHours(23, 59, 59, 999);
  return latest;
}

export type NewApiToken = {
  organisation: OrganisationRef;
  name: string;
  scopes: string[];
  expiresAt: Date;
  createdBy: string | null;
};

/** Dutch reasons the request for a token cannot be granted; empty when it can. */
export function checkNewToken(input: NewApiToken, now = new Date()): { name: string; reason: string }[] {
  const problems: { name: string; reason: string }[] = [];
  const allowed = scopesByKind[input.organisation.kind] ?? [];
  if (allowed.length === 0) problems.push({ name: 'organisatie', reason: 'Dit soort organisatie kan geen API-tokens krijgen.' });
  if (!input.name.trim()) problems.push({ name: 'naam', reason: 'Geef het token een naam, bijvoorbeeld de naam van het pakket dat het gebruikt.' });
  if (input.name.length > 100) problems.push({ name: 'naam', reason: 'Een naam heeft hoogstens 100 tekens.' });
  if (input.scopes.length === 0) problems.push({ name: 'scope', reason: 'Kies minstens één bevoegdheid (scope).' });
  for (const scope of input.scopes) {
    if (!(tokenScopes as readonly string[]).includes(scope))
      problems.push({ name: 'scope', reason: `"${scope}" is geen bevoegdheid; kies uit ${tokenScopes.join(', ')}.` });
    else if (allowed.length > 0 && !allowed.includes(scope as TokenScope))
      problems.push({ name: 'scope', reason: `Een ${input.organisation.kind} kan de bevoegdheid "${scope}" niet krijgen; wel: ${allowed.join(', ')}.` });
  }
  if (Number.isNaN(input.expiresAt.getTime()) || input.expiresAt.getTime() <= now.getTime())
    problems.push({ name: 'verloopt', reason: 'De verloopdatum moet in de toekomst liggen.' });
  else if (input.expiresAt.getTime() > latestTokenExpiry(now).getTime())
    problems.push({
      name: 'verloopt',
      reason: `Een token is hoogstens ${maxTokenLifetimeYears} jaar geldig: kies een datum tot en met ${formatDay('nl', dutchDateOf(latestTokenExpiry(now)))}.`,
    });
  return problems;
}

/** Creates a token; the secret is in the result only, never stored: show it once. */
export async function createApiToken(db: Db, input: NewApiToken, now = new Date()): Promise<{ token: string; row: repo.ApiTokenRow }> {
  const problems = checkNewToken(input, now);
  if (problems.length > 0) throw AppError.validation(problems, problems.map((p) => p.reason).join(' '));
  const token = tokenPrefix + randomToken(32);
  const row = await repo.insertApiToken(db, {
    organisationKind: input.organisation.kind,
    organisationId: input.organisation.id,
    name: input.name.trim(),
    scopes: [...new Set(input.scopes)],
    tokenHash: hashToken(token),
    prefix: token.slice(0, 12),
    createdBy: input.createdBy,
    createdAt: now,
    expiresAt: input.expiresAt,
  });
  return { token, row };
}

/** The machine client behind a bearer token, or null when it is unknown, revoked or expired. */
export async function resolveApiToken(db: Db, token: string, now = new Date()): Promise<TokenActor | null> {
  if (!token.startsWith(tokenPrefix) || token.length > 100) return null;
  const row = await repo.findUsableToken(db, hashToken(token), now);
  if (!row || !(organisationKinds as readonly string[]).includes(row.organisationKind)) return null;
  await repo.touchToken(db, row.id, now);
  const kind = row.organisationKind as OrganisationKind;
  return {
    type: 'token',
    tokenId: row.id,
    organisation: { kind, id: row.organisationId },
    scopes: row.scopes.filter((s): s is TokenScope => (tokenScopes as readonly string[]).includes(s)),
    // an administratiekantoor's token acts for the boards that authorise it at this request
    ...(kind === 'administratiekantoor' ? { mandates: await listLiveMandates(db, [row.organisationId]) } : {}),
  };
}

export const listApiTokens = (db: Db, organisation: OrganisationRef) => repo.listTokensOf(db, organisation.kind, organisation.id);
export const findApiToken = repo.findToken;
export const revokeApiToken = (db: Db, id: string, by: string | null, now = new Date()) => repo.revokeToken(db, id, by, now);
export const listApiTokensHandledBy = repo.listTokensHandledBy;
