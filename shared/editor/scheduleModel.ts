// A plain model of a schedule for everything that reads rather than edits it: version pages,
// comparisons, redlines and exports. Numbers are derived the same way as in the editor.
import type { Node as PMNode } from "prosemirror-model";
import { forEachClause } from "./numbering";
import { scheduleSchema } from "./schema";

/**
 * A change Word tracks on a run (w:ins / w:del), with who made it and when (ms since epoch). The
 * redline since a version sets it today; open proposals are meant to set it the same way.
 */
export interface TrackedChange {
  kind: "insert" | "delete";
  author: string;
  date: number;
}

/** A text run; `placeholder` marks a blank still to fill in, whose text is then its label. */
export type Run = ({ text: string; bold?: boolean; italic?: boolean; href?: string; placeholder?: true } | { lineBreak: true }) & { change?: TrackedChange };
export type Block = { kind: "paragraph"; runs: Run[] } | { kind: "list"; ordered: boolean; items: Block[][] } | { kind: "table"; rows: Block[][][] };

export interface ClauseModel {
  id: string;
  number: string;
  heading: string;
  requirement: string | null;
  blocks: Block[];
}

export interface SectionModel {
  number: string;
  heading: string;
  clauses: ClauseModel[];
}

function runs(textblock: PMNode): Run[] {
  const out: Run[] = [];
  textblock.forEach((node) => {
    if (node.type.name === "hard_break") return void out.push({ lineBreak: true });
    if (node.type.name === "placeholder") return void out.push({ text: (node.attrs.label as string) || (node.attrs.field as string), placeholder: true });
    const run: Run = { text: node.text ?? "" };
    for (const mark of node.marks) {
      if (mark.type.name === "bold") run.bold = true;
      if (mark.type.name === "italic") run.italic = true;
      if (mark.type.name === "link") run.href = mark.attrs.href as string;
    }
    out.push(run);
  });
  return out;
}

/** The block children of `parent`, from child `from` on (a clause's first child is its heading). */
function blocks(parent: PMNode, from = 0): Block[] {
  const out: Block[] = [];
  parent.forEach((node, _offset, index) => {
    if (index < from) return;
    switch (node.type.name) {
      case "paragraph":
        out.push({ kind: "paragraph", runs: runs(node) });
        break;
      case "bullet_list":
      case "ordered_list": {
        const items: Block[][] = [];
        node.forEach((item) => items.push(blocks(item)));
        out.push({ kind: "list", ordered: node.type.name === "ordered_list", items });
        break;
      }
      case "table": {
        const rows: Block[][][] = [];
        node.forEach((row) => {
          const cells: Block[][] = [];
          row.forEach((cell) => cells.push(blocks(cell)));
          rows.push(cells);
        });
        out.push({ kind: "table", rows });
        break;
      }
    }
  });
  return out;
}

export function scheduleModel(doc: PMNode): SectionModel[] {
  const sections: SectionModel[] = [];
  doc.forEach((section, _offset, sectionIndex) => {
    sections.push({ number: String(sectionIndex + 1), heading: section.firstChild?.textContent ?? "", clauses: [] });
  });
  forEachClause(doc, (node, _pos, number, sectionIndex) => {
    sections[sectionIndex]!.clauses.push({
      id: node.attrs.id as string,
      number,
      heading: node.firstChild?.textContent ?? "",
      requirement: node.attrs.requirement as string | null,
      blocks: blocks(node, 1),
    });
  });
  return sections;
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
