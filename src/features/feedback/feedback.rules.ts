import { message, type Message } from '../../platform/i18n.ts';

/**
 * The feedback's rules (decision 030), pure: what a form answer must be, when an invitation is due,
 * what a topic's name may be, and the backlog's period.
 */

export type FieldProblem = { field: string; message: Message };
export type Checked<T> = { ok: true; facts: T } | { ok: false; problems: FieldProblem[] };

// ─── the form ────────────────────────────────────────────────────────────────────────────────────

export const ratings = ['1', '2', '3', '4', '5'] as const;
/** The open questions, by field name; each at most `answerMax` characters. */
export const openQuestions = ['waardevol', 'beter', 'overig'] as const;
export type OpenQuestion = (typeof openQuestions)[number];
export const answerMax = 2000;

export type AnswerForm = { cijfer: string; waardevol: string; beter: string; overig: string };
export type AnswerFacts = { rating: number; valuable: string; improve: string; other: string };

/** A rating from 1 to 5 is required; the open answers are optional, each at most 2,000 characters. */
export function checkAnswer(form: AnswerForm): Checked<AnswerFacts> {
  const problems: FieldProblem[] = [];
  const rating = form.cijfer.trim();
  if (!(ratings as readonly string[]).includes(rating)) {
    problems.push({ field: 'cijfer', message: message(rating === '' ? 'feedback.form.error.ratingMissing' : 'feedback.form.error.ratingRange') });
  }
  for (const field of openQuestions) {
    if (form[field].length > answerMax) {
      problems.push({ field, message: message('feedback.form.error.tooLong', { max: '2.000', length: form[field].length }) });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, facts: { rating: Number(rating), valuable: form.waardevol.trim(), improve: form.beter.trim(), other: form.overig.trim() } };
}

// ─── the invitation ──────────────────────────────────────────────────────────────────────────────

/** Invitations go once the event has been over for two hours (time for staff to mark who came), and for at most 14 days after. */
export const inviteAfterHours = 2;
export const inviteWithinDays = 14;
/** A link works for 30 days. */
export const linkDays = 30;

export function invitationWindow(now: Date): { from: Date; until: Date } {
  return { from: new Date(now.getTime() - inviteWithinDays * 86_400_000), until: new Date(now.getTime() - inviteAfterHours * 3_600_000) };
}

/** Who is invited: those marked present; when nobody was marked, everyone with a place. */
export function invitees<R extends { present: boolean }>(withPlace: readonly R[]): R[] {
  const present = withPlace.filter((r) => r.present);
  return present.length > 0 ? present : [...withPlace];
}

// ─── topics ──────────────────────────────────────────────────────────────────────────────────────

export const topicMax = 80;

export function checkTopicName(name: string, field = 'naam'): Checked<string> {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return { ok: false, problems: [{ field, message: message('feedback.topics.error.nameMissing') }] };
  if (trimmed.length > topicMax) return { ok: false, problems: [{ field, message: message('feedback.topics.error.nameTooLong', { max: topicMax }) }] };
  return { ok: true, facts: trimmed };
}

// ─── the backlog ─────────────────────────────────────────────────────────────────────────────────

export const periods = ['3', '6', '12', 'alles'] as const;
export type Period = (typeof periods)[number];
export const defaultPeriod: Period = '12';

/** The first day of the period's first month (YYYY-MM-DD), counting this month as one; null for all time. */
export function periodStart(period: Period, today: string): string | null {
  if (period === 'alles') return null;
  const [y, m] = today.split('-').map(Number);
  const index = y * 12 + (m - 1) - (Number(period) - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

export type BacklogQuery = { soort: string; periode: string; onderwerp: string };
export type BacklogFilter = { kind: string | null; period: Period; topic: string | null };

/** The backlog's filters as typed: a kind of those known (or all), a period of the list, a topic id or `geen` (untagged). */
export function checkBacklogQuery(query: BacklogQuery, kinds: readonly string[]): Checked<BacklogFilter> {
  const problems: FieldProblem[] = [];
  const kind = query.soort.trim();
  if (kind !== '' && !kinds.includes(kind)) problems.push({ field: 'soort', message: message('feedback.backlog.error.kind') });
  const period = query.periode.trim() || defaultPeriod;
  if (!(periods as readonly string[]).includes(period)) problems.push({ field: 'periode', message: message('feedback.backlog.error.period') });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, facts: { kind: kind || null, period: period as Period, topic: query.onderwerp.trim() || null } };
}
