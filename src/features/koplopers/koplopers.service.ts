import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { actorLabel, recordAudit, type ActorContext } from '../../platform/audit/audit.ts';
import { spreadsheetLine } from '../../platform/csv/write.ts';
import { AppError } from '../../platform/errors.ts';
import { message, type Lang, type Message } from '../../platform/i18n.ts';
import { uuidPattern } from '../../platform/ids/uuid-pattern.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { requirePermission } from '../../platform/policy.ts';
import { findFirstAppliedDeliveries } from '../deliveries/index.ts';
import { findSchoolChoice, searchSchoolChoices, type SchoolChoice } from '../organisations/index.ts';
import { countSchoolApprovals, type SchoolApprovals } from '../register/index.ts';
import {
  checkApplicationAnswers,
  checkEstimateModel,
  checkMove,
  checkThreshold,
  directoryCodeOf,
  estimateEffort,
  hoursText,
  mayComplete,
  type ApplicationAnswers,
  type ApplicationForm,
  type EstimateModelForm,
  type FieldProblem,
  type PipelineStep,
  type StoredEstimate,
} from './koplopers.rules.ts';
import * as repo from './koplopers.repo.ts';

export type { EstimateVersion, EstimateVersionSummary, KoploperCard, KoploperDetail, KoploperEvent, Owner, Receipt, Supplier } from './koplopers.repo.ts';
export type { SchoolChoice };

/** A refusal with a problem per field: the page shows them in its error summary and at the fields. */
export class FieldProblems extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super('the form has problems');
  }
}

export type KoploperDeps = { db: Db; mailer: Mailer; baseUrl: string; now?: () => Date };
const nowOf = (deps: { now?: () => Date }) => deps.now?.() ?? new Date();

async function requireKoploperStaff(ctx: ActorContext) {
  return requirePermission(ctx.actor, { action: 'koplopers.manage' });
}

// ─── the application ────────────────────────────────────────────────────────────────────────────

/** What the form offers: the current estimate model's activities and the suppliers on the list. */
export async function getApplicationChoices(db: Db) {
  const [estimate, suppliers] = await Promise.all([repo.currentEstimateVersion(db), repo.listSuppliers(db, true)]);
  return { estimate, suppliers };
}
export type ApplicationChoices = Awaited<ReturnType<typeof getApplicationChoices>>;

/** The schools a search in the form finds (at most 10). */
export function findSchoolsForApplication(db: Db, text: string): Promise<SchoolChoice[]> {
  return searchSchoolChoices(db, text.slice(0, 100), 10);
}

/** The school the form names: the one chosen from the results, or a BRIN or vestigingscode typed; else a message at the field. */
async function resolveSchool(db: Db, form: ApplicationForm): Promise<SchoolChoice | Message> {
  let school: SchoolChoice | undefined;
  if (form.school) {
    school = uuidPattern.test(form.school) ? await findSchoolChoice(db, { id: form.school }) : undefined;
    if (!school) return message('koplopers.error.schoolNotInDirectory');
  } else {
    const typed = form.zoekSchool.trim();
    if (!typed) return message('koplopers.error.schoolMissing');
    const code = directoryCodeOf(typed);
    if (code) {
      school = await findSchoolChoice(db, { code });
      if (!school) return message('koplopers.error.schoolCodeNotInDirectory', { code });
    } else {
      const found = await findSchoolsForApplication(db, typed);
      if (found.length === 0) return message('koplopers.error.schoolNoneFound', { search: typed });
      return message('koplopers.error.schoolChoose');
    }
  }
  if (school.closed) return message('koplopers.error.schoolClosed', { school: `${school.name} (${school.code})` });
  const earlier = await repo.findApplicationOfSchool(db, school.schoolId);
  if (earlier) return message('koplopers.error.schoolAlreadyApplied', { date: earlier.createdAt.toISOString().slice(0, 10) });
  return school;
}

export type CheckedApplication = { school: SchoolChoice; answers: ApplicationAnswers; supplierName: string | null };

/**
 * Checks the whole application: the school (in the directory, open, not applied before) and every answer.
 * Throws FieldProblems with each problem at its field; nothing is stored.
 */
