import type { Mark, Node as PMNode } from "prosemirror-model";
import { newId } from "../../../shared/ids";
import { formattingOf } from "../../../shared/editor/proposalMarks";
import { scheduleSchema as s } from "../../../shared/editor/schema";
import type { ImportedBlock, ImportedEntry, ImportedProposal, ImportedRun, ParsedDocx } from "../../../shared/wordImport/importedDocument";
import { importOutline } from "./importOutline";

/**
 * The schedule document for a parsed file with its (possibly re-split) roles, each clause linked
 * to the requirement chosen for it (by clause key), and the tracked changes as proposals with the
 * clause each one is in.
 */
export function buildImportedSchedule(parsed: ParsedDocx, requirements: Map<number, string | null>): { doc: PMNode; proposals: ImportedProposal[] } {
  const { entries } = parsed;
  const clauseOf = new Map<string, number | null>();
  const newBlocks = new Set<string>();
  const kinds = new Map(parsed.changes.map((c) => [c.id, c.kind === "delete" ? ("deletion" as const) : ("insertion" as const)]));
  const noteIn =
    (clause: number | null): Note =>
    (id, scope) => {
      clauseOf.set(id, clause);
      if (scope) newBlocks.add(id);
      return kinds.get(id) ?? "insertion";
    };
  let clauseIndex = 0;
  const clauseIds: string[] = [];
  const sections = importOutline(entries).map((section) => {
    const heading = headingNode("section_heading", section.heading === null ? null : entries[section.heading]!, noteIn(null));
    const clauses = section.clauses.map((clause) => {
      const index = clauseIndex++;
      const note = noteIn(index);
      const blocks = clause.body.map((i) => entries[i]!.block);
      const body = blocks.map((block, i) => blockNode(block, note, i > 0 || !blocks.every(newParagraphOf)));
      clauseIds[index] = newId();
      return s.nodes.clause.create({ id: clauseIds[index], requirement: requirements.get(clause.key) ?? null }, [
        headingNode("clause_heading", clause.heading === null ? null : entries[clause.heading]!, note),
        ...(body.length ? body : [s.nodes.paragraph.create()]),
      ]);
    });
    return s.nodes.section.create({ id: newId() }, [heading, ...clauses]);
  });
  const doc = s.nodes.doc.create(null, sections.length ? sections : [s.nodes.section.create({ id: newId() }, [s.nodes.section_heading.create()])]);
  doc.check();
  const proposals = parsed.changes
    .filter((c) => clauseOf.has(c.id))
    .map((c) => {
      const index = clauseOf.get(c.id)!;
      return {
        ...c,
        scope: newBlocks.has(c.id) ? ("block" as const) : ("text" as const),
        clauseIndex: index,
        clauseId: index === null ? null : clauseIds[index]!,
      };
    });
  return { doc, proposals };
}

/** Records where a change sits (and that it is a paragraph or list item proposed new) and says which mark it takes. */
type Note = (changeId: string, scope?: "block") => "insertion" | "deletion";

/** A paragraph read as proposed new; a list item is one when it is only that paragraph (its mark is the item's). */
const newParagraphOf = (block: ImportedBlock) => (block.kind === "paragraph" ? block.insertion : undefined);
const newItemOf = (item: ImportedBlock[]) => (item.length === 1 ? newParagraphOf(item[0]!) : undefined);

function marksOf(run: ImportedRun, heading: boolean): Mark[] {
  const marks: Mark[] = [];
  // Headings take no bold in the schema: their weight is the heading's own.
  if (run.bold && !heading) marks.push(s.marks.bold.create());
  if (run.italic) marks.push(s.marks.italic.create());
  return marks;
}

/**
 * A formatting change as the editor proposes one (decision 030): the text carries the formatting
 * proposed, `was` the formatting before. Word changes no link by w:rPrChange, so a run's link is in
 * `was` as it is. None where both read the same here (a heading takes no bold).
 */
function modificationOf(run: ImportedRun, heading: boolean, marks: Mark[]): Mark | null {
  if (!run.formatChange) return null;
  const was = formattingOf([...marksOf(run.formatChange, heading), ...marks.filter((m) => m.type === s.marks.link)]);
  return JSON.stringify(was) === JSON.stringify(formattingOf(marks)) ? null : s.marks.modification.create({ id: run.formatChange.id, was });
}

function inline(runs: ImportedRun[], heading: boolean, note: Note): PMNode[] {
  const out: PMNode[] = [];
  for (const run of runs) {
    const marks = marksOf(run, heading);
    const modification = modificationOf(run, heading, marks);
    if (run.change) marks.push(s.marks[note(run.change)]!.create({ id: run.change }));
    if (modification) {
      note(run.formatChange!.id);
      marks.push(modification);
    }
    if (run.lineBreak) out.push(heading ? s.text(" ", marks) : s.nodes.hard_break.create());
    else if (run.text) out.push(s.text(run.text, marks));
  }
  return out;
}

function headingNode(type: "section_heading" | "clause_heading", entry: ImportedEntry | null, note: Note): PMNode {
  const runs = entry && entry.block.kind === "paragraph" ? entry.block.runs : [];
  return s.nodes[type].create(null, inline(runs, true, note));
}

/**
 * A block of a clause body. A clause keeps at least one block and a list one item that are not
 * proposed new (`mayBeNew` false for the first when all are): rejecting every one of them would
 * leave what the schema does not allow. Such a paragraph's words stay one inserted text proposal.
 */
function blockNode(block: ImportedBlock, note: Note, mayBeNew = true): PMNode {
  switch (block.kind) {
    case "paragraph": {
      const id = mayBeNew ? block.insertion : undefined;
      if (id) note(id, "block");
      return s.nodes.paragraph.create(id ? { insertion: id } : null, inline(block.runs, false, note));
    }
    case "list": {
      const allNew = block.items.every(newItemOf);
      return s.nodes[block.ordered ? "ordered_list" : "bullet_list"].create(
        null,
        block.items.map((item, i) => {
          const id = allNew && i === 0 ? undefined : newItemOf(item);
          if (id) note(id, "block");
          // A list item starts with a paragraph in the schema; a new item's proposal is on the item.
          const children = item.map((b, j) => blockNode(b, note, j > 0));
          return s.nodes.list_item.create(
            id ? { insertion: id } : null,
            children[0]?.type === s.nodes.paragraph ? children : [s.nodes.paragraph.create(), ...children],
          );
        }),
      );
    }
    case "table":
      return s.nodes.table.create(
        null,
        block.rows.map((row) =>
          s.nodes.table_row.create(
            null,
            row.map((cell) =>
              s.nodes.table_cell.create(
                null,
                cell.map((b) => blockNode(b, note)),
              ),
            ),
          ),
        ),
      );
  }
}
