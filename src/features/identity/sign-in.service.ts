import type { Db } from '../../db/database.ts';
import type { AccountActor } from '../../platform/auth/actor.ts';
import { checkNewPassword, hashPassword, verifyAgainstNothing, verifyPassword } from '../../platform/auth/passwords.ts';
import { endAllSessions, endSession, loadMemberships, markSecondFactor, startSession } from '../../platform/auth/sessions.ts';
import { needsSecondFactor } from '../../platform/auth/actor.ts';
import { checkTotp } from '../../platform/auth/totp.ts';
import { recordAudit, type ActorContext } from '../../platform/audit/audit.ts';
import { hashToken, randomToken } from '../../platform/crypto.ts';
import { AppError, type InvalidParam } from '../../platform/errors.ts';
import { message, type Lang } from '../../platform/i18n.ts';
import * as repo from './accounts.repo.ts';
import { emailPattern, normaliseEmail, nowOf, type IdentityDeps } from './identity.deps.ts';
import { inTransaction } from '../../db/transaction.ts';
import { bindVouchedBsn, linkedPersonOf, type VouchedBsn, type VouchedBsnOutcome } from '../register/index.ts';

/** After this many wrong passwords for one address, signing in with it pauses and an unlock mail goes out. */
export const maxFailures = 5;
export const lockMinutes = 15;
/** The right password during a lock mails an unlock link, but not more often than this. */
const unlockMailIntervalMinutes = 5;
/** After this many wrong codes in a row, the half-signed-in session ends: the password is needed again. */
export const maxCodeFailures = 5;
const hour = 60 * 60 * 1000;

async function sendLink(
  deps: IdentityDeps,
  tx: Db,
  account: repo.AccountRow,
  purpose: repo.EmailTokenPurpose,
  path: string,
  validMs: number,
  params: Record<string, string | number> = {},
  back?: string,
): Promise<string> {
  const token = randomToken();
  const now = nowOf(deps);
  await repo.insertEmailToken(tx, {
    tokenHash: hashToken(token),
    accountId: account.id,
    purpose,
    createdAt: now,
    expiresAt: new Date(now.getTime() + validMs),
  });
  return deps.mailer.queue(tx, {
    to: account.email,
    template: purpose,
    lang: account.preferredLang === 'en' ? 'en' : 'nl',
    params: {
      name: account.displayName,
      link: `${deps.baseUrl}${path}?token=${encodeURIComponent(token)}${back ? `&terug=${encodeURIComponent(back)}` : ''}`,
      ...params,
    },
  });
}

/** `back`: the page the person was on when they made the account (an enrolment link), carried through the mailed link. */
export type RegisterInput = { email: string; displayName: string; password: string; lang: Lang; back?: string };

/**
 * Creates a local account and mails a link to confirm the address. When the address already has an
 * account, that account gets a password-reset mail instead: the answer is the same either way, so
 * the form tells nobody which addresses are registered.
 */
export async function registerAccount(deps: IdentityDeps, context: ActorContext, input: RegisterInput): Promise<void> {
  const email = normaliseEmail(input.email);
  const problems: InvalidParam[] = [];
  if (!emailPattern.test(email) || email.length > 254) problems.push({ name: 'email', reason: message('signIn.error.emailInvalid') });
  const displayName = input.displayName.trim();
  if (!displayName) problems.push({ name: 'naam', reason: message('signUp.error.nameRequired') });
  else if (displayName.length > 200) problems.push({ name: 'naam', reason: message('signUp.error.nameTooLong') });
  const weak = checkNewPassword(input.password, email);
  if (weak) problems.push({ name: 'wachtwoord', reason: weak });
  if (problems.length > 0) throw AppError.validation(problems);

  const passwordHash = await hashPassword(input.password);
  const mailIds = await inTransaction(deps.db, async (tx) => {
    const existing = await repo.findAccountByEmail(tx, email);
    if (existing) return [await sendLink(deps, tx, existing, 'reset-password', '/wachtwoord-herstellen', hour)];
    const account = await repo.insertAccount(tx, { email, displayName, passwordHash, preferredLang: input.lang });
    await recordAudit(tx, context, { action: 'account.created', subjectAccountId: account.id, after: { email, displayName } });
    return [await sendLink(deps, tx, account, 'verify-email', '/account/bevestigen', 48 * hour, {}, input.back)];
  });
  await deps.mailer.deliver(deps.db, mailIds);
}

