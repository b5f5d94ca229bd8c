import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import { actorLabel, recordAudit, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message, translator, type Lang } from '../../platform/i18n.ts';
import type { Mail, Mailer } from '../../platform/mail/mailer.ts';
import { decide } from '../../platform/policy.ts';
import { yieldToEventLoop } from '../../platform/yield.ts';
import { disputeFieldsLabel, functionLabel } from './employment-labels.ts';
import { requireBoardStaff } from './board-staff-access.ts';
import { isDisputeMailMode, type DisputeMailMode } from './record-notices.rules.ts';
import * as repo from './record-notices.repo.ts';

/** What the record loop's mail needs: the database, the outbox, the address of the app for links, and a clock tests can move. */
export type NoticeDeps = { db: Db; mailer: Mailer; baseUrl: string; now?: () => Date };

export const nowOf = (deps: { now?: () => Date }) => (deps.now ? deps.now() : new Date());

/** "Leraar · De Regenboog (03WU)" in the reader's language, with the board when `withBoard`. */
export function employmentLine(lang: Lang, line: { function: string; schoolName: string; brin: string; boardName?: string }, withBoard = false): string {
  const text = `${functionLabel(translator(lang), line.function)} · ${line.schoolName} (${line.brin})`;
  return withBoard && line.boardName ? `${text}, ${line.boardName}` : text;
}

/** What a dispute (or a notice of one) is about, in the reader's language: the employment's line, or "Persoonsgegevens". */
export function disputeSubject(lang: Lang, line: { function: string | null; schoolName: string | null; brin: string | null }): string {
  const { function: fn, schoolName, brin } = line;
  return fn && schoolName && brin ? employmentLine(lang, { function: fn, schoolName, brin }) : translator(lang)('employment.personData');
}

/** The fields a dispute names, in the reader's language: "Begindatum, Einddatum". */
export const disputeFieldsIn = (lang: Lang, fields: readonly string[]) => disputeFieldsLabel(translator(lang), fields);

export const disputesLink = (baseUrl: string, boardId: string) => `${baseUrl}/beheer/bestuur/${boardId}/betwistingen`;
export const boardNoticesPath = (boardId: string) => `/beheer/bestuur/${boardId}/meldingen`;

// ─── the board's setting ────────────────────────────────────────────────────────────────────────

export type BoardNoticeSettingsView = repo.BoardNoticeSettings & { canManage: boolean };

/** The board's notice settings, to its staff (and register staff); whether the reader may change them. */
export async function getBoardNoticeSettings(deps: { db: Db }, ctx: ActorContext, boardId: string): Promise<BoardNoticeSettingsView> {
  await requireBoardStaff(ctx, boardId, 'staff.read');
  const canManage = (await decide(ctx.actor, { action: 'board-settings.manage', organisation: { kind: 'bestuur', id: boardId } })).allowed;
  return { ...(await repo.findBoardSettings(deps.db, boardId)), canManage };
}

/**
 * The board's admin chooses how its staff hear of a new dispute: one overview a day, or a mail for each
 * at once. Audited; choosing what it already is changes nothing.
 */
export async function setDisputeMail(deps: { db: Db; now?: () => Date }, ctx: ActorContext, boardId: string, mode: unknown): Promise<void> {
  const decision = await decide(ctx.actor, { action: 'board-settings.manage', organisation: { kind: 'bestuur', id: boardId } });
  if (!decision.allowed) {
    throw decision.reason === 'unauthenticated' ? new AppError('unauthenticated') : new AppError('forbidden', message('register.error.notBoardAdmin'));
  }
  if (!isDisputeMailMode(mode)) throw AppError.validation([{ name: 'meldingen', reason: message('register.error.disputeMailMode') }]);
  const before = (await repo.findBoardSettings(deps.db, boardId)).disputeMail;
  if (before === mode) return;
  await inTransaction(deps.db, async (tx) => {
    await repo.setDisputeMail(tx, boardId, mode, actorLabel(ctx), nowOf(deps));
    await recordAudit(tx, ctx, {
      action: 'board-settings.dispute-mail-changed',
      via: decision.via,
      subjectOrganisation: { kind: 'bestuur', id: boardId },
      before: { meldingen: before },
      after: { meldingen: mode },
    });
  });
}

// ─── a new dispute, to the board's staff ────────────────────────────────────────────────────────

/**
 * Inside the transaction that files a dispute: on a board that wants each dispute at once, its staff's
 * mails go to the outbox and the dispute is marked as told; on any other, it waits for the day's
 * overview. The ids of the mails, to deliver after the commit.
 */
