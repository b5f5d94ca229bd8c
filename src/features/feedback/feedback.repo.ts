import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { arrayLiteral } from '../../db/array-literal.ts';
import { column, countOf, firstRowOf, hasRows, row, rowsOf } from '../../db/rows.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import type { AnswerFacts } from './feedback.rules.ts';

/*
 * The feedback's tables (decision 030). The event's title and kind are read from `events` in the same
 * statement for lists (a join, read only); everything the events feature decides (who had a place, who
 * came) comes through its face.
 */

// ─── invitations ─────────────────────────────────────────────────────────────────────────────────

export type NewInvitation = { eventId: string; registrationId: string; tokenHash: string; invitedAt: Date; expiresAt: Date };

/** Inserts the invitations not yet there (one per registration, ever); returns the registrations that got one now. */
export async function insertInvitations(tx: Db, invitations: readonly NewInvitation[]): Promise<string[]> {
  const added: string[] = [];
  for (const i of invitations) {
    const result = await tx.execute(sql`INSERT INTO feedback_invitations (id, event_id, event_registration_id, token_hash, invited_at, expires_at)
      VALUES (${uuidV7()}, ${i.eventId}, ${i.registrationId}, ${i.tokenHash}, ${i.invitedAt.toISOString()}, ${i.expiresAt.toISOString()})
      ON CONFLICT (event_registration_id) DO NOTHING RETURNING id`);
    if (hasRows(result)) added.push(i.registrationId);
  }
  return added;
}

export type Invitation = { id: string; eventId: string; registrationId: string; expiresAt: Date; answeredAt: Date | null };
const invitationRow = row({
  id: column.text,
  eventId: column.text,
  registrationId: column.text,
  expiresAt: column.moment,
  answeredAt: column.moment.nullable(),
});

export async function findInvitationByToken(db: Db, tokenHash: string): Promise<Invitation | undefined> {
  return firstRowOf(
    invitationRow,
    await db.execute(sql`SELECT id, event_id AS "eventId", event_registration_id AS "registrationId", expires_at AS "expiresAt", answered_at AS "answeredAt"
      FROM feedback_invitations WHERE token_hash = ${tokenHash}`),
  );
}

/** Marks the link used; false when it was used meanwhile (or has expired): then nothing else may be saved. */
export async function markAnswered(tx: Db, invitationId: string, now: Date): Promise<boolean> {
  return hasRows(
    await tx.execute(sql`UPDATE feedback_invitations SET answered_at = ${now.toISOString()}
      WHERE id = ${invitationId} AND answered_at IS NULL AND expires_at > ${now.toISOString()} RETURNING id`),
  );
}

/** How many of an event's registrants were invited, and how many answered. */
export async function countInvitations(db: Db, eventId: string): Promise<{ invited: number; answered: number }> {
  return firstRowOf(
    row({ invited: column.integer, answered: column.integer }),
    await db.execute(sql`SELECT count(*) AS invited, count(answered_at) AS answered FROM feedback_invitations WHERE event_id = ${eventId}`),
  )!;
}

// ─── answers ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Stores an answer. Its id is random (not time-ordered like the other tables' ids), and it keeps only
 * the day: an anonymous answer holds nothing to join it to its invitation by.
 */
export async function insertAnswer(
  tx: Db,
  a: { eventId: string; registrationId: string | null; anonymous: boolean; facts: AnswerFacts; day: string },
): Promise<string> {
  const id = randomUUID();
  await tx.execute(sql`INSERT INTO feedback_answers (id, event_id, event_registration_id, anonymous, rating, valuable, improve, other, answered_on)
    VALUES (${id}, ${a.eventId}, ${a.anonymous ? null : a.registrationId}, ${a.anonymous}, ${a.facts.rating}, ${a.facts.valuable}, ${a.facts.improve},
      ${a.facts.other}, ${a.day})`);
  return id;
}

export type Answer = {
  id: string;
  eventId: string;
  eventTitle: string;
  eventKind: string;
  eventStartsAt: Date;
  anonymous: boolean;
  rating: number;
  valuable: string;
  improve: string;
  other: string;
  answeredOn: string;
  /** the name the registrant gave, for an answer that is not anonymous */
  name: string | null;
  accountId: string | null;
  topicIds: string[];
};

const answerRow = row({
  id: column.text,
  eventId: column.text,
  eventTitle: column.text,
  eventKind: column.text,
  eventStartsAt: column.moment,
  anonymous: column.boolean,
  rating: column.integer,
  valuable: column.text,
  improve: column.text,
  other: column.text,
  answeredOn: column.day,
  name: column.text.nullable(),
  accountId: column.text.nullable(),
  topicIds: column.texts,
});

