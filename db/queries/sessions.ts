import type { DB } from "../connection";
import { publicUserColumns, type PublicUser } from "./users";

export async function insertSession(db: DB, session: { id: string; userId: string; expiresAt: number; createdAt: number }): Promise<void> {
  await db.insertInto("sessions").values({ id: session.id, user_id: session.userId, expires_at: session.expiresAt, created_at: session.createdAt }).execute();
}

/** A session's expiry with its user, in one read: every request asks. */
export async function sessionWithUser(db: DB, sessionId: string): Promise<(PublicUser & { expires_at: number }) | undefined> {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["sessions.expires_at", ...publicUserColumns])
    .where("sessions.id", "=", sessionId)
    .executeTakeFirst();
}

export async function setSessionExpiry(db: DB, sessionId: string, expiresAt: number): Promise<void> {
  await db.updateTable("sessions").set({ expires_at: expiresAt }).where("id", "=", sessionId).execute();
}

export async function deleteSession(db: DB, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

/** Returns the ids of the sessions that ended. */
export async function deleteSessionsOfUserExcept(db: DB, userId: string, keepSessionId: string): Promise<string[]> {
  const ended = await db.deleteFrom("sessions").where("user_id", "=", userId).where("id", "!=", keepSessionId).returning("id").execute();
  return ended.map((s) => s.id);
}