export async function queueDisputeFiled(
  tx: Db,
  deps: NoticeDeps,
  dispute: {
    id: string;
    boardId: string;
    personName: string;
    function: string | null;
    schoolName: string | null;
    brin: string | null;
    fields: string[];
    comment: string;
  },
): Promise<string[]> {
  const mode: DisputeMailMode = await repo.findDisputeMailMode(tx, dispute.boardId);
  if (mode !== 'direct') return [];
  const staff = await repo.listBoardStaffAddresses(tx, [dispute.boardId]);
  const ids = await deps.mailer.queueMany(
    tx,
    staff.map((member) => ({
      to: member.email,
      template: 'dispute-filed' as const,
      lang: member.lang,
      params: {
        name: member.name,
        person: dispute.personName,
        employment: disputeSubject(member.lang, dispute),
        fields: disputeFieldsIn(member.lang, dispute.fields),
        comment: dispute.comment,
        link: `${disputesLink(deps.baseUrl, dispute.boardId)}/${dispute.id}`,
      },
    })),
  );
  await repo.markDisputesNotified(tx, [dispute.id], nowOf(deps));
  return ids;
}

const quoted = (comment: string) => (comment.length > 300 ? `${comment.slice(0, 297)}...` : comment);

/**
 * The daily overview: for each board with disputes its staff have not been told of, one mail to each
 * of its staff (in their language) listing the ones still open. Boards with nothing new get nothing;
 * every dispute is marked as told, so an overview never repeats one. Run by the evening job.
 */
export async function sendDisputeDigests(deps: NoticeDeps): Promise<{ boards: number; mails: number }> {
  const pending = await repo.listDisputesToDigest(deps.db);
  if (pending.length === 0) return { boards: 0, mails: 0 };
  const byBoard = new Map<string, repo.DisputeToDigest[]>();
  for (const d of pending) byBoard.set(d.boardId, [...(byBoard.get(d.boardId) ?? []), d]);
  const now = nowOf(deps);
  const mailIds = await inTransaction(deps.db, async (tx) => {
    const staff = await repo.listBoardStaffAddresses(tx, [...byBoard.keys()]);
    const mails: Mail[] = staff.flatMap((member) => {
      const open = (byBoard.get(member.boardId) ?? []).filter((d) => d.open);
      if (open.length === 0) return [];
      const wrong = translator(member.lang)('employment.disputedFields');
      const list = open
        .map((d) => `- ${d.personName}: ${disputeSubject(member.lang, d)}\n  ${wrong}: ${disputeFieldsIn(member.lang, d.fields)}\n  "${quoted(d.comment)}"`)
        .join('\n');
      return [
        {
          to: member.email,
          template: 'dispute-digest' as const,
          lang: member.lang,
          params: {
            name: member.name,
            board: open[0].boardName,
            count: open.length,
            list,
            link: disputesLink(deps.baseUrl, member.boardId),
            settings: `${deps.baseUrl}${boardNoticesPath(member.boardId)}`,
          },
        },
      ];
    });
    const ids = await deps.mailer.queueMany(tx, mails);
    await repo.markDisputesNotified(
      tx,
      pending.map((d) => d.id),
      now,
    );
    await recordAudit(
      tx,
      { actor: { type: 'system', name: 'betwistingen-overzicht' } },
      { action: 'dispute-digest.sent', after: { boards: byBoard.size, disputes: pending.length, mails: ids.length } },
    );
    return ids;
  });
  await deps.mailer.deliver(deps.db, mailIds);
  return { boards: byBoard.size, mails: mailIds.length };
}

// ─── a correction, to the professional ──────────────────────────────────────────────────────────

const correctionBatch = 250;

/**
 * After a delivery that corrected disputed employments (the apply closed their disputes and wrote a
 * notice for each): one mail per professional asking them to check again, in batches. That mail stands
 * in for the same delivery's invitation to them. Safe to run again: a mailed notice is marked.
 */
export async function sendCorrectionNotices(deps: NoticeDeps, deliveryId: string): Promise<number> {
  let sent = 0;
  let after: string | null = null;
  for (;;) {
    await yieldToEventLoop();
    const pending = await repo.listUnsentCorrections(deps.db, deliveryId, after, correctionBatch);
    if (pending.length === 0) return sent;
    after = pending[pending.length - 1].noticeId;
    const byPerson = new Map<string, repo.UnsentCorrection[]>();
    for (const c of pending) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
    const mailIds = await inTransaction(deps.db, async (tx) => {
      const people = [...byPerson.values()];
      const ids = await deps.mailer.queueMany(
        tx,
        people.map((lines) => ({
          to: lines[0].email,
          template: 'dispute-corrected' as const,
          lang: lines[0].lang,
          params: {
            name: lines[0].name,
            board: lines[0].boardName,
            employment: lines.map((l) => disputeSubject(l.lang, l)).join('; '),
            link: `${deps.baseUrl}/mijn-register`,
          },
        })),
      );
      await repo.markCorrectionsMailed(
        tx,
        deliveryId,
        people.flatMap((lines, i) => lines.map((l) => ({ noticeId: l.noticeId, personId: l.personId, mailId: ids[i] }))),
      );
      return ids;
    });
    await deps.mailer.deliver(deps.db, mailIds);
    sent += mailIds.length;
  }
}

/** Whether a delivery left corrections to mail (the apply schedules the mailing job then). */
export async function hasUnsentCorrections(db: Db, deliveryId: string): Promise<boolean> {
  return (await repo.countUnsentCorrections(db, deliveryId)) > 0;
}

export const newNoticeId = uuidV7;
