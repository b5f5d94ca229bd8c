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
  'register.status.ingeschreven': 'Enrolled',
  'register.status.aangevraagd': 'Registration applied for',
  'register.status.geregistreerd': 'Registered',
  'register.status.onderVoorwaarden': 'Under conditions',
  'register.status.verlopen': 'Re-registration lapsed',
  'register.status.doorgehaald': 'Struck off',
  'register.statusExplain.ingeschreven':
    'This person is enrolled in the register and has a register number. Enrolled is not yet registered: the Registration Committee (Commissie Registratie) has not, or not yet, decided that this person meets the requirements of a register.',
  'register.statusExplain.aangevraagd': 'This person is enrolled and has applied for registration. The Registration Committee decides on the application.',
  'register.statusExplain.geregistreerd':
    'The Registration Committee decided that this person meets the requirements of the register. A registration is valid up to and including the date shown with it. To stay registered, a person shows before that date that they have worked on their professional development: that is re-registration.',
  'register.statusExplain.onderVoorwaarden':
    'The registration period has ended and re-registration is not yet complete. This person stays registered under conditions (onder voorwaarden) for six months and can still re-register in that time. If not, the registration lapses.',
  'register.statusExplain.verlopen':
    'The registration period ended more than six months ago, without re-registration. This person is no longer registered, but is still enrolled and can apply for registration again.',
  'register.statusExplain.doorgehaald':
    "The register has struck this person's enrolment off (doorgehaald). This person is not registered: any registration they had is no longer valid and is therefore not shown on this page. The register reverses a striking-off only after a well-founded objection or a mistake.",
  'register.detail.number': 'Register number',
  'register.detail.status': 'Status',
  'register.detail.lastChanged': 'Last changed',
  'register.detail.statusMeaning': 'What does this status mean?',
  'register.detail.registrations': 'Registration',
  'register.detail.title': 'Title',
  'register.detail.level': 'Level',
  'register.detail.validUntil': 'Valid up to and including',
  'register.detail.lapsed': '{date} (lapsed)',
  'register.detail.noRegistrations': 'No registration is shown for this enrolment.',
  'register.detail.schools': 'Works at',
  'register.detail.noSchools': 'No school known.',
  'register.detail.about':
    'Last changed is the last day on which the name, status, registration or school on this page changed. Date of birth, e-mail address and BSN are never public.',
  'register.detail.back': 'Look up someone else in the register',
};
