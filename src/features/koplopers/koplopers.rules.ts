import type { EstimateActivity, EstimateModel, StoredEstimate } from '../../db/schema/koplopers.ts';
import { message, type Message } from '../../platform/i18n.ts';
import { codeOf } from '../../lib/code-of.ts';

export type { EstimateActivity, EstimateModel, StoredEstimate };

// ─── the pipeline ───────────────────────────────────────────────────────────────────────────────

/** Seed 000's six steps: 1 aangemeld, 2 intake, 3 bezoek gepland, 4 gegevens aangeleverd, 5 bijeenkomst en goedkeuren, 6 voltooid. */
export const pipelineSteps = [1, 2, 3, 4, 5, 6] as const;
export type PipelineStep = (typeof pipelineSteps)[number];
export const isPipelineStep = (n: number): n is PipelineStep => Number.isInteger(n) && n >= 1 && n <= 6;

export const deliveryMethods = ['invoerscherm', 'bestand', 'koppeling'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];
export const isDeliveryMethod = (value: string): value is DeliveryMethod => (deliveryMethods as readonly string[]).includes(value);

/** The share of a school's delivered employments its staff approved, in whole percent rounded down (89.9% is not 90%); null when nothing was delivered. */
export function approvalPercent(approved: number, delivered: number): number | null {
  if (delivered <= 0) return null;
  return Math.floor((Math.min(approved, delivered) * 100) / delivered);
}

/** Step 6 ("registratie voltooid") is offered once the approval share reaches the threshold register staff set. */
export function mayComplete(figures: { approved: number; delivered: number } | null, thresholdPercent: number): boolean {
  if (!figures) return false;
  const percent = approvalPercent(figures.approved, figures.delivered);
  return percent !== null && percent >= thresholdPercent;
}

/**
 * Whether register staff may move a koploper from one step to another: any step but the one it is in, and
 * to step 6 only when the approval share reaches the threshold. A message says why not.
 */
export function checkMove(from: PipelineStep, to: number, completable: boolean): { ok: true; to: PipelineStep } | { ok: false; message: Message } {
  if (!isPipelineStep(to)) return { ok: false, message: message('koplopers.error.stepUnknown') };
  if (to === from) return { ok: false, message: message('koplopers.error.stepSame') };
  if (to === 6 && !completable) return { ok: false, message: message('koplopers.error.stepNotYetComplete') };
  return { ok: true, to };
}

/** A threshold as typed: a whole percentage from 1 to 100. */
export function checkThreshold(text: string): { ok: true; percent: number } | { ok: false; message: Message } {
  const typed = text.trim().replace(/%$/, '').trim();
  if (!/^\d{1,3}$/.test(typed)) return { ok: false, message: message('koplopers.error.thresholdNumber') };
  const percent = Number(typed);
  if (percent < 1 || percent > 100) return { ok: false, message: message('koplopers.error.thresholdNumber') };
  return { ok: true, percent };
}

// ─── the estimate ───────────────────────────────────────────────────────────────────────────────

/** What the estimate depends on (seed 000's four factors). */
export type EstimateInput = { teachers: number; deliveryMethod: DeliveryMethod; grondslagenMapped: boolean; activities: readonly string[] };

/** Hours are kept in tenths while adding, so 1.5 + 1.5 + … never drifts. */
const tenths = (hours: number) => Math.round(hours * 10);

/**
 * The effort estimate: a line per factor that applies and the total, in hours. Teachers count per started
 * ten (1–10 teachers is one group, 11 is two). Activities the model does not know are left out.
 */
export function estimateEffort(model: EstimateModel, input: EstimateInput): StoredEstimate {
  const lines: StoredEstimate['lines'] = [];
  lines.push({ factor: 'base', hours: model.baseHours });
  const groups = Math.ceil(Math.max(0, input.teachers) / 10);
  lines.push({ factor: 'teachers', hours: (groups * tenths(model.perTenTeachersHours)) / 10, params: { teachers: input.teachers, groups } });
  lines.push({ factor: 'delivery', hours: model.deliveryHours[input.deliveryMethod], params: { method: input.deliveryMethod } });
  if (!input.grondslagenMapped) lines.push({ factor: 'grondslagen', hours: model.grondslagenNotMappedHours });
  for (const activity of model.activities) {
    if (input.activities.includes(activity.code)) {
      lines.push({ factor: 'activity', hours: activity.hours, params: { code: activity.code, name: activity.name, nameEn: activity.nameEn } });
    }
  }
  const totalTenths = lines.reduce((sum, line) => sum + tenths(line.hours), 0);
  return { lines, totalHours: totalTenths / 10 };
}

