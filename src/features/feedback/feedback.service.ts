import type { Db } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { actorLabel, recordAudit, recordAuditPerAccount, type ActorContext } from '../../platform/audit/audit.ts';
import { hashToken, randomToken } from '../../platform/crypto.ts';
import { spreadsheetLine } from '../../platform/csv/write.ts';
import { dutchToday } from '../../platform/dates/calendar.ts';
import { AppError } from '../../platform/errors.ts';
import { message, type Message } from '../../platform/i18n.ts';
import { uuidPattern as uuid } from '../../platform/ids/uuid-pattern.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { requirePermission } from '../../platform/policy.ts';
import { eventKinds, eventWhen, findEventById, listConfirmedRegistrants, listEndedEvents } from '../events/index.ts';
import {
  checkAnswer,
  checkBacklogQuery,
  checkTopicName,
  invitationWindow,
  invitees,
  linkDays,
  periodStart,
  type AnswerForm,
  type BacklogFilter,
  type BacklogQuery,
  type FieldProblem,
} from './feedback.rules.ts';
import * as repo from './feedback.repo.ts';

export type { Answer, Topic } from './feedback.repo.ts';

export type FeedbackDeps = { db: Db; mailer: Mailer; baseUrl: string; now?: () => Date };
const nowOf = (deps: Pick<FeedbackDeps, 'now'>) => (deps.now ? deps.now() : new Date());

/** Problems at the form's fields: the routes show them in the error summary, the values kept. */
export class FieldProblems extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super('the form has problems');
  }
}
const refuse = (field: string, text: Message) => new FieldProblems([{ field, message: text }]);

// ─── paths ───────────────────────────────────────────────────────────────────────────────────────

export const formPath = '/feedback';
export const thanksPath = '/feedback/bedankt';
export const backlogPath = '/beheer/feedback';
export const backlogCsvPath = '/beheer/feedback.csv';
export const topicsPath = '/beheer/feedback/onderwerpen';
export const topicPath = (id: string) => `${topicsPath}/${id}`;
export const eventFeedbackPath = (eventId: string) => `/beheer/bijeenkomsten/${eventId}/feedback`;
export const answerTopicsPath = (answerId: string) => `${backlogPath}/antwoorden/${answerId}`;

// ─── the invitations ─────────────────────────────────────────────────────────────────────────────

/**
 * Invites, once, everyone who came to an event that ended between two hours and fourteen days ago
 * (feedback.rules.ts `invitees`: those marked present, or all with a place when nobody was marked).
 * The invitations are inserted and their mails queued in one transaction; an invitation already there
 * (unique per registration) gets no second mail, however often this runs, or twice at once.
 */
export async function sendInvitations(deps: FeedbackDeps): Promise<{ mailed: number }> {
  const now = nowOf(deps);
  const { from, until } = invitationWindow(now);
  const events = await listEndedEvents(deps.db, from, until);
  const mailIds: string[] = [];
  for (const event of events) {
    const chosen = invitees(await listConfirmedRegistrants(deps.db, event.id));
    if (chosen.length === 0) continue;
    const tokens = new Map(chosen.map((r) => [r.registrationId, randomToken()]));
    const expiresAt = new Date(now.getTime() + linkDays * 86_400_000);
    const ids = await inTransaction(deps.db, async (tx) => {
      const added = new Set(
        await repo.insertInvitations(
          tx,
          chosen.map((r) => ({
            eventId: event.id,
            registrationId: r.registrationId,
            tokenHash: hashToken(tokens.get(r.registrationId)!),
            invitedAt: now,
            expiresAt,
          })),
        ),
      );
      return deps.mailer.queueMany(
        tx,
        chosen
          .filter((r) => added.has(r.registrationId))
          .map((r) => ({
            to: r.email,
            template: event.anonymousFeedback ? ('feedback-invitation-anonymous' as const) : ('feedback-invitation' as const),
            lang: r.lang,
            params: {
              name: r.name,
              title: event.title,
              when: eventWhen(r.lang, event),
              link: `${deps.baseUrl}${formPath}?token=${encodeURIComponent(tokens.get(r.registrationId)!)}${r.lang === 'en' ? '&lang=en' : ''}`,
              days: linkDays,
            },
          })),
      );
    });
    mailIds.push(...ids);
  }
  await deps.mailer.deliver(deps.db, mailIds);
  return { mailed: mailIds.length };
}

// ─── the form ────────────────────────────────────────────────────────────────────────────────────

export type LinkState = 'open' | 'answered' | 'expired';

