export const frameworkNl = {
  'framework.link': 'Referentiekader',
  'framework.title': 'Referentiekader',
  'framework.intro':
    "Het referentiekader beschrijft het beroep: de beroepsstandaard, de basiscompetenties en de professionaliseringsthema's. Professionals koppelen hun activiteiten aan deze thema's en competenties; aanbieders hun aanbod. Het kader verandert alleen met een nieuwe versie; wat eerder is vastgelegd, houdt de namen van toen.",
  'framework.currentSince': 'Dit is versie {version}, vastgesteld op {date}.',
  'framework.standard': 'Beroepsstandaard',
  'framework.competencies': 'Basiscompetenties',
  'framework.themes': "Professionaliseringsthema's",
  'framework.versions': 'Versies van het referentiekader, de nieuwste eerst',
  'framework.versionN': 'Versie {version}',
  'framework.col.version': 'Versie',
  'framework.col.date': 'Vastgesteld op',
  'framework.col.note': 'Waarom',
  'framework.version.title': 'Referentiekader, versie {version}',
  'framework.version.set': 'Vastgesteld op {date}. {note}',
  'framework.version.isCurrent': 'Dit is de huidige versie.',
  'framework.version.earlier': 'Dit is een eerdere versie; de huidige is versie {version}.',
  'framework.version.toCurrent': 'Naar het huidige referentiekader',
  'framework.admin.title': 'Referentiekader beheren',
  'framework.admin.current': 'De huidige versie is versie {version}.',
  'framework.admin.public': 'Bekijk haar zoals iedereen haar ziet',
  'framework.admin.new': 'Nieuwe versie',
  'framework.admin.newIntro':
    "Een nieuwe versie gaat uit van de huidige. Een oude versie verandert nooit: activiteiten en aanbod houden de thema's en competenties die ze al hebben, ook als een naam uit het kader verdwijnt.",
  'framework.admin.saved': 'Versie {version} van het referentiekader is vastgesteld.',
  'framework.form.standard': 'Beroepsstandaard',
  'framework.form.standardHint': 'Een korte beschrijving en waar de volledige standaard staat. Een lege regel begint een nieuwe alinea.',
  'framework.form.competencies': 'Basiscompetenties',
  'framework.form.themes': "Professionaliseringsthema's",
  'framework.form.itemsHint': 'Eén per regel: de naam, of "naam: beschrijving". Elke naam komt één keer voor; de code volgt uit de naam.',
  'framework.form.note': 'Waarom deze nieuwe versie?',
  'framework.form.noteHint': 'Iedereen ziet deze toelichting bij de versie. Ten hoogste 1000 tekens.',
  'framework.form.save': 'Nieuwe versie vaststellen',
} as const;

declare module '../../platform/i18n.ts' {
  interface MessageCatalog extends Record<keyof typeof frameworkNl, string> {}
}
