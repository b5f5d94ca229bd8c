/** The texts of the platform and the page layout; every feature has its own beside its code. */
export const nl = {
  'site.name': 'Beroepsregister Onderwijs',
  'site.tagline': 'Het beroepsregister en professionaliseringsplatform voor het primair onderwijs',
  'layout.skipLink': 'Naar de inhoud',
  'layout.mainNav': 'Hoofdmenu',
  'layout.languageSwitch': 'Read in English',
  'layout.languageSwitchLabel': 'Taal',
  'layout.footer.accessibility': 'Toegankelijkheid',
  'layout.footer.api': 'API-documentatie (OpenAPI)',
  'layout.footer.source': 'Bron organisatiegegevens: DUO open onderwijsdata',
  'nav.home': 'Home',
  'nav.organisations': 'Scholen en besturen',
  'nav.register': 'Openbaar register',
  'pagination.label': 'Paginering',
  'pagination.previous': 'Vorige',
  'pagination.next': 'Volgende',
  'pagination.page': 'Pagina {page}',
  'pagination.current': 'Pagina {page} van {pages}',
  'errorSummary.title': 'Er is een probleem',
  'error.404.title': 'Pagina niet gevonden',
  'error.404.body': 'Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina.',
  'error.500.title': 'Er ging iets mis',
  'error.500.body': 'Er ging aan onze kant iets mis. Probeer het later opnieuw. Noem bij vragen deze code: {requestId}.',
  'error.generic.body': 'Het verzoek kon niet worden uitgevoerd.',
  'error.backHome': 'Naar de startpagina',
  'error.requestTooLarge': 'Het verzoek is groter dan toegestaan.',
  'error.mediaTypeRefused': 'Dit soort inhoud wordt hier niet geaccepteerd.',
  'error.requestIncomplete': 'Het verzoek is leeg of onvolledig.',
  'error.jsonUnreadable': 'De JSON in het verzoek is niet leesbaar.',
  'error.waitAndRetry': 'Wacht even en probeer het dan opnieuw.',
  'error.signInFirst': 'Log in om dit te doen.',
  'error.badQuery': 'Het adres (URL) bevat een waarde die hier niet past. Controleer het adres.',
  'form.invalid': 'Deze waarde is niet geldig.'
};

declare module '../i18n.ts' {
  interface MessageCatalog extends Record<keyof typeof nl, string> {}
}
