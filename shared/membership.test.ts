import { test } from "node:test";
import assert from "node:assert/strict";
import { assignableRoles, canManage } from "./membership";

test("owners manage their own party and neutral members, not the other party", () => {
  const buyerOwner = { role: "buyer" as const, owner: true };
  assert.equal(canManage(buyerOwner, "buyer"), true);
  assert.equal(canManage(buyerOwner, "advisor"), true);
  assert.equal(canManage(buyerOwner, "observer"), true);
  assert.equal(canManage(buyerOwner, "supplier"), false);
  assert.deepEqual(assignableRoles(buyerOwner, true), ["buyer", "advisor", "observer"]);
});

test("the first member of the other party may be invited by either owner", () => {
  assert.equal(canManage({ role: "buyer", owner: true }, "supplier", false), true);
  assert.equal(canManage({ role: "supplier", owner: true }, "buyer", false), true);
});

test("non-owners, advisors and observers manage no one", () => {
  assert.equal(canManage({ role: "buyer", owner: false }, "buyer"), false);
  assert.equal(canManage({ role: "advisor", owner: true }, "observer"), false);
  assert.equal(canManage({ role: "observer", owner: false }, "observer"), false);
  assert.equal(canManage(null, "buyer"), false);
});
