import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { duoImports } from '../../db/schema/index.ts';
import { CsvBytes } from '../../platform/csv/write.ts';
import type { DuoRegion } from './duo-file.rules.ts';
import type { FactsSubject } from './directory-facts.rules.ts';
import { arrayLiteral } from '../../db/array-literal.ts';
import type { BoardRow, DirectoryPlan, DirectoryState, LocationRow, LocationState, SchoolRow } from './directory-import.rules.ts';
import { column, countOf, firstRowOf, row, rowsOf, type RowSchema } from '../../db/rows.ts';

const directoryKinds = ['bestuur', 'school', 'vestiging'] as const;
export type OrganisationKind = (typeof directoryKinds)[number];

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

const directoryEntryRow = row({
  id: column.text,
  kind: column.oneOf(directoryKinds),
  code: column.text,
  name: column.text,
  place: column.text.nullable(),
  provinces: column.texts,
  denominations: column.texts,
  boardId: column.text,
  boardNumber: column.text,
  boardName: column.text.nullable(),
  closed: column.boolean,
}) satisfies RowSchema<DirectoryEntry>;

/** an entry of a page of results with the count of all results (`count(*) OVER ()`) */
const directoryPageRow = directoryEntryRow.extend({ total: column.integer });

export type DirectoryQuery = {
  terms: string[];
  kind?: OrganisationKind;
  province?: string;
  denomination?: string;
  includeClosed: boolean;
  offset: number;
  limit: number;
};

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function searchDirectory(db: Db, q: DirectoryQuery): Promise<{ entries: DirectoryEntry[]; total: number }> {
  const conditions = [sql`true`];
  for (const term of q.terms) conditions.push(sql`search_text LIKE ${`%${escapeLike(term.toLowerCase())}%`}`);
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
    FROM organisation_directory
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY (code = ${upper}) DESC,
             (lower(name) LIKE ${`${escapeLike(phrase)}%`}) DESC,
             CASE kind WHEN 'bestuur' THEN 0 WHEN 'school' THEN 1 ELSE 2 END,
             name, code
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  const rows = rowsOf(directoryPageRow, result);
  const total = rows.length > 0 ? rows[0].total : await countDirectory(db, conditions);
  return { entries: rows.map(({ total: _t, ...entry }) => entry), total };
}

async function countDirectory(db: Db, conditions: ReturnType<typeof sql>[]): Promise<number> {
  return countOf(await db.execute(sql`SELECT count(*) AS n FROM organisation_directory WHERE ${sql.join(conditions, sql` AND `)}`));
}

export async function findEntry(db: Db, id: string): Promise<DirectoryEntry | undefined> {
  const result = await db.execute(sql`
    SELECT id, kind, code, name, place, provinces, denominations,
           board_id AS "boardId", board_number AS "boardNumber", board_name AS "boardName", closed
    FROM organisation_directory WHERE id = ${id}`);
  return firstRowOf(directoryEntryRow, result);
}

export type BoardRecord = { id: string; number: string; name: string | null; kvkNumber: string | null; sectors: string | null };
export type SchoolRecord = { id: string; brin: string; name: string; boardId: string; closedAt: Date | null; place: string | null; locationCount: number };
export type LocationRecord = {
  id: string;
  code: string;
  name: string;
  schoolId: string;
  boardId: string;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  place: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  province: string | null;
  denomination: string | null;
  phone: string | null;
  website: string | null;
  closedAt: Date | null;
};

const boardRecordRow = row({
  id: column.text,
  number: column.text,
  name: column.text.nullable(),
  kvkNumber: column.text.nullable(),
  sectors: column.text.nullable(),
}) satisfies RowSchema<BoardRecord>;

const schoolRecordRow = row({
  id: column.text,
  brin: column.text,
  name: column.text,
  boardId: column.text,
  closedAt: column.moment.nullable(),
  place: column.text.nullable(),
  locationCount: column.integer,
}) satisfies RowSchema<SchoolRecord>;

const locationRecordRow = row({
  id: column.text,
  code: column.text,
  name: column.text,
  schoolId: column.text,
  boardId: column.text,
  street: column.text.nullable(),
  houseNumber: column.text.nullable(),
  postcode: column.text.nullable(),
  place: column.text.nullable(),
  municipalityCode: column.text.nullable(),
  municipalityName: column.text.nullable(),
  province: column.text.nullable(),
  denomination: column.text.nullable(),
  phone: column.text.nullable(),
  website: column.text.nullable(),
  closedAt: column.moment.nullable(),
}) satisfies RowSchema<LocationRecord>;

