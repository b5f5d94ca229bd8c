import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { duoImports } from '../../db/schema/index.ts';
import { csvLine } from '../../platform/csv/write.ts';
import type { DuoBoard, DuoLocation } from './duo-file.rules.ts';

export type OrganisationKind = 'bestuur' | 'school' | 'vestiging';

export type DirectoryEntry = {
  id: string;
  kind: OrganisationKind;
  code: string;
  name: string;
  place: string | null;
  provinces: string[];
  denominations: string[];
  boardId: string;
  boardNumber: string;
  boardName: string | null;
  closed: boolean;
};

export type DirectoryQuery = {
  terms: string[];
  kind?: OrganisationKind;
  province?: string;
  denomination?: string;
  includeClosed: boolean;
  offset: number;
  limit: number;
};

export type ImportCounts = {
  boardsAdded: number;
  boardsChanged: number;
  schoolsAdded: number;
  locationsAdded: number;
  locationsChanged: number;
  locationsReopened: number;
  locationsClosed: number;
};

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const countOf = (result: unknown): number => Number(rowsOf<{ n: number | string }>(result)[0]?.n ?? 0);

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function searchDirectory(db: Db, q: DirectoryQuery): Promise<{ entries: DirectoryEntry[]; total: number }> {
  const conditions = [sql`true`];
  for (const term of q.terms) conditions.push(sql`search_text LIKE ${'%' + escapeLike(term.toLowerCase()) + '%'}`);
  if (q.kind) conditions.push(sql`kind = ${q.kind}`);
  else if (q.terms.length === 0 || !q.terms.some((t) => /^\d{2}[a-z]{2}\d{2}$/i.test(t))) conditions.push(sql`NOT sole_location`);
  if (q.province) conditions.push(sql`${q.province} = ANY(provinces)`);
  if (q.denomination) conditions.push(sql`${q.denomination} = ANY(denominations)`);
  if (!q.includeClosed) conditions.push(sql`NOT closed`);
  const phrase = q.terms.join(' ').toLowerCase();
  const upper = phrase.toUpperCase();
  const result = await db.execute(sql`
    SELECT id, kind, code, name, place, provinces, denominations,
           board_id AS "boardId", board_number AS "boardNumber", board_name AS "boardName", closed,
           count(*) OVER () AS total
    FROM organisation_search
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY (code = ${upper}) DESC,
             (lower(name) LIKE ${escapeLike(phrase) + '%'}) DESC,
             CASE kind WHEN 'bestuur' THEN 0 WHEN 'school' THEN 1 ELSE 2 END,
             name, code
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  const rows = rowsOf<DirectoryEntry & { total: string | number }>(result);
  const total = rows.length > 0 ? Number(rows[0].total) : await countDirectory(db, conditions);
  return { entries: rows.map(({ total: _t, ...entry }) => entry), total };
}

async function countDirectory(db: Db, conditions: ReturnType<typeof sql>[]): Promise<number> {
  return countOf(await db.execute(sql`SELECT count(*) AS n FROM organisation_search WHERE ${sql.join(conditions, sql` AND `)}`));
}

export async function findEntry(db: Db, id: string): Promise<DirectoryEntry | undefined> {
  const result = await db.execute(sql`
    SELECT id, kind, code, name, place, provinces, denominations,
           board_id AS "boardId", board_number AS "boardNumber", board_name AS "boardName", closed
    FROM organisation_search WHERE id = ${id}`);
  return rowsOf<DirectoryEntry>(result)[0];
}

export type BoardRecord = { id: string; number: string; name: string | null; kvkNumber: string | null; sectors: string | null };
export type SchoolRecord = { id: string; brin: string; name: string; boardId: string; closedAt: Date | null; place: string | null; locationCount: number };
export type LocationRecord = {
  id: string; code: string; name: string; schoolId: string; boardId: string; street: string | null; houseNumber: string | null;
  postcode: string | null; place: string | null; municipalityCode: string | null; municipalityName: string | null; province: string | null;
  denomination: string | null; phone: string | null; website: string | null; closedAt: Date | null;
};

export async function findBoard(db: Db, id: string): Promise<BoardRecord | undefined> {
  return rowsOf<BoardRecord>(
    await db.execute(sql`SELECT id, number, name, kvk_number AS "kvkNumber", sectors FROM boards WHERE id = ${id}`),
  )[0];
}

export async function findBoardByNumber(db: Db, number: string): Promise<BoardRecord | undefined> {
  return rowsOf<BoardRecord>(
    await db.execute(sql`SELECT id, number, name, kvk_number AS "kvkNumber", sectors FROM boards WHERE number = ${number}`),
  )[0];
}

const schoolColumns = sql`s.id, s.brin, s.name, s.board_id AS "boardId", s.closed_at AS "closedAt",
  (SELECT l.place FROM locations l WHERE l.school_id = s.id ORDER BY l.closed_at NULLS FIRST, l.code LIMIT 1) AS place,
  (SELECT count(*)::int FROM locations l WHERE l.school_id = s.id AND l.closed_at IS NULL) AS "locationCount"`;

export async function listSchoolsOfBoard(db: Db, boardId: string): Promise<SchoolRecord[]> {
  return rowsOf<SchoolRecord>(
    await db.execute(sql`SELECT ${schoolColumns} FROM schools s WHERE s.board_id = ${boardId} ORDER BY s.closed_at NULLS FIRST, s.name`),
  );
}

export async function findSchool(db: Db, id: string): Promise<SchoolRecord | undefined> {
  return rowsOf<SchoolRecord>(await db.execute(sql`SELECT ${schoolColumns} FROM schools s WHERE s.id = ${id}`))[0];
}

const locationColumns = sql`id, code, name, school_id AS "schoolId", board_id AS "boardId", street, house_number AS "houseNumber",
  postcode, place, municipality_code AS "municipalityCode", municipality_name AS "municipalityName", province, denomination,
  phone, website, closed_at AS "closedAt"`;

export async function listLocationsOfSchool(db: Db, schoolId: string): Promise<LocationRecord[]> {
  return rowsOf<LocationRecord>(
    await db.execute(sql`SELECT ${locationColumns} FROM locations WHERE school_id = ${schoolId} ORDER BY closed_at NULLS FIRST, code`),
  );
}

export async function findLocation(db: Db, id: string): Promise<LocationRecord | undefined> {
  return rowsOf<LocationRecord>(await db.execute(sql`SELECT ${locationColumns} FROM locations WHERE id = ${id}`))[0];
}

export async function countDirectoryKinds(db: Db): Promise<{ boards: number; schools: number; locations: number }> {
  const [row] = rowsOf<{ boards: string; schools: string; locations: string }>(
    await db.execute(sql`SELECT
      (SELECT count(*) FROM boards) AS boards,
      (SELECT count(*) FROM schools WHERE closed_at IS NULL) AS schools,
      (SELECT count(*) FROM locations WHERE closed_at IS NULL) AS locations`),
  );
  return { boards: Number(row.boards), schools: Number(row.schools), locations: Number(row.locations) };
}

export async function listFacetValues(db: Db): Promise<{ provinces: string[]; denominations: string[] }> {
  const [row] = rowsOf<{ provinces: string[] | null; denominations: string[] | null }>(
    await db.execute(sql`SELECT
      (SELECT array_agg(DISTINCT province ORDER BY province) FROM locations WHERE province IS NOT NULL AND closed_at IS NULL) AS provinces,
      (SELECT array_agg(DISTINCT denomination ORDER BY denomination) FROM locations WHERE denomination IS NOT NULL AND closed_at IS NULL) AS denominations`),
  );
  return { provinces: row.provinces ?? [], denominations: row.denominations ?? [] };
}

/**
 * Applies a parsed DUO file set-based inside the caller's transaction: the rows go into a temporary
 * staging table in one statement, then boards, schools and locations are merged from it.
 * `keepOpen` lists location codes on rejected lines: an unreadable line never closes a location.
 */
export type CopyCsv = (table: string, columns: string[], csv: string) => Promise<void>;

const stageLocationColumns = [
  'board_number', 'brin', 'code', 'name', 'street', 'house_number', 'postcode', 'place', 'municipality_code',
  'municipality_name', 'province', 'denomination', 'phone', 'website', 'regions', 'source_hash', 'id', 'school_id',
];

export async function applyDuoImport(
  tx: Db,
  copy: CopyCsv,
  input: { locations: DuoLocation[]; boards: DuoBoard[] | null; keepOpen: string[]; now: Date },
): Promise<ImportCounts> {
  const now = input.now.toISOString();
  await tx.execute(sql`CREATE TEMP TABLE stage_locations (
    board_number char(5), brin char(4), code char(6), name text, street text, house_number text, postcode text,
    place text, municipality_code varchar(4), municipality_name text, province text, denomination text,
    phone text, website text, regions jsonb, source_hash char(32), id uuid, school_id uuid) ON COMMIT DROP`);
  // ids for the rows that turn out to be new are made here: gen_random_uuid() per row costs PGlite
  // more than the rest of the insert (the same random v4 UUIDs as the column default)
  let csv = '';
  for (const l of input.locations) {
    csv += csvLine([
      l.boardNumber, l.brin, l.code, l.name, l.street, l.houseNumber, l.postcode, l.place, l.municipalityCode,
      l.municipalityName, l.province, l.denomination, l.phone, l.website, JSON.stringify(l.regions), l.sourceHash,
      randomUUID(), randomUUID(),
    ]);
  }
  await copy('stage_locations', stageLocationColumns, csv);

  let boardsAdded = 0;
  let boardsChanged = 0;
  if (input.boards) {
    await tx.execute(sql`CREATE TEMP TABLE stage_boards (number char(5), name text, kvk_number varchar(8), sectors text) ON COMMIT DROP`);
    await copy(
      'stage_boards',
      ['number', 'name', 'kvk_number', 'sectors'],
      input.boards.map((b) => csvLine([b.number, b.name, b.kvkNumber, b.sectors])).join(''),
    );
    boardsChanged = countOf(await tx.execute(sql`WITH changed AS (
      UPDATE boards b SET name = s.name, kvk_number = s.kvk_number, sectors = s.sectors, updated_at = ${now}
      FROM stage_boards s
      WHERE b.number = s.number AND (b.name, b.kvk_number, b.sectors) IS DISTINCT FROM (s.name, s.kvk_number, s.sectors)
      RETURNING 1) SELECT count(*) AS n FROM changed`));
    boardsAdded += countOf(await tx.execute(sql`WITH added AS (
      INSERT INTO boards (number, name, kvk_number, sectors, created_at, updated_at)
      SELECT s.number, s.name, s.kvk_number, s.sectors, ${now}, ${now} FROM stage_boards s
      WHERE NOT EXISTS (SELECT 1 FROM boards b WHERE b.number = s.number)
      RETURNING 1) SELECT count(*) AS n FROM added`));
  }
  // boards that run schools but are missing from the board list (municipalities): number only
  boardsAdded += countOf(await tx.execute(sql`WITH added AS (
    INSERT INTO boards (number, created_at, updated_at)
    SELECT DISTINCT s.board_number, ${now}::timestamptz, ${now}::timestamptz FROM stage_locations s
    WHERE NOT EXISTS (SELECT 1 FROM boards b WHERE b.number = s.board_number)
    RETURNING 1) SELECT count(*) AS n FROM added`));

  // a school is named after its main location (code ending in 00), else its lowest code
  await tx.execute(sql`CREATE TEMP TABLE stage_schools ON COMMIT DROP AS
    SELECT DISTINCT ON (s.brin) s.brin, b.id AS board_id, s.name, s.school_id AS id
    FROM stage_locations s JOIN boards b ON b.number = s.board_number
    ORDER BY s.brin, s.code`);
  const schoolsAdded = countOf(await tx.execute(sql`WITH added AS (
    INSERT INTO schools (id, brin, board_id, name, created_at, updated_at)
    SELECT s.id, s.brin, s.board_id, s.name, ${now}, ${now} FROM stage_schools s
    WHERE NOT EXISTS (SELECT 1 FROM schools x WHERE x.brin = s.brin)
    RETURNING 1) SELECT count(*) AS n FROM added`));
  await tx.execute(sql`UPDATE schools x SET board_id = s.board_id, name = s.name, closed_at = NULL, updated_at = ${now}
    FROM stage_schools s
    WHERE x.brin = s.brin AND (x.board_id, x.name, x.closed_at) IS DISTINCT FROM (s.board_id, s.name, NULL::timestamptz)`);

  const reopened = countOf(await tx.execute(sql`SELECT count(*) AS n FROM locations l JOIN stage_locations s ON s.code = l.code
    WHERE l.closed_at IS NOT NULL`));
  const locationsChanged = countOf(await tx.execute(sql`WITH changed AS (
    UPDATE locations l SET school_id = x.id, board_id = x.board_id, name = s.name, street = s.street,
      house_number = s.house_number, postcode = s.postcode, place = s.place, municipality_code = s.municipality_code,
      municipality_name = s.municipality_name, province = s.province, denomination = s.denomination, phone = s.phone,
      website = s.website, regions = s.regions, source_hash = s.source_hash, closed_at = NULL, updated_at = ${now}
    FROM stage_locations s JOIN schools x ON x.brin = s.brin
    WHERE l.code = s.code AND (l.source_hash <> s.source_hash OR l.closed_at IS NOT NULL)
    RETURNING 1) SELECT count(*) AS n FROM changed`));
  const locationsAdded = countOf(await tx.execute(sql`WITH added AS (
    INSERT INTO locations (id, code, school_id, board_id, name, street, house_number, postcode, place, municipality_code,
      municipality_name, province, denomination, phone, website, regions, source_hash, created_at, updated_at)
    SELECT s.id, s.code, x.id, x.board_id, s.name, s.street, s.house_number, s.postcode, s.place, s.municipality_code,
      s.municipality_name, s.province, s.denomination, s.phone, s.website, s.regions, s.source_hash, ${now}, ${now}
    FROM stage_locations s JOIN schools x ON x.brin = s.brin
    WHERE NOT EXISTS (SELECT 1 FROM locations l WHERE l.code = s.code)
    RETURNING 1) SELECT count(*) AS n FROM added`));
  const locationsClosed = countOf(await tx.execute(sql`WITH closed AS (
    UPDATE locations l SET closed_at = ${now}, updated_at = ${now}
    WHERE l.closed_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM stage_locations s WHERE s.code = l.code)
      AND NOT EXISTS (SELECT 1 FROM unnest(${sql.param(input.keepOpen)}::text[]) k(code) WHERE k.code = l.code)
    RETURNING 1) SELECT count(*) AS n FROM closed`));
  await tx.execute(sql`UPDATE schools x SET closed_at = ${now}, updated_at = ${now}
    WHERE x.closed_at IS NULL AND NOT EXISTS (SELECT 1 FROM locations l WHERE l.school_id = x.id AND l.closed_at IS NULL)`);

  return {
    boardsAdded,
    boardsChanged,
    schoolsAdded,
    locationsAdded,
    locationsChanged: locationsChanged - reopened,
    locationsReopened: reopened,
    locationsClosed,
  };
}

export async function countOpenLocations(db: Db): Promise<number> {
  return countOf(await db.execute(sql`SELECT count(*) AS n FROM locations WHERE closed_at IS NULL`));
}

export async function countLocationsToClose(db: Db, presentCodes: string[]): Promise<number> {
  return countOf(await db.execute(sql`SELECT count(*) AS n FROM locations l
    WHERE l.closed_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM unnest(${sql.param(presentCodes)}::text[]) p(code) WHERE p.code = l.code)`));
}

/** Rebuilds the search table from boards, schools and locations (inside the import's transaction). */
export async function rebuildDirectorySearch(tx: Db): Promise<void> {
  await tx.execute(sql`DELETE FROM organisation_search`);
  await tx.execute(sql`CREATE TEMP TABLE school_facts ON COMMIT DROP AS
    SELECT l.school_id,
      (array_agg(l.place ORDER BY l.closed_at NULLS FIRST, l.code))[1] AS place,
      coalesce(array_agg(DISTINCT l.province) FILTER (WHERE l.province IS NOT NULL), '{}') AS provinces,
      coalesce(array_agg(DISTINCT l.denomination) FILTER (WHERE l.denomination IS NOT NULL), '{}') AS denominations,
      count(*) AS locations
    FROM locations l GROUP BY l.school_id`);
  await tx.execute(sql`INSERT INTO organisation_search
      (id, kind, code, name, place, provinces, denominations, board_id, board_number, board_name, school_id, sole_location, closed, search_text)
    SELECT b.id, 'bestuur', b.number, coalesce(b.name, 'Bevoegd gezag ' || b.number), NULL,
      coalesce(f.provinces, '{}'), coalesce(f.denominations, '{}'), b.id, b.number, b.name, NULL, false,
      coalesce(f.open, 0) = 0, lower(b.number || ' ' || coalesce(b.name, ''))
    FROM boards b LEFT JOIN (
      SELECT l.board_id,
        array_agg(DISTINCT l.province) FILTER (WHERE l.province IS NOT NULL) AS provinces,
        array_agg(DISTINCT l.denomination) FILTER (WHERE l.denomination IS NOT NULL) AS denominations,
        count(*) AS open
      FROM locations l WHERE l.closed_at IS NULL GROUP BY l.board_id) f ON f.board_id = b.id`);
  await tx.execute(sql`INSERT INTO organisation_search
      (id, kind, code, name, place, provinces, denominations, board_id, board_number, board_name, school_id, sole_location, closed, search_text)
    SELECT s.id, 'school', s.brin, s.name, f.place, f.provinces, f.denominations, b.id, b.number, b.name, s.id, false,
      s.closed_at IS NOT NULL,
      lower(s.brin || ' ' || s.name || ' ' || coalesce(f.place, '') || ' ' || b.number || ' ' || coalesce(b.name, ''))
    FROM schools s JOIN boards b ON b.id = s.board_id JOIN school_facts f ON f.school_id = s.id`);
  await tx.execute(sql`INSERT INTO organisation_search
      (id, kind, code, name, place, provinces, denominations, board_id, board_number, board_name, school_id, sole_location, closed, search_text)
    SELECT l.id, 'vestiging', l.code, l.name, l.place,
      CASE WHEN l.province IS NULL THEN '{}'::text[] ELSE ARRAY[l.province] END,
      CASE WHEN l.denomination IS NULL THEN '{}'::text[] ELSE ARRAY[l.denomination] END,
      b.id, b.number, b.name, l.school_id, f.locations = 1, l.closed_at IS NOT NULL,
      lower(l.code || ' ' || l.name || ' ' || coalesce(l.place, '') || ' ' || coalesce(l.municipality_name, '') || ' ' || b.number || ' ' || coalesce(b.name, ''))
    FROM locations l JOIN boards b ON b.id = l.board_id JOIN school_facts f ON f.school_id = l.school_id`);
}

export async function recordDuoImport(tx: Db, row: typeof duoImports.$inferInsert): Promise<void> {
  await tx.insert(duoImports).values(row);
}