/** Hours as people write them: "1,5" or "1.5", zero to 200, at most one decimal. */
export function parseHours(text: string): number | null {
  const typed = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d)?$/.test(typed)) return null;
  const hours = Number(typed);
  return hours <= 200 ? hours : null;
}

/** Hours as shown in a form: "1,5" in Dutch, "1.5" in English. */
export const hoursText = (hours: number, lang: 'nl' | 'en' = 'nl') => (lang === 'nl' ? String(hours).replace('.', ',') : String(hours));

export const estimateLimits = { activities: 15, name: 80 };

/** The activities as staff write them: one a line, "Naam | Name in English | uren". */
export function activitiesToText(activities: EstimateActivity[], lang: 'nl' | 'en' = 'nl'): string {
  return activities.map((a) => `${a.name} | ${a.nameEn} | ${hoursText(a.hours, lang)}`).join('\n');
}

/** The activities of the model from their text, or a message about the first line that is wrong. None is allowed. */
export function parseActivities(text: string): EstimateActivity[] | Message {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > estimateLimits.activities) return message('koplopers.error.activitiesTooMany', { max: estimateLimits.activities });
  const activities: EstimateActivity[] = [];
  const seen = new Map<string, number>();
  for (const [i, line] of lines.entries()) {
    const number = String(i + 1);
    const parts = line.split('|').map((p) => p.trim().replace(/\s+/g, ' '));
    if (parts.length !== 3) return message('koplopers.error.activityShape', { line: number });
    const [name, nameEn, hoursTyped] = parts;
    const code = codeOf(name);
    if (name.length < 2 || !code || nameEn.length < 2) return message('koplopers.error.activityName', { line: number });
    if (name.length > estimateLimits.name || nameEn.length > estimateLimits.name)
      return message('koplopers.error.activityNameLong', { line: number, max: estimateLimits.name });
    const hours = parseHours(hoursTyped);
    if (hours === null) return message('koplopers.error.activityHours', { line: number });
    const earlier = seen.get(code);
    if (earlier !== undefined) return message('koplopers.error.activityDuplicate', { line: number, earlier: String(earlier + 1) });
    seen.set(code, i);
    activities.push({ code, name, nameEn, hours });
  }
  return activities;
}

/** The form register staff fill in for a new version of the estimate model, as typed. */
export type EstimateModelForm = {
  basis: string;
  perTienLeraren: string;
  invoerscherm: string;
  bestand: string;
  koppeling: string;
  grondslagen: string;
  activiteiten: string;
  toelichting: string;
};

export type FieldProblem<F extends string = string> = { field: F; message: Message };

/** The model's numbers as a filled-in form (the next version starts from the current one). */
export function modelToForm(model: EstimateModel, lang: 'nl' | 'en' = 'nl'): EstimateModelForm {
  const h = (hours: number) => hoursText(hours, lang);
  return {
    basis: h(model.baseHours),
    perTienLeraren: h(model.perTenTeachersHours),
    invoerscherm: h(model.deliveryHours.invoerscherm),
    bestand: h(model.deliveryHours.bestand),
    koppeling: h(model.deliveryHours.koppeling),
    grondslagen: h(model.grondslagenNotMappedHours),
    activiteiten: activitiesToText(model.activities, lang),
    toelichting: '',
  };
}

/**
 * Checks a new version of the estimate model; every problem at its field. With `current`, a version that
 * changes nothing is refused: a new version must say something new.
 */
export function checkEstimateModel(
  form: EstimateModelForm,
  current?: EstimateModel,
): { ok: true; model: EstimateModel; note: string } | { ok: false; problems: FieldProblem<keyof EstimateModelForm>[] } {
  const problems: FieldProblem<keyof EstimateModelForm>[] = [];
  const hoursOf = (field: Exclude<keyof EstimateModelForm, 'activiteiten' | 'toelichting'>) => {
    const hours = parseHours(form[field]);
    if (hours === null) problems.push({ field, message: message('koplopers.error.hours') });
    return hours ?? 0;
  };
  const baseHours = hoursOf('basis');
  const perTenTeachersHours = hoursOf('perTienLeraren');
  const deliveryHours = { invoerscherm: hoursOf('invoerscherm'), bestand: hoursOf('bestand'), koppeling: hoursOf('koppeling') };
  const grondslagenNotMappedHours = hoursOf('grondslagen');
  const activities = parseActivities(form.activiteiten);
  if (!Array.isArray(activities)) problems.push({ field: 'activiteiten', message: activities });
  const note = form.toelichting.trim();
  if (note.length < 5) problems.push({ field: 'toelichting', message: message('koplopers.error.noteShort') });
  if (note.length > 1000) problems.push({ field: 'toelichting', message: message('koplopers.error.noteLong', { max: 1000 }) });
  if (problems.length > 0 || !Array.isArray(activities)) return { ok: false, problems };
  const model: EstimateModel = { baseHours, perTenTeachersHours, deliveryHours, grondslagenNotMappedHours, activities };
  if (current && JSON.stringify(model) === JSON.stringify(current)) {
    return { ok: false, problems: [{ field: 'basis', message: message('koplopers.error.sameAsCurrent') }] };
  }
  return { ok: true, model, note };
}

