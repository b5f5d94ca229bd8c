import { AppError } from '../errors.ts';
import type { Db } from '../../db/database.ts';
import { actingAs, type Actor, type Membership } from '../auth/actor.ts';
import type { OrganisationRef } from '../auth/roles.ts';
import * as repo from './audit.repo.ts';

/** Who acts, from where: every use case that changes or reads personal data receives this. */
export type ActorContext = { actor: Actor; requestId?: string };

/** The signed-in account acting, for use cases only an account can take; anyone else is unauthenticated. */
export function signedInAccount(ctx: ActorContext): Extract<Actor, { type: 'account' }> {
  if (ctx.actor.type !== 'account') throw new AppError('unauthenticated');
  return ctx.actor;
}

/** How history lines name who acted: the account's name, else its address; `fallback` for a token or the system. */
export function actorLabel(ctx: ActorContext, fallback = 'systeem'): string {
  return ctx.actor.type === 'account' ? ctx.actor.displayName || ctx.actor.email : fallback;
}

export type AuditEvent = {
  /** verb-first, dotted: `account.signed-in`, `membership.granted`, `person.viewed` */
  action: string;
  via?: Membership;
  subjectAccountId?: string | null;
  /** the person whose data this is, when they are a person in the register (with or without an account) */
  subjectPersonId?: string | null;
  subjectOrganisation?: OrganisationRef | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

/**
 * Appends one audit event. Pass the transaction of the change it records, so both land or neither.
 * Values that must never be stored (passwords, secrets, whole BSNs) are the caller's to leave out.
 */
export async function recordAudit(db: Db, context: ActorContext, event: AuditEvent): Promise<void> {
  await repo.insertAuditEvent(db, { ...rowOf(context, event), subjectPersonId: event.subjectPersonId ?? null });
}

/**
 * Appends the event once for each person whose data was read (a list, an export, a queue): each person
 * finds it in their own overview. One statement, whatever the number of persons.
 */
export async function recordAuditPerPerson(
  db: Db,
  context: ActorContext,
  event: Omit<AuditEvent, 'subjectPersonId'>,
  personIds: readonly string[],
): Promise<void> {
  await repo.insertAuditEventPerPerson(db, rowOf(context, event), personIds);
}

/**
 * Appends the event once for each account whose data was read (registrants of an event who registered
 * signed in): each finds it in their own overview. One statement, whatever the number of accounts.
 */
export async function recordAuditPerAccount(
  db: Db,
  context: ActorContext,
  event: Omit<AuditEvent, 'subjectAccountId' | 'subjectPersonId'>,
  accountIds: readonly string[],
): Promise<void> {
  await repo.insertAuditEventPerAccount(db, { ...rowOf(context, event), subjectPersonId: null }, accountIds);
}

function rowOf(context: ActorContext, event: Omit<AuditEvent, 'subjectPersonId'>) {
  const { actor } = context;
  const as = actingAs(actor, event.via);
  return {
    actorAccountId: actor.type === 'account' ? actor.accountId : null,
    actorTokenId: actor.type === 'token' ? actor.tokenId : null,
    actorRole: as.role,
    actorOrganisationKind: as.organisation?.kind ?? null,
    actorOrganisationId: as.organisation?.id ?? null,
    action: event.action,
    subjectAccountId: event.subjectAccountId ?? null,
    subjectOrganisationKind: event.subjectOrganisation?.kind ?? null,
    subjectOrganisationId: event.subjectOrganisation?.id ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    reason: event.reason ?? null,
    requestId: context.requestId ?? null,
  };
}

export type { AuditSubject } from './audit.repo.ts';
export const listEventsAbout = repo.listEventsAbout;
export const listEventsByActor = repo.listEventsByActor;