const answerColumns = sql`a.id, a.event_id AS "eventId", e.title AS "eventTitle", e.kind AS "eventKind", e.starts_at AS "eventStartsAt", a.anonymous,
  a.rating, a.valuable, a.improve, a.other, a.answered_on::text AS "answeredOn", r.name, r.account_id AS "accountId",
  ARRAY(SELECT t.topic_id::text FROM feedback_answer_topics t WHERE t.answer_id = a.id ORDER BY t.topic_id) AS "topicIds"`;
const answerFrom = sql`feedback_answers a JOIN events e ON e.id = a.event_id LEFT JOIN event_registrations r ON r.id = a.event_registration_id`;

export async function listEventAnswers(db: Db, eventId: string): Promise<Answer[]> {
  return rowsOf(answerRow, await db.execute(sql`SELECT ${answerColumns} FROM ${answerFrom} WHERE a.event_id = ${eventId} ORDER BY a.answered_on, a.id`));
}

export async function findAnswer(db: Db, id: string): Promise<Answer | undefined> {
  return firstRowOf(answerRow, await db.execute(sql`SELECT ${answerColumns} FROM ${answerFrom} WHERE a.id = ${id}`));
}

export type BacklogWhere = { kind: string | null; fromDay: string | null; topic: string | null };

function backlogConditions(w: BacklogWhere, withTopic: boolean): SQL {
  const parts: SQL[] = [sql`true`];
  if (w.kind) parts.push(sql`e.kind = ${w.kind}`);
  if (w.fromDay) parts.push(sql`a.answered_on >= ${w.fromDay}::date`);
  if (withTopic && w.topic === 'geen') parts.push(sql`NOT EXISTS (SELECT 1 FROM feedback_answer_topics t WHERE t.answer_id = a.id)`);
  else if (withTopic && w.topic) parts.push(sql`EXISTS (SELECT 1 FROM feedback_answer_topics t WHERE t.answer_id = a.id AND t.topic_id = ${w.topic})`);
  return sql.join(parts, sql` AND `);
}

/** Answers per topic per month (an answer with two topics counts for each; untagged ones under no topic). */
export async function countPerTopicAndMonth(db: Db, w: BacklogWhere): Promise<{ topicId: string | null; month: string; answers: number }[]> {
  return rowsOf(
    row({ topicId: column.text.nullable(), month: column.text, answers: column.integer }),
    await db.execute(sql`SELECT t.topic_id AS "topicId", to_char(a.answered_on, 'YYYY-MM') AS month, count(*) AS answers
      FROM feedback_answers a JOIN events e ON e.id = a.event_id LEFT JOIN feedback_answer_topics t ON t.answer_id = a.id
      WHERE ${backlogConditions(w, false)} GROUP BY 1, 2 ORDER BY 2`),
  );
}

/** Answers per month, each once. */
export async function countPerMonth(db: Db, w: BacklogWhere): Promise<{ month: string; answers: number; rating: number }[]> {
  return rowsOf(
    row({ month: column.text, answers: column.integer, rating: column.number }),
    await db.execute(sql`SELECT to_char(a.answered_on, 'YYYY-MM') AS month, count(*) AS answers, round(avg(a.rating), 1)::float8 AS rating
      FROM feedback_answers a JOIN events e ON e.id = a.event_id WHERE ${backlogConditions(w, false)} GROUP BY 1 ORDER BY 1`),
  );
}

/** The answers with something written, newest first, a page at a time (for the quotes), or all of them (the CSV). */
export async function listBacklogAnswers(
  db: Db,
  w: BacklogWhere,
  page: { offset: number; limit: number } | null,
  writtenOnly: boolean,
): Promise<{ answers: Answer[]; total: number }> {
  const written = writtenOnly ? sql` AND (a.valuable <> '' OR a.improve <> '' OR a.other <> '')` : sql``;
  const where = sql`${backlogConditions(w, true)}${written}`;
  const limit = page ? sql` LIMIT ${page.limit} OFFSET ${page.offset}` : sql``;
  const answers = rowsOf(
    answerRow,
    await db.execute(sql`SELECT ${answerColumns} FROM ${answerFrom} WHERE ${where} ORDER BY a.answered_on DESC, e.starts_at DESC, a.id${limit}`),
  );
  const total = page ? countOf(await db.execute(sql`SELECT count(*) AS n FROM ${answerFrom} WHERE ${where}`)) : answers.length;
  return { answers, total };
}

/** Answers nobody tagged yet: register staff's start card. */
export async function countUntagged(db: Db): Promise<number> {
  return countOf(
    await db.execute(sql`SELECT count(*) AS n FROM feedback_answers a WHERE NOT EXISTS (SELECT 1 FROM feedback_answer_topics t WHERE t.answer_id = a.id)`),
  );
}

