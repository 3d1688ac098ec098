import type { Segment } from "../../../shared/agreements/attributedText";
import type { Block, Run, TrackedChange } from "../../../shared/editor/scheduleModel";

/** A piece of a redline with its change, if any, already named and dated for a reader. */
export interface TrackedSegment {
  text: string;
  change?: TrackedChange;
}

/**
 * The redline's segments with their author's display name and date; the system's changes (a
 * template, a migration) are named `system`. A segment without a time takes `fallbackDate`.
 */
export function trackedSegments(segments: Segment[], nameOf: (userId: string) => string | undefined, system: string, fallbackDate: number): TrackedSegment[] {
  return segments.map((s) =>
    s.kind === "same"
      ? { text: s.text }
      : { text: s.text, change: { kind: s.kind === "inserted" ? "insert" : "delete", author: (s.by && nameOf(s.by)) || system, date: s.at ?? fallbackDate } },
  );
}

// One stretch of the text the redline diffed: a run's own text, or what clauseText puts between
// runs (line ends, list markers, " | " between cells). `into` is the run list a deletion found
// there joins: a separator hands it to the paragraph that follows.
type Slot = { text: string; run?: Run; into: Run[] };
// A line of blocksText (scheduleModel.ts); `into` takes what the line end before it brings.
type Line = { into: Run[]; slots: Slot[] };

// An open proposal's insertion is not in the text the redline diffed (redline.ts reads the text
// without open proposals), so it takes no room there; text proposed for deletion does.
const runText = (run: Run) => ("lineBreak" in run ? "\n" : run.placeholder ? `[${run.text}]` : run.change?.kind === "insert" ? "" : run.text);

/** Joins lines with `separator`, each separator handing over to the line after it. */
function joined(lines: Line[], separator: string): Line | null {
  if (lines.length === 0) return null;
  const slots = lines.flatMap((line, i) => (i > 0 ? [{ text: separator, into: line.into }, ...line.slots] : line.slots));
  return { into: lines[0]!.into, slots };
}

/**
 * The blocks laid out as the lines blocksText writes, and copies of them whose paragraphs have
 * fresh run lists, which the lines' slots fill.
 */
function layout(list: Block[], indent: string): { blocks: Block[]; lines: Line[] } {
  const lines: Line[] = [];
  const blocks = list.map((block): Block => {
    if (block.kind === "paragraph") {
      const runs: Run[] = [];
      const slots: Slot[] = indent ? [{ text: indent, into: runs }] : [];
      for (const run of block.runs) slots.push({ text: runText(run), run, into: runs });
      lines.push({ into: runs, slots });
      return { ...block, runs };
    }
    if (block.kind === "list") {
      const items = block.items.map((item, i) => {
        const laid = layout(item, `${indent}${block.ordered ? `${i + 1}.` : "•"} `);
        lines.push(...laid.lines);
        return laid.blocks;
      });
      return { kind: "list", ordered: block.ordered, items };
    }
    const rows = block.rows.map((row) => {
      const cells = row.map((cell) => layout(cell, ""));
      const line = joined(
        cells.flatMap((cell) => joined(cell.lines, " ") ?? []),
        " | ",
      );
      if (line) lines.push(line);
      return cells.map((cell) => cell.blocks);
    });
    return { kind: "table", rows };
  });
  return { blocks, lines };
}

/**
 * A clause (or a section heading: no blocks) with the redline laid over its runs: inserted text
 * becomes runs with an insert change, deleted text is put back where it stood as runs with a
 * delete change, formatting, links, lists and tables stay. Runs that already carry a change (open
 * proposals) keep it: an open insertion stays where it is, and text proposed for deletion stays
 * the proposal's deletion even where the redline saw it inserted since the version, since that is
 * what the text is now. The segments must read, without their deletions, exactly as clauseText does
 * without open insertions; null when they do not (then the clause is shown as is).
 */
export function trackedClause(heading: Run[], blocks: Block[], segments: TrackedSegment[]): { heading: Run[]; blocks: Block[] } | null {
  const headingRuns: Run[] = [];
  const laid = layout(blocks, "");
  const headingLine: Line = { into: headingRuns, slots: heading.map((run) => ({ text: runText(run), run, into: headingRuns })) };
  const slots = joined([headingLine, ...laid.lines], "\n")!.slots;
  const visible = segments
    .filter((s) => s.change?.kind !== "delete")
    .map((s) => s.text)
    .join("");
  if (visible !== slots.map((s) => s.text).join("")) return null;

  let slot = 0;
  let offset = 0;
  let last: Slot = { text: "", into: headingRuns };
  // Runs the redline has no text for (open insertions) are placed as they are when reached.
  const passEmpty = () => {
    for (; offset === 0 && slot < slots.length && slots[slot]!.text === ""; slot++) {
      last = slots[slot]!;
      if (last.run) last.into.push(last.run);
    }
  };
  for (const segment of segments) {
    if (segment.change?.kind === "delete") {
      last.into.push(...deletedRuns(segment.text, segment.change));
      continue;
    }
    let left = segment.text.length;
    while (left > 0) {
      passEmpty();
      const current = slots[slot]!;
      const take = Math.min(left, current.text.length - offset);
      const piece = current.text.slice(offset, offset + take);
      const run = current.run;
      const change = run?.change ?? segment.change;
      if (run && ("lineBreak" in run || run.placeholder)) {
        // Atomic in the document: kept whole, where its first character is.
        if (offset === 0) current.into.push(change ? { ...run, change } : run);
      } else if (run && piece) current.into.push(change ? { ...run, text: piece, change } : { ...run, text: piece });
      last = current;
      offset += take;
      left -= take;
      if (offset === current.text.length) {
        slot += 1;
        offset = 0;
      }
    }
  }
  passEmpty();
  return { heading: merged(headingRuns), blocks: laid.blocks.map(mergedBlock) };
}

/** Text deleted as a whole (a removed clause), one paragraph per line, each run deleted. */
export function deletedLines(segments: TrackedSegment[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const s of segments) {
    if (!s.change) continue;
    s.text.split("\n").forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ text: part, change: s.change });
    });
  }
  return lines.filter((line) => line.length > 0);
}

function deletedRuns(text: string, change: TrackedChange): Run[] {
  return text.split("\n").flatMap((part, i): Run[] => [...(i > 0 ? [{ lineBreak: true as const, change }] : []), ...(part ? [{ text: part, change }] : [])]);
}

const sameChange = (a?: TrackedChange, b?: TrackedChange) => a?.kind === b?.kind && a?.author === b?.author && a?.date === b?.date;

// Pieces of one run that the segments cut apart, and no change tells apart, are one run again.
function merged(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const prev = out[out.length - 1];
    if (
      prev &&
      !("lineBreak" in prev) &&
      !("lineBreak" in run) &&
      !prev.placeholder &&
      !run.placeholder &&
      prev.bold === run.bold &&
      prev.italic === run.italic &&
      prev.href === run.href &&
      sameChange(prev.change, run.change)
    )
      out[out.length - 1] = { ...prev, text: prev.text + run.text };
    else out.push(run);
  }
  return out;
}

function mergedBlock(block: Block): Block {
  if (block.kind === "paragraph") return { ...block, runs: merged(block.runs) };
  if (block.kind === "list") return { ...block, items: block.items.map((item) => item.map(mergedBlock)) };
  return { kind: "table", rows: block.rows.map((row) => row.map((cell) => cell.map(mergedBlock))) };
}
