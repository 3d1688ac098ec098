// Clause-aware comparison of two versions: clauses are matched by id, so a clause that moved is
// "moved", not "removed here and added there", and a changed clause shows its word differences.
import { diffWordsWithSpace } from "diff";
import { clauseText, type ClauseModel, type SectionModel } from "../editor/scheduleModel";

export interface WordPart {
  text: string;
  kind: "same" | "inserted" | "deleted";
}

export type ClauseComparison =
  | { kind: "added"; to: ClauseModel }
  | { kind: "removed"; from: ClauseModel }
  | { kind: "changed" | "unchanged"; from: ClauseModel; to: ClauseModel; moved: boolean; parts: WordPart[] };

export function wordDiff(from: string, to: string): WordPart[] {
  return diffWordsWithSpace(from, to).map((p) => ({ text: p.value, kind: p.added ? "inserted" : p.removed ? "deleted" : "same" }));
}

/** Ids in both sequences that keep their relative order (a longest common subsequence). */
export function inOrder(a: string[], b: string[]): Set<string> {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  }
  const keep = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      keep.add(a[i]!);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return keep;
}

/** Every clause of either version, in the newer version's order; removed ones where they were. */
export function compareSchedules(fromSections: SectionModel[], toSections: SectionModel[]): ClauseComparison[] {
  const from = fromSections.flatMap((s) => s.clauses);
  const to = toSections.flatMap((s) => s.clauses);
  const fromById = new Map(from.map((c) => [c.id, c]));
  const toIds = new Set(to.map((c) => c.id));
  const common = from.filter((c) => toIds.has(c.id)).map((c) => c.id);
  const steady = inOrder(
    common,
    to.filter((c) => fromById.has(c.id)).map((c) => c.id),
  );

  const out: ClauseComparison[] = to.map((clause) => {
    const old = fromById.get(clause.id);
    if (!old) return { kind: "added", to: clause };
    const parts = wordDiff(clauseText(old), clauseText(clause));
    const kind = parts.every((p) => p.kind === "same") ? "unchanged" : "changed";
    return { kind, from: old, to: clause, moved: !steady.has(clause.id), parts };
  });
  // A removed clause goes after the nearest earlier clause that is still there and did not move.
  from.forEach((clause, index) => {
    if (toIds.has(clause.id)) return;
    const anchor = from
      .slice(0, index)
      .reverse()
      .find((c) => steady.has(c.id));
    const at = anchor ? out.findIndex((c) => c.kind !== "removed" && c.to.id === anchor.id) + 1 : 0;
    let position = at;
    while (position < out.length && out[position]!.kind === "removed") position++;
    out.splice(position, 0, { kind: "removed", from: clause });
  });
  return out;
}
