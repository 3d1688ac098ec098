import type { Segment } from "../../../shared/agreements/attributedText";
import type { ClauseModel, Run, SectionModel } from "../../../shared/editor/scheduleModel";
import type { Redline } from "../redline";
import { deletedLines, trackedClause, type TrackedSegment } from "./trackedChangeRuns";

/** A clause as an export shows it; with tracked changes, its heading as runs, or a clause since removed. */
export type TrackedClauseModel = ClauseModel & { removed?: true };
export type TrackedSectionModel = Omit<SectionModel, "clauses"> & { clauses: TrackedClauseModel[] };

/** A heading's runs: its own when it holds a proposal, else its words as one run. */
const headingRunsOf = (model: { heading: string; headingRuns?: Run[] }): Run[] => model.headingRuns ?? (model.heading ? [{ text: model.heading }] : []);

/**
 * The current schedule with a redline laid over it: changed and added clauses and section headings
 * carry their insertions and deletions as runs, and each removed clause comes back, all deleted,
 * after the clause it followed in the base version (`baseOrder`, clause ids), as Word shows a
 * deleted paragraph where it stood. `sectionKeys` are the current sections' structure keys.
 */
export function trackedSchedule(
  sections: SectionModel[],
  sectionKeys: string[],
  redline: Redline,
  baseOrder: string[],
  track: (segments: Segment[]) => TrackedSegment[],
): TrackedSectionModel[] {
  const byClause = new Map(redline.clauses.map((c) => [c.id, c]));
  const bySection = new Map(redline.sections.map((s) => [s.key, s]));
  const out: TrackedSectionModel[] = sections.map((section, i) => {
    const change = bySection.get(sectionKeys[i] ?? "");
    const heading = change && change.kind !== "removed" ? trackedClause(headingRunsOf(section), [], track(change.segments))?.heading : undefined;
    return {
      ...section,
      ...(heading && { headingRuns: heading }),
      clauses: section.clauses.map((clause): TrackedClauseModel => {
        const redlined = byClause.get(clause.id);
        if (!redlined || redlined.change === "unchanged") return clause;
        const tracked = trackedClause(headingRunsOf(clause), clause.blocks, track(redlined.segments));
        return tracked ? { ...clause, headingRuns: tracked.heading, blocks: tracked.blocks } : clause;
      }),
    };
  });

  let anchor: string | null = null;
  for (const id of baseOrder) {
    const removed = byClause.get(id);
    if (removed?.change === "removed") {
      const [first, ...rest] = deletedLines(track(removed.segments));
      if (!first) continue;
      const clause: TrackedClauseModel = {
        id,
        number: removed.number,
        heading: removed.heading,
        requirement: null,
        headingRuns: [{ text: `${removed.number} `, change: first[0]!.change }, ...first],
        blocks: rest.map((runs) => ({ kind: "paragraph", runs })),
        removed: true,
      };
      const place = anchor === null ? null : locate(out, anchor);
      if (place) out[place.section]!.clauses.splice(place.index + 1, 0, clause);
      else out[0]?.clauses.unshift(clause);
    }
    if (locate(out, id)) anchor = id;
  }
  return out;
}

function locate(sections: TrackedSectionModel[], clauseId: string): { section: number; index: number } | null {
  for (const [section, s] of sections.entries()) {
    const index = s.clauses.findIndex((c) => c.id === clauseId);
    if (index >= 0) return { section, index };
  }
  return null;
}
