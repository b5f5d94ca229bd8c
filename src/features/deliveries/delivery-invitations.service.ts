import type { Db } from '../../db/database.ts';
import * as repo from './deliveries.repo.ts';
import type { DeliveryDeps } from './deliveries.service.ts';
import { withDeliveryLease } from './delivery-leases.ts';

const batch = 500;
/** a line in the log after the first batch and then every so many, so a long run shows it moves */
const progressEvery = 10_000;

/**
 * Sends the invitations an applied delivery left: one mail per person, through the outbox, in batches
 * so a national delivery does not hold one long transaction. Safe to run again: a sent one is marked.
 */
export async function sendDeliveryInvitations(deps: DeliveryDeps, deliveryId: string): Promise<number> {
  const leased = await withDeliveryLease(deps, deliveryId, () => sendHoldingLease(deps, deliveryId));
  return leased.ran ? leased.value : 0; // another live process is sending them
}

async function sendHoldingLease(deps: DeliveryDeps, deliveryId: string): Promise<number> {
  let sent = 0;
  for (;;) {
    const pending = await repo.listUnsentInvitations(deps.db, deliveryId, batch);
    if (pending.length === 0) return sent;
    const mailIds: string[] = [];
    await deps.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Db;
      for (const invitation of pending) {
        const mailId = await deps.mailer.queue(tx, {
          to: invitation.email,
          template: 'person-invitation',
          lang: 'nl',
          params: { name: invitation.name, board: invitation.board, link: `${deps.baseUrl}/mijn-register` },
        });
        await repo.markInvitationMailed(tx, invitation.id, mailId);
        mailIds.push(mailId);
      }
    });
    await deps.mailer.deliver(deps.db, mailIds);
    const before = sent;
    sent += pending.length;
    if (before === 0 || Math.floor(before / progressEvery) !== Math.floor(sent / progressEvery)) {
      deps.report?.(`aanlevering ${deliveryId}: ${sent} uitnodigingen verstuurd`);
    }
  }
}
