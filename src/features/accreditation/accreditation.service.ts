import type { Db } from '../../db/database.ts';
import { actorLabel, recordAudit, signedInAccount, type ActorContext } from '../../platform/audit/audit.ts';
import type { OrganisationRef } from '../../platform/auth/roles.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDay, message as text, type Message } from '../../platform/i18n.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { decide, type Permission, requirePermission } from '../../platform/policy.ts';
import { findBoardById } from '../organisations/index.ts';
import * as repo from './accreditation.repo.ts';
import {
  changedFields,
  checkDecision,
  checkMessage,
  checkOffering,
  checkProvider,
  isOfferingStatus,
  offeringFieldNames,
  offeringStatuses,
  offeringTransition,
  openStatuses,
  type DecisionForm,
  type OfferingEvent,
  type OfferingForm,
  type OfferingStatus,
  type ProviderForm,
} from './offering.rules.ts';
import { uuidPattern as uuid } from '../../platform/ids/uuid-pattern.ts';
import { dutchToday } from '../../platform/dates/calendar.ts';
import { inTransaction } from '../../db/transaction.ts';

export type { CommitteeMember, Offering, OfferingEventLine, Provider } from './accreditation.repo.ts';

export type AccreditationDeps = { db: Db; mailer: Mailer; baseUrl: string; today?: () => string };

/** The organisations that submit offerings: providers and boards. */
export type SubmittingOrganisation = { kind: repo.OrganisationKindOfOffering; id: string; name: string };

const todayOf = (deps: AccreditationDeps) => (deps.today ? deps.today() : dutchToday());

async function authorise(ctx: ActorContext, permission: Permission) {
  return requirePermission(ctx.actor, permission);
}

const validation = (problems: { field: string; message: Message }[]) =>
  AppError.validation(
    problems.map((p) => ({ name: p.field, reason: p.message })),
    problems[0].message,
  );

function step(from: OfferingStatus, event: OfferingEvent): OfferingStatus {
  const next = offeringTransition(from, event);
  if (!next.allowed) throw new AppError('conflict', next.reason);
  return next.to;
}

const moved = (ok: boolean) => {
  if (!ok) throw new AppError('conflict', text('accreditation.error.changedMeanwhile'));
};

const offeringPath = (o: { organisationKind: string; organisationId: string; id: string }) =>
  `/beheer/${o.organisationKind}/${o.organisationId}/aanbod/${o.id}`;

// ─── providers (register staff) ──────────────────────────────────────────────────────────────────

/** A provider by id, for naming it on pages and in mails (the identity feature's members page). */
export function findProviderById(db: Db, id: string): Promise<repo.Provider | undefined> {
  return uuid.test(id) ? repo.findProvider(db, id) : Promise.resolve(undefined);
}

/** The providers in the register, by name: for register staff. */
export async function listProviders(deps: AccreditationDeps, ctx: ActorContext): Promise<repo.Provider[]> {
  await authorise(ctx, { action: 'providers.manage' });
  return repo.listProviders(deps.db);
}

/** Register staff add a provider or lerarenopleiding; a name already in the register is refused at its field. */
export async function addProvider(deps: AccreditationDeps, ctx: ActorContext, form: ProviderForm): Promise<string> {
  const via = await authorise(ctx, { action: 'providers.manage' });
  const checked = checkProvider(form);
  if (!checked.ok) throw validation(checked.problems);
  const taken = () => validation([{ field: 'naam', message: text('accreditation.error.providerNameTaken', { name: checked.value.name }) }]);
  if (await repo.providerNameTaken(deps.db, checked.value.name)) throw taken();
  try {
    return await inTransaction(deps.db, async (tx) => {
      const id = await repo.insertProvider(tx, checked.value, actorLabel(ctx));
      await recordAudit(tx, ctx, {
        action: 'provider.added',
        via,
        subjectOrganisation: { kind: 'aanbieder', id },
        after: { name: checked.value.name, kind: checked.value.kind },
      });
      return id;
    });
  } catch (error) {
    // two staff adding the same name at once: the unique index decides, the second hears it at the field
    if (await repo.providerNameTaken(deps.db, checked.value.name)) throw taken();
    throw error;
  }
}

// ─── the submitting organisation's pages ─────────────────────────────────────────────────────────

async function submitting(deps: AccreditationDeps, ctx: ActorContext, organisation: OrganisationRef) {
  const via = await authorise(ctx, { action: 'offerings.submit', organisation });
  const named = await nameOf(deps.db, organisation);
  if (!named) throw AppError.notFound(text('accreditation.error.organisationNotFound'));
  return { via, organisation: named };
}