export async function checkApplication(db: Db, form: ApplicationForm): Promise<CheckedApplication> {
  const { estimate, suppliers } = await getApplicationChoices(db);
  const school = await resolveSchool(db, form);
  const checked = checkApplicationAnswers(form, { suppliers: suppliers.map((s) => s.id), activities: estimate.model.activities.map((a) => a.code) });
  const problems: FieldProblem[] = [];
  if ('key' in school) problems.push({ field: 'zoekSchool', message: school });
  if (!checked.ok) problems.push(...checked.problems);
  if (problems.length > 0 || !checked.ok || 'key' in school) throw new FieldProblems(problems);
  const supplierName = suppliers.find((s) => s.id === checked.answers.supplierId)?.name ?? null;
  return { school, answers: checked.answers, supplierName };
}

/** A reference as the check page hands it on: 32 characters of base64url, random. */
export const newReference = () => randomBytes(24).toString('base64url');
export const isReference = (value: string) => /^[A-Za-z0-9_-]{32}$/.test(value);

/** The estimate's lines as mail text: "- Basis: 4 uur". */
function estimateLinesText(estimate: StoredEstimate, lang: Lang): string {
  const label = (line: StoredEstimate['lines'][number]) => {
    const p = line.params ?? {};
    if (line.factor === 'activity') return String(lang === 'en' ? p.nameEn : p.name);
    if (line.factor === 'teachers') return lang === 'en' ? `${p.teachers} teachers (${p.groups} × 10)` : `${p.teachers} leraren (${p.groups} × 10)`;
    if (line.factor === 'delivery') {
      const names = {
        nl: { invoerscherm: 'Aanleveren via het invoerscherm', bestand: 'Aanleveren met een bestand', koppeling: 'Aanleveren via de softwareleverancier' },
        en: { invoerscherm: 'Delivery through the entry screen', bestand: 'Delivery by file', koppeling: "Delivery through the software supplier's link" },
      } as const;
      return names[lang][p.method as keyof (typeof names)['nl']] ?? String(p.method);
    }
    const names = {
      nl: { base: 'Basis (intake, bezoek, begeleiding)', grondslagen: 'Benoemingsgrondslagen in kaart brengen' },
      en: { base: 'Base (intake, visit, guidance)', grondslagen: 'Mapping the benoemingsgrondslagen' },
    } as const;
    return names[lang][line.factor as keyof (typeof names)['nl']] ?? line.factor;
  };
  return estimate.lines.map((l) => `- ${label(l)}: ${hoursText(l.hours, lang)} ${lang === 'en' ? 'hours' : 'uur'}`).join('\n');
}

/**
 * The school applies as koploper: checked again as a whole, estimated with the current model version, stored
 * with its first timeline line, audited, and the estimate mailed to the contact person; all in one
 * transaction. Sent twice (a double click, a reload), the same reference finds the application already made.
 */
export async function submitApplication(
  deps: KoploperDeps,
  ctx: ActorContext,
  form: ApplicationForm,
  reference: string,
  lang: Lang,
): Promise<{ reference: string; repeated: boolean }> {
  if (!isReference(reference)) throw new AppError('bad_request', message('koplopers.error.referenceInvalid'));
  if (await repo.findReceipt(deps.db, reference)) return { reference, repeated: true };
  const checked = await checkApplication(deps.db, form);
  const { school, answers } = checked;
  const now = nowOf(deps);
  const version = await repo.currentEstimateVersion(deps.db);
  const estimate = estimateEffort(version.model, answers);
  const mailIds = await inTransaction(deps.db, async (tx) => {
    const id = await repo.insertKoploper(
      tx,
      {
        reference,
        boardId: school.boardId,
        schoolId: school.schoolId,
        locationId: school.kind === 'vestiging' ? school.id : null,
        schoolName: school.name,
        ...answers,
        estimateVersion: version.version,
        estimate,
        lang,
      },
      now,
    );
    if (id === null) {
      // the school applied in the meantime (or the reference was used): nothing stored
      throw new FieldProblems([{ field: 'zoekSchool', message: message('koplopers.error.schoolAlreadyApplied', { date: now.toISOString().slice(0, 10) }) }]);
    }
    await repo.insertEvent(
      tx,
      id,
      {
        kind: 'aangemeld',
        fromStep: null,
        toStep: 1,
        detail: { estimateVersion: version.version, totalHours: estimate.totalHours },
        note: null,
        byLabel: answers.contactName,
        byAccountId: null,
      },
      now,
    );
    await recordAudit(tx, ctx, {
      action: 'koploper.applied',
      subjectOrganisation: { kind: 'bestuur', id: school.boardId },
      after: {
        koploper: id,
        school: school.code,
        teachers: answers.teachers,
        deliveryMethod: answers.deliveryMethod,
        grondslagenMapped: answers.grondslagenMapped,
        activities: answers.activities,
        estimateVersion: version.version,
        totalHours: estimate.totalHours,
      },
    });
    const mailId = await deps.mailer.queue(tx, {
      to: answers.contactEmail,
      template: 'koploper-estimate',
      lang,
      params: {
        name: answers.contactName,
        school: school.name,
        board: school.boardName ?? school.boardNumber,
        version: String(version.version),
        lines: estimateLinesText(estimate, lang),
        total: hoursText(estimate.totalHours, lang),
        link: `${deps.baseUrl}/koplopers/aanmelding/${reference}`,
      },
    });
    return [mailId];
  });
  await deps.mailer.deliver(deps.db, mailIds);
  return { reference, repeated: false };
}

