import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as Y from "yjs";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, demoCookies } from "../test/demoLogins";
import { connectCollab, synced, waitFor, type CollabClient } from "../test/collabClient";

let server: TestServer;
let negotiationId: string;
const cookies: Record<string, string> = {};
const clients: CollabClient[] = [];

before(async () => {
  server = await startTestServer();
  const buyer = await demoClients(() => server.url)("buyer");
  const [first] = (await (await buyer.request("/api/negotiations")).json()) as { id: string }[];
  negotiationId = first!.id;
  Object.assign(cookies, await demoCookies(server.url, ["buyer", "supplier", "observer"]));
});
after(async () => {
  for (const c of clients) c.destroy();
  await server.stop();
});

async function joined(who: string): Promise<CollabClient> {
  const client = connectCollab(server.url, negotiationId, cookies[who]);
  clients.push(client);
  await synced(client);
  return client;
}

interface SeenState {
  cursor?: unknown;
  user?: { name: string; role: string };
}

/**
 * Sets the sender's cursor and resolves with what the watcher holds for the sender once the
 * watcher has the very state just sent (the server keeps each state's clock), so "nothing arrived
 * yet" never passes for "dropped".
 */
async function sendCursor(sender: CollabClient, watcher: CollabClient, cursor: unknown): Promise<SeenState> {
  sender.provider.awareness.setLocalStateField("cursor", cursor);
  const id = sender.doc.clientID;
  const clock = sender.provider.awareness.meta.get(id)!.clock;
  await waitFor(() => (watcher.provider.awareness.meta.get(id)?.clock ?? -1) >= clock, "the sender's latest awareness state at the watcher");
  return watcher.provider.awareness.getStates().get(id) as SeenState;
}

/** A position in the first text of the schedule (the first section's heading), as y-prosemirror sends it. */
function positionInSchedule(client: CollabClient, index: number): unknown {
  let node: Y.XmlElement | Y.XmlText | Y.XmlFragment = client.fragment;
  while (!(node instanceof Y.XmlText)) node = (node as Y.XmlElement).get(0) as Y.XmlElement | Y.XmlText;
  return JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(node, index)));
}

const malformedCursors: [string, unknown][] = [
  ["empty positions", { anchor: {}, head: {} }],
  ["an unknown item", { anchor: { item: { client: 12345, clock: 7 }, assoc: 0 }, head: { item: { client: 12345, clock: 7 }, assoc: 0 } }],
  ["huge numbers", { anchor: { item: { client: 1e300, clock: Number.MAX_VALUE } }, head: { tname: "prosemirror", assoc: 1e300 } }],
  ["another root type", { anchor: { tname: "evil" }, head: { tname: "evil" } }],
  ["a string", "right here"],
];

test("a malformed cursor from an editor reaches no one; the editor stays present and connected", async () => {
  const supplier = await joined("supplier");
  const buyer = await joined("buyer");
  for (const [what, cursor] of malformedCursors) {
    const seen = await sendCursor(supplier, buyer, cursor);
    assert.equal(seen.cursor, null, what);
    assert.equal(seen.user?.name, "Sam Supplier (Nimbus Cloud)", what);
  }
  assert.ok(supplier.provider.wsconnected, "a bad cursor is dropped, not punished");
});

test("a malformed cursor from an observer reaches no one; the observer stays present", async () => {
  const observer = await joined("observer");
  const buyer = await joined("buyer");
  for (const [what, cursor] of malformedCursors) {
    const seen = await sendCursor(observer, buyer, cursor);
    assert.equal(seen.cursor, null, what);
    assert.equal(seen.user?.role, "observer", what);
  }
});

test("a valid cursor from an editor reaches the others as sent", async () => {
  const buyer = await joined("buyer");
  const supplier = await joined("supplier");
  const observer = await joined("observer");
  const cursor = { anchor: positionInSchedule(buyer, 1), head: positionInSchedule(buyer, 4) };
  assert.deepEqual((await sendCursor(buyer, supplier, cursor)).cursor, cursor);
  assert.deepEqual((await sendCursor(buyer, observer, cursor)).cursor, cursor);
});

test("an observer's valid cursor is dropped, but the observer is present", async () => {
  const observer = await joined("observer");
  const supplier = await joined("supplier");
  const cursor = { anchor: positionInSchedule(observer, 2), head: positionInSchedule(observer, 2) };
  const seen = await sendCursor(observer, supplier, cursor);
  assert.equal(seen.cursor, null);
  assert.equal(seen.user?.role, "observer");
});
