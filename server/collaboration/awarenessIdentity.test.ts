import { test } from "node:test";
import assert from "node:assert/strict";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { prosemirrorToYDoc } from "y-prosemirror";
import { buildScheduleDoc } from "../../shared/editor/scheduleTemplate";
import { scheduleFragmentName } from "../../shared/editor/schema";
import type { PresenceUser } from "../../shared/collaboration/presence";
import { AwarenessRejected, maxAwarenessStateChars, rewriteAwarenessUpdate, type AwarenessSender } from "./awarenessIdentity";

const user: PresenceUser = { userId: "u-sam", name: "Sam Supplier (Nimbus Cloud)", role: "supplier", color: "#8a3ab9" };
const editor: AwarenessSender = { user, canEdit: true, owns: (id) => id === 7 };
const observer: AwarenessSender = { ...editor, canEdit: false };

function roomDoc(): Y.Doc {
  const doc = prosemirrorToYDoc(
    buildScheduleDoc({
      sections: [{ heading: "Governance", clauses: [{ heading: "Contacts", requirement: null, body: ["Both parties name a security contact."] }] }],
    }),
    scheduleFragmentName,
  );
  // A root the schedule does not use, as positions elsewhere in the document would point into.
  doc.getText("elsewhere").insert(0, "not the schedule");
  return doc;
}

/** The first text node in the schedule (the section heading's). */
function firstText(doc: Y.Doc): Y.XmlText {
  let node: Y.XmlElement | Y.XmlText | Y.XmlFragment = doc.getXmlFragment(scheduleFragmentName);
  while (!(node instanceof Y.XmlText)) node = (node as Y.XmlElement).get(0) as Y.XmlElement | Y.XmlText;
  return node;
}

const json = (position: Y.RelativePosition) => JSON.parse(JSON.stringify(position)) as unknown;

function awarenessUpdate(states: { clientId: number; state: unknown }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, states.length);
  for (const { clientId, state } of states) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, typeof state === "string" ? state : JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/** The states the room would relay, by client id. */
function relayed(state: unknown, sender = editor, doc = roomDoc()): Map<number, unknown> {
  const rewritten = rewriteAwarenessUpdate(awarenessUpdate([{ clientId: 7, state }]), sender, doc);
  const out = new Map<number, unknown>();
  if (!rewritten) return out;
  const decoder = decoding.createDecoder(rewritten);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder); // clock
    out.set(clientId, JSON.parse(decoding.readVarString(decoder)));
  }
  return out;
}

test("a cursor in the schedule is relayed as sent, with the server's identity", () => {
  const doc = roomDoc();
  const text = firstText(doc);
  const cursor = { anchor: json(Y.createRelativePositionFromTypeIndex(text, 2)), head: json(Y.createRelativePositionFromTypeIndex(text, text.length)) };
  assert.deepEqual(relayed({ cursor, user: { name: "Bea Buyer", color: "red" }, extra: "x".repeat(100) }, editor, doc), new Map([[7, { cursor, user }]]));
});

test("a cursor at the end of the schedule itself (named by its root) is relayed", () => {
  const doc = roomDoc();
  const end = json(Y.createRelativePositionFromTypeIndex(doc.getXmlFragment(scheduleFragmentName), 1));
  assert.deepEqual(relayed({ cursor: { anchor: end, head: end } }, editor, doc).get(7), { cursor: { anchor: end, head: end }, user });
});

test("cursors that do not resolve in the schedule are dropped; the member stays present", () => {
  const doc = roomDoc();
  const text = firstText(doc);
  const good = json(Y.createRelativePositionFromTypeIndex(text, 1));
  const bad: [string, unknown][] = [
    ["empty positions", { anchor: {}, head: {} }],
    ["no head", { anchor: good }],
    ["not an object", "here"],
    ["an unknown item", { anchor: { item: { client: 999, clock: 3 }, assoc: 0 }, head: good }],
    ["an item beyond the known clock", { anchor: good, head: { item: { client: doc.clientID, clock: 1_000_000 }, assoc: 0 } }],
    ["huge numbers", { anchor: { item: { client: 1e300, clock: 1e300 } }, head: good }],
    ["fractional clocks", { anchor: { item: { client: doc.clientID, clock: 1.5 } }, head: good }],
    ["text for a clock", { anchor: { item: { client: doc.clientID, clock: "1" } }, head: good }],
    ["a type by id and by name at once", { anchor: { type: { client: doc.clientID, clock: 0 }, tname: scheduleFragmentName }, head: good }],
    ["another root type by name", { anchor: { tname: "elsewhere" }, head: good }],
    ["an item in another root type", { anchor: { item: Y.createRelativePositionFromTypeIndex(doc.getText("elsewhere"), 2).item }, head: good }],
    ["a huge assoc", { anchor: { ...(good as object), assoc: 2 ** 40 }, head: good }],
  ];
  for (const [what, cursor] of bad) {
    assert.deepEqual(relayed({ cursor }, editor, doc).get(7), { cursor: null, user }, what);
  }
  assert.deepEqual(relayed({ cursor: { anchor: { tname: "made-up" }, head: good } }, editor, doc).get(7), { cursor: null, user });
  assert.ok(!doc.share.has("made-up"), "an unknown root name is not looked up in the document");
});

test("a member who may not edit sends no cursor, even a valid one, but is present", () => {
  const doc = roomDoc();
  const at = json(Y.createRelativePositionFromTypeIndex(firstText(doc), 1));
  assert.deepEqual(relayed({ cursor: { anchor: at, head: at } }, observer, doc).get(7), { cursor: null, user });
});

test("leaving (a null state) is relayed; someone else's state is not", () => {
  assert.deepEqual(relayed(null), new Map([[7, null]]));
  const update = awarenessUpdate([{ clientId: 8, state: { cursor: null } }]);
  assert.equal(rewriteAwarenessUpdate(update, editor, roomDoc()), null);
});

test("oversized or non-object states close the connection", () => {
  const huge = { cursor: null, padding: "x".repeat(maxAwarenessStateChars) };
  assert.throws(() => rewriteAwarenessUpdate(awarenessUpdate([{ clientId: 7, state: huge }]), editor, roomDoc()), AwarenessRejected);
  // Also for an entry it does not own: a big one is refused before any parsing.
  assert.throws(() => rewriteAwarenessUpdate(awarenessUpdate([{ clientId: 8, state: huge }]), editor, roomDoc()), AwarenessRejected);
  assert.throws(() => rewriteAwarenessUpdate(awarenessUpdate([{ clientId: 7, state: [1, 2] }]), editor, roomDoc()), AwarenessRejected);
});

test("following a live session's moderator is relayed as a plain yes, for observers too; anything else in it closes the connection", () => {
  assert.deepEqual(relayed({ cursor: null, following: true }, observer), new Map([[7, { cursor: null, user, following: true }]]));
  assert.deepEqual(relayed({ cursor: null, following: false }), new Map([[7, { cursor: null, user }]]));
  assert.throws(() => relayed({ cursor: null, following: "Ada" }), AwarenessRejected);
});
