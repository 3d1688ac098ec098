import { test } from "node:test";
import assert from "node:assert/strict";
import * as Y from "yjs";
import { prosemirrorToYDoc } from "y-prosemirror";
import { buildScheduleDoc } from "../../shared/editor/scheduleTemplate";
import { scheduleFragmentName, scheduleSchema } from "../../shared/editor/schema";
import { saasDemoSchedule } from "../demo/saasSchedule";
import { updateProblem } from "./updateSchema";

const problemOf = (change: (doc: Y.Doc, fragment: Y.XmlFragment) => void) => {
  const doc = new Y.Doc();
  let update: Uint8Array | null = null;
  doc.on("update", (u: Uint8Array) => (update = u));
  change(doc, doc.getXmlFragment(scheduleFragmentName));
  return updateProblem(Y.decodeUpdate(update!));
};

test("what the editor writes fits: the whole demo schedule, marks, links, attributes, deletions", () => {
  const s = scheduleSchema;
  const linked = s.node("doc", null, [
    s.node("section", { id: "s1" }, [
      s.node("section_heading", null, [s.text("Access")]),
      s.node("clause", { id: "c1", requirement: "multi-factor-authentication" }, [
        s.node("clause_heading", null, [s.text("MFA", [s.marks.italic.create()])]),
        s.node("paragraph", null, [
          s.text("See ", [s.marks.bold.create()]),
          s.text("the policy", [s.marks.link.create({ href: "https://example.org" })]),
          s.node("hard_break"),
        ]),
        s.node("ordered_list", { order: 3 }, [s.node("list_item", null, [s.node("paragraph", null, [s.text("one")])])]),
      ]),
    ]),
  ]);
  for (const doc of [buildScheduleDoc(saasDemoSchedule), linked]) {
    assert.equal(updateProblem(Y.decodeUpdate(Y.encodeStateAsUpdate(prosemirrorToYDoc(doc, scheduleFragmentName)))), null);
  }
  const ydoc = prosemirrorToYDoc(buildScheduleDoc(saasDemoSchedule), scheduleFragmentName);
  let update: Uint8Array | null = null;
  ydoc.on("update", (u: Uint8Array) => (update = u));
  ydoc.getXmlFragment(scheduleFragmentName).delete(0, 1);
  assert.equal(updateProblem(Y.decodeUpdate(update!)), null, "a deletion");
});

test("anything else is refused with the reason", () => {
  assert.match(
    problemOf((_, f) => f.insert(0, [new Y.XmlElement("script")]))!,
    /unknown element "script"/,
  );
  assert.match(
    problemOf((doc) => doc.getMap("stash").set("k", "v"))!,
    /unknown root type "stash"/,
  );
  assert.match(
    problemOf((_, f) => {
      const el = new Y.XmlElement("clause");
      f.insert(0, [el]);
      el.setAttribute("onclick", "alert(1)");
    })!,
    /unknown attribute "onclick"/,
  );
  assert.match(
    problemOf((_, f) => {
      const t = new Y.XmlText();
      f.insert(0, [t]);
      t.insert(0, "x", { blink: true });
    })!,
    /unknown mark "blink"/,
  );
  assert.match(
    problemOf((_, f) => {
      const t = new Y.XmlText();
      f.insert(0, [t]);
      t.insertEmbed(0, { image: "data:…" });
    })!,
    /ContentEmbed/,
  );
  assert.match(
    problemOf((_, f) => {
      const el = new Y.XmlElement("clause");
      f.insert(0, [el]);
      el.setAttribute("id", { nested: true } as unknown as string);
    })!,
    /plain/,
  );
});
