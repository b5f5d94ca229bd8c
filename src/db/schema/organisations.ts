import { boolean, char, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** A bevoegd gezag (school board), identified by DUO's 5-digit number. */
export const boards = pgTable(
  'boards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: char('number', { length: 5 }).notNull().unique(),
    /** null when DUO's board list does not name it (e.g. a municipality acting as board) */
    name: text('name'),
    kvkNumber: varchar('kvk_number', { length: 8 }),
    sectors: text('sectors'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
);

/** An instelling, identified by its BRIN (instellingscode). */
export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    brin: char('brin', { length: 4 }).notNull().unique(),
    boardId: uuid('board_id').notNull().references(() => boards.id),
    name: text('name').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('schools_board_id').on(t.boardId)],
);

export type LocationRegions = Record<string, { code: string; naam: string } | string>;

/** A vestiging, identified by its vestigingscode (BRIN + 2 digits). Closed locations are kept. */
export const locations = pgTable(
  'locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: char('code', { length: 6 }).notNull().unique(),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    boardId: uuid('board_id').notNull().references(() => boards.id),
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
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('locations_school_id').on(t.schoolId),
    index('locations_board_id').on(t.boardId),
  ],
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

/**
 * One row per board, school and location, rebuilt by every DUO import that changes something: the
 * directory search reads one table instead of a union over three. Not a source of truth. About 13,000
 * rows in all of the Netherlands: a scan with LIKE takes milliseconds, so no trigram index is kept
 * (maintaining one tripled the import time).
 */
export const organisationSearch = pgTable(
  'organisation_search',
  {
    id: uuid('id').primaryKey(),
    kind: varchar('kind', { length: 10 }).notNull().$type<'bestuur' | 'school' | 'vestiging'>(),
    code: varchar('code', { length: 6 }).notNull(),
    name: text('name').notNull(),
    place: text('place'),
    provinces: text('provinces').array().notNull(),
    denominations: text('denominations').array().notNull(),
    boardId: uuid('board_id').notNull(),
    boardNumber: char('board_number', { length: 5 }).notNull(),
    boardName: text('board_name'),
    schoolId: uuid('school_id'),
    /** a school's only location adds nothing to the school's own row in a mixed result list */
    soleLocation: boolean('sole_location').notNull().default(false),
    closed: boolean('closed').notNull().default(false),
    searchText: text('search_text').notNull(),
  },
  (t) => [index('organisation_search_code').on(t.code)],
);
