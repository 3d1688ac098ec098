import { test } from "node:test";
import assert from "node:assert/strict";
import { scheduleStates, type PartyDecision } from "./clauseStatus";
import { waitingFor } from "./waitingFor";
import type { Party } from "../roles";

const units = [
  { id: "c1", hash: "h1" },
  { id: "c2", hash: "h2" },
  { id: "schedule-structure", hash: "hs" },
];
const decision = (clauseId: string, party: Party, d: "agreed" | "needs_change", hash: string, at: number): PartyDecision => ({
  clauseId,
  party,
  decision: d,
  hash,
  userId: party,
  userName: party,
  at,
  threadId: null,
  reason: null,
});

test("a supplier's request for change waits for the buyer; the buyer's agreements wait for the supplier", () => {
  const states = scheduleStates(units, [decision("c1", "supplier", "needs_change", "h1", 1), decision("c2", "buyer", "agreed", "h2", 2)]);
  const buyer = waitingFor(states, "buyer", []);
  assert.deepEqual(buyer, { changeRequested: 1, yourAgreement: 1, yourSignoff: false, theirAgreement: 2, yourChangeRequests: 0, theirSignoff: false });
  const supplier = waitingFor(states, "supplier", []);
  assert.equal(supplier.yourChangeRequests, 1);
  assert.equal(supplier.yourAgreement, 2, "c2 and the structure");
});

test("an agreement of text that changed since counts as missing; sign-off waits once everything is agreed", () => {
  const stale = scheduleStates(units, [decision("c1", "buyer", "agreed", "old", 1)]);
  assert.equal(waitingFor(stale, "buyer", []).yourAgreement, 3);
  const all = units.flatMap((u, i) => [decision(u.id, "buyer", "agreed", u.hash, i), decision(u.id, "supplier", "agreed", u.hash, i)]);
  const agreed = scheduleStates(units, all);
  assert.deepEqual(waitingFor(agreed, "buyer", [{ party: "supplier", current: true }]), {
    changeRequested: 0,
    yourAgreement: 0,
    yourSignoff: true,
    theirAgreement: 0,
    yourChangeRequests: 0,
    theirSignoff: false,
  });
});