export async function verifyEmail(deps: IdentityDeps, context: ActorContext, token: string): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const accountId = await repo.takeEmailToken(tx, hashToken(token), 'verify-email', nowOf(deps));
    if (!accountId) throw new AppError('bad_request', message('verify.error.linkUsed'));
    await repo.updateAccount(tx, accountId, { emailVerifiedAt: nowOf(deps) });
    await recordAudit(tx, context, { action: 'account.email-verified', subjectAccountId: accountId });
  });
}

export type SignInResult =
  | { outcome: 'signed-in'; sessionToken: string; accountId: string; secondFactor: 'not-needed' | 'required' | 'enrol' }
  | { outcome: 'failed' }
  | { outcome: 'locked'; minutes: number }
  | { outcome: 'unverified' };

/**
 * Signs in with e-mail address and password. Wrong passwords count per address (known or not); at
 * `maxFailures` the address is locked for `lockMinutes` and, if it has an account, an unlock link is
 * mailed. Unknown addresses take as long as wrong passwords.
 *
 * A lock slows guessing but does not shut the owner out (issue 17: anyone could lock anyone's account):
 * while it holds, the right password still opens the second step for an account with an authenticator
 * app, and the lock lifts once the code is right; without an app, the right password gets a fresh
 * unlock link mailed. The answer to the form is the same "locked" either way, so it tells an attacker nothing.
 */
export async function signInWithPassword(
  deps: IdentityDeps,
  context: ActorContext,
  input: { email: string; password: string; back?: string },
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const emailHash = deps.crypto.keyedHash(`sign-in:${email}`);
  const now = nowOf(deps);
  const throttle = await repo.findThrottle(deps.db, emailHash);
  const account = await repo.findAccountByEmail(deps.db, email);
  let passwordOk = false;
  // without an account the password is still hashed, so the time taken tells nobody whether the address has one
  if (account?.passwordHash) passwordOk = await verifyPassword(account.passwordHash, input.password);
  else await verifyAgainstNothing(input.password);

  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    if (account && passwordOk && account.emailVerifiedAt && account.totpEnabledAt) return startSignedInSession(deps, context, account, 'password');
    if (account && passwordOk) await mailUnlockLinkToOwner(deps, context, account, now);
    return { outcome: 'locked', minutes: Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 60_000) };
  }

  if (!account || !passwordOk) {
    const failures = (throttle?.failures ?? 0) + 1;
    const locks = failures >= maxFailures;
    const mailIds = await inTransaction(deps.db, async (tx) => {
      await repo.saveThrottle(tx, {
        emailHash,
        failures: locks ? 0 : failures,
        lastFailureAt: now,
        lockedUntil: locks ? new Date(now.getTime() + lockMinutes * 60_000) : null,
      });
      if (!account) return [];
      await recordAudit(tx, context, { action: locks ? 'account.locked' : 'account.sign-in-failed', subjectAccountId: account.id, after: { failures } });
      return locks ? [await sendLink(deps, tx, account, 'unlock-account', '/account/deblokkeren', hour, { failures })] : [];
    });
    await deps.mailer.deliver(deps.db, mailIds);
    return locks ? { outcome: 'locked', minutes: lockMinutes } : { outcome: 'failed' };
  }
  if (!account.emailVerifiedAt) {
    const mailIds = await inTransaction(deps.db, async (tx) => [
      await sendLink(deps, tx, account, 'verify-email', '/account/bevestigen', 48 * hour, {}, input.back),
    ]);
    await deps.mailer.deliver(deps.db, mailIds);
    return { outcome: 'unverified' };
  }
  if (throttle) await repo.clearThrottle(deps.db, emailHash);
  return startSignedInSession(deps, context, account, 'password');
}

/** The owner gave the right password while locked: a new unlock link, at most one every few minutes. */
async function mailUnlockLinkToOwner(deps: IdentityDeps, context: ActorContext, account: repo.AccountRow, now: Date): Promise<void> {
  if (await repo.hasEmailTokenSince(deps.db, account.id, 'unlock-account', new Date(now.getTime() - unlockMailIntervalMinutes * 60_000))) return;
  const mailIds = await inTransaction(deps.db, async (tx) => {
    await recordAudit(tx, context, { action: 'account.unlock-link-sent', subjectAccountId: account.id });
    return [await sendLink(deps, tx, account, 'unlock-account', '/account/deblokkeren', hour)];
  });
  await deps.mailer.deliver(deps.db, mailIds);
}

