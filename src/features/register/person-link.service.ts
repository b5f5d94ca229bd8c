import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit, signedInAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { hashToken, randomToken } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { message, type MessageKey } from '../../platform/i18n.ts';
import { uuidPattern as uuid } from '../../platform/ids/uuid-pattern.ts';
import { findPersonIdOfAccount, linkByConfirmedAddress } from './own-record.repo.ts';
import { requireBoardStaff } from './board-staff-access.ts';
import { linkCodeDays, newActivationCode, normaliseCode, type LinkCodeKind } from './person-link-code.rules.ts';
import * as codes from './person-link-codes.repo.ts';

type LinkDeps = { db: Db; now?: () => Date };
const nowOf = (deps: LinkDeps) => (deps.now ? deps.now() : new Date());
const daysAfter = (now: Date, days: number) => new Date(now.getTime() + days * 24 * 60 * 60 * 1000);

/**
 * The person a signed-in account is (decision 021). Once linked, the link is the person's id, and a
 * later delivery that changes the work address changes where mail goes, not whose record it is.
 * An account without a link is linked here when its confirmed address is the delivered address of
 * exactly one person without an account: the invitation went to that address, and confirming the
 * account proved control of it. Each link is an audit event. Undefined when the account is nobody
 * the register knows (yet).
 */
export async function linkedPersonOf(deps: LinkDeps, ctx: ActorContext): Promise<string | undefined> {
  const account = signedInAccount(ctx);
  const linked = await findPersonIdOfAccount(deps.db, account.accountId);
  if (linked) return linked;
  return inTransaction(deps.db, async (tx) => {
    const personId = await linkByConfirmedAddress(tx, account.accountId, nowOf(deps));
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

/**
 * The links for a batch of invitation mails, in the mailing's transaction: one new code a person,
 * returned in the same order. The mail goes to the delivered address, so following its link proves
 * control of that address, also when the account has another one.
 */
export async function issueInvitationCodes(tx: Db, personIds: readonly string[], now: Date): Promise<string[]> {
  const tokens = personIds.map(() => randomToken());
  await codes.insertLinkCodes(
    tx,
    personIds.map((personId, i) => ({ personId, codeHash: hashToken(tokens[i]) })),
    'uitnodiging',
    daysAfter(now, linkCodeDays.uitnodiging),
    null,
    now,
  );
  return tokens;
}

/** The person an activation letter would be for, with the checks of `issueActivationCode`, for the page that asks to confirm. */
export async function staffPersonForActivation(deps: LinkDeps, ctx: ActorContext, boardId: string, personId: string): Promise<codes.StaffPerson> {
  await requireBoardStaff(ctx, boardId, 'staff.act');
  const person = uuid.test(personId) ? await codes.findStaffPerson(deps.db, boardId, personId) : undefined;
  if (!person) throw AppError.notFound(message('register.link.error.notStaff'));
  if (person.linked) throw new AppError('conflict', message('register.link.error.alreadyLinked'));
  return person;
}

/**
 * A board's staff print an activation code for one of their people whose record no account has yet:
 * someone delivered without an e-mail address, or whose invitation never arrived. A new letter
 * replaces the one before. The code is shown this once; only its hash is kept.
 */
export async function issueActivationCode(
  deps: LinkDeps,
  ctx: ActorContext,
  boardId: string,
  personId: string,
): Promise<{ code: string; personName: string; expiresAt: Date }> {
  const person = await staffPersonForActivation(deps, ctx, boardId, personId);
  const code = newActivationCode();
  const now = nowOf(deps);
  const expiresAt = daysAfter(now, linkCodeDays.activatiecode);
  await inTransaction(deps.db, async (tx) => {
    await codes.expireUnusedCodes(tx, personId, 'activatiecode', now);
    await codes.insertLinkCodes(tx, [{ personId, codeHash: hashToken(code) }], 'activatiecode', expiresAt, signedInAccount(ctx).accountId, now);
    await recordAudit(tx, ctx, {
      action: 'person.activation-code.issued',
      subjectPersonId: personId,
      subjectOrganisation: { kind: 'bestuur', id: boardId },
      after: { expiresAt: expiresAt.toISOString() },
    });
  });
  return { code, personName: person.personName, expiresAt };
}

export type LinkCodeView = { kind: LinkCodeKind; personName: string; boardNames: string; alreadyYours: boolean };

const refuse = (key: MessageKey) => AppError.validation([{ name: 'code', reason: message(key) }]);

/** The code as found, or the reason it cannot link this account, at the form's field. */
async function usableCode(deps: LinkDeps, ctx: ActorContext, typed: string): Promise<codes.LinkCode & { alreadyYours: boolean }> {
  const account = signedInAccount(ctx);
  const code = normaliseCode(typed);
  if (!code) throw refuse('register.link.error.missing');
  const found = code.length <= 200 ? await codes.findLinkCode(deps.db, hashToken(code)) : undefined;
  if (!found) throw refuse('register.link.error.unknown');
  if (found.linkedAccountId === account.accountId) return { ...found, alreadyYours: true };
  if (found.linkedAccountId || found.usedAt) throw refuse('register.link.error.used');
  if (found.expiresAt <= nowOf(deps)) throw refuse('register.link.error.expired');
  const mine = await findPersonIdOfAccount(deps.db, account.accountId);
  if (mine) throw refuse('register.link.error.accountLinked');
  return { ...found, alreadyYours: false };
}

/** What a code opens, to confirm before linking: the delivered name and the board(s). */
export async function describeLinkCode(deps: LinkDeps, ctx: ActorContext, typed: string): Promise<LinkCodeView> {
  const found = await usableCode(deps, ctx, typed);
  return { kind: found.kind, personName: found.personName, boardNames: found.boardNames, alreadyYours: found.alreadyYours };
}

/** Links the signed-in account to the code's person, once; the code is used up. */
export async function redeemLinkCode(deps: LinkDeps, ctx: ActorContext, typed: string): Promise<void> {
  const found = await usableCode(deps, ctx, typed);
  if (found.alreadyYours) return;
  const account = signedInAccount(ctx);
  await inTransaction(deps.db, async (tx) => {
    if (!(await codes.useCodeAndLink(tx, found.id, account.accountId, nowOf(deps)))) throw refuse('register.link.error.used');
    await recordAudit(tx, ctx, { action: 'person.linked', subjectAccountId: account.accountId, subjectPersonId: found.personId, after: { via: found.kind } });
  });
}
