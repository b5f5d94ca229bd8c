import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { actorLabel, recordAudit, recordAuditPerPerson, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import type { Mail } from '../../platform/mail/mailer.ts';
import { decide } from '../../platform/policy.ts';
import { yieldToEventLoop } from '../../platform/yield.ts';
import { requireBoardStaff } from './board-staff-access.ts';
import { boardReminderGapHours, nextBoardReminderAt, reminderCoolOffDays, type NoticeKind } from './record-notices.rules.ts';
import * as repo from './record-notices.repo.ts';
import { employmentLine, newNoticeId, nowOf, type NoticeDeps } from './record-notices.service.ts';

const day = 24 * 3600_000;
/** "02-03-2027 09:30", Dutch time: read alike in both languages, as a refusal's parameters are not translated */
const numeric = new Intl.DateTimeFormat('nl-NL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});
const moment = { format: (at: Date) => numeric.format(at).replace(',', '') };
const coolOffSince = (now: Date) => new Date(now.getTime() - reminderCoolOffDays * day);

type Reminder = repo.NoticeLine & { kind: NoticeKind };

/**
 * Writes the reminders of these lines (one mail per person, listing their employments) in one
 * transaction: the notices first, each once, then a mail for each person with a notice that was new.
 * Returns the persons mailed and the mails' ids, to deliver after the commit.
 */
async function remind(
  deps: NoticeDeps,
  lines: Reminder[],
  mail: { template: 'check-reminder' | 'check-reminder-board'; boardId: string | null },
  inside: (tx: Db, personIds: string[]) => Promise<void> = async () => {},
): Promise<{ personIds: string[]; mailIds: string[] }> {
  const byPerson = new Map<string, Reminder[]>();
  for (const line of lines) byPerson.set(line.personId, [...(byPerson.get(line.personId) ?? []), line]);
  const mailOf = new Map([...byPerson.keys()].map((personId) => [personId, newNoticeId()]));
  const rows: repo.NoticeRow[] = lines.map((l) => ({
    id: newNoticeId(),
    personId: l.personId,
    kind: l.kind,
    employmentId: l.employmentId,
    deliveryId: l.deliveryId,
    boardId: mail.boardId,
    disputeId: null,
    mailId: mailOf.get(l.personId)!,
  }));
  const now = nowOf(deps);
  return inTransaction(deps.db, async (tx) => {
    const inserted = await repo.insertNotices(tx, rows, now);
    const personIds = [...new Set(inserted.map((n) => n.personId))];
    const mails: (Mail & { id: string })[] = personIds.map((personId) => {
      const own = byPerson.get(personId)!;
      const { email, name, lang, boardName } = own[0];
      return {
        id: mailOf.get(personId)!,
        to: email,
        template: mail.template,
        lang,
        params: {
          name,
          board: boardName,
          employments: own.map((l) => `- ${employmentLine(lang, l, mail.template === 'check-reminder')}`).join('\n'),
          link: `${deps.baseUrl}/mijn-register`,
        },
      };
    });
    const mailIds = await deps.mailer.queueMany(tx, mails);
    await inside(tx, personIds);
    return { personIds, mailIds };
  });
}

/** Persons a batch of the nightly reminders reads at once: a few statements per batch, never one per person. */
const reminderBatch = 2_000;

/**
 * The daily reminder run for `now`: every professional with an employment still to check, the first
 * and the second number of days (their register's) after the delivery that asked for it, gets one
 * reminder, once for each, through the outbox. Nobody gets two reminders within a week (one waits).
 * Safe to run again on the same day: every reminder is recorded, and a recorded one is not sent again.
 */
export async function runCheckReminders(deps: NoticeDeps): Promise<{ persons: number; mails: number }> {
  const now = nowOf(deps);
  let after: string | null = null;
  let persons = 0;
  for (;;) {
    await yieldToEventLoop();
    const upTo = await repo.nextReminderBatch(deps.db, after, reminderBatch);
    if (upTo === null) break;
    const due = await repo.listDueReminders(deps.db, { after, upTo }, now, coolOffSince(now));
    after = upTo;
    if (due.length === 0) continue;
    const { personIds, mailIds } = await remind(deps, due, { template: 'check-reminder', boardId: null });
    persons += personIds.length;
    await deps.mailer.deliver(deps.db, mailIds);
  }
  await recordAudit(
    deps.db,
    { actor: { type: 'system', name: 'controle-herinneringen' } },
    { action: 'check-reminders.run', after: { at: now.toISOString(), persons } },
  );
  return { persons, mails: persons };
}

// ─── the board's progress, and its reminder by hand ─────────────────────────────────────────────

export type CheckProgress = {
  schools: repo.SchoolProgress[];
  total: Omit<repo.SchoolProgress, 'brin' | 'schoolName'>;
  /** professionals the reminder would reach now: something to check, an address, and no reminder in the last week */
  toRemind: number;
  reminderSentAt: Date | null;
  reminderSentByLabel: string | null;
  /** when the board may send the reminder by hand again (null: now) */
  nextReminderAt: Date | null;
  /** the reader may send it (the board's own staff; register staff only read) */
  canSend: boolean;
};

/** Who a reminder by hand would reach now, and when it may be sent (null: now). */
async function reminderOutlook(deps: NoticeDeps, boardId: string) {
  const now = nowOf(deps);
  const [toRemind, settings] = await Promise.all([
    repo.countBoardReminderPersons(deps.db, boardId, coolOffSince(now)),
    repo.findBoardSettings(deps.db, boardId),
  ]);
  const next = settings.reminderSentAt ? nextBoardReminderAt(settings.reminderSentAt) : null;
  return {
    toRemind,
    reminderSentAt: settings.reminderSentAt,
    reminderSentByLabel: settings.reminderSentByLabel,
    nextReminderAt: next && next > now ? next : null,
  };
}

/** Per school of the board: delivered, checked, approved, disputed; and who a reminder would reach. Counts only: no one's data. */
export async function getCheckProgress(deps: NoticeDeps, ctx: ActorContext, boardId: string): Promise<CheckProgress> {
  await requireBoardStaff(ctx, boardId, 'staff.read');
  const [schools, outlook] = await Promise.all([repo.listSchoolProgress(deps.db, boardId), reminderOutlook(deps, boardId)]);
  const sum = (key: 'delivered' | 'checked' | 'approved' | 'disputed') => schools.reduce((n, s) => n + s[key], 0);
  const canSend = (await decide(ctx.actor, { action: 'staff.act', organisation: { kind: 'bestuur', id: boardId } })).allowed;
  return {
    schools,
    total: { delivered: sum('delivered'), checked: sum('checked'), approved: sum('approved'), disputed: sum('disputed') },
    ...outlook,
    canSend,
  };
}

/** Before the board's staff send the reminder by hand: how many it would reach, and whether it may go now. */
export async function previewBoardReminder(deps: NoticeDeps, ctx: ActorContext, boardId: string) {
  await requireBoardStaff(ctx, boardId, 'staff.act');
  return reminderOutlook(deps, boardId);
}

/**
 * "Herinnering nu versturen": the board's staff remind its professionals who have not checked their
 * employments at this board, now. At most once a day per board; anyone reminded in the last week (by
 * the board or automatically) is skipped. It does not count as the automatic first or second reminder:
 * those still come, but not within a week of this one. Audited for each professional reminded.
 */
export async function sendBoardReminder(deps: NoticeDeps, ctx: ActorContext, boardId: string): Promise<{ persons: number }> {
  const via = await requireBoardStaff(ctx, boardId, 'staff.act');
  const now = nowOf(deps);
  const since = new Date(now.getTime() - boardReminderGapHours * 3600_000);
  const tooSoon = (sentAt: Date | null) =>
    new AppError(
      'rate_limited',
      message('register.error.reminderTooSoon', { sent: moment.format(sentAt ?? now), next: moment.format(nextBoardReminderAt(sentAt ?? now)) }),
    );
  const { reminderSentAt } = await repo.findBoardSettings(deps.db, boardId);
  if (reminderSentAt && reminderSentAt > since) throw tooSoon(reminderSentAt);
  const lines = await repo.listBoardReminderLines(deps.db, boardId, coolOffSince(now));
  if (lines.length === 0) return { persons: 0 };
  const reminded = await remind(
    deps,
    lines.map((l) => ({ ...l, kind: 'herinnering-bestuur' as const })),
    { template: 'check-reminder-board', boardId },
    async (tx, personIds) => {
      // two clicks at once: the second finds the first's claim and sends nothing
      if (!(await repo.claimBoardReminder(tx, boardId, actorLabel(ctx), now, since))) throw tooSoon((await repo.findBoardSettings(tx, boardId)).reminderSentAt);
      await recordAuditPerPerson(
        tx,
        ctx,
        { action: 'check-reminder.sent-by-board', via, subjectOrganisation: { kind: 'bestuur', id: boardId }, after: { persons: personIds.length } },
        personIds,
      );
    },
  );
  await deps.mailer.deliver(deps.db, reminded.mailIds);
  return { persons: reminded.personIds.length };
}
