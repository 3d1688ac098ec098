import { test } from "node:test";
import assert from "node:assert/strict";
import * as Y from "yjs";
import { prosemirrorToYDoc } from "y-prosemirror";
import { scheduleFragmentName, scheduleSchema as s } from "./schema";
import { buildScheduleDoc } from "./scheduleTemplate";
import { createPeers, pick, positionsWhere, random, randomEdit, type Peer, type Rng } from "./testing/randomEditors";

/** Every peer's own updates reach every other peer's inbox. */
function meshNetwork(peers: Peer[]): Peer[] {
  for (const peer of peers) {
    peer.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === "network") return;
      for (const other of peers) if (other !== peer) other.inbox.push(update);
    });
  }
  return peers;
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
  assert.ok(
    peers.every((p) => p.inbox.length === 0),
    "the network settles",
  );
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
    const peers = meshNetwork(createPeers(3, Y.encodeStateAsUpdate(prosemirrorToYDoc(start, scheduleFragmentName))));
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
    assert.ok(
      ids.every((id) => typeof id === "string" && id.length > 0),
      "every clause has an id",
    );
    assert.equal(new Set(ids).size, ids.length, "clause ids are unique");
    for (const p of peers) p.view.destroy();
  });
}
