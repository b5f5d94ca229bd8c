import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, duoFiles } from '../../../tests/support/test-database.ts';
import { readRealBoardNumbers, readRealLocations, type DuoLine } from '../../../tests/support/duo-csv.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { getDirectoryStats, getOrganisation, importDuo, searchOrganisations, type ImportDuoResult, type SearchInput } from './organisations.service.ts';

const csv = readRealLocations();
const boardList = readRealBoardNumbers();

const distinct = <T>(values: T[]) => new Set(values);
const expected = {
  locations: distinct(csv.lines.map((l) => csv.get(l, 'code'))).size,
  schools: distinct(csv.lines.map((l) => csv.get(l, 'brin'))).size,
  boards: distinct([...csv.lines.map((l) => csv.get(l, 'board')), ...boardList].map((n) => n.padStart(5, '0'))).size,
};

const locationsByBrin = new Map<string, DuoLine[]>();
for (const line of csv.lines) {
  const brin = csv.get(line, 'brin');
  locationsByBrin.set(brin, [...(locationsByBrin.get(brin) ?? []), line]);
}

const boardsFile = () => ({ name: 'besturen-po.csv', bytes: duoFiles.boards() });
const locationsFile = (bytes: Uint8Array, name = 'alle-schoolvestigingen-basisonderwijs.csv') => ({ name, bytes });

const noChanges = {
  boardsAdded: 0,
  boardsChanged: 0,
  schoolsAdded: 0,
  locationsAdded: 0,
  locationsChanged: 0,
  locationsReopened: 0,
  locationsClosed: 0,
};

function countsOf(result: ImportDuoResult) {
  const { rowsRead: _r, rejected: _j, boardsRejected: _b, encoding: _e, ...counts } = result;
  return counts;
}

