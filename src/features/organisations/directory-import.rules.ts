import { uuidV7 } from '../../lib/uuid-v7.ts';
import type { DuoBoard, DuoLocation } from './duo-file.rules.ts';

/**
 * What a DUO import does to the directory, worked out in memory from the directory as it is and the
 * file: which boards, schools and locations are new (COPYed in), which changed (updated from a staging
 * table) and which locations close. About 13,000 rows for all of the Netherlands, so the whole
 * directory fits in memory; the database then only writes what differs.
 */
export type BoardRow = {
  id: string;
  number: string;
  name: string | null;
  kvkNumber: string | null;
  sectors: string | null;
  provinces: string[];
  denominations: string[];
  openLocations: number;
  searchText: string;
};

export type SchoolRow = {
  id: string;
  brin: string;
  boardId: string;
  name: string;
  /** null when open; a closed school keeps the moment it closed */
  closedAt: Date | null;
  place: string | null;
  provinces: string[];
  denominations: string[];
  locationCount: number;
  searchText: string;
};

export type LocationRow = Omit<DuoLocation, 'line' | 'boardNumber' | 'brin'> & {
  id: string;
  schoolId: string;
  boardId: string;
  closedAt: Date | null;
  searchText: string;
};

/** What the plan needs of an existing location: its place in the directory and search, not all its DUO details. */
export type LocationState = Pick<
  LocationRow,
  'id' | 'code' | 'name' | 'schoolId' | 'boardId' | 'sourceHash' | 'closedAt' | 'place' | 'municipalityName' | 'province' | 'denomination' | 'searchText'
>;

export type DirectoryState = { boards: BoardRow[]; schools: SchoolRow[]; locations: LocationState[] };

export type DirectoryPlan = {
  boards: { insert: BoardRow[]; update: BoardRow[] };
  schools: { insert: SchoolRow[]; update: SchoolRow[] };
  /** `update` rewrites a location from the file; `refresh` only sets its school, board, closing and search text */
  locations: { insert: LocationRow[]; update: LocationRow[]; refresh: LocationState[] };
  counts: {
    boardsAdded: number;
    boardsChanged: number;
    schoolsAdded: number;
    locationsAdded: number;
    locationsChanged: number;
    locationsReopened: number;
    locationsClosed: number;
  };
  openBefore: number;
};

type PlanInput = {
  locations: DuoLocation[];
  /** null when no board list came with the file: the boards keep what they have */
  boards: DuoBoard[] | null;
  /** location codes on rejected lines: an unreadable line never closes a location */
  keepOpen: string[];
  now: Date;
};

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const distinctSorted = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function locationRow(l: DuoLocation, id: string, school: SchoolRow): LocationRow {
  return {
    id,
    code: l.code,
    schoolId: school.id,
    boardId: school.boardId,
    name: l.name,
    street: l.street,
    houseNumber: l.houseNumber,
    postcode: l.postcode,
    place: l.place,
    municipalityCode: l.municipalityCode,
    municipalityName: l.municipalityName,
    province: l.province,
    denomination: l.denomination,
    phone: l.phone,
    website: l.website,
    regionsJson: l.regionsJson,
    sourceHash: l.sourceHash,
    closedAt: null,
    searchText: '',
  };
}

/** the parts, lower-cased and joined by spaces (a missing part leaves an empty place, as before) */
function searchTextOf(...parts: (string | null)[]): string {
  let text = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) text += ` ${parts[i] ?? ''}`;
  return text.toLowerCase();
}

