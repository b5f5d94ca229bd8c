import { parseDate } from '../../platform/dates/calendar.ts';
import { message, type Message } from '../../platform/i18n.ts';
import { checkComment, commentLimits } from './approval.rules.ts';
import { postponementGrounds, reasonAgainstPostponementDate, type PostponementGround } from './reregistration.rules.ts';

/** The forms of herregistratie and uitstel as posted, and their checks: every problem at its field, as a text key. */

export type Problem<F extends string> = { field: F; message: Message };
type Checked<T, F extends string> = { ok: true; value: T } | { ok: false; problems: Problem<F>[] };

export type RenewalForm = { motivering: string; bevestigd: string };

/** Asking for herregistratie: an optional explanation, and the confirmation that the dossier is complete and true. */
export function checkRenewalForm(form: RenewalForm): Checked<{ motivation: string }, keyof RenewalForm> {
  const problems: Problem<keyof RenewalForm>[] = [];
  const motivation = form.motivering.trim();
  if (motivation.length > commentLimits.max)
    problems.push({ field: 'motivering', message: message('register.error.tooLong', { max: String(commentLimits.max), length: String(motivation.length) }) });
  if (form.bevestigd !== 'ja') problems.push({ field: 'bevestigd', message: message('register.error.confirmDossier') });
  return problems.length ? { ok: false, problems } : { ok: true, value: { motivation } };
}

export type PostponementForm = { grond: string; toelichting: string; tot: string };
export type PostponementRequest = { ground: PostponementGround; explanation: string; requestedUntil: string };

/** Asking for uitstel: a ground, an explanation, and until when (after the end of the period, at most twelve months after it). */
export function checkPostponementRequest(form: PostponementForm, until: string, today: string): Checked<PostponementRequest, keyof PostponementForm> {
  const problems: Problem<keyof PostponementForm>[] = [];
  const ground = (postponementGrounds as readonly string[]).includes(form.grond) ? (form.grond as PostponementGround) : null;
  if (!ground) problems.push({ field: 'grond', message: message('register.error.chooseGround') });
  const explanation = checkComment(form.toelichting, 'toelichting');
  if (!explanation.ok) {
    const empty = form.toelichting.trim() === '';
    problems.push({ field: 'toelichting', message: empty ? message('register.error.explainPostponement') : explanation.message });
  }
  const date = parseDate(form.tot.trim());
  const dateProblem = date ? reasonAgainstPostponementDate(date, until, today) : message('register.error.dateFormat');
  if (dateProblem) problems.push({ field: 'tot', message: dateProblem });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { ground: ground!, explanation: (explanation as { text: string }).text, requestedUntil: date! } };
}

export type PostponementDecisionForm = { besluit: string; tot: string; motivering: string };
export type PostponementDecision = { status: 'toegekend' | 'afgewezen'; grantedUntil: string | null; motivation: string };

/** The commission's decision: granted until a date (within the same limits), or refused; always with a motivation. */
export function checkPostponementDecision(
  form: PostponementDecisionForm,
  until: string,
  today: string,
): Checked<PostponementDecision, keyof PostponementDecisionForm> {
  const problems: Problem<keyof PostponementDecisionForm>[] = [];
  const grant = form.besluit === 'toekennen';
  if (!grant && form.besluit !== 'afwijzen') problems.push({ field: 'besluit', message: message('register.error.choosePostponementDecision') });
  let grantedUntil: string | null = null;
  if (grant) {
    grantedUntil = parseDate(form.tot.trim());
    const dateProblem = grantedUntil ? reasonAgainstPostponementDate(grantedUntil, until, today, 'theirs') : message('register.error.dateFormat');
    if (dateProblem) problems.push({ field: 'tot', message: dateProblem });
  }
  const motivation = checkComment(form.motivering, 'antwoord');
  if (!motivation.ok) problems.push({ field: 'motivering', message: message('register.error.motivateDecision') });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { status: grant ? 'toegekend' : 'afgewezen', grantedUntil, motivation: (motivation as { text: string }).text } };
}
