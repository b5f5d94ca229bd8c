import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './support/test-database.ts';
import { getOrganisation, searchOrganisations } from '../src/features/organisations/index.ts';
import { migrationsFolder, type Database } from '../src/db/database.ts';

/** The project's migrations up to and including `last` (a tag like 0002_identity), in a folder of their own. */
function migrationsUpTo(last: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'br-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const keep = journal.entries.findIndex((e) => e.tag === last);
  if (keep < 0) throw new Error(`no migration ${last}`);
  for (const entry of journal.entries.slice(keep + 1)) rmSync(join(folder, `${entry.tag}.sql`));
  journal.entries = journal.entries.slice(0, keep + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('upgrading a directory imported before migration 0003 (search view, facts, region list)', () => {
  let database: Database;
  let folder: string;
  const ids = {
    board: '0195f2a0-0000-7000-8000-000000000001',
    school: '0195f2a0-0000-7000-8000-000000000002',
    open: '0195f2a0-0000-7000-8000-000000000003',
    closed: '0195f2a0-0000-7000-8000-000000000004',
  };

  beforeAll(async () => {
    folder = migrationsUpTo('0002_identity');
    database = await createTestDatabase({ migrationsFolder: folder });
    // the directory as the import before 0003 left it: region names inside every location
    await database.query(`INSERT INTO boards (id, number, name) VALUES ($1, '20091', 'Stichting Kindante')`, [ids.board]);
    await database.query(`INSERT INTO schools (id, brin, board_id, name) VALUES ($1, '32JK', $2, 'BBS de Verwondering')`, [ids.school, ids.board]);
    const regions = JSON.stringify({
      coropGebied: { code: '07', naam: 'Noord-Drenthe' },
      rmcRegio: { code: null, naam: null },
      vakantieregio: 'Noord',
    });
    await database.query(
      `INSERT INTO locations (id, code, school_id, board_id, name, place, province, denomination, regions, source_hash, closed_at)
       VALUES ($1, '32JK00', $3, $4, 'BBS de Verwondering', 'ALTEVEER', 'Drenthe', 'Openbaar', $5, repeat('a', 32), NULL),
              ($2, '32JK01', $3, $4, 'Dependance', 'VRIES', 'Groningen', 'Protestants-Christelijk', $5, repeat('b', 32), now())`,
      [ids.open, ids.closed, ids.school, ids.board, regions],
    );
    await database.migrate();
  });
  afterAll(async () => {
    await database?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('moves the region names into the region list and keeps the codes with the location', async () => {
    expect(await database.query(`SELECT kind, code, name FROM regions`)).toEqual([{ kind: 'coropGebied', code: '07', name: 'Noord-Drenthe' }]);
    const [location] = await database.query<{ regions: unknown }>(`SELECT regions FROM locations WHERE code = '32JK00'`);
    expect(location.regions).toEqual({ coropGebied: '07', rmcRegio: null, vakantieregio: 'Noord' });
  });

  it('finds the school, its board and its open location by name and place right after the upgrade', async () => {
    const search = (zoek: string) => searchOrganisations(database.db, { zoek, page: 1, pageSize: 10 });
    expect((await search('alteveer')).entries.map((e) => [e.kind, e.code])).toEqual([
      ['school', '32JK'],
      ['vestiging', '32JK00'],
    ]);
    expect((await search('kindante')).entries.map((e) => e.code)).toEqual(['20091', '32JK', '32JK00']);
    const school = (await search('32JK')).entries[0];
    expect(school).toMatchObject({ kind: 'school', place: 'ALTEVEER', provinces: ['Drenthe', 'Groningen'], closed: false });
    const board = (await search('20091')).entries[0];
    expect(board).toMatchObject({ kind: 'bestuur', provinces: ['Drenthe'], denominations: ['Openbaar'], closed: false });
  });

  it('shows the school with both its locations', async () => {
    const detail = await getOrganisation(database.db, ids.school);
    expect(detail.kind === 'school' && detail.locations.map((l) => [l.code, l.closedAt === null])).toEqual([
      ['32JK00', true],
      ['32JK01', false],
    ]);
  });
});

describe('upgrading delivered persons from before migration 0005 (a new record carries its delivery)', () => {
  let database: Database;
  let folder: string;
  const ids = {
    board: '0195f2a0-0000-7000-8000-000000000011',
    school: '0195f2a0-0000-7000-8000-000000000012',
    person: '0195f2a0-0000-7000-8000-000000000013',
    employment: '0195f2a0-0000-7000-8000-000000000014',
    first: '0195f2a0-0000-7000-8000-000000000015',
    second: '0195f2a0-0000-7000-8000-000000000016',
  };

  beforeAll(async () => {
    folder = migrationsUpTo('0004_people_and_deliveries');
    database = await createTestDatabase({ migrationsFolder: folder });
    await database.query(`INSERT INTO boards (id, number, name) VALUES ($1, '20091', 'Stichting Kindante')`, [ids.board]);
    await database.query(`INSERT INTO schools (id, brin, board_id, name) VALUES ($1, '32JK', $2, 'BBS de Verwondering')`, [ids.school, ids.board]);
    await database.query(`INSERT INTO persons (id, initials, surname, birth_date) VALUES ($1, 'A.', 'Jansen', '1980-01-01')`, [ids.person]);
    await database.query(
      `INSERT INTO employments (id, person_id, board_id, school_id, staff_number, employment_key, function, start_date, last_delivery_id)
       VALUES ($1, $2, $3, $4, 'P1', 'P1|32JK||LERAAR', 'LERAAR', '2020-08-01', $5)`,
      [ids.employment, ids.person, ids.board, ids.school, ids.second],
    );
    await database.query(
      `INSERT INTO person_history (id, person_id, employment_id, delivery_id, kind, changes) VALUES
         (gen_random_uuid(), $1, NULL, $3, 'persoon-nieuw', NULL),
         (gen_random_uuid(), $1, $2, $3, 'dienstverband-nieuw', NULL),
         (gen_random_uuid(), $1, $2, $4, 'dienstverband-gewijzigd', '{"werktijdfactor": [0.8, 1]}')`,
      [ids.person, ids.employment, ids.first, ids.second],
    );
    await database.migrate();
  });
  afterAll(async () => {
    await database?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('moves the start of a person and an employment from the history onto the record; the changes stay', async () => {
    expect(await database.query(`SELECT first_delivery_id FROM persons`)).toEqual([{ first_delivery_id: ids.first }]);
    expect(await database.query(`SELECT first_delivery_id, last_delivery_id FROM employments`)).toEqual([
      { first_delivery_id: ids.first, last_delivery_id: ids.second },
    ]);
    expect(await database.query(`SELECT kind, delivery_id FROM person_history`)).toEqual([{ kind: 'dienstverband-gewijzigd', delivery_id: ids.second }]);
  });
});

describe('upgrading the directory search text from before migration 0018 (the board part moves to the view)', () => {
  let database: Database;
  let folder: string;

  beforeAll(async () => {
    folder = migrationsUpTo('0017_development_catalogue_reregistration');
    database = await createTestDatabase({ migrationsFolder: folder });
    const board = '0195f2a0-0000-7000-8000-000000000011';
    const school = '0195f2a0-0000-7000-8000-000000000012';
    await database.query(`INSERT INTO boards (id, number, name, search_text) VALUES ($1, '20091', 'Stichting Kindante', '20091 stichting kindante')`, [board]);
    await database.query(
      `INSERT INTO schools (id, brin, board_id, name, place, search_text)
       VALUES ($1, '32JK', $2, 'BBS de Verwondering', 'ALTEVEER', '32jk bbs de verwondering alteveer 20091 stichting kindante')`,
      [school, board],
    );
    await database.query(
      `INSERT INTO locations (id, code, school_id, board_id, name, place, municipality_name, source_hash, search_text)
       VALUES ('0195f2a0-0000-7000-8000-000000000013', '32JK00', $1, $2, 'BBS de Verwondering', 'ALTEVEER', 'NOORDENVELD', repeat('a', 32),
               '32jk00 bbs de verwondering alteveer noordenveld 20091 stichting kindante'),
              ('0195f2a0-0000-7000-8000-000000000014', '32JK01', $1, $2, 'Dependance', 'VRIES', NULL, repeat('b', 32), 'iets anders')`,
      [school, board],
    );
    await database.migrate();
  });
  afterAll(async () => {
    await database?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps only their own part with schools and locations, and the directory still shows the board part', async () => {
    expect(await database.query(`SELECT code, search_text FROM locations ORDER BY code`)).toEqual([
      { code: '32JK00', search_text: '32jk00 bbs de verwondering alteveer noordenveld' },
      { code: '32JK01', search_text: 'iets anders' },
    ]);
    expect(await database.query(`SELECT search_text FROM schools`)).toEqual([{ search_text: '32jk bbs de verwondering alteveer' }]);
    expect(await database.query(`SELECT code, search_text FROM organisation_directory ORDER BY code`)).toEqual([
      { code: '20091', search_text: '20091 stichting kindante' },
      { code: '32JK', search_text: '32jk bbs de verwondering alteveer 20091 stichting kindante' },
      { code: '32JK00', search_text: '32jk00 bbs de verwondering alteveer noordenveld 20091 stichting kindante' },
      { code: '32JK01', search_text: 'iets anders 20091 stichting kindante' },
    ]);
    const found = await searchOrganisations(database.db, { zoek: 'kindante alteveer', page: 1, pageSize: 10 });
    expect(found.entries.map((e) => e.code)).toEqual(['32JK', '32JK00']);
  });
});
