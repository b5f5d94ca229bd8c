export const boardStaffNl = {
  'staff.link': 'Personeel en inschrijvingen',
  'staff.title': 'Personeel: {board}',
  'staff.intro':
    'Uw medewerkers met een lopend dienstverband: of zij de aangeleverde gegevens hebben gecontroleerd, en of zij zijn ingeschreven in het register.',
  'staff.showAttention': 'Toon alleen wie aandacht nodig heeft',
  'staff.showAll': 'Toon iedereen',
  'staff.download': 'Download als CSV',
  'staff.none': 'Er zijn nog geen medewerkers aangeleverd.',
  'staff.search': 'Zoeken',
  'staff.search.hint': 'Op naam of personeelsnummer.',
  'staff.searchButton': 'Zoeken',
  'staff.noneFound': 'Niemand gevonden bij "{search}".',
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
  'staff.col.account': 'Account',
  'staff.linked': 'gekoppeld',
  'staff.activationCode': 'Activeringscode',
  'activation.title': 'Activeringscode voor {name}',
  'activation.intro':
    'Deze medewerker heeft de gegevens die u aanleverde nog niet aan een account gekoppeld: er was geen e-mailadres, of de uitnodiging kwam niet aan. Met een activeringscode in een brief kan hij of zij dat zelf doen. U drukt de brief af en geeft hem af of verstuurt hem.',
  'activation.replaces':
    'De code werkt één keer en 6 weken lang. Een nieuwe brief maakt een eerdere, nog ongebruikte code ongeldig. De code is alleen nu te zien; we bewaren hem niet.',
  'activation.make': 'Brief met activeringscode maken',
  'activation.letter.title': 'Uw activeringscode voor het Beroepsregister Onderwijs',
  'activation.letter.printHint': 'Druk deze brief nu af: de code is hierna niet meer te zien.',
  'activation.letter.dear': 'Beste {name},',
  'activation.letter.why':
    '{board} heeft uw gegevens als medewerker aangeleverd aan het Beroepsregister Onderwijs: uw dienstverband, functie en benoemingsgrondslag. Met deze code koppelt u ze aan uw eigen account, zodat u ze kunt controleren, aanvullen en akkoord geven.',
  'activation.letter.code': 'Activeringscode',
  'activation.letter.where': 'Ga naar',
  'activation.letter.until': 'Geldig tot en met',
  'activation.letter.steps': 'Log in of maak een account aan met uw eigen e-mailadres, vul de code in en bevestig dat het om u gaat.',
  'activation.letter.once': 'De code werkt één keer. Heeft iemand anders hem al gebruikt, of is hij verlopen? Vraag uw werkgever om een nieuwe brief.',
  'activation.back': 'Terug naar het personeel',
} as const;

declare module '../../platform/i18n.ts' {
  interface MessageCatalog extends Record<keyof typeof boardStaffNl, string> {}
}
