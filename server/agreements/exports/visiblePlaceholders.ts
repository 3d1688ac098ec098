import type { Block, Run, SectionModel } from "../../../shared/editor/scheduleModel";

function visibleRun(run: Run, inText: (label: string) => string): Run {
  if ("lineBreak" in run || !run.placeholder) return run;
  return { ...run, text: inText(run.text), bold: true };
}

function visibleBlocks(list: Block[], inText: (label: string) => string): Block[] {
  return list.map((b): Block => {
    if (b.kind === "paragraph") return { ...b, runs: b.runs.map((r) => visibleRun(r, inText)) };
    if (b.kind === "list") return { ...b, items: b.items.map((item) => visibleBlocks(item, inText)) };
    return { kind: "table", rows: b.rows.map((row) => row.map((cell) => visibleBlocks(cell, inText))) };
  });
}

/**
 * Every unfilled placeholder as bold text that says so ("[to fill in: amount]"), for every export
 * format alike: a file read outside the platform must not pass a blank off as agreed text.
 */
export function withVisiblePlaceholders<S extends SectionModel>(sections: S[], inText: (label: string) => string): S[] {
  return sections.map((s) => ({ ...s, clauses: s.clauses.map((c) => ({ ...c, blocks: visibleBlocks(c.blocks, inText) })) }));
}
