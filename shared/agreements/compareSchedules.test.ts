import { test } from "node:test";
import assert from "node:assert/strict";
import type { ClauseModel, SectionModel } from "../editor/scheduleModel";
import { compareSchedules } from "./compareSchedules";

const clause = (id: string, text: string): ClauseModel => ({
  id,
  number: "",
  heading: id,
  requirement: null,
  blocks: [{ kind: "paragraph", runs: [{ text }] }],
});
const schedule = (...clauses: ClauseModel[]): SectionModel[] => [{ number: "1", heading: "S", clauses }];

test("clauses added, removed, moved and changed, with word differences", () => {
  const from = schedule(clause("a", "Backups daily."), clause("b", "Notify within 24 hours."), clause("c", "Encrypt data."), clause("d", "Exit plan."));
  const to = schedule(clause("c", "Encrypt data."), clause("a", "Backups daily."), clause("b", "Notify within 48 hours."), clause("e", "Insurance."));
  const result = compareSchedules(from, to);
  assert.deepEqual(
    result.map((r) => [r.kind === "removed" ? r.from.id : r.to.id, r.kind, "moved" in r ? r.moved : null]),
    [
      ["c", "unchanged", true],
      ["a", "unchanged", false],
      ["b", "changed", false],
      ["d", "removed", null],
      ["e", "added", null],
    ],
  );
  const changed = result[2]!;
  assert.ok(changed.kind === "changed");
  assert.deepEqual(
    changed.parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text]),
    [
      ["deleted", "24"],
      ["inserted", "48"],
    ],
  );
});
