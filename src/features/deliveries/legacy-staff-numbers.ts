import type { Db } from '../../db/database.ts';
import { bsnLike } from '../../platform/bsn.ts';
import type { Crypto } from '../../platform/crypto.ts';
import { hiddenStaffNumber } from './bsn-in-clear.rules.ts';
import * as repo from './legacy-staff-numbers.repo.ts';
import { inTransaction } from '../../db/transaction.ts';

const fixName = 'personeelsnummers-als-bsn-verborgen';

/**
 * Format v1.1 stores a personeelsnummer that passes the elfproef only as a keyed hash (decision 016).
 * Versions before it stored such numbers in clear, in the register and in staged rows. At its first start
 * this version hides them the same way, so a later delivery still finds the same employments (their
 * keys begin with the personeelsnummer) and no BSN stays readable. Runs once; returns what it changed,
 * or null when it had run before.
 */
export async function hideLegacyBsnLikeStaffNumbers(db: Db, crypto: Pick<Crypto, 'keyedHash'>): Promise<Record<string, number> | null> {
  if (await repo.isFixApplied(db, fixName)) return null;
  const from = (await repo.listNineDigitStaffNumbers(db)).filter((n) => bsnLike(n) === n);
  const to = from.map((n) => hiddenStaffNumber(n, crypto.keyedHash));
  return inTransaction(db, async (tx) => {
    const result = from.length > 0 ? await repo.replaceStaffNumbers(tx, from, to) : { personeelsnummers: 0, dienstverbanden: 0, aangeleverdeRijen: 0 };
    await repo.recordFix(tx, fixName, result);
    return result;
  });
}
