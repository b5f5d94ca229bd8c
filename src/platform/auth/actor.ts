import { roles, type OrganisationRef, type Role, type TokenScope } from './roles.ts';

export type Membership = { id: string; role: Role; organisation: OrganisationRef };

/**
 * A board that authorises an administratiekantoor to deliver for it (a machtiging, decision 022), as it
 * stands when the request came in: withdrawn, it is gone from the next request on.
 */
export type Mandate = { office: string; board: string };

/** Who is making a request: nobody, a signed-in person, or a machine client with a token. */
export type Actor =
  | { type: 'anonymous' }
  | {
      type: 'account';
      accountId: string;
      sessionId: string;
      email: string;
      displayName: string;
      memberships: Membership[];
      /** false while a role that needs a second factor is still waiting for it */
      secondFactorDone: boolean;
      /** the boards that authorise the administratiekantoren this account is a member of */
      mandates?: readonly Mandate[];
    }
  | {
      type: 'token';
      tokenId: string;
      organisation: OrganisationRef;
      scopes: TokenScope[];
      /** for an administratiekantoor's token: the boards that authorise it */
      mandates?: readonly Mandate[];
    }
  /** the operator at the command line (CLI), outside every organisation */
  | { type: 'system'; name: string };

export type AccountActor = Extract<Actor, { type: 'account' }>;
export type TokenActor = Extract<Actor, { type: 'token' }>;

export const anonymous: Actor = { type: 'anonymous' };

export function needsSecondFactor(memberships: Membership[]): boolean {
  return memberships.some((m) => roles[m.role].secondFactor);
}

export function hasRole(actor: Actor, role: Role, organisation?: OrganisationRef): boolean {
  if (actor.type !== 'account' || !actor.secondFactorDone) return false;
  return actor.memberships.some(
    (m) => m.role === role && (!organisation || (m.organisation.kind === organisation.kind && m.organisation.id === organisation.id)),
  );
}

/** For the audit trail: the role and organisation an actor acted in. */
export function actingAs(actor: Actor, via?: Membership): { role: string | null; organisation: OrganisationRef | null } {
  if (actor.type === 'token') return { role: `token:${actor.scopes.join(',')}`, organisation: actor.organisation };
  if (actor.type === 'account') return { role: via?.role ?? 'professional', organisation: via?.organisation ?? null };
  if (actor.type === 'system') return { role: `system:${actor.name}`, organisation: null };
  return { role: null, organisation: null };
}
