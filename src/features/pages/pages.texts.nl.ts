export const pagesNl = {
  'home.title': 'Welkom bij het Beroepsregister Onderwijs',
  'home.intro':
    'Leraren en schoolleiders in het primair onderwijs laten hier zien dat zij hun vak bijhouden. Schoolbesturen leveren de gegevens van hun personeel aan; iedereen kan het openbare register raadplegen.',
  'home.searchOrganisations': 'Zoek een school of bestuur',
  'home.stats': '{boards} besturen, {schools} scholen en {locations} vestigingen in de organisatiegids.',
  'a11y.title': 'Toegankelijkheidsverklaring',
};

declare module '../../platform/i18n.ts' {
  interface MessageCatalog extends Record<keyof typeof pagesNl, string> {}
}
