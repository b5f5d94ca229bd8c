import { yieldToEventLoop } from '../../platform/yield.ts';
import * as repo from './deliveries.repo.ts';
import type { DeliveryDeps } from './deliveries.service.ts';
import { withDeliveryLease } from './delivery-leases.ts';
import { inTransaction } from '../../db/transaction.ts';
import { issueInvitationCodes, sendCorrectionNotices } from '../register/index.ts';

/** a batch is three statements, about 40 ms on the embedded database, so a request waits at most that long */
const batch = 250;
/** a line in the log after the first batch and then every so many, so a long run shows it moves */
const progressEvery = 10_000;

/**
 * Sends the invitations an applied delivery left (after the mails about corrected disputes, which take
 * the place of those professionals' invitations): one mail per person, through the outbox, in batches
 * so a national delivery does not hold one long transaction, and yielding between batches so requests
 * are answered meanwhile. Safe to run again: a sent one is marked.
 */
export async function sendDeliveryInvitations(deps: DeliveryDeps, deliveryId: string): Promise<number> {
  const leased = await withDeliveryLease(deps, deliveryId, () => sendHoldingLease(deps, deliveryId));
  return leased.ran ? leased.value : 0; // another live process is sending them
}

async function sendHoldingLease(deps: DeliveryDeps, deliveryId: string): Promise<number> {
  // a professional whose dispute this delivery corrected gets that mail, which stands in for their invitation
  const corrected = await sendCorrectionNotices(deps, deliveryId);
  if (corrected > 0) deps.report?.(`aanlevering ${deliveryId}: ${corrected} correcties gemeld`);
  let sent = 0;
  let afterPersonId: string | null = null;
  for (;;) {
    await yieldToEventLoop();
    const pending = await repo.listUnsentInvitations(deps.db, deliveryId, afterPersonId, batch);
    if (pending.length === 0) {
      if (sent > 0) deps.report?.(`aanlevering ${deliveryId}: klaar: ${sent} uitnodigingen verstuurd`);
      return sent;
    }
    const mailIds = await inTransaction(deps.db, async (tx) => {
      // each mail carries a one-time link that binds the account that follows it to this person (decision 021)
      const codes = await issueInvitationCodes(
        tx,
        pending.map((invitation) => invitation.personId),
        deps.now ? deps.now() : new Date(),
      );
      const ids = await deps.mailer.queueMany(
        tx,
        pending.map((invitation, i) => ({
          to: invitation.email,
          template: 'person-invitation' as const,
          lang: 'nl' as const,
          params: { name: invitation.name, board: invitation.board, link: `${deps.baseUrl}/mijn-register/koppelen?code=${codes[i]}` },
        })),
      );
      await repo.markInvitationsMailed(
        tx,
        pending.map((invitation, i) => ({ invitationId: invitation.id, mailId: ids[i] })),
      );
      return ids;
    });
    afterPersonId = pending[pending.length - 1].personId;
    await deps.mailer.deliver(deps.db, mailIds);
    const before = sent;
    sent += pending.length;
    if (before === 0 || Math.floor(before / progressEvery) !== Math.floor(sent / progressEvery)) {
      deps.report?.(`aanlevering ${deliveryId}: ${sent} uitnodigingen verstuurd`);
    }
  }
}
