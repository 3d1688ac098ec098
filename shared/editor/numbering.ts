import type { Node as PMNode } from "prosemirror-model";

export interface NumberedClause {
  id: string;
  number: string;
  heading: string;
  requirement: string | null;
}

/** Clause numbers as readers see them (1.1, 1.2, 2.1 …), derived from position. */
export function numberClauses(doc: PMNode): NumberedClause[] {
  const out: NumberedClause[] = [];
  doc.forEach((section, _offset, sectionIndex) => {
    let clauseIndex = 0;
    section.forEach((child) => {
      if (child.type.name !== "clause") return;
      clauseIndex += 1;
      out.push({
        id: child.attrs.id,
        number: `${sectionIndex + 1}.${clauseIndex}`,
        heading: child.firstChild?.textContent ?? "",
        requirement: child.attrs.requirement,
      });
    });
  });
  return out;
}
