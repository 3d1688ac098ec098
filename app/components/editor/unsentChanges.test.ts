import { test } from "node:test";
import assert from "node:assert/strict";
import { UnsentChanges, type CountStore } from "./unsentChanges";

/** localStorage's part that the count uses, in memory. */
function memoryStore(): CountStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

test("a confirmation covers the changes made before its probe, not those typed while it was on the way", () => {
  const unsent = new UnsentChanges(memoryStore(), "k");
  unsent.added();
  unsent.added();
  const atProbe = unsent.count;
  unsent.added();
  unsent.confirmed(atProbe);
  assert.equal(unsent.count, 1);
  unsent.confirmed(1);
  assert.equal(unsent.count, 0);
  unsent.confirmed(5);
  assert.equal(unsent.count, 0, "never below zero");
});

test("the count survives a reload through the store, and is removed from it at zero", () => {
  const store = memoryStore();
  const before = new UnsentChanges(store, "k");
  before.added();
  before.added();
  assert.equal(new UnsentChanges(store, "k").count, 2);
  before.dropped();
  assert.equal(store.items.has("k"), false);
  store.items.set("k", "garbage");
  assert.equal(new UnsentChanges(store, "k").count, 0);
  store.items.set("k", "-4");
  assert.equal(new UnsentChanges(store, "k").count, 0);
});
