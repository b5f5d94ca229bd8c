import type { publicRegisterNl } from './public-register.texts.nl.ts';

export const publicRegisterEn: Record<keyof typeof publicRegisterNl, string> = {
  'register.title': 'Public register',
  'register.intro':
    'Look up a teacher or school leader in the Beroepsregister Onderwijs: by name, register number, or school or place. You only see public data.',
  'register.name': 'Name',
  'register.nameHint': 'At least 2 letters. Capitals, accents and prefixes (tussenvoegsel) do not matter.',
  'register.number': 'Register number',
  'register.school': 'School or place',
  'register.search': 'Search',
  'register.count': '{count} found',
  'register.countMore': 'More than {count} found: make the search more precise',
  'register.none': 'Nobody found. Check the spelling, or search for the beginning of the surname.',
  'register.caption': 'Found in the register',
  'register.col.name': 'Name',
  'register.col.number': 'Register number',
  'register.col.status': 'Status',
  'register.col.registration': 'Registration',
  'register.validUntil': 'until {date}',
  'register.lapsedSince': 'lapsed on {date}',
  'register.col.schools': 'Works at',
  'register.privacy': 'The register shows name, register number, status and school. Date of birth, e-mail address and BSN are never public.',
};
