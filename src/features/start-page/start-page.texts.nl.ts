export const startPageNl = {
  'start.title': 'Mijn overzicht',
  'start.welcome': 'Welkom, {name}. Hier staat wat er voor u klaarligt.',
  'start.nothingWaiting': 'Er wacht nu niets op u.',
  'start.section.own': 'Mijn register',
  'start.section.register-office': 'Registerbeheer',
  'start.section.registration-committee': 'Commissie Registratie',
  'start.section.accreditation-committee': 'Commissie Accreditatie',
  'start.roles.one': 'Uw rol: {roles}',
  'start.roles.other': 'Uw rollen: {roles}',
  'start.moreInManage': 'Alles van {name} in Beheer',
  'start.ownRecordToo': 'Werkt u zelf in het onderwijs?',
  'start.ownRecordLink': 'Naar Mijn register',
  'start.accountTitle': 'Mijn account',
  'start.accountLink': 'Uw naam, e-mailadres, inloggen, rollen en gegevens',
  'manage.title': 'Beheer',
  'manage.intro': 'De pagina’s van de organisaties waarin u een rol hebt, met wat er op elke pagina wacht.',
  'manage.noPages': 'Voor deze rol zijn er nog geen pagina’s.',
  'manage.error.noRole': 'U hebt geen rol bij een organisatie: er is niets te beheren.',
} as const;

declare module '../../platform/i18n.ts' {
  interface MessageCatalog extends Record<keyof typeof startPageNl, string> {}
}
