import type { AccountActor, TokenActor } from '../../platform/auth/actor.ts';
import { createApiToken, findApiToken, listApiTokens, revokeApiToken } from '../../platform/auth/api-tokens.ts';
import type { OrganisationRef, TokenScope } from '../../platform/auth/roles.ts';
import { recordAudit, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { nowOf, type IdentityDeps } from './identity.deps.ts';
import { authorise } from './members.service.ts';
import { describeOrganisation } from './organisation-names.ts';
import { inTransaction } from '../../db/transaction.ts';

export type NewTokenInput = { organisation: OrganisationRef; name: string; scopes: string[]; expiresAt: Date };

async function create(
  deps: IdentityDeps,
  context: ActorContext,
  input: NewTokenInput,
  createdBy: string | null,
  via?: Parameters<typeof recordAudit>[2]['via'],
) {
  return inTransaction(deps.db, async (tx) => {
    const { token, row } = await createApiToken(tx, { ...input, createdBy }, nowOf(deps));
    await recordAudit(tx, context, {
      action: 'api-token.created',
      via,
      subjectOrganisation: input.organisation,
      after: { tokenId: row.id, name: row.name, scopes: row.scopes, expiresAt: row.expiresAt.toISOString(), prefix: row.prefix },
    });
    return { token, row };
  });
}

/** An organisation admin creates a token for the organisation's software; the secret is returned once. */
export async function createToken(deps: IdentityDeps, context: ActorContext & { actor: AccountActor }, input: NewTokenInput) {
  const via = await authorise(context, { action: 'tokens.manage', organisation: input.organisation });
  await describeOrganisation(deps.db, input.organisation);
  return create(deps, context, input, context.actor.accountId, via);
}

/** The CLI's way: the operator of the installation creates a token for a board or organisation. */
export async function createTokenAsOperator(deps: IdentityDeps, input: NewTokenInput) {
  await describeOrganisation(deps.db, input.organisation);
  return create(deps, { actor: { type: 'system', name: 'cli' } }, input, null);
}

export async function listTokens(deps: IdentityDeps, context: ActorContext, organisation: OrganisationRef) {
  await authorise(context, { action: 'tokens.manage', organisation });
  return { organisation: await describeOrganisation(deps.db, organisation), tokens: await listApiTokens(deps.db, organisation) };
}

export async function revokeToken(deps: IdentityDeps, context: ActorContext & { actor: AccountActor }, tokenId: string): Promise<void> {
  const token = /^[0-9a-f-]{36}$/i.test(tokenId) ? await findApiToken(deps.db, tokenId) : undefined;
  if (!token) throw AppError.notFound(message('tokens.error.notFound'));
  const organisation = { kind: token.organisationKind as OrganisationRef['kind'], id: token.organisationId };
  const via = await authorise(context, { action: 'tokens.manage', organisation });
  if (token.revokedAt) return;
  await inTransaction(deps.db, async (tx) => {
    await revokeApiToken(tx, token.id, context.actor.accountId, nowOf(deps));
    await recordAudit(tx, context, {
      action: 'api-token.revoked',
      via,
      subjectOrganisation: organisation,
      before: { tokenId: token.id, name: token.name, scopes: token.scopes },
    });
  });
}

/** What a machine client may know about its own token: organisation, scopes, expiry. */
export async function describeCurrentToken(deps: IdentityDeps, actor: TokenActor) {
  const row = (await findApiToken(deps.db, actor.tokenId))!;
  const organisation = await describeOrganisation(deps.db, actor.organisation);
  return { organisation, scopes: actor.scopes as TokenScope[], name: row.name, expiresAt: row.expiresAt, createdAt: row.createdAt };
}