/** A link that names no invitation: the page says so (404), never more. */
export class UnknownLink extends Error {
  constructor() {
    super('unknown feedback link');
  }
}
const unknownLink = () => new UnknownLink();

/** The mailed link's invitation and event, and whether the form can still be used. */
export async function describeLink(deps: Pick<FeedbackDeps, 'db' | 'now'>, token: string) {
  const invitation = token ? await repo.findInvitationByToken(deps.db, hashToken(token)) : undefined;
  if (!invitation) throw unknownLink();
  const event = await findEventById(deps.db, invitation.eventId);
  if (!event) throw unknownLink();
  const state: LinkState = invitation.answeredAt ? 'answered' : invitation.expiresAt <= nowOf(deps) ? 'expired' : 'open';
  return { invitation, event, state };
}

export class LinkClosed extends Error {
  constructor(readonly state: Exclude<LinkState, 'open'>) {
    super(`the link is ${state}`);
  }
}

/**
 * Stores an answer given through the mailed link, once: the link is marked used and the answer stored in
 * one transaction (a second submission finds it used, and nothing is stored). For an anonymous event
 * the answer keeps no registration, and no time but the day.
 */
export async function submitAnswer(deps: FeedbackDeps, token: string, form: AnswerForm): Promise<void> {
  const { invitation, event, state } = await describeLink(deps, token);
  if (state !== 'open') throw new LinkClosed(state);
  const checked = checkAnswer(form);
  if (!checked.ok) throw new FieldProblems(checked.problems);
  const now = nowOf(deps);
  await inTransaction(deps.db, async (tx) => {
    if (!(await repo.markAnswered(tx, invitation.id, now))) throw new LinkClosed('answered');
    await repo.insertAnswer(tx, {
      eventId: event.id,
      registrationId: invitation.registrationId,
      anonymous: event.anonymousFeedback,
      facts: checked.facts,
      day: dutchToday(now),
    });
  });
}

// ─── register staff ──────────────────────────────────────────────────────────────────────────────

async function requireStaff(ctx: ActorContext) {
  return requirePermission(ctx.actor, { action: 'events.manage' });
}

const eventOf = async (db: Db, id: string) => {
  const event = await findEventById(db, id);
  if (!event) throw AppError.notFound(message('feedback.error.eventNotFound'));
  return event;
};

export async function listTopics(deps: Pick<FeedbackDeps, 'db'>, ctx: ActorContext) {
  await requireStaff(ctx);
  return repo.listTopics(deps.db);
}

export async function addTopic(deps: FeedbackDeps, ctx: ActorContext, name: string): Promise<void> {
  const via = await requireStaff(ctx);
  const checked = checkTopicName(name);
  if (!checked.ok) throw new FieldProblems(checked.problems);
  await inTransaction(deps.db, async (tx) => {
    const id = await repo.insertTopic(tx, checked.facts, nowOf(deps));
    if (!id) throw refuse('naam', message('feedback.topics.error.nameTaken', { name: checked.facts }));
    await recordAudit(tx, ctx, { action: 'feedback-topic.created', via, after: { topic: id, name: checked.facts } });
  });
}

export type TopicAction = 'hernoemen' | 'intrekken' | 'terugzetten';

/** Renames a topic, retires it (offered no more; its tags stay) or brings it back. Returns the notice's key. */
export async function changeTopic(deps: FeedbackDeps, ctx: ActorContext, id: string, action: string, name: string): Promise<TopicAction> {
  const via = await requireStaff(ctx);
  const topic = uuid.test(id) ? await repo.findTopic(deps.db, id.toLowerCase()) : undefined;
  if (!topic) throw AppError.notFound(message('feedback.topics.error.notFound'));
  const field = `naam-${topic.id}`;
  if (action === 'hernoemen') {
    const checked = checkTopicName(name, field);
    if (!checked.ok) throw new FieldProblems(checked.problems);
    await inTransaction(deps.db, async (tx) => {
      if (!(await repo.renameTopic(tx, topic.id, checked.facts))) throw refuse(field, message('feedback.topics.error.nameTaken', { name: checked.facts }));
      await recordAudit(tx, ctx, { action: 'feedback-topic.renamed', via, before: { name: topic.name }, after: { topic: topic.id, name: checked.facts } });
    });
    return action;
  }
  if (action === 'intrekken' || action === 'terugzetten') {
    await inTransaction(deps.db, async (tx) => {
      await repo.setRetired(tx, topic.id, action === 'intrekken' ? nowOf(deps) : null);
      await recordAudit(tx, ctx, { action: action === 'intrekken' ? 'feedback-topic.retired' : 'feedback-topic.restored', via, after: { topic: topic.id } });
    });
    return action;
  }
  throw new AppError('bad_request', message('feedback.topics.error.action'));
}

