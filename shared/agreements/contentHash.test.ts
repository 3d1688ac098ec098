import { test } from "node:test";
import assert from "node:assert/strict";
import { scheduleSchema as s } from "../editor/schema";
import { withDecidedProposals, withoutProposals } from "./contentHash";

const ins = (id: string) => [s.marks.insertion.create({ id })];
const del = (id: string) => [s.marks.deletion.create({ id })];
const paragraph = s.nodes.paragraph.create(null, [
  s.text("Keep "),
  s.text("all ", ins("a")),
  s.text("logs", ins("b")),
  s.text(" for"),
  s.text(" one", del("c")),
  s.text(" year", del("d")),
  s.text("."),
]);
const text = (content: ReturnType<typeof withoutProposals>) => s.nodes.paragraph.create(null, content);

test("decided proposals are applied and the others left out; with none accepted it is the text before any proposal", () => {
  const decided = text(withDecidedProposals(paragraph.content, (id) => id === "a" || id === "c"));
  assert.equal(decided.textContent, "Keep all  for year.");
  assert.ok(decided.content.childCount === 1, "no marks are left, so the text is one node again");
  const before = text(withoutProposals(paragraph.content));
  assert.equal(before.textContent, "Keep  for one year.");
  assert.deepEqual(before.toJSON(), text(withDecidedProposals(paragraph.content, () => false)).toJSON());
});