/** The applicant's receipt: the school and its estimate with the model version; unknown references are "not found". */
export async function getReceipt(db: Db, reference: string) {
  const receipt = isReference(reference) ? await repo.findReceipt(db, reference) : undefined;
  if (!receipt) throw AppError.notFound(message('koplopers.error.receiptNotFound'));
  return receipt;
}

// ─── the estimate model ─────────────────────────────────────────────────────────────────────────

export async function getEstimateModelForStaff(db: Db, ctx: ActorContext) {
  await requireKoploperStaff(ctx);
  const [current, versions] = await Promise.all([repo.currentEstimateVersion(db), repo.listEstimateVersions(db)]);
  return { current, versions };
}

export async function getEstimateVersion(db: Db, ctx: ActorContext, version: string) {
  await requireKoploperStaff(ctx);
  const number = /^\d{1,6}$/.test(version) ? Number(version) : NaN;
  const found = Number.isInteger(number) ? await repo.findEstimateVersion(db, number) : undefined;
  if (!found) throw AppError.notFound(message('koplopers.error.versionNotFound'));
  return { version: found, current: (await repo.currentEstimateVersion(db)).version };
}

/**
 * Register staff make a new version of the estimate model with a note; an old version never changes, and an
 * application keeps the version it was estimated with. `basedOn` is the version the form showed.
 */
export async function addEstimateVersion(db: Db, ctx: ActorContext, basedOn: number, form: EstimateModelForm): Promise<number> {
  const via = await requireKoploperStaff(ctx);
  const current = await repo.currentEstimateVersion(db);
  const stale = () => new AppError('conflict', message('koplopers.error.stale'));
  if (basedOn !== current.version) throw stale();
  const checked = checkEstimateModel(form, current.model);
  if (!checked.ok) throw new FieldProblems(checked.problems);
  return inTransaction(db, async (tx) => {
    const version = await repo.insertEstimateVersion(tx, basedOn, checked.model, checked.note, actorLabel(ctx, 'registerbeheer'), new Date());
    if (version === null) throw stale();
    await recordAudit(tx, ctx, {
      action: 'koploper-estimate.version-added',
      via,
      before: { version: basedOn },
      after: { version, note: checked.note, model: checked.model },
    });
    return version;
  });
}

// ─── suppliers ──────────────────────────────────────────────────────────────────────────────────

export type SupplierForm = { naam: string; contactpersoon: string; email: string; telefoon: string; actief: string };

function checkSupplier(form: SupplierForm): repo.SupplierInput {
  const problems: FieldProblem<keyof SupplierForm>[] = [];
  const name = form.naam.trim().replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 100) problems.push({ field: 'naam', message: message('koplopers.error.supplierName') });
  const contactName = form.contactpersoon.trim().replace(/\s+/g, ' ');
  if (contactName.length > 100) problems.push({ field: 'contactpersoon', message: message('koplopers.error.nameLong', { max: 100 }) });
  const email = form.email.trim().toLowerCase();
  if (email && (!/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email) || email.length > 200))
    problems.push({ field: 'email', message: message('koplopers.error.email') });
  const phone = form.telefoon.trim();
  if (phone && !/^\+?[0-9 ()-]{10,20}$/.test(phone)) problems.push({ field: 'telefoon', message: message('koplopers.error.phone') });
  if (problems.length > 0) throw new FieldProblems(problems);
  return { name, contactName: contactName || null, contactEmail: email || null, contactPhone: phone || null, active: form.actief === 'ja' };
}

export async function listSuppliersForStaff(db: Db, ctx: ActorContext) {
  await requireKoploperStaff(ctx);
  return repo.listSuppliers(db, false);
}

