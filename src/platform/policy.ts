import type { Actor, Membership } from './auth/actor.ts';
import { roles, type OrganisationRef, type Role, type TokenScope } from './auth/roles.ts';
import { AppError } from './errors.ts';

/**
 * Everything an actor can ask to do that is not public. A feature that needs a new kind of access adds
 * it here, so that "who may do this" is answered in one place.
 */
export type Permission =
  | { action: 'account.manage-own' }
  | { action: 'members.read'; organisation: OrganisationRef }
  | { action: 'members.invite'; organisation: OrganisationRef; role: Role }
  | { action: 'members.revoke'; organisation: OrganisationRef; role: Role }
  | { action: 'tokens.manage'; organisation: OrganisationRef }
  | { action: 'board-settings.manage'; organisation: OrganisationRef }
  | { action: 'staff.read'; organisation: OrganisationRef }
  /** the board's own staff act on its people: answer a dispute, print an activation letter (never an administratiekantoor) */
  | { action: 'staff.act'; organisation: OrganisationRef }
  | { action: 'delivery.submit'; organisation: OrganisationRef }
  /** one delivery of a board: the board sees them all, an administratiekantoor only its own, and only while authorised */
  | { action: 'delivery.read'; organisation: OrganisationRef; submittedByOffice: string | null }
  | { action: 'offices.manage' }
  /** a board authorises an administratiekantoor to deliver for it, or withdraws that */
  | { action: 'mandates.grant'; organisation: OrganisationRef }
  /** the machtigingen of a board (which offices deliver for it) or of an office (which boards it delivers for) */
  | { action: 'mandates.read'; organisation: OrganisationRef }
  | { action: 'attendance.record'; organisation: OrganisationRef }
  | { action: 'development.read'; organisation: OrganisationRef; subjectAccountId: string }
  | { action: 'audit.read-any' }
  | { action: 'deliveries.overview' }
  | { action: 'duplicates.resolve' }
  | { action: 'registers.manage' }
  | { action: 'registrations.assign' }
  | { action: 'enrolments.manage' }
  | { action: 'registrations.decide' }
  | { action: 'outbox.read' }
  | { action: 'providers.manage' }
  | { action: 'offerings.submit'; organisation: OrganisationRef }
  | { action: 'offerings.assign' }
  | { action: 'offerings.review' }
  | { action: 'valuations.assess' }
  | { action: 'framework.manage' }
  /** the koploper programme: the pipeline, the estimate model, the suppliers' list (features/koplopers) */
  | { action: 'koplopers.manage' }
  /** the register office's events (bijeenkomsten): create, change, cancel, and their attendance lists */
  | { action: 'events.manage' }
  | { action: 'postponements.decide' };

/**
 * `office`: the administratiekantoor the actor acts as, when it is allowed only through a board's
 * machtiging (decision 022); it then sees its own deliveries only.
 */
export type Decision = { allowed: true; via?: Membership; office?: string } | { allowed: false; reason: 'unauthenticated' | 'forbidden' };

/** Whether a professional has granted this organisation insight into their development (a later feature answers). */
export type ConsentCheck = (subjectAccountId: string, organisation: OrganisationRef) => Promise<boolean>;

const denyConsent: ConsentCheck = async () => false;

const same = (a: OrganisationRef, b: OrganisationRef) => a.kind === b.kind && a.id === b.id;

function membershipIn(actor: Actor, accepted: readonly Role[], organisation?: OrganisationRef): Membership | undefined {
  if (actor.type !== 'account' || !actor.secondFactorDone) return undefined;
  return actor.memberships.find((m) => accepted.includes(m.role) && (!organisation || same(m.organisation, organisation)));
}

function tokenFor(actor: Actor, scope: TokenScope, organisation: OrganisationRef): boolean {
  return actor.type === 'token' && actor.scopes.includes(scope) && same(actor.organisation, organisation);
}

const allow = (via?: Membership): Decision => ({ allowed: true, via });

/** Roles that act within one organisation, by the kind of organisation. */
const staffRoles = {
  bestuur: ['board-admin', 'board-staff'],
  aanbieder: ['provider-admin', 'provider-staff'],
  administratiekantoor: ['office-admin', 'office-staff'],
} as const;
const adminRoles = { bestuur: ['board-admin'], aanbieder: ['provider-admin'], administratiekantoor: ['office-admin'] } as const;

const staffOf = (organisation: OrganisationRef): readonly Role[] =>
  organisation.kind in staffRoles ? staffRoles[organisation.kind as keyof typeof staffRoles] : [];
const adminsOf = (organisation: OrganisationRef): readonly Role[] =>
  organisation.kind in adminRoles ? adminRoles[organisation.kind as keyof typeof adminRoles] : [];

/**
 * The administratiekantoor through which the actor may deliver for `board` now: its token (scope
 * aanleveren), or a member of it, while the board authorises that office. `onlyOffice` narrows it to
 * one office (the one that made a delivery).
 */
function mandatedOffice(actor: Actor, board: OrganisationRef, onlyOffice?: string | null): { office: string; via?: Membership } | undefined {
  if (board.kind !== 'bestuur' || onlyOffice === null) return undefined;
  const authorises = (office: string) =>
    (onlyOffice === undefined || office === onlyOffice) &&
    (actor.type === 'account' || actor.type === 'token') &&
    (actor.mandates ?? []).some((m) => m.office === office && m.board === board.id);
  if (actor.type === 'token') {
    const { organisation } = actor;
    return organisation.kind === 'administratiekantoor' && actor.scopes.includes('aanleveren') && authorises(organisation.id)
      ? { office: organisation.id }
      : undefined;
  }
  if (actor.type !== 'account' || !actor.secondFactorDone) return undefined;
  const via = actor.memberships.find(
    (m) => m.organisation.kind === 'administratiekantoor' && staffRoles.administratiekantoor.some((r) => r === m.role) && authorises(m.organisation.id),
  );
  return via ? { office: via.organisation.id, via } : undefined;
}

