// The schedule's structure as one agreeable unit: everything signed that is in no clause's hash.
// Section headings (marks included), the order of sections, which clauses each section holds and
// in which order (so numbering, moves, additions and removals), and any other content outside a
// clause. Like a clause it is agreed against a server-computed hash (decision 007).
import type { Node as PMNode } from "prosemirror-model";
import { inOrder, wordDiff, type WordPart } from "./compareSchedules";
import { clauseHashes, hashJson } from "./contentHash";
import { forEachClause } from "../editor/numbering";
import { clauseOutline } from "../editor/clauseOutline";
import { scheduleSchema } from "../editor/schema";
import { parsePlace, unmovedOrder } from "../proposals/clauseMove";

const PMNodeFromJson = (doc: NodeJson) => scheduleSchema.nodeFromJSON(doc);

/** The unit id under which the structure is agreed; never a clause id (those are base32 only). */
export const structureUnitId = "schedule-structure";

type NodeJson = { type: string; attrs?: Record<string, unknown>; content?: NodeJson[] };

// A clause stands for itself by id (its content has its own hash); everything else, verbatim. A
// clause only proposed (decision 027) is not in the structure until it is accepted, so the
// structure both agreed stays agreed meanwhile; one proposed for removal is, until then.
// A section proposed whole (decision 033) likewise.
const isProposedNew = (clause: { attrs?: { readonly [key: string]: unknown } }) => !!clause.attrs?.insertion;
const sectionItem = (child: NodeJson) => (child.type === "clause" ? { clause: child.attrs?.id ?? null } : child);
const docItem = (child: NodeJson) =>
  child.type === "section" ? { section: (child.content ?? []).filter((c) => !(c.type === "clause" && isProposedNew(c))).map(sectionItem) } : child;

/** The structure's hash from a stored version's JSON (doc.toJSON()): the same as structureHash. */
export function structureHashOfJson(doc: NodeJson): string {
  const sections = (doc.content ?? []).filter((s) => !(s.type === "section" && isProposedNew(s)));
  if (sections.some((s) => s.content?.some((c) => c.type === "clause" && c.attrs?.moved))) return structureHash(PMNodeFromJson(doc));
  return hashJson(sections.map(docItem));
}

/** The structure's hash from the live document, without serialising the clauses' content. */
export function structureHash(doc: PMNode): string {
  let moves = false;
  doc.forEach((section) => section.forEach((node) => void (moves ||= !!node.attrs.moved)));
  if (moves) return unmovedStructureHash(doc);
  const items: unknown[] = [];
  doc.forEach((child) => {
    if (child.type.name !== "section") return void items.push(child.toJSON());
    if (isProposedNew(child)) return;
    const section: unknown[] = [];
    child.forEach((node) => {
      if (node.type.name !== "clause") section.push(node.toJSON());
      else if (!isProposedNew(node)) section.push({ clause: node.attrs.id ?? null });
    });
    items.push({ section });
  });
  return hashJson(items);
}

/**
 * A clause proposed moved (decision 031) is read at the place it stood, so the structure both
 * agreed stays agreed until the move is accepted.
 */
function unmovedStructureHash(doc: PMNode): string {
  const clauses = new Map<string, PMNode>();
  doc.forEach((section) => section.forEach((node) => void (node.type.name === "clause" && clauses.set(node.attrs.id as string, node))));
  const order = unmovedOrder(clauseOutline(doc), (id) => parsePlace(clauses.get(id)?.attrs.movedFrom));
  const items: unknown[] = [];
  doc.forEach((child, _offset, index) => {
    if (child.type.name !== "section") return void items.push(child.toJSON());
    if (isProposedNew(child)) return;
    const section: unknown[] = [];
    child.forEach((node) => void (node.type.name !== "clause" && section.push(node.toJSON())));
    for (const id of order[index]!) if (!isProposedNew(clauses.get(id)!)) section.push({ clause: id });
    items.push({ section });
  });
  return hashJson(items);
}

/** What the parties agree to, one entry per clause and one for the structure, in reading order. */
export function agreementUnits(doc: PMNode): { id: string; hash: string }[] {
  return [...clauseHashes(doc), { id: structureUnitId, hash: structureHash(doc) }];
}

export interface StructureSection {
  /** The section's id, or its position when it has none: what matches sections across versions. */
  key: string;
  heading: string;
  /** Everything in the section outside its clauses, as JSON: tells formatting changes apart. */
  outside: string;
  clauses: { id: string; heading: string; number: string }[];
}

