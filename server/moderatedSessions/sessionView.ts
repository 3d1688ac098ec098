import type { DB } from "../../db/connection";
import { getSession, listActions, listItems, listMinutes, listSessions, type ActionRow, type SessionRow } from "../../db/queries/moderatedSessions";
import {
  isOutcome,
  isSessionState,
  type ActionView,
  type MinutesContent,
  type SessionSummary,
  type SessionView,
} from "../../shared/moderatedSessions/sessions";
import { DomainError } from "../errors";

export function actionView(a: ActionRow): ActionView {
  return {
    id: a.id,
    sessionId: a.session_id,
    itemId: a.item_id,
    assigneeId: a.assignee_id,
    assigneeName: a.assignee_name,
    what: a.what,
    dueDate: a.due_date,
    doneAt: a.done_at,
    doneByName: a.done_by_name,
  };
}

const summary = (s: SessionRow): SessionSummary => ({
  id: s.id,
  plannedAt: s.planned_at,
  state: isSessionState(s.state) ? s.state : "planned",
  moderatorName: s.moderator_name,
  items: Number(s.item_count),
});

export async function sessionSummaries(db: DB, negotiationId: string): Promise<SessionSummary[]> {
  return (await listSessions(db, negotiationId)).map(summary);
}

/** The session row, or the 404 every unknown or foreign session id gets. */
export async function requireSession(db: DB, negotiationId: string, sessionId: string): Promise<SessionRow> {
  const session = await getSession(db, negotiationId, sessionId);
  if (!session) throw new DomainError(404, "sessions.error.notFound");
  return session;
}

export async function sessionView(db: DB, negotiationId: string, sessionId: string): Promise<SessionView> {
  const session = await requireSession(db, negotiationId, sessionId);
  const actions = (await listActions(db, sessionId)).map(actionView);
  const agenda = (await listItems(db, sessionId)).map((i) => ({
    id: i.id,
    kind: i.kind === "clause" ? ("clause" as const) : ("topic" as const),
    clauseId: i.clause_id,
    title: i.title,
    timeBoxMinutes: i.time_box_minutes,
    outcome: isOutcome(i.outcome) ? i.outcome : null,
    decision: i.decision,
    actions: actions.filter((a) => a.itemId === i.id),
  }));
  const minutes = (await listMinutes(db, sessionId)).map((m) => ({
    revision: m.revision,
    publishedAt: m.published_at,
    publishedBy: m.published_by_name,
    note: m.note,
    content: JSON.parse(m.content_json) as MinutesContent,
  }));
  return {
    ...summary(session),
    negotiationId,
    moderatorId: session.moderator_id,
    currentItemId: session.current_item_id,
    startedAt: session.started_at,
    endedAt: session.ended_at,
    agenda,
    minutes,
  };
}