/**
 * An event's feedback for register staff: how many were invited and answered, the answers with their
 * topics, and the topics to tag with. Names of those who answered openly are shown: reading them is
 * audited, per account as the attendance list is.
 */
export async function getEventFeedback(deps: Pick<FeedbackDeps, 'db'>, ctx: ActorContext, eventId: string) {
  const via = await requireStaff(ctx);
  const event = await eventOf(deps.db, eventId);
  const [counts, answers, topics] = await Promise.all([
    repo.countInvitations(deps.db, event.id),
    repo.listEventAnswers(deps.db, event.id),
    repo.listTopics(deps.db),
  ]);
  const named = answers.filter((a) => a.accountId !== null || a.name !== null);
  if (named.length > 0) {
    await inTransaction(deps.db, async (tx) => {
      await recordAudit(tx, ctx, { action: 'feedback-answers.viewed', via, after: { event: event.id, answers: named.map((a) => a.id) } });
      await recordAuditPerAccount(
        tx,
        ctx,
        { action: 'feedback-answers.viewed', via, after: { event: event.id } },
        named.flatMap((a) => (a.accountId ? [a.accountId] : [])),
      );
    });
  }
  return { event, counts, answers, topics };
}

/**
 * Tags an answer with topics (the ticked ones of those offered). An unknown topic, or a retired one
 * the answer did not have, is refused at the answer's field, and nothing changes.
 */
export async function tagAnswer(deps: FeedbackDeps, ctx: ActorContext, answerId: string, topicIds: string[]): Promise<{ eventId: string }> {
  const via = await requireStaff(ctx);
  const answer = uuid.test(answerId) ? await repo.findAnswer(deps.db, answerId.toLowerCase()) : undefined;
  if (!answer) throw AppError.notFound(message('feedback.answers.error.notFound'));
  const field = `onderwerpen-${answer.id}`;
  const topics = new Map((await repo.listTopics(deps.db)).map((t) => [t.id, t]));
  const wanted = [...new Set(topicIds.map((id) => id.toLowerCase()))];
  for (const id of wanted) {
    const topic = topics.get(id);
    if (!topic) throw refuse(field, message('feedback.answers.error.unknownTopic'));
    if (topic.retiredAt && !answer.topicIds.includes(id)) throw refuse(field, message('feedback.answers.error.retiredTopic', { name: topic.name }));
  }
  const active = wanted.filter((id) => !topics.get(id)!.retiredAt);
  await inTransaction(deps.db, async (tx) => {
    const changed = await repo.setAnswerTopics(tx, answer.id, active, actorLabel(ctx), nowOf(deps));
    await recordAudit(tx, ctx, { action: 'feedback-answer.tagged', via, after: { event: answer.eventId, answer: answer.id, ...changed } });
  });
  return { eventId: answer.eventId };
}

/** The event an answer belongs to (to show its page again after a refused tagging). */
export async function answerEvent(deps: Pick<FeedbackDeps, 'db'>, answerId: string): Promise<{ eventId: string }> {
  const answer = uuid.test(answerId) ? await repo.findAnswer(deps.db, answerId.toLowerCase()) : undefined;
  if (!answer) throw AppError.notFound(message('feedback.answers.error.notFound'));
  return { eventId: answer.eventId };
}

// ─── the backlog ─────────────────────────────────────────────────────────────────────────────────

export type BacklogRow = { topicId: string | null; name: string; retired: boolean; perMonth: Map<string, number>; total: number };
export type Backlog = {
  filter: BacklogFilter;
  months: { month: string; answers: number; rating: number }[];
  rows: BacklogRow[];
  quotes: { answers: repo.Answer[]; total: number; page: number; pageSize: number };
  topics: repo.Topic[];
};

export function checkBacklog(query: BacklogQuery) {
  return checkBacklogQuery(query, eventKinds);
}

const whereOf = (filter: BacklogFilter, now: Date): repo.BacklogWhere => ({
  kind: filter.kind,
  fromDay: periodStart(filter.period, dutchToday(now)),
  topic: filter.topic && (filter.topic === 'geen' || uuid.test(filter.topic)) ? filter.topic.toLowerCase() : filter.topic ? 'geen-such' : null,
});

/**
 * The backlog: answers per topic per month over the period (an answer tagged twice counts for both
 * topics; untagged answers have a row of their own), and the written answers as quotes, a page at a time.
 */