export async function getSupplier(db: Db, ctx: ActorContext, id: string) {
  await requireKoploperStaff(ctx);
  const supplier = uuidPattern.test(id) ? await repo.findSupplier(db, id) : undefined;
  if (!supplier) throw AppError.notFound(message('koplopers.error.supplierNotFound'));
  return supplier;
}

/** Register staff add a supplier to the list (or, with `id`, change one: its name, contact, whether the form offers it). */
export async function saveSupplier(db: Db, ctx: ActorContext, form: SupplierForm, id?: string): Promise<string> {
  const via = await requireKoploperStaff(ctx);
  const before = id ? await getSupplier(db, ctx, id) : undefined;
  const input = checkSupplier(form);
  if (await repo.supplierNameTaken(db, input.name, id)) throw new FieldProblems([{ field: 'naam', message: message('koplopers.error.supplierNameTaken') }]);
  return inTransaction(db, async (tx) => {
    const savedId = id ?? (await repo.insertSupplier(tx, input));
    if (id) await repo.updateSupplier(tx, id, input, new Date());
    await recordAudit(tx, ctx, {
      action: id ? 'software-supplier.changed' : 'software-supplier.added',
      via,
      before: before ?? null,
      after: { id: savedId, ...input },
    });
    return savedId;
  });
}

// ─── the pipeline ───────────────────────────────────────────────────────────────────────────────

/**
 * Step 4 completes by itself: a koploper in step 4 whose board has had a delivery applied moves to step 5,
 * with a timeline line naming the delivery. Run when the pipeline is read (decision 026): the few koplopers in
 * step 4 and one query to the deliveries feature, so what staff see is never behind.
 */
export async function completeDeliveredSteps(db: Db, now: Date): Promise<number> {
  const waiting = await repo.listAwaitingDelivery(db);
  if (waiting.length === 0) return 0;
  const applied = await findFirstAppliedDeliveries(db, [...new Set(waiting.map((w) => w.boardId))]);
  let moved = 0;
  for (const k of waiting) {
    const first = applied.get(k.boardId);
    if (!first) continue;
    const done = await inTransaction(db, async (tx) => {
      if (!(await repo.completeDeliveryStep(tx, k.id, now))) return false;
      const detail = { deliveryId: first.deliveryId, appliedAt: first.appliedAt.toISOString() };
      await repo.insertEvent(tx, k.id, { kind: 'stap-automatisch', fromStep: 4, toStep: 5, detail, note: null, byLabel: 'systeem', byAccountId: null }, now);
      await recordAudit(
        tx,
        { actor: { type: 'system', name: 'koplopers' } },
        { action: 'koploper.step-completed', subjectOrganisation: { kind: 'bestuur', id: k.boardId }, after: { koploper: k.id, step: 5, ...detail } },
      );
      return true;
    });
    if (done) moved++;
  }
  return moved;
}

/** The approval figures of the schools of these koplopers (step 5 and 6 show them), by koploper id. */
async function approvalsOf(db: Db, cards: readonly { id: string; step: number; boardId: string; schoolId: string }[]): Promise<Map<string, SchoolApprovals>> {
  const shown = cards.filter((c) => c.step >= 5);
  const byBoard = new Map<string, string[]>();
  for (const c of shown) byBoard.set(c.boardId, [...(byBoard.get(c.boardId) ?? []), c.schoolId]);
  const figures = new Map<string, SchoolApprovals>();
  for (const [boardId, schoolIds] of byBoard)
    for (const [schoolId, counts] of await countSchoolApprovals(db, boardId, schoolIds)) figures.set(schoolId, counts);
  const out = new Map<string, SchoolApprovals>();
  for (const c of shown) out.set(c.id, figures.get(c.schoolId) ?? { delivered: 0, approved: 0, disputed: 0 });
  return out;
}

export type PipelineQuery = { step?: PipelineStep; owner?: string; province?: string; page: number; pageSize: number };

/** The pipeline for register staff: the cards (a page of them), the counts per step, the filters' choices, the threshold. */
export async function getPipeline(deps: KoploperDeps, ctx: ActorContext, query: PipelineQuery) {
  await requireKoploperStaff(ctx);
  await completeDeliveredSteps(deps.db, nowOf(deps));
  const filter: repo.PipelineFilter = { step: query.step, owner: query.owner, province: query.province };
  const [{ cards, total }, counts, owners, provinces, settings] = await Promise.all([
    repo.listCards(deps.db, filter, (query.page - 1) * query.pageSize, query.pageSize),
    repo.countByStep(deps.db, { owner: query.owner, province: query.province }),
    repo.listOwners(deps.db),
    repo.listProvinces(deps.db),
    repo.findSettings(deps.db),
  ]);
  const approvals = await approvalsOf(deps.db, cards);
  return { cards, total, counts, owners, provinces, settings, approvals };
}

