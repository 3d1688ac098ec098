import { isSafeHref } from "../../../shared/editor/schema";
import type { Block, Run } from "../../../shared/editor/scheduleModel";
import type { SectionModel } from "../../../shared/editor/scheduleModel";

/**
 * A link target fit for a file that leaves the platform: http(s) or mailto only, without control
 * characters. Anything else (javascript:, file://, \\host\share, data:) is no link at all: a Word
 * or PDF reader would open it outside any browser sandbox.
 */
export function exportHref(href: string | undefined): string | undefined {
  if (!isSafeHref(href)) return undefined;
  const trimmed = href.trim();
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  return /[\u0000-\u001f\u007f]/.test(trimmed) ? undefined : trimmed;
}

function safeRun(run: Run): Run {
  if ("lineBreak" in run || run.href === undefined) return run;
  const { href, ...rest } = run;
  const safe = exportHref(href);
  return safe ? { ...rest, href: safe } : rest;
}

function safeBlocks(list: Block[]): Block[] {
  return list.map((b): Block => {
    if (b.kind === "paragraph") return { ...b, runs: b.runs.map(safeRun) };
    if (b.kind === "list") return { ...b, items: b.items.map(safeBlocks) };
    return { kind: "table", rows: b.rows.map((row) => row.map(safeBlocks)) };
  });
}

/**
 * The schedule with every unsafe link turned into its plain text, for every export format alike;
 * whatever else a section or clause carries (tracked headings) stays.
 */
export function withSafeLinks<S extends SectionModel>(sections: S[]): S[] {
  return sections.map((s) => ({ ...s, clauses: s.clauses.map((c) => ({ ...c, blocks: safeBlocks(c.blocks) })) }));
}