/** Everything an import can change, to compare before and after. */
async function snapshot(database: Database) {
  return {
    locations: await database.query(`SELECT code, school_id, board_id, name, place, source_hash, closed_at, updated_at FROM locations ORDER BY code`),
    schools: await database.query(`SELECT brin, board_id, name, closed_at, updated_at FROM schools ORDER BY brin`),
    boards: await database.query(`SELECT number, name, kvk_number, updated_at FROM boards ORDER BY number`),
    search: await database.query(`SELECT id, name, closed, search_text FROM organisation_directory ORDER BY id`),
    imports: await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM duo_imports`),
  };
}

async function idOf(database: Database, table: 'locations' | 'schools' | 'boards', column: string, value: string): Promise<string> {
  const [row] = await database.query<{ id: string }>(`SELECT id FROM ${table} WHERE ${column} = $1`, [value]);
  if (!row) throw new Error(`no ${table} row with ${column} = ${value}`);
  return row.id;
}

const search = (database: Database, input: Partial<SearchInput>) => searchOrganisations(database.db, { page: 1, pageSize: 100, ...input });

async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('importing the real DUO files', () => {
  let database: Database;
  let first: ImportDuoResult;

  beforeAll(async () => {
    database = await createTestDatabase();
    first = await importDuo(database, { locations: locationsFile(duoFiles.locations()), boards: boardsFile() });
  });
  afterAll(async () => database?.close());

  it('the fixture is what the tests expect: every line has all columns', () => {
    expect(csv.lines.length).toBeGreaterThan(6000);
    for (const line of csv.lines) expect(line.fields.length).toBe(csv.header.length);
  });

  it('creates every board, school and location in the files and rejects nothing', () => {
    expect(first.rejected).toEqual([]);
    expect(first.boardsRejected).toEqual([]);
    expect(first.encoding).toBe('windows-1252');
    expect(first.rowsRead).toBe(csv.lines.length);
    expect(countsOf(first)).toEqual({
      ...noChanges,
      boardsAdded: expected.boards,
      schoolsAdded: expected.schools,
      locationsAdded: expected.locations,
    });
  });

  it('shows the same numbers in the directory (751 boards, 5,996 schools, 6,107 locations today)', async () => {
    expect(await getDirectoryStats(database.db)).toEqual(expected);
    expect(expected).toEqual({ boards: 751, schools: 5996, locations: 6107 });
  });

  it('keeps a board that runs schools but is missing from the board list, by number without a name', async () => {
    const listed = new Set(boardList);
    const unlisted = [...distinct(csv.lines.map((l) => csv.get(l, 'board')))].filter((n) => !listed.has(n));
    expect(unlisted.length).toBeGreaterThan(0);
    const detail = await getOrganisation(database.db, await idOf(database, 'boards', 'number', unlisted[0]));
    expect(detail.kind).toBe('bestuur');
    if (detail.kind !== 'bestuur') return;
    expect(detail.board).toMatchObject({ number: unlisted[0], name: null });
    const brins = distinct(csv.lines.filter((l) => csv.get(l, 'board') === unlisted[0]).map((l) => csv.get(l, 'brin')));
    expect(detail.schools.map((s) => s.brin).sort()).toEqual([...brins].sort());
  });

  it('keeps each region name once, and every region code of a location names a listed region', async () => {
    const [counts] = await database.query<{ regions: number; named: number }>(
      `SELECT (SELECT count(*)::int FROM regions) AS regions,
              (SELECT count(DISTINCT name)::int FROM regions WHERE kind = 'coropGebied') AS named`,
    );
    expect(counts.named).toBeGreaterThan(30); // the Netherlands has 40 COROP areas
    const [unlisted] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM locations l, jsonb_each_text(l.regions) e
       WHERE e.key <> 'vakantieregio' AND e.value IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM regions r WHERE r.kind = e.key AND r.code = e.value)`,
    );
    expect(unlisted.n).toBe(0);
    const [first] = csv.lines;
    const [row] = await database.query<{ regions: Record<string, string> }>(`SELECT regions FROM locations WHERE code = $1`, [csv.get(first, 'code')]);
    expect(Object.keys(row.regions)).toContain('coropGebied');
  });

  it('importing the same files a second time changes nothing', async () => {
    const before = await snapshot(database);
    const again = await importDuo(database, { locations: locationsFile(duoFiles.locations()), boards: boardsFile() });
    expect(countsOf(again)).toEqual(noChanges);
    expect(again.rejected).toEqual([]);
    const after = await snapshot(database);
    expect(after.imports).toEqual([{ n: before.imports[0].n + 1 }]);
    expect({ ...after, imports: null }).toEqual({ ...before, imports: null });
  });

  it('records each import with its file name and what it changed', async () => {
    const rows = await database.query<Record<string, unknown>>(
      `SELECT file_name, boards_file_name, rows_read, rows_rejected, locations_added, locations_closed, boards_added, schools_added
       FROM duo_imports ORDER BY imported_at, locations_added DESC`,
    );
    expect(rows[0]).toEqual({
      file_name: 'alle-schoolvestigingen-basisonderwijs.csv',
      boards_file_name: 'besturen-po.csv',
      rows_read: csv.lines.length,
      rows_rejected: 0,
      locations_added: expected.locations,
      locations_closed: 0,
      boards_added: expected.boards,
      schools_added: expected.schools,
    });
    expect(rows.at(-1)).toMatchObject({ locations_added: 0, boards_added: 0, schools_added: 0 });
  });

  describe('searching the directory', () => {
    const wegwijzer = csv.lines.find((l) => csv.get(l, 'code') === '03WU00')!;

    it('finds a school by (part of) its name, case-insensitively', async () => {
      const result = await search(database, { zoek: 'kindcentrum de WEGWIJZER' });
      expect(result.entries[0]).toMatchObject({ kind: 'school', code: '03WU', name: csv.get(wegwijzer, 'name'), place: csv.get(wegwijzer, 'place') });
      for (const entry of result.entries) expect(entry.name.toLowerCase()).toContain('wegwijzer');
    });

    it('finds every term anywhere: name and place together', async () => {
      const result = await search(database, { zoek: 'wegwijzer exloermond' });
      expect(result.total).toBe(1);
      expect(result.entries[0].code).toBe('03WU');
    });

    it('finds the schools in a place', async () => {
      // a school's place is that of its lowest location code
      const inEmmen = [...locationsByBrin.entries()]
        .filter(([, lines]) => csv.get([...lines].sort((a, b) => csv.get(a, 'code').localeCompare(csv.get(b, 'code')))[0], 'place') === 'EMMEN')
        .map(([brin]) => brin);
      expect(inEmmen.length).toBeGreaterThan(5);
      const result = await search(database, { zoek: 'Emmen', soort: 'school' });
      expect(result.total).toBeLessThanOrEqual(100);
      expect(result.entries.map((e) => e.code)).toEqual(expect.arrayContaining(inEmmen));
      for (const entry of result.entries) {
        expect(`${entry.name} ${entry.place} ${entry.boardName}`.toLowerCase()).toContain('emmen');
      }
    });

    it('puts the school first for its BRIN code', async () => {
      const result = await search(database, { zoek: '03wu' });
      expect(result.entries[0]).toMatchObject({ kind: 'school', code: '03WU', boardNumber: '32073' });
    });

    it('finds a location by its code, even the only location of a school', async () => {
      const nameCount = new Map<string, number>();
      for (const l of csv.lines) nameCount.set(csv.get(l, 'name'), (nameCount.get(csv.get(l, 'name')) ?? 0) + 1);
      const [sole] = [...locationsByBrin.values()].find((lines) => lines.length === 1 && nameCount.get(csv.get(lines[0], 'name')) === 1)!;
      const code = csv.get(sole, 'code');
      const result = await search(database, { zoek: code.toLowerCase() });
      expect(result.entries[0]).toMatchObject({ kind: 'vestiging', code, name: csv.get(sole, 'name'), closed: false });
      // without the code, the only location of a school is not listed beside its school
      const byName = await search(database, { zoek: csv.get(sole, 'name'), soort: undefined });
      expect(byName.entries.filter((e) => e.code === code)).toEqual([]);
      expect(byName.entries.some((e) => e.kind === 'school' && e.code === csv.get(sole, 'brin'))).toBe(true);
    });

    it('finds a board by its number, and all the schools of that board', async () => {
      const result = await search(database, { zoek: '32073' });
      expect(result.entries[0]).toMatchObject({ kind: 'bestuur', code: '32073' });
      const schools = await search(database, { zoek: '32073', soort: 'school' });
      const brins = distinct(csv.lines.filter((l) => csv.get(l, 'board') === '32073').map((l) => csv.get(l, 'brin')));
      expect(schools.total).toBe(brins.size);
      expect(schools.entries.map((e) => e.code).sort()).toEqual([...brins].sort());
      for (const entry of schools.entries) expect(entry.boardNumber).toBe('32073');
    });

    it('filters on province', async () => {
      const drenthe = csv.lines.filter((l) => csv.get(l, 'province') === 'Drenthe').length;
      const result = await search(database, { soort: 'vestiging', provincie: 'Drenthe' });
      expect(result.total).toBe(drenthe);
      for (const entry of result.entries) expect(entry.provinces).toEqual(['Drenthe']);
      const schools = await search(database, { zoek: 'wegwijzer', provincie: 'Limburg' });
      expect(schools.entries.map((e) => e.code)).not.toContain('03WU');
    });

    it('filters on denomination', async () => {
      const islamic = csv.lines.filter((l) => csv.get(l, 'denomination') === 'Islamitisch').length;
      const result = await search(database, { soort: 'vestiging', denominatie: 'Islamitisch' });
      expect(result.total).toBe(islamic);
      for (const entry of result.entries) expect(entry.denominations).toEqual(['Islamitisch']);
    });

    it('pages through the results: page 2 has other entries, the total stays the same', async () => {
      const page1 = await searchOrganisations(database.db, { soort: 'school', page: 1, pageSize: 20 });
      const page2 = await searchOrganisations(database.db, { soort: 'school', page: 2, pageSize: 20 });
      expect(page1.total).toBe(expected.schools);
      expect(page2.total).toBe(expected.schools);
      expect(page1.entries).toHaveLength(20);
      expect(page2.entries).toHaveLength(20);
      const ids1 = new Set(page1.entries.map((e) => e.id));
      expect(page2.entries.filter((e) => ids1.has(e.id))).toEqual([]);
      expect(page2).toMatchObject({ page: 2, pageSize: 20 });
    });

    it('gives a page past the end no entries but still the total', async () => {
      const result = await searchOrganisations(database.db, { zoek: 'Emmen', soort: 'school', page: 500, pageSize: 20 });
      const first = await searchOrganisations(database.db, { zoek: 'Emmen', soort: 'school', page: 1, pageSize: 20 });
      expect(result.entries).toEqual([]);
      expect(result.total).toBe(first.total);
      expect(result.total).toBeGreaterThan(0);
    });

    it('finds nothing for a name that does not exist, and treats LIKE wildcards as text', async () => {
      expect(await search(database, { zoek: 'Xyzzyschool' })).toMatchObject({ entries: [], total: 0 });
      expect(await search(database, { zoek: '%' })).toMatchObject({ entries: [], total: 0 });
      expect(await search(database, { zoek: '_' })).toMatchObject({ entries: [], total: 0 });
    });
  });

  describe('one organisation', () => {
    it('a board with its schools', async () => {
      const detail = await getOrganisation(database.db, await idOf(database, 'boards', 'number', '32073'));
      if (detail.kind !== 'bestuur') throw new Error(`expected a board, got ${detail.kind}`);
      const brins = distinct(csv.lines.filter((l) => csv.get(l, 'board') === '32073').map((l) => csv.get(l, 'brin')));
      expect(detail.board.number).toBe('32073');
      expect(detail.board.name).toBeTruthy();
      expect(detail.schools.map((s) => s.brin).sort()).toEqual([...brins].sort());
      expect(detail.schools.find((s) => s.brin === '03WU')).toMatchObject({ name: 'Kindcentrum De Wegwijzer', closedAt: null, locationCount: 1 });
    });

    it('a school with its locations and board', async () => {
      const [brin, lines] = [...locationsByBrin.entries()].find(([, l]) => l.length >= 3)!;
      const detail = await getOrganisation(database.db, await idOf(database, 'schools', 'brin', brin));
      if (detail.kind !== 'school') throw new Error(`expected a school, got ${detail.kind}`);
      expect(detail.school.brin).toBe(brin);
      expect(detail.board.number).toBe(csv.get(lines[0], 'board'));
      expect(detail.locations.map((l) => [l.code, l.name])).toEqual(
        lines.map((l) => [csv.get(l, 'code'), csv.get(l, 'name')]).sort((a, b) => a[0].localeCompare(b[0])),
      );
      expect(detail.school.locationCount).toBe(lines.length);
    });

    it('a location with its address, school and board', async () => {
      const line = csv.lines.find((l) => csv.get(l, 'code') === '04NA00')!;
      const detail = await getOrganisation(database.db, await idOf(database, 'locations', 'code', '04NA00'));
      if (detail.kind !== 'vestiging') throw new Error(`expected a location, got ${detail.kind}`);
      expect(detail.location).toMatchObject({
        code: '04NA00',
        name: csv.get(line, 'name'),
        place: csv.get(line, 'place'),
        denomination: csv.get(line, 'denomination'),
        province: 'Friesland',
        closedAt: null,
      });
      expect(detail.location.name).toBe('Algemeen Bijzondere basisschool "de Fluessen"');
      expect(detail.school.brin).toBe('04NA');
      expect(detail.board.number).toBe(csv.get(line, 'board'));
    });

    it('keeps the leading zeros of a municipality number', async () => {
      const line = csv.lines.find((l) => l.fields[csv.header.indexOf('GEMEENTENUMMER')].startsWith('0'))!;
      const detail = await getOrganisation(database.db, await idOf(database, 'locations', 'code', csv.get(line, 'code')));
      if (detail.kind !== 'vestiging') throw new Error('expected a location');
      expect(detail.location.municipalityCode).toBe(line.fields[csv.header.indexOf('GEMEENTENUMMER')]);
      expect(detail.location.municipalityCode).toMatch(/^0\d{3}$/);
    });

    it('not found for an id that is not in the directory, or is no id at all', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'abc', "1' OR '1'='1", '']) {
        const error = await rejectionOf(getOrganisation(database.db, id));
        expect(error.code).toBe('not_found');
        expect(error.detail).toEqual({ key: 'organisations.error.notInDirectory' });
      }
    });
  });
});