/**
 * Sets an answer's topics to those given among the active ones; tags with a retired topic stay (it is
 * no longer offered, so it cannot be ticked off either). Returns what was added and removed.
 */
export async function setAnswerTopics(tx: Db, answerId: string, topicIds: readonly string[], byLabel: string, now: Date) {
  const removed = rowsOf(
    row({ topicId: column.text }),
    await tx.execute(sql`DELETE FROM feedback_answer_topics t USING feedback_topics f
      WHERE t.answer_id = ${answerId} AND f.id = t.topic_id AND f.retired_at IS NULL AND NOT (t.topic_id = ANY(${arrayLiteral(topicIds)}::uuid[]))
      RETURNING t.topic_id AS "topicId"`),
  ).map((r) => r.topicId);
  const added: string[] = [];
  for (const topicId of topicIds) {
    const result = await tx.execute(sql`INSERT INTO feedback_answer_topics (answer_id, topic_id, tagged_by_label, tagged_at)
      VALUES (${answerId}, ${topicId}, ${byLabel}, ${now.toISOString()}) ON CONFLICT DO NOTHING RETURNING topic_id`);
    if (hasRows(result)) added.push(topicId);
  }
  return { added, removed };
}

// ─── topics ──────────────────────────────────────────────────────────────────────────────────────

export type Topic = { id: string; name: string; retiredAt: Date | null; answers: number };
const topicRow = row({ id: column.text, name: column.text, retiredAt: column.moment.nullable(), answers: column.integer });
const topicColumns = sql`f.id, f.name, f.retired_at AS "retiredAt", (SELECT count(*) FROM feedback_answer_topics t WHERE t.topic_id = f.id) AS answers`;

/** Every topic, active ones first, by name. */
export async function listTopics(db: Db): Promise<Topic[]> {
  return rowsOf(topicRow, await db.execute(sql`SELECT ${topicColumns} FROM feedback_topics f ORDER BY f.retired_at IS NOT NULL, lower(f.name)`));
}

export async function findTopic(db: Db, id: string): Promise<Topic | undefined> {
  return firstRowOf(topicRow, await db.execute(sql`SELECT ${topicColumns} FROM feedback_topics f WHERE f.id = ${id}`));
}

/** A new topic; undefined when one of that name (in any case) exists. */
export async function insertTopic(tx: Db, name: string, now: Date): Promise<string | undefined> {
  const id = uuidV7();
  const result = await tx.execute(
    sql`INSERT INTO feedback_topics (id, name, created_at) VALUES (${id}, ${name}, ${now.toISOString()}) ON CONFLICT DO NOTHING RETURNING id`,
  );
  return hasRows(result) ? id : undefined;
}

/** Renames; false when another topic has that name. */
export async function renameTopic(tx: Db, id: string, name: string): Promise<boolean> {
  const taken = hasRows(await tx.execute(sql`SELECT 1 FROM feedback_topics WHERE lower(name) = lower(${name}) AND id <> ${id}`));
  if (taken) return false;
  await tx.execute(sql`UPDATE feedback_topics SET name = ${name} WHERE id = ${id}`);
  return true;
}

export async function setRetired(tx: Db, id: string, at: Date | null): Promise<void> {
  await tx.execute(sql`UPDATE feedback_topics SET retired_at = ${at ? at.toISOString() : null} WHERE id = ${id}`);
}

// ─── the person's own ────────────────────────────────────────────────────────────────────────────

const ownWhere = (owner: { accountId: string; email: string }) => sql`(r.account_id = ${owner.accountId} OR r.email = ${owner.email.toLowerCase()})`;

/** Invitations sent to the person's registrations (by account or by address). */
export async function listOwnInvitations(db: Db, owner: { accountId: string; email: string }) {
  return rowsOf(
    row({ eventTitle: column.text, invitedAt: column.moment, expiresAt: column.moment, answeredAt: column.moment.nullable(), anonymous: column.boolean }),
    await db.execute(sql`SELECT e.title AS "eventTitle", i.invited_at AS "invitedAt", i.expires_at AS "expiresAt", i.answered_at AS "answeredAt",
        e.anonymous_feedback AS anonymous
      FROM feedback_invitations i JOIN event_registrations r ON r.id = i.event_registration_id JOIN events e ON e.id = i.event_id
      WHERE ${ownWhere(owner)} ORDER BY i.invited_at DESC`),
  );
}

/** The person's answers that are not anonymous (an anonymous one names nobody, so it cannot be found as theirs). */
export async function listOwnAnswers(db: Db, owner: { accountId: string; email: string }): Promise<Answer[]> {
  return rowsOf(answerRow, await db.execute(sql`SELECT ${answerColumns} FROM ${answerFrom} WHERE ${ownWhere(owner)} ORDER BY a.answered_on DESC`));
}
