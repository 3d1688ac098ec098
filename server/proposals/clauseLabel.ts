import type { Node as PMNode } from "prosemirror-model";
import { findClause } from "../../shared/editor/numbering";

/** The clause a proposal is in, by number and heading as the schedule has them now; none for a section heading. */
export function clauseLabel(doc: PMNode, clauseId: string | null): { number?: string; heading?: string } {
  const found = clauseId ? findClause(doc, clauseId) : null;
  return found ? { number: found.number, heading: found.node.firstChild?.textContent ?? "" } : {};
}
