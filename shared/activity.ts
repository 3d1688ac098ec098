// The negotiation's activity: the moves of the audit log that matter to the other side, as the
// browser sees them. Every one of them is shared: party-internal work never enters the audit log.
import { structureUnitId } from "./agreements/scheduleStructure";

export const activityActions = [
  "member.joined",
  "clause.agreed",
  "clause.needs_change",
  "comment.shared",
  "signoff",
  "signoff.voided",
  "agreement.effective",
  "amendment.opened",
  "review.due",
  "settings.changes",
  "proposal.accepted",
  "proposal.rejected",
  "proposal.withdrawn",
  "proposal.reason",
  "settings.sessions",
  "session.planned",
  "session.started",
  "session.ended",
  "session.moderator_changed",
  "session.minutes_corrected",
  "session.action_assigned",
  "session.action_done",
] as const;
export type ActivityAction = (typeof activityActions)[number];

export function isActivityAction(action: string): action is ActivityAction {
  return (activityActions as readonly string[]).includes(action);
}

export interface ActivityEntry {
  id: number;
  at: number;
  /** Null when the account is gone. */
  actor: string | null;
  action: ActivityAction;
  detail: Record<string, unknown>;
  /** A comment's text as plain text, null when deleted or not a comment. */
  excerpt: string | null;
}

/**
 * Where an entry leads: the agreement page for a move about the whole agreement, else the clause
 * and the thread it is about, when there is one, or else the proposal it is about.
 */
export function activityLink(
  negotiationId: string,
  about: { clauseId?: unknown; threadId?: unknown; proposalId?: unknown; page?: unknown; sessionId?: unknown },
): string {
  if (about.page === "agreement") return `/negotiations/${negotiationId}/agreement`;
  if (about.page === "session" && typeof about.sessionId === "string") return `/negotiations/${negotiationId}/sessions/${about.sessionId}`;
  const query = new URLSearchParams();
  if (typeof about.clauseId === "string" && about.clauseId !== structureUnitId) query.set("clause", about.clauseId);
  if (typeof about.threadId === "string") query.set("thread", about.threadId);
  else if (typeof about.proposalId === "string") query.set("proposal", about.proposalId);
  const search = query.toString();
  return `/negotiations/${negotiationId}${search ? `?${search}` : ""}`;
}
