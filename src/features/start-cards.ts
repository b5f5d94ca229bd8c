import type { AccountActor } from '../platform/auth/actor.ts';
import type { OrganisationKind, OrganisationRef } from '../platform/auth/roles.ts';
import { decide, type Permission } from '../platform/policy.ts';

/**
 * For a feature's start cards (`Feature.startCards`, see feature.ts): the organisations of these kinds
 * the actor holds a role in, each once, in which the policy allows `permission`. A card per organisation
 * then appears only where the actor may open its page.
 */
export async function organisationsAllowing(
  actor: AccountActor,
  kinds: readonly OrganisationKind[],
  permission: (organisation: OrganisationRef) => Permission,
): Promise<OrganisationRef[]> {
  const found: OrganisationRef[] = [];
  for (const { organisation } of actor.memberships) {
    if (!kinds.includes(organisation.kind) || found.some((o) => o.kind === organisation.kind && o.id === organisation.id)) continue;
    if ((await decide(actor, permission(organisation))).allowed) found.push(organisation);
  }
  return found;
}

/** Whether the policy allows the actor this, outside any organisation (the register office's and the commissions' work). */
export const allows = async (actor: AccountActor, permission: Permission) => (await decide(actor, permission)).allowed;