/** Opens a session for an account whose first factor checked out; says what the second factor needs. */
export async function startSignedInSession(
  deps: IdentityDeps,
  context: ActorContext,
  account: repo.AccountRow,
  method: 'password' | 'oidc',
  vouchedBsn: VouchedBsn | null = null,
): Promise<SignInResult & { outcome: 'signed-in'; bsn: VouchedBsnOutcome | null }> {
  const memberships = await loadMemberships(deps.db, account.id);
  const required = needsSecondFactor(memberships) || account.totpEnabledAt !== null;
  return inTransaction(deps.db, async (tx) => {
    const { token, session } = await startSession(tx, { accountId: account.id, method, secondFactor: !required, now: nowOf(deps) });
    const self: AccountActor = {
      type: 'account',
      accountId: account.id,
      sessionId: session.id,
      email: account.email,
      displayName: account.displayName,
      memberships,
      secondFactorDone: !required,
    };
    await recordAudit(
      tx,
      { ...context, actor: self },
      {
        action: 'account.signed-in',
        subjectAccountId: account.id,
        after: { method },
      },
    );
    // a BSN the issuer vouched for links first (decision 021); else a professional's record is theirs
    // from the first sign-in with the address it was delivered to
    const bsn = vouchedBsn ? await bindVouchedBsn({ db: tx, now: deps.now }, { ...context, actor: self }, vouchedBsn) : null;
    await linkedPersonOf({ db: tx, now: deps.now }, { ...context, actor: self });
    return {
      outcome: 'signed-in' as const,
      bsn,
      sessionToken: token,
      accountId: account.id,
      secondFactor: !required ? ('not-needed' as const) : account.totpEnabledAt ? ('required' as const) : ('enrol' as const),
    };
  });
}

/** Always answers the same; an account with this address gets a reset link. */
export async function requestPasswordReset(deps: IdentityDeps, context: ActorContext, emailInput: string): Promise<void> {
  const email = normaliseEmail(emailInput);
  if (!emailPattern.test(email)) throw AppError.validation([{ name: 'email', reason: message('signIn.error.emailInvalid') }]);
  const account = await repo.findAccountByEmail(deps.db, email);
  if (!account) return;
  const mailIds = await inTransaction(deps.db, async (tx) => {
    await recordAudit(tx, context, { action: 'account.password-reset-requested', subjectAccountId: account.id });
    return [await sendLink(deps, tx, account, 'reset-password', '/wachtwoord-herstellen', hour)];
  });
  await deps.mailer.deliver(deps.db, mailIds);
}

/** Sets a new password from a mailed link; every session of the account ends and the lock is lifted. */
export async function resetPassword(deps: IdentityDeps, context: ActorContext, input: { token: string; password: string }): Promise<void> {
  const tokenHash = hashToken(input.token);
  await inTransaction(deps.db, async (tx) => {
    const accountId = await repo.takeEmailToken(tx, tokenHash, 'reset-password', nowOf(deps));
    if (!accountId) throw new AppError('bad_request', message('reset.error.linkUsed'));
    const account = (await repo.findAccount(tx, accountId))!;
    const weak = checkNewPassword(input.password, account.email);
    if (weak) throw AppError.validation([{ name: 'wachtwoord', reason: weak }]);
    // a reset link proves the address, as a verification link would
    await repo.updateAccount(tx, accountId, { passwordHash: await hashPassword(input.password), emailVerifiedAt: account.emailVerifiedAt ?? nowOf(deps) });
    await repo.clearThrottle(tx, deps.crypto.keyedHash(`sign-in:${account.email}`));
    const ended = await endAllSessions(tx, accountId, nowOf(deps));
    await recordAudit(tx, context, { action: 'account.password-reset', subjectAccountId: accountId, after: { sessionsEnded: ended } });
  });
}

export async function unlockAccount(deps: IdentityDeps, context: ActorContext, token: string): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    const accountId = await repo.takeEmailToken(tx, hashToken(token), 'unlock-account', nowOf(deps));
    if (!accountId) throw new AppError('bad_request', message('unlock.error.linkUsed'));
    const account = (await repo.findAccount(tx, accountId))!;
    await repo.clearThrottle(tx, deps.crypto.keyedHash(`sign-in:${account.email}`));
    await recordAudit(tx, context, { action: 'account.unlocked', subjectAccountId: accountId });
  });
}

export async function hasTotp(deps: IdentityDeps, actor: AccountActor): Promise<boolean> {
  const account = await repo.findAccount(deps.db, actor.accountId);
  return Boolean(account?.totpEnabledAt);
}

/** Step one of TOTP set-up: a new secret, kept sealed but not yet active. */
export async function startTotpEnrolment(deps: IdentityDeps, actor: AccountActor, secret: string): Promise<void> {
  await repo.updateAccount(deps.db, actor.accountId, { totpSecret: deps.crypto.seal(secret), totpEnabledAt: null, totpLastStep: null });
}

