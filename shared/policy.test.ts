import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import type { Asker } from "./member";
import { may, policyMarkdown, presentPolicies, refusal } from "./policy";

const member = (role: Asker["role"], owner = false): Asker => ({ role, owner });
const draft = { frozen: false, hasEffectiveVersion: false };
const inForce = { frozen: true, hasEffectiveVersion: true };
const amending = { frozen: false, hasEffectiveVersion: true };

test("observers only read", () => {
  assert.equal(may(member("observer"), "view"), true);
  assert.equal(may(member("observer"), "edit"), false);
  assert.equal(may(member("observer"), "comment"), false);
  assert.equal(may(member("observer"), "export"), true);
  assert.deepEqual(refusal(member("observer"), "saveVersion"), { status: 403, messageKey: "versions.error.notAllowed" });
});

test("advisors moderate, so they save versions; so do all party members", () => {
  for (const role of ["advisor", "buyer", "supplier"] as const) assert.equal(may(member(role), "saveVersion", draft), true);
});

test("a party signs the same text once per round; the other party still may", () => {
  const buyerSigned = { ...draft, signedCurrentText: ["buyer"] as const };
  assert.deepEqual(refusal(member("buyer", true), "signOff", buyerSigned), { status: 409, messageKey: "agreements.error.alreadySigned" });
  assert.equal(may(member("supplier", true), "signOff", buyerSigned), true);
  assert.equal(presentPolicies(member("buyer", true), buyerSigned).signOff, false);
});

test("advisors moderate but never agree on behalf of a party", () => {
  assert.equal(may(member("advisor"), "moderate"), true);
  assert.equal(may(member("advisor"), "agree"), false);
  assert.equal(may(member("buyer"), "agree"), true);
  assert.equal(may(member("supplier"), "agree"), true);
  assert.equal(may(member("advisor"), "keepInternalNotes"), false);
});

test("only a party owner signs off, and not on an agreement already in force", () => {
  assert.deepEqual(refusal(member("buyer"), "signOff", draft), { status: 403, messageKey: "agreements.error.notOwner" });
  assert.deepEqual(refusal(member("advisor", true), "signOff", draft), { status: 403, messageKey: "agreements.error.notOwner" });
  assert.equal(may(member("supplier", true), "signOff", draft), true);
  assert.deepEqual(refusal(member("supplier", true), "signOff", inForce), { status: 409, messageKey: "agreements.error.alreadyEffective" });
});

test("a round opens only on an agreement in force, by a party or an advisor", () => {
  assert.equal(may(member("buyer"), "openRound", inForce), true);
  assert.equal(may(member("advisor"), "openRound", inForce), true);
  assert.deepEqual(refusal(member("observer"), "openRound", inForce), { status: 403, messageKey: "agreements.error.cannotOpenRound" });
  assert.deepEqual(refusal(member("buyer"), "openRound", draft), { status: 409, messageKey: "agreements.error.notEffective" });
});

test("the review date: party owners and advisors, once there is an agreement", () => {
  assert.equal(may(member("buyer", true), "setReviewDate", amending), true);
  assert.equal(may(member("advisor"), "setReviewDate", inForce), true);
  assert.equal(may(member("buyer"), "setReviewDate", inForce), false);
  assert.deepEqual(refusal(member("buyer", true), "setReviewDate", draft), { status: 409, messageKey: "agreements.error.noEffectiveYet" });
});

test("agreeing and editing stop while an agreement is in force", () => {
  assert.equal(may(member("buyer"), "agree", amending), true);
  assert.deepEqual(refusal(member("buyer"), "agree", inForce), { status: 409, messageKey: "agreements.error.frozen" });
  assert.equal(may(member("advisor"), "edit", draft), true);
  assert.equal(may(member("advisor"), "edit", inForce), false);
});

test("owners manage their own party and the neutral members; the other party only before it has anyone", () => {
  const owner = member("buyer", true);
  assert.equal(may(owner, "manageMembers", undefined, { role: "buyer" }), true);
  assert.equal(may(owner, "manageMembers", undefined, { role: "observer" }), true);
  assert.equal(may(owner, "manageMembers", undefined, { role: "supplier" }), false);
  assert.equal(may(owner, "manageMembers", undefined, { role: "supplier", otherPartyHasMembers: false }), true);
  assert.equal(may(member("buyer"), "manageMembers", undefined, { role: "buyer" }), false);
  assert.equal(may(member("advisor", true), "manageMembers"), false);
});

test("a page gets every answer for its member in the current state", () => {
  const policies = presentPolicies(member("supplier", true), inForce);
  assert.equal(policies.signOff, false);
  assert.equal(policies.openRound, true);
  assert.equal(policies.setReviewDate, true);
  assert.equal(policies.agree, false);
});

test("docs/permissions.md shows the policy the code enforces", async () => {
  const doc = await readFile(new URL("../docs/permissions.md", import.meta.url), "utf8");
  assert.ok(doc.includes(policyMarkdown()), "regenerate the table in docs/permissions.md from policyMarkdown()");
});

test("advisors run sessions; a party owner only once the parties lift 'advisors only' (on unless said otherwise); never a plain member or an observer", () => {
  assert.equal(may(member("advisor"), "runSession", draft), true);
  assert.deepEqual(refusal(member("supplier", true), "runSession", draft), { status: 409, messageKey: "sessions.error.advisorsOnly" });
  assert.equal(may(member("supplier", true), "runSession", { ...draft, sessionsByAdvisorsOnly: false }), true);
  assert.deepEqual(refusal(member("supplier"), "runSession", { ...draft, sessionsByAdvisorsOnly: false }), {
    status: 403,
    messageKey: "sessions.error.notAllowed",
  });
  assert.equal(may(member("observer"), "runSession", { ...draft, sessionsByAdvisorsOnly: false }), false);
  assert.equal(may(member("advisor"), "setSessionModeration"), false);
  assert.equal(may(member("buyer", true), "setSessionModeration"), true);
});
