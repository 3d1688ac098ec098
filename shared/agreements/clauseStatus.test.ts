import { test } from "node:test";
import assert from "node:assert/strict";
import { buildScheduleDoc } from "../editor/scheduleTemplate";
import { clauseHashes, scheduleHash } from "./contentHash";
import { needsPartyAttention, scheduleStates, type PartyDecision } from "./clauseStatus";

const doc = (text: string) => buildScheduleDoc({ sections: [{ heading: "S", clauses: [{ heading: "Backups", requirement: null, body: [text] }] }] });

const decision = (party: "buyer" | "supplier", hash: string, at: number, d: PartyDecision["decision"] = "agreed"): PartyDecision => ({
  clauseId: "c1",
  party,
  decision: d,
  hash,
  userId: party,
  userName: party,
  at,
  threadId: null,
  reason: null,
});

test("the hash follows the clause's text, not its id or position", () => {
  const [a] = clauseHashes(doc("Daily backups."));
  const [b] = clauseHashes(doc("Daily backups."));
  const [c] = clauseHashes(doc("Weekly backups."));
  assert.notEqual(a!.id, b!.id, "fresh ids per build");
  assert.equal(a!.hash, b!.hash);
  assert.notEqual(a!.hash, c!.hash);
  assert.notEqual(scheduleHash(doc("Daily backups.")), scheduleHash(doc("Weekly backups.")));
});

test("statuses: open, agreed by one, agreed, changed since agreed, needs change", () => {
  const h = "h1";
  const states = (ds: PartyDecision[], hash = h) => scheduleStates([{ id: "c1", hash }], ds)[0]!;
  assert.equal(states([]).status, "open");
  assert.equal(states([decision("buyer", h, 1)]).status, "agreed-by-buyer");
  assert.equal(states([decision("supplier", h, 1)]).status, "agreed-by-supplier");
  assert.equal(states([decision("buyer", h, 1), decision("supplier", h, 2)]).status, "agreed");
  const changed = states([decision("buyer", h, 1), decision("supplier", h, 2)], "h2");
  assert.equal(changed.status, "changed");
  assert.deepEqual(changed.changedSinceAgreedBy, ["buyer", "supplier"]);
  assert.equal(states([decision("buyer", h, 1), decision("supplier", h, 2, "needs_change")]).status, "needs-change");
  // The latest decision counts: agreeing after asking for a change settles it.
  assert.equal(states([decision("supplier", h, 2, "needs_change"), decision("supplier", h, 3), decision("buyer", h, 1)]).status, "agreed");
  // A party that re-agrees the new text leaves only the other's stale agreement.
  const half = states([decision("buyer", h, 1), decision("supplier", h, 2), decision("supplier", "h2", 3)], "h2");
  assert.equal(half.status, "changed");
  assert.deepEqual(half.changedSinceAgreedBy, ["buyer"]);
  assert.equal(needsPartyAttention(half, "buyer"), true);
  assert.equal(needsPartyAttention(states([decision("buyer", h, 1)]), "buyer"), false);
});
