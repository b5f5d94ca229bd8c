import type { Db } from '../../db/database.ts';
import { registerOfficeId, type OrganisationRef } from '../../platform/auth/roles.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { findProviderById } from '../accreditation/index.ts';
import { findOfficeById } from '../administration-offices/index.ts';
import { findBoardById } from '../organisations/index.ts';

export type NamedOrganisation = OrganisationRef & { name: string; number?: string; kvkNumber?: string };

/** The organisation behind a reference, with a name for pages and mails; not_found when it does not exist. */
export async function describeOrganisation(db: Db, ref: OrganisationRef): Promise<NamedOrganisation> {
  if (ref.kind === 'register' && ref.id === registerOfficeId) return { ...ref, name: 'Beroepsregister Onderwijs (bureau)' };
  if (ref.kind === 'bestuur') {
    const board = await findBoardById(db, ref.id);
    if (board) return { ...ref, name: board.name ?? `Bevoegd gezag ${board.number}`, number: board.number };
  }
  if (ref.kind === 'aanbieder') {
    const provider = await findProviderById(db, ref.id);
    if (provider) return { ...ref, name: provider.name };
  }
  if (ref.kind === 'administratiekantoor') {
    const office = await findOfficeById(db, ref.id);
    if (office) return { ...ref, name: office.name, kvkNumber: office.kvkNumber };
  }
  throw AppError.notFound(message('members.error.organisationGone'));
}
