import { closeSync, openSync, writeSync } from 'node:fs';
import { columns } from '../../src/features/deliveries/index.ts';
import { readRealLocations } from './duo-csv.ts';

/** A BSN that passes the elfproef: 8 random digits and the check digit (retried when it would be 10). */
export function randomBsn(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, () => Math.floor(Math.random() * 10));
    if (digits[0] === 0 && digits[1] === 0) continue;
    const sum = digits.reduce((s, d, i) => s + d * (9 - i), 0);
    const check = sum % 11;
    if (check < 10) return `${digits.join('')}${check}`;
  }
}

const surnames = ['Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos'];

/**
 * A full delivery of `rows` employments for one real board, written to `path` as it is made (no rows
 * in memory): spread over the board's open locations in DUO's file; four persons in five with a BSN,
 * one in eight with a second function. Every row is valid. Returns the number of persons.
 */
export function writeLargeDelivery(path: string, boardNumber: string, rows: number): number {
  const duo = readRealLocations();
  const locations = duo.lines.filter((l) => l.fields[duo.col.board].trim() === boardNumber);
  if (locations.length === 0) throw new Error(`board ${boardNumber} has no locations in DUO's file`);
  const bsns = new Set<string>();
  const uniqueBsn = () => {
    for (;;) {
      const bsn = randomBsn();
      if (!bsns.has(bsn)) {
        bsns.add(bsn);
        return bsn;
      }
    }
  };
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `${columns.join(';')}\r\n`);
    let made = 0;
    let person = 0;
    let lines = '';
    while (made < rows) {
      person++;
      const location = locations[person % locations.length];
      const base = {
        bevoegd_gezag_nummer: boardNumber,
        personeelsnummer: `P${person}`,
        bsn: person % 5 === 0 ? '' : uniqueBsn(),
        voorletters: 'A.B.',
        voornamen: 'Anna Bea',
        tussenvoegsel: '',
        achternaam: `${surnames[person % surnames.length]}-${person}`,
        geboortedatum: `${1960 + (person % 40)}-${String(1 + (person % 12)).padStart(2, '0')}-${String(1 + (person % 28)).padStart(2, '0')}`,
        email: `medewerker${person}@school.example`,
        instellingscode: location.fields[duo.col.brin].trim(),
        vestigingscode: location.fields[duo.col.code].trim(),
        functie: 'LERAAR',
        benoemingsgrondslag: 'BEVOEGD',
        begindatum: '2018-08-01',
        einddatum: '',
        werktijdfactor: '0,8',
        mutatie: '',
      };
      for (const functie of person % 8 === 0 ? ['LERAAR', 'INTERN_BEGELEIDER'] : ['LERAAR']) {
        if (made >= rows) break;
        const row: Record<string, string> = { ...base, functie, benoemingsgrondslag: functie === 'LERAAR' ? 'BEVOEGD' : '' };
        lines += `${columns.map((c) => row[c]).join(';')}\r\n`;
        made++;
      }
      if (lines.length > 1 << 20) {
        writeSync(fd, lines);
        lines = '';
      }
    }
    writeSync(fd, lines);
    return person;
  } finally {
    closeSync(fd);
  }
}
