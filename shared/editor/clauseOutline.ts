import type { Node as PMNode } from "prosemirror-model";
import type { ClauseOutline } from "../proposals/clauseMove";

/** The schedule's sections and clauses as far as places go (decision 031). */
export function clauseOutline(doc: PMNode): ClauseOutline {
  const out: ClauseOutline = [];
  doc.forEach((section) => {
    const clauses: ClauseOutline[number]["clauses"] = [];
    section.forEach((node) => {
      if (node.type.name === "clause")
        clauses.push({
          id: node.attrs.id as string,
          moved: (node.attrs.moved as string | null) ?? null,
          insertion: (node.attrs.insertion as string | null) ?? null,
        });
    });
    out.push({ id: section.type.name === "section" ? ((section.attrs.id as string | null) ?? null) : null, clauses });
  });
  return out;
}
