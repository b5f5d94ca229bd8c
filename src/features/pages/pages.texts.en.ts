import type { pagesNl } from './pages.texts.nl.ts';

export const pagesEn: Record<keyof typeof pagesNl, string> = {
  'home.title': 'Welcome to the Beroepsregister Onderwijs',
  'home.intro':
    'Teachers and school leaders in Dutch primary education show here that they keep their profession up to date. School boards deliver their staff data; anyone can consult the public register.',
  'home.searchOrganisations': 'Find a school or board',
  'home.stats': '{boards} boards, {schools} schools and {locations} locations in the directory.',
  'a11y.title': 'Accessibility statement',
};
