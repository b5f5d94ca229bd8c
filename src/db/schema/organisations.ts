import { char, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** A bevoegd gezag (school board), identified by DUO's 5-digit number. */
export const boards = pgTable('boards', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: char('number', { length: 5 }).notNull().unique(),
  /** null when DUO's board list does not name it (e.g. a municipality acting as board) */
  name: text('name'),
  kvkNumber: varchar('kvk_number', { length: 8 }),
  sectors: text('sectors'),
  /** facts over the board's open locations, kept by the DUO import for the directory search */
  provinces: text('provinces').array().notNull().default([]),
  denominations: text('denominations').array().notNull().default([]),
  openLocations: integer('open_locations').notNull().default(0),
  /** lower-case number and name, matched by the directory search */
  searchText: text('search_text').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An instelling, identified by its BRIN (instellingscode). */
export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    brin: char('brin', { length: 4 }).notNull().unique(),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    name: text('name').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** facts over all the school's locations (open first), kept by the DUO import for the directory search */
    place: text('place'),
    provinces: text('provinces').array().notNull().default([]),
    denominations: text('denominations').array().notNull().default([]),
    locationCount: integer('location_count').notNull().default(0),
    /** lower-case BRIN, name, place and board, matched by the directory search */
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('schools_board_id').on(t.boardId)],
);

/** kind → code, e.g. { rpaGebied: '03', vakantieregio: 'Noord' }; the names are in `regions` */
export type LocationRegions = Record<string, string | null>;

/** A vestiging, identified by its vestigingscode (BRIN + 2 digits). Closed locations are kept. */
export const locations = pgTable(
  'locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: char('code', { length: 6 }).notNull().unique(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id),
    boardId: uuid('board_id')
      .notNull()
      .references(() => boards.id),
    name: text('name').notNull(),
    street: text('street'),
    houseNumber: text('house_number'),
    postcode: text('postcode'),
    place: text('place'),
    municipalityCode: varchar('municipality_code', { length: 4 }),
    municipalityName: text('municipality_name'),
    province: text('province'),
    denomination: text('denomination'),
    phone: text('phone'),
    website: text('website'),
    regions: jsonb('regions').$type<LocationRegions>().notNull().default({}),
    /** md5 of the DUO fields, to tell a changed row from an unchanged one on re-import */
    sourceHash: char('source_hash', { length: 32 }).notNull(),
    /** lower-case code, name, place, municipality and board, matched by the directory search */
    searchText: text('search_text').notNull().default(''),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('locations_school_id').on(t.schoolId), index('locations_board_id').on(t.boardId)],
);

/** DUO's regional divisions (nodaal gebied, RPA, WGR, COROP, onderwijsgebied, RMC) by kind and code. */
export const regions = pgTable(
  'regions',
  {
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] })],
);

/** One run of `import-duo`, with what it changed: the directory's history. */
export const duoImports = pgTable('duo_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  boardsFileName: text('boards_file_name'),
  rowsRead: integer('rows_read').notNull(),
  rowsRejected: integer('rows_rejected').notNull(),
  locationsAdded: integer('locations_added').notNull(),
  locationsChanged: integer('locations_changed').notNull(),
  locationsClosed: integer('locations_closed').notNull(),
  locationsReopened: integer('locations_reopened').notNull(),
  boardsAdded: integer('boards_added').notNull(),
  boardsChanged: integer('boards_changed').notNull(),
  schoolsAdded: integer('schools_added').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});
