/**
 * The attributes a registrant for an exploratory conversation is grouped on (issue 21, part 4): four
 * from the directory (DUO's data about their school and board) and two they state on the form. A fact
 * the data lacks stays absent (null): it is never guessed, and absent counts as no value in the score.
 */
import type { GroupingAttributes } from './diverse-groups.ts';

/** A one-school board ("eenpitter") or a board of two or more open schools. */
export const governanceStructures = ['single-school-board', 'multi-school-board'] as const;
export type GovernanceStructure = (typeof governanceStructures)[number];

/** The school setting a registrant states: city, town or village. */
export const schoolSettings = ['city', 'town', 'village'] as const;
export type SchoolSetting = (typeof schoolSettings)[number];

/** What the directory says about a school or a board, each null when it does not say one thing. */
export type DirectoryFacts = {
  province: string | null;
  /** the COROP region's name as DUO gives it (its code when the name is missing) */
  coropRegion: string | null;
  denomination: string | null;
  governance: GovernanceStructure | null;
};

/** The attributes in the order staff see them. */
export const registrantAttributeNames = ['province', 'coropRegion', 'denomination', 'governance', 'role', 'setting'] as const;
export type RegistrantAttributeName = (typeof registrantAttributeNames)[number];
export type RegistrantAttributes = Record<RegistrantAttributeName, string | null> & GroupingAttributes;

/**
 * A registrant's attributes: each directory fact from their school, or when the school's facts lack it
 * (or no school is known) from their board, whose facts hold only what is true of all its schools;
 * role and setting as stated, null when not stated.
 */
export function registrantAttributes(input: {
  school?: DirectoryFacts | null;
  board?: DirectoryFacts | null;
  role?: string | null;
  setting?: SchoolSetting | null;
}): RegistrantAttributes {
  const fact = (name: keyof DirectoryFacts) => input.school?.[name] ?? input.board?.[name] ?? null;
  return {
    province: fact('province'),
    coropRegion: fact('coropRegion'),
    denomination: fact('denomination'),
    governance: fact('governance'),
    role: input.role?.trim() ? input.role : null,
    setting: input.setting ?? null,
  };
}
