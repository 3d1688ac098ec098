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
  const tracked = trackedClause([{ text: after.heading }], after.blocks, trackedSegments(segments, nameOf, "system", 0))!;
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
  const tracked = trackedClause([{ text: next.heading }], next.blocks, trackedSegments(segments, nameOf, "system", 0))!;
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
  const undone = trackedClause([{ text: base.heading }], base.blocks, trackedSegments(back, nameOf, "system", 0))!;
  const deleted = JSON.stringify(undone.blocks);
  assert.ok(deleted.includes('"text":"Encrypt them.","change":{"kind":"delete","author":"Sam Supplier","date":2000}'), deleted);
});

test("segments that do not read as the clause give no tracked version, and a removed clause is deleted line by line", () => {
  assert.equal(trackedClause([{ text: "Heading" }], [], [{ text: "Other heading" }]), null);
  const change = { kind: "delete" as const, author: "Sam Supplier", date: 2000 };
  assert.deepEqual(deletedLines([{ text: "Old clause\nIts text.", change }]), [[{ text: "Old clause", change }], [{ text: "Its text.", change }]]);
});

test("open proposals stay their own changes under a redline that left them out, where they stand", () => {
  const sam = { kind: "insert" as const, author: "Sam Supplier", date: 3000 };
  const samStrikes = { ...sam, kind: "delete" as const };
  const base: ClauseModel = {
    id: "c",
    number: "1.1",
    heading: "Incidents",
    requirement: null,
    blocks: [{ kind: "paragraph", runs: [{ text: "Notify at once within 24 hours." }] }],
  };
  // The redline compares the text without open proposals: Bea inserted "the buyer ", Sam deleted "at once ".
  const settled = "Incidents\nNotify the buyer within 24 hours.";
  const segments = applyChange(
    applyChange([{ text: clauseText(base), kind: "same" }], "Incidents\nNotify the buyer at once within 24 hours.", "bea", 1000),
    settled,
    "sam",
    2000,
  );
  const current: Block[] = [
    {
      kind: "paragraph",
      runs: [
        { text: "Notify the buyer " },
        { text: "promptly ", change: sam },
        { text: "within " },
        { text: "24", change: samStrikes },
        { text: "48", change: sam },
        { text: " hours." },
      ],
    },
  ];
  const heading = [{ text: "Incidents" }, { text: " and outages", change: sam }];
  const tracked = trackedClause(heading, current, trackedSegments(segments, nameOf, "system", 0))!;
  assert.deepEqual(tracked.heading, heading, "the heading's proposal where it was");
  assert.deepEqual(tracked.blocks, [
    {
      kind: "paragraph",
      runs: [
        { text: "Notify " },
        { text: "the buyer ", change: bea },
        { text: "at once ", change: { kind: "delete", author: "Sam Supplier", date: 2000 } },
        { text: "promptly ", change: sam },
        { text: "within " },
        { text: "24", change: samStrikes },
        { text: "48", change: sam },
        { text: " hours." },
      ],
    },
  ]);

  // Text the redline saw inserted and that is now proposed for deletion reads as what it is now: proposed for deletion.
  const struck: Block[] = [{ kind: "paragraph", runs: [{ text: "Notify " }, { text: "the buyer ", change: samStrikes }, { text: "within 24 hours." }] }];
  const inserted = applyChange([{ text: "Incidents\nNotify within 24 hours.", kind: "same" }], settled, "bea", 1000);
  const again = trackedClause([{ text: "Incidents" }], struck, trackedSegments(inserted, nameOf, "system", 0))!;
  assert.deepEqual(again.blocks, struck);
});
