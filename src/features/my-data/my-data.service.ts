import type { AccountActor } from '../../platform/auth/actor.ts';
import { listEventsAbout, type AuditSubject } from '../../platform/audit/audit.ts';
import { listMailTo } from '../../platform/mail/mailer.ts';
import * as accounts from '../identity/accounts.repo.ts';
import type { IdentityDeps } from '../identity/identity.deps.ts';
import { describeOrganisation } from '../identity/organisation-names.ts';
import type { OrganisationRef } from '../../platform/auth/roles.ts';
import * as members from '../identity/members.repo.ts';
import { exportOwnRecord, listOwnPersonIds } from '../register/own-record.service.ts';
import { exportOwnDossier } from '../dossier/dossier.service.ts';
import { exportOwnConsents } from '../consent/consent.service.ts';
import { exportOwnPostponements } from '../register/reregistration.service.ts';

export const accessPageSize = 50;

/** Whom audit events about this account name: the account, and the persons the register holds for it. */
export async function auditSubjectOf(deps: IdentityDeps, account: { accountId: string; email: string }): Promise<AuditSubject> {
  return { accountId: account.accountId, personIds: await listOwnPersonIds(deps.db, account) };
}

/**
 * Who other than the person looked at or changed their data: the audit events about them (as an account
 * or as a person in the register) by someone else, newest first, a page at a time from before `before`.
 * `next` is where the following page starts, when there is one.
 */
export async function listAccessByOthers(deps: IdentityDeps, actor: AccountActor, before?: number) {
  const subject = await auditSubjectOf(deps, actor);
  const events = await listEventsAbout(deps.db, subject, { limit: accessPageSize + 1, before, othersOnly: true });
  const page = events.slice(0, accessPageSize);
  return { events: page, next: events.length > accessPageSize ? page.at(-1)!.id : undefined };
}

/**
 * Everything held about the signed-in person (AVG art. 15): the account without its secrets, linked
 * identities, roles (also past ones), invitations, the register's record (inschrijving, delivered
 * employments, history), mails sent, and every audit event about them (all of them: no cap).
 */
export async function exportMyData(deps: IdentityDeps, actor: AccountActor) {
  const account = (await accounts.findAccount(deps.db, actor.accountId))!;
  const [identities, roles, invitations, mails, events, register, development, consents, postponements] = await Promise.all([
    accounts.listFederatedIdentities(deps.db, account.id),
    members.listMembershipHistory(deps.db, account.id),
    members.listInvitationsTo(deps.db, account.email),
    listMailTo(deps.db, account.email),
    auditSubjectOf(deps, { accountId: account.id, email: account.email }).then((subject) => listEventsAbout(deps.db, subject, { othersOnly: false })),
    exportOwnRecord(deps.db, { accountId: account.id, email: account.email }),
    exportOwnDossier(deps.db, account.id),
    exportOwnConsents(deps.db, account.id),
    exportOwnPostponements(deps.db, account.id),
  ]);
  return {
    gemaaktOp: new Date().toISOString(),
    account: {
      id: account.id,
      email: account.email,
      naam: account.displayName,
      taal: account.preferredLang,
      emailBevestigdOp: account.emailVerifiedAt?.toISOString() ?? null,
      wachtwoordIngesteld: account.passwordHash !== null,
      tweeStapsVerificatieSinds: account.totpEnabledAt?.toISOString() ?? null,
      aangemaaktOp: account.createdAt.toISOString(),
    },
    gekoppeldeInlogdiensten: identities.map((i) => ({ uitgever: i.issuer, gekoppeldOp: i.createdAt.toISOString(), laatstGebruikt: i.lastUsedAt?.toISOString() ?? null })),
    rollen: roles.map((r) => ({
      rol: r.role,
      organisatie: { soort: r.organisationKind, id: r.organisationId },
      sinds: r.createdAt.toISOString(),
      ingetrokkenOp: r.revokedAt?.toISOString() ?? null,
    })),
    uitnodigingen: invitations.map((i) => ({ rol: i.role, organisatie: { soort: i.organisationKind, id: i.organisationId }, verstuurdOp: i.createdAt.toISOString(), aangenomenOp: i.acceptedAt?.toISOString() ?? null })),
    register,
    professionalisering: development,
    toestemmingen: consents,
    uitstel: postponements,
    emails: mails.map((m) => ({ onderwerp: m.subject, aangemaaktOp: m.createdAt.toISOString(), verstuurdOp: m.sentAt?.toISOString() ?? null })),
    logboek: events.map((e) => ({
      wanneer: e.at.toISOString(),
      handeling: e.action,
      doorAccount: e.actorAccountId,
      overPersoon: e.subjectPersonId,
      doorToken: e.actorTokenId,
      rol: e.actorRole,
      organisatie: e.actorOrganisationId ? { soort: e.actorOrganisationKind, id: e.actorOrganisationId } : null,
      voor: e.before,
      na: e.after,
      reden: e.reason,
    })),
  };
}

/** Audit rows with the name of the account that acted and of the organisation it acted for, for pages. */
export async function withActorNames<T extends { actorAccountId: string | null; actorOrganisationKind: string | null; actorOrganisationId: string | null }>(
  deps: IdentityDeps, events: T[],
): Promise<(T & { actorName: string | null; actorOrganisationName: string | null })[]> {
  const names = await accounts.findDisplayNames(deps.db, [...new Set(events.flatMap((e) => (e.actorAccountId ? [e.actorAccountId] : [])))]);
  const organisations = new Map<string, string | null>();
  for (const e of events) {
    const key = organisationKey(e);
    if (!key || organisations.has(key)) continue;
    const ref = { kind: e.actorOrganisationKind, id: e.actorOrganisationId } as OrganisationRef;
    organisations.set(key, (await describeOrganisation(deps.db, ref).catch(() => null))?.name ?? null);
  }
  return events.map((e) => ({
    ...e,
    actorName: e.actorAccountId ? (names.get(e.actorAccountId) ?? null) : null,
    actorOrganisationName: organisations.get(organisationKey(e) ?? '') ?? null,
  }));
}

const organisationKey = (e: { actorOrganisationKind: string | null; actorOrganisationId: string | null }) =>
  e.actorOrganisationKind && e.actorOrganisationId ? `${e.actorOrganisationKind}:${e.actorOrganisationId}` : undefined;

export async function describeOwnAccount(deps: IdentityDeps, actor: AccountActor) {
  const account = (await accounts.findAccount(deps.db, actor.accountId))!;
  const federated = await accounts.listFederatedIdentities(deps.db, account.id);
  return { account, federated };
}
