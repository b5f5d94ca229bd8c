import { readFileSync } from 'node:fs';
import { demoDuoDir } from '../../src/demo/demo.service.ts';

/**
 * The real DUO files read by the tests themselves, independently of the code under test: a plain
 * split on `;` (no field in DUO's file contains one) and on CRLF. Fields are kept as Latin-1 strings,
 * which map bytes one to one, so a copy written back is byte for byte what DUO published; `text()`
 * decodes a field as Windows-1252 for comparing with what the app shows.
 */
export const realLocationsPath = () => `${demoDuoDir()}/alle-schoolvestigingen-basisonderwijs.csv`;
export const realBoardsPath = () => `${demoDuoDir()}/besturen-po.csv`;

export type DuoLine = { lineNumber: number; fields: string[] };

function splitLine(line: string): string[] {
  return line.split(';').map((f) => (f.length >= 2 && f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f));
}

export function joinLine(fields: string[]): string {
  return fields.map((f) => (/[";\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(';');
}

const windows1252 = new TextDecoder('windows-1252');
export const text = (latin1: string) => windows1252.decode(Buffer.from(latin1, 'latin1')).trim();

export function readRealLocations() {
  const raw = readFileSync(realLocationsPath()).toString('latin1');
  const [headerLine, ...rest] = raw.split('\r\n');
  const header = splitLine(headerLine);
  const lines: DuoLine[] = rest.flatMap((line, i) => (line === '' ? [] : [{ lineNumber: i + 2, fields: splitLine(line) }]));
  const at = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`no column ${name}`);
    return index;
  };
  const col = {
    province: at('PROVINCIE'),
    board: at('BEVOEGD GEZAG NUMMER'),
    brin: at('INSTELLINGSCODE'),
    code: at('VESTIGINGSCODE'),
    name: at('VESTIGINGSNAAM'),
    place: at('PLAATSNAAM'),
    denomination: at('DENOMINATIE'),
  };
  return {
    raw,
    header,
    lines,
    col,
    get: (line: DuoLine, column: keyof typeof col) => text(line.fields[col[column]]),
    /** a locations file as DUO would publish it (Windows-1252, `;`, CRLF) from these lines */
    file: (fileLines: DuoLine[] | string[][]) =>
      Buffer.from([headerLine, ...fileLines.map((l) => joinLine(Array.isArray(l) ? l : l.fields))].map((l) => `${l}\r\n`).join(''), 'latin1'),
  };
}

export function readRealBoardNumbers(): string[] {
  // bevoegd_gezag is the last column but one; only the name before it is ever quoted (with commas)
  const [header, ...lines] = readFileSync(realBoardsPath(), 'utf8').split(/\r?\n/).filter(Boolean);
  if (!header.endsWith(',bevoegd_gezag,ook_elders')) throw new Error(`unexpected board list header: ${header}`);
  return lines.map((l) => l.split(',').at(-2)!);
}
