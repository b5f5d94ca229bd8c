import type { startPageNl } from './start-page.texts.nl.ts';

export const startPageEn: Record<keyof typeof startPageNl, string> = {
  'start.title': 'My overview',
  'start.welcome': 'Welcome, {name}. This is what is ready for you.',
  'start.nothingWaiting': 'Nothing is waiting for you right now.',
  'start.section.own': 'My register',
  'start.section.register-office': 'Register office',
  'start.section.registration-committee': 'Registration Committee',
  'start.section.accreditation-committee': 'Accreditation Committee',
  'start.roles.one': 'Your role: {roles}',
  'start.roles.other': 'Your roles: {roles}',
  'start.moreInManage': 'Everything for {name} in Management',
  'start.ownRecordToo': 'Do you work in education yourself?',
  'start.ownRecordLink': 'Go to My register',
  'start.accountTitle': 'My account',
  'start.accountLink': 'Your name, e-mail address, signing in, roles and data',
  'manage.title': 'Management',
  'manage.intro': 'The pages of the organisations you hold a role in, with what waits on each page.',
  'manage.noPages': 'There are no pages for this role yet.',
  'manage.error.noRole': 'You hold no role at an organisation: there is nothing to manage.',
};
