import type { pagesNl } from './pages.texts.nl.ts';

export const pagesEn: Record<keyof typeof pagesNl, string> = {
  'home.title': 'Welcome to the Beroepsregister Onderwijs',
  'home.intro':
    'The Beroepsregister Onderwijs is the register of teachers and school leaders in Dutch primary education. Those registered in it have shown that they are qualified and keep their profession up to date.',
  'home.search.title': 'Search the register',
  'home.search.intro': 'Anyone can look up whether a teacher or school leader is enrolled or registered, and until when.',
  'home.search.name': 'Name of the teacher or school leader',
  'home.search.hint': 'At least 2 letters, for instance the surname.',
  'home.search.button': 'Search',
  'home.search.more': 'Search by register number or school',
  'home.about.title': 'What is the register?',
  'home.about.enrol':
    'Teachers and school leaders enrol and get a register number. The Registration Committee (Commissie Registratie) decides whether someone is registered, on the basis of diplomas and certificates. To stay registered, a person shows every few years that they have worked on their professional development.',
  'home.about.boards': 'School boards deliver the data of their staff. Teachers and school leaders check that data themselves.',
  'home.about.public':
    'Only the name, the register number, the status, the registration (register, title, level and until when) and the school where someone works are public. Date of birth, e-mail address and BSN are never public.',
  'home.enrol.title': 'For teachers and school leaders',
  'home.enrol.intro': 'Enrolling is free. You need an account for it; with it you also see your own data in My register.',
  'home.enrol.signIn': 'Sign in and enrol',
  'home.enrol.noAccount': 'No account yet?',
  'home.enrol.createAccount': 'Create an account',
  'home.enrol.button': 'Enrol',
  'home.enrol.signedIn': 'You are signed in. Enrol, or see your enrolment in My register.',
  'home.events.title': 'Events',
  'home.events.intro':
    'Information sessions, co-creation sessions and exploratory conversations for teachers, HR officers, school and team leaders. Register, and help shape the register.',
  'home.events.link': 'See the events',
  'home.organisations.title': 'Schools and boards',
  'home.koplopers': 'Would your school like to be one of the first to work with the register, with personal guidance?',
  'home.koplopers.link': 'Apply as a pioneer school',
  'home.searchOrganisations': 'Find a school or board',
  'home.stats': '{boards} boards, {schools} schools and {locations} locations in the directory.',
  'a11y.title': 'Accessibility statement',
};
