export const publicRegisterNl = {
  'register.title': 'Openbaar register',
  'register.intro':
    'Zoek een leraar of schoolleider in het Beroepsregister Onderwijs: op naam, registernummer, of school of plaats. U ziet alleen openbare gegevens.',
  'register.name': 'Naam',
  'register.nameHint': 'Ten minste 2 letters. Hoofdletters, accenten en tussenvoegsel maken niet uit.',
  'register.number': 'Registernummer',
  'register.school': 'School of plaats',
  'register.search': 'Zoeken',
  'register.count': '{count} gevonden',
  'register.countMore': 'Meer dan {count} gevonden: maak de zoekvraag preciezer',
  'register.none': 'Niemand gevonden. Controleer de spelling, of zoek op het begin van de achternaam.',
  'register.caption': 'Gevonden in het register',
  'register.col.name': 'Naam',
  'register.col.number': 'Registernummer',
  'register.col.status': 'Status',
  'register.col.registration': 'Registratie',
  'register.validUntil': 'tot en met {date}',
  'register.lapsedSince': 'verlopen op {date}',
  'register.col.schools': 'Werkt nu bij',
  'register.privacy': 'Het register toont naam, registernummer, status en school. Geboortedatum, e-mailadres en BSN zijn nooit openbaar.',
  'register.status.ingeschreven': 'Ingeschreven',
  'register.status.aangevraagd': 'Registratie aangevraagd',
  'register.status.geregistreerd': 'Geregistreerd',
  'register.status.onderVoorwaarden': 'Onder voorwaarden',
  'register.status.verlopen': 'Herregistratie verlopen',
  'register.status.doorgehaald': 'Doorgehaald',
  'register.statusExplain.ingeschreven':
    'Deze persoon staat ingeschreven in het register en heeft een registernummer. Ingeschreven is nog niet geregistreerd: de Commissie Registratie heeft niet, of nog niet, besloten dat deze persoon aan de eisen van een register voldoet.',
  'register.statusExplain.aangevraagd': 'Deze persoon staat ingeschreven en heeft registratie aangevraagd. De Commissie Registratie beslist over de aanvraag.',
  'register.statusExplain.geregistreerd':
    'De Commissie Registratie heeft besloten dat deze persoon voldoet aan de eisen van het register. Een registratie geldt tot en met de datum die erbij staat. Wie geregistreerd wil blijven, laat vóór die datum zien aan de eigen professionele ontwikkeling te hebben gewerkt: dat is herregistratie.',
  'register.statusExplain.onderVoorwaarden':
    'De registratieperiode is voorbij en de herregistratie is nog niet rond. Deze persoon blijft zes maanden onder voorwaarden geregistreerd en kan zich in die tijd nog herregistreren. Lukt dat niet, dan verloopt de registratie.',
  'register.statusExplain.verlopen':
    'De registratieperiode is meer dan zes maanden voorbij, zonder herregistratie. Deze persoon is niet langer geregistreerd, maar staat nog wel ingeschreven en kan opnieuw registratie aanvragen.',
  'register.statusExplain.doorgehaald':
    'Het register heeft de inschrijving van deze persoon doorgehaald. Deze persoon is niet geregistreerd: een registratie die er was, geldt niet meer en staat daarom niet op deze pagina. Het register herstelt een doorhaling alleen na een gegrond bezwaar of een vergissing.',
  'register.detail.number': 'Registernummer',
  'register.detail.status': 'Status',
  'register.detail.lastChanged': 'Laatst gewijzigd',
  'register.detail.statusMeaning': 'Wat betekent deze status?',
  'register.detail.registrations': 'Registratie',
  'register.detail.title': 'Titel',
  'register.detail.level': 'Niveau',
  'register.detail.validUntil': 'Geldig tot en met',
  'register.detail.lapsed': '{date} (verlopen)',
  'register.detail.noRegistrations': 'Bij deze inschrijving staat geen registratie.',
  'register.detail.schools': 'Werkt nu bij',
  'register.detail.noSchools': 'Geen school bekend.',
  'register.detail.about':
    'Laatst gewijzigd is de laatste dag waarop naam, status, registratie of school op deze pagina veranderde. Geboortedatum, e-mailadres en BSN zijn nooit openbaar.',
  'register.detail.back': 'Zoek iemand anders in het register',
} as const;

declare module '../../platform/i18n.ts' {
  interface MessageCatalog extends Record<keyof typeof publicRegisterNl, string> {}
}
