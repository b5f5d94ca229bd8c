import type { Db } from '../../db/database.ts';
import { recordAudit, signedInAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../db/transaction.ts';
import { findPersonIdOfAccount, linkByConfirmedAddress } from './own-record.repo.ts';

/**
 * The person a signed-in account is (decision 021). Once linked, the link is the person's id, and a
 * later delivery that changes the work address changes where mail goes, not whose record it is.
 * An account without a link is linked here when its confirmed address is the delivered address of
 * exactly one person without an account: the invitation went to that address, and confirming the
 * account proved control of it. Each link is an audit event. Undefined when the account is nobody
 * the register knows (yet).
 */
export async function linkedPersonOf(deps: { db: Db; now?: () => Date }, ctx: ActorContext): Promise<string | undefined> {
  const account = signedInAccount(ctx);
  const linked = await findPersonIdOfAccount(deps.db, account.accountId);
  if (linked) return linked;
  return inTransaction(deps.db, async (tx) => {
    const personId = await linkByConfirmedAddress(tx, account.accountId, deps.now ? deps.now() : new Date());
    if (personId) {
      await recordAudit(tx, ctx, {
        action: 'person.linked',
        subjectAccountId: account.accountId,
        subjectPersonId: personId,
        after: { via: 'confirmed-address' },
      });
    }
    return personId;
  });
}
