// Which elements of a regime the schedule covers (decision 037). A clause linked to a requirement
// whose `covers` lists an element counts for it only as far as its wording goes: the catalogue's
// text at a level that meets the element's legal minimum is "covered", at a level below it is
// "below", any other wording is "edited" (to be checked by a person). Both parties compute it
// from the same synced document and the same catalogue, so they always see the same.
import type { Node as PMNode } from "prosemirror-model";
import { forEachClause, type NumberedClause } from "../editor/numbering";
import { clauseBody, matchWording, nearestText, type RequirementWording } from "./clauseWording";
import type { LevelName } from "../templates/wizardAnswers";

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

export type LinkedClause = Omit<NumberedClause, "requirement"> & { requirement: string; body: string };

/** What one clause does for one element: "linked" while the catalogue's wording is not at hand. */
export type ClauseState =
  | { state: "covered"; level: LevelName | null }
  | { state: "below"; level: LevelName; lacks: string }
  | { state: "edited"; nearest: { level: LevelName; text: string } | null }
  | { state: "linked" };

export type CoverageState = "covered" | "edited" | "below" | "missing" | "linked";

export interface ElementCoverage {
  element: CoverageElement;
  clauses: (LinkedClause & ClauseState)[];
  /** The best any clause does: covered, else edited (someone must look), else below, else missing. */
  state: CoverageState;
}

/** Every clause linked to a requirement, by requirement id, numbered as the reader sees them, with its wording. */
export function linkedClauses(doc: PMNode): Map<string, LinkedClause[]> {
  const out = new Map<string, LinkedClause[]>();
  forEachClause(doc, (clause, _pos, number) => {
    const requirement = clause.attrs.requirement as string | null;
    if (!requirement) return;
    const linked = { id: clause.attrs.id as string, number, heading: clause.firstChild?.textContent ?? "", requirement, body: clauseBody(clause) };
    out.set(requirement, [...(out.get(requirement) ?? []), linked]);
  });
  return out;
}

const precedence: CoverageState[] = ["covered", "linked", "edited", "below", "missing"];

/** `wordings` by requirement id; without them (not loaded yet) a link is all there is to go on. */
export function regimeCoverage(
  regime: CoverageRegime,
  linked: Map<string, LinkedClause[]>,
  wordings?: ReadonlyMap<string, RequirementWording>,
): ElementCoverage[] {
  return regime.elements.map((element) => {
    const clauses = element.requirements.flatMap((r) => linked.get(r.id) ?? []).map((clause) => ({ ...clause, ...clauseState(clause, element.id, wordings) }));
    const states = new Set<CoverageState>(clauses.map((c) => c.state));
    return { element, clauses, state: precedence.find((s) => states.has(s)) ?? "missing" };
  });
}

function clauseState(clause: LinkedClause, elementId: string, wordings: ReadonlyMap<string, RequirementWording> | undefined): ClauseState {
  if (!wordings) return { state: "linked" };
  const wording = wordings.get(clause.requirement);
  // A certification has no level texts: naming it is what the clause does.
  if (!wording || wording.levels.length === 0) return { state: "covered", level: null };
  const match = matchWording(clause.body, wording);
  if (!match) return { state: "edited", nearest: nearestText(clause.body, wording) };
  const lacks = match.below[elementId];
  return lacks ? { state: "below", level: match.level, lacks } : { state: "covered", level: match.level };
}
