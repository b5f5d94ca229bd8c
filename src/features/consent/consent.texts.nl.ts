export const consentNl = {
  'consent.link': 'Inzage voor uw bestuur',
  'consent.title': 'Inzage in mijn professionalisering',
  'consent.intro':
    'U bepaalt zelf of een bestuur waar u werkt of werkte uw professionalisering mag inzien. U kunt toestemming geven en weer intrekken. Intrekken werkt meteen.',
  'consent.whatTitle': 'Wat ziet het bestuur?',
  'consent.whatSees':
    "Met uw toestemming zien de beheerders en personeelsmedewerkers van dat bestuur de activiteiten in uw dossier: de soort, de naam, de aanbieder, de begin- en einddatum, het aantal uren, de punten en de thema's, en de totalen daarvan.",
  'consent.whatNot':
    'Uw leerdoelen, uw reflecties en uw bewijsstukken ziet het bestuur nooit. Andere besturen en het bureau van het register zien uw activiteiten via deze toestemming ook niet.',
  'consent.whatLogged': 'Elke keer dat iemand van het bestuur uw activiteiten bekijkt, wordt dat vastgelegd. U ziet dat terug op',
  'consent.accessLink': 'Wie heeft mijn gegevens ingezien',
  'consent.none': 'Er is (nog) geen dienstverband van u aangeleverd. Zodra een bestuur uw gegevens heeft aangeleverd, kunt u het hier inzage geven.',
  'consent.boardsTitle': 'Uw besturen',
  'consent.formerEmployer': 'U werkt hier niet meer.',
  'consent.granted': 'Dit bestuur mag uw professionalisering inzien sinds {date}.',
  'consent.notGranted': 'Dit bestuur mag uw professionalisering niet inzien.',
  'consent.grant': 'Toestemming geven',
  'consent.revokeConfirm': 'Ik trek mijn toestemming voor {board} in. Het bestuur ziet mijn activiteiten dan niet meer.',
  'consent.revoke': 'Toestemming intrekken',
  'consent.notice.granted': 'U hebt toestemming gegeven. Het bestuur kan uw activiteiten nu inzien.',
  'consent.notice.revoked': 'U hebt uw toestemming ingetrokken. Het bestuur ziet uw activiteiten niet meer.',
  'consent.historyTitle': 'Geschiedenis',
  'consent.historyNone': 'U hebt nog geen toestemming gegeven.',
  'consent.historyCaption': 'Gegeven en ingetrokken toestemming, de laatste eerst',
  'consent.col.board': 'Bestuur',
  'consent.col.granted': 'Gegeven op',
  'consent.col.revoked': 'Ingetrokken op',
  'consent.stillValid': 'geldt nog',
  // the board's side
  'consent.board.title': 'Professionalisering van {name}',
  'consent.board.since': '{name} heeft {board} op {date} toestemming gegeven om deze activiteiten in te zien.',
  'consent.board.notShown':
    'Leerdoelen, reflecties en bewijsstukken zijn niet zichtbaar. Uw bezoek aan deze pagina wordt vastgelegd, en {name} kan zien dat u de activiteiten hebt bekeken.',
  'consent.board.back': 'Terug naar het personeel',
  'consent.board.totals': 'Totalen',
  'consent.board.count': 'Activiteiten',
  'consent.board.hours': 'Uren',
  'consent.board.points': 'Punten',
  'consent.board.themes': "Thema's",
  'consent.board.activities': 'Activiteiten',
  'consent.board.none': '{name} heeft nog geen activiteiten vastgelegd.',
  'consent.board.caption': 'Activiteiten van {name}, de laatste eerst',
  'consent.board.col.activity': 'Activiteit',
  'consent.board.col.kind': 'Soort',
  'consent.board.col.provider': 'Aanbieder',
  'consent.board.col.period': 'Periode',
  'consent.board.col.hours': 'Uren',
  'consent.board.col.points': 'Punten',
  'consent.board.col.themes': "Thema's",
  'consent.board.fromOffering': 'uit geaccrediteerd aanbod',
  'consent.board.refusedTitle': 'Geen inzage',
  'consent.board.refused':
    '{name} heeft {board} geen toestemming gegeven om de professionalisering in te zien, of heeft die toestemming ingetrokken. Alleen {name} zelf kan die toestemming geven, op Mijn register.',
  // the board's staff list
  'consent.staff.col': 'Professionalisering',
  'consent.staff.view': 'Bekijk',
  'consent.staff.none': 'geen inzage',
  // refusals
  'consent.error.noEmployment': 'Van dit bestuur is geen dienstverband van u aangeleverd.',
  'consent.error.confirmRevoke': 'Vink aan dat u uw toestemming voor {board} wilt intrekken.',
  'consent.error.notYourBoard':
    'U werkt niet voor dit bestuur. Alleen de beheerders en personeelsmedewerkers van een bestuur zien, met toestemming van de professional, diens professionalisering.',
  'consent.error.personNotAtBoard': 'Deze persoon staat niet bij het personeel van dit bestuur.',
} as const;

declare module '../../platform/i18n.ts' {
  interface MessageCatalog extends Record<keyof typeof consentNl, string> {}
}
