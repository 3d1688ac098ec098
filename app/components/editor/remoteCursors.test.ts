import { test } from "node:test";
import assert from "node:assert/strict";
import "../../../shared/editor/testing/browserGlobals";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import { EditorState } from "prosemirror-state";
import { prosemirrorToYDoc, ySyncPlugin } from "y-prosemirror";
import { buildScheduleDoc } from "../../../shared/editor/scheduleTemplate";
import { scheduleFragmentName, scheduleSchema } from "../../../shared/editor/schema";
import type { PresenceUser } from "../../../shared/collaboration/presence";

// A real ProseMirror view (in jsdom) with the plugins the editor runs, fed remote awareness and
// document updates the way the provider feeds them.
const { EditorView } = await import("prosemirror-view");
const { remoteCursorsPlugin } = await import("./remoteCursors");
const { cursorLabel } = await import("./cursorLabel");

const sam: PresenceUser = { userId: "u-sam", name: "Sam Supplier (Nimbus Cloud)", role: "supplier", color: "#8a3ab9" };
const initial = Y.encodeStateAsUpdate(
  prosemirrorToYDoc(
    buildScheduleDoc({ sections: [{ heading: "Governance", clauses: [{ heading: "Contacts", requirement: null, body: ["Both parties name a contact."] }] }] }),
    scheduleFragmentName,
  ),
);

/** The clause paragraph's text node in a document that has no view (the other party's copy). */
function paragraphText(doc: Y.Doc): Y.XmlText {
  const section = doc.getXmlFragment(scheduleFragmentName).get(0) as Y.XmlElement;
  const clause = section.get(1) as Y.XmlElement;
  return (clause.get(1) as Y.XmlElement).get(0) as Y.XmlText;
}

/** y-prosemirror redraws cursors after an awareness change on a zero timeout: let it run. */
const redecorated = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp() {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, initial);
  const awareness = new awarenessProtocol.Awareness(doc);
  const view = new EditorView(document.body.appendChild(document.createElement("div")), {
    state: EditorState.create({
      schema: scheduleSchema,
      plugins: [ySyncPlugin(doc.getXmlFragment(scheduleFragmentName)), remoteCursorsPlugin(awareness, cursorLabel)],
    }),
  });
  const other = new Y.Doc();
  Y.applyUpdate(other, initial);
  // Both directions, as the server relays them.
  other.on("update", (update: Uint8Array, origin: unknown) => origin !== "network" && Y.applyUpdate(doc, update, "network"));
  doc.on("update", (update: Uint8Array, origin: unknown) => origin !== "network" && Y.applyUpdate(other, update, "network"));
  let clock = 0;
  /** A state from a remote client, as it arrives from the socket (the server-set `user` by default). */
  const remoteState = (clientId: number, state: Record<string, unknown>) => {
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, ++clock);
    encoding.writeVarString(update, JSON.stringify({ user: sam, ...state }));
    awarenessProtocol.applyAwarenessUpdate(awareness, encoding.toUint8Array(update), "network");
  };
  const close = async () => {
    await redecorated();
    view.destroy();
    awareness.destroy(); // its timer would keep the test process alive
  };
  return { doc, other, view, remoteState, close };
}

type View = InstanceType<typeof EditorView>;

/** The first paragraph in the view, and where it ends. */
function firstParagraph(view: View) {
  let found: { text: string; end: number } | null = null;
  view.state.doc.descendants((node, pos) => {
    if (node.type === scheduleSchema.nodes.paragraph) found ??= { text: node.textContent, end: pos + 1 + node.content.size };
  });
  return found!;
}
const paragraphIn = (view: View) => firstParagraph(view).text;
const paragraphEnd = (view: View) => firstParagraph(view).end;

const malformed: [string, Record<string, unknown>][] = [
  ["empty positions", { cursor: { anchor: {}, head: {} } }],
  ["a cursor that is text", { cursor: "here" }],
  ["a cursor without a head", { cursor: { anchor: { tname: scheduleFragmentName } } }],
  ["ids that are not numbers", { cursor: { anchor: { item: { client: "x", clock: {} } }, head: { item: { client: "x", clock: {} } } } }],
  ["a user that is not an object", { user: 5, cursor: { anchor: { tname: scheduleFragmentName }, head: { tname: scheduleFragmentName } } }],
];

for (const [what, state] of malformed) {
  test(`a remote state with ${what} does not stop remote edits reaching the view, and nothing is lost`, async () => {
    const { doc, other, view, remoteState, close } = setUp();
    remoteState(4242, state);
    // Cursors are placed again both when awareness changes and inside a remote edit's transaction.
    await redecorated();
    paragraphText(other).insert(0, "Supplier first. ");
    assert.equal(paragraphIn(view), "Supplier first. Both parties name a contact.");
    // Another awareness change (any), and another remote edit: still fine.
    remoteState(4242, state);
    paragraphText(other).insert(0, "Again. ");
    assert.equal(paragraphIn(view), "Again. Supplier first. Both parties name a contact.");

    // The local user now types: their view was current, so the other party's text stays.
    view.dispatch(view.state.tr.insertText(" Buyer last.", paragraphEnd(view)));
    assert.equal(paragraphText(other).toString(), "Again. Supplier first. Both parties name a contact. Buyer last.");
    assert.equal(paragraphText(doc).toString(), paragraphText(other).toString());
    await close();
  });
}

test("valid remote cursors are still shown next to a malformed one", async () => {
  const { other, view, remoteState, close } = setUp();
  remoteState(4242, { cursor: { anchor: {}, head: {} } });
  const at = JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(paragraphText(other), 4)));
  remoteState(5151, { cursor: { anchor: at, head: at } });
  await redecorated();
  assert.deepEqual(
    [...view.dom.querySelectorAll(".remote-cursor-label")].map((l) => l.textContent),
    [sam.name],
  );
  paragraphText(other).insert(0, "Supplier. ");
  const labels = [...view.dom.querySelectorAll(".remote-cursor-label")].map((l) => l.textContent);
  assert.deepEqual(labels, [sam.name]);
  assert.equal(paragraphIn(view), "Supplier. Both parties name a contact.");
  await close();
});
