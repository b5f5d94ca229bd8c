export const boardStaffNl = {
  'staff.link': 'Personeel en inschrijvingen',
  'staff.title': 'Personeel: {board}',
  'staff.intro':
    'Uw medewerkers met een lopend dienstverband: of zij de aangeleverde gegevens hebben gecontroleerd, en of zij zijn ingeschreven in het register.',
  'staff.showAttention': 'Toon alleen wie aandacht nodig heeft',
  'staff.showAll': 'Toon iedereen',
  'staff.download': 'Download als CSV',
  'staff.none': 'Er zijn nog geen medewerkers aangeleverd.',
  'staff.noneAttention': 'Niemand heeft aandacht nodig: iedereen heeft gecontroleerd en is ingeschreven.',
  'staff.caption': 'Medewerkers',
  'staff.captionAttention': 'Medewerkers die aandacht nodig hebben',
  'staff.col.name': 'Naam',
  'staff.col.staffNumber': 'Personeelsnummer',
  'staff.col.employments': 'Dienstverbanden',
  'staff.col.check': 'Controle',
  'staff.col.registerNumber': 'Registernummer',
  'staff.col.status': 'Status',
  'staff.col.renewBy': 'Herregistratie vóór',
  'staff.toCheck': '{count} te controleren',
  'staff.disputed': '{count} betwist',
  'staff.checked': 'gecontroleerd',
  'staff.notEnrolled': 'niet ingeschreven',
  'staff.error.notForThisBoard': 'U werkt niet voor dit bestuur.',
} as const;

declare module '../../platform/i18n.ts' {
  interface MessageCatalog extends Record<keyof typeof boardStaffNl, string> {}
}
