import type { Db } from '../../db/database.ts';
import type { AccountActor } from '../../platform/auth/actor.ts';
import { recordAudit, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import * as repo from './accounts.repo.ts';
import { emailPattern, normaliseEmail, nowOf, type IdentityDeps } from './identity.deps.ts';
import type { OidcClaims } from './oidc-client.ts';
import { startSignedInSession, type SignInResult } from './sign-in.service.ts';
import { bindVouchedBsn, type VouchedBsnOutcome } from '../register/index.ts';
import { inTransaction } from '../../db/transaction.ts';

/** What signing in through the issuer did: a session (`signed-in`), or an identity added to the signed-in account; and what a BSN claim did. */
export type OidcOutcome =
  | (SignInResult & { outcome: 'signed-in'; bsn: VouchedBsnOutcome | null })
  | { outcome: 'identity-linked'; bsn: VouchedBsnOutcome | null };

/**
 * Signs in with an identity from the OpenID Connect issuer. A known identity signs in its account; a
 * signed-in person who asked to link gets the identity added to their account; a new identity gets a
 * new account, unless its address already has one: then the person signs in with the password first
 * and links from Mijn account (an issuer's word about an address never takes over an account). A BSN
 * the issuer vouched for (DigiD through a broker) binds the account to the person with that BSN
 * (decision 021, `bindVouchedBsn`).
 */
export async function signInWithOidc(deps: IdentityDeps, context: ActorContext, claims: OidcClaims, link: boolean): Promise<OidcOutcome> {
  const now = nowOf(deps);
  const known = await repo.findFederatedIdentity(deps.db, claims.issuer, claims.subject);
  if (link) {
    if (context.actor.type !== 'account' || !context.actor.secondFactorDone) throw new AppError('unauthenticated', message('account.error.signInFullyToLink'));
    if (known && known.accountId !== context.actor.accountId) throw new AppError('conflict', message('account.error.identityTaken'));
    if (!known) await linkIdentity(deps.db, context as ActorContext & { actor: AccountActor }, context.actor.accountId, claims);
    return { outcome: 'identity-linked', bsn: claims.bsn ? await bindVouchedBsn(deps, context, claims.bsn) : null };
  }
  if (known) {
    await repo.touchFederatedIdentity(deps.db, known.id, now);
    return startSignedInSession(deps, context, (await repo.findAccount(deps.db, known.accountId))!, 'oidc', claims.bsn);
  }
  const email = claims.email ? normaliseEmail(claims.email) : '';
  if (!emailPattern.test(email) || !claims.emailVerified) {
    throw new AppError('bad_request', message('signIn.error.oidcNoEmail'));
  }
  if (await repo.findAccountByEmail(deps.db, email)) {
    throw new AppError('conflict', message('signIn.error.oidcEmailTaken', { email }));
  }
  const account = await inTransaction(deps.db, async (tx) => {
    const created = await repo.insertAccount(tx, { email, displayName: claims.name?.trim() || email, passwordHash: null, emailVerifiedAt: now });
    await recordAudit(tx, context, { action: 'account.created', subjectAccountId: created.id, after: { email, via: claims.issuer } });
    await linkIdentity(tx, context, created.id, claims);
    return created;
  });
  return startSignedInSession(deps, context, account, 'oidc', claims.bsn);
}

async function linkIdentity(db: Db, context: ActorContext, accountId: string, claims: OidcClaims) {
  await repo.insertFederatedIdentity(db, { accountId, issuer: claims.issuer, subject: claims.subject });
  await recordAudit(db, context, { action: 'account.federated-identity-linked', subjectAccountId: accountId, after: { issuer: claims.issuer } });
}
