import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit, signedInAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { hashToken, randomToken } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { message, type MessageKey } from '../../platform/i18n.ts';
import { uuidPattern as uuid } from '../../platform/ids/uuid-pattern.ts';
import { addHistoryLine, findPersonIdOfAccount, linkByConfirmedAddress } from './own-record.repo.ts';
import { requireBoardStaff } from './board-staff-access.ts';
import { linkCodeDays, newActivationCode, normaliseCode, type LinkCodeKind } from './person-link-code.rules.ts';
import * as codes from './person-link-codes.repo.ts';
import * as links from './person-link.repo.ts';

/** A BSN an OpenID Connect issuer vouched for, as the register keeps one: keyed hash and sealed, never in clear. */
export type VouchedBsn = { hash: string; sealed: string };

type LinkDeps = { db: Db; now?: () => Date };
const nowOf = (deps: LinkDeps) => (deps.now ? deps.now() : new Date());
const daysAfter = (now: Date, days: number) => new Date(now.getTime() + days * 24 * 60 * 60 * 1000);

/**
 * The person a signed-in account is (decision 021). Once linked, the link is the person's id, and a
 * later delivery that changes the work address changes where mail goes, not whose record it is.
 * An account without a link is linked here to the person with the BSN an issuer vouched for at its
 * sign-in (DigiD through a broker), when nobody else has that person; else, when its confirmed address
 * is the delivered address of exactly one person without an account: the invitation went to that
 * address, and confirming the account proved control of it. Each link is an audit event. Undefined
 * when the account is nobody the register knows (yet).
 */
export async function linkedPersonOf(deps: LinkDeps, ctx: ActorContext): Promise<string | undefined> {
  const account = signedInAccount(ctx);
  const linked = await findPersonIdOfAccount(deps.db, account.accountId);
  if (linked) return linked;
  return inTransaction(deps.db, async (tx) => {
    const byBsn = await links.linkByAccountBsn(tx, account.accountId, nowOf(deps));
    const personId = byBsn ?? (await linkByConfirmedAddress(tx, account.accountId, nowOf(deps)));
    if (personId) {
      if (!byBsn) await links.enrolmentFollowsLink(tx, personId);
      await recordAudit(tx, ctx, {
        action: 'person.linked',
        subjectAccountId: account.accountId,
        subjectPersonId: personId,
        after: { via: byBsn ? 'bsn' : 'confirmed-address' },
      });
    }
    return personId;
  });
}

/**
 * What a sign-in with a BSN did (decision 021): linked the account to the person with that BSN; changed
 * nothing a person should know of; or refused, and why. A refusal links nothing, is audited, and the
 * professional is told what to do (Mijn register's notice for it).
 */
export type VouchedBsnOutcome =
  | 'linked'
  | 'unchanged'
  /** another account signed in with this BSN before */
  | 'bsn-on-other-account'
  /** this account signed in with another BSN before */
  | 'account-has-other-bsn'
  /** the person with this BSN is another account's */
  | 'person-of-other-account'
  /** the account's person has another BSN, as delivered */
  | 'bsn-differs'
  /** the account has a person without a BSN, and another person has this one: a possible duplicate for register staff */
  | 'review';

/**
 * A sign-in through OpenID Connect vouched for this BSN (given as its keyed hash and sealed, never in
 * clear). The account keeps the hash, so a later delivery with the BSN finds it. Then: an account
 * without a person is linked to the person with the BSN (when nobody else has them); an account whose
 * person has no BSN yet gives it theirs, unless someone else has it (then register staff look at the
 * two); an account whose person has another BSN is linked to nobody else. Never links a person or an
 * account that has another link.
 */
