import { test } from "node:test";
import assert from "node:assert/strict";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import { heartbeatAnswer, heartbeatProbe, holdsStateVector, readHeartbeatAnswer, readHeartbeatProbe } from "./heartbeat";
import { CustomMessage } from "./messages";

function afterType(frame: Uint8Array): decoding.Decoder {
  const decoder = decoding.createDecoder(frame);
  assert.equal(decoding.readVarUint(decoder), CustomMessage.heartbeat);
  return decoder;
}

test("a probe carries a state vector (the empty one by default) and an answer whether it is held", () => {
  const doc = new Y.Doc();
  doc.getText("t").insert(0, "abc");
  assert.deepEqual(readHeartbeatProbe(afterType(heartbeatProbe(Y.encodeStateVector(doc)))), new Map([[doc.clientID, 3]]));
  assert.deepEqual(readHeartbeatProbe(afterType(heartbeatProbe())), new Map());
  assert.equal(readHeartbeatAnswer(afterType(heartbeatAnswer(true))), true);
  assert.equal(readHeartbeatAnswer(afterType(heartbeatAnswer(false))), false);
});

test("a document holds a state vector when it has every client's changes up to those clocks", () => {
  const device = new Y.Doc();
  const server = new Y.Doc();
  device.getText("t").insert(0, "typed offline");
  assert.equal(holdsStateVector(server, Y.decodeStateVector(Y.encodeStateVector(device))), false);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(device));
  assert.equal(holdsStateVector(server, Y.decodeStateVector(Y.encodeStateVector(device))), true);
  device.getText("t").insert(0, "more ");
  assert.equal(holdsStateVector(server, Y.decodeStateVector(Y.encodeStateVector(device))), false);
  assert.equal(holdsStateVector(server, new Map()), true);
});
