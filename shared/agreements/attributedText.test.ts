import { test } from "node:test";
import assert from "node:assert/strict";
import { applyChange, visibleText, type Segment } from "./attributedText";

const start: Segment[] = [{ text: "Notify within 24 hours.", kind: "same" }];

test("insertions and deletions are attributed to whoever made them, word by word", () => {
  const a = applyChange(start, "Notify the buyer within 24 hours.", "bea");
  const b = applyChange(a, "Notify the buyer within 48 hours.", "sam");
  assert.equal(visibleText(b), "Notify the buyer within 48 hours.");
  assert.deepEqual(b, [
    { text: "Notify ", kind: "same" },
    { text: "the buyer ", kind: "inserted", by: "bea" },
    { text: "within ", kind: "same" },
    { text: "24", kind: "deleted", by: "sam" },
    { text: "48", kind: "inserted", by: "sam" },
    { text: " hours.", kind: "same" },
  ]);
});

test("text inserted and then deleted again leaves no trace; deleted text stays in place", () => {
  const a = applyChange(start, "Notify quickly within 24 hours.", "bea");
  const b = applyChange(a, "Notify within 24 hours.", "sam");
  assert.deepEqual(b, start);
  const c = applyChange(applyChange(start, "Notify within hours.", "bea"), "Notify within hours. Always.", "sam");
  assert.deepEqual(
    c.map((s) => [s.kind, s.text]),
    [
      ["same", "Notify within "],
      ["deleted", "24 "],
      ["same", "hours."],
      ["inserted", " Always."],
    ],
  );
});