export async function findBoard(db: Db, id: string): Promise<BoardRecord | undefined> {
  return firstRowOf(boardRecordRow, await db.execute(sql`SELECT id, number, name, kvk_number AS "kvkNumber", sectors FROM boards WHERE id = ${id}`));
}

export async function findBoardByNumber(db: Db, number: string): Promise<BoardRecord | undefined> {
  return firstRowOf(boardRecordRow, await db.execute(sql`SELECT id, number, name, kvk_number AS "kvkNumber", sectors FROM boards WHERE number = ${number}`));
}

const schoolColumns = sql`s.id, s.brin, s.name, s.board_id AS "boardId", s.closed_at AS "closedAt",
  (SELECT l.place FROM locations l WHERE l.school_id = s.id ORDER BY l.closed_at NULLS FIRST, l.code LIMIT 1) AS place,
  (SELECT count(*)::int FROM locations l WHERE l.school_id = s.id AND l.closed_at IS NULL) AS "locationCount"`;

export async function listSchoolsOfBoard(db: Db, boardId: string): Promise<SchoolRecord[]> {
  return rowsOf(
    schoolRecordRow,
    await db.execute(sql`SELECT ${schoolColumns} FROM schools s WHERE s.board_id = ${boardId} ORDER BY s.closed_at NULLS FIRST, s.name`),
  );
}

export async function findSchool(db: Db, id: string): Promise<SchoolRecord | undefined> {
  return firstRowOf(schoolRecordRow, await db.execute(sql`SELECT ${schoolColumns} FROM schools s WHERE s.id = ${id}`));
}

const locationColumns = sql`id, code, name, school_id AS "schoolId", board_id AS "boardId", street, house_number AS "houseNumber",
  postcode, place, municipality_code AS "municipalityCode", municipality_name AS "municipalityName", province, denomination,
  phone, website, closed_at AS "closedAt"`;

export async function listLocationsOfSchool(db: Db, schoolId: string): Promise<LocationRecord[]> {
  return rowsOf(
    locationRecordRow,
    await db.execute(sql`SELECT ${locationColumns} FROM locations WHERE school_id = ${schoolId} ORDER BY closed_at NULLS FIRST, code`),
  );
}

export async function findLocation(db: Db, id: string): Promise<LocationRecord | undefined> {
  return firstRowOf(locationRecordRow, await db.execute(sql`SELECT ${locationColumns} FROM locations WHERE id = ${id}`));
}

const factsRow = row({
  subjectId: column.text,
  kind: column.oneOf(['school', 'board']),
  openSchoolsOfBoard: column.integer,
  code: column.text.nullable(),
  province: column.text.nullable(),
  denomination: column.text.nullable(),
  coropCode: column.text.nullable(),
  coropName: column.text.nullable(),
  closed: column.boolean.nullable(),
});

/**
 * For each id that is a school or a board: the open schools of its board and each of its locations'
 * province, denomination and COROP region (code and name), for `deriveDirectoryFacts`. A school or
 * board without locations gives one row with nulls; an id that is neither gives none.
 */
export async function listFactsLocations(db: Db, ids: string[]): Promise<Map<string, FactsSubject>> {
  const idArray = sql`${arrayLiteral(ids)}::uuid[]`;
  const result = await db.execute(sql`
    WITH subjects AS (
      SELECT s.id, 'school' AS kind, s.board_id FROM schools s WHERE s.id = ANY(${idArray})
      UNION ALL
      SELECT b.id, 'board' AS kind, b.id FROM boards b WHERE b.id = ANY(${idArray})
    ), open_schools AS (
      SELECT board_id, count(*)::int AS n FROM schools
      WHERE closed_at IS NULL AND board_id IN (SELECT board_id FROM subjects) GROUP BY board_id
    ), subject_locations AS (
      SELECT su.id AS subject_id, l.code, l.province, l.denomination, l.regions, l.closed_at
      FROM subjects su JOIN locations l ON l.school_id = su.id WHERE su.kind = 'school'
      UNION ALL
      SELECT su.id, l.code, l.province, l.denomination, l.regions, l.closed_at
      FROM subjects su JOIN locations l ON l.board_id = su.id WHERE su.kind = 'board'
    )
    SELECT su.id AS "subjectId", su.kind, coalesce(os.n, 0) AS "openSchoolsOfBoard",
           l.code, l.province, l.denomination, l.regions->>'coropGebied' AS "coropCode", r.name AS "coropName",
           l.closed_at IS NOT NULL AS closed
    FROM subjects su
    LEFT JOIN open_schools os ON os.board_id = su.board_id
    LEFT JOIN subject_locations l ON l.subject_id = su.id
    LEFT JOIN regions r ON r.kind = 'coropGebied' AND r.code = l.regions->>'coropGebied'
    ORDER BY su.id, l.code`);
  const subjects = new Map<string, FactsSubject>();
  for (const r of rowsOf(factsRow, result)) {
    let subject = subjects.get(r.subjectId);
    if (!subject) {
      subject = { kind: r.kind, openSchoolsOfBoard: r.openSchoolsOfBoard, locations: [] };
      subjects.set(r.subjectId, subject);
    }
    if (r.code === null) continue;
    subject.locations.push({
      code: r.code,
      province: r.province,
      denomination: r.denomination,
      coropCode: r.coropCode,
      coropName: r.coropName,
      closed: r.closed === true,
    });
  }
  return subjects;
}