/** One database through a sequence of monthly files: each step starts from where the one before left it. */
describe('re-importing changed DUO files', () => {
  let database: Database;
  const now = (day: number) => new Date(Date.UTC(2025, 2, day));
  const importLines = (lines: DuoLine[] | string[][], options: { confirmMassClose?: boolean; day?: number } = {}) =>
    importDuo(database, {
      locations: locationsFile(csv.file(lines)),
      boards: boardsFile(),
      confirmMassClose: options.confirmMassClose,
      now: now(options.day ?? 1),
    });

  // a line with its board number broken: rejected, never closes the location it names
  const broken = csv.lines[99];
  const brokenCode = csv.get(broken, 'code');
  const withoutBroken = csv.lines.filter((l) => l !== broken);
  const schoolsWithoutBroken = distinct(withoutBroken.map((l) => csv.get(l, 'brin'))).size;
  const boardsWithoutBroken = distinct([...withoutBroken.map((l) => csv.get(l, 'board')), ...boardList]).size;
  const withBrokenLine = csv.lines.map((l) => (l === broken ? { ...l, fields: l.fields.map((f, i) => (i === csv.col.board ? 'ABCDE' : f)) } : l));

  // the changed copy: N lines dropped, M names edited, K new lines with new valid codes
  const multi = [...locationsByBrin.values()].filter((lines) => lines.length > 1);
  const dropped = multi.slice(0, 5).map((lines) => lines[1]);
  const droppedCodes = dropped.map((l) => csv.get(l, 'code'));
  const edited = csv.lines.filter((l) => !dropped.includes(l) && l !== broken).slice(1000, 1007);
  const editedCodes = edited.map((l) => csv.get(l, 'code'));
  const template = locationsByBrin.get('03WU')![0];
  const unusedBrin = ['99ZZ', '98ZY', '97ZX'].find((b) => !locationsByBrin.has(b))!;
  const withFields = (line: DuoLine, changes: Partial<Record<keyof typeof csv.col, string>>) =>
    line.fields.map((f, i) => {
      const key = (Object.keys(csv.col) as (keyof typeof csv.col)[]).find((k) => csv.col[k] === i);
      return key && changes[key] !== undefined ? changes[key]! : f;
    });
  const addedLines = [
    withFields(template, { code: '03WU07', name: 'Nieuwe dependance De Wegwijzer' }),
    withFields(template, { code: '03WU08', name: 'Tweede nieuwe dependance' }),
    withFields(template, { brin: unusedBrin, code: `${unusedBrin}00`, name: 'Gloednieuwe school' }),
  ];
  const changedCopy: string[][] = [
    ...csv.lines
      .filter((l) => !dropped.includes(l))
      .map((l) => (edited.includes(l) ? withFields(l, { name: `${csv.get(l, 'name')} (nieuwe naam)` }) : l.fields)),
    ...addedLines,
  ];

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('the changed copy is what the test means it to be', () => {
    expect(droppedCodes).toHaveLength(5);
    expect(new Set(droppedCodes).size).toBe(5);
    expect(edited).toHaveLength(7);
    expect(editedCodes.filter((c) => droppedCodes.includes(c))).toEqual([]);
    expect(unusedBrin).toBeDefined();
    expect(changedCopy).toHaveLength(csv.lines.length - 5 + 3);
    expect(csv.lines.some((l) => ['03WU07', '03WU08'].includes(csv.get(l, 'code')))).toBe(false);
  });

  it('a fresh import of a file with a broken line reports it with its line number and imports the rest', async () => {
    const result = await importLines(withBrokenLine);
    expect(result.rejected).toEqual([{ line: broken.lineNumber, reason: 'bestuursnummer "ABCDE" is geen nummer van 5 cijfers', code: brokenCode }]);
    expect(broken.lineNumber).toBe(101);
    expect(countsOf(result)).toEqual({
      ...noChanges,
      locationsAdded: expected.locations - 1,
      schoolsAdded: schoolsWithoutBroken,
      boardsAdded: boardsWithoutBroken,
    });
    expect((await search(database, { zoek: brokenCode, inclusiefGesloten: true })).total).toBe(0);
  });

  it('the complete file afterwards adds just the location of the broken line', async () => {
    const result = await importLines(csv.lines, { day: 2 });
    expect(countsOf(result)).toEqual({
      ...noChanges,
      locationsAdded: 1,
      schoolsAdded: expected.schools - schoolsWithoutBroken,
      boardsAdded: expected.boards - boardsWithoutBroken,
    });
    expect(await getDirectoryStats(database.db)).toEqual(expected);
  });

  it('a broken line never closes the location it names', async () => {
    const result = await importLines(withBrokenLine, { day: 3 });
    expect(result.rejected.map((r) => r.line)).toEqual([101]);
    expect(countsOf(result)).toEqual(noChanges);
    const found = await search(database, { zoek: brokenCode });
    expect(found.entries[0]).toMatchObject({ code: brokenCode, closed: false });
  });

  it('a file with N lines dropped, M names changed and K lines added reports exactly that', async () => {
    const result = await importLines(changedCopy, { day: 4 });
    expect(result.rejected).toEqual([]);
    expect(countsOf(result)).toEqual({ ...noChanges, locationsAdded: 3, locationsChanged: 7, locationsClosed: 5, schoolsAdded: 1 });
    expect(await getDirectoryStats(database.db)).toEqual({ ...expected, schools: expected.schools + 1, locations: expected.locations - 5 + 3 });
  });

  it('shows the changed names and the new locations', async () => {
    for (const line of edited) {
      const code = csv.get(line, 'code');
      const detail = await getOrganisation(database.db, await idOf(database, 'locations', 'code', code));
      if (detail.kind !== 'vestiging') throw new Error('expected a location');
      expect(detail.location.name).toBe(`${csv.get(line, 'name')} (nieuwe naam)`);
    }
    const school = await getOrganisation(database.db, await idOf(database, 'schools', 'brin', '03WU'));
    if (school.kind !== 'school') throw new Error('expected a school');
    expect(school.locations.map((l) => [l.code, l.name, l.closedAt])).toEqual([
      ['03WU00', 'Kindcentrum De Wegwijzer', null],
      ['03WU07', 'Nieuwe dependance De Wegwijzer', null],
      ['03WU08', 'Tweede nieuwe dependance', null],
    ]);
    const newSchool = await search(database, { zoek: 'Gloednieuwe school' });
    expect(newSchool.entries[0]).toMatchObject({ kind: 'school', code: unusedBrin, boardNumber: '32073' });
  });

  it('keeps the dropped locations, marked closed on the day of the import', async () => {
    for (const code of droppedCodes) {
      const detail = await getOrganisation(database.db, await idOf(database, 'locations', 'code', code));
      if (detail.kind !== 'vestiging') throw new Error('expected a location');
      expect(new Date(detail.location.closedAt!).toISOString()).toBe(now(4).toISOString());
      // their schools have other locations and stay open
      expect(detail.school.closedAt).toBeNull();
    }
  });

  it('leaves closed locations out of a search unless asked for', async () => {
    const line = dropped[0];
    const code = csv.get(line, 'code');
    expect((await search(database, { zoek: code })).total).toBe(0);
    const withClosed = await search(database, { zoek: code, inclusiefGesloten: true });
    expect(withClosed.entries[0]).toMatchObject({ kind: 'vestiging', code, closed: true });
    const byName = await search(database, { zoek: csv.get(line, 'name'), soort: 'vestiging' });
    expect(byName.entries.filter((e) => e.code === code)).toEqual([]);
    const byNameWithClosed = await search(database, { zoek: csv.get(line, 'name'), soort: 'vestiging', inclusiefGesloten: true });
    expect(byNameWithClosed.entries.filter((e) => e.code === code)).toHaveLength(1);
  });

  it('refuses, changing nothing, a file that would close more than 20% of the open locations', async () => {
    const before = await snapshot(database);
    const open = expected.locations - 5 + 3;
    const partial = changedCopy.slice(0, 3000);
    const error = await rejectionOf(importLines(partial, { day: 5 }));
    expect(error.code).toBe('conflict');
    expect(error.detail).toBe(
      `Dit bestand zou ${open - 3000} van de ${open} open vestigingen sluiten (meer dan 20%). Controleer of het bestand volledig is, of bevestig het sluiten.`,
    );
    expect(await snapshot(database)).toEqual(before);
  });

  it('closes them when the closing is confirmed', async () => {
    const open = expected.locations - 5 + 3;
    const result = await importLines(changedCopy.slice(0, 3000), { day: 5, confirmMassClose: true });
    expect(countsOf(result)).toEqual({ ...noChanges, locationsClosed: open - 3000 });
    expect((await getDirectoryStats(database.db)).locations).toBe(3000);
  });

  it('reopens closed locations that are back in the file', async () => {
    const lastLine = changedCopy.at(-4)!; // a real line that the partial file left out
    const code = lastLine[csv.col.code];
    const result = await importLines(changedCopy, { day: 6 });
    expect(countsOf(result)).toEqual({ ...noChanges, locationsReopened: expected.locations - 5 + 3 - 3000 });
    expect(await getDirectoryStats(database.db)).toEqual({ ...expected, schools: expected.schools + 1, locations: expected.locations - 5 + 3 });
    const detail = await getOrganisation(database.db, await idOf(database, 'locations', 'code', code));
    if (detail.kind !== 'vestiging') throw new Error('expected a location');
    expect(detail.location.closedAt).toBeNull();
    expect(detail.school.closedAt).toBeNull();
  });

  it('the original file again: the dropped come back, the names change back, the new ones close', async () => {
    const result = await importLines(csv.lines, { day: 7 });
    expect(countsOf(result)).toEqual({ ...noChanges, locationsReopened: 5, locationsChanged: 7, locationsClosed: 3 });
    expect(await getDirectoryStats(database.db)).toEqual(expected);
    const newSchool = await search(database, { zoek: unusedBrin, inclusiefGesloten: true, soort: 'school' });
    expect(newSchool.entries[0]).toMatchObject({ code: unusedBrin, closed: true });
  });

  it('finds the schools and locations of a renamed board under its new name only', async () => {
    const renamed = Buffer.from(
      Buffer.from(duoFiles.boards())
        .toString('utf8')
        .replace(/^(\d*),[^,\n]*,(.*,32073,)/m, '$1,Stichting Hernoemd Testbestuur,$2'),
    );
    const result = await importDuo(database, {
      locations: locationsFile(csv.file(csv.lines)),
      boards: { name: 'besturen-po.csv', bytes: renamed },
      now: now(8),
    });
    expect(countsOf(result)).toEqual({ ...noChanges, boardsChanged: 1 });
    const ofBoard = csv.lines.filter((l) => csv.get(l, 'board') === '32073');
    const locations = await search(database, { zoek: 'hernoemd testbestuur', soort: 'vestiging' });
    expect(locations.total).toBe(ofBoard.length);
    for (const entry of locations.entries) expect(entry).toMatchObject({ boardNumber: '32073', boardName: 'Stichting Hernoemd Testbestuur' });
    const schools = await search(database, { zoek: 'hernoemd testbestuur', soort: 'school' });
    expect(schools.total).toBe(distinct(ofBoard.map((l) => csv.get(l, 'brin'))).size);

    await importLines(csv.lines, { day: 9 });
    expect((await search(database, { zoek: 'hernoemd testbestuur' })).total).toBe(0);
  });

  it('refuses a file that is empty or has no readable line, and changes nothing', async () => {
    const before = await snapshot(database);
    const empty = await rejectionOf(importDuo(database, { locations: locationsFile(new Uint8Array()) }));
    expect(empty).toMatchObject({ code: 'validation_failed', detail: 'Het vestigingenbestand is leeg.' });
    const unreadable = await rejectionOf(importDuo(database, { locations: locationsFile(csv.file([withBrokenLine[99]])) }));
    expect(unreadable).toMatchObject({
      code: 'validation_failed',
      detail: 'Het vestigingenbestand bevat geen enkele leesbare vestiging; er is niets gewijzigd.',
    });
    const wrongFile = await rejectionOf(importDuo(database, { locations: locationsFile(duoFiles.boards()) }));
    expect(wrongFile.code).toBe('validation_failed');
    expect(wrongFile.detail).toMatch(/^Het vestigingenbestand mist de kolom\(men\) /);
    expect(await snapshot(database)).toEqual(before);
  });
});