async function nameOf(db: Db, organisation: OrganisationRef): Promise<SubmittingOrganisation | undefined> {
  if (organisation.kind === 'aanbieder') {
    const provider = await findProviderById(db, organisation.id);
    return provider ? { kind: 'aanbieder', id: provider.id, name: provider.name } : undefined;
  }
  if (organisation.kind === 'bestuur') {
    const board = await findBoardById(db, organisation.id);
    return board ? { kind: 'bestuur', id: organisation.id, name: board.name ?? `Bevoegd gezag ${board.number}` } : undefined;
  }
  return undefined;
}

/** The organisation's offerings with their status, for its staff. */
export async function listOrganisationOfferings(deps: AccreditationDeps, ctx: ActorContext, organisation: OrganisationRef) {
  const { organisation: named } = await submitting(deps, ctx, organisation);
  return { organisation: named, offerings: await repo.listOfferingsOf(deps.db, named) };
}

/** What the submission form needs: the organisation and the current framework's themes and competencies. */
export async function getSubmissionForm(deps: AccreditationDeps, ctx: ActorContext, organisation: OrganisationRef) {
  const { organisation: named } = await submitting(deps, ctx, organisation);
  return { organisation: named, framework: await repo.currentFramework(deps.db) };
}

/** The organisation's staff submit an offering for accreditation: status ingediend, with its first history line. */
export async function submitOffering(deps: AccreditationDeps, ctx: ActorContext, organisation: OrganisationRef, form: OfferingForm): Promise<string> {
  const { via, organisation: named } = await submitting(deps, ctx, organisation);
  const checked = checkOffering(form, await repo.currentFramework(deps.db));
  if (!checked.ok) throw validation(checked.problems);
  return inTransaction(deps.db, async (tx) => {
    const id = await repo.insertOffering(tx, { organisation: named, facts: checked.value, byLabel: actorLabel(ctx) });
    await recordAudit(tx, ctx, { action: 'offering.submitted', via, subjectOrganisation: organisation, after: { offering: id, title: checked.value.title } });
    return id;
  });
}

/** One of the organisation's offerings with its history; another organisation's id is "not found". */
export async function getOwnOffering(deps: AccreditationDeps, ctx: ActorContext, organisation: OrganisationRef, id: string) {
  const { via, organisation: named } = await submitting(deps, ctx, organisation);
  const offering = uuid.test(id) ? await repo.findOffering(deps.db, id) : undefined;
  if (!offering || offering.organisationKind !== named.kind || offering.organisationId !== named.id) {
    throw AppError.notFound(text('accreditation.error.offeringNotOwn'));
  }
  return { via, organisation: named, offering, events: await repo.listEvents(deps.db, id), framework: await repo.currentFramework(deps.db) };
}

/**
 * The organisation answers the commission's question, and may change the offering's fields with it;
 * the review goes on (in-behandeling). The assigned member is told by mail.
 */
export async function answerInformationRequest(
  deps: AccreditationDeps,
  ctx: ActorContext,
  organisation: OrganisationRef,
  id: string,
  input: { message: string; form: OfferingForm },
): Promise<void> {
  const { via, offering, framework } = await getOwnOffering(deps, ctx, organisation, id);
  const to = step(offering.status, 'antwoorden');
  const problems: { field: string; message: Message }[] = [];
  const answer = checkMessage(input.message, 'accreditation.error.answerEmpty');
  if (!answer.ok) problems.push({ field: 'antwoord', message: answer.message });
  const checked = checkOffering(input.form, framework);
  if (!checked.ok) problems.push(...checked.problems);
  if (problems.length > 0 || !answer.ok || !checked.ok) throw validation(problems);
  const changed = changedFields(offering, checked.value);
  const message = changed.length > 0 ? `${answer.text}\n\nGewijzigd: ${changed.map((f) => offeringFieldNames[f]).join(', ')}.` : answer.text;
  const mailIds = await inTransaction(deps.db, async (tx) => {
    moved(await repo.moveOffering(tx, id, offering.status, to, { byLabel: actorLabel(ctx), message }, { facts: checked.value }));
    await recordAudit(tx, ctx, { action: 'offering.answered', via, subjectOrganisation: organisation, after: { offering: id, changed } });
    if (!offering.assignedToEmail) return [];
    return [
      await deps.mailer.queue(tx, {
        to: offering.assignedToEmail,
        template: 'offering-answered',
        lang: 'nl',
        params: {
          name: offering.assignedToName ?? '',
          title: checked.value.title,
          organisation: offering.organisationName,
          message,
          link: `${deps.baseUrl}/beheer/accreditatie/${id}`,
        },
      }),
    ];
  });
  await deps.mailer.deliver(deps.db, mailIds);
}

