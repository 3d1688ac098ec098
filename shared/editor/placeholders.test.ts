import { test } from "node:test";
import assert from "node:assert/strict";
import { Transform } from "prosemirror-transform";
import { prosemirrorToYDoc } from "y-prosemirror";
import { clauseHash } from "../agreements/contentHash";
import { placeholdersIn } from "./placeholders";
import { scheduleFragmentName, scheduleSchema } from "./schema";
import { scheduleFromYjs } from "./scheduleFromYjs";
import { blocksText, scheduleModel } from "./scheduleModel";
import { buildScheduleDoc } from "./scheduleTemplate";

const fields = [{ id: "liability-cap", label: "amount", hint: "A sum in euros." }];
const withBlank = () =>
  buildScheduleDoc({
    sections: [
      { heading: "Liability", clauses: [{ heading: "Cap", requirement: null, body: ["Liability is capped at {{liability-cap}} per year."], fields }] },
    ],
  });

test("a template's {{field}} becomes a placeholder node with the field's label and hint", () => {
  const doc = withBlank();
  const clause = doc.firstChild!.child(1);
  assert.deepEqual(
    placeholdersIn(clause).map(({ field, label, hint }) => ({ field, label, hint })),
    [{ field: "liability-cap", label: "amount", hint: "A sum in euros." }],
  );
  assert.equal(clause.child(1).textContent, "Liability is capped at  per year.", "a placeholder holds no text of its own");
  assert.throws(() => buildScheduleDoc({ sections: [{ heading: "", clauses: [{ heading: "", requirement: null, body: ["{{nowhere}}"] }] }] }), /nowhere/);
});

test("a placeholder survives the trip through Yjs and the strict reader", () => {
  const doc = withBlank();
  const ydoc = prosemirrorToYDoc(doc, scheduleFragmentName);
  const read = scheduleFromYjs(ydoc.getXmlFragment(scheduleFragmentName));
  assert.ok(read.eq(doc));
  assert.equal(placeholdersIn(read).length, 1);
});

test("documents stored before placeholders existed read and hash as before", () => {
  const old = scheduleSchema.nodeFromJSON({
    type: "doc",
    content: [
      {
        type: "section",
        attrs: { id: "aaaaaaaaaaaaaaaaaaaaaaaaaa" },
        content: [
          { type: "section_heading", content: [{ type: "text", text: "Exit" }] },
          {
            type: "clause",
            attrs: { id: "bbbbbbbbbbbbbbbbbbbbbbbbbb", requirement: null },
            content: [
              { type: "clause_heading", content: [{ type: "text", text: "Return" }] },
              { type: "paragraph", content: [{ type: "text", text: "Data is returned." }] },
            ],
          },
        ],
      },
    ],
  });
  const ydoc = prosemirrorToYDoc(old, scheduleFragmentName);
  const read = scheduleFromYjs(ydoc.getXmlFragment(scheduleFragmentName));
  assert.ok(read.eq(old));
  assert.equal(clauseHash(read.firstChild!.child(1)), clauseHash(old.firstChild!.child(1)), "the hash of an agreed clause does not move with the schema");
});

test("filling in a placeholder changes the clause's hash, and the reading model shows what is blank", () => {
  const doc = withBlank();
  const clause = doc.firstChild!.child(1);
  const [blank] = placeholdersIn(doc);
  const filled = new Transform(doc).replaceWith(blank!.pos, blank!.pos + 1, scheduleSchema.text("EUR 1,000,000")).doc;
  assert.notEqual(clauseHash(filled.firstChild!.child(1)), clauseHash(clause));
  assert.equal(placeholdersIn(filled).length, 0);
  const paragraph = scheduleModel(doc)[0]!.clauses[0]!.blocks;
  assert.deepEqual(blocksText(paragraph), ["Liability is capped at [amount] per year."]);
});
