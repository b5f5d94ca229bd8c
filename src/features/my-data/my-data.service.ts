import type { Db } from '../../db/database.ts';
import type { AccountActor } from '../../platform/auth/actor.ts';
import { listEventsAbout } from '../../platform/audit/audit.ts';
import { listMailTo } from '../../platform/mail/mailer.ts';
import { findOwnAccountData } from '../identity/index.ts';
import { auditSubjectOf, exportOwnPostponements, exportOwnRecord } from '../register/index.ts';
import { exportAssessmentsBy, exportOwnDossier } from '../dossier/index.ts';
import { exportOfferingsAssignedTo } from '../accreditation/index.ts';
import { exportOwnAttendances } from '../catalogue/index.ts';
import { exportOfficeWorkOf } from '../administration-offices/index.ts';
import { exportDeliveriesAboutPerson } from '../deliveries/index.ts';
import { exportOwnConsents } from '../consent/index.ts';
import { exportOwnEventRegistrations } from '../events/index.ts';
import { exportKoploperDataOf } from '../koplopers/index.ts';
import { exportOwnEventGroups } from '../event-groups/index.ts';
import { exportOwnFeedback } from '../feedback/index.ts';

/** What the AVG data view needs: it reads, through their public functions, what every feature holds about a person. */
export type MyDataDeps = { db: Db };

export const accessPageSize = 50;

/**
 * Who other than the person looked at or changed their data: the audit events about them (as an account
 * or as a person in the register) by someone else, newest first, a page at a time from before `before`.
 * `next` is where the following page starts, when there is one.
 */
export async function listAccessByOthers(deps: MyDataDeps, actor: AccountActor, before?: number) {
  const subject = await auditSubjectOf(deps.db, actor);
  const events = await listEventsAbout(deps.db, subject, { limit: accessPageSize + 1, before, othersOnly: true });
  const page = events.slice(0, accessPageSize);
  return { events: page, next: events.length > accessPageSize ? page.at(-1)!.id : undefined };
}

/**
 * Everything held about the signed-in person (AVG art. 15): the account without its secrets, linked
 * identities, roles (also past ones), invitations, the register's record (inschrijving, delivered
 * employments, history), mails sent, and every audit event about them (all of them: no cap).
 */
export async function exportMyData(deps: MyDataDeps, actor: AccountActor) {
  const { account, identities, roles, invitations, sessions, mailLinks, apiTokens } = await findOwnAccountData(deps.db, actor.accountId);
  const subject = await auditSubjectOf(deps.db, { accountId: account.id, email: account.email });
  const [
    mails,
    events,
    register,
    development,
    consents,
    postponements,
    deliveries,
    attendances,
    assessments,
    assignedOfferings,
    officeWork,
    eventRegistrations,
    koploperData,
    eventGroups,
    feedback,
  ] = await Promise.all([
    listMailTo(deps.db, account.email),
    listEventsAbout(deps.db, subject, { othersOnly: false }),
    exportOwnRecord(deps.db, { accountId: account.id, email: account.email }),
    exportOwnDossier(deps.db, account.id),
    exportOwnConsents(deps.db, account.id),
    exportOwnPostponements(deps.db, account.id),
    exportDeliveriesAboutPerson(deps.db, { accountId: account.id, personIds: [...subject.personIds] }),
    exportOwnAttendances(deps.db, account.id),
    exportAssessmentsBy(deps.db, account.id),
    exportOfferingsAssignedTo(deps.db, account.id),
    exportOfficeWorkOf(deps.db, account.id),
    exportOwnEventRegistrations(deps.db, { accountId: account.id, email: account.email }),
    exportKoploperDataOf(deps.db, { accountId: account.id, email: account.email }),
    exportOwnEventGroups(deps.db, { accountId: account.id, email: account.email }),
    exportOwnFeedback(deps.db, { accountId: account.id, email: account.email }),
  ]);
  const { doorUAangeleverd, ...aboutYou } = deliveries;
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
      // the BSN an issuer vouched for at sign-in is kept only as a keyed hash (decision 021): never the number itself
      bsnViaInloggen: account.bsnHash ? 'bekend (alleen als sleutel-hash bewaard, niet te herleiden of te tonen)' : null,
      aangemaaktOp: account.createdAt.toISOString(),
    },
    gekoppeldeInlogdiensten: identities.map((i) => ({
      uitgever: i.issuer,
      gekoppeldOp: i.createdAt.toISOString(),
      laatstGebruikt: i.lastUsedAt?.toISOString() ?? null,
    })),
    rollen: roles.map((r) => ({
      rol: r.role,
      organisatie: { soort: r.organisationKind, id: r.organisationId },
      sinds: r.createdAt.toISOString(),
      ingetrokkenOp: r.revokedAt?.toISOString() ?? null,
    })),
    uitnodigingen: invitations.map((i) => ({
      rol: i.role,
      organisatie: { soort: i.organisationKind, id: i.organisationId },
      verstuurdOp: i.createdAt.toISOString(),
      aangenomenOp: i.acceptedAt?.toISOString() ?? null,
    })),
    sessies: sessions.map((s) => ({
      methode: s.method,
      begonnen: s.createdAt.toISOString(),
      laatstGezien: s.lastSeenAt.toISOString(),
      verloopt: s.expiresAt.toISOString(),
      beeindigd: s.endedAt?.toISOString() ?? null,
    })),
    eenmaligeLinks: mailLinks.map((l) => ({
      doel: l.purpose,
      gemaakt: l.createdAt.toISOString(),
      verloopt: l.expiresAt.toISOString(),
      gebruikt: l.usedAt?.toISOString() ?? null,
    })),
    register,
    aanleveringen: aboutYou,
    professionalisering: development,
    aanwezigheid: attendances,
    bijeenkomsten: eventRegistrations,
    koplopers: koploperData.alsContactpersoon,
    // the group of an exploratory conversation (event_group_members, by registration: the coverage test finds no person column there)
    bijeenkomstgroepen: eventGroups,
    // feedback after events: the invitations, and the answers that are not anonymous (an anonymous one names nobody)
    feedback,
    toestemmingen: consents,
    uitstel: postponements,
    // what the person did for an organisation: their work, which names them
    werkzaamheden: {
      apiSleutels: apiTokens.map((t) => ({
        naam: t.name,
        organisatie: { soort: t.organisationKind, id: t.organisationId },
        rechten: t.scopes,
        doorUGemaakt: t.createdBy === account.id,
        gemaakt: t.createdAt.toISOString(),
        verloopt: t.expiresAt.toISOString(),
        ingetrokken: t.revokedAt?.toISOString() ?? null,
        doorUIngetrokken: t.revokedBy === account.id,
      })),
      aanleveringen: doorUAangeleverd,
      beoordelingen: assessments,
      toegewezenAanbod: assignedOfferings,
      koplopersAlsEigenaar: koploperData.alsEigenaar,
      koploperHandelingen: koploperData.handelingen,
      ...officeWork,
    },
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