const allowAsOffice = (found: { office: string; via?: Membership }): Decision => ({ allowed: true, via: found.via, office: found.office });

/**
 * Deny by default: answers whether `actor` may do `permission`, and through which membership (for the
 * audit trail). Organisation scope is part of every rule: board A's staff never act for board B.
 */
export async function decide(actor: Actor, permission: Permission, consent: ConsentCheck = denyConsent): Promise<Decision> {
  if (actor.type === 'anonymous') return { allowed: false, reason: 'unauthenticated' };
  if (actor.type === 'account' && !actor.secondFactorDone) return { allowed: false, reason: 'unauthenticated' };
  const registerStaff = membershipIn(actor, ['register-staff']);
  let via: Membership | undefined;
  switch (permission.action) {
    case 'account.manage-own':
      if (actor.type === 'account') return allow();
      break;
    case 'members.read':
      via = membershipIn(actor, staffOf(permission.organisation), permission.organisation) ?? registerStaff;
      if (via) return allow(via);
      break;
    case 'members.invite':
    case 'members.revoke': {
      const definition = roles[permission.role];
      if (definition.kind !== permission.organisation.kind) break;
      via = membershipIn(actor, definition.invitedBy, permission.organisation) ?? (definition.invitedBy.includes('register-staff') ? registerStaff : undefined);
      if (via) return allow(via);
      break;
    }
    case 'board-settings.manage':
      // how the board's staff hear of disputes: its admins decide, as they decide who is staff
      via = permission.organisation.kind === 'bestuur' ? membershipIn(actor, adminRoles.bestuur, permission.organisation) : undefined;
      if (via) return allow(via);
      break;
    case 'tokens.manage':
      via = membershipIn(actor, adminsOf(permission.organisation), permission.organisation);
      if (via) return allow(via);
      break;
    case 'staff.read':
      if (tokenFor(actor, 'lezen', permission.organisation)) return allow();
      via = membershipIn(actor, staffRoles.bestuur, permission.organisation) ?? registerStaff;
      if (via) return allow(via);
      break;
    case 'staff.act':
      via = membershipIn(actor, staffRoles.bestuur, permission.organisation);
      if (via) return allow(via);
      break;
    case 'delivery.submit':
    case 'delivery.read': {
      if (permission.organisation.kind !== 'bestuur') break; // a delivery is always a board's
      if (tokenFor(actor, 'aanleveren', permission.organisation)) return allow();
      via = membershipIn(actor, staffRoles.bestuur, permission.organisation);
      if (via) return allow(via);
      // an administratiekantoor: for a board that authorises it now, and reading only what it delivered itself
      const office = mandatedOffice(actor, permission.organisation, permission.action === 'delivery.read' ? permission.submittedByOffice : undefined);
      if (office) return allowAsOffice(office);
      break;
    }
    case 'mandates.grant':
      if (permission.organisation.kind !== 'bestuur') break;
      via = membershipIn(actor, adminRoles.bestuur, permission.organisation);
      if (via) return allow(via);
      break;
    case 'mandates.read':
      if (actor.type === 'token' && same(actor.organisation, permission.organisation)) return allow();
      via = membershipIn(actor, staffOf(permission.organisation), permission.organisation) ?? registerStaff;
      if (via) return allow(via);
      break;
    case 'attendance.record':
      if (tokenFor(actor, 'presentie', permission.organisation)) return allow();
      via = membershipIn(actor, [...staffRoles.aanbieder, ...staffRoles.bestuur], permission.organisation);
      if (via) return allow(via);
      break;
    case 'offerings.submit':
      // providers, and boards for what they offer their own and others' staff, submit offerings and add their runs
      via = membershipIn(actor, [...staffRoles.aanbieder, ...staffRoles.bestuur], permission.organisation);
      if (via) return allow(via);
      break;
    case 'development.read':
      via = membershipIn(actor, staffRoles.bestuur, permission.organisation);
      if (via && (await consent(permission.subjectAccountId, permission.organisation))) return allow(via);
      break;
    case 'audit.read-any':
    case 'deliveries.overview':
    case 'duplicates.resolve':
    case 'registers.manage':
    case 'registrations.assign':
    case 'enrolments.manage':
    case 'outbox.read':
    case 'providers.manage':
    case 'offerings.assign':
    case 'framework.manage':
    case 'koplopers.manage':
    case 'events.manage':
    case 'offices.manage':
      if (registerStaff) return allow(registerStaff);
      break;
    case 'registrations.decide':
    case 'postponements.decide':
      via = membershipIn(actor, ['registration-committee']);
      if (via) return allow(via);
      break;
    case 'offerings.review':
    case 'valuations.assess':
      // the Commissie Accreditatie values offerings in advance and activities afterwards
      via = membershipIn(actor, ['accreditation-committee']);
      if (via) return allow(via);
      break;
  }
  return { allowed: false, reason: 'forbidden' };
}

/** `decide`, for a use case that goes no further without it: the membership it acts through, or AppError unauthenticated / forbidden. */
export async function requirePermission(actor: Actor, permission: Permission, consent: ConsentCheck = denyConsent): Promise<Membership | undefined> {
  const decision = await decide(actor, permission, consent);
  if (!decision.allowed) throw decision.reason === 'unauthenticated' ? new AppError('unauthenticated') : new AppError('forbidden');
  return decision.via;
}
