export const pagesNl = {
  'home.title': 'Welkom bij het Beroepsregister Onderwijs',
  'home.intro':
    'Het Beroepsregister Onderwijs is het register van leraren en schoolleiders in het primair onderwijs. Wie erin geregistreerd staat, heeft laten zien dat hij of zij bekwaam is en het vak bijhoudt.',
  'home.search.title': 'Zoek in het register',
  'home.search.intro': 'Iedereen kan opzoeken of een leraar of schoolleider is ingeschreven of geregistreerd, en tot wanneer.',
  'home.search.name': 'Naam van de leraar of schoolleider',
  'home.search.hint': 'Ten minste 2 letters, bijvoorbeeld de achternaam.',
  'home.search.button': 'Zoeken',
  'home.search.more': 'Zoeken op registernummer of school',
  'home.about.title': 'Wat is het register?',
  'home.about.enrol':
    'Leraren en schoolleiders schrijven zich in en krijgen een registernummer. De Commissie Registratie beslist of iemand geregistreerd wordt, op grond van diploma’s en certificaten. Wie geregistreerd wil blijven, laat om de paar jaar zien aan de eigen professionele ontwikkeling te hebben gewerkt.',
  'home.about.boards': 'Schoolbesturen leveren de gegevens van hun personeel aan. Leraren en schoolleiders controleren die gegevens zelf.',
  'home.about.public':
    'Openbaar zijn alleen de naam, het registernummer, de status, de registratie (register, titel, niveau en tot wanneer) en de school waar iemand werkt. Geboortedatum, e-mailadres en BSN zijn nooit openbaar.',
  'home.enrol.title': 'Voor leraren en schoolleiders',
  'home.enrol.intro': 'Inschrijven is gratis. U hebt er een account voor nodig; daarmee ziet u ook uw eigen gegevens in Mijn register.',
  'home.enrol.signIn': 'Inloggen en inschrijven',
  'home.enrol.noAccount': 'Nog geen account?',
  'home.enrol.createAccount': 'Maak een account aan',
  'home.enrol.button': 'Inschrijven',
  'home.enrol.signedIn': 'U bent ingelogd. Schrijf u in, of bekijk uw inschrijving in Mijn register.',
  'home.events.title': 'Bijeenkomsten',
  'home.events.intro':
    'Voorlichtingen, meedenksessies en verkennende gesprekken voor leraren, HR-medewerkers, school- en teamleiders. Meld u aan, en denk mee over het register.',
  'home.events.link': 'Bekijk de bijeenkomsten',
  'home.organisations.title': 'Scholen en besturen',
  'home.koplopers': 'Wil uw school als een van de eersten met het register werken, met persoonlijke begeleiding?',
  'home.koplopers.link': 'Meld u aan als koploperschool',
  'home.searchOrganisations': 'Zoek een school of bestuur',
  'home.stats': '{boards} besturen, {schools} scholen en {locations} vestigingen in de organisatiegids.',
  'a11y.title': 'Toegankelijkheidsverklaring',
};

declare module '../../platform/i18n.ts' {
  interface MessageCatalog extends Record<keyof typeof pagesNl, string> {}
}