/** One koploper with its timeline, its school's approval figures and whether step 6 may be offered. */
export async function getKoploper(deps: KoploperDeps, ctx: ActorContext, id: string) {
  const via = await requireKoploperStaff(ctx);
  await completeDeliveredSteps(deps.db, nowOf(deps));
  const koploper = uuidPattern.test(id) ? await repo.findKoploper(deps.db, id) : undefined;
  if (!koploper) throw AppError.notFound(message('koplopers.error.notFound'));
  const [events, owners, settings, approvals] = await Promise.all([
    repo.listEvents(deps.db, id),
    repo.listOwners(deps.db),
    repo.findSettings(deps.db),
    countSchoolApprovals(deps.db, koploper.boardId, [koploper.schoolId]),
  ]);
  const figures = approvals.get(koploper.schoolId) ?? null;
  // the contact person's details are someone else's personal data: reading them is in the audit trail
  await recordAudit(deps.db, ctx, { action: 'koploper.viewed', via, subjectOrganisation: { kind: 'bestuur', id: koploper.boardId }, after: { koploper: id } });
  return { koploper, events, owners, settings, figures, completable: mayComplete(figures, settings.approvalThresholdPercent) };
}

export type MoveForm = { stap: string; toelichting: string };

/**
 * Register staff move a koploper's card to another step: recorded with who and when on its timeline and in
 * the audit trail. Step 6 only when the school's approval share reaches the threshold.
 */
export async function moveKoploper(deps: KoploperDeps, ctx: ActorContext, id: string, form: MoveForm): Promise<PipelineStep> {
  const via = await requireKoploperStaff(ctx);
  const koploper = uuidPattern.test(id) ? await repo.findKoploper(deps.db, id) : undefined;
  if (!koploper) throw AppError.notFound(message('koplopers.error.notFound'));
  const note = form.toelichting.trim();
  if (note.length > 1000) throw new FieldProblems([{ field: 'toelichting', message: message('koplopers.error.noteLong', { max: 1000 }) }]);
  const [settings, approvals] = await Promise.all([repo.findSettings(deps.db), countSchoolApprovals(deps.db, koploper.boardId, [koploper.schoolId])]);
  const completable = mayComplete(approvals.get(koploper.schoolId) ?? null, settings.approvalThresholdPercent);
  const now = nowOf(deps);
  return inTransaction(deps.db, async (tx) => {
    const locked = await repo.lockKoploper(tx, id);
    if (!locked) throw AppError.notFound(message('koplopers.error.notFound'));
    const move = checkMove(locked.step, Number.parseInt(form.stap, 10), completable);
    if (!move.ok) throw new FieldProblems([{ field: 'stap', message: move.message }]);
    await repo.updateStep(tx, id, move.to, now);
    const account = ctx.actor.type === 'account' ? ctx.actor.accountId : null;
    await repo.insertEvent(
      tx,
      id,
      { kind: 'stap', fromStep: locked.step, toStep: move.to, detail: null, note: note || null, byLabel: actorLabel(ctx), byAccountId: account },
      now,
    );
    await recordAudit(tx, ctx, {
      action: 'koploper.moved',
      via,
      subjectOrganisation: { kind: 'bestuur', id: koploper.boardId },
      before: { koploper: id, step: locked.step },
      after: { koploper: id, step: move.to },
      reason: note || null,
    });
    return move.to;
  });
}

export type DetailsForm = { eigenaar: string; volgendeDatum: string; notities: string };

