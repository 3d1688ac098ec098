import { listAuditOf } from "../../db/queries/auditLog";
import { sharedThreadsResolved } from "../../db/queries/threads";
import { minutesActions, type MinutesEvent } from "../../shared/moderatedSessions/sessions";
import { readSchedule } from "../agreements/scheduleDocument";
import type { Services } from "../context";
import { clauseTitleIn } from "./clauseTitle";

/** How many moves of a session the minutes keep: far more than an hour's meeting makes. */
const maxEvents = 500;

/**
 * What happened in the text between a session's start and its end, for its minutes: clauses agreed
 * or sent back and proposals decided, as the activity recorded them, and shared threads resolved
 * (internal notes are one party's own). Oldest first.
 */
export async function sessionEvents(services: Services, negotiationId: string, from: number, to: number): Promise<MinutesEvent[]> {
  const moves = (await listAuditOf(services.db, negotiationId, minutesActions, maxEvents))
    .filter((m) => m.at >= from && m.at <= to)
    .map((m): MinutesEvent => ({ at: m.at, by: m.userName, action: m.action as MinutesEvent["action"], detail: m.detail }));
  const doc = readSchedule(services, negotiationId);
  const threads = (await sharedThreadsResolved(services.db, negotiationId, from, to)).map((r): MinutesEvent => ({
    at: r.at,
    by: r.by,
    action: "thread.resolved",
    detail: { clause: clauseTitleIn(doc, r.clauseId) },
  }));
  return [...moves, ...threads].sort((a, b) => a.at - b.at);
}
