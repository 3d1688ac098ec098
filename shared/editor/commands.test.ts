import { test } from "node:test";
import assert from "node:assert/strict";
import { EditorState, TextSelection, type Command } from "prosemirror-state";
import { scheduleSchema as s } from "./schema";
import { buildScheduleDoc } from "./scheduleTemplate";
import { numberClauses } from "./numbering";
import { deleteClause, insertClause, insertSection, moveClause } from "./commands";
import { fixIds, idsNeedFixing, uniqueIdsPlugin } from "./uniqueIds";

const template = {
  sections: [
    {
      heading: "A",
      clauses: [
        { heading: "a1", requirement: null, body: ["x"] },
        { heading: "a2", requirement: "mfa", body: ["y"] },
      ],
    },
    { heading: "B", clauses: [{ heading: "b1", requirement: null, body: ["z"] }] },
  ],
};

/** A state with the cursor inside the clause whose heading is `heading`. */
function cursorIn(heading: string): EditorState {
  const doc = buildScheduleDoc(template);
  let at = -1;
  doc.descendants((node, pos) => {
    if (node.type === s.nodes.clause_heading && node.textContent === heading) at = pos + 1;
  });
  return EditorState.create({ doc, selection: TextSelection.create(doc, at) });
}

function run(state: EditorState, command: Command): EditorState {
  let next = state;
  assert.ok(
    command(state, (tr) => (next = state.apply(tr))),
    "command applies",
  );
  return next;
}

const outline = (state: EditorState) => numberClauses(state.doc).map((c) => `${c.number} ${c.heading}`);

test("moving a clause renumbers by position and keeps its id", () => {
  const state = cursorIn("a2");
  const id = numberClauses(state.doc)[1]!.id;
  const up = run(state, moveClause(-1));
  assert.deepEqual(outline(up), ["1.1 a2", "1.2 a1", "2.1 b1"]);
  assert.equal(numberClauses(up.doc)[0]!.id, id);
  assert.equal(moveClause(-1)(up), false, "nothing above the first clause of the first section");
  const down = run(run(state, moveClause(1)), moveClause(1));
  assert.deepEqual(outline(down), ["1.1 a1", "2.1 b1", "2.2 a2"], "crosses into the next section, then moves within it");
  assert.equal(numberClauses(down.doc)[2]!.id, id);
  assert.equal(numberClauses(down.doc)[2]!.requirement, "mfa");
});

test("a new clause goes after the current one, a new section after the current section", () => {
  const withClause = run(cursorIn("a1"), insertClause);
  assert.deepEqual(outline(withClause), ["1.1 a1", "1.2 ", "1.3 a2", "2.1 b1"]);
  assert.equal(idsNeedFixing(withClause.doc), false);
  const withSection = run(cursorIn("a1"), insertSection);
  assert.equal(withSection.doc.childCount, 3);
  assert.deepEqual(outline(withSection), ["1.1 a1", "1.2 a2", "2.1 ", "3.1 b1"]);
});

test("deleting removes only the clause holding the cursor", () => {
  const after = run(cursorIn("a2"), deleteClause);
  assert.deepEqual(outline(after), ["1.1 a1", "2.1 b1"]);
});

test("a pasted copy of a clause gets a fresh id; the original keeps its own", () => {
  const state = cursorIn("a1");
  const clauses = numberClauses(state.doc);
  const first = state.doc.child(0).child(1);
  const pasted = state.apply(state.tr.insert(state.doc.child(0).nodeSize - 1, first));
  assert.equal(idsNeedFixing(pasted.doc), true);
  const fixed = pasted.apply(fixIds(pasted.doc, pasted.tr));
  const ids = numberClauses(fixed.doc).map((c) => c.id);
  assert.equal(ids[0], clauses[0]!.id);
  assert.notEqual(ids[2], clauses[0]!.id);
  assert.equal(new Set(ids).size, ids.length);
});

test("a copy pasted before its original gets the fresh id: the original keeps its identity", () => {
  const state = EditorState.create({ doc: buildScheduleDoc(template), plugins: [uniqueIdsPlugin()] });
  const original = state.doc.child(0).child(1);
  // Paste the copy at the start of section A, before the original.
  const next = state.apply(state.tr.insert(1 + state.doc.child(0).child(0).nodeSize, original));
  const ids = numberClauses(next.doc).map((c) => c.id);
  assert.notEqual(ids[0], original.attrs.id, "the copy, first in order, was given a new id");
  assert.equal(ids[1], original.attrs.id, "the original kept its id");
  assert.equal(new Set(ids).size, ids.length);
});

test("a catalogue clause goes in after the current one; a clause can be linked and unlinked", async () => {
  const { clauseNode } = await import("./scheduleTemplate");
  const { insertClauseNode, setRequirement } = await import("./commands");
  const node = clauseNode({ heading: "Backups", requirement: "backup-management", body: ["Daily backups."] });
  const inserted = run(cursorIn("a1"), insertClauseNode(node));
  assert.deepEqual(outline(inserted), ["1.1 a1", "1.2 Backups", "1.3 a2", "2.1 b1"]);
  assert.equal(numberClauses(inserted.doc)[1]!.requirement, "backup-management");
  const linked = run(cursorIn("a1"), setRequirement("multi-factor-authentication"));
  assert.equal(numberClauses(linked.doc)[0]!.requirement, "multi-factor-authentication");
  const unlinked = run(cursorIn("a2"), setRequirement(null));
  assert.equal(numberClauses(unlinked.doc)[1]!.requirement, null);
});

test("with no section around the cursor, a catalogue clause goes to the end of the schedule", async () => {
  const { NodeSelection } = await import("prosemirror-state");
  const { clauseNode } = await import("./scheduleTemplate");
  const { insertClauseNode } = await import("./commands");
  const doc = buildScheduleDoc(template);
  const state = EditorState.create({ doc, selection: NodeSelection.create(doc, 0) });
  const inserted = run(state, insertClauseNode(clauseNode({ heading: "Training", requirement: null, body: ["Yearly."] })));
  assert.deepEqual(outline(inserted), ["1.1 a1", "1.2 a2", "2.1 b1", "2.2 Training"]);
});
