/**
 * The directory's facts about a school or a board for grouping registrants (issue 21, part 4): province,
 * COROP region, denomination (from the locations) and governance structure (from the board's number of
 * open schools). Nothing is guessed: a fact the locations do not give stays null.
 */
import type { DirectoryFacts, GovernanceStructure } from '../../platform/grouping/registrant-attributes.ts';

export type { DirectoryFacts } from '../../platform/grouping/registrant-attributes.ts';

/** One location of the school or board asked about, as the repo reads it. */
export type FactsLocation = {
  code: string;
  province: string | null;
  denomination: string | null;
  coropCode: string | null;
  /** the region's name from DUO's region list, null when the list lacks the code */
  coropName: string | null;
  closed: boolean;
};

export type FactsSubject = {
  kind: 'school' | 'board';
  /** the open schools of the school's board, or of the board itself */
  openSchoolsOfBoard: number;
  locations: FactsLocation[];
};

/** One school, or a board of two or more: from the number of open schools (none: unknown). */
export function governanceOf(openSchools: number): GovernanceStructure | null {
  if (openSchools <= 0) return null;
  return openSchools === 1 ? 'single-school-board' : 'multi-school-board';
}

/**
 * The facts of a school or a board. The locations counted are the open ones (all of them when none is
 * open: a closed school keeps its last known facts). Per fact: the value when those locations agree on
 * one; when they differ, for a school the value of its first location by vestigingscode that has one
 * (the main location, usually BRIN + 00), for a board null (a board over two provinces has no province).
 */
export function deriveDirectoryFacts(subject: FactsSubject): DirectoryFacts {
  const open = subject.locations.filter((l) => !l.closed);
  const counted = [...(open.length > 0 ? open : subject.locations)].sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  const fact = (read: (l: FactsLocation) => string | null): string | null => {
    const values = counted.map(read).filter((v): v is string => v !== null && v.trim() !== '');
    if (values.length === 0) return null;
    if (values.every((v) => v === values[0])) return values[0];
    return subject.kind === 'school' ? values[0] : null;
  };
  return {
    province: fact((l) => l.province),
    coropRegion: fact((l) => l.coropName ?? l.coropCode),
    denomination: fact((l) => l.denomination),
    governance: governanceOf(subject.openSchoolsOfBoard),
  };
}