export async function getBacklog(
  deps: Pick<FeedbackDeps, 'db' | 'now'>,
  ctx: ActorContext,
  filter: BacklogFilter,
  page: number,
  pageSize: number,
): Promise<Backlog> {
  await requireStaff(ctx);
  const where = whereOf(filter, nowOf(deps));
  if (where.topic === 'geen-such') throw AppError.notFound(message('feedback.topics.error.notFound'));
  const [counts, months, quotes, topics] = await Promise.all([
    repo.countPerTopicAndMonth(deps.db, where),
    repo.countPerMonth(deps.db, where),
    repo.listBacklogAnswers(deps.db, where, { offset: (page - 1) * pageSize, limit: pageSize }, true),
    repo.listTopics(deps.db),
  ]);
  const rows = new Map<string | null, BacklogRow>();
  for (const c of counts) {
    const topic = c.topicId ? topics.find((t) => t.id === c.topicId) : undefined;
    const key = topic ? topic.id : null;
    const r = rows.get(key) ?? { topicId: key, name: topic?.name ?? '', retired: topic?.retiredAt != null, perMonth: new Map(), total: 0 };
    r.perMonth.set(c.month, (r.perMonth.get(c.month) ?? 0) + c.answers);
    r.total += c.answers;
    rows.set(key, r);
  }
  const ordered = [...rows.values()].sort((a, b) =>
    a.topicId === null ? 1 : b.topicId === null ? -1 : b.total - a.total || a.name.localeCompare(b.name, 'nl'),
  );
  return { filter, months, rows: ordered, quotes: { ...quotes, page, pageSize }, topics };
}

/**
 * The backlog as CSV (`;`, a BOM, formulas defused): one line per answer of the period and kind, with its
 * month, event, rating, topics and the open answers. No names: the export is for the backlog, not about
 * people. The download is audited.
 */
export async function exportBacklogCsv(deps: Pick<FeedbackDeps, 'db' | 'now'>, ctx: ActorContext, filter: BacklogFilter) {
  const via = await requireStaff(ctx);
  const where = whereOf(filter, nowOf(deps));
  if (where.topic === 'geen-such') throw AppError.notFound(message('feedback.topics.error.notFound'));
  const [{ answers }, topics] = await Promise.all([repo.listBacklogAnswers(deps.db, where, null, false), repo.listTopics(deps.db)]);
  const names = new Map(topics.map((t) => [t.id, t.name]));
  await recordAudit(deps.db, ctx, {
    action: 'feedback.exported',
    via,
    after: { kind: filter.kind, period: filter.period, topic: filter.topic, answers: answers.length },
  });
  const lines = [
    `\uFEFF${spreadsheetLine(['maand', 'datum', 'bijeenkomst', 'soort', 'cijfer', 'onderwerpen', 'waardevol', 'kan beter', 'verder', 'anoniem'])}`,
    ...answers.map((a) =>
      spreadsheetLine([
        a.answeredOn.slice(0, 7),
        a.answeredOn,
        a.eventTitle,
        a.eventKind,
        a.rating,
        a.topicIds
          .map((id) => names.get(id) ?? '')
          .sort((x, y) => x.localeCompare(y, 'nl'))
          .join(', '),
        a.valuable,
        a.improve,
        a.other,
        a.anonymous ? 'ja' : 'nee',
      ]),
    ),
  ];
  return { fileName: `feedback-${dutchToday(nowOf(deps))}.csv`, text: lines.join('') };
}

/** Register staff's start card: answers not yet tagged. */
export const countUntagged = (db: Db) => repo.countUntagged(db);

// ─── the person's own ────────────────────────────────────────────────────────────────────────────

/** For the AVG download: the invitations to the person's registrations, and their answers that are not anonymous. */
export async function exportOwnFeedback(db: Db, owner: { accountId: string; email: string }) {
  const [invitations, answers] = await Promise.all([repo.listOwnInvitations(db, owner), repo.listOwnAnswers(db, owner)]);
  return {
    uitnodigingen: invitations.map((i) => ({
      bijeenkomst: i.eventTitle,
      uitgenodigdOp: i.invitedAt.toISOString(),
      linkGeldigTot: i.expiresAt.toISOString(),
      beantwoordOp: i.answeredAt?.toISOString() ?? null,
      anoniem: i.anonymous,
    })),
    antwoorden: answers.map((a) => ({
      bijeenkomst: a.eventTitle,
      datum: a.answeredOn,
      cijfer: a.rating,
      waardevol: a.valuable,
      kanBeter: a.improve,
      verder: a.other,
    })),
  };
}
