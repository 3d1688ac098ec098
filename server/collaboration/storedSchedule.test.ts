import { test } from "node:test";
import assert from "node:assert/strict";
import * as Y from "yjs";
import { prosemirrorToYDoc } from "y-prosemirror";
import { scheduleFragmentName } from "../../shared/editor/schema";
import { buildScheduleDoc } from "../../shared/editor/scheduleTemplate";
import { scheduleFromYjs, ScheduleShapeError } from "../../shared/editor/scheduleFromYjs";
import { readStoredSchedule, repairStoredSchedule } from "./storedSchedule";

// What a hostile client could store before the server checked every update.
function poisoned() {
  const doc = buildScheduleDoc({
    sections: [{ heading: "Access", clauses: [1, 2].map((i) => ({ heading: `Clause ${i}`, requirement: null, body: [`body ${i}`] })) }],
  });
  const ydoc = prosemirrorToYDoc(doc, scheduleFragmentName);
  const fragment = ydoc.getXmlFragment(scheduleFragmentName);
  const section = fragment.get(0) as Y.XmlElement;
  const [first, second] = [section.get(1) as Y.XmlElement, section.get(2) as Y.XmlElement];
  fragment.insert(0, [new Y.XmlText("loose text in the root")]);
  second.setAttribute("id", first.getAttribute("id")!); // a duplicate id
  first.delete(0, 1); // a clause without its heading
  return ydoc;
}

test("a poisoned document throws on a strict read, and reads leniently without being written", () => {
  const ydoc = poisoned();
  const fragment = ydoc.getXmlFragment(scheduleFragmentName);
  assert.throws(() => scheduleFromYjs(fragment), ScheduleShapeError);
  const before = Y.encodeStateAsUpdate(ydoc);
  const { doc, problem } = readStoredSchedule(fragment);
  assert.ok(problem);
  doc.check();
  assert.deepEqual(Y.encodeStateAsUpdate(ydoc), before, "reading never writes");
  assert.match(doc.textContent, /body 1/);
  assert.match(doc.textContent, /Clause 2/);
  const ids: string[] = [];
  doc.descendants((n) => (n.type.name === "clause" && ids.push(n.attrs.id), true));
  assert.equal(new Set(ids).size, 2, "the copy got its own id");
});

test("repair rewrites it into what fits, and a clean document is left alone", () => {
  const ydoc = poisoned();
  assert.ok(repairStoredSchedule(ydoc));
  const repaired = scheduleFromYjs(ydoc.getXmlFragment(scheduleFragmentName));
  assert.match(repaired.textContent, /body 2/);
  const clean = Y.encodeStateAsUpdate(ydoc);
  assert.equal(repairStoredSchedule(ydoc), null);
  assert.deepEqual(Y.encodeStateAsUpdate(ydoc), clean);
});