/** Register staff set a koploper's owner, next date and notes; on its timeline and in the audit trail with before and after. */
export async function updateKoploperDetails(deps: KoploperDeps, ctx: ActorContext, id: string, form: DetailsForm): Promise<void> {
  const via = await requireKoploperStaff(ctx);
  const koploper = uuidPattern.test(id) ? await repo.findKoploper(deps.db, id) : undefined;
  if (!koploper) throw AppError.notFound(message('koplopers.error.notFound'));
  const problems: FieldProblem<keyof DetailsForm>[] = [];
  const owners = await repo.listOwners(deps.db);
  const ownerAccountId = form.eigenaar || null;
  if (ownerAccountId && !owners.some((o) => o.accountId === ownerAccountId)) problems.push({ field: 'eigenaar', message: message('koplopers.error.owner') });
  const nextDate = form.volgendeDatum.trim() || null;
  if (nextDate && !(/^\d{4}-\d{2}-\d{2}$/.test(nextDate) && new Date(`${nextDate}T12:00:00Z`).toISOString().slice(0, 10) === nextDate)) {
    problems.push({ field: 'volgendeDatum', message: message('koplopers.error.date') });
  }
  const notes = form.notities.replace(/\r\n/g, '\n').trim();
  if (notes.length > 4000) problems.push({ field: 'notities', message: message('koplopers.error.noteLong', { max: 4000 }) });
  if (problems.length > 0) throw new FieldProblems(problems);
  const now = nowOf(deps);
  await inTransaction(deps.db, async (tx) => {
    const locked = await repo.lockKoploper(tx, id);
    if (!locked) throw AppError.notFound(message('koplopers.error.notFound'));
    const before = { ownerAccountId: locked.ownerAccountId, nextDate: locked.nextDate, notes: locked.notes };
    const after = { ownerAccountId, nextDate, notes };
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await repo.updateCardDetails(tx, id, after, now);
    const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k as keyof typeof before] !== v));
    if ('ownerAccountId' in changed) changed.ownerName = owners.find((o) => o.accountId === ownerAccountId)?.name ?? null;
    const account = ctx.actor.type === 'account' ? ctx.actor.accountId : null;
    await repo.insertEvent(
      tx,
      id,
      { kind: 'gegevens', fromStep: null, toStep: null, detail: changed, note: null, byLabel: actorLabel(ctx), byAccountId: account },
      now,
    );
    await recordAudit(tx, ctx, { action: 'koploper.details-changed', via, subjectOrganisation: { kind: 'bestuur', id: koploper.boardId }, before, after });
  });
}

/** Register staff set from which approval share step 6 is offered (a setting, changed in place, audited). */
export async function setApprovalThreshold(db: Db, ctx: ActorContext, typed: string): Promise<number> {
  const via = await requireKoploperStaff(ctx);
  const checked = checkThreshold(typed);
  if (!checked.ok) throw new FieldProblems([{ field: 'drempel', message: checked.message }]);
  return inTransaction(db, async (tx) => {
    const before = await repo.findSettings(tx);
    await repo.saveThreshold(tx, checked.percent, actorLabel(ctx, 'registerbeheer'), new Date());
    await recordAudit(tx, ctx, {
      action: 'koploper-settings.changed',
      via,
      before: { approvalThresholdPercent: before.approvalThresholdPercent },
      after: { approvalThresholdPercent: checked.percent },
    });
    return checked.percent;
  });
}

/** The pipeline as CSV (every card the filters leave; no contact person's data), for staff's own planning. */
export async function* exportPipelineCsv(deps: KoploperDeps, ctx: ActorContext, filter: Omit<PipelineQuery, 'page' | 'pageSize'>): AsyncGenerator<string> {
  const via = await requireKoploperStaff(ctx);
  await recordAudit(deps.db, ctx, { action: 'koplopers.exported', via, after: filter });
  yield `\uFEFF${spreadsheetLine(['stap', 'school', 'code', 'bestuur', 'provincie', 'eigenaar', 'volgende datum', 'leverancier', 'leveranciercontact', 'akkoord', 'aangeleverd', 'aangemeld op', 'notities'])}`;
  const page = 500;
  for (let offset = 0; ; offset += page) {
    const { cards } = await repo.listCards(deps.db, filter, offset, page);
    const approvals = await approvalsOf(deps.db, cards);
    yield cards
      .map((c) => {
        const a = approvals.get(c.id);
        return spreadsheetLine([
          c.step,
          c.schoolName,
          c.schoolCode,
          c.boardName ?? c.boardNumber,
          c.province ?? '',
          c.ownerName ?? '',
          c.nextDate ?? '',
          c.supplierName ?? '',
          c.supplierContact ?? '',
          a ? a.approved : '',
          a ? a.delivered : '',
          c.createdAt.toISOString().slice(0, 10),
          c.notes,
        ]);
      })
      .join('');
    if (cards.length < page) return;
  }
}

/** For the start card: how many koplopers each step holds, and how many wait for the owner given. */
export async function countPipeline(db: Db) {
  return repo.countByStep(db);
}
