import type { DB } from "../connection";
import type { User } from "../schema";

export async function insertSession(db: DB, session: { id: string; userId: string; expiresAt: number; createdAt: number }): Promise<void> {
  await db.insertInto("sessions").values({ id: session.id, user_id: session.userId, expires_at: session.expiresAt, created_at: session.createdAt }).execute();
}

/** A session's expiry with its user, in one read: every request asks. */
export async function sessionWithUser(db: DB, sessionId: string): Promise<(User & { expires_at: number }) | undefined> {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["sessions.expires_at", "users.id", "users.email", "users.name", "users.password_hash", "users.locale", "users.created_at"])
    .where("sessions.id", "=", sessionId)
    .executeTakeFirst();
}

export async function setSessionExpiry(db: DB, sessionId: string, expiresAt: number): Promise<void> {
  await db.updateTable("sessions").set({ expires_at: expiresAt }).where("id", "=", sessionId).execute();
}

export async function deleteSession(db: DB, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** Returns how many sessions ended. */
export async function deleteSessionsOfUserExcept(db: DB, userId: string, keepSessionId: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).where("id", "!=", keepSessionId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
