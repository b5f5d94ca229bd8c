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
} as const;

declare module '../../platform/i18n.ts' {
  interface MessageCatalog extends Record<keyof typeof publicRegisterNl, string> {}
}
