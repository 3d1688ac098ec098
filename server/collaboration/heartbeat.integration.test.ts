// The heartbeat on the real server (docs/decisions/018-connection-heartbeat.md): every probe is
// answered, the answer confirms a device's changes only once the server holds them, honest probes
// never run into the budgets, and a flood of them is closed like any other flood.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import { CloseCode } from "../../shared/collaboration/closeCodes";
import { heartbeatProbe } from "../../shared/collaboration/heartbeat";
import { CustomMessage } from "../../shared/collaboration/messages";
import { perConnectionMessages } from "./tokenBuckets";
import { demoCookies } from "../test/demoLogins";
import { pilotNegotiationId } from "../test/pilotNegotiation";
import { SyncPeer } from "../test/syncPeer";
import { startTestServer, type TestServer } from "../test/testServer";

let server: TestServer;
let negotiationId: string;
const cookies: Record<string, string> = {};
const peers: SyncPeer[] = [];

before(async () => {
  server = await startTestServer();
  Object.assign(cookies, await demoCookies(server.url, ["buyer", "supplier", "observer"]));
  negotiationId = await pilotNegotiationId(server.url);
});

after(async () => {
  for (const peer of peers) peer.destroy();
  if (!server) return;
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

async function connect(who: string): Promise<SyncPeer> {
  const peer = await SyncPeer.connect(server.url, negotiationId, cookies[who]!, { label: who });
  peers.push(peer);
  return peer;
}

/** Appends to the first text in the schedule (the first section's heading), as typing there would. */
function typeInto(doc: Y.Doc, text: string) {
  let node: Y.XmlElement | Y.XmlText | Y.XmlFragment = doc.getXmlFragment("prosemirror");
  while (!(node instanceof Y.XmlText)) node = (node as Y.XmlElement).get(0) as Y.XmlElement | Y.XmlText;
  node.insert(node.length, text);
}

test("a probe without changes is answered, for editors and observers alike", async () => {
  for (const who of ["buyer", "observer"]) {
    const peer = await connect(who);
    assert.equal(await peer.heartbeat(), true);
    assert.equal(peer.open, true);
  }
});

test("the answer confirms a device's changes only once the server holds them", async () => {
  const buyer = await connect("buyer");
  const supplier = await connect("supplier");
  // Typed on a copy that never reached the server, like changes made offline.
  const offline = buyer.scratchCopy(buyer.doc.clientID + 1);
  typeInto(offline, " typed offline");
  assert.equal(await buyer.heartbeat(Y.encodeStateVector(offline)), false);

  // The same changes sent, then the probe right behind them on the same socket.
  Y.applyUpdate(buyer.doc, Y.encodeStateAsUpdate(offline, Y.encodeStateVector(buyer.doc)));
  assert.equal(await buyer.heartbeat(Y.encodeStateVector(buyer.doc)), true);
  await supplier.roundTrip();
  assert.match(supplier.doc.getXmlFragment("prosemirror").toString(), /typed offline/);
});

test("an observer's changes are never confirmed: the server does not take them", async () => {
  const observer = await connect("observer");
  typeInto(observer.doc, " observer typing");
  assert.equal(await observer.heartbeat(Y.encodeStateVector(observer.doc)), false);
  assert.equal(observer.open, true);
});

test("probes far above the browser's one a second stay within the budgets", async () => {
  const buyer = await connect("buyer");
  // Ten minutes' worth of beats at once, each with a state vector (as while changes wait), paced
  // by the peer just under the message rate: each is answered, none closes the connection.
  const answers = await Promise.all(Array.from({ length: 600 }, () => buyer.heartbeat(Y.encodeStateVector(buyer.doc))));
  assert.equal(answers.every(Boolean), true);
  assert.equal(buyer.open, true);
});

test("a flood of probes is closed like any flood, and a probe that does not decode as malformed", async () => {
  const flooder = await connect("supplier");
  const probe = heartbeatProbe();
  for (let i = 0; i < perConnectionMessages.burst * 2; i++) flooder.socket.send(probe);
  assert.equal((await flooder.whenClosed).code, CloseCode.rateLimited);

  const garbler = await connect("supplier");
  const garbage = encoding.createEncoder();
  encoding.writeVarUint(garbage, CustomMessage.heartbeat);
  encoding.writeVarUint8Array(garbage, Uint8Array.of(5, 1));
  garbler.send(encoding.toUint8Array(garbage));
  assert.equal((await garbler.whenClosed).code, CloseCode.malformedMessage);
});
