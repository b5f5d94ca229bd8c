import type { AccountActor } from '../../platform/auth/actor.ts';
import { isRole, roles, type OrganisationRef, type Role } from '../../platform/auth/roles.ts';
import { recordAudit, type ActorContext } from '../../platform/audit/audit.ts';
import { hashToken, randomToken } from '../../platform/crypto.ts';
import { AppError, type InvalidParam } from '../../platform/errors.ts';
import { message, translator, type Lang } from '../../platform/i18n.ts';
import { decide, type Permission } from '../../platform/policy.ts';
import * as accounts from './accounts.repo.ts';
import { emailPattern, normaliseEmail, nowOf, type IdentityDeps } from './identity.deps.ts';
import * as repo from './members.repo.ts';
import { describeOrganisation } from './organisation-names.ts';
import { inTransaction } from '../../db/transaction.ts';

const invitationDays = 14;

/** Asks the policy; throws the refusal as an AppError. Returns the membership it allowed through. */
export async function authorise(context: ActorContext, permission: Permission) {
  const decision = await decide(context.actor, permission);
  if (!decision.allowed) {
    // a refusal says what every refusal says (the error page); signing in is what helps the signed-out
    throw decision.reason === 'unauthenticated' ? new AppError('unauthenticated', message('members.error.signIn')) : new AppError('forbidden');
  }
  return decision.via;
}

export async function listMembers(deps: IdentityDeps, context: ActorContext, organisation: OrganisationRef) {
  const via = await authorise(context, { action: 'members.read', organisation });
  const named = await describeOrganisation(deps.db, organisation);
  const members = await repo.listMembersOf(deps.db, organisation.kind, organisation.id);
  const invitations = await repo.listOpenInvitationsOf(deps.db, organisation.kind, organisation.id, nowOf(deps));
  // a list of colleagues' names and addresses is personal data read by someone else: on the list's
  // record, and on each colleague's own, so they see it under "Wie heeft mijn gegevens ingezien"
  const viewer = context.actor.type === 'account' ? context.actor.accountId : null;
  await inTransaction(deps.db, async (tx) => {
    await recordAudit(tx, context, { action: 'members.listed', via, subjectOrganisation: organisation });
    for (const accountId of new Set(members.filter((m) => m.accountId !== viewer).map((m) => m.accountId))) {
      await recordAudit(tx, context, { action: 'member.viewed', via, subjectAccountId: accountId, subjectOrganisation: organisation });
    }
  });
  return { organisation: named, members, invitations };
}

export type InviteInput = { organisation: OrganisationRef; role: string; email: string; lang: Lang };

/** Invites an address into a role; the invitation mail carries a one-time link. */
export async function inviteMember(deps: IdentityDeps, context: ActorContext & { actor: AccountActor }, input: InviteInput): Promise<void> {
  const email = normaliseEmail(input.email);
  const problems: InvalidParam[] = [];
  if (!emailPattern.test(email)) problems.push({ name: 'email', reason: message('members.error.emailInvalid') });
  if (!isRole(input.role) || roles[input.role].kind !== input.organisation.kind) problems.push({ name: 'rol', reason: message('members.error.roleUnknown') });
  if (problems.length > 0) throw AppError.validation(problems);
  const role = input.role as Role;
  const via = await authorise(context, { action: 'members.invite', organisation: input.organisation, role });
  const named = await describeOrganisation(deps.db, input.organisation);
  const t = translator(input.lang);
  const token = randomToken();
  const now = nowOf(deps);
  const mailIds = await inTransaction(deps.db, async (tx) => {
    const invitation = await repo.insertInvitation(tx, {
      email,
      organisationKind: input.organisation.kind,
      organisationId: input.organisation.id,
      role,
      tokenHash: hashToken(token),
      invitedBy: context.actor.accountId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + invitationDays * 24 * 60 * 60 * 1000),
    });
    await recordAudit(tx, context, {
      action: 'membership.invited',
      via,
      subjectOrganisation: input.organisation,
      after: { invitationId: invitation.id, email, role },
    });
    return [
      await deps.mailer.queue(tx, {
        to: email,
        template: 'invitation',
        lang: input.lang,
        params: {
          inviter: context.actor.displayName,
          role: t(`role.${role}`),
          organisation: named.name,
          link: `${deps.baseUrl}/uitnodiging?token=${encodeURIComponent(token)}`,
        },
      }),
    ];
  });
  await deps.mailer.deliver(deps.db, mailIds);
}

