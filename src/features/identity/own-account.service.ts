import type { AccountActor } from '../../platform/auth/actor.ts';
import type { Db } from '../../db/database.ts';
import { listApiTokensHandledBy } from '../../platform/auth/api-tokens.ts';
import * as accounts from './accounts.repo.ts';
import type { IdentityDeps } from './identity.deps.ts';
import * as members from './members.repo.ts';

export async function describeOwnAccount(deps: IdentityDeps, actor: AccountActor) {
  const account = (await accounts.findAccount(deps.db, actor.accountId))!;
  const federated = await accounts.listFederatedIdentities(deps.db, account.id);
  return { account, federated };
}

/**
 * The identity part of the AVG export, as stored: the account, linked sign-in services, roles (past ones
 * too), invitations, and the machine tokens the account made or revoked for an organisation.
 */
export async function findOwnAccountData(db: Db, accountId: string) {
  const account = (await accounts.findAccount(db, accountId))!;
  const [identities, roles, invitations, sessions, mailLinks, apiTokens] = await Promise.all([
    accounts.listFederatedIdentities(db, account.id),
    members.listMembershipHistory(db, account.id),
    members.listInvitationsTo(db, account.email),
    accounts.listSessionsOfAccount(db, account.id),
    accounts.listEmailTokensOfAccount(db, account.id),
    listApiTokensHandledBy(db, account.id),
  ]);
  return { account, identities, roles, invitations, sessions, mailLinks, apiTokens };
}