const kindCountsRow = row({ boards: column.integer, schools: column.integer, locations: column.integer });

export async function countDirectoryKinds(db: Db): Promise<{ boards: number; schools: number; locations: number }> {
  const [counts] = rowsOf(
    kindCountsRow,
    await db.execute(sql`SELECT
      (SELECT count(*) FROM boards) AS boards,
      (SELECT count(*) FROM schools WHERE closed_at IS NULL) AS schools,
      (SELECT count(*) FROM locations WHERE closed_at IS NULL) AS locations`),
  );
  return counts;
}

const facetValuesRow = row({ provinces: column.texts.nullable(), denominations: column.texts.nullable() });

export async function listFacetValues(db: Db): Promise<{ provinces: string[]; denominations: string[] }> {
  const [facets] = rowsOf(
    facetValuesRow,
    await db.execute(sql`SELECT
      (SELECT array_agg(DISTINCT province ORDER BY province) FROM locations WHERE province IS NOT NULL AND closed_at IS NULL) AS provinces,
      (SELECT array_agg(DISTINCT denomination ORDER BY denomination) FROM locations WHERE denomination IS NOT NULL AND closed_at IS NULL) AS denominations`),
  );
  return { provinces: facets.provinces ?? [], denominations: facets.denominations ?? [] };
}

export type CopyCsv = (table: string, columns: string[], csv: string | Buffer) => Promise<void>;

