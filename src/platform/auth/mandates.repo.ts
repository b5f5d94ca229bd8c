import { and, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { officeMandates } from '../../db/schema/index.ts';
import type { Mandate } from './actor.ts';

/** The live machtigingen of these administratiekantoren: which boards each may deliver for now (decision 022). */
export async function listLiveMandates(db: Db, officeIds: readonly string[]): Promise<Mandate[]> {
  if (officeIds.length === 0) return [];
  return db
    .select({ office: officeMandates.officeId, board: officeMandates.boardId })
    .from(officeMandates)
    .where(and(inArray(officeMandates.officeId, [...officeIds]), isNull(officeMandates.withdrawnAt)));
}
