import { parseDate } from '../../platform/dates/calendar.ts';
import { checkComment, commentLimits } from './approval.rules.ts';
import { postponementGrounds, reasonAgainstPostponementDate, type PostponementGround } from './reregistration.rules.ts';

/** The forms of herregistratie and uitstel as posted, and their checks: every problem at its field, in Dutch. */

export type Problem<F extends string> = { field: F; message: string };
type Checked<T, F extends string> = { ok: true; value: T } | { ok: false; problems: Problem<F>[] };

export type RenewalForm = { motivering: string; bevestigd: string };

/** Asking for herregistratie: an optional explanation, and the confirmation that the dossier is complete and true. */
export function checkRenewalForm(form: RenewalForm): Checked<{ motivation: string }, keyof RenewalForm> {
  const problems: Problem<keyof RenewalForm>[] = [];
  const motivation = form.motivering.trim();
  if (motivation.length > commentLimits.max) problems.push({ field: 'motivering', message: `Ten hoogste ${commentLimits.max} tekens; u schreef er ${motivation.length}.` });
  if (form.bevestigd !== 'ja') problems.push({ field: 'bevestigd', message: 'Bevestig dat uw dossier volledig en naar waarheid is ingevuld.' });
  return problems.length ? { ok: false, problems } : { ok: true, value: { motivation } };
}

export type PostponementForm = { grond: string; toelichting: string; tot: string };
export type PostponementRequest = { ground: PostponementGround; explanation: string; requestedUntil: string };

/** Asking for uitstel: a ground, an explanation, and until when (after the end of the period, at most twelve months after it). */
export function checkPostponementRequest(form: PostponementForm, until: string, today: string): Checked<PostponementRequest, keyof PostponementForm> {
  const problems: Problem<keyof PostponementForm>[] = [];
  const ground = (postponementGrounds as readonly string[]).includes(form.grond) ? (form.grond as PostponementGround) : null;
  if (!ground) problems.push({ field: 'grond', message: 'Kies de reden voor uitstel.' });
  const explanation = checkComment(form.toelichting, 'toelichting');
  if (!explanation.ok) {
    const empty = form.toelichting.trim() === '';
    problems.push({ field: 'toelichting', message: empty ? 'Licht uw verzoek om uitstel toe.' : explanation.message });
  }
  const date = parseDate(form.tot.trim());
  const dateProblem = date ? reasonAgainstPostponementDate(date, until, today) : 'Geef de datum als JJJJ-MM-DD of DD-MM-JJJJ.';
  if (dateProblem) problems.push({ field: 'tot', message: dateProblem });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { ground: ground!, explanation: (explanation as { text: string }).text, requestedUntil: date! } };
}

export type PostponementDecisionForm = { besluit: string; tot: string; motivering: string };
export type PostponementDecision = { status: 'toegekend' | 'afgewezen'; grantedUntil: string | null; motivation: string };

/** The commission's decision: granted until a date (within the same limits), or refused; always with a motivation. */
export function checkPostponementDecision(form: PostponementDecisionForm, until: string, today: string): Checked<PostponementDecision, keyof PostponementDecisionForm> {
  const problems: Problem<keyof PostponementDecisionForm>[] = [];
  const grant = form.besluit === 'toekennen';
  if (!grant && form.besluit !== 'afwijzen') problems.push({ field: 'besluit', message: 'Kies: uitstel toekennen of afwijzen.' });
  let grantedUntil: string | null = null;
  if (grant) {
    grantedUntil = parseDate(form.tot.trim());
    const dateProblem = grantedUntil ? reasonAgainstPostponementDate(grantedUntil, until, today) : 'Geef de datum als JJJJ-MM-DD of DD-MM-JJJJ.';
    if (dateProblem) problems.push({ field: 'tot', message: dateProblem.replace('uw registratie', 'de registratie') });
  }
  const motivation = checkComment(form.motivering, 'antwoord');
  if (!motivation.ok) problems.push({ field: 'motivering', message: 'Motiveer het besluit (ten minste 5 tekens).' });
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { status: grant ? 'toegekend' : 'afgewezen', grantedUntil, motivation: (motivation as { text: string }).text } };
}
