import type { Database, Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { parseDuoBoards, parseDuoLocations, DuoFileError, type RejectedLine } from './duo-file.rules.ts';
import * as repo from './organisations.repo.ts';
import type { OrganisationKind } from './organisations.repo.ts';
import { planDirectoryImport, type DirectoryPlan } from './directory-import.rules.ts';
import { uuidPattern } from '../../platform/ids/uuid-pattern.ts';
import { inTransaction } from '../../db/transaction.ts';
import { deriveDirectoryFacts, type DirectoryFacts } from './directory-facts.rules.ts';

export type { DirectoryEntry, OrganisationKind } from './organisations.repo.ts';

export type ImportDuoInput = {
  locations: { name: string; bytes: Uint8Array };
  boards?: { name: string; bytes: Uint8Array };
  /** a file that would close more than this share of the open locations needs `confirmMassClose` */
  confirmMassClose?: boolean;
  onProgress?: (message: string) => void;
  now?: Date;
};

export type ImportDuoResult = DirectoryPlan['counts'] & {
  rowsRead: number;
  rejected: RejectedLine[];
  boardsRejected: RejectedLine[];
  encoding: string;
};

const massCloseShare = 0.2;

/**
 * Imports DUO's location file (and optionally its board list) into the organisation directory.
 * Repeatable: unchanged rows change nothing, locations missing from the file are closed, never deleted.
 */
export async function importDuo(database: Database, input: ImportDuoInput): Promise<ImportDuoResult> {
  const progress = input.onProgress ?? (() => {});
  let locations: ReturnType<typeof parseDuoLocations>;
  let boards: ReturnType<typeof parseDuoBoards> | null;
  try {
    locations = parseDuoLocations(input.locations.bytes);
    boards = input.boards ? parseDuoBoards(input.boards.bytes) : null;
  } catch (error) {
    if (error instanceof DuoFileError) throw new AppError('validation_failed', error.message);
    throw error;
  }
  progress(`${locations.rows.length + locations.rejected.length} regels gelezen (${locations.encoding}), ${locations.rejected.length} afgekeurd`);
  if (boards) progress(`${boards.rows.length} besturen gelezen, ${boards.rejected.length} afgekeurd`);
  if (locations.rows.length === 0) {
    throw new AppError('validation_failed', 'Het vestigingenbestand bevat geen enkele leesbare vestiging; er is niets gewijzigd.');
  }

  const keepOpen = locations.rejected.flatMap((r) => (r.code ? [r.code] : []));
  const now = input.now ?? new Date();
  const counts = await inTransaction(database.db, async (tx) => {
    progress('organisatiegids vergelijken met het bestand');
    await repo.lockDirectoryImport(tx);
    const plan = planDirectoryImport(await repo.loadDirectoryState(tx), {
      locations: locations.rows,
      boards: boards?.rows ?? null,
      keepOpen,
      now,
    });
    const { locationsClosed } = plan.counts;
    if (plan.openBefore > 0 && locationsClosed > plan.openBefore * massCloseShare && !input.confirmMassClose) {
      throw new AppError(
        'conflict',
        `Dit bestand zou ${locationsClosed} van de ${plan.openBefore} open vestigingen sluiten (meer dan ${massCloseShare * 100}%). ` +
          'Controleer of het bestand volledig is, of bevestig het sluiten.',
      );
    }
    progress('besturen, scholen en vestigingen bijwerken');
    await repo.writeDirectoryPlan(tx, (table, columns, csv) => database.copyCsv(table, columns, csv, tx), plan, now);
    await repo.upsertRegions(tx, locations.regions);
    const counts = plan.counts;
    await repo.recordDuoImport(tx, {
      fileName: input.locations.name,
      boardsFileName: input.boards?.name ?? null,
      rowsRead: locations.rows.length + locations.rejected.length,
      rowsRejected: locations.rejected.length,
      ...counts,
      importedAt: now,
    });
    return counts;
  });
  return {
    ...counts,
    rowsRead: locations.rows.length + locations.rejected.length,
    rejected: locations.rejected,
    boardsRejected: boards?.rejected ?? [],
    encoding: locations.encoding,
  };
}

export type SearchInput = {
  zoek?: string;
  soort?: OrganisationKind;
  provincie?: string;
  denominatie?: string;
  inclusiefGesloten?: boolean;
  page: number;
  pageSize: number;
};

export async function searchOrganisations(db: Db, input: SearchInput) {
  const terms = (input.zoek ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const { entries, total } = await repo.searchDirectory(db, {
    terms,
    kind: input.soort,
    province: input.provincie || undefined,
    denomination: input.denominatie || undefined,
    includeClosed: input.inclusiefGesloten ?? false,
    offset: (input.page - 1) * input.pageSize,
    limit: input.pageSize,
  });
  return { entries, total, page: input.page, pageSize: input.pageSize };
}

export type OrganisationDetail =
  | { kind: 'bestuur'; board: repo.BoardRecord; schools: repo.SchoolRecord[] }
  | { kind: 'school'; school: repo.SchoolRecord; board: repo.BoardRecord; locations: repo.LocationRecord[] }
  | { kind: 'vestiging'; location: repo.LocationRecord; school: repo.SchoolRecord; board: repo.BoardRecord };

export async function getOrganisation(db: Db, id: string): Promise<OrganisationDetail> {
  const entry = uuidPattern.test(id) ? await repo.findEntry(db, id) : undefined;
  if (!entry) throw AppError.notFound(message('organisations.error.notInDirectory'));
  const board = (await repo.findBoard(db, entry.boardId))!;
  if (entry.kind === 'bestuur') return { kind: 'bestuur', board, schools: await repo.listSchoolsOfBoard(db, board.id) };
  if (entry.kind === 'school') {
    const school = (await repo.findSchool(db, id))!;
    return { kind: 'school', school, board, locations: await repo.listLocationsOfSchool(db, id) };
  }
  const location = (await repo.findLocation(db, id))!;
  return { kind: 'vestiging', location, school: (await repo.findSchool(db, location.schoolId))!, board };
}

export function getDirectoryStats(db: Db) {
  return repo.countDirectoryKinds(db);
}

export function getDirectoryFacets(db: Db) {
  return repo.listFacetValues(db);
}

/** A board by its id or its DUO number, for features that act for a board (identity, deliveries). */
export function findBoardById(db: Db, id: string): Promise<repo.BoardRecord | undefined> {
  return uuidPattern.test(id) ? repo.findBoard(db, id) : Promise.resolve(undefined);
}

/** A board a page acts for, from the route's id, with a name to show; a board not in the directory is "not found". */
export async function getBoardRef(db: Db, id: string): Promise<{ id: string; number: string; name: string }> {
  const board = await findBoardById(db, id);
  if (!board) throw AppError.notFound(message('organisations.error.boardNotInDirectory'));
  return { id: board.id, number: board.number, name: board.name ?? `Bevoegd gezag ${board.number}` };
}

export function findBoardByNumber(db: Db, number: string): Promise<repo.BoardRecord | undefined> {
  return /^\d{5}$/.test(number) ? repo.findBoardByNumber(db, number) : Promise.resolve(undefined);
}

/**
 * The directory's facts for grouping (province, COROP region, denomination, governance structure) of
 * each school or board among `ids`, by id; ids that are neither (or no uuid) are left out.
 */
export async function getDirectoryFacts(db: Db, ids: readonly string[]): Promise<Map<string, DirectoryFacts>> {
  const wanted = [...new Set(ids.filter((id) => uuidPattern.test(id)))];
  if (wanted.length === 0) return new Map();
  const subjects = await repo.listFactsLocations(db, wanted);
  return new Map([...subjects].map(([id, subject]) => [id, deriveDirectoryFacts(subject)]));
}

export type { SchoolChoice } from './organisations.repo.ts';

/**
 * Schools and vestigingen (not boards) for a form where someone chooses their school: every word must occur
 * in the name, code, place or board; open ones first, closed ones marked. At most `limit`.
 */
export function searchSchoolChoices(db: Db, text: string, limit = 10): Promise<repo.SchoolChoice[]> {
  const words = text.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  return words.length === 0 ? Promise.resolve([]) : repo.searchSchools(db, words, limit);
}

/** One school or vestiging by its directory id, or by its BRIN or vestigingscode; undefined when the directory has none. */
export function findSchoolChoice(db: Db, by: { id: string } | { code: string }): Promise<repo.SchoolChoice | undefined> {
  if ('id' in by && !uuidPattern.test(by.id)) return Promise.resolve(undefined);
  return repo.findSchoolChoice(db, by);
}
