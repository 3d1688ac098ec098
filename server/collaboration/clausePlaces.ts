// The schedule as places and contents, to tell a moved clause from an edited one (decision 031):
// y-prosemirror moves a clause by deleting and recreating it, or by rewriting neighbouring
// elements in place, so a move is judged on what each clause id holds before and after, not on
// which elements changed.
import * as Y from "yjs";
import type { ClauseOutline } from "../../shared/proposals/clauseMove";

export interface PlacedClause {
  id: string;
  /** Everything the clause is but its place and its move proposal: content (marks included) and other attributes. */
  body: string;
  moved: string | null;
  movedFrom: string | null;
  insertion: string | null;
}

export interface ClausePlaces {
  /** Everything outside the clauses (section attributes and headings, other content), in order. */
  frame: string;
  sections: { id: string | null; clauses: PlacedClause[] }[];
}

const moveKeys = new Set(["moved", "movedFrom"]);
const text = (value: unknown) => (typeof value === "string" ? value : null);

function placed(clause: Y.XmlElement): PlacedClause {
  const attrs = Object.entries(clause.getAttributes())
    .filter(([key]) => !moveKeys.has(key))
    .sort(([x], [y]) => (x < y ? -1 : 1));
  const content = clause
    .toArray()
    .map((child) => child.toString())
    .join("");
  return {
    id: String(clause.getAttribute("id")),
    body: JSON.stringify([attrs, content]),
    moved: text(clause.getAttribute("moved")),
    movedFrom: text(clause.getAttribute("movedFrom")),
    insertion: text(clause.getAttribute("insertion")),
  };
}

export function clausePlaces(fragment: Y.XmlFragment): ClausePlaces {
  const frame: string[] = [];
  const sections: ClausePlaces["sections"] = [];
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement) || child.nodeName !== "section") {
      frame.push(child.toString());
      continue;
    }
    const clauses: PlacedClause[] = [];
    frame.push(JSON.stringify(child.getAttributes()));
    for (const inner of child.toArray()) {
      if (inner instanceof Y.XmlElement && inner.nodeName === "clause") clauses.push(placed(inner));
      else frame.push(inner.toString());
    }
    sections.push({ id: text(child.getAttribute("id")), clauses });
  }
  return { frame: frame.join("\n"), sections };
}

export const outlineOf = (places: ClausePlaces): ClauseOutline =>
  places.sections.map((s) => ({ id: s.id, clauses: s.clauses.map(({ id, moved, insertion }) => ({ id, moved, insertion })) }));

/** Whether `after` holds the same clauses as `before`, each the same, only perhaps elsewhere and with another move proposal. */
export function onlyPlacesDiffer(before: ClausePlaces, after: ClausePlaces): boolean {
  if (before.frame !== after.frame || before.sections.length !== after.sections.length) return false;
  const bodies = new Map<string, string>();
  for (const section of before.sections) for (const c of section.clauses) bodies.set(c.id, c.body);
  let count = 0;
  for (const section of after.sections)
    for (const c of section.clauses) {
      count++;
      if (bodies.get(c.id) !== c.body) return false;
    }
  return count === bodies.size;
}
