import type { Node as PMNode } from "prosemirror-model";
import type { ClausePlace } from "../proposals/clauseMove";
import { findClause } from "./numbering";

/** Where a clause proposed moved stood, as readers name it now: after clause 1.2, or at the start of section 1; null when that place has gone. */
export type MovedFromPlace = { after: string } | { startOf: string } | null;

export function movedFromPlace(doc: PMNode, place: ClausePlace | null): MovedFromPlace {
  if (!place) return null;
  if (place.afterClauseId) {
    const after = findClause(doc, place.afterClauseId);
    return after ? { after: after.number } : null;
  }
  let section: string | null = null;
  doc.forEach((node, _offset, index) => {
    if (node.attrs.id === place.sectionId) section = String(index + 1);
  });
  return section === null ? null : { startOf: section };
}
