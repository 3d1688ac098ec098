import type { NegotiationMember } from "../../db/queries/negotiations";
import type { MinutesContent, MinutesEvent, SessionView } from "../../shared/moderatedSessions/sessions";

/**
 * The minutes as published: the facts as they stand at the end, names and all, so a later change
 * of a member or of the agenda never rewrites what was said.
 */
export function minutesContent(
  session: SessionView,
  negotiationTitle: string,
  attendees: (NegotiationMember & { attendedMs: number })[],
  endedAt: number,
  duringSession: MinutesEvent[],
): MinutesContent {
  return {
    negotiationTitle,
    plannedAt: session.plannedAt,
    startedAt: session.startedAt,
    endedAt,
    moderator: session.moderatorName,
    attendees: attendees.map((m) => ({ name: m.name, role: m.role, attendedMs: m.attendedMs })),
    items: session.agenda.map((item) => ({
      itemId: item.id,
      title: item.title,
      kind: item.kind,
      clauseId: item.clauseId,
      outcome: item.outcome,
      decision: item.decision,
      actions: item.actions.map((a) => ({ assignee: a.assigneeName, what: a.what, dueDate: a.dueDate })),
    })),
    duringSession,
  };
}
