import type { Node as PMNode } from "prosemirror-model";
import { findClause } from "../../shared/editor/numbering";

/** "4.2 Encryption at rest": how an agenda names a clause, fixed when it is put on the agenda. */
export function clauseTitle(number: string, clause: PMNode): string {
  return `${number} ${clause.firstChild?.textContent ?? ""}`.trim();
}

/** The clause's agenda title, or null when the schedule has no such clause. */
export function clauseTitleIn(doc: PMNode, clauseId: string): string | null {
  const found = findClause(doc, clauseId);
  return found ? clauseTitle(found.number, found.node) : null;
}
