import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { arrayLiteral } from '../../db/array-literal.ts';
import { column, countOf, firstRowOf, hasRows, row, rowsOf, type RowSchema } from '../../db/rows.ts';
import { uuidV7 } from '../../lib/uuid-v7.ts';
import type { EventFacts, EventFilter, RegistrationStatus, SchoolSetting } from './events.rules.ts';

export type Event = {
  id: string;
  kind: string;
  title: string;
  description: string;
  audience: string[];
  startsAt: Date;
  endsAt: Date;
  online: boolean;
  place: string | null;
  onlineUrl: string | null;
  capacity: number;
  anonymousFeedback: boolean;
  cancelledAt: Date | null;
  /** registrations that hold a place */
  placed: number;
  /** registrations on the waiting list */
  waiting: number;
};

const eventRow = row({
  id: column.text,
  kind: column.text,
  title: column.text,
  description: column.text,
  audience: column.texts,
  startsAt: column.moment,
  endsAt: column.moment,
  online: column.boolean,
  place: column.text.nullable(),
  onlineUrl: column.text.nullable(),
  capacity: column.integer,
  anonymousFeedback: column.boolean,
  cancelledAt: column.moment.nullable(),
  placed: column.integer,
  waiting: column.integer,
}) satisfies RowSchema<Event>;

const eventColumns = sql`e.id, e.kind, e.title, e.description, e.audience, e.starts_at AS "startsAt", e.ends_at AS "endsAt", e.online, e.place,
  e.online_url AS "onlineUrl", e.capacity, e.anonymous_feedback AS "anonymousFeedback", e.cancelled_at AS "cancelledAt",
  (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'aangemeld') AS placed,
  (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'wachtlijst') AS waiting`;

export async function findEvent(db: Db, id: string): Promise<Event | undefined> {
  return firstRowOf(eventRow, await db.execute(sql`SELECT ${eventColumns} FROM events e WHERE e.id = ${id}`));
}

/** The event's row locked for this transaction: places are handed out one transaction at a time. */
export async function lockEvent(tx: Db, id: string): Promise<Event | undefined> {
  await tx.execute(sql`SELECT id FROM events WHERE id = ${id} FOR UPDATE`);
  return findEvent(tx, id);
}

export async function insertEvent(tx: Db, facts: EventFacts, byLabel: string, now: Date): Promise<string> {
  const id = uuidV7();
  await tx.execute(sql`INSERT INTO events (id, kind, title, description, audience, starts_at, ends_at, online, place, online_url, capacity,
      anonymous_feedback, created_by_label, created_at, updated_at)
    VALUES (${id}, ${facts.kind}, ${facts.title}, ${facts.description}, ${arrayLiteral(facts.audience)}::text[], ${facts.startsAt.toISOString()},
      ${facts.endsAt.toISOString()}, ${facts.online}, ${facts.place}, ${facts.onlineUrl}, ${facts.capacity}, ${facts.anonymousFeedback}, ${byLabel},
      ${now.toISOString()}, ${now.toISOString()})`);
  return id;
}

export async function updateEvent(tx: Db, id: string, facts: EventFacts, now: Date): Promise<void> {
  await tx.execute(sql`UPDATE events SET kind = ${facts.kind}, title = ${facts.title}, description = ${facts.description},
      audience = ${arrayLiteral(facts.audience)}::text[], starts_at = ${facts.startsAt.toISOString()}, ends_at = ${facts.endsAt.toISOString()},
      online = ${facts.online}, place = ${facts.place}, online_url = ${facts.onlineUrl}, capacity = ${facts.capacity},
      anonymous_feedback = ${facts.anonymousFeedback}, updated_at = ${now.toISOString()}
    WHERE id = ${id}`);
}

/** Cancels an event that was not cancelled yet; false when someone did meanwhile. */
export async function cancelEvent(tx: Db, id: string, now: Date): Promise<boolean> {
  return hasRows(
    await tx.execute(sql`UPDATE events SET cancelled_at = ${now.toISOString()}, updated_at = ${now.toISOString()}
    WHERE id = ${id} AND cancelled_at IS NULL RETURNING id`),
  );
}

