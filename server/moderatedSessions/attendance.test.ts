import { test } from "node:test";
import assert from "node:assert/strict";
import { attendedMs } from "./attendance";

test("a member's time is the union of their stretches: two tabs and the session page never count twice", () => {
  const rows = [
    { userId: "a", fromAt: 0, toAt: 10 },
    { userId: "a", fromAt: 5, toAt: 20 },
    { userId: "a", fromAt: 30, toAt: 40 },
    { userId: "b", fromAt: 100, toAt: null },
    { userId: "c", fromAt: 7, toAt: 7 },
  ];
  const ms = attendedMs(rows, 150);
  assert.equal(ms.get("a"), 30);
  assert.equal(ms.get("b"), 50, "still open: until the end");
  assert.equal(ms.get("c"), 0, "a page read once is a moment");
  assert.equal(ms.has("d"), false);
});

test("nothing counts past the end, and a stretch inside another adds nothing", () => {
  const ms = attendedMs(
    [
      { userId: "a", fromAt: 0, toAt: 100 },
      { userId: "a", fromAt: 10, toAt: 20 },
      { userId: "a", fromAt: 90, toAt: 500 },
    ],
    200,
  );
  assert.equal(ms.get("a"), 200);
});
