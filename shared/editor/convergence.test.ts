import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import * as Y from "yjs";
import { EditorState, TextSelection } from "prosemirror-state";
import type { Node as PMNode } from "prosemirror-model";
import { prosemirrorToYDoc, ySyncPlugin } from "y-prosemirror";
import { scheduleFragmentName, scheduleSchema as s } from "./schema";
import { buildScheduleDoc } from "./scheduleTemplate";
import { uniqueIdsPlugin } from "./uniqueIds";
import { insertClause, moveClause, deleteClause } from "./commands";

// Real ProseMirror views (in jsdom) bound through y-prosemirror, as in the browser, so the test
// covers our schema, commands and id plugin under the sync plugin everyone runs.
const dom = new JSDOM("<!doctype html><html><body></body></html>");
Object.assign(globalThis, {
  window: dom.window,
  document: dom.window.document,
  navigator: dom.window.navigator,
  MutationObserver: dom.window.MutationObserver,
  getComputedStyle: dom.window.getComputedStyle,
});
const { EditorView } = await import("prosemirror-view");
type View = InstanceType<typeof EditorView>;

function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

interface Peer {
  doc: Y.Doc;
  view: View;
  inbox: Uint8Array[];
}

function createPeers(count: number, initial: Uint8Array): Peer[] {
  const peers: Peer[] = [];
  for (let i = 0; i < count; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initial);
    const view = new EditorView(document.createElement("div"), {
      state: EditorState.create({ schema: s, plugins: [ySyncPlugin(doc.getXmlFragment(scheduleFragmentName)), uniqueIdsPlugin()] }),
    });
    peers.push({ doc, view, inbox: [] });
  }
  for (const peer of peers) {
    peer.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === "network") return;
      for (const other of peers) if (other !== peer) other.inbox.push(update);
    });
  }
  return peers;
}

function positionsWhere(doc: PMNode, pred: (node: PMNode) => boolean): { node: PMNode; pos: number }[] {
  const out: { node: PMNode; pos: number }[] = [];
  doc.descendants((node, pos) => {
    if (pred(node)) out.push({ node, pos });
  });
  return out;
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: T[]): T | undefined => items[Math.floor(rng() * items.length)];

/** One random edit, made the way a user would make it: through a transaction on the view. */
function randomEdit(view: View, rng: Rng, step: number) {
  const { state } = view;
  const paragraphs = positionsWhere(state.doc, (n) => n.type === s.nodes.paragraph);
  const clauses = positionsWhere(state.doc, (n) => n.type === s.nodes.clause);
  const inClause = (at: { pos: number }) => TextSelection.create(state.doc, at.pos + 2);
  const roll = rng();
  if (roll < 0.4) {
    const p = pick(rng, paragraphs)!;
    const at = p.pos + 1 + Math.floor(rng() * (p.node.content.size + 1));
    view.dispatch(state.tr.insertText(`w${step} `, at));
  } else if (roll < 0.5) {
    const p = pick(rng, paragraphs.filter((x) => x.node.content.size > 1));
    if (p) view.dispatch(state.tr.split(p.pos + 1 + Math.floor(rng() * p.node.content.size)));
  } else if (roll < 0.6) {
    // Join: delete from the end of one paragraph to the start of the next in the same clause.
    const p = pick(rng, paragraphs.filter((x) => state.doc.resolve(x.pos + x.node.nodeSize).nodeAfter?.type === s.nodes.paragraph));
    if (p) view.dispatch(state.tr.delete(p.pos + p.node.nodeSize - 1, p.pos + p.node.nodeSize + 1));
  } else if (roll < 0.72) {
    const c = pick(rng, clauses)!;
    moveClause(rng() < 0.5 ? -1 : 1)(state.apply(state.tr.setSelection(inClause(c))), view.dispatch);
  } else if (roll < 0.84) {
    // Copy: paste the clause again right after itself, id and all; the id plugin must re-id it.
    const c = pick(rng, clauses)!;
    view.dispatch(state.tr.insert(c.pos + c.node.nodeSize, c.node));
  } else if (roll < 0.92) {
    const c = pick(rng, clauses)!;
    insertClause(state.apply(state.tr.setSelection(inClause(c))), view.dispatch);
  } else if (clauses.length > 2) {
    const c = pick(rng, clauses)!;
    deleteClause(state.apply(state.tr.setSelection(inClause(c))), view.dispatch);
  }
}

function deliverSome(peers: Peer[], rng: Rng) {
  for (const peer of peers) {
    const n = Math.floor(rng() * (peer.inbox.length + 1));
    const batch = peer.inbox.splice(0, n);
    if (batch.length) Y.applyUpdate(peer.doc, Y.mergeUpdates(batch), "network");
  }
}

function deliverAll(peers: Peer[]) {
  // Receiving can make a peer's id plugin fix a duplicate, which is itself a new update to deliver.
  for (let round = 0; round < 20 && peers.some((p) => p.inbox.length); round++) {
    for (const peer of peers) {
      const batch = peer.inbox.splice(0);
      if (batch.length) Y.applyUpdate(peer.doc, Y.mergeUpdates(batch), "network");
    }
  }
  assert.ok(peers.every((p) => p.inbox.length === 0), "the network settles");
}

for (const seed of [1, 7, 42, 1234, 9001, 31337]) {
  test(`random concurrent edits on 3 peers converge with unique clause ids (seed ${seed})`, () => {
    const rng = random(seed);
    const start = buildScheduleDoc({
      sections: [
        { heading: "One", clauses: [1, 2, 3].map((i) => ({ heading: `C${i}`, requirement: null, body: ["alpha beta", "gamma"] })) },
        { heading: "Two", clauses: [4, 5].map((i) => ({ heading: `C${i}`, requirement: `req-${i}`, body: ["delta epsilon"] })) },
      ],
    });
    const peers = createPeers(3, Y.encodeStateAsUpdate(prosemirrorToYDoc(start, scheduleFragmentName)));
    for (let step = 0; step < 80; step++) {
      randomEdit(pick(rng, peers)!.view, rng, step);
      if (rng() < 0.3) deliverSome(peers, rng);
    }
    deliverAll(peers);

    const docs = peers.map((p) => p.view.state.doc);
    for (const doc of docs.slice(1)) assert.deepEqual(doc.toJSON(), docs[0]!.toJSON());
    docs[0]!.check();
    const ids = positionsWhere(docs[0]!, (n) => n.type === s.nodes.clause).map((c) => c.node.attrs.id as string | null);
    assert.ok(ids.length > 0);
    assert.ok(ids.every((id) => typeof id === "string" && id.length > 0), "every clause has an id");
    assert.equal(new Set(ids).size, ids.length, "clause ids are unique");
    for (const p of peers) p.view.destroy();
  });
}
