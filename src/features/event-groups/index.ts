import type { Feature } from '../feature.ts';
import { eventGroupsRoutes } from './event-groups.routes.tsx';
import { eventGroupsEn } from './event-groups.texts.en.ts';
import { eventGroupsNl } from './event-groups.texts.nl.ts';

/**
 * The diverse groups of an exploratory conversation (issue 21 part 4, decisions 028 and 029): register
 * staff propose groups from the registrants' directory facts and stated role and setting, see the score
 * beside its bound, move people, improve, and mail each participant their group.
 */
export const feature: Feature = {
  name: 'event-groups',
  texts: [{ nl: eventGroupsNl, en: eventGroupsEn }],
  routes: eventGroupsRoutes,
};

/** For the AVG download (my-data): the person's groups. */
export { exportOwnEventGroups, seedDemoEventGroups } from './event-groups.service.ts';
