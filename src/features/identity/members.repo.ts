import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.ts';
import { accounts, invitations, memberships } from '../../db/schema/index.ts';

export type InvitationRow = typeof invitations.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

export async function insertMembership(db: Db, row: typeof memberships.$inferInsert): Promise<MembershipRow | undefined> {
  const [created] = await db.insert(memberships).values(row).onConflictDoNothing().returning();
  return created;
}

export async function findActiveMembership(db: Db, id: string): Promise<MembershipRow | undefined> {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, id), isNull(memberships.revokedAt)));
  return row;
}

export async function revokeMembership(db: Db, id: string, by: string, now: Date): Promise<MembershipRow | undefined> {
  const [row] = await db
    .update(memberships)
    .set({ revokedAt: now, revokedBy: by })
    .where(and(eq(memberships.id, id), isNull(memberships.revokedAt)))
    .returning();
  return row;
}

export async function listMembersOf(db: Db, kind: string, organisationId: string) {
  return db
    .select({
      id: memberships.id,
      role: memberships.role,
      since: memberships.createdAt,
      accountId: accounts.id,
      email: accounts.email,
      displayName: accounts.displayName,
    })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(and(eq(memberships.organisationKind, kind), eq(memberships.organisationId, organisationId), isNull(memberships.revokedAt)))
    .orderBy(accounts.displayName, memberships.role);
}

export async function listMembershipHistory(db: Db, accountId: string): Promise<MembershipRow[]> {
  return db.select().from(memberships).where(eq(memberships.accountId, accountId)).orderBy(desc(memberships.createdAt));
}

export async function insertInvitation(db: Db, row: typeof invitations.$inferInsert): Promise<InvitationRow> {
  const [created] = await db.insert(invitations).values(row).returning();
  return created;
}

export async function findOpenInvitation(db: Db, tokenHash: string, now: Date): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)));
  return row;
}

export async function markInvitationAccepted(db: Db, id: string, accountId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: now, acceptedBy: accountId })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

export async function listOpenInvitationsOf(db: Db, kind: string, organisationId: string, now: Date): Promise<InvitationRow[]> {
  return db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.organisationKind, kind),
        eq(invitations.organisationId, organisationId),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

export async function listInvitationsTo(db: Db, email: string): Promise<InvitationRow[]> {
  return db.select().from(invitations).where(eq(invitations.email, email)).orderBy(desc(invitations.createdAt));
}