/** Serialises DUO imports: two at once would plan against the same directory. */
export async function lockDirectoryImport(tx: Db): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('duo-import'))`);
}

const boardRow = row({
  id: column.text,
  number: column.text,
  name: column.text.nullable(),
  kvkNumber: column.text.nullable(),
  sectors: column.text.nullable(),
  provinces: column.texts,
  denominations: column.texts,
  openLocations: column.integer,
  searchText: column.text,
}) satisfies RowSchema<BoardRow>;

const schoolRow = row({
  id: column.text,
  brin: column.text,
  boardId: column.text,
  name: column.text,
  closedAt: column.moment.nullable(),
  place: column.text.nullable(),
  provinces: column.texts,
  denominations: column.texts,
  locationCount: column.integer,
  searchText: column.text,
}) satisfies RowSchema<SchoolRow>;

const locationStateRow = row({
  id: column.text,
  code: column.text,
  name: column.text,
  schoolId: column.text,
  boardId: column.text,
  sourceHash: column.text,
  closedAt: column.moment.nullable(),
  place: column.text.nullable(),
  municipalityName: column.text.nullable(),
  province: column.text.nullable(),
  denomination: column.text.nullable(),
  searchText: column.text,
}) satisfies RowSchema<LocationState>;

/** The whole directory (about 13,000 rows for the Netherlands), each row checked. */
export async function loadDirectoryState(tx: Db): Promise<DirectoryState> {
  const boards = rowsOf(
    boardRow,
    await tx.execute(sql`SELECT id, number, name, kvk_number AS "kvkNumber", sectors,
    provinces, denominations, open_locations AS "openLocations", search_text AS "searchText" FROM boards`),
  );
  const schools = rowsOf(
    schoolRow,
    await tx.execute(sql`SELECT id, brin, board_id AS "boardId", name, closed_at AS "closedAt",
    place, provinces, denominations, location_count AS "locationCount", search_text AS "searchText" FROM schools`),
  );
  const locations = rowsOf(
    locationStateRow,
    await tx.execute(sql`SELECT id, code, name, school_id AS "schoolId", board_id AS "boardId",
    source_hash AS "sourceHash", closed_at AS "closedAt", place, municipality_name AS "municipalityName", province, denomination,
    search_text AS "searchText" FROM locations`),
  );
  return { boards, schools, locations };
}

function pgArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

const tables = {
  boards: {
    columns: ['id', 'number', 'name', 'kvk_number', 'sectors', 'provinces', 'denominations', 'open_locations', 'search_text'],
    values: (b: BoardRow) => [b.id, b.number, b.name, b.kvkNumber, b.sectors, pgArray(b.provinces), pgArray(b.denominations), b.openLocations, b.searchText],
  },
  schools: {
    columns: ['id', 'brin', 'board_id', 'name', 'closed_at', 'place', 'provinces', 'denominations', 'location_count', 'search_text'],
    values: (s: SchoolRow) => [
      s.id,
      s.brin,
      s.boardId,
      s.name,
      iso(s.closedAt),
      s.place,
      pgArray(s.provinces),
      pgArray(s.denominations),
      s.locationCount,
      s.searchText,
    ],
  },
  locations: {
    columns: [
      'id',
      'code',
      'school_id',
      'board_id',
      'name',
      'street',
      'house_number',
      'postcode',
      'place',
      'municipality_code',
      'municipality_name',
      'province',
      'denomination',
      'phone',
      'website',
      'regions',
      'source_hash',
      'closed_at',
      'search_text',
    ],
    values: (l: LocationRow) => [
      l.id,
      l.code,
      l.schoolId,
      l.boardId,
      l.name,
      l.street,
      l.houseNumber,
      l.postcode,
      l.place,
      l.municipalityCode,
      l.municipalityName,
      l.province,
      l.denomination,
      l.phone,
      l.website,
      l.regionsJson,
      l.sourceHash,
      iso(l.closedAt),
      l.searchText,
    ],
  },
} as const;

type TableName = keyof typeof tables;
type RowOf<T extends TableName> = Parameters<(typeof tables)[T]['values']>[0];

/**
 * New rows go straight into the table with COPY. Their created_at and updated_at are the columns'
 * default, the transaction's time: parsing two timestamps a row cost a first import on PGlite about 30 ms.
 */
async function insertRows<T extends TableName>(copy: CopyCsv, table: T, rows: RowOf<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const { columns, values } = tables[table] as unknown as { columns: string[]; values: (row: RowOf<T>) => (string | number | null)[] };
  const csv = new CsvBytes(1024 * 1024);
  for (const row of rows) csv.line(values(row));
  await copy(table, columns, csv.take());
}

/** Changed rows go through a staging table and one UPDATE; `columns` starts with id. */
async function updateRows(
  tx: Db,
  copy: CopyCsv,
  target: { table: TableName; stage: string },
  columns: readonly string[],
  valueRows: (string | number | null)[][],
  now: string,
): Promise<void> {
  if (valueRows.length === 0) return;
  const { table } = target;
  const stage = sql.raw(target.stage);
  await tx.execute(sql`CREATE TEMP TABLE ${stage} ON COMMIT DROP AS SELECT ${sql.raw(columns.join(', '))} FROM ${sql.raw(table)} WITH NO DATA`);
  const csv = new CsvBytes();
  for (const values of valueRows) csv.line(values);
  await copy(target.stage, [...columns], csv.take());
  const assignments = columns
    .filter((c) => c !== 'id')
    .map((c) => `${c} = s.${c}`)
    .join(', ');
  await tx.execute(sql`UPDATE ${sql.raw(table)} t SET ${sql.raw(assignments)}, updated_at = ${now} FROM ${stage} s WHERE t.id = s.id`);
}

async function writeRows<T extends TableName>(tx: Db, copy: CopyCsv, table: T, rows: { insert: RowOf<T>[]; update: RowOf<T>[] }, now: string): Promise<void> {
  const { columns, values } = tables[table] as unknown as { columns: string[]; values: (row: RowOf<T>) => (string | number | null)[] };
  await insertRows(copy, table, rows.insert);
  await updateRows(tx, copy, { table, stage: `stage_${table}` }, columns, rows.update.map(values), now);
}

const foreignKeys = [
  { table: 'schools', name: 'schools_board_id_boards_id_fk', column: 'board_id', references: 'boards' },
  { table: 'locations', name: 'locations_school_id_schools_id_fk', column: 'school_id', references: 'schools' },
  { table: 'locations', name: 'locations_board_id_boards_id_fk', column: 'board_id', references: 'boards' },
];

/** From this many new rows on (a first import), the foreign keys are checked once for all rows instead of per row. */
const bulkInsertRows = 1000;

/**
 * Writes a planned DUO import inside the caller's transaction: boards, then schools, then locations.
 * A bulk load drops the directory's foreign keys and adds them again before commit, as PostgreSQL's
 * "Populating a Database" advises: adding a key checks all rows in one join, where COPY checks
 * (and locks) the referenced row for every row. Transactional DDL keeps this all or nothing; the
 * price is that the three tables are locked for reading until the import commits.
 */
export async function writeDirectoryPlan(tx: Db, copy: CopyCsv, plan: DirectoryPlan, now: Date): Promise<void> {
  const at = now.toISOString();
  const bulk = plan.schools.insert.length + plan.locations.insert.length >= bulkInsertRows;
  if (bulk) {
    for (const key of foreignKeys) await tx.execute(sql.raw(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`));
  }
  await writeRows(tx, copy, 'boards', plan.boards, at);
  await writeRows(tx, copy, 'schools', plan.schools, at);
  await writeRows(tx, copy, 'locations', plan.locations, at);
  await updateRows(
    tx,
    copy,
    { table: 'locations', stage: 'stage_location_refreshes' },
    ['id', 'school_id', 'board_id', 'closed_at', 'search_text'],
    plan.locations.refresh.map((l: LocationState) => [l.id, l.schoolId, l.boardId, iso(l.closedAt), l.searchText]),
    at,
  );
  if (bulk) {
    for (const key of foreignKeys) {
      await tx.execute(
        sql.raw(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} FOREIGN KEY (${key.column})
        REFERENCES public.${key.references}(id) ON DELETE NO ACTION ON UPDATE NO ACTION`),
      );
    }
  }
}

/** DUO's region names: new ones added, renamed ones updated; a region is never removed. */
export async function upsertRegions(tx: Db, regions: DuoRegion[]): Promise<void> {
  if (regions.length === 0) return;
  await tx.execute(sql`INSERT INTO regions (kind, code, name)
    SELECT * FROM unnest(${sql.param(regions.map((r) => r.kind))}::text[], ${sql.param(regions.map((r) => r.code))}::text[],
      ${sql.param(regions.map((r) => r.name))}::text[])
    ON CONFLICT (kind, code) DO UPDATE SET name = EXCLUDED.name WHERE regions.name <> EXCLUDED.name`);
}

export async function recordDuoImport(tx: Db, row: typeof duoImports.$inferInsert): Promise<void> {
  await tx.insert(duoImports).values(row);
}

// ─── choosing a school (the koploper application) ───────────────────────────────────────────────

/** A school or vestiging the applicant can choose, with its board: from the directory. */
export type SchoolChoice = {
  id: string;
  kind: 'school' | 'vestiging';
  code: string;
  name: string;
  place: string | null;
  schoolId: string;
  boardId: string;
  boardNumber: string;
  boardName: string | null;
  closed: boolean;
};

const schoolChoiceRow = row({
  id: column.text,
  kind: column.oneOf(['school', 'vestiging']),
  code: column.text,
  name: column.text,
  place: column.text.nullable(),
  schoolId: column.text,
  boardId: column.text,
  boardNumber: column.text,
  boardName: column.text.nullable(),
  closed: column.boolean,
}) satisfies RowSchema<SchoolChoice>;

const choiceColumns = sql`d.id, d.kind, d.code, d.name, d.place, d.school_id AS "schoolId", d.board_id AS "boardId",
  d.board_number AS "boardNumber", d.board_name AS "boardName", d.closed`;

/** Schools and vestigingen whose name, code or place holds every word; open ones first. */
export async function searchSchools(db: Db, words: string[], limit: number): Promise<SchoolChoice[]> {
  const conditions = words.map((w) => sql`d.search_text LIKE ${`%${escapeLike(w.toLowerCase())}%`}`);
  return rowsOf(
    schoolChoiceRow,
    await db.execute(sql`SELECT ${choiceColumns}
    FROM organisation_directory d
    WHERE d.kind IN ('school', 'vestiging') AND NOT (d.kind = 'vestiging' AND d.sole_location) AND ${sql.join([sql`true`, ...conditions], sql` AND `)}
    ORDER BY d.closed, CASE d.kind WHEN 'school' THEN 0 ELSE 1 END, d.name, d.code
    LIMIT ${limit}`),
  );
}

/** One school or vestiging by its directory id, or by its BRIN or vestigingscode. */
export async function findSchoolChoice(db: Db, by: { id: string } | { code: string }): Promise<SchoolChoice | undefined> {
  const where = 'id' in by ? sql`d.id = ${by.id}` : sql`d.code = ${by.code}`;
  return firstRowOf(
    schoolChoiceRow,
    await db.execute(sql`SELECT ${choiceColumns}
    FROM organisation_directory d
    WHERE d.kind IN ('school', 'vestiging') AND ${where} LIMIT 1`),
  );
}
