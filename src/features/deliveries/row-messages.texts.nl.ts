/**
 * The messages of the terugmelding, per row, as the contract has them (docs/aanleverformaat.md): they
 * leave the register in Dutch, word for word, in the CSV and the API, so a change here is a change of
 * the contract. The checks fill them in (row-messages.ts); pages in English show the same message from
 * row-messages.texts.en.ts, found back from the Dutch text.
 */
export const rowMessagesNl = {
  'row.tooLong': 'Dit veld is langer dan {max} tekens.',
  'row.fieldCount': 'De rij heeft {fields} velden, de kopregel {header}. Staat er een scheidingsteken of aanhalingsteken te veel of te weinig?',
  'row.board.missing': 'Het bevoegd-gezagnummer ontbreekt.',
  'row.board.invalid': '"{value}" is geen bevoegd-gezagnummer (5 cijfers).',
  'row.board.other': 'Bevoegd gezag {value} is niet het aanleverende bestuur ({board}).',
  'row.staffNumber.missing': 'Het personeelsnummer ontbreekt.',
  'row.staffNumber.tooLong': 'Het personeelsnummer is langer dan 32 tekens.',
  'row.staffNumber.isRowBsn':
    'Het personeelsnummer is het BSN van deze rij. Lever het eigen personeelsnummer van het bestuur aan; een BSN hoort alleen in de kolom bsn.',
  'row.staffNumber.isKnownBsn':
    'Het personeelsnummer is het BSN van een medewerker van dit bestuur (in het register of in deze aanlevering). Lever het eigen personeelsnummer aan; een BSN hoort alleen in de kolom bsn.',
  'row.staffNumber.looksLikeBsn':
    'Het personeelsnummer lijkt op een BSN (9 cijfers die aan de elfproef voldoen). Het register bewaart en toont het daarom niet leesbaar; gebruik liever een eigen nummer van het bestuur.',
  'row.bsn.notDigits': 'Het BSN bestaat niet alleen uit cijfers.',
  'row.bsn.length': 'Het BSN heeft {length} cijfers in plaats van 9. Lever voorloopnullen mee (zet de kolom in Excel op tekst).',
  'row.bsn.elfproef': 'Het BSN klopt niet: het voldoet niet aan de elfproef.',
  'row.initials.missing': 'De voorletters ontbreken.',
  'row.initials.invalid': '"{value}" zijn geen voorletters (bijvoorbeeld J.M.).',
  'row.name.holdsBsn': 'Dit veld bevat een nummer dat op een BSN lijkt. Staan de kolommen verschoven?',
  'row.surname.missing': 'De achternaam ontbreekt.',
  'row.birthDate.missing': 'De geboortedatum ontbreekt.',
  'row.birthDate.age': 'Met geboortedatum {date} is deze persoon {age} jaar; verwacht is 15 tot 80.',
  'row.date.invalid': '"{value}" is geen bestaande datum (JJJJ-MM-DD of DD-MM-JJJJ).',
  'row.email.invalid': '"{value}" is geen geldig e-mailadres; er gaat geen uitnodiging naar toe.',
  'row.email.holdsBsn': 'Het e-mailadres bevat een nummer dat op een BSN lijkt; het wordt niet bewaard en er gaat geen uitnodiging naar toe.',
  'row.school.missing': 'De instellingscode (BRIN) ontbreekt.',
  'row.school.invalid': '"{value}" is geen instellingscode (2 cijfers en 2 letters).',
  'row.school.otherBoard': 'School {brin} hoort niet bij bevoegd gezag {board} volgens de organisatiegids van DUO.',
  'row.school.closed': 'School {brin} is volgens DUO gesloten.',
  'row.location.invalid': '"{value}" is geen vestigingscode (BRIN en 2 cijfers, bijvoorbeeld 32JK00).',
  'row.location.otherSchool': 'Vestiging {code} hoort niet bij school {brin}.',
  'row.location.otherBoard': 'Vestiging {code} is geen vestiging van bevoegd gezag {board} volgens DUO.',
  'row.location.closed': 'Vestiging {code} is volgens DUO gesloten.',
  'row.function.missing': 'De functie ontbreekt.',
  'row.function.invalid': '"{value}" is geen functie uit de lijst: {list}.',
  'row.basis.requiredForTeacher': 'De benoemingsgrondslag is verplicht bij functie LERAAR.',
  'row.basis.invalid': '"{value}" is geen benoemingsgrondslag uit de lijst: {list}.',
  'row.startDate.missing': 'De begindatum ontbreekt.',
  'row.startDate.range': 'Begindatum {date} ligt niet tussen 1950 en een jaar na vandaag.',
  'row.startDate.beforeFifteen': 'Begindatum {date} ligt voor de vijftiende verjaardag.',
  'row.endDate.beforeStart': 'Einddatum {date} ligt voor begindatum {start}.',
  'row.endDate.tooFar': 'Einddatum {date} ligt meer dan tien jaar vooruit.',
  'row.fte.notNumber': '"{value}" is geen getal (bijvoorbeeld 0,8).',
  'row.fte.range': 'Werktijdfactor {value} ligt niet tussen 0,0001 en 1,5.',
  'row.fte.decimals': 'Werktijdfactor {value} heeft meer dan 4 decimalen.',
  'row.mutation.missing': 'De mutatie ontbreekt (NIEUW, WIJZIGING of EINDE).',
  'row.mutation.invalid': '"{value}" is geen mutatie: NIEUW, WIJZIGING of EINDE.',
  'row.mutation.endWithoutDate': 'Geen einddatum bij EINDE: het dienstverband eindigt op de aanleverdatum ({date}).',
  'row.mutation.noEmploymentToChange':
    'Er is geen dienstverband om te wijzigen met dit personeelsnummer, deze school, vestiging en functie. Lever het aan als NIEUW.',
  'row.mutation.noEmploymentToEnd':
    'Er is geen dienstverband om te beëindigen met dit personeelsnummer, deze school, vestiging en functie. Lever het aan als NIEUW.',
  'row.mutation.newIsKnown': 'Dit dienstverband is al bekend; NIEUW werkt het bij.',
  'row.repeat.employment': 'Dit dienstverband staat ook op rij {row} (zelfde personeelsnummer, instellingscode, vestigingscode en functie).',
  'row.repeat.staffNumber': 'Personeelsnummer {staffNumber} staat op rij {row} met andere persoonsgegevens ({fields}).',
  'row.repeat.bsn': 'Dit BSN staat ook op rij {row}, bij een ander personeelsnummer.',
} as const;

declare module '../../platform/i18n.ts' {
  interface MessageCatalog extends Record<keyof typeof rowMessagesNl, string> {}
}