/** The organisation withdraws an offering the commission has not decided on, once it confirmed. */
export async function withdrawOffering(
  deps: AccreditationDeps,
  ctx: ActorContext,
  organisation: OrganisationRef,
  id: string,
  confirmed: unknown,
): Promise<void> {
  const { via, offering } = await getOwnOffering(deps, ctx, organisation, id);
  const to = step(offering.status, 'intrekken');
  if (confirmed !== 'ja') throw validation([{ field: 'bevestigd', message: text('accreditation.error.confirmWithdraw') }]);
  await inTransaction(deps.db, async (tx) => {
    moved(await repo.moveOffering(tx, id, offering.status, to, { byLabel: actorLabel(ctx), message: null }));
    await recordAudit(tx, ctx, { action: 'offering.withdrawn', via, subjectOrganisation: organisation, before: { offering: id, status: offering.status } });
  });
}

// ─── the Commissie Accreditatie ──────────────────────────────────────────────────────────────────

/** Who is asking at the commission's pages: register staff (assign), commission members (review), or neither (refused). */
async function commissionRoles(ctx: ActorContext) {
  const [staff, member] = await Promise.all([decide(ctx.actor, { action: 'offerings.assign' }), decide(ctx.actor, { action: 'offerings.review' })]);
  if (!staff.allowed && !member.allowed) throw staff.reason === 'unauthenticated' ? new AppError('unauthenticated') : new AppError('forbidden');
  return { staff, member };
}

/** The queue's filter: the open offerings (default), one status, or all. */
export type QueueFilter = 'open' | 'alle' | OfferingStatus;
export const queueFilters: readonly QueueFilter[] = ['open', ...offeringStatuses, 'alle'];
export const queueFilterOf = (value: unknown): QueueFilter => (value === 'alle' || isOfferingStatus(value) ? value : 'open');

/**
 * The commission's queue, oldest first, one page; for register staff also who can review, for a
 * member also what is assigned to them.
 */
export async function getQueue(deps: AccreditationDeps, ctx: ActorContext, query: { filter: QueueFilter; page: number; pageSize: number }) {
  const { staff, member } = await commissionRoles(ctx);
  const statuses = query.filter === 'open' ? openStatuses : query.filter === 'alle' ? offeringStatuses : [query.filter];
  const page = await repo.listQueue(deps.db, { statuses, page: query.page, pageSize: query.pageSize });
  return {
    canAssign: staff.allowed,
    members: staff.allowed ? await repo.listCommitteeMembers(deps.db) : [],
    mine: member.allowed ? await repo.listAssignedTo(deps.db, signedInAccount(ctx).accountId, openStatuses) : undefined,
    ...page,
  };
}

/** Register staff give an open offering to a member of the Commissie Accreditatie: in behandeling. */
export async function assignOffering(deps: AccreditationDeps, ctx: ActorContext, id: string, memberId: string): Promise<void> {
  const via = await authorise(ctx, { action: 'offerings.assign' });
  const offering = uuid.test(id) ? await repo.findOffering(deps.db, id) : undefined;
  if (!offering) throw AppError.notFound(text('accreditation.error.offeringNotFound'));
  const member = (await repo.listCommitteeMembers(deps.db)).find((m) => m.id === memberId);
  if (!member) throw validation([{ field: `lid-${id}`, message: text('accreditation.error.chooseMember') }]);
  const to = step(offering.status, 'toewijzen');
  await inTransaction(deps.db, async (tx) => {
    moved(
      await repo.moveOffering(tx, id, offering.status, to, { byLabel: actorLabel(ctx), message: `Toegewezen aan ${member.name}.` }, { assignedTo: member.id }),
    );
    await recordAudit(tx, ctx, {
      action: 'offering.assigned',
      via,
      subjectOrganisation: { kind: offering.organisationKind, id: offering.organisationId },
      after: { offering: id, member: member.id },
    });
  });
}

/**
 * One offering for the commission: register staff and every member read it with its history; only
 * the member it is assigned to acts on it.
 */
export async function getOfferingForReview(deps: AccreditationDeps, ctx: ActorContext, id: string) {
  const { staff, member } = await commissionRoles(ctx);
  const offering = uuid.test(id) ? await repo.findOffering(deps.db, id) : undefined;
  if (!offering) throw AppError.notFound(text('accreditation.error.offeringNotFound'));
  const assignedToMe = member.allowed && offering.assignedTo === signedInAccount(ctx).accountId;
  return {
    offering,
    events: await repo.listEvents(deps.db, id),
    framework: await repo.currentFramework(deps.db),
    canAssign: staff.allowed,
    members: staff.allowed ? await repo.listCommitteeMembers(deps.db) : [],
    canReview: assignedToMe && offering.status === 'in-behandeling',
  };
}