// ─── the application ────────────────────────────────────────────────────────────────────────────

/** The application form as typed (the school is looked up by the service: it needs the directory). */
export type ApplicationForm = {
  school: string;
  zoekSchool: string;
  naam: string;
  email: string;
  telefoon: string;
  leraren: string;
  aanlevering: string;
  leverancier: string;
  grondslagen: string;
  activiteiten: string[];
};

export type ApplicationAnswers = {
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  teachers: number;
  deliveryMethod: DeliveryMethod;
  supplierId: string | null;
  grondslagenMapped: boolean;
  activities: string[];
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/**
 * The answers other than the school: each problem at its field. `suppliers` are the ids on offer now,
 * `activities` the codes of the current estimate model.
 */
export function checkApplicationAnswers(
  form: ApplicationForm,
  offer: { suppliers: readonly string[]; activities: readonly string[] },
): { ok: true; answers: ApplicationAnswers } | { ok: false; problems: FieldProblem<keyof ApplicationForm>[] } {
  const problems: FieldProblem<keyof ApplicationForm>[] = [];
  const contactName = form.naam.trim().replace(/\s+/g, ' ');
  if (contactName.length < 2) problems.push({ field: 'naam', message: message('koplopers.error.nameMissing') });
  else if (contactName.length > 100) problems.push({ field: 'naam', message: message('koplopers.error.nameLong', { max: 100 }) });
  const contactEmail = form.email.trim().toLowerCase();
  if (!emailPattern.test(contactEmail) || contactEmail.length > 200) problems.push({ field: 'email', message: message('koplopers.error.email') });
  const phone = form.telefoon.trim();
  if (phone && !/^\+?[0-9 ()-]{10,20}$/.test(phone)) problems.push({ field: 'telefoon', message: message('koplopers.error.phone') });
  const teachersTyped = form.leraren.trim();
  const teachers = /^\d{1,5}$/.test(teachersTyped) ? Number(teachersTyped) : NaN;
  if (!(teachers >= 1 && teachers <= 2000)) problems.push({ field: 'leraren', message: message('koplopers.error.teachers') });
  const method = form.aanlevering;
  if (!isDeliveryMethod(method)) problems.push({ field: 'aanlevering', message: message('koplopers.error.deliveryMethod') });
  let supplierId: string | null = null;
  if (method === 'koppeling') {
    if (!offer.suppliers.includes(form.leverancier)) problems.push({ field: 'leverancier', message: message('koplopers.error.supplier') });
    else supplierId = form.leverancier;
  }
  if (form.grondslagen !== 'ja' && form.grondslagen !== 'nee') problems.push({ field: 'grondslagen', message: message('koplopers.error.grondslagen') });
  const unknown = form.activiteiten.filter((a) => !offer.activities.includes(a));
  if (unknown.length > 0) problems.push({ field: 'activiteiten', message: message('koplopers.error.activityUnknown') });
  if (problems.length > 0 || !isDeliveryMethod(method)) return { ok: false, problems };
  return {
    ok: true,
    answers: {
      contactName,
      contactEmail,
      contactPhone: phone || null,
      teachers,
      deliveryMethod: method,
      supplierId,
      grondslagenMapped: form.grondslagen === 'ja',
      activities: offer.activities.filter((a) => form.activiteiten.includes(a)),
    },
  };
}

/** A directory code typed in the school field: a BRIN (4 characters) or a vestigingscode (BRIN and 2 digits). */
export function directoryCodeOf(text: string): string | null {
  const typed = text.trim().toUpperCase().replace(/\s+/g, '');
  return /^\d{2}[A-Z0-9]{2}(\d{2})?$/.test(typed) ? typed : null;
}
