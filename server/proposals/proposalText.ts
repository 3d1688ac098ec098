// A proposal's text and its decision, on the schedule's Y.XmlFragment. The marks are keyed by
// their name in Yjs (they exclude themselves, so y-prosemirror adds no hash to the key).
import * as Y from "yjs";
import { proposalMarkOf, type ProposalKind, type ProposalScope } from "../../shared/proposals/proposals";
import type { ClausePlace } from "../../shared/proposals/clauseMove";
import { formattingMarkNames, type FormattingMark } from "../../shared/editor/schema";
import type { FormattingChangeView, FormattingName, ProposedBlock } from "../../shared/proposals/proposals";
import { clauseOf } from "../collaboration/proposalGuard";

function texts(type: Y.XmlFragment | Y.XmlElement, out: Y.XmlText[] = []): Y.XmlText[] {
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) out.push(child);
    else if (child instanceof Y.XmlElement) texts(child, out);
  }
  return out;
}

interface Run {
  text: Y.XmlText;
  index: number;
  length: number;
  insert: string;
  /** The mark's value: a formatting proposal's record of the formatting before is in it. */
  value: { id: string; was?: unknown };
  /** The formatting marks the run carries now. */
  formatting: FormattingName[];
}

/** Every run of text carrying a proposal mark, by the proposal's id, in document order. */
function proposalRuns(fragment: Y.XmlFragment): Map<string, Run[]> {
  const runs = new Map<string, Run[]>();
  for (const text of texts(fragment)) {
    let index = 0;
    for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      const length = typeof op.insert === "string" ? op.insert.length : 1;
      for (const mark of Object.values(proposalMarkOf)) {
        const value = op.attributes?.[mark] as { id?: unknown; was?: unknown } | undefined;
        const id = value?.id;
        if (typeof id === "string")
          runs.set(id, [
            ...(runs.get(id) ?? []),
            {
              text,
              index,
              length,
              insert: typeof op.insert === "string" ? op.insert : "",
              value: { id, was: value!.was },
              formatting: formattingMarkNames.filter((name) => op.attributes?.[name]),
            },
          ]);
      }
      index += length;
    }
  }
  return runs;
}

type ClauseProposalKey = "insertion" | "deletion" | "moved";

/** The clauses proposed whole (decision 027) or moved (decision 031), by the proposal's id, with the attribute that holds it. */
function clauseProposals(fragment: Y.XmlFragment): Map<string, { clause: Y.XmlElement; key: ClauseProposalKey }> {
  const out = new Map<string, { clause: Y.XmlElement; key: ClauseProposalKey }>();
  for (const section of fragment.toArray()) {
    if (!(section instanceof Y.XmlElement)) continue;
    for (const clause of section.toArray()) {
      if (!(clause instanceof Y.XmlElement) || clause.nodeName !== "clause") continue;
      for (const key of ["insertion", "deletion", "moved"] as const) {
        const id: unknown = clause.getAttribute(key);
        if (typeof id === "string" && !out.has(id)) out.set(id, { clause, key });
      }
    }
  }
  return out;
}

const wholeKeys = ["insertion", "deletion"] as const;

/**
 * Every section, clause, paragraph and list item proposed whole (decisions 027, 033), by the
 * proposal's id, in document order (a section before its clauses), with the attribute holding it:
 * a new section's clauses carry its id, a split paragraph's halves one id.
 */
function wholeProposals(type: Y.XmlFragment | Y.XmlElement, out = new Map<string, { element: Y.XmlElement; key: (typeof wholeKeys)[number] }[]>()) {
  for (const child of type.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    for (const key of wholeKeys) {
      const id: unknown = child.getAttribute(key);
      if (typeof id === "string") out.set(id, [...(out.get(id) ?? []), { element: child, key }]);
    }
    wholeProposals(child, out);
  }
  return out;
}

/** A clause's heading as plain text. */
function headingOf(clause: Y.XmlElement): string {
  const heading = clause.get(0);
  return heading instanceof Y.XmlElement ? plainTextOf(heading) : "";
}

function plainTextOf(element: Y.XmlElement): string {
  return texts(element)
    .flatMap((text) => (text.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === "string" ? op.insert : "")))
    .join("");
}

export interface ProposalInDocument {
  text: string;
  clauseId: string | null;
  scope: ProposalScope;
  block?: ProposedBlock;
  formatting?: FormattingChangeView;
}