export async function bindVouchedBsn(deps: LinkDeps, ctx: ActorContext, bsn: VouchedBsn): Promise<VouchedBsnOutcome> {
  const account = signedInAccount(ctx);
  const now = nowOf(deps);
  return inTransaction(deps.db, async (tx) => {
    const refused = async (reason: Exclude<VouchedBsnOutcome, 'linked' | 'unchanged'>, personId: string | null = null) => {
      await recordAudit(tx, ctx, {
        action: 'person.link-refused',
        subjectAccountId: account.accountId,
        subjectPersonId: personId,
        after: { via: 'bsn', reason },
      });
      return reason;
    };
    const recorded = await links.recordAccountBsn(tx, account.accountId, bsn.hash, now);
    if (recorded === 'on-other-account') return refused('bsn-on-other-account');
    if (recorded === 'account-has-other') return refused('account-has-other-bsn');
    if (recorded === 'recorded') await recordAudit(tx, ctx, { action: 'account.bsn-recorded', subjectAccountId: account.accountId, after: { via: 'oidc' } });
    const mine = await links.findLinkedPerson(tx, account.accountId);
    const holder = await links.findPersonByBsnHash(tx, bsn.hash);
    if (!mine) {
      if (!holder) return 'unchanged';
      if (holder.accountId) return refused('person-of-other-account', holder.id);
      if (!(await links.linkPersonToAccount(tx, holder.id, account.accountId, now))) return refused('person-of-other-account', holder.id);
      await recordAudit(tx, ctx, { action: 'person.linked', subjectAccountId: account.accountId, subjectPersonId: holder.id, after: { via: 'bsn' } });
      return 'linked';
    }
    if (mine.bsnHash === bsn.hash) return 'unchanged';
    if (mine.bsnHash) return refused('bsn-differs', mine.id);
    if (holder) {
      // the same human twice, it seems: the one the BSN was delivered for goes into the account's, once staff agree
      await links.fileDuplicateCandidate(tx, holder.id, mine.id, 'bsn-inlog', now);
      return refused('review', mine.id);
    }
    if (await links.addBsnToPerson(tx, mine.id, bsn, now)) {
      const byLabel = account.displayName || account.email;
      await addHistoryLine(tx, {
        personId: mine.id,
        employmentId: null,
        kind: 'persoon-gewijzigd',
        changes: { bsn: ['(geen)', '(via inloggen)'] },
        byLabel,
        now,
      });
      await recordAudit(tx, ctx, { action: 'person.bsn-added', subjectAccountId: account.accountId, subjectPersonId: mine.id, after: { via: 'oidc' } });
    }
    return 'unchanged';
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

/**
 * What a code opens, before anything is linked. `alreadyYours`: the account has this person already.
 * `accountHasRecord`: the account has another person (it enrolled without a delivery, say); confirming
 * then links nothing but asks register staff to merge the two (decision 021).
 */
export type LinkCodeView = { kind: LinkCodeKind; personName: string; boardNames: string; alreadyYours: boolean; accountHasRecord: boolean };

const refuse = (key: MessageKey) => AppError.validation([{ name: 'code', reason: message(key) }]);

type UsableCode = codes.LinkCode & { alreadyYours: boolean; mine: links.LinkedPerson | undefined };

/** The code as found, or the reason it cannot link this account, at the form's field. */
async function usableCode(deps: LinkDeps, ctx: ActorContext, typed: string): Promise<UsableCode> {
  const account = signedInAccount(ctx);
  const code = normaliseCode(typed);
  if (!code) throw refuse('register.link.error.missing');
  const found = code.length <= 200 ? await codes.findLinkCode(deps.db, hashToken(code)) : undefined;
  if (!found) throw refuse('register.link.error.unknown');
  if (found.linkedAccountId === account.accountId) return { ...found, alreadyYours: true, mine: undefined };
  if (found.linkedAccountId || found.usedAt) throw refuse('register.link.error.used');
  if (found.expiresAt <= nowOf(deps)) throw refuse('register.link.error.expired');
  // a BSN the account was vouched for, or its person's, that is not the code's person's: someone else
  const vouched = (await links.findAccountBsn(deps.db, account.accountId))?.bsnHash ?? null;
  const mine = await links.findLinkedPerson(deps.db, account.accountId);
  const otherBsn = (bsn: string | null | undefined) => Boolean(bsn && found.personBsnHash && bsn !== found.personBsnHash);
  if (otherBsn(vouched) || otherBsn(mine?.bsnHash)) throw refuse('register.link.error.otherBsn');
  if (await links.isLinkBlocked(deps.db, found.personId, account.accountId)) throw refuse('register.link.error.unlinkedByStaff');
  return { ...found, alreadyYours: false, mine };
}

/** What a code opens, to confirm before linking: the delivered name and the board(s). */
export async function describeLinkCode(deps: LinkDeps, ctx: ActorContext, typed: string): Promise<LinkCodeView> {
  const found = await usableCode(deps, ctx, typed);
  return {
    kind: found.kind,
    personName: found.personName,
    boardNames: found.boardNames,
    alreadyYours: found.alreadyYours,
    accountHasRecord: Boolean(found.mine),
  };
}

/**
 * Links the signed-in account to the code's person, once; the code is used up. An account that has
 * a person already (made when it enrolled without a delivery, or another board's) is never linked to a
 * second one, and two records are never merged here: the professional says the code's person is them
 * too, and register staff get the two as a possible duplicate to merge (the code stays unused, and
 * moves along with the merge). `review` then, else `linked`.
 */
export async function redeemLinkCode(deps: LinkDeps, ctx: ActorContext, typed: string): Promise<'linked' | 'review'> {
  const found = await usableCode(deps, ctx, typed);
  if (found.alreadyYours) return 'linked';
  const account = signedInAccount(ctx);
  const mine = found.mine;
  return inTransaction(deps.db, async (tx) => {
    if (mine) {
      await links.fileDuplicateCandidate(tx, found.personId, mine.id, 'koppelcode', nowOf(deps));
      await recordAudit(tx, ctx, {
        action: 'person.link-refused',
        subjectAccountId: account.accountId,
        subjectPersonId: found.personId,
        after: { via: found.kind, reason: 'review', accountPerson: mine.id },
      });
      return 'review';
    }
    if (!(await codes.useCodeAndLink(tx, found.id, account.accountId, nowOf(deps)))) throw refuse('register.link.error.used');
    await recordAudit(tx, ctx, { action: 'person.linked', subjectAccountId: account.accountId, subjectPersonId: found.personId, after: { via: found.kind } });
    return 'linked';
  });
}
