export const officesNl = {
  // register staff
  'offices.link': 'Administratiekantoren',
  'offices.title': 'Administratiekantoren',
  'offices.intro':
    'Een administratiekantoor levert personeelsgegevens aan voor de besturen die het daarvoor machtigen. Het bureau van het register voegt het kantoor toe; daarna nodigt u op de medewerkerspagina van het kantoor de eerste beheerder uit. Een bestuur machtigt het kantoor zelf, op zijn eigen medewerkerspagina.',
  'offices.none': 'Er zijn nog geen administratiekantoren.',
  'offices.caption': 'Administratiekantoren, op naam',
  'offices.col.name': 'Naam',
  'offices.col.kvk': 'KvK-nummer',
  'offices.col.boards': 'Machtigingen',
  'offices.col.members': 'Medewerkers',
  'offices.boardsCount': '{count} {count:bestuur|besturen}',
  'offices.membersOf': 'Medewerkers van {name}',
  'offices.boardsOf': 'Besturen van {name}',
  'offices.add': 'Administratiekantoor toevoegen',
  'offices.form.name': 'Naam',
  'offices.form.kvk': 'KvK-nummer',
  'offices.form.kvkHint': 'Acht cijfers, zoals op het uittreksel van de Kamer van Koophandel.',
  'offices.form.save': 'Toevoegen',
  'offices.notice.added': 'Het administratiekantoor is toegevoegd. Nodig op de medewerkerspagina van het kantoor de eerste beheerder uit.',
  // the board
  'offices.board.title': 'Administratiekantoren',
  'offices.board.intro':
    'Een administratiekantoor dat u machtigt, levert namens {board} personeelsgegevens aan: via de pagina’s en via de API. Het ziet alleen de aanleveringen die het zelf deed, en alleen zolang de machtiging geldt. Uw personeelslijst en de betwistingen ziet het niet.',
  'offices.board.none': 'Er is geen administratiekantoor gemachtigd om voor dit bestuur aan te leveren.',
  'offices.board.caption': 'Gemachtigde administratiekantoren',
  'offices.board.col.since': 'Gemachtigd sinds',
  'offices.board.col.by': 'Gemachtigd door',
  'offices.board.withdraw': 'Machtiging intrekken',
  'offices.board.withdrawFor': 'Machtiging van {office} intrekken',
  'offices.board.authorise': 'Administratiekantoor machtigen',
  'offices.board.notice.granted':
    'Het administratiekantoor is gemachtigd om voor dit bestuur aan te leveren. De beheerders van het kantoor hebben een e-mail gekregen.',
  'offices.board.notice.withdrawn':
    'De machtiging is ingetrokken. Het kantoor kan niet meer voor dit bestuur aanleveren en ziet zijn eerdere aanleveringen niet meer.',
  'offices.search.title': 'Administratiekantoor machtigen voor {board}',
  'offices.search.intro': 'Zoek het kantoor op naam of KvK-nummer, en kies het. U bevestigt de machtiging op de volgende pagina.',
  'offices.search.label': 'Naam of KvK-nummer',
  'offices.search.button': 'Zoeken',
  'offices.search.results': 'Gevonden administratiekantoren',
  'offices.search.none': 'Geen administratiekantoor gevonden. Staat het kantoor er niet bij? Het bureau van het register voegt het toe.',
  'offices.search.choose': 'Kiezen',
  'offices.search.chooseOffice': '{office} kiezen',
  'offices.search.already': 'al gemachtigd',
  'offices.search.back': 'Terug naar de medewerkers',
  'offices.confirm.title': 'Machtiging bevestigen',
  'offices.confirm.text': 'U machtigt {office} (KvK-nummer {kvk}) om namens {board} (bestuursnummer {number}) personeelsgegevens aan te leveren.',
  'offices.confirm.may':
    'Het kantoor kan dan aanleveringen doen voor dit bestuur, ze verwerken of annuleren, en de terugmelding lezen: van de aanleveringen die het zelf deed.',
  'offices.confirm.mayNot':
    'Uw personeelslijst, de betwistingen en de aanleveringen van uzelf of van anderen ziet het kantoor niet. U ziet bij elke aanlevering welk kantoor haar deed.',
  'offices.confirm.mail': 'De beheerders van het kantoor krijgen een e-mail. U kunt de machtiging altijd weer intrekken.',
  'offices.confirm.button': 'Machtiging geven',
  'offices.withdraw.title': 'Machtiging intrekken',
  'offices.withdraw.text': 'U trekt de machtiging van {office} (KvK-nummer {kvk}) in om namens {board} aan te leveren.',
  'offices.withdraw.effect':
    'Vanaf nu kan het kantoor niet meer voor dit bestuur aanleveren, en het ziet niets meer van dit bestuur: ook de aanleveringen die het eerder deed niet. U houdt die aanleveringen zelf. Aanleveringen van het kantoor die nog niet verwerkt zijn, verwerkt of annuleert u zelf.',
  'offices.withdraw.mail': 'De beheerders van het kantoor krijgen een e-mail.',
  'offices.withdraw.button': 'Machtiging intrekken',
  // the office
  'offices.mandates.link': 'Besturen',
  'offices.mandates.title': 'Besturen van {office}',
  'offices.mandates.intro':
    'Deze besturen hebben {office} gemachtigd om namens hen personeelsgegevens aan te leveren. Noem bij elke aanlevering via de API het bestuursnummer (?bestuur=). Trekt een bestuur de machtiging in, dan verdwijnt het hier, met de aanleveringen die u ervoor deed.',
  'offices.mandates.none': 'Nog geen bestuur heeft dit administratiekantoor gemachtigd.',
  'offices.mandates.caption': 'Besturen die {office} machtigen',
  'offices.mandates.col.board': 'Bestuur',
  'offices.mandates.col.number': 'Bestuursnummer',
  'offices.mandates.col.since': 'Gemachtigd sinds',
  'offices.mandates.col.deliveries': 'Aanleveringen',
  'offices.mandates.deliveriesOf': 'Aanleveringen voor {board}',
  // errors
  'offices.error.name': 'Vul de naam van het kantoor in (2 tot {max} tekens).',
  'offices.error.kvk': 'Vul het KvK-nummer in: acht cijfers.',
  'offices.error.kvkTaken': 'Er is al een administratiekantoor met KvK-nummer {kvk}.',
  'offices.error.notFound': 'Dit administratiekantoor bestaat niet (meer).',
  'offices.error.alreadyAuthorised': '{office} is al gemachtigd om voor dit bestuur aan te leveren.',
  'offices.error.noMandate': 'Dit administratiekantoor is (nu) niet gemachtigd voor dit bestuur.',
  'offices.error.mandatesTokenOnly': 'Alleen het token van een bestuur of een administratiekantoor heeft machtigingen.',
} as const;

declare module '../../platform/i18n.ts' {
  interface MessageCatalog extends Record<keyof typeof officesNl, string> {}
}