function listConditions(filter: EventFilter, now: Date, includeCancelled: boolean): SQL {
  const conditions = [filter.period === 'komend' ? sql`e.ends_at > ${now.toISOString()}` : sql`e.ends_at <= ${now.toISOString()}`];
  if (filter.kind) conditions.push(sql`e.kind = ${filter.kind}`);
  if (!includeCancelled) conditions.push(sql`e.cancelled_at IS NULL`);
  return sql.join(conditions, sql` AND `);
}

/** A page of events: upcoming ones soonest first, past ones latest first. The public list leaves cancelled ones out. */
export async function listEvents(
  db: Db,
  filter: EventFilter,
  now: Date,
  page: { offset: number; limit: number },
  includeCancelled = false,
): Promise<{ events: Event[]; total: number }> {
  const where = listConditions(filter, now, includeCancelled);
  const order = filter.period === 'komend' ? sql`e.starts_at, e.id` : sql`e.starts_at DESC, e.id`;
  const events = rowsOf(
    eventRow,
    await db.execute(sql`SELECT ${eventColumns} FROM events e WHERE ${where} ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`),
  );
  const total = countOf(await db.execute(sql`SELECT count(*) AS n FROM events e WHERE ${where}`));
  return { events, total };
}

/** Every event not cancelled that ends after `since`, soonest first: the calendar feed. */
export async function listEventsForFeed(db: Db, since: Date, limit: number): Promise<Event[]> {
  return rowsOf(
    eventRow,
    await db.execute(sql`SELECT ${eventColumns} FROM events e WHERE e.ends_at > ${since.toISOString()} ORDER BY e.starts_at, e.id LIMIT ${limit}`),
  );
}

/** Events not cancelled that ended between `from` and `until`, earliest first: the feedback after an event (part 5). */
export async function listEndedEvents(db: Db, from: Date, until: Date): Promise<Event[]> {
  return rowsOf(
    eventRow,
    await db.execute(sql`SELECT ${eventColumns} FROM events e
      WHERE e.cancelled_at IS NULL AND e.ends_at > ${from.toISOString()} AND e.ends_at <= ${until.toISOString()} ORDER BY e.ends_at, e.id`),
  );
}

/** For register staff's start card: upcoming events, and the registrations for them (places and waiting). */
export async function countUpcoming(db: Db, now: Date): Promise<{ events: number; placed: number; waiting: number }> {
  return firstRowOf(
    row({ events: column.integer, placed: column.integer, waiting: column.integer }),
    await db.execute(sql`SELECT count(DISTINCT e.id) AS events,
        count(r.id) FILTER (WHERE r.status = 'aangemeld') AS placed, count(r.id) FILTER (WHERE r.status = 'wachtlijst') AS waiting
      FROM events e LEFT JOIN event_registrations r ON r.event_id = e.id
      WHERE e.starts_at > ${now.toISOString()} AND e.cancelled_at IS NULL`),
  )!;
}

// ─── registrations ───────────────────────────────────────────────────────────────────────────────

export type Registration = {
  id: string;
  eventId: string;
  accountId: string | null;
  name: string;
  email: string;
  role: string;
  schoolId: string | null;
  schoolName: string | null;
  brin: string | null;
  boardId: string | null;
  boardNumber: string | null;
  setting: string | null;
  lang: string;
  status: string;
  createdAt: Date;
  confirmedAt: Date | null;
  queuedAt: Date | null;
  placedAt: Date | null;
  cancelledAt: Date | null;
  remindedAt: Date | null;
  presentAt: Date | null;
  presentByLabel: string | null;
};