export async function findInvitation(deps: IdentityDeps, token: string) {
  const invitation = await repo.findOpenInvitation(deps.db, hashToken(token), nowOf(deps));
  // like the other mailed links (bevestigen, deblokkeren): a 400 whose page says why; a 404 page would only say "not found"
  if (!invitation) throw new AppError('bad_request', message('invitation.error.gone'));
  const organisation = await describeOrganisation(deps.db, { kind: invitation.organisationKind as OrganisationRef['kind'], id: invitation.organisationId });
  return { invitation, organisation };
}

/** The signed-in account takes the invited role; the invitation must be for its own address. */
export async function acceptInvitation(deps: IdentityDeps, context: ActorContext & { actor: AccountActor }, token: string): Promise<void> {
  const { invitation } = await findInvitation(deps, token);
  if (invitation.email !== context.actor.email) {
    throw new AppError('forbidden', message('invitation.error.otherEmail', { email: invitation.email }));
  }
  const now = nowOf(deps);
  const organisation = { kind: invitation.organisationKind as OrganisationRef['kind'], id: invitation.organisationId };
  await inTransaction(deps.db, async (tx) => {
    if (!(await repo.markInvitationAccepted(tx, invitation.id, context.actor.accountId, now)))
      throw new AppError('conflict', message('invitation.error.accepted'));
    const membership = await repo.insertMembership(tx, {
      accountId: context.actor.accountId,
      organisationKind: organisation.kind,
      organisationId: organisation.id,
      role: invitation.role,
      grantedBy: invitation.invitedBy,
      createdAt: now,
    });
    // the link reached this address: it is verified
    const account = await accounts.findAccount(tx, context.actor.accountId);
    if (account && !account.emailVerifiedAt) await accounts.updateAccount(tx, account.id, { emailVerifiedAt: now });
    await recordAudit(tx, context, {
      action: 'membership.granted',
      subjectAccountId: context.actor.accountId,
      subjectOrganisation: organisation,
      before: null,
      after: { role: invitation.role, invitationId: invitation.id, alreadyHeld: membership === undefined },
    });
  });
}

export async function revokeMember(deps: IdentityDeps, context: ActorContext & { actor: AccountActor }, membershipId: string, reason: string): Promise<void> {
  const membership = /^[0-9a-f-]{36}$/i.test(membershipId) ? await repo.findActiveMembership(deps.db, membershipId) : undefined;
  if (!membership || !isRole(membership.role)) throw AppError.notFound(message('members.error.roleGone'));
  const organisation = { kind: membership.organisationKind as OrganisationRef['kind'], id: membership.organisationId };
  const via = await authorise(context, { action: 'members.revoke', organisation, role: membership.role });
  if (!reason.trim()) throw AppError.validation([{ name: 'reden', reason: message('members.error.reasonRequired') }]);
  await inTransaction(deps.db, async (tx) => {
    await repo.revokeMembership(tx, membership.id, context.actor.accountId, nowOf(deps));
    await recordAudit(tx, context, {
      action: 'membership.revoked',
      via,
      subjectAccountId: membership.accountId,
      subjectOrganisation: organisation,
      before: { role: membership.role },
      after: null,
      reason: reason.trim().slice(0, 500),
    });
  });
}

/** For the CLI and the demo seed: grants a role without an invitation, on the operator's authority. */
export async function grantRoleDirectly(
  deps: IdentityDeps,
  context: ActorContext,
  input: { accountId: string; organisation: OrganisationRef; role: Role; reason: string },
): Promise<void> {
  await describeOrganisation(deps.db, input.organisation);
  await inTransaction(deps.db, async (tx) => {
    await repo.insertMembership(tx, {
      accountId: input.accountId,
      organisationKind: input.organisation.kind,
      organisationId: input.organisation.id,
      role: input.role,
      createdAt: nowOf(deps),
    });
    await recordAudit(tx, context, {
      action: 'membership.granted',
      subjectAccountId: input.accountId,
      subjectOrganisation: input.organisation,
      after: { role: input.role },
      reason: input.reason,
    });
  });
}
