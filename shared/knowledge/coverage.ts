// Which elements of a regime the schedule covers. An element is covered when some clause is
// linked to a requirement whose `covers` lists it; the link, not the wording, is what counts, so
// both parties (computing from the same synced document) always see the same coverage.
import type { Node as PMNode } from "prosemirror-model";
import { numberClauses, type NumberedClause } from "../editor/numbering";

export interface CoverageElement {
  id: string;
  ref: string;
  title: string;
  /** Requirements that cover this element; the first is the one to insert when it is missing. */
  requirements: { id: string; title: string }[];
}

export interface CoverageRegime {
  id: string;
  name: string;
  elements: CoverageElement[];
}

export type LinkedClause = Omit<NumberedClause, "requirement">;

export interface ElementCoverage {
  element: CoverageElement;
  clauses: LinkedClause[];
}

/** Every clause linked to a requirement, by requirement id, numbered as the reader sees them. */
export function linkedClauses(doc: PMNode): Map<string, LinkedClause[]> {
  const out = new Map<string, LinkedClause[]>();
  for (const { requirement, ...clause } of numberClauses(doc)) {
    if (!requirement) continue;
    out.set(requirement, [...(out.get(requirement) ?? []), clause]);
  }
  return out;
}

export function regimeCoverage(regime: CoverageRegime, linked: Map<string, LinkedClause[]>): ElementCoverage[] {
  return regime.elements.map((element) => ({
    element,
    clauses: element.requirements.flatMap((r) => linked.get(r.id) ?? []),
  }));
}
