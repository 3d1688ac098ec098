import { test } from "node:test";
import assert from "node:assert/strict";
import { connectionState, type ConnectionFacts } from "./connectionState";
import { translate } from "../../../shared/i18n/index";

const live: ConnectionFacts = { closedWith: null, browserOnline: true, socketLive: true, everConnected: true, unsent: 0 };

test("all changes saved only on a live socket with nothing of this device unconfirmed", () => {
  assert.deepEqual(connectionState(live), { kind: "saved" });
  assert.deepEqual(connectionState({ ...live, unsent: 3 }), { kind: "saving", unsent: 3 });
});

test("the browser saying it is offline wins over a socket that still looks open", () => {
  assert.deepEqual(connectionState({ ...live, browserOnline: false, unsent: 2 }), { kind: "offline", unsent: 2 });
  assert.deepEqual(connectionState({ ...live, browserOnline: false, socketLive: false }), { kind: "offline", unsent: 0 });
});

test("a dead socket reconnects, with the unsent count; before the first connection it is connecting", () => {
  const dead = { ...live, socketLive: false };
  assert.deepEqual(connectionState({ ...dead, unsent: 4 }), { kind: "reconnecting", unsent: 4 });
  assert.deepEqual(connectionState(dead), { kind: "reconnecting", unsent: 0 });
  assert.deepEqual(connectionState({ ...dead, everConnected: false }), { kind: "connecting" });
  // Reloaded with changes kept on this device: they are waiting to be sent, whether or not this page ever connected.
  assert.deepEqual(connectionState({ ...dead, everConnected: false, unsent: 2 }), { kind: "reconnecting", unsent: 2 });
});

test("a close the server decided on is final, whatever else is true", () => {
  assert.deepEqual(connectionState({ ...live, closedWith: 4401, browserOnline: false, unsent: 5 }), { kind: "closed", code: 4401 });
});

test("the indicator's texts count in the language's plural forms, in English and Dutch", () => {
  assert.equal(translate("en", "connection.offline", { count: 1 }), "Offline — 1 change not yet sent");
  assert.equal(translate("en", "connection.offline", { count: 3 }), "Offline — 3 changes not yet sent");
  assert.equal(translate("en", "connection.offline", { count: 0 }), "Offline — no changes waiting to be sent");
  assert.equal(translate("en", "connection.reconnecting", { count: 0 }), "Reconnecting…");
  assert.equal(translate("en", "connection.reconnecting", { count: 2 }), "Reconnecting — 2 changes not yet sent");
  assert.equal(translate("en", "connection.saving", { count: 1 }), "Saving 1 change…");
  assert.equal(translate("nl", "connection.offline", { count: 1 }), "Offline — 1 wijziging nog niet verstuurd");
  assert.equal(translate("nl", "connection.reconnecting", { count: 7 }), "Opnieuw verbinden — 7 wijzigingen nog niet verstuurd");
  assert.equal(translate("nl", "connection.saving", { count: 2 }), "2 wijzigingen worden opgeslagen…");
});
