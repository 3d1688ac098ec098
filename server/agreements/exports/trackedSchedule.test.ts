import { test } from "node:test";
import assert from "node:assert/strict";
import type { Segment } from "../../../shared/agreements/attributedText";
import type { ClauseModel, SectionModel } from "../../../shared/editor/scheduleModel";
import type { Redline } from "../redline";
import { trackedSegments } from "./trackedChangeRuns";
import { trackedSchedule } from "./trackedSchedule";

const clause = (id: string, number: string, heading: string, text: string): ClauseModel => ({
  id,
  number,
  heading,
  requirement: null,
  blocks: [{ kind: "paragraph", runs: [{ text }] }],
});
const track = (segments: Segment[]) => trackedSegments(segments, (id) => ({ sam: "Sam Supplier" })[id], "system", 0);
const deleted = { kind: "delete" as const, author: "Sam Supplier", date: 2000 };

test("a removed clause comes back, all deleted and unnumbered, after the clause it followed; a renamed section's heading is tracked", () => {
  const sections: SectionModel[] = [
    { number: "1", heading: "Access control", clauses: [clause("a", "1.1", "Accounts", "Named accounts."), clause("c", "1.2", "Reviews", "Yearly.")] },
  ];
  const redline: Redline = {
    clauses: [
      { id: "a", number: "1.1", heading: "Accounts", change: "unchanged", segments: [{ text: "Accounts\nNamed accounts.", kind: "same" }] },
      { id: "c", number: "1.2", heading: "Reviews", change: "unchanged", segments: [{ text: "Reviews\nYearly.", kind: "same" }] },
      {
        id: "b",
        number: "1.2",
        heading: "Passwords",
        change: "removed",
        segments: [{ text: "Passwords\nTwelve characters.", kind: "deleted", by: "sam", at: 2000 }],
      },
    ],
    sections: [
      {
        kind: "changed",
        key: "s1",
        number: "1",
        from: "Access",
        to: "Access control",
        parts: [],
        formattingOnly: false,
        moved: null,
        segments: [
          { text: "Access", kind: "same" },
          { text: " control", kind: "inserted", by: "sam", at: 2000 },
        ],
        by: ["sam"],
      },
    ],
    moves: [],
  };
  const [section] = trackedSchedule(sections, ["s1"], redline, ["a", "b", "c"], track);
  assert.deepEqual(section!.headingRuns, [{ text: "Access" }, { text: " control", change: { ...deleted, kind: "insert" } }]);
  assert.deepEqual(
    section!.clauses.map((c) => [c.id, c.removed ?? false]),
    [
      ["a", false],
      ["b", true],
      ["c", false],
    ],
  );
  const removed = section!.clauses[1]!;
  assert.deepEqual(removed.headingRuns, [
    { text: "1.2 ", change: deleted },
    { text: "Passwords", change: deleted },
  ]);
  assert.deepEqual(removed.blocks, [{ kind: "paragraph", runs: [{ text: "Twelve characters.", change: deleted }] }]);
  assert.equal(section!.clauses[0], sections[0]!.clauses[0], "an unchanged clause is passed on as it is");
});