const registrationRow = row({
  id: column.text,
  eventId: column.text,
  accountId: column.text.nullable(),
  name: column.text,
  email: column.text,
  role: column.text,
  schoolId: column.text.nullable(),
  schoolName: column.text.nullable(),
  brin: column.text.nullable(),
  boardId: column.text.nullable(),
  boardNumber: column.text.nullable(),
  setting: column.text.nullable(),
  lang: column.text,
  status: column.text,
  createdAt: column.moment,
  confirmedAt: column.moment.nullable(),
  queuedAt: column.moment.nullable(),
  placedAt: column.moment.nullable(),
  cancelledAt: column.moment.nullable(),
  remindedAt: column.moment.nullable(),
  presentAt: column.moment.nullable(),
  presentByLabel: column.text.nullable(),
}) satisfies RowSchema<Registration>;

const registrationColumns = sql`r.id, r.event_id AS "eventId", r.account_id AS "accountId", r.name, r.email, r.role, r.school_id AS "schoolId",
  s.name AS "schoolName", s.brin, s.board_id AS "boardId", b.number AS "boardNumber", r.setting, r.lang, r.status, r.created_at AS "createdAt",
  r.confirmed_at AS "confirmedAt", r.queued_at AS "queuedAt", r.placed_at AS "placedAt", r.cancelled_at AS "cancelledAt", r.reminded_at AS "remindedAt",
  r.present_at AS "presentAt", r.present_by_label AS "presentByLabel"`;
const registrationFrom = sql`event_registrations r LEFT JOIN schools s ON s.id = r.school_id LEFT JOIN boards b ON b.id = s.board_id`;

export async function findRegistration(db: Db, id: string): Promise<Registration | undefined> {
  return firstRowOf(registrationRow, await db.execute(sql`SELECT ${registrationColumns} FROM ${registrationFrom} WHERE r.id = ${id}`));
}

/** The registration waiting for this confirmation link, if it still does (the link not used, not expired). */
export async function findByConfirmToken(db: Db, tokenHash: string, now: Date): Promise<Registration | undefined> {
  return firstRowOf(
    registrationRow,
    await db.execute(sql`SELECT ${registrationColumns} FROM ${registrationFrom}
      WHERE r.confirm_token_hash = ${tokenHash} AND r.status = 'onbevestigd' AND r.confirm_expires_at > ${now.toISOString()}`),
  );
}

/** The live registration of this address for the event, if any. */
export async function findLiveRegistration(db: Db, eventId: string, email: string): Promise<Registration | undefined> {
  return firstRowOf(
    registrationRow,
    await db.execute(sql`SELECT ${registrationColumns} FROM ${registrationFrom}
      WHERE r.event_id = ${eventId} AND r.email = ${email} AND r.status IN ('onbevestigd', 'aangemeld', 'wachtlijst')`),
  );
}

/** A registration by e-mail whose link was never used in time no longer holds the address: it has expired. */
export async function expireUnconfirmed(tx: Db, eventId: string, email: string, now: Date): Promise<void> {
  await tx.execute(sql`UPDATE event_registrations SET status = 'verlopen', confirm_token_hash = NULL
    WHERE event_id = ${eventId} AND email = ${email} AND status = 'onbevestigd' AND confirm_expires_at <= ${now.toISOString()}`);
}

export type NewRegistration = {
  eventId: string;
  accountId: string | null;
  name: string;
  email: string;
  role: string;
  schoolId: string | null;
  setting: SchoolSetting | null;
  lang: string;
  status: RegistrationStatus;
  confirmTokenHash: string | null;
  confirmExpiresAt: Date | null;
  now: Date;
};

/**
 * The new registration's id, or nothing when this address has a live one for the event (also from a
 * moment ago). A confirmed one queues at the database's clock, after the event's lock (see confirmRegistration).
 */
