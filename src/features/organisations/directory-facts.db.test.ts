import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, duoFiles } from '../../../tests/support/test-database.ts';
import { readRealLocations, text, type DuoLine } from '../../../tests/support/duo-csv.ts';
import type { Database } from '../../db/database.ts';
import { getDirectoryFacts, importDuo } from './index.ts';

/** What the facts should be, worked out from DUO's file itself (every location in it is open). */
const csv = readRealLocations();
const column = (name: string) => csv.header.indexOf(name);
const corop = { code: column('COROPGEBIED CODE'), name: column('COROPGEBIED NAAM') };
const field = (line: DuoLine, index: number) => text(line.fields[index]) || null;
const coropNames = new Map<string, string>(); // the last name given for a code, as the import keeps it
for (const line of csv.lines) {
  const code = field(line, corop.code);
  const name = field(line, corop.name);
  if (code && name) coropNames.set(code, name);
}
const board = (line: DuoLine) => csv.get(line, 'board').padStart(5, '0');
const linesOf = { school: new Map<string, DuoLine[]>(), board: new Map<string, DuoLine[]>() };
for (const line of csv.lines) {
  for (const [map, key] of [
    [linesOf.school, csv.get(line, 'brin')],
    [linesOf.board, board(line)],
  ] as const)
    map.set(key, [...(map.get(key) ?? []), line]);
}
const schoolsOfBoard = new Map<string, Set<string>>();
for (const line of csv.lines) schoolsOfBoard.set(board(line), (schoolsOfBoard.get(board(line)) ?? new Set()).add(csv.get(line, 'brin')));

function expectedFacts(lines: DuoLine[], kind: 'school' | 'board', boardNumber: string) {
  const sorted = [...lines].sort((x, y) => (csv.get(x, 'code') < csv.get(y, 'code') ? -1 : 1));
  const fact = (read: (l: DuoLine) => string | null) => {
    const values = sorted.map(read).filter((v) => v !== null);
    if (values.length === 0) return null;
    return values.every((v) => v === values[0]) || kind === 'school' ? values[0] : null;
  };
  const schools = schoolsOfBoard.get(boardNumber)?.size ?? 0;
  return {
    province: fact((l) => csv.get(l, 'province') || null),
    coropRegion: fact((l) => {
      const code = field(l, corop.code);
      return code ? (coropNames.get(code) ?? code) : null;
    }),
    denomination: fact((l) => csv.get(l, 'denomination') || null),
    governance: schools === 0 ? null : schools === 1 ? 'single-school-board' : 'multi-school-board',
  };
}

describe('the directory facts for grouping, from the real DUO files', () => {
  let database: Database;
  let schools: { id: string; brin: string; board: string }[];
  let boards: { id: string; number: string }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    await importDuo(database, {
      locations: { name: 'alle-schoolvestigingen-basisonderwijs.csv', bytes: duoFiles.locations() },
      boards: { name: 'besturen-po.csv', bytes: duoFiles.boards() },
    });
    schools = await database.query(`SELECT s.id, s.brin, b.number AS board FROM schools s JOIN boards b ON b.id = s.board_id ORDER BY s.brin`);
    boards = await database.query(`SELECT id, number FROM boards ORDER BY number`);
  });
  afterAll(async () => database?.close());

  it('gives every school its province, COROP region, denomination and governance structure as the file has them', async () => {
    const facts = await getDirectoryFacts(
      database.db,
      schools.map((s) => s.id),
    );
    expect(facts.size).toBe(schools.length);
    for (const school of schools) {
      const lines = linesOf.school.get(school.brin) ?? [];
      expect(facts.get(school.id), school.brin).toEqual(expectedFacts(lines, 'school', school.board));
    }
    const values = [...facts.values()];
    // the real data has both kinds of board, and COROP regions by name
    expect(values.filter((f) => f.governance === 'single-school-board').length).toBeGreaterThan(50);
    expect(values.filter((f) => f.governance === 'multi-school-board').length).toBeGreaterThan(3000);
    expect(new Set(values.map((f) => f.coropRegion)).size).toBeGreaterThan(30);
    expect(new Set(values.map((f) => f.province)).size).toBe(12);
  });

  it('gives a board only what holds for all its locations, and nothing for a board without schools in the file', async () => {
    const facts = await getDirectoryFacts(
      database.db,
      boards.map((b) => b.id),
    );
    expect(facts.size).toBe(boards.length);
    let spread = 0;
    for (const b of boards) {
      const lines = linesOf.board.get(b.number) ?? [];
      const expected = expectedFacts(lines, 'board', b.number);
      expect(facts.get(b.id), b.number).toEqual(expected);
      if (lines.length > 0 && expected.province === null) spread++;
    }
    expect(spread).toBeGreaterThan(0); // some boards run schools in two provinces
    expect([...facts.values()].filter((f) => f.governance === null).length).toBeGreaterThan(0);
  });

  it('leaves out ids that are no school or board, and is empty for none', async () => {
    const facts = await getDirectoryFacts(database.db, [schools[0].id, 'not-a-uuid', '00000000-0000-4000-8000-000000000000', schools[0].id]);
    expect([...facts.keys()]).toEqual([schools[0].id]);
    expect((await getDirectoryFacts(database.db, [])).size).toBe(0);
  });

  it('counts open schools only: closing one of two makes the other a one-school board; the closed one keeps its facts', async () => {
    const pair = [...schoolsOfBoard].find(([, brins]) => brins.size === 2)!;
    const [open, closing] = schools.filter((s) => pair[1].has(s.brin));
    const before = await getDirectoryFacts(database.db, [open.id, closing.id]);
    expect(before.get(open.id)?.governance).toBe('multi-school-board');
    await database.query(`UPDATE schools SET closed_at = now() WHERE id = $1`, [closing.id]);
    await database.query(`UPDATE locations SET closed_at = now() WHERE school_id = $1`, [closing.id]);
    const after = await getDirectoryFacts(database.db, [open.id, closing.id]);
    expect(after.get(open.id)?.governance).toBe('single-school-board');
    expect(after.get(closing.id)).toEqual({ ...before.get(closing.id), governance: 'single-school-board' });
  });
});
