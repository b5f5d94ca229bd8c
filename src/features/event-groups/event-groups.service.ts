import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { actorLabel, recordAudit, recordAuditPerAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import {
  diversityBound,
  diversityScore,
  improveGroups,
  proposeGroups,
  type DiversityBound,
  type DiversityScore,
  type GroupingPerson,
} from '../../platform/grouping/diverse-groups.ts';
import { registrantAttributeNames, registrantAttributes, type RegistrantAttributes } from '../../platform/grouping/registrant-attributes.ts';
import { message, translateMessage, type Lang, type MessageKey } from '../../platform/i18n.ts';
import type { Mail, Mailer } from '../../platform/mail/mailer.ts';
import { requirePermission } from '../../platform/policy.ts';
import {
  adminEventPath,
  eventPath,
  eventWhen,
  findEventById,
  listConfirmedRegistrants,
  listOwnRegistrationIds,
  searchEvents,
  type EventRecord,
} from '../events/index.ts';
import { getDirectoryFacts } from '../organisations/index.ts';
import { checkGroupSize, firstName, groupingSetting, scoreChange, type ScoreChange } from './event-groups.rules.ts';
import * as repo from './event-groups.repo.ts';

export type GroupsDeps = { db: Db; mailer: Mailer; baseUrl: string; now?: () => Date };
const nowOf = (deps: Pick<GroupsDeps, 'now'>) => (deps.now ? deps.now() : new Date());

/** The kind of event that is split into groups. */
export const groupedKind = 'verkennend-gesprek';
export const groupsPath = (eventId: string) => `${adminEventPath(eventId)}/groepen`;

/** A problem at a form's field: the route shows it in the error summary and at the field. */
export class FieldProblem extends Error {
  constructor(
    readonly field: string,
    readonly text: ReturnType<typeof message>,
  ) {
    super('the form has a problem');
  }
}

async function requireStaff(ctx: ActorContext) {
  return requirePermission(ctx.actor, { action: 'events.manage' });
}

/** An event of another kind has no groups: the routes say so on a page of its own (404), with the way back to the event. */
export class NotGrouped extends Error {
  constructor(readonly event: EventRecord) {
    super('only an exploratory conversation has groups');
  }
}

/** The event, when it is one that has groups. */
async function groupedEvent(db: Db, id: string): Promise<EventRecord> {
  const event = await findEventById(db, id);
  if (!event) throw AppError.notFound(message('eventGroups.error.notFound'));
  if (event.kind !== groupedKind) throw new NotGrouped(event);
  return event;
}

/** A registrant as the page shows them: what they stated, their school, and the six attributes (null where the data is silent). */
export type Member = {
  registrationId: string;
  accountId: string | null;
  name: string;
  email: string;
  lang: Lang;
  role: string;
  schoolName: string | null;
  brin: string | null;
  attributes: RegistrantAttributes;
};

/** Everyone with a place, with their attributes from the directory (their school's, or its board's) and the form. */
async function loadMembers(db: Db, eventId: string): Promise<Member[]> {
  const registrants = await listConfirmedRegistrants(db, eventId);
  const facts = await getDirectoryFacts(
    db,
    registrants.flatMap((r) => [r.schoolId, r.boardId].filter((id): id is string => id !== null)),
  );
  return registrants.map((r) => ({
    registrationId: r.registrationId,
    accountId: r.accountId,
    name: r.name,
    email: r.email,
    lang: r.lang,
    role: r.role,
    schoolName: r.schoolName,
    brin: r.brin,
    attributes: registrantAttributes({
      school: r.schoolId ? facts.get(r.schoolId) : null,
      board: r.boardId ? facts.get(r.boardId) : null,
      role: r.role,
      setting: groupingSetting(r.setting),
    }),
  }));
}

const personOf = (m: Member): GroupingPerson => ({ id: m.registrationId, attributes: m.attributes });
const attributes = registrantAttributeNames;

export type GroupsState = {
  event: EventRecord;
  members: Member[];
  grouping?: repo.Grouping;
  /** group n is groups[n - 1]: its members, in the order of the registrations */
  groups: Member[][];
  unassigned: Member[];
  /** registrations in a group that no longer hold a place (cancelled): left out */
  dropped: number;
  score: DiversityScore;
  bound: DiversityBound;
};

/** The groups as they are now: each group's members, who is in none, and the score beside its bound for these sizes. */
async function stateOf(db: Db, event: EventRecord): Promise<GroupsState> {
  const members = await loadMembers(db, event.id);
  const grouping = await repo.findGrouping(db, event.id);
  const byId = new Map(members.map((m) => [m.registrationId, m]));
  const memberships = grouping ? await repo.listMembers(db, event.id) : [];
  const groups: Member[][] = Array.from({ length: grouping?.groupCount ?? 0 }, () => []);
  let dropped = 0;
  const placed = new Set<string>();
  for (const { registrationId, groupNumber } of memberships) {
    const member = byId.get(registrationId);
    if (!member || groupNumber < 1 || groupNumber > groups.length) {
      dropped++;
      continue;
    }
    groups[groupNumber - 1].push(member);
    placed.add(registrationId);
  }
  const order = new Map(members.map((m, i) => [m.registrationId, i]));
  for (const group of groups) group.sort((a, b) => order.get(a.registrationId)! - order.get(b.registrationId)!);
  const people = groups.flat().map(personOf);
  const ids = groups.map((g) => g.map((m) => m.registrationId));
  return {
    event,
    members,
    grouping,
    groups,
    unassigned: members.filter((m) => !placed.has(m.registrationId)),
    dropped,
    score: diversityScore(people, ids, attributes),
    bound: diversityBound(
      people,
      groups.map((g) => g.length),
      attributes,
    ),
  };
}

/** Register staff: the groups page. Reading names with roles and schools is audited, as the attendance list is. */
export async function getGroups(deps: GroupsDeps, ctx: ActorContext, eventId: string): Promise<GroupsState> {
  const via = await requireStaff(ctx);
  const event = await groupedEvent(deps.db, eventId);
  const state = await stateOf(deps.db, event);
  await inTransaction(deps.db, async (tx) => {
    await recordAudit(tx, ctx, { action: 'event-groups.viewed', via, after: { event: event.id, groups: state.groups.length } });
    await recordAuditPerAccount(
      tx,
      ctx,
      { action: 'event-groups.viewed', via, after: { event: event.id } },
      state.members.flatMap((m) => (m.accountId ? [m.accountId] : [])),
    );
  });
  return state;
}

/** Register staff: the page without the audit (after the check that refused a form, the page is shown again). */
export async function getGroupsQuietly(deps: GroupsDeps, ctx: ActorContext, eventId: string): Promise<GroupsState> {
  await requireStaff(ctx);
  return stateOf(deps.db, await groupedEvent(deps.db, eventId));
}

const scoreFacts = (state: { score: DiversityScore; bound: DiversityBound }) => ({ score: state.score.total, bound: state.bound.total });

/**
 * Proposes groups of at most `size` and saves them, in place of any there were only when staff
 * confirmed that (`replace` = 'ja'). The size: a whole number from 2 to the number of registrants.
 */
export async function proposeAndSave(deps: GroupsDeps, ctx: ActorContext, eventId: string, form: { groepsgrootte: string; vervangen?: string }) {
  const via = await requireStaff(ctx);
  const event = await groupedEvent(deps.db, eventId);
  const now = nowOf(deps);
  return inTransaction(deps.db, async (tx) => {
    const existing = await repo.lockGrouping(tx, event.id);
    const members = await loadMembers(tx, event.id);
    if (members.length < 2) throw new AppError('conflict', message('eventGroups.error.tooFew'));
    const size = checkGroupSize(form.groepsgrootte, members.length);
    if (!size.ok) throw new FieldProblem(size.field, size.message);
    if (existing && form.vervangen !== 'ja') throw new FieldProblem('vervangen', message('eventGroups.error.confirmReplace'));
    const proposal = proposeGroups(members.map(personOf), { groupSize: size.size, attributes });
    await repo.replaceGroups(tx, event.id, size.size, proposal.groups, actorLabel(ctx), now);
    await recordAudit(tx, ctx, {
      action: 'event-groups.proposed',
      via,
      before: existing ? { groupSize: existing.groupSize, groups: existing.groupCount } : undefined,
      after: { event: event.id, groupSize: size.size, groups: proposal.groups.length, score: proposal.score.total, bound: proposal.bound.total },
    });
    return { groups: proposal.groups.length, score: proposal.score.total, bound: proposal.bound.total };
  });
}

/** Moves one registrant (in a group or not yet) into group `group`; returns how the score changed. */
export async function moveMember(
  deps: GroupsDeps,
  ctx: ActorContext,
  eventId: string,
  form: { registratie: string; groep: string },
): Promise<{ change: ScoreChange; group: number }> {
  const via = await requireStaff(ctx);
  const event = await groupedEvent(deps.db, eventId);
  return inTransaction(deps.db, async (tx) => {
    const grouping = await repo.lockGrouping(tx, event.id);
    if (!grouping) throw new AppError('conflict', message('eventGroups.error.noGroups'));
    const before = await stateOf(tx, event);
    const member = before.members.find((m) => m.registrationId === form.registratie.toLowerCase());
    if (!member) throw new AppError('bad_request', message('eventGroups.error.unknownRegistration'));
    const group = /^\d{1,4}$/.test(form.groep.trim()) ? Number(form.groep.trim()) : Number.NaN;
    if (!(group >= 1 && group <= grouping.groupCount)) {
      throw new FieldProblem(`groep-${member.registrationId}`, message('eventGroups.error.unknownGroup', { count: grouping.groupCount }));
    }
    const from = before.groups.findIndex((g) => g.includes(member)) + 1;
    await repo.removeMembersOtherThan(
      tx,
      event.id,
      before.members.map((m) => m.registrationId),
    );
    await repo.placeMember(tx, event.id, member.registrationId, group, nowOf(deps));
    const after = await stateOf(tx, event);
    const change = scoreChange(before.score, after.score);
    await recordAudit(tx, ctx, {
      action: 'event-group.member-moved',
      via,
      subjectAccountId: member.accountId,
      before: { group: from || null, ...scoreFacts(before) },
      after: { event: event.id, registration: member.registrationId, group, ...scoreFacts(after) },
    });
    return { change, group };
  });
}

/** Improves the groups as they are (staff's moves kept as a start, the sizes kept); who is in no group stays so. */
export async function improveSaved(deps: GroupsDeps, ctx: ActorContext, eventId: string): Promise<{ change: ScoreChange }> {
  const via = await requireStaff(ctx);
  const event = await groupedEvent(deps.db, eventId);
  return inTransaction(deps.db, async (tx) => {
    if (!(await repo.lockGrouping(tx, event.id))) throw new AppError('conflict', message('eventGroups.error.noGroups'));
    const before = await stateOf(tx, event);
    const numbers = before.groups.flatMap((g, i) => (g.length > 0 ? [i + 1] : []));
    const improved = improveGroups(
      before.groups.flat().map(personOf),
      before.groups.map((g) => g.map((m) => m.registrationId)),
      { attributes },
    );
    // improveGroups leaves the empty groups out: its groups are the non-empty ones, in order
    await repo.rewriteGroups(tx, event.id, new Map(numbers.map((n, i) => [n, improved.groups[i]])), nowOf(deps));
    const after = await stateOf(tx, event);
    await recordAudit(tx, ctx, { action: 'event-groups.improved', via, before: scoreFacts(before), after: { event: event.id, ...scoreFacts(after) } });
    return { change: scoreChange(before.score, after.score) };
  });
}

const roleKey = (role: string) => `eventGroups.role.${role}` as MessageKey;

/** One participant's mail: their group's number, the event's time and place, and the first names and roles of the others (no addresses). */
function groupMail(deps: Pick<GroupsDeps, 'baseUrl'>, event: EventRecord, group: number, member: Member, others: Member[]): Mail {
  const lang = member.lang;
  const role = (r: string) => translateMessage(lang, message(roleKey(r)));
  return {
    to: member.email,
    template: 'event-group',
    lang,
    params: {
      name: member.name,
      title: event.title,
      when: eventWhen(lang, event),
      where: event.online ? `Online: ${event.onlineUrl ?? ''}` : (event.place ?? ''),
      group,
      members:
        others.length === 0
          ? translateMessage(lang, message('eventGroups.mail.alone'))
          : others.map((o) => `- ${firstName(o.name)} (${role(o.role)})`).join('\n'),
      link: `${deps.baseUrl}${eventPath(event.id)}`,
    },
  };
}

/** What the mail will do, for the page that asks to check before sending. */
export async function describeMailing(deps: GroupsDeps, ctx: ActorContext, eventId: string) {
  const state = await getGroupsQuietly(deps, ctx, eventId);
  if (!state.grouping) throw new AppError('conflict', message('eventGroups.error.noGroups'));
  const sample = state.groups.find((g) => g.length > 0);
  return { state, sample: sample ? groupMail(deps, state.event, state.groups.indexOf(sample) + 1, sample[0], sample.slice(1)) : undefined };
}

/** Mails every participant in a group their group (once confirmed), records when and by whom, audited per registrant with an account. */
export async function mailGroups(deps: GroupsDeps, ctx: ActorContext, eventId: string, confirmed: string | undefined): Promise<{ mailed: number }> {
  const via = await requireStaff(ctx);
  const event = await groupedEvent(deps.db, eventId);
  if (event.cancelledAt) throw new AppError('conflict', message('eventGroups.error.cancelled'));
  const now = nowOf(deps);
  const mailIds = await inTransaction(deps.db, async (tx) => {
    if (!(await repo.lockGrouping(tx, event.id))) throw new AppError('conflict', message('eventGroups.error.noGroups'));
    if (confirmed !== 'ja') throw new FieldProblem('bevestigd', message('eventGroups.mail.error.confirm'));
    const state = await stateOf(tx, event);
    const mails = state.groups.flatMap((group, g) =>
      group.map((m) =>
        groupMail(
          deps,
          event,
          g + 1,
          m,
          group.filter((o) => o !== m),
        ),
      ),
    );
    await repo.markMailed(tx, event.id, actorLabel(ctx), now);
    const mailed = state.groups.flat();
    await recordAudit(tx, ctx, { action: 'event-groups.mailed', via, after: { event: event.id, mailed: mailed.length, groups: state.groups.length } });
    await recordAuditPerAccount(
      tx,
      ctx,
      { action: 'event-groups.mailed', via, after: { event: event.id } },
      mailed.flatMap((m) => (m.accountId ? [m.accountId] : [])),
    );
    return deps.mailer.queueMany(tx, mails);
  });
  await deps.mailer.deliver(deps.db, mailIds);
  return { mailed: mailIds.length };
}

/** The person's groups for their AVG download: per registration in a group, the event and the group's number. */
export async function exportOwnEventGroups(db: Db, owner: { accountId: string; email: string }) {
  const rows = await repo.listGroupsOf(db, await listOwnRegistrationIds(db, owner));
  return Promise.all(
    rows.map(async (r) => {
      const event = await findEventById(db, r.eventId);
      return {
        bijeenkomst: event?.title ?? null,
        begint: event?.startsAt.toISOString() ?? null,
        groep: r.groupNumber,
        groepenGemaildOp: r.mailedAt?.toISOString() ?? null,
      };
    }),
  );
}

/** Demo data: groups of ten for each exploratory conversation without groups, as staff would propose them. */
export async function seedDemoEventGroups(db: Db, now = new Date()): Promise<{ events: number; groups: number }> {
  let groups = 0;
  // the upcoming conversations (the events' public list, so not cancelled) that have no groups yet
  const upcoming = (await searchEvents({ db, now: () => now }, { kind: groupedKind, period: 'komend' }, 1, 100)).events;
  const ids: string[] = [];
  for (const event of upcoming) if (!(await repo.findGrouping(db, event.id))) ids.push(event.id);
  for (const id of ids) {
    const members = await loadMembers(db, id);
    if (members.length < 2) continue;
    const proposal = proposeGroups(members.map(personOf), { groupSize: 10, attributes });
    await inTransaction(db, (tx) => repo.replaceGroups(tx, id, 10, proposal.groups, 'Demodata', now));
    groups += proposal.groups.length;
  }
  return { events: ids.length, groups };
}