export function planDirectoryImport(current: DirectoryState, input: PlanInput): DirectoryPlan {
  const boards = new Map(current.boards.map((b) => [b.number, { ...b }]));
  const schools = new Map(current.schools.map((s) => [s.brin, { ...s }]));
  const locations = new Map<string, LocationState | LocationRow>(current.locations.map((l) => [l.code, { ...l }]));
  const addedBoards = new Set<string>();
  const changedBoards = new Set<string>();
  let boardsChanged = 0;

  const boardFor = (number: string): BoardRow => {
    let board = boards.get(number);
    if (!board) {
      board = { id: uuidV7(), number, name: null, kvkNumber: null, sectors: null, provinces: [], denominations: [], openLocations: 0, searchText: '' };
      boards.set(number, board);
      addedBoards.add(number);
    }
    return board;
  };
  for (const b of input.boards ?? []) {
    const board = boardFor(b.number);
    if (board.name !== b.name || board.kvkNumber !== b.kvkNumber || board.sectors !== b.sectors) {
      Object.assign(board, { name: b.name, kvkNumber: b.kvkNumber, sectors: b.sectors });
      if (!addedBoards.has(b.number)) {
        boardsChanged++;
        changedBoards.add(b.number);
      }
    }
  }

  // a school is named after its main location (code ending in 00), else its lowest code, and
  // belongs to that location's board
  const firstOfSchool = new Map<string, DuoLocation>();
  for (const l of input.locations) {
    const first = firstOfSchool.get(l.brin);
    if (!first || l.code < first.code) firstOfSchool.set(l.brin, l);
  }
  const addedSchools = new Set<string>();
  const changedSchools = new Set<string>();
  for (const [brin, first] of firstOfSchool) {
    const boardId = boardFor(first.boardNumber).id;
    const school = schools.get(brin);
    if (!school) {
      schools.set(brin, {
        id: uuidV7(),
        brin,
        boardId,
        name: first.name,
        closedAt: null,
        place: null,
        provinces: [],
        denominations: [],
        locationCount: 0,
        searchText: '',
      });
      addedSchools.add(brin);
    } else if (school.boardId !== boardId || school.name !== first.name || school.closedAt !== null) {
      Object.assign(school, { boardId, name: first.name, closedAt: null });
      changedSchools.add(brin);
    }
  }

  const inFile = new Set<string>();
  const addedLocations = new Set<string>();
  const changedLocations = new Set<string>();
  const refreshedLocations = new Set<string>();
  let locationsChanged = 0;
  let locationsReopened = 0;
  const openBefore = current.locations.filter((l) => l.closedAt === null).length;
  for (const l of input.locations) {
    inFile.add(l.code);
    const school = schools.get(l.brin)!;
    const existing = locations.get(l.code);
    if (!existing) {
      locations.set(l.code, locationRow(l, uuidV7(), school));
      addedLocations.add(l.code);
    } else if (existing.sourceHash !== l.sourceHash || existing.closedAt !== null) {
      if (existing.closedAt !== null) locationsReopened++;
      else locationsChanged++;
      locations.set(l.code, locationRow(l, existing.id, school));
      changedLocations.add(l.code);
    } else if (existing.boardId !== school.boardId) {
      // the school moved to another board: its locations follow, which is no change of their own
      locations.set(l.code, locationRow(l, existing.id, school));
      changedLocations.add(l.code);
    }
  }
  const keepOpen = new Set(input.keepOpen);
  let locationsClosed = 0;
  for (const l of locations.values()) {
    if (l.closedAt === null && !inFile.has(l.code) && !keepOpen.has(l.code)) {
      l.closedAt = input.now;
      locationsClosed++;
      refreshedLocations.add(l.code);
    }
  }

  // the facts the directory search shows and filters on, recomputed for every school and board
  const locationsOfSchool = new Map<string, LocationState[]>();
  for (const l of locations.values()) {
    const list = locationsOfSchool.get(l.schoolId);
    if (list) list.push(l);
    else locationsOfSchool.set(l.schoolId, [l]);
  }
  for (const school of schools.values()) {
    const list = (locationsOfSchool.get(school.id) ?? []).sort(byCode);
    const open = list.filter((l) => l.closedAt === null);
    const facts = {
      place: (open[0] ?? list[0])?.place ?? null,
      provinces: distinctSorted(list.map((l) => l.province)),
      denominations: distinctSorted(list.map((l) => l.denomination)),
      locationCount: list.length,
      closedAt: open.length > 0 ? null : (school.closedAt ?? input.now),
    };
    if (
      facts.place !== school.place ||
      !sameList(facts.provinces, school.provinces) ||
      !sameList(facts.denominations, school.denominations) ||
      facts.locationCount !== school.locationCount ||
      facts.closedAt !== school.closedAt
    ) {
      Object.assign(school, facts);
      if (!addedSchools.has(school.brin)) changedSchools.add(school.brin);
    }
  }
  const openByBoard = new Map<string, LocationState[]>();
  for (const l of locations.values()) {
    if (l.closedAt !== null) continue;
    const list = openByBoard.get(l.boardId);
    if (list) list.push(l);
    else openByBoard.set(l.boardId, [l]);
  }
  for (const board of boards.values()) {
    const open = openByBoard.get(board.id) ?? [];
    const facts = {
      provinces: distinctSorted(open.map((l) => l.province)),
      denominations: distinctSorted(open.map((l) => l.denomination)),
      openLocations: open.length,
    };
    if (!sameList(facts.provinces, board.provinces) || !sameList(facts.denominations, board.denominations) || facts.openLocations !== board.openLocations) {
      Object.assign(board, facts);
      if (!addedBoards.has(board.number)) changedBoards.add(board.number);
    }
  }

  // what the directory search matches on: the entry's own codes and names (the directory view adds
  // the board's to those of its schools and locations, so a renamed board changes only itself)
  for (const board of boards.values()) {
    const text = searchTextOf(board.number, board.name);
    if (text !== board.searchText) {
      board.searchText = text;
      if (!addedBoards.has(board.number)) changedBoards.add(board.number);
    }
  }
  for (const school of schools.values()) {
    const text = searchTextOf(school.brin, school.name, school.place);
    if (text !== school.searchText) {
      school.searchText = text;
      if (!addedSchools.has(school.brin)) changedSchools.add(school.brin);
    }
  }
  for (const l of locations.values()) {
    const text = searchTextOf(l.code, l.name, l.place, l.municipalityName);
    if (text !== l.searchText) {
      l.searchText = text;
      if (!addedLocations.has(l.code) && !changedLocations.has(l.code)) refreshedLocations.add(l.code);
    }
  }

  const pick = <T>(map: Map<string, T>, keys: Set<string>) => [...keys].map((k) => map.get(k)!);
  return {
    boards: { insert: pick(boards, addedBoards), update: pick(boards, changedBoards) },
    schools: { insert: pick(schools, addedSchools), update: pick(schools, changedSchools) },
    locations: {
      insert: pick(locations, addedLocations) as LocationRow[],
      update: pick(locations, changedLocations) as LocationRow[],
      refresh: pick(locations, refreshedLocations),
    },
    counts: {
      boardsAdded: addedBoards.size,
      boardsChanged,
      schoolsAdded: addedSchools.size,
      locationsAdded: addedLocations.size,
      locationsChanged,
      locationsReopened,
      locationsClosed,
    },
    openBefore,
  };
}