async function assignedReview(deps: AccreditationDeps, ctx: ActorContext, id: string, event: OfferingEvent) {
  const via = await authorise(ctx, { action: 'offerings.review' });
  const offering = uuid.test(id) ? await repo.findOffering(deps.db, id) : undefined;
  if (!offering) throw AppError.notFound(text('accreditation.error.offeringNotFound'));
  if (offering.assignedTo !== signedInAccount(ctx).accountId) throw new AppError('forbidden', text('accreditation.error.notAssigned'));
  return { via, offering, to: step(offering.status, event) };
}

/** The assigned member asks the organisation for more information; the contact gets the question by mail. */
export async function requestInformation(deps: AccreditationDeps, ctx: ActorContext, id: string, rawMessage: string): Promise<void> {
  const { via, offering, to } = await assignedReview(deps, ctx, id, 'informatie-vragen');
  const question = checkMessage(rawMessage, 'accreditation.error.questionEmpty');
  if (!question.ok) throw validation([{ field: 'vraag', message: question.message }]);
  const mailIds = await inTransaction(deps.db, async (tx) => {
    moved(await repo.moveOffering(tx, id, offering.status, to, { byLabel: actorLabel(ctx), message: question.text }));
    await recordAudit(tx, ctx, {
      action: 'offering.information-requested',
      via,
      subjectOrganisation: { kind: offering.organisationKind, id: offering.organisationId },
      after: { offering: id },
    });
    return [
      await deps.mailer.queue(tx, {
        to: offering.contactEmail,
        template: 'offering-information-requested',
        lang: 'nl',
        params: { name: offering.contactName, title: offering.title, question: question.text, link: `${deps.baseUrl}${offeringPath(offering)}` },
      }),
    ];
  });
  await deps.mailer.deliver(deps.db, mailIds);
}

/**
 * The assigned member decides: accredited (points, themes, validity) or rejected, always with a
 * motivation. The contact gets the decision by mail.
 */
export async function decideOffering(deps: AccreditationDeps, ctx: ActorContext, id: string, form: DecisionForm): Promise<void> {
  const { via, offering } = await assignedReview(deps, ctx, id, 'accrediteren');
  const today = todayOf(deps);
  const framework = await repo.currentFramework(deps.db);
  const checked = checkDecision(form, { themes: framework.themes, today });
  if (!checked.ok) throw validation(checked.problems);
  const decision = checked.value;
  const to = step(offering.status, decision.kind === 'geaccrediteerd' ? 'accrediteren' : 'afwijzen');
  const outcome =
    decision.kind === 'geaccrediteerd'
      ? `geaccrediteerd met ${decision.points} punten, geldig van ${formatDay('nl', decision.validFrom)} tot en met ${formatDay('nl', decision.validUntil)}, voor de thema's: ${decision.themes.join(', ')}`
      : 'afgewezen';
  const mailIds = await inTransaction(deps.db, async (tx) => {
    const change =
      decision.kind === 'geaccrediteerd'
        ? {
            points: decision.points,
            themes: decision.themes,
            validFrom: decision.validFrom,
            validUntil: decision.validUntil,
            motivation: decision.motivation,
            decidedOn: today,
          }
        : { points: null, themes: null, validFrom: null, validUntil: null, motivation: decision.motivation, decidedOn: today };
    moved(await repo.moveOffering(tx, id, offering.status, to, { byLabel: actorLabel(ctx), message: decision.motivation }, { decision: change }));
    await recordAudit(tx, ctx, {
      action: 'offering.decided',
      via,
      subjectOrganisation: { kind: offering.organisationKind, id: offering.organisationId },
      after: { offering: id, decision: to, points: change.points, themes: change.themes, validFrom: change.validFrom, validUntil: change.validUntil },
    });
    return [
      await deps.mailer.queue(tx, {
        to: offering.contactEmail,
        template: 'offering-decision',
        lang: 'nl',
        params: {
          name: offering.contactName,
          title: offering.title,
          decision: outcome,
          motivation: decision.motivation,
          link: `${deps.baseUrl}${offeringPath(offering)}`,
        },
      }),
    ];
  });
  await deps.mailer.deliver(deps.db, mailIds);
}

export { seedDemoAccreditation } from './accreditation.demo.ts';

/** The offerings assigned to the account as a commission member (their work), for their AVG download. */
export async function exportOfferingsAssignedTo(db: Db, accountId: string) {
  return (await repo.listAssignedTo(db, accountId, offeringStatuses, null)).map((o) => ({
    aanbod: o.title,
    aanbieder: o.organisationName,
    status: o.status,
    ingediend: o.createdAt.toISOString(),
    besluitOp: o.decidedOn,
  }));
}
