import { test } from "node:test";
import assert from "node:assert/strict";
import * as Y from "yjs";
import { prosemirrorToYDoc } from "y-prosemirror";
import { scheduleFragmentName } from "../../shared/editor/schema";
import { buildScheduleDoc } from "../../shared/editor/scheduleTemplate";
import { scheduleFromYjs } from "../../shared/editor/scheduleFromYjs";
import { partlyKnownProblem } from "./partlyKnownStructs";

const room = () =>
  prosemirrorToYDoc(
    buildScheduleDoc({ sections: [{ heading: "Access", clauses: [{ heading: "Accounts", requirement: null, body: ["Named accounts only."] }] }] }),
    scheduleFragmentName,
  );

/** A member's copy of `doc` that writes as Yjs client `clientID`. */
function copyOf(doc: Y.Doc, clientID: number): Y.Doc {
  const copy = new Y.Doc();
  copy.clientID = clientID;
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

const clause = (doc: Y.Doc) => (doc.getXmlFragment(scheduleFragmentName).get(0) as Y.XmlElement).get(1) as Y.XmlElement;
const bodyText = (doc: Y.Doc) => (clause(doc).get(1) as Y.XmlElement).get(0) as Y.XmlText;

function edit(doc: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.transact(change);
  return Y.encodeStateAsUpdate(doc, before);
}

const overlapsRoom = (update: Uint8Array, doc: Y.Doc) =>
  Y.decodeUpdate(update).structs.some((s) => s.id.clock < Y.getState(doc.store, s.id.client) && s.id.clock + s.length > Y.getState(doc.store, s.id.client));

test("an editor's merged keystrokes, resent for a stale state vector, continue what the room has", () => {
  const doc = room();
  const member = copyOf(doc, 41);
  const stale = Y.encodeStateVector(doc);
  Y.applyUpdate(
    doc,
    edit(member, () => bodyText(member).insert(0, "All ")),
  );
  edit(member, () => bodyText(member).insert(4, "staff: ")); // Yjs merges this into the first item
  const resent = Y.encodeStateAsUpdate(member, stale);
  assert.ok(overlapsRoom(resent, doc), "the resent struct starts inside what the room has");
  assert.equal(partlyKnownProblem(Y.decodeUpdate(resent), doc), null);
  Y.applyUpdate(doc, resent);
  assert.equal(bodyText(doc).toString(), "All staff: Named accounts only.");
});

test("a struct under a known id that names another place is refused: Yjs would link its rest into the wrong list", () => {
  const doc = room();
  // Two copies writing as the same client: one sets an attribute, the other types under the same ids.
  const first = copyOf(doc, 77);
  const second = copyOf(doc, 77);
  Y.applyUpdate(
    doc,
    edit(first, () => clause(first).setAttribute("requirement", "access-control")),
  );
  const hostile = edit(second, () => bodyText(second).insert(0, "Hostile!"));
  assert.ok(overlapsRoom(hostile, doc));
  assert.match(partlyKnownProblem(Y.decodeUpdate(hostile), doc) ?? "", /does not continue what the server has/);

  // What it would do: the room's own reading still looks fine, but what the room sends is a text
  // item as the clause's requirement, for every peer and after every reload.
  Y.applyUpdate(doc, hostile);
  scheduleFromYjs(doc.getXmlFragment(scheduleFragmentName));
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  assert.equal(clause(doc).getAttribute("requirement"), "access-control");
  assert.equal(clause(peer).getAttribute("requirement"), "!", "the peer reads the text's last character as the attribute");
  assert.throws(() => scheduleFromYjs(peer.getXmlFragment(scheduleFragmentName)), /requirement/);
});

test("one client's ids twice in one update are refused", () => {
  const doc = room();
  const left = copyOf(doc, 88);
  const right = copyOf(doc, 88);
  const one = edit(left, () => bodyText(left).insert(0, "one "));
  const other = edit(right, () => clause(right).setAttribute("requirement", "access-control"));
  // Both updates hold one client and no deletions: [1][structs][0]. Two groups, one client.
  const twice = new Uint8Array([2, ...one.slice(1, -1), ...other.slice(1, -1), 0]);
  assert.equal(Y.decodeUpdate(twice).structs.length, 2);
  assert.match(partlyKnownProblem(Y.decodeUpdate(twice), doc) ?? "", /twice/);
});
