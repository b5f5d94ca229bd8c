import type { Feature } from '../feature.ts';
import { organisationsNl } from './organisations.texts.nl.ts';
import { organisationsEn } from './organisations.texts.en.ts';
import { organisationRoutes } from './organisations.routes.tsx';

/** DUO's directory of boards, schools and locations. */
export const feature: Feature = {
  name: 'organisations',
  texts: [{ nl: organisationsNl, en: organisationsEn }],
  routes: organisationRoutes,
};

export { parseDuoBoards, parseDuoLocations } from './duo-file.rules.ts';
export {
  findBoardById,
  findBoardByNumber,
  findSchoolChoice,
  getBoardRef,
  getDirectoryFacts,
  getDirectoryStats,
  getOrganisation,
  importDuo,
  searchOrganisations,
  searchSchoolChoices,
} from './organisations.service.ts';
export type { ImportDuoInput, ImportDuoResult, SchoolChoice } from './organisations.service.ts';
export type { DirectoryFacts } from './directory-facts.rules.ts';