export async function pendingTotpSecret(deps: IdentityDeps, actor: AccountActor): Promise<string | null> {
  const account = await repo.findAccount(deps.db, actor.accountId);
  return account?.totpSecret && !account.totpEnabledAt ? deps.crypto.open(account.totpSecret) : null;
}

/**
 * Checks the code against the pending secret; on success TOTP is on and this session has its second
 * factor, under a new token: the caller sets it as the session cookie.
 */
export async function confirmTotpEnrolment(
  deps: IdentityDeps,
  context: ActorContext & { actor: AccountActor },
  code: string,
): Promise<{ sessionToken: string }> {
  const account = await repo.findAccount(deps.db, context.actor.accountId);
  if (!account?.totpSecret || account.totpEnabledAt) throw new AppError('conflict', message('totp.error.notEnrolling'));
  const step = checkTotp(deps.crypto.open(account.totpSecret), code, null, nowOf(deps).getTime());
  if (step === null) throw AppError.validation([{ name: 'code', reason: message('totp.error.wrongCode') }]);
  return inTransaction(deps.db, async (tx) => {
    await repo.updateAccount(tx, account.id, { totpEnabledAt: nowOf(deps), totpLastStep: step });
    const sessionToken = await markSecondFactor(tx, context.actor.sessionId, nowOf(deps));
    await recordAudit(tx, context, { action: 'account.second-factor-enabled', subjectAccountId: account.id });
    return { sessionToken };
  });
}

/** The second step of signing in. A code is accepted once; the session then gets a new token for the cookie. */
export async function verifySecondFactor(deps: IdentityDeps, context: ActorContext & { actor: AccountActor }, code: string): Promise<{ sessionToken: string }> {
  const account = await repo.findAccount(deps.db, context.actor.accountId);
  if (!account?.totpSecret || !account.totpEnabledAt) throw new AppError('conflict', message('secondFactor.error.noApp'));
  const step = checkTotp(deps.crypto.open(account.totpSecret), code, account.totpLastStep, nowOf(deps).getTime());
  const throttleKey = deps.crypto.keyedHash(`second-factor:${account.id}`);
  if (step === null) {
    const failures = ((await repo.findThrottle(deps.db, throttleKey))?.failures ?? 0) + 1;
    const tooMany = failures >= maxCodeFailures;
    await inTransaction(deps.db, async (tx) => {
      await repo.saveThrottle(tx, { emailHash: throttleKey, failures: tooMany ? 0 : failures, lastFailureAt: nowOf(deps), lockedUntil: null });
      await recordAudit(tx, context, {
        action: tooMany ? 'account.second-factor-locked' : 'account.second-factor-failed',
        subjectAccountId: account.id,
        after: { failures },
      });
      // guessing codes needs the password again after a few tries
      if (tooMany) await endSession(tx, context.actor.sessionId, nowOf(deps));
    });
    if (tooMany) throw new AppError('unauthenticated', message('secondFactor.error.tooMany', { count: maxCodeFailures }));
    throw AppError.validation([{ name: 'code', reason: message('secondFactor.error.wrongCode') }]);
  }
  return inTransaction(deps.db, async (tx) => {
    await repo.clearThrottle(tx, throttleKey);
    // the password and the code together lift a lock on the address (see signInWithPassword)
    await repo.clearThrottle(tx, deps.crypto.keyedHash(`sign-in:${account.email}`));
    await repo.updateAccount(tx, account.id, { totpLastStep: step });
    const sessionToken = await markSecondFactor(tx, context.actor.sessionId, nowOf(deps));
    await recordAudit(tx, context, { action: 'account.second-factor-given', subjectAccountId: account.id });
    return { sessionToken };
  });
}

export async function signOut(deps: IdentityDeps, context: ActorContext & { actor: AccountActor }): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    await endSession(tx, context.actor.sessionId, nowOf(deps));
    await recordAudit(tx, context, { action: 'account.signed-out', subjectAccountId: context.actor.accountId });
  });
}

/** Ends every session of the account, on every device, this one included. */
export async function signOutEverywhere(deps: IdentityDeps, context: ActorContext & { actor: AccountActor }): Promise<number> {
  return inTransaction(deps.db, async (tx) => {
    const ended = await endAllSessions(tx, context.actor.accountId, nowOf(deps));
    await recordAudit(tx, context, { action: 'account.signed-out-everywhere', subjectAccountId: context.actor.accountId, after: { sessionsEnded: ended } });
    return ended;
  });
}
