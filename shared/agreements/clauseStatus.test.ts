import { test } from "node:test";
import assert from "node:assert/strict";
import { buildScheduleDoc } from "../editor/scheduleTemplate";
import { clauseHashes, scheduleHash } from "./contentHash";
import { agreedClauseIds, needsPartyAttention, scheduleStates, type PartyDecision } from "./clauseStatus";
import { Fragment, Slice } from "prosemirror-model";
import { scheduleSchema } from "../editor/schema";

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

test("open proposals leave a clause's hash as agreed, show as its status, and keep it protected", () => {
  const plain = doc("Daily backups.");
  const [agreedUnit] = clauseHashes(plain);
  // The same clause with a proposed insertion and a proposed deletion (decision 020).
  const ins = scheduleSchema.marks.insertion!.create({ id: "a".repeat(26) });
  const del = scheduleSchema.marks.deletion!.create({ id: "b".repeat(26) });
  let at = 0;
  plain.descendants((node, pos) => {
    if (node.isText && node.text === "Daily backups.") at = pos;
    return true;
  });
  const withProposals = plain
    .replace(at + 6, at + 6, new Slice(Fragment.from(scheduleSchema.text("full ", [ins])), 0, 0))
    .replace(at, at + 5, new Slice(Fragment.from(scheduleSchema.text("Daily", [del])), 0, 0));
  const [unit] = clauseHashes(withProposals);
  assert.match(withProposals.textContent, /Daily full backups/);
  assert.equal(unit!.hash, agreedUnit!.hash, "proposals aside, the text is the one agreed");
  assert.equal(unit!.proposalOpen, true);
  assert.equal(agreedUnit!.proposalOpen, false);
  const decisions = [decision("buyer", agreedUnit!.hash, 1), decision("supplier", agreedUnit!.hash, 2)].map((d) => ({ ...d, clauseId: unit!.id }));
  assert.equal(scheduleStates([unit!], decisions)[0]!.status, "proposal-open");
  assert.equal(scheduleStates([{ ...unit!, proposalOpen: false }], decisions)[0]!.status, "agreed");
  assert.deepEqual([...agreedClauseIds([unit!], decisions)], [unit!.id], "still agreed by both: only proposals change it");
  assert.deepEqual([...agreedClauseIds([{ ...unit!, hash: "changed" }], decisions)], []);
});
