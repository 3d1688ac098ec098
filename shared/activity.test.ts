import { test } from "node:test";
import assert from "node:assert/strict";
import { activityLink } from "./activity";

test("an entry about a proposal links to it; one about a thread to the thread, even when the thread is on a proposal", () => {
  assert.equal(activityLink("n1", { clauseId: "c1", proposalId: "p1" }), "/negotiations/n1?clause=c1&proposal=p1");
  assert.equal(activityLink("n1", { clauseId: "c1", threadId: "t1", proposalId: "p1" }), "/negotiations/n1?clause=c1&thread=t1");
  assert.equal(activityLink("n1", { clauseId: "c1" }), "/negotiations/n1?clause=c1");
  assert.equal(activityLink("n1", { page: "agreement", proposalId: "p1" }), "/negotiations/n1/agreement");
});