/** What each proposal in the document marks, and the clause it now sits in (null: a section heading). */
export function proposalTexts(fragment: Y.XmlFragment): Map<string, ProposalInDocument> {
  const out = new Map<string, ProposalInDocument>();
  for (const [id, held] of wholeProposals(fragment)) {
    const { element } = held[0]!;
    if (element.nodeName === "section") out.set(id, { text: headingOf(element), clauseId: null, scope: "section" });
    else if (element.nodeName !== "clause")
      out.set(id, {
        text: held.map((h) => plainTextOf(h.element)).join("\n"),
        clauseId: clauseOf(element),
        scope: "block",
        block: element.nodeName === "table" ? "table" : element.nodeName === "list_item" ? "listItem" : "paragraph",
      });
  }
  for (const [id, { clause }] of clauseProposals(fragment))
    if (!out.has(id)) out.set(id, { text: headingOf(clause), clauseId: clauseOf(clause), scope: "clause" });
  for (const [id, runs] of proposalRuns(fragment))
    if (!out.has(id))
      out.set(id, {
        text: runs.map((r) => r.insert).join(""),
        clauseId: clauseOf(runs[0]!.text),
        scope: "text",
        ...(runs[0]!.value.was === undefined ? {} : { formatting: formattingChange(runs[0]!) }),
      });
  return out;
}

/**
 * Applies a decision: accepting an insertion or rejecting a deletion takes the mark off and keeps
 * the text; accepting a deletion or rejecting an insertion removes the text. A whole clause, a new
 * paragraph or list item, or a new section, the same way: its attribute taken off, or it is removed. A formatting change accepted keeps the
 * new formatting; rejected, the text gets back the formatting its record names. Call it inside a
 * transaction on the room's document. Returns whether the document held the proposal.
 */
export function applyDecision(fragment: Y.XmlFragment, id: string, kind: ProposalKind, accepted: boolean, movedFrom: ClausePlace | null = null): boolean {
  const removeText = (kind === "insert") !== accepted;
  const whole = clauseProposals(fragment).get(id);
  if (whole && kind === "move") {
    if (accepted) settle(whole.clause);
    else moveBack(fragment, whole.clause, movedFrom);
    return true;
  }
  if (kind === "move") return false;
  // Whole nodes: taken in, or removed (a section's clauses with it); text carrying the same id (a
  // new paragraph's or section heading's) follows below.
  const held = kind === "format" ? [] : (wholeProposals(fragment).get(id) ?? []);
  for (const { element, key } of held) {
    if (element._item?.deleted) continue;
    const parent = element.parent as Y.XmlElement | Y.XmlFragment;
    if (removeText) parent.delete(parent.toArray().indexOf(element), 1);
    else element.removeAttribute(key);
  }
  const runs = (proposalRuns(fragment).get(id) ?? []).filter((r) => r.length > 0);
  if (kind === "format") {
    for (const run of runs) run.text.format(run.index, run.length, { modification: null, ...(accepted ? {} : formattingAttributes(run.value.was)) });
    return runs.length > 0;
  }
  // From the end, so that removing a run does not move the ones still to do.
  for (const run of [...runs].reverse()) {
    if (removeText) run.text.delete(run.index, run.length);
    else run.text.format(run.index, run.length, { [proposalMarkOf[kind]]: null });
  }
  return runs.length > 0 || held.length > 0;
}

/** A move accepted: the clause stays where it is, as any other. */
function settle(clause: Y.XmlElement) {
  clause.removeAttribute("moved");
  clause.removeAttribute("movedFrom");
}

/**
 * A move rejected or withdrawn: the clause goes back after the clause it followed, first in its
 * section when that has gone; where it is when its section has gone. Yjs moves nothing, so the
 * clause is recreated there (id, content and marks the same), as the editor moves a clause.
 */
function moveBack(fragment: Y.XmlFragment, clause: Y.XmlElement, from: ClausePlace | null) {
  const section = from && fragment.toArray().find((s): s is Y.XmlElement => s instanceof Y.XmlElement && s.getAttribute("id") === from.sectionId);
  if (!section) return settle(clause);
  const copy = clause.clone();
  copy.removeAttribute("moved");
  copy.removeAttribute("movedFrom");
  const parent = clause.parent as Y.XmlElement;
  parent.delete(parent.toArray().indexOf(clause), 1);
  const children = section.toArray();
  const after = from.afterClauseId ? children.findIndex((c) => c instanceof Y.XmlElement && c.getAttribute("id") === from.afterClauseId) : -1;
  // Index 0 is the section's heading.
  section.insert(after > 0 ? after + 1 : 1, [copy]);
}

/** What a formatting proposal puts on and takes off, as its first run shows it. */
function formattingChange(run: Run): FormattingChangeView {
  const was = (Array.isArray(run.value.was) ? (run.value.was as FormattingMark[]) : []).map((m) => m.type);
  return { on: run.formatting.filter((name) => !was.includes(name)), off: was.filter((name) => !run.formatting.includes(name)) };
}

/** Format attributes that give text exactly the formatting a proposal's record names (y-prosemirror's form: a mark's attributes, null for none). */
function formattingAttributes(was: unknown): Record<string, unknown> {
  const list = Array.isArray(was) ? (was as FormattingMark[]) : [];
  return Object.fromEntries(
    formattingMarkNames.map((name) => [name, list.find((m) => m.type === name)?.attrs ?? (list.some((m) => m.type === name) ? {} : null)]),
  );
}
