import { test } from "node:test";
import assert from "node:assert/strict";
import { TokenBuckets } from "./tokenBuckets";

test("a budget allows a burst, refuses beyond it and refills with time", () => {
  const budget = new TokenBuckets(1000, 600);
  assert.equal(budget.take("a", 800, 0), true);
  assert.equal(budget.take("a", 300, 0), false, "over the burst");
  assert.equal(budget.take("b", 1000, 0), true, "each key has its own");
  assert.equal(budget.take("a", 300, 10_000), true, "100 bytes came back in 10 s");
  budget.prune(10 * 60_000);
  assert.equal(budget.take("a", 1000, 10 * 60_000), true, "full again after a quiet while");
});
