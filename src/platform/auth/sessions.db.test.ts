import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tests/support/accounts.ts';
import { createTestDatabase } from '../../../tests/support/test-database.ts';
import type { Database } from '../../db/database.ts';
import { registerOfficeId } from './roles.ts';
import { absoluteTimeoutMs, endAllSessions, endSession, idleTimeoutMs, markSecondFactor, resolveSession, startSession } from './sessions.ts';

/** Session lifetime, with the clock driven by the test: idle expiry, absolute expiry, ending. */

let database: Database;
let accountId: string;
let staffId: string;
const minute = 60_000;
const t0 = new Date('2026-03-02T08:15:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

beforeAll(async () => {
  database = await createTestDatabase();
  accountId = (await createAccount(database, { email: 'sessie@school.nl', displayName: 'Sam Sessie' })).id;
  staffId = (
    await createAccount(database, {
      email: 'sessie-staf@register.nl',
      roles: [{ role: 'register-staff', organisation: { kind: 'register', id: registerOfficeId } }],
    })
  ).id;
});
afterAll(async () => {
  await database?.close();
});

const start = (id = accountId, secondFactor = true) => startSession(database.db, { accountId: id, method: 'password', secondFactor, now: t0 });
async function endedAt(sessionId: string) {
  const [row] = await database.query<{ ended_at: Date | null }>('SELECT ended_at FROM sessions WHERE id = $1', [sessionId]);
  return row.ended_at;
}

describe('resolveSession', () => {
  it('gives the signed-in account for a live session, and nothing for an unknown token', async () => {
    const { token, session } = await start();
    expect(session.expiresAt).toEqual(at(absoluteTimeoutMs));
    expect(await resolveSession(database.db, token, at(minute))).toMatchObject({
      type: 'account',
      accountId,
      sessionId: session.id,
      email: 'sessie@school.nl',
      displayName: 'Sam Sessie',
      secondFactorDone: true,
    });
    expect(await resolveSession(database.db, `${token}x`, at(minute))).toBeNull();
  });

  it('refuses a session idle longer than the idle timeout, and ends it', async () => {
    expect(idleTimeoutMs).toBe(60 * minute);
    const { token, session } = await start();
    // just within the idle time: still valid (and the request counts as activity)
    expect(await resolveSession(database.db, token, at(idleTimeoutMs - 1))).not.toBeNull();
    // one idle period after that last request, plus a moment: gone
    expect(await resolveSession(database.db, token, at(2 * idleTimeoutMs))).toBeNull();
    expect(await endedAt(session.id)).toEqual(at(2 * idleTimeoutMs));
    // ended for good: an earlier clock does not bring it back
    expect(await resolveSession(database.db, token, at(idleTimeoutMs))).toBeNull();
  });

  it('refuses a session idle just over the timeout since sign-in', async () => {
    const { token } = await start();
    expect(await resolveSession(database.db, token, at(idleTimeoutMs + 1))).toBeNull();
  });

  it('keeps an active session alive, but never past its absolute expiry', async () => {
    expect(absoluteTimeoutMs).toBe(12 * 60 * minute);
    const { token } = await start();
    // a request every 50 minutes: never idle for long
    let now = 0;
    for (now = 50 * minute; now < absoluteTimeoutMs; now += 50 * minute) {
      expect(await resolveSession(database.db, token, at(now)), `after ${now / minute} minutes`).not.toBeNull();
    }
    expect(await resolveSession(database.db, token, at(absoluteTimeoutMs - minute))).not.toBeNull();
    // twelve hours after sign-in it ends, though the last request was a minute ago
    expect(await resolveSession(database.db, token, at(absoluteTimeoutMs))).toBeNull();
    expect(await resolveSession(database.db, token, at(absoluteTimeoutMs + minute))).toBeNull();
  });

  it('writes lastSeenAt at most once a minute', async () => {
    const { token, session } = await start();
    const lastSeen = async () =>
      (await database.query<{ last_seen_at: Date }>('SELECT last_seen_at FROM sessions WHERE id = $1', [session.id]))[0].last_seen_at;
    await resolveSession(database.db, token, at(30_000));
    expect(await lastSeen()).toEqual(t0);
    await resolveSession(database.db, token, at(2 * minute));
    expect(await lastSeen()).toEqual(at(2 * minute));
  });

  it('refuses an ended session, and ending all sessions ends every one of the account', async () => {
    const one = await start();
    await endSession(database.db, one.session.id, at(minute));
    expect(await resolveSession(database.db, one.token, at(2 * minute))).toBeNull();

    const [a, b] = [await start(), await start()];
    const other = await start(staffId, false);
    expect(await endAllSessions(database.db, accountId, at(minute))).toBeGreaterThanOrEqual(2);
    expect(await resolveSession(database.db, a.token, at(2 * minute))).toBeNull();
    expect(await resolveSession(database.db, b.token, at(2 * minute))).toBeNull();
    expect(await resolveSession(database.db, other.token, at(2 * minute))).not.toBeNull();
  });

  it('says whether the second factor is still owed, for a role that needs one', async () => {
    const { token, session } = await start(staffId, false);
    expect(await resolveSession(database.db, token, at(minute))).toMatchObject({ accountId: staffId, secondFactorDone: false });
    const renewed = await markSecondFactor(database.db, session.id, at(2 * minute));
    expect(await resolveSession(database.db, renewed, at(3 * minute))).toMatchObject({ accountId: staffId, secondFactorDone: true });
    // the token from before the step up is worth nothing after it
    expect(renewed).not.toBe(token);
    expect(await resolveSession(database.db, token, at(3 * minute))).toBeNull();
  });
});
