import { test } from "node:test";
import assert from "node:assert/strict";
import { calendarDateFormatter } from "./calendarDateFormatter";
import { reviewDateMs } from "../agreements/snapshot";

test("a review date reads as the chosen day in either language, without a time or zone", () => {
  const chosen = reviewDateMs("2027-03-01");
  assert.equal(calendarDateFormatter("en")(chosen), "1 March 2027");
  assert.equal(calendarDateFormatter("nl")(chosen), "1 maart 2027");
});
