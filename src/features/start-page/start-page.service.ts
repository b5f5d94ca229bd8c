import type { Db } from '../../db/database.ts';
import type { AccountActor } from '../../platform/auth/actor.ts';
import type { OrganisationRef, Role } from '../../platform/auth/roles.ts';
import { dutchToday } from '../../platform/dates/calendar.ts';
import type { MenuItems } from '../../ui/page-context.ts';
import type { StartCard, StartCardPlace, StartCardProvider } from '../feature.ts';
import { describeOrganisation } from '../identity/index.ts';
import { isLinkedToPerson } from '../register/index.ts';

/** A heading on the start page or Beheer, with the cards under it. */
export type StartSection = {
  /** an id for the section's anchor (`/beheer#…`) */
  id: string;
  place: StartCardPlace;
  /** an organisation's name; the others are named by their text */
  name?: string;
  /** the actor's roles there, for the line under an organisation's name */
  roles: Role[];
  cards: StartCard[];
  /** on the start page: Beheer shows more of this section than its tasks */
  more?: boolean;
};

const placeOfRole = (role: Role, organisation: OrganisationRef): StartCardPlace =>
  role === 'register-staff' || role === 'registration-committee' || role === 'accreditation-committee'
    ? role === 'register-staff'
      ? 'register-office'
      : role
    : organisation;

const keyOf = (place: StartCardPlace) => (typeof place === 'string' ? place : `${place.kind}-${place.id}`);

/** Whether this account is (or may become) a professional with a record of their own: linked to a person, or holding no role. */
async function hasOwnRecord(db: Db, actor: AccountActor): Promise<boolean> {
  return actor.memberships.length === 0 || (await isLinkedToPerson(db, actor.accountId));
}

/** What the main menu offers this account: Mijn register to a professional, Beheer to anyone with a role in an organisation. */
export async function describeMenu(db: Db, actor: AccountActor): Promise<MenuItems> {
  return { ownRecord: await hasOwnRecord(db, actor), manage: actor.memberships.length > 0 };
}

/**
 * Every card the features give this actor, in sections: Mijn register first, then one per organisation
 * (and per part of the register office) in the order of the actor's roles. The providers run one after
 * another: on PGlite there is one connection, and each asks only a few count queries.
 */
export async function collectSections(
  db: Db,
  providers: readonly StartCardProvider[],
  actor: AccountActor,
  options: { requestId?: string; now?: Date } = {},
): Promise<StartSection[]> {
  const now = options.now ?? new Date();
  const deps = { db, today: dutchToday(now), now, requestId: options.requestId };
  const cards: StartCard[] = [];
  for (const provider of providers) cards.push(...(await provider(deps, actor)));
  const sections = new Map<string, StartSection>();
  const add = (place: StartCardPlace, role?: Role) => {
    const id = keyOf(place);
    const section = sections.get(id) ?? { id, place, roles: [], cards: [] };
    if (role && !section.roles.includes(role)) section.roles.push(role);
    sections.set(id, section);
  };
  if (await hasOwnRecord(db, actor)) add('own');
  for (const m of actor.memberships) add(placeOfRole(m.role, m.organisation), m.role);
  for (const card of cards) {
    add(card.place);
    sections.get(keyOf(card.place))!.cards.push(card);
  }
  const named = [...sections.values()].map(async (section) => {
    if (typeof section.place === 'string') return section;
    const organisation = await describeOrganisation(db, section.place).catch(() => undefined);
    return { ...section, name: organisation?.name ?? section.place.id };
  });
  // the tasks that wait first, then the rest in the order the features gave them
  return (await Promise.all(named)).map((s) => ({ ...s, cards: [...s.cards].sort((a, b) => Number(b.waiting > 0) - Number(a.waiting > 0)) }));
}

/** The sections as the start page shows them: tasks only, and only sections that have any or are the person's own. */
export function startPageSections(sections: StartSection[]): StartSection[] {
  return sections
    .map((s) => ({ ...s, cards: s.cards.filter((c) => c.kind === 'task'), more: s.place !== 'own' && s.cards.some((c) => c.kind === 'page') }))
    .filter((s) => s.cards.length > 0 || s.place === 'own');
}

/** The sections Beheer shows: every organisation's (and the register office's), with tasks and pages. */
export function manageSections(sections: StartSection[]): StartSection[] {
  return sections.filter((s) => s.place !== 'own');
}

/** How many things wait for the actor over all cards: none means the start page says there is nothing to do. */
export const waitingIn = (sections: StartSection[]) => sections.reduce((sum, s) => sum + s.cards.reduce((n, c) => n + c.waiting, 0), 0);