export async function insertRegistration(tx: Db, r: NewRegistration): Promise<string | undefined> {
  const id = uuidV7();
  const confirmed = r.status === 'onbevestigd' ? null : r.now.toISOString();
  const placed = r.status === 'aangemeld' ? r.now.toISOString() : null;
  return firstRowOf(
    row({ id: column.text }),
    await tx.execute(sql`INSERT INTO event_registrations (id, event_id, account_id, name, email, role, school_id, setting, lang, status,
        confirm_token_hash, confirm_expires_at, created_at, confirmed_at, queued_at, placed_at)
      VALUES (${id}, ${r.eventId}, ${r.accountId}, ${r.name}, ${r.email}, ${r.role}, ${r.schoolId}, ${r.setting}, ${r.lang}, ${r.status},
        ${r.confirmTokenHash}, ${r.confirmExpiresAt?.toISOString() ?? null}, ${r.now.toISOString()}, ${confirmed},
        ${confirmed === null ? null : sql`clock_timestamp()`}, ${placed})
      ON CONFLICT (event_id, email) WHERE status IN ('onbevestigd', 'aangemeld', 'wachtlijst') DO NOTHING
      RETURNING id`),
  )?.id;
}

/**
 * The confirmation link is used: the registration gets its place or joins the waiting list. Its place in
 * the queue is the database's clock when the statement runs, after the event's lock: the order in which
 * the lock was granted, not when each request began (measured: with the request's time, four confirmations
 * at once on PostgreSQL were told positions 1, 1 and 2).
 */
export async function confirmRegistration(tx: Db, id: string, status: 'aangemeld' | 'wachtlijst', now: Date): Promise<boolean> {
  return hasRows(
    await tx.execute(sql`UPDATE event_registrations SET status = ${status}, confirm_token_hash = NULL, confirmed_at = ${now.toISOString()},
        queued_at = clock_timestamp(), placed_at = ${status === 'aangemeld' ? now.toISOString() : null}
      WHERE id = ${id} AND status = 'onbevestigd' RETURNING id`),
  );
}

/** Cancels a live registration; false when it was not live any more. */
export async function cancelRegistration(tx: Db, id: string, now: Date): Promise<boolean> {
  return hasRows(
    await tx.execute(sql`UPDATE event_registrations SET status = 'afgemeld', cancelled_at = ${now.toISOString()}, confirm_token_hash = NULL
      WHERE id = ${id} AND status IN ('onbevestigd', 'aangemeld', 'wachtlijst') RETURNING id`),
  );
}

/** The waiting list in its order. */
export async function listWaiting(db: Db, eventId: string): Promise<Registration[]> {
  return rowsOf(
    registrationRow,
    await db.execute(sql`SELECT ${registrationColumns} FROM ${registrationFrom}
      WHERE r.event_id = ${eventId} AND r.status = 'wachtlijst' ORDER BY r.queued_at, r.id`),
  );
}

/** Where a registration on the waiting list stands: 1 for the first. */
export async function waitingPosition(db: Db, registration: { id: string; eventId: string }): Promise<number> {
  return countOf(
    await db.execute(sql`SELECT count(*) AS n FROM event_registrations w, event_registrations r
      WHERE r.id = ${registration.id} AND w.event_id = ${registration.eventId} AND w.status = 'wachtlijst'
        AND (w.queued_at, w.id) <= (r.queued_at, r.id)`),
  );
}

export async function placeFromWaitingList(tx: Db, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`UPDATE event_registrations SET status = 'aangemeld', placed_at = ${now.toISOString()}
    WHERE id = ANY(${arrayLiteral(ids)}::uuid[]) AND status = 'wachtlijst'`);
}

/** Registrations of the event in these statuses: placed ones by name, waiting ones in their order. */
export async function listRegistrations(db: Db, eventId: string, statuses: readonly RegistrationStatus[]): Promise<Registration[]> {
  return rowsOf(
    registrationRow,
    await db.execute(sql`SELECT ${registrationColumns} FROM ${registrationFrom}
      WHERE r.event_id = ${eventId} AND r.status = ANY(${arrayLiteral([...statuses])}::text[])
      ORDER BY CASE r.status WHEN 'aangemeld' THEN 0 WHEN 'wachtlijst' THEN 1 ELSE 2 END,
        CASE WHEN r.status = 'aangemeld' THEN lower(r.name) END, r.queued_at, r.created_at, r.id`),
  );
}

