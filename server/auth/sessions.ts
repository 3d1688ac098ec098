import { randomToken, tokenHash, tokenPattern } from "./tokens";
import type { DB } from "../../db/connection";
import { publicUserColumns, type PublicUser } from "./publicUser";
import { sessionsEnded } from "./sessionEndings";

// Sessions as in the Lucia guide: the client holds a random token, the database only its SHA-256,
// so a leaked database cannot be replayed as cookies.
const day = 24 * 60 * 60 * 1000;
export const sessionLifetimeMs = 30 * day;
const renewWhenLessThanMs = 15 * day;

export interface ValidSession {
  sessionId: string;
  user: PublicUser;
  expiresAt: number;
  /** True when validation pushed the expiry forward, so the cookie must be sent again. */
  renewed: boolean;
}

export const sessionIdFromToken = tokenHash;

export async function createSession(db: DB, userId: string, now = Date.now()): Promise<{ token: string; expiresAt: number }> {
  const token = randomToken();
  const expiresAt = now + sessionLifetimeMs;
  await db
    .insertInto("sessions")
    .values({ id: sessionIdFromToken(token), user_id: userId, expires_at: expiresAt, created_at: now })
    .execute();
  return { token, expiresAt };
}

export async function validateSessionToken(db: DB, token: string, now = Date.now()): Promise<ValidSession | null> {
  if (!tokenPattern.test(token)) return null;
  return validateSession(db, sessionIdFromToken(token), now);
}

/** Checks a session by its stored id (the token's hash), renewing it when due. */
export async function validateSession(db: DB, sessionId: string, now = Date.now()): Promise<ValidSession | null> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["sessions.expires_at", ...publicUserColumns])
    .where("sessions.id", "=", sessionId)
    .executeTakeFirst();
  if (!row) return null;
  const { expires_at, ...user } = row;
  if (now >= expires_at) {
    await invalidateSession(db, sessionId);
    return null;
  }
  if (expires_at - now < renewWhenLessThanMs) {
    const expiresAt = now + sessionLifetimeMs;
    await db.updateTable("sessions").set({ expires_at: expiresAt }).where("id", "=", sessionId).execute();
    return { sessionId, user, expiresAt, renewed: true };
  }
  return { sessionId, user, expiresAt: expires_at, renewed: false };
}

/** Ends the session, and with it whatever is still open on it (collaboration sockets). */
export async function invalidateSession(db: DB, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
  sessionsEnded([sessionId]);
}

/** Signs the user out everywhere except the session making the request; returns how many ended. */
export async function invalidateOtherSessions(db: DB, userId: string, keepSessionId: string): Promise<number> {
  const ended = await db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .where("id", "!=", keepSessionId)
    .returning("id")
    .execute();
  sessionsEnded(ended.map((s) => s.id));
  return ended.length;
}
