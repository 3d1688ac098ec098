import type { DB } from "../connection";

// Who attended a live session, and when (decision 036).

/** Had the negotiation open, read the session's page, or moderated. */
export type AttendanceVia = "connection" | "page" | "moderating";

export interface AttendanceRow {
  userId: string;
  fromAt: number;
  toAt: number | null;
}

/** A stretch opens, unless one of its kind is open already (a second tab, a repeated start). */
export async function openAttendance(db: DB, row: { sessionId: string; userId: string; via: "connection" | "moderating"; at: number }): Promise<void> {
  const open = await db
    .selectFrom("session_attendance")
    .select("id")
    .where("session_id", "=", row.sessionId)
    .where("user_id", "=", row.userId)
    .where("via", "=", row.via)
    .where("to_at", "is", null)
    .executeTakeFirst();
  if (!open)
    await db.insertInto("session_attendance").values({ session_id: row.sessionId, user_id: row.userId, via: row.via, from_at: row.at, to_at: null }).execute();
}

/** Open stretches end: a member's of one kind (their last connection closed, moderation handed over), or all (the session ended). */
export async function closeAttendance(db: DB, sessionId: string, at: number, only?: { userId: string; via: AttendanceVia }): Promise<void> {
  let query = db.updateTable("session_attendance").set({ to_at: at }).where("session_id", "=", sessionId).where("to_at", "is", null);
  if (only) query = query.where("user_id", "=", only.userId).where("via", "=", only.via);
  await query.execute();
}

/**
 * A member read the live session's page (it re-reads every few seconds): the stretch they were
 * last seen in goes on, if it is recent enough, or a new one starts.
 */
export async function extendPageAttendance(db: DB, sessionId: string, userId: string, at: number, gapMs: number): Promise<void> {
  const recent = await db
    .selectFrom("session_attendance")
    .select("id")
    .where("session_id", "=", sessionId)
    .where("user_id", "=", userId)
    .where("via", "=", "page")
    .where("to_at", ">=", at - gapMs)
    .orderBy("to_at", "desc")
    .executeTakeFirst();
  if (recent) await db.updateTable("session_attendance").set({ to_at: at }).where("id", "=", recent.id).execute();
  else await db.insertInto("session_attendance").values({ session_id: sessionId, user_id: userId, via: "page", from_at: at, to_at: at }).execute();
}

/** When a member last read the live session's page, if ever. */
export async function lastSeenOnPage(db: DB, sessionId: string, userId: string): Promise<number | null> {
  const row = await db
    .selectFrom("session_attendance")
    .select((eb) => eb.fn.max("to_at").as("at"))
    .where("session_id", "=", sessionId)
    .where("user_id", "=", userId)
    .where("via", "=", "page")
    .executeTakeFirst();
  return row?.at ?? null;
}

/** The server is stopping: every connection is about to close, and its stretch ends now. */
export async function closeAllAttendance(db: DB, at: number): Promise<void> {
  await db.updateTable("session_attendance").set({ to_at: at }).where("to_at", "is", null).where("via", "=", "connection").execute();
}

/**
 * At start-up nobody is connected: a connection's stretch that a crash left open ended at a moment
 * we do not know; the latest we can vouch for is its start. (A moderation goes on across restarts.)
 */
export async function closeAbandonedAttendance(db: DB): Promise<void> {
  await db
    .updateTable("session_attendance")
    .set((eb) => ({ to_at: eb.ref("from_at") }))
    .where("to_at", "is", null)
    .where("via", "=", "connection")
    .execute();
}

export async function listAttendance(db: DB, sessionId: string): Promise<AttendanceRow[]> {
  const rows = await db
    .selectFrom("session_attendance")
    .select(["user_id", "from_at", "to_at"])
    .where("session_id", "=", sessionId)
    .orderBy("from_at")
    .execute();
  return rows.map((r) => ({ userId: r.user_id, fromAt: r.from_at, toAt: r.to_at }));
}
