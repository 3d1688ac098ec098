import type { Node as PMNode } from "prosemirror-model";
import type { ItemRow } from "../../db/queries/moderatedSessions";
import { newId } from "../../shared/ids";
import type { AgendaInput } from "../../shared/moderatedSessions/sessions";
import { DomainError } from "../errors";
import { clauseTitleIn } from "./clauseTitle";

/**
 * The agenda the moderator sent, as rows in its order. An existing item keeps what it is (its kind,
 * clause and, for a clause, the title it was put on the agenda with); a new clause item must name
 * a clause of the schedule. An item with a recorded outcome cannot be dropped: the meeting had it.
 */
export function agendaRows(doc: PMNode, input: AgendaInput[], existing: ItemRow[]): Omit<ItemRow, "session_id" | "outcome" | "decision">[] {
  const byId = new Map(existing.map((i) => [i.id, i]));
  const seen = new Set<string>();
  const rows = input.map((item, position) => {
    const timeBox = item.timeBoxMinutes ?? null;
    if (item.id !== undefined) {
      const before = byId.get(item.id);
      if (!before || seen.has(item.id)) throw new DomainError(400, "sessions.error.unknownItem");
      seen.add(item.id);
      const title = before.kind === "topic" && item.title ? item.title : before.title;
      return { id: before.id, position, kind: before.kind, clause_id: before.clause_id, title, time_box_minutes: timeBox };
    }
    if (item.kind === "clause") {
      const title = clauseTitleIn(doc, item.clauseId ?? "");
      if (title === null) throw new DomainError(400, "sessions.error.unknownClause");
      return { id: newId(), position, kind: "clause", clause_id: item.clauseId!, title, time_box_minutes: timeBox };
    }
    return { id: newId(), position, kind: "topic", clause_id: null, title: item.title ?? "", time_box_minutes: timeBox };
  });
  if (existing.some((i) => !seen.has(i.id) && i.outcome !== null)) throw new DomainError(409, "sessions.error.recordedItem");
  return rows;
}
