import { message, type Message } from '../../platform/i18n.ts';

/**
 * The record loop's mail rules (decision 021): how a board hears of disputes, when a professional who
 * has not checked a delivery is reminded, and the brakes that keep reminders from becoming spam.
 */

/** How the board's staff hear of a new dispute: one overview a day (the default), or a mail for each at once. */
export const disputeMailModes = ['dagelijks', 'direct'] as const;
export type DisputeMailMode = (typeof disputeMailModes)[number];

export const isDisputeMailMode = (value: unknown): value is DisputeMailMode => disputeMailModes.includes(value as DisputeMailMode);

/** The kinds of mail to a professional about their record; the first two come once per employment and delivery. */
export const noticeKinds = ['herinnering-1', 'herinnering-2', 'herinnering-bestuur', 'antwoord', 'correctie'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** A school leader's functions: their reminder intervals are the Schoolleidersregister PO's, everyone else's the Lerarenregister's. */
export const schoolLeaderFunctions = ['SCHOOLLEIDER', 'ADJUNCT_DIRECTEUR'] as const;

/** The register whose reminder settings apply to an employment in this function (a code of the file format). */
export function registerCodeOfFunction(functionCode: string): 'schoolleidersregister-po' | 'lerarenregister' {
  return (schoolLeaderFunctions as readonly string[]).includes(functionCode) ? 'schoolleidersregister-po' : 'lerarenregister';
}

/** When no register row says otherwise: two weeks, then six weeks after the delivery. */
export const defaultReminderDays = { first: 14, second: 42 } as const;

/**
 * Nobody gets two reminders within a week: not two automatic ones (a second employment due a few days
 * after the first waits), and not one by hand right after another. A reminder that has to wait is sent
 * later, never dropped.
 */
export const reminderCoolOffDays = 7;

/** A board sends the reminder by hand at most once in this many hours. */
export const boardReminderGapHours = 24;

/** The settings form's two numbers of days, or what is wrong with them. */
export function checkReminderDays(
  first: string,
  second: string,
): { ok: true; first: number; second: number } | { ok: false; problems: { field: 'eersteHerinnering' | 'tweedeHerinnering'; message: Message }[] } {
  const days = (raw: string) => (/^\d{1,3}$/.test(raw.trim()) ? Number.parseInt(raw.trim(), 10) : Number.NaN);
  const [a, b] = [days(first), days(second)];
  const problems: { field: 'eersteHerinnering' | 'tweedeHerinnering'; message: Message }[] = [];
  const range = message('register.error.reminderDaysRange', { min: '1', max: '365' });
  if (!(a >= 1 && a <= 365)) problems.push({ field: 'eersteHerinnering', message: range });
  if (!(b >= 1 && b <= 365)) problems.push({ field: 'tweedeHerinnering', message: range });
  else if (a >= 1 && a <= 365 && b <= a + reminderCoolOffDays) {
    problems.push({ field: 'tweedeHerinnering', message: message('register.error.reminderDaysOrder', { min: String(a + reminderCoolOffDays + 1) }) });
  }
  return problems.length ? { ok: false, problems } : { ok: true, first: a, second: b };
}

/** When a board may send the reminder by hand again, after sending it at `sentAt`. */
export const nextBoardReminderAt = (sentAt: Date) => new Date(sentAt.getTime() + boardReminderGapHours * 3600_000);
