import type { Db } from '../../db/database.ts';
import { recordAudit, signedInAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { decide, type ConsentCheck } from '../../platform/policy.ts';
import { isConfirmed, totalsOf, type DevelopmentTotals, type VisibleActivity } from './consent.rules.ts';
import * as repo from './consent.repo.ts';
import { uuidPattern as uuid } from '../../platform/ids/uuid-pattern.ts';
import { inTransaction } from '../../db/transaction.ts';
import { linkedPersonOf } from '../register/index.ts';

export type { BoardPerson, ConsentBoard, ConsentLine } from './consent.repo.ts';
export type { DevelopmentTotals, VisibleActivity } from './consent.rules.ts';

export type ConsentDeps = { db: Db; now?: () => Date };

const nowOf = (deps: ConsentDeps) => (deps.now ? deps.now() : new Date());

/**
 * The policy's ConsentCheck (`development.read`): whether the professional has granted this board
 * insight into their development and not revoked it. Read at every request, so a revocation counts at once.
 */
export function consentCheckOf(db: Db): ConsentCheck {
  return async (subjectAccountId, organisation) =>
    organisation.kind === 'bestuur' &&
    uuid.test(subjectAccountId) &&
    uuid.test(organisation.id) &&
    repo.hasActiveConsent(db, subjectAccountId, organisation.id);
}

const ownAccountOf = (ctx: ActorContext): repo.OwnAccount => {
  const account = signedInAccount(ctx);
  return { accountId: account.accountId };
};

/** Inzage: the boards the professional has or had an employment with, whether each may see their development, and the history. */
export async function getOwnConsents(deps: ConsentDeps, ctx: ActorContext): Promise<{ boards: repo.ConsentBoard[]; history: repo.ConsentLine[] }> {
  const account = ownAccountOf(ctx);
  await linkedPersonOf(deps, ctx);
  const [boards, history] = await Promise.all([repo.listOwnBoards(deps.db, account), repo.listConsentHistory(deps.db, account.accountId)]);
  return { boards, history };
}

async function ownBoard(deps: ConsentDeps, account: repo.OwnAccount, boardId: string): Promise<repo.ConsentBoard> {
  const board = uuid.test(boardId) ? await repo.findOwnBoard(deps.db, account, boardId) : undefined;
  if (!board) throw AppError.notFound(message('consent.error.noEmployment'));
  return board;
}

/** The professional lets a board they (have) work(ed) for see their development activities. Granting again changes nothing. */
export async function grantConsent(deps: ConsentDeps, ctx: ActorContext, boardId: string): Promise<repo.ConsentBoard> {
  const account = ownAccountOf(ctx);
  const board = await ownBoard(deps, account, boardId);
  await inTransaction(deps.db, async (tx) => {
    const id = await repo.insertConsent(tx, account.accountId, board.boardId, nowOf(deps));
    if (id) {
      await recordAudit(tx, ctx, {
        action: 'development-consent.granted',
        subjectAccountId: account.accountId,
        after: { consent: id, board: board.boardId, boardNumber: board.boardNumber },
      });
    }
  });
  return board;
}

/**
 * The professional withdraws a board's insight, once they confirmed it. It takes effect at once: the
 * board's next request is refused. Without an active consent there is nothing to withdraw.
 */
export async function revokeConsent(deps: ConsentDeps, ctx: ActorContext, boardId: string, confirmed: unknown): Promise<repo.ConsentBoard> {
  const account = ownAccountOf(ctx);
  const board = await ownBoard(deps, account, boardId);
  if (!isConfirmed(confirmed)) {
    const reason = message('consent.error.confirmRevoke', { board: board.boardName });
    throw AppError.validation([{ name: `bevestigd-${board.boardId}`, reason }], reason);
  }
  await inTransaction(deps.db, async (tx) => {
    const revoked = await repo.revokeConsent(tx, account.accountId, board.boardId, nowOf(deps));
    if (revoked) {
      await recordAudit(tx, ctx, {
        action: 'development-consent.revoked',
        subjectAccountId: account.accountId,
        before: { consent: revoked.id, board: board.boardId, boardNumber: board.boardNumber, grantedAt: revoked.grantedAt.toISOString() },
      });
    }
  });
  return board;
}

export type BoardView =
  | { visible: true; person: repo.BoardPerson; grantedAt: Date; activities: VisibleActivity[]; totals: DevelopmentTotals }
  | { visible: false; person: repo.BoardPerson };

/**
 * A board's staff read a professional's development activities: only with the professional's active
 * consent for this board (`development.read`), never through another board or the register office.
 * Every view is in the audit trail with the professional as its subject, so they see it in their own
 * overview. Without consent the answer says why (the page is a 403); staff of another board, and
 * anyone else, are refused without learning anything about the person.
 */
export async function getDevelopmentForBoard(deps: ConsentDeps, ctx: ActorContext, boardId: string, personId: string): Promise<BoardView> {
  const person = uuid.test(personId) ? await repo.findPersonAtBoard(deps.db, boardId, personId) : undefined;
  const check = consentCheckOf(deps.db);
  // the policy consults the consent only for the board's own staff: whether it asked tells those apart from outsiders
  let askedConsent = false;
  const decision = await decide(
    ctx.actor,
    { action: 'development.read', organisation: { kind: 'bestuur', id: boardId }, subjectAccountId: person?.accountId ?? '' },
    async (subjectAccountId, organisation) => {
      askedConsent = true;
      return !!person?.accountId && check(subjectAccountId, organisation);
    },
  );
  if (!decision.allowed) {
    if (decision.reason === 'unauthenticated') throw new AppError('unauthenticated');
    if (!askedConsent) {
      throw new AppError('forbidden', message('consent.error.notYourBoard'));
    }
    if (!person) throw AppError.notFound(message('consent.error.personNotAtBoard'));
    return { visible: false, person };
  }
  const accountId = person!.accountId!;
  const [consent, activities] = await Promise.all([repo.findActiveConsent(deps.db, accountId, boardId), repo.listVisibleActivities(deps.db, accountId)]);
  await recordAudit(deps.db, ctx, {
    action: 'development.read',
    via: decision.via,
    subjectAccountId: accountId,
    subjectPersonId: person!.id,
    after: { board: boardId, person: person!.id, activities: activities.length },
  });
  return { visible: true, person: person!, grantedAt: consent?.grantedAt ?? nowOf(deps), activities, totals: totalsOf(activities) };
}

/** The consents in the AVG download: to which board, when granted, when revoked. */
export async function exportOwnConsents(db: Db, accountId: string) {
  return (await repo.listConsentHistory(db, accountId)).map((c) => ({
    bestuur: c.boardName,
    bestuursnummer: c.boardNumber,
    gegevenOp: c.grantedAt.toISOString(),
    ingetrokkenOp: c.revokedAt?.toISOString() ?? null,
  }));
}

/** Demo data (after the demo staff and their enrolments): some of the demo board's professionals gave it insight. Returns how many. */
export async function seedDemoConsents(db: Db, boardNumber: string): Promise<number> {
  return repo.insertDemoConsents(db, boardNumber);
}
