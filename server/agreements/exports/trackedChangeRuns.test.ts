import { test } from "node:test";
import assert from "node:assert/strict";
import { applyChange, type Segment } from "../../../shared/agreements/attributedText";
import { clauseText, type Block, type ClauseModel } from "../../../shared/editor/scheduleModel";
import { deletedLines, trackedClause, trackedSegments } from "./trackedChangeRuns";

const names: Record<string, string> = { bea: "Bea Buyer", sam: "Sam Supplier" };
const nameOf = (id: string) => names[id];
const bea = { kind: "insert" as const, author: "Bea Buyer", date: 1000 };

test("redline segments become tracked changes with the author's name and the date; the system is named", () => {
  const segments: Segment[] = [
    { text: "Notify ", kind: "same" },
    { text: "the buyer ", kind: "inserted", by: "bea", at: 1000 },
    { text: "24", kind: "deleted", by: "sam", at: 2000 },
    { text: "48", kind: "inserted", by: null },
  ];
  assert.deepEqual(trackedSegments(segments, nameOf, "Common Ground", 5), [
    { text: "Notify " },
    { text: "the buyer ", change: bea },
    { text: "24", change: { kind: "delete", author: "Sam Supplier", date: 2000 } },
    { text: "48", change: { kind: "insert", author: "Common Ground", date: 5 } },
  ]);
});

test("a clause's redline is laid over its runs: formatting stays, insertions and deletions are runs of their own", () => {
  const before: ClauseModel = {
    id: "c",
    number: "1.1",
    heading: "Incidents",
    requirement: null,
    blocks: [{ kind: "paragraph", runs: [{ text: "Notify " }, { text: "within 24 hours", bold: true }, { text: "." }] }],
  };
  const after: ClauseModel = {
    ...before,
    heading: "Security incidents",
    blocks: [{ kind: "paragraph", runs: [{ text: "Notify the buyer " }, { text: "within 48 hours", bold: true }, { text: "." }] }],
  };
  let segments = applyChange([{ text: clauseText(before), kind: "same" }], clauseText(after), "bea", 1000);
  segments = segments.map((s) => (s.text === "24" ? { ...s, by: "sam", at: 2000 } : s));
  const tracked = trackedClause(after.heading, after.blocks, trackedSegments(segments, nameOf, "system", 0))!;
  assert.deepEqual(tracked.heading, [
    { text: "Incidents", change: { ...bea, kind: "delete" } },
    { text: "Security incidents", change: bea },
  ]);
  assert.deepEqual(tracked.blocks, [
    {
      kind: "paragraph",
      runs: [
        { text: "Notify " },
        { text: "the buyer ", change: bea },
        { text: "within ", bold: true },
        { text: "24", change: { kind: "delete", author: "Sam Supplier", date: 2000 } },
        { text: "48", bold: true, change: bea },
        { text: " hours", bold: true },
        { text: "." },
      ],
    },
  ]);
});

test("lists and tables keep their shape; a new paragraph is inserted, a removed one is deleted where it stood", () => {
  const blocks = (cell: string, item: string, extra: boolean): Block[] => [
    { kind: "paragraph", runs: [{ text: "Keep logs." }] },
    ...(extra ? [{ kind: "paragraph" as const, runs: [{ text: "Encrypt them." }] }] : []),
    { kind: "list", ordered: true, items: [[{ kind: "paragraph", runs: [{ text: item }] }]] },
    {
      kind: "table",
      rows: [
        [[{ kind: "paragraph", runs: [{ text: "Log" }] }], [{ kind: "paragraph", runs: [{ text: cell }] }]],
        [[{ kind: "paragraph", runs: [{ text: "Audit" }] }], [{ kind: "paragraph", runs: [{ text: "1 year" }] }]],
      ],
    },
  ];
  const clause = (cell: string, item: string, extra: boolean): ClauseModel => ({
    id: "c",
    number: "2.1",
    heading: "Logging",
    requirement: null,
    blocks: blocks(cell, item, extra),
  });
  const base = clause("90 days", "Daily review", false);
  const next = clause("180 days", "Daily review", true);
  const segments = applyChange([{ text: clauseText(base), kind: "same" }], clauseText(next), "bea", 1000);
  const tracked = trackedClause(next.heading, next.blocks, trackedSegments(segments, nameOf, "system", 0))!;
  assert.deepEqual(tracked.heading, [{ text: "Logging" }]);
  const [first, inserted, list, table] = tracked.blocks;
  assert.deepEqual(first, { kind: "paragraph", runs: [{ text: "Keep logs." }] });
  assert.deepEqual(inserted, { kind: "paragraph", runs: [{ text: "Encrypt them.", change: bea }] });
  assert.deepEqual(list, { kind: "list", ordered: true, items: [[{ kind: "paragraph", runs: [{ text: "Daily review" }] }]] });
  assert.equal(table?.kind, "table");
  assert.deepEqual(table.kind === "table" && table.rows[0]![1], [
    { kind: "paragraph", runs: [{ text: "90", change: { ...bea, kind: "delete" } }, { text: "180", change: bea }, { text: " days" }] },
  ]);

  // Back again: the paragraph's words are deleted in place, at the start of the one after it.
  const back = applyChange([{ text: clauseText(next), kind: "same" }], clauseText(base), "sam", 2000);
  const undone = trackedClause(base.heading, base.blocks, trackedSegments(back, nameOf, "system", 0))!;
  const deleted = JSON.stringify(undone.blocks);
  assert.ok(deleted.includes('"text":"Encrypt them.","change":{"kind":"delete","author":"Sam Supplier","date":2000}'), deleted);
});

test("segments that do not read as the clause give no tracked version, and a removed clause is deleted line by line", () => {
  assert.equal(trackedClause("Heading", [], [{ text: "Other heading" }]), null);
  const change = { kind: "delete" as const, author: "Sam Supplier", date: 2000 };
  assert.deepEqual(deletedLines([{ text: "Old clause\nIts text.", change }]), [[{ text: "Old clause", change }], [{ text: "Its text.", change }]]);
});
