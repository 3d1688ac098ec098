import { randomToken, tokenHash, tokenPattern } from "./tokens";
import type { DB } from "../../db/connection";
import { deleteSession, deleteSessionsOfUserExcept, insertSession, sessionWithUser, setSessionExpiry } from "../../db/queries/sessions";
import type { PublicUser } from "../../db/queries/users";
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
  await insertSession(db, { id: sessionIdFromToken(token), userId, expiresAt, createdAt: now });
  return { token, expiresAt };
}

export async function validateSessionToken(db: DB, token: string, now = Date.now()): Promise<ValidSession | null> {
  if (!tokenPattern.test(token)) return null;
  return validateSession(db, sessionIdFromToken(token), now);
}

/** Checks a session by its stored id (the token's hash), renewing it when due. */
export async function validateSession(db: DB, sessionId: string, now = Date.now()): Promise<ValidSession | null> {
  const row = await sessionWithUser(db, sessionId);
  if (!row) return null;
  const { expires_at, ...user } = row;
  if (now >= expires_at) {
    await invalidateSession(db, sessionId);
    return null;
  }
  if (expires_at - now < renewWhenLessThanMs) {
    const expiresAt = now + sessionLifetimeMs;
    await setSessionExpiry(db, sessionId, expiresAt);
    return { sessionId, user, expiresAt, renewed: true };
  }
  return { sessionId, user, expiresAt: expires_at, renewed: false };
}

/** Ends the session, and with it whatever is still open on it (collaboration sockets). */
export async function invalidateSession(db: DB, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
  sessionsEnded([sessionId]);
}

/** Signs the user out everywhere except the session making the request; returns how many ended. */
export async function invalidateOtherSessions(db: DB, userId: string, keepSessionId: string): Promise<number> {
  const ended = await deleteSessionsOfUserExcept(db, userId, keepSessionId);
  sessionsEnded(ended);
  return ended.length;
}
