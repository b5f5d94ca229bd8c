import { deliveriesNl } from './deliveries.nl.ts';
import { boardStaffNl } from './board-staff.nl.ts';
import { evidenceNl } from './evidence.nl.ts';
import { ownRecordNl } from './own-record.nl.ts';
import { registrationsNl } from './registrations.nl.ts';
import { dossierNl } from './dossier.nl.ts';
import { catalogueNl } from './catalogue.nl.ts';
import { frameworkNl } from './framework.nl.ts';
import { valuationNl } from './valuation.nl.ts';
import { registersNl } from './registers.nl.ts';
import { reregistrationNl } from './reregistration.nl.ts';
import { publicRegisterNl } from './public-register.nl.ts';
import { identityNl } from './identity.nl.ts';
import { accreditationNl } from './accreditation.nl.ts';
import { consentNl } from './consent.nl.ts';

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
  'home.title': 'Welkom bij het Beroepsregister Onderwijs',
  'home.intro':
    'Leraren en schoolleiders in het primair onderwijs laten hier zien dat zij hun vak bijhouden. Schoolbesturen leveren de gegevens van hun personeel aan; iedereen kan het openbare register raadplegen.',
  'home.searchOrganisations': 'Zoek een school of bestuur',
  'home.stats': '{boards} besturen, {schools} scholen en {locations} vestigingen in de organisatiegids.',
  'organisations.title': 'Scholen en besturen',
  'organisations.intro': 'Zoek op naam, plaats, BRIN-code, vestigingscode of bestuursnummer.',
  'organisations.search.label': 'Zoeken',
  'organisations.search.hint': 'Bijvoorbeeld "Wegwijzer", "Emmen", "03WU" of "32073".',
  'organisations.search.button': 'Zoeken',
  'organisations.filter.kind': 'Soort',
  'organisations.filter.province': 'Provincie',
  'organisations.filter.denomination': 'Denominatie',
  'organisations.filter.any': 'Alle',
  'organisations.filter.includeClosed': 'Ook gesloten vestigingen tonen',
  'organisations.kind.bestuur': 'Bestuur',
  'organisations.kind.school': 'School',
  'organisations.kind.vestiging': 'Vestiging',
  'organisations.results.count': '{total} resultaten',
  'organisations.results.countOne': '1 resultaat',
  'organisations.results.none': 'Geen scholen of besturen gevonden. Controleer de spelling of zoek op een deel van de naam.',
  'organisations.results.caption': 'Zoekresultaten',
  'organisations.column.name': 'Naam',
  'organisations.column.kind': 'Soort',
  'organisations.column.code': 'Code',
  'organisations.column.place': 'Plaats',
  'organisations.column.board': 'Bestuur',
  'organisations.closed': 'gesloten',
  'organisations.board.title': 'Bestuur {name}',
  'organisations.board.number': 'Bestuursnummer',
  'organisations.board.kvk': 'KvK-nummer',
  'organisations.board.unnamed': 'Bevoegd gezag {number}',
  'organisations.board.schools': 'Scholen van dit bestuur',
  'organisations.board.noSchools': 'Dit bestuur heeft geen scholen in de organisatiegids.',
  'organisations.school.brin': 'BRIN-code',
  'organisations.school.board': 'Bestuur',
  'organisations.school.locations': 'Vestigingen',
  'organisations.location.code': 'Vestigingscode',
  'organisations.location.address': 'Adres',
  'organisations.location.municipality': 'Gemeente',
  'organisations.location.province': 'Provincie',
  'organisations.location.denomination': 'Denominatie',
  'organisations.location.website': 'Website',
  'organisations.location.phone': 'Telefoon',
  'organisations.location.school': 'School',
  'organisations.location.status': 'Status',
  'organisations.location.open': 'open',
  'organisations.location.closedSince': 'gesloten sinds {date}',
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
  'a11y.title': 'Toegankelijkheidsverklaring',
  ...identityNl,
  ...deliveriesNl,
  ...ownRecordNl,
  ...registrationsNl,
  ...dossierNl,
  ...catalogueNl,
  ...frameworkNl,
  ...valuationNl,
  ...evidenceNl,
  ...registersNl,
  ...reregistrationNl,
  ...boardStaffNl,
  ...publicRegisterNl,
  ...accreditationNl,
  ...consentNl,
} as const;

export type MessageKey = keyof typeof nl;
