import { listEventsAbout, recordAudit, type ActorContext } from '../../platform/audit/audit.ts';
import { listOutbox } from '../../platform/mail/mailer.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { findBoardByNumber } from '../organisations/index.ts';
import * as accounts from './accounts.repo.ts';
import { normaliseEmail, type IdentityDeps } from './identity.deps.ts';
import { authorise } from './members.service.ts';
import { auditSubjectOf } from '../register/index.ts';
import { withActorNames } from './actor-names.ts';

/** Register staff look an account up by its address. */
export async function findAccountByEmail(deps: IdentityDeps, context: ActorContext, email: string) {
  await authorise(context, { action: 'audit.read-any' });
  return accounts.findAccountByEmail(deps.db, normaliseEmail(email));
}

/** Register staff read the audit trail of a person; that reading is itself on the person's record. */
export async function viewAuditTrail(deps: IdentityDeps, context: ActorContext, accountId: string, reason: string) {
  const via = await authorise(context, { action: 'audit.read-any' });
  const account = /^[0-9a-f-]{36}$/i.test(accountId) ? await accounts.findAccount(deps.db, accountId) : undefined;
  if (!account) throw AppError.notFound(message('admin.error.accountNotFound'));
  await recordAudit(deps.db, context, { action: 'account.audit-trail-viewed', via, subjectAccountId: account.id, reason });
  const events = await listEventsAbout(deps.db, await auditSubjectOf(deps.db, { accountId: account.id, email: account.email }), {
    limit: 200,
    othersOnly: false,
  });
  return { account, events: await withActorNames(deps.db, events) };
}

export async function findBoardForStaff(deps: IdentityDeps, context: ActorContext, number: string) {
  await authorise(context, { action: 'audit.read-any' });
  return findBoardByNumber(deps.db, number.trim().padStart(5, '0'));
}

export async function readOutbox(deps: IdentityDeps, context: ActorContext, page: number, pageSize: number) {
  const via = await authorise(context, { action: 'outbox.read' });
  // the outbox holds addresses and one-time links: reading it is on the record
  await recordAudit(deps.db, context, { action: 'outbox.viewed', via, after: { page } });
  return listOutbox(deps.db, (page - 1) * pageSize, pageSize);
}