/** The structure as readers see it, for comparisons and redlines. */
export function scheduleStructure(doc: PMNode): StructureSection[] {
  const out: StructureSection[] = [];
  const seen = new Set<string>();
  doc.forEach((section, _offset, index) => {
    const id = section.type.name === "section" ? (section.attrs.id as string | null) : null;
    const key = id && !seen.has(id) ? id : `#${index}`;
    seen.add(key);
    const outside: unknown[] = [];
    const texts: string[] = [];
    if (section.type.name !== "section") {
      outside.push(section.toJSON());
      texts.push(section.textContent);
    } else {
      section.forEach((node) => {
        if (node.type.name === "clause") return;
        outside.push(node.toJSON());
        texts.push(node.textContent);
      });
    }
    out.push({ key, heading: texts.join(" "), outside: JSON.stringify(outside), clauses: [] });
  });
  forEachClause(doc, (clause, _pos, number, sectionIndex) => {
    out[sectionIndex]!.clauses.push({ id: clause.attrs.id as string, heading: clause.firstChild?.textContent ?? "", number });
  });
  return out;
}

export type SectionChange =
  | { kind: "added" | "removed"; key: string; number: string; heading: string }
  | {
      kind: "changed";
      key: string;
      number: string;
      from: string;
      to: string;
      parts: WordPart[];
      /** The heading's words are the same; only its marks (italic) changed. */
      formattingOnly: boolean;
      /** Set when the section itself moved among the others. */
      moved: { from: string; to: string } | null;
    };

export interface ClauseMove {
  clauseId: string;
  heading: string;
  from: string;
  to: string;
  fromSection: string;
  toSection: string;
}

export interface StructureChanges {
  sections: SectionChange[];
  /** Clauses now in another section, or in another order within theirs (not just renumbered). */
  moves: ClauseMove[];
}

export const hasStructureChanges = (c: StructureChanges) => c.sections.length > 0 || c.moves.length > 0;

/** How the structure changed from one version to another, in the newer version's order. */
export function compareStructure(from: StructureSection[], to: StructureSection[]): StructureChanges {
  const fromByKey = new Map(from.map((s, i) => [s.key, { section: s, number: String(i + 1) }]));
  const toKeys = new Set(to.map((s) => s.key));
  const steadySections = inOrder(
    from.filter((s) => toKeys.has(s.key)).map((s) => s.key),
    to.filter((s) => fromByKey.has(s.key)).map((s) => s.key),
  );
  const sections: SectionChange[] = [];
  to.forEach((section, i) => {
    const number = String(i + 1);
    const old = fromByKey.get(section.key);
    if (!old) return void sections.push({ kind: "added", key: section.key, number, heading: section.heading });
    const moved = steadySections.has(section.key) ? null : { from: old.number, to: number };
    if (!moved && old.section.outside === section.outside) return;
    const parts = wordDiff(old.section.heading, section.heading);
    const formattingOnly = parts.every((p) => p.kind === "same") && old.section.outside !== section.outside;
    sections.push({ kind: "changed", key: section.key, number, from: old.section.heading, to: section.heading, parts, formattingOnly, moved });
  });
  from.forEach((section, i) => {
    if (!toKeys.has(section.key)) sections.push({ kind: "removed", key: section.key, number: String(i + 1), heading: section.heading });
  });

  const place = (list: StructureSection[]) => {
    const out = new Map<string, { section: StructureSection; number: string }>();
    for (const section of list) for (const clause of section.clauses) out.set(clause.id, { section, number: clause.number });
    return out;
  };
  const fromPlace = place(from);
  const toPlace = place(to);
  const moves: ClauseMove[] = [];
  for (const section of to) {
    // Within a section that kept them, only clauses out of their former relative order moved.
    const stayed = (list: StructureSection["clauses"], other: typeof fromPlace) =>
      list.filter((c) => other.get(c.id)?.section.key === section.key).map((c) => c.id);
    const before = from.find((s) => s.key === section.key);
    const steady = inOrder(before ? stayed(before.clauses, toPlace) : [], stayed(section.clauses, fromPlace));
    for (const clause of section.clauses) {
      const old = fromPlace.get(clause.id);
      if (!old || (old.section.key === section.key && steady.has(clause.id))) continue;
      moves.push({
        clauseId: clause.id,
        heading: clause.heading,
        from: old.number,
        to: toPlace.get(clause.id)!.number,
        fromSection: old.section.heading,
        toSection: section.heading,
      });
    }
  }
  return { sections, moves };
}
