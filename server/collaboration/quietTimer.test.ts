import { test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { QuietTimer } from "./quietTimer";

const quietMs = 60;

test("a burst of touches is one call, once the touches stop for the quiet time", async () => {
  let calls = 0;
  const timer = new QuietTimer(quietMs, () => (calls += 1));
  for (let i = 0; i < 6; i++) {
    timer.touch();
    await sleep(quietMs / 3);
  }
  assert.equal(calls, 0, "still touched within the quiet time: not yet");
  await sleep(quietMs * 2);
  assert.equal(calls, 1);
  await sleep(quietMs * 2);
  assert.equal(calls, 1, "nothing more without a touch");
  timer.touch();
  await sleep(quietMs * 2);
  assert.equal(calls, 2, "a later touch is a later call");
});

test("flush makes a due call at once and cancels the timer; with nothing due it does nothing", async () => {
  let calls = 0;
  const timer = new QuietTimer(quietMs, () => (calls += 1));
  timer.flush();
  assert.equal(calls, 0);
  timer.touch();
  timer.flush();
  assert.equal(calls, 1);
  await sleep(quietMs * 2);
  assert.equal(calls, 1, "the flushed call does not come again");
});
