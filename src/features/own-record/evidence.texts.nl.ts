export const evidenceNl = {
  'evidence.link': "Mijn diploma's en certificaten",
  'evidence.title': "Diploma's en certificaten",
  'evidence.intro':
    "Voeg toe wat uw werkgever niet kan weten: uw diploma's en certificaten, elk met een scan of foto als bewijs. Alleen u en wie over uw registratie beslist, zien de bestanden.",
  'evidence.none': "U hebt nog geen diploma's of certificaten toegevoegd.",
  'evidence.caption': "Uw diploma's en certificaten",
  'evidence.col.kind': 'Soort',
  'evidence.col.title': 'Naam',
  'evidence.col.issuer': 'Uitgereikt door',
  'evidence.col.date': 'Datum',
  'evidence.col.proof': 'Bewijs',
  'evidence.kind.diploma': 'diploma',
  'evidence.kind.certificaat': 'certificaat',
  'evidence.add': 'Toevoegen',
  'evidence.form.kind': 'Soort',
  'evidence.form.title': 'Naam van de opleiding of het certificaat',
  'evidence.form.titleHint': 'Bijvoorbeeld: Pabo, of Master Educational Leadership',
  'evidence.form.issuer': 'Uitgereikt door',
  'evidence.form.date': 'Datum van uitreiking',
  'evidence.form.dateHint': 'JJJJ-MM-DD of DD-MM-JJJJ',
  'evidence.form.file': 'Bewijs',
  'evidence.form.fileHint': 'Een PDF, JPG of PNG van ten hoogste {mb} MB',
  'evidence.form.save': 'Toevoegen',
  'evidence.added': 'Het bewijsstuk is toegevoegd.',
  'evidence.error.chooseFile': 'Kies een bestand.',
  'evidence.error.chooseFileType': 'Kies een bestand: een PDF, JPG of PNG.',
} as const;

declare module '../../platform/i18n.ts' {
  interface MessageCatalog extends Record<keyof typeof evidenceNl, string> {}
}
