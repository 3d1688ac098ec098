// A plain model of a schedule for everything that reads rather than edits it: version pages,
// comparisons, redlines and exports. Numbers are derived the same way as in the editor.
import type { Node as PMNode } from "prosemirror-model";
import { hasProposal } from "../agreements/contentHash";
import { forEachClause } from "./numbering";
import { movedFromPlace, type MovedFromPlace } from "./movedFrom";
import { blockProposalOf, sectionProposalOf, clauseMoveOf, clauseProposalOf, formattingOf, formattingProposalOf, proposalOf } from "./proposalMarks";
import { scheduleSchema, type FormattingMark } from "./schema";

/**
 * A change Word tracks on a run (w:ins / w:del), with who made it and when (ms since epoch): an
 * open proposal (read from its mark), or a change in the redline since a version.
 */
export interface TrackedChange {
  kind: "insert" | "delete";
  author: string;
  date: number;
}

/**
 * What a reader knows of the proposal behind a mark, which holds only its id (decision 020): who
 * proposed it and when while it is open, else how it was decided. The server answers from its
 * records; shared code never asks the database.
 */
export type ProposalLookup = (id: string) => Omit<TrackedChange, "kind"> | "accepted" | "rejected";

/** A run's formatting. */
export interface Formatting {
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

/** An open proposal to change a run's formatting (decision 030): Word's w:rPrChange, with the formatting before. */
export interface FormattingChange {
  author: string;
  date: number;
  was: Formatting;
}

/** A text run; `placeholder` marks a blank still to fill in, whose text is then its label. */
export type Run = (({ text: string; placeholder?: true } & Formatting) | { lineBreak: true }) & { change?: TrackedChange; formatChange?: FormattingChange };
/**
 * A block of a clause body. A paragraph proposed new (decision 033; for a list item, its first
 * paragraph) carries that open proposal as `change`: in Word the paragraph mark itself is inserted.
 */
export type Block =
  { kind: "paragraph"; runs: Run[]; change?: TrackedChange } | { kind: "list"; ordered: boolean; items: Block[][] } | { kind: "table"; rows: Block[][][] };

export interface ClauseModel {
  id: string;
  number: string;
  heading: string;
  /** Only when read with proposals and the heading holds one (or, in an export, a tracked change): its runs. */
  headingRuns?: Run[];
  requirement: string | null;
  blocks: Block[];
  /** Read with proposals: the clause is proposed moved (decision 031), from where, by whom and when. */
  moved?: { from: MovedFromPlace; author: string; date: number };
}

export interface SectionModel {
  number: string;
  heading: string;
  headingRuns?: Run[];
  clauses: ClauseModel[];
}

/**
 * A proposal (a text node's, or a whole clause's), as the lookup has it. An open one becomes the
 * runs' tracked change. A decided one keeps its mark only for the moment between the decision being recorded and the
 * server's edit applying it (or for good, if the process stopped in between): the record is the
 * truth, so it reads as decided. Either way nothing only proposed reads as agreed text.
 */
function proposalChange(proposal: { kind: TrackedChange["kind"]; id: string } | null, lookup: ProposalLookup): TrackedChange | "plain" | "omit" {
  if (!proposal) return "plain";
  const fate = lookup(proposal.id);
  if (typeof fate === "object") return { kind: proposal.kind, ...fate };
  return (fate === "accepted") === (proposal.kind === "insert") ? "plain" : "omit";
}

/** A textblock's runs; with `lookup`, its proposal marks read as tracked changes, else ignored. */
function runs(textblock: PMNode, lookup?: ProposalLookup): Run[] {
  const out: Run[] = [];
  textblock.forEach((node) => {
    if (node.type.name === "hard_break") return void out.push({ lineBreak: true });
    if (node.type.name === "placeholder") return void out.push({ text: (node.attrs.label as string) || (node.attrs.field as string), placeholder: true });
    const change = lookup ? proposalChange(proposalOf(node.marks), lookup) : "plain";
    if (change === "omit") return;
    const formatting = formattingProposalOf(node.marks);
    const fate = lookup && formatting ? lookup(formatting.id) : "accepted";
    const run: Run = { text: node.text ?? "", ...formattingFrom(fate === "rejected" ? formatting!.was : formattingOf(node.marks)) };
    if (change !== "plain") run.change = change;
    if (typeof fate === "object") run.formatChange = { ...fate, was: formattingFrom(formatting!.was) };
    out.push(run);
  });
  return out;
}

function formattingFrom(marks: readonly FormattingMark[]): Formatting {
  const out: Formatting = {};
  for (const mark of marks) {
    if (mark.type === "bold") out.bold = true;
    if (mark.type === "italic") out.italic = true;
    if (mark.type === "link" && mark.attrs) out.href = mark.attrs.href;
  }
  return out;
}

/** Every run of a clause proposed whole carries that proposal, except runs with a change of their own. */
function trackWholeClause(clause: ClauseModel, headingNode: PMNode | null, change: TrackedChange, lookup: ProposalLookup) {
  const track = (list: Run[]) => list.forEach((run) => (run.change ??= change));
  const walk = (list: Block[]) =>
    list.forEach((block) => {
      if (block.kind === "paragraph") track(block.runs);
      else if (block.kind === "list") block.items.forEach(walk);
      else block.rows.forEach((row) => row.forEach(walk));
    });
  clause.headingRuns ??= headingNode ? runs(headingNode, lookup) : [];
  track(clause.headingRuns);
  walk(clause.blocks);
}

/** A heading's words, and with `lookup` its runs when it holds a proposal: what the runs show. */
function heading(node: PMNode | null, lookup?: ProposalLookup): { heading: string; headingRuns?: Run[] } {
  if (!node || !lookup || !hasProposal(node)) return { heading: node?.textContent ?? "" };
  const list = runs(node, lookup);
  return { heading: list.map((r) => ("lineBreak" in r ? "\n" : r.text)).join(""), headingRuns: list };
}

/** A paragraph or list item proposed new (decision 033), read with `lookup`: left out, or its open proposal. */
function blockChange(node: PMNode, lookup: ProposalLookup | undefined): TrackedChange | "plain" | "omit" {
  const id = lookup && blockProposalOf(node);
  return id ? proposalChange({ kind: "insert", id }, lookup) : "plain";
}

/** Whether a section proposed new (decision 033) is left out: its addition rejected, or not accepted in a decided reading. */
function omitted(node: PMNode, lookup: ProposalLookup | undefined): boolean {
  const id = lookup && sectionProposalOf(node);
  return !!id && proposalChange({ kind: "insert", id }, lookup) === "omit";
}

/** The block children of `parent`, from child `from` on (a clause's first child is its heading). */
function blocks(parent: PMNode, lookup: ProposalLookup | undefined, from = 0): Block[] {
  const out: Block[] = [];
  parent.forEach((node, _offset, index) => {
    const change = blockChange(node, lookup);
    if (index < from || change === "omit") return;
    switch (node.type.name) {
      case "paragraph":
        out.push({ kind: "paragraph", runs: runs(node, lookup), ...(change === "plain" ? {} : { change }) });
        break;
      case "bullet_list":
      case "ordered_list": {
        const items: Block[][] = [];
        node.forEach((item) => {
          const added = blockChange(item, lookup);
          if (added === "omit") return;
          const content = blocks(item, lookup);
          // A list item starts with a paragraph: its mark is where Word tracks the item's insertion.
          if (added !== "plain" && content[0]?.kind === "paragraph") content[0].change = added;
          items.push(content);
        });
        out.push({ kind: "list", ordered: node.type.name === "ordered_list", items });
        break;
      }
      case "table": {
        const rows: Block[][][] = [];
        node.forEach((row) => {
          const cells: Block[][] = [];
          row.forEach((cell) => cells.push(blocks(cell, lookup)));
          rows.push(cells);
        });
        out.push({ kind: "table", rows });
        break;
      }
    }
  });
  return out;
}

/**
 * The schedule as sections of numbered clauses. Without `lookup` proposal marks are not read (their
 * text reads as it stands); with it, open proposals are tracked changes of their runs (an export).
 */
export function scheduleModel(doc: PMNode, lookup?: ProposalLookup): SectionModel[] {
  const sections: SectionModel[] = [];
  const left = new Set<SectionModel>();
  doc.forEach((section, _offset, sectionIndex) => {
    sections.push({ number: String(sectionIndex + 1), ...heading(section.firstChild, lookup), clauses: [] });
    if (omitted(section, lookup)) left.add(sections[sectionIndex]!);
  });
  forEachClause(doc, (node, _pos, number, sectionIndex) => {
    // A clause proposed whole (decision 027) reads like a text proposal, all its runs at once.
    const whole = lookup ? proposalChange(clauseProposalOf(node), lookup) : "plain";
    if (whole === "omit") return;
    const clause: ClauseModel = {
      id: node.attrs.id as string,
      number,
      ...heading(node.firstChild, lookup),
      requirement: node.attrs.requirement as string | null,
      blocks: blocks(node, lookup, 1),
    };
    if (whole !== "plain") trackWholeClause(clause, node.firstChild, whole, lookup!);
    const move = lookup && clauseMoveOf(node);
    const fate = move ? lookup(move.id) : null;
    if (move && typeof fate === "object" && fate) clause.moved = { from: movedFromPlace(doc, move.from), ...fate };
    sections[sectionIndex]!.clauses.push(clause);
  });
  return sections.filter((section) => !left.has(section));
}

/** A stored version's JSON back into a document of our schema. */
export function scheduleFromJson(json: unknown): PMNode {
  return scheduleSchema.nodeFromJSON(json);
}

/** The words of a set of blocks, one line per paragraph, for comparisons and plain exports. */
export function blocksText(list: Block[], indent = ""): string[] {
  return list.flatMap((block) => {
    if (block.kind === "paragraph") return [indent + block.runs.map((r) => ("lineBreak" in r ? "\n" : r.placeholder ? `[${r.text}]` : r.text)).join("")];
    if (block.kind === "list") return block.items.flatMap((item, i) => blocksText(item, `${indent}${block.ordered ? `${i + 1}.` : "•"} `));
    return block.rows.map((row) => row.map((cell) => blocksText(cell).join(" ")).join(" | "));
  });
}

/** A clause as text: heading, then its body. What redlines and comparisons diff. */
export function clauseText(clause: ClauseModel): string {
  return [clause.heading, ...blocksText(clause.blocks)].join("\n");
}