/** Marks the placed registrations present (those in `present`) or not (the others), keeping who marked them first. */
export async function setPresence(
  tx: Db,
  eventId: string,
  present: readonly string[],
  byLabel: string,
  now: Date,
): Promise<{ marked: number; unmarked: number }> {
  const ids = arrayLiteral([...present]);
  const marked = countOf(
    await tx.execute(sql`WITH changed AS (UPDATE event_registrations SET present_at = ${now.toISOString()}, present_by_label = ${byLabel}
      WHERE event_id = ${eventId} AND status = 'aangemeld' AND present_at IS NULL AND id = ANY(${ids}::uuid[]) RETURNING 1) SELECT count(*) AS n FROM changed`),
  );
  const unmarked = countOf(
    await tx.execute(sql`WITH changed AS (UPDATE event_registrations SET present_at = NULL, present_by_label = NULL
      WHERE event_id = ${eventId} AND status = 'aangemeld' AND present_at IS NOT NULL AND NOT (id = ANY(${ids}::uuid[])) RETURNING 1) SELECT count(*) AS n FROM changed`),
  );
  return { marked, unmarked };
}

/** A signed-in person's registrations: made with their account, or by e-mail with its address. Newest event first. */
export async function listOwnRegistrations(db: Db, owner: { accountId: string; email: string }): Promise<(Registration & { event: Event })[]> {
  const registrations = rowsOf(
    registrationRow,
    await db.execute(sql`SELECT ${registrationColumns} FROM ${registrationFrom} JOIN events e ON e.id = r.event_id
      WHERE (r.account_id = ${owner.accountId} OR r.email = ${owner.email.toLowerCase()}) AND r.status <> 'verlopen'
      ORDER BY e.starts_at DESC, r.created_at DESC`),
  );
  const events = new Map<string, Event>();
  for (const id of new Set(registrations.map((r) => r.eventId))) events.set(id, (await findEvent(db, id))!);
  return registrations.map((r) => ({ ...r, event: events.get(r.eventId)! }));
}

/** Registrations that get the reminder now (events.rules.ts `reminderDue`), each once: marked in the same statement. */
export async function takeDueReminders(tx: Db, window: { from: Date; until: Date; days: number }, now: Date): Promise<Registration[]> {
  const ids = rowsOf(
    row({ id: column.text }),
    await tx.execute(sql`UPDATE event_registrations r SET reminded_at = ${now.toISOString()}
      FROM events e
      WHERE e.id = r.event_id AND e.cancelled_at IS NULL AND r.status = 'aangemeld' AND r.reminded_at IS NULL
        AND e.starts_at > ${window.from.toISOString()} AND e.starts_at < ${window.until.toISOString()}
        AND r.confirmed_at < e.starts_at - make_interval(days => ${window.days})
      RETURNING r.id`),
  ).map((r) => r.id);
  if (ids.length === 0) return [];
  return rowsOf(
    registrationRow,
    await tx.execute(sql`SELECT ${registrationColumns} FROM ${registrationFrom} WHERE r.id = ANY(${arrayLiteral(ids)}::uuid[]) ORDER BY r.event_id, r.id`),
  );
}

/** A signed-in person's live registrations for events to come (their start card). */
export async function countOwnUpcoming(db: Db, owner: { accountId: string; email: string }, now: Date): Promise<number> {
  return countOf(
    await db.execute(sql`SELECT count(*) AS n FROM event_registrations r JOIN events e ON e.id = r.event_id
      WHERE (r.account_id = ${owner.accountId} OR r.email = ${owner.email.toLowerCase()}) AND r.status IN ('onbevestigd', 'aangemeld', 'wachtlijst')
        AND e.cancelled_at IS NULL AND e.starts_at > ${now.toISOString()}`),
  );
}
