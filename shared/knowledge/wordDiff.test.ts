import { test } from "node:test";
import assert from "node:assert/strict";
import { wordDiff } from "./wordDiff";

test("a weakened clause shows the words taken out and put in; joined back, each side is its own text", () => {
  const from = "The Supplier shall require multi-factor authentication for all access.";
  const to = "The Supplier may offer multi-factor authentication for all access.";
  const pieces = wordDiff(from, to);
  assert.deepEqual(
    pieces.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text.trim()]),
    [
      ["inserted", "may offer"],
      ["deleted", "shall require"],
    ],
  );
  assert.equal(
    pieces
      .filter((p) => p.kind !== "deleted")
      .map((p) => p.text)
      .join(""),
    to,
  );
  assert.equal(
    pieces
      .filter((p) => p.kind !== "inserted")
      .map((p) => p.text)
      .join(""),
    from,
  );
});

test("identical texts are one unchanged piece; an empty side is all inserted or deleted", () => {
  assert.deepEqual(wordDiff("a b", "a b"), [{ text: "a b", kind: "same" }]);
  assert.deepEqual(wordDiff("", "new words"), [{ text: "new words", kind: "inserted" }]);
});
