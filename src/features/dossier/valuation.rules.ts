import { message, type Message, type MessageKey } from '../../platform/i18n.ts';

/**
 * Achteraf waarderen: a professional asks for an own activity to be valued afterwards; two assessors
 * of the Commissie Accreditatie each give points with a motivation; the activity then carries the
 * rounded mean. Pure rules, no I/O.
 */

export type ValuationStatus = 'aangevraagd' | 'gewaardeerd' | 'ingetrokken';

/** An activity is worth 10 to 100 points (domain.md section 3), in whole points. */
export const valuationPoints = { min: 10, max: 100 } as const;

/** How many assessors value one request, each a different one. */
export const assessorsPerRequest = 2;

/** Two valuations further apart than this are flagged on the page; the mean still counts. */
export const largeDifference = 30;

export const valuationLimits = { explanation: 2000, motivation: 2000 };

/** A refusal is a text key with its parameters: the page says it in the reader's language. */
type Checked<T> = { ok: true; value: T } | { ok: false; message: Message };

/** Points as an assessor typed them: a whole number from 10 to 100. */
export function checkPoints(text: string): Checked<number> {
  const trimmed = text.trim();
  const points = /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isInteger(points) || points < valuationPoints.min || points > valuationPoints.max) {
    return { ok: false, message: message('valuation.error.points', { min: String(valuationPoints.min), max: String(valuationPoints.max) }) };
  }
  return { ok: true, value: points };
}

/** `tooShort`: the text asking for it, with `{min}`. Numbers go in as text, so that the Dutch reads "2000" (not "2.000"). */
function checkText(text: string, min: number, max: number, tooShort: MessageKey): Checked<string> {
  const trimmed = text.trim();
  if (trimmed.length < min) return { ok: false, message: message(tooShort, { min: String(min) }) };
  if (trimmed.length > max) return { ok: false, message: message('valuation.error.tooLong', { max: String(max), length: String(trimmed.length) }) };
  return { ok: true, value: trimmed };
}

/** The assessor's motivation: why these points. */
export const checkMotivation = (text: string) => checkText(text, 5, valuationLimits.motivation, 'valuation.error.motivationTooShort');

/** The professional's explanation: why the activity should count. */
export const checkExplanation = (text: string) => checkText(text, 10, valuationLimits.explanation, 'valuation.error.explanationTooShort');

/** The points the activity gets from its valuations: the mean, rounded half up (45 and 50 make 48). */
export function combinedPoints(points: readonly number[]): number {
  if (points.length === 0) throw new Error('no valuations to combine');
  return Math.round(points.reduce((sum, p) => sum + p, 0) / points.length);
}

/** Whether the valuations are further apart than `largeDifference`: the page says so; the mean still counts. */
export function differLargely(points: readonly number[]): boolean {
  return points.length > 1 && Math.max(...points) - Math.min(...points) > largeDifference;
}

/** Whether the professional may ask for this activity to be valued afterwards. */
export function mayRequestValuation(activity: { source: string; points: number | null }, openRequest: boolean): { ok: true } | { ok: false; message: Message } {
  if (activity.source !== 'eigen') return { ok: false, message: message('valuation.error.fromOffering') };
  if (activity.points !== null) return { ok: false, message: message('valuation.error.alreadyValued') };
  if (openRequest) return { ok: false, message: message('valuation.error.alreadyRequested') };
  return { ok: true };
}

export type AssessmentRef = { assessorAccountId: string; points: number };

/**
 * Whether this assessor may value this request: it is open, it is not their own activity, they have
 * not valued it yet, and it has fewer than two valuations.
 */
export function mayAssess(
  request: { status: ValuationStatus; professionalAccountId: string | null },
  assessorAccountId: string,
  assessments: readonly AssessmentRef[],
): { ok: true } | { ok: false; message: Message } {
  if (request.status === 'ingetrokken') return { ok: false, message: message('valuation.error.withdrawnByProfessional') };
  if (request.status === 'gewaardeerd' || assessments.length >= assessorsPerRequest) return { ok: false, message: message('valuation.error.twoAssessed') };
  if (request.professionalAccountId === assessorAccountId) return { ok: false, message: message('valuation.error.ownActivity') };
  if (assessments.some((a) => a.assessorAccountId === assessorAccountId)) {
    return { ok: false, message: message('valuation.error.assessedByYou') };
  }
  return { ok: true };
}

/** After an assessment: the outcome once there are two, else nothing yet. */
export function outcomeOf(points: readonly number[]): { points: number; differLargely: boolean } | null {
  if (points.length < assessorsPerRequest) return null;
  return { points: combinedPoints(points), differLargely: differLargely(points) };
}
