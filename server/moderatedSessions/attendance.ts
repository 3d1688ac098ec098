// Who attended a live session, and for how long (decision 036): the minutes say who was
// connected, not only whom the moderator ticked. A member attends while they have the negotiation
// open (its collaboration connection), read the session's page (which re-reads while live), or
// moderate (the session runs under them, from whichever page).
import type { DB } from "../../db/connection";
import { nextSession } from "../../db/queries/moderatedSessions";
import type { SessionRow } from "../../db/queries/moderatedSessions";
import { closeAttendance, extendPageAttendance, lastSeenOnPage, listAttendance, openAttendance, type AttendanceRow } from "../../db/queries/sessionAttendance";
import type { Services } from "../context";
import type { Logger } from "../logger";

/** Longer than the session page's re-read interval (10 s), with room for a slow request. */
const pageGapMs = 25_000;

/** The collaboration server's word that a member's first connection opened or their last one closed. */
export function followPresence(db: DB, logger: Logger) {
  return (negotiationId: string, userId: string, present: boolean) => {
    const at = Date.now();
    void (async () => {
      const session = await nextSession(db, negotiationId);
      if (session?.state !== "live") return;
      if (present) await openAttendance(db, { sessionId: session.id, userId, via: "connection", at });
      else await closeAttendance(db, session.id, at, { userId, via: "connection" });
    })().catch((error) => logger.error({ err: error, negotiationId }, "recording attendance failed"));
  };
}

/** The session starts: its moderator, and whoever has the negotiation open, are there from the first minute. */
export async function startAttendance(db: DB, sessionId: string, moderatorId: string, online: Iterable<string>, at: number): Promise<void> {
  await openAttendance(db, { sessionId, userId: moderatorId, via: "moderating", at });
  for (const userId of online) await openAttendance(db, { sessionId, userId, via: "connection", at });
}

/** Moderation changes hands: the one moderates from now, the other no longer. */
export async function handOverAttendance(db: DB, sessionId: string, from: string, to: string, at: number): Promise<void> {
  await closeAttendance(db, sessionId, at, { userId: from, via: "moderating" });
  await openAttendance(db, { sessionId, userId: to, via: "moderating", at });
}

/** A member reads the live session's page. */
export function seenOnSessionPage(db: DB, sessionId: string, userId: string, at: number): Promise<void> {
  return extendPageAttendance(db, sessionId, userId, at, pageGapMs);
}

/** Whether the moderator is still there (the negotiation open, or the session's page read lately): then nobody else may take over. */
export async function moderatorPresent(services: Services, session: SessionRow): Promise<boolean> {
  if (services.collaboration.onlineUserIds(session.negotiation_id).has(session.moderator_id)) return true;
  const seen = await lastSeenOnPage(services.db, session.id, session.moderator_id);
  return seen !== null && seen >= Date.now() - pageGapMs;
}

/** Each member's time so far (while live) or in all (once ended): what their stretches cover. */
export async function attendanceSoFar(db: DB, sessionId: string, at: number): Promise<Map<string, number>> {
  return attendedMs(await listAttendance(db, sessionId), at);
}

/** The session ends: every stretch still open ends with it. */
export async function endAttendance(db: DB, sessionId: string, at: number): Promise<Map<string, number>> {
  await closeAttendance(db, sessionId, at);
  return attendanceSoFar(db, sessionId, at);
}

/** Milliseconds each member attended: the union of their stretches, so two tabs never count twice. */
export function attendedMs(rows: readonly AttendanceRow[], until: number): Map<string, number> {
  const byUser = new Map<string, [number, number][]>();
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), [r.fromAt, Math.min(r.toAt ?? until, until)]]);
  const out = new Map<string, number>();
  for (const [userId, stretches] of byUser) {
    stretches.sort((a, b) => a[0] - b[0]);
    let total = 0;
    let [from, to] = stretches[0]!;
    for (const [f, t] of stretches.slice(1)) {
      if (f <= to) to = Math.max(to, t);
      else {
        total += Math.max(0, to - from);
        [from, to] = [f, t];
      }
    }
    out.set(userId, total + Math.max(0, to - from));
  }
  return out;
}
