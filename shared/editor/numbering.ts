import type { Node as PMNode } from "prosemirror-model";

export interface NumberedClause {
  id: string;
  number: string;
  heading: string;
  requirement: string | null;
}

/**
 * Calls `visit` for every clause in document order, with its position, its number as readers see
 * it (1.1, 1.2, 2.1 …), derived from position so it can never go stale after a move, and the
 * index of the section holding it.
 */
export function forEachClause(doc: PMNode, visit: (clause: PMNode, pos: number, number: string, sectionIndex: number) => void): void {
  doc.forEach((section, sectionOffset, sectionIndex) => {
    let clauseIndex = 0;
    section.forEach((child, childOffset) => {
      if (child.type.name !== "clause") return;
      clauseIndex += 1;
      visit(child, sectionOffset + 1 + childOffset, `${sectionIndex + 1}.${clauseIndex}`, sectionIndex);
    });
  });
}

export function numberClauses(doc: PMNode): NumberedClause[] {
  const out: NumberedClause[] = [];
  forEachClause(doc, (clause, _pos, number) => {
    out.push({ id: clause.attrs.id, number, heading: clause.firstChild?.textContent ?? "", requirement: clause.attrs.requirement });
  });
  return out;
}

/** The clause with this id, where it is and its number; null when it is not in the document. */
export function findClause(doc: PMNode, clauseId: string): { node: PMNode; pos: number; number: string } | null {
  let found: { node: PMNode; pos: number; number: string } | null = null;
  forEachClause(doc, (node, pos, number) => {
    if (!found && node.attrs.id === clauseId) found = { node, pos, number };
  });
  return found;
}
