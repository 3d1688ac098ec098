import { test } from "node:test";
import assert from "node:assert/strict";
import { buildScheduleDoc } from "./scheduleTemplate";
import { clauseText, scheduleFromJson, scheduleModel } from "./scheduleModel";

test("the reading model numbers clauses like the editor and keeps headings, text and links", () => {
  const doc = buildScheduleDoc({
    sections: [
      { heading: "Security", clauses: [{ heading: "MFA", requirement: "multi-factor-authentication", body: ["Admins use MFA.", "Always."] }] },
      {
        heading: "Exit",
        clauses: [
          { heading: "Return", requirement: null, body: ["Data is returned."] },
          { heading: "Deletion", requirement: null, body: ["Then deleted."] },
        ],
      },
    ],
  });
  const model = scheduleModel(scheduleFromJson(doc.toJSON()));
  assert.deepEqual(
    model.map((s) => [s.number, s.heading, s.clauses.map((c) => c.number)]),
    [
      ["1", "Security", ["1.1"]],
      ["2", "Exit", ["2.1", "2.2"]],
    ],
  );
  assert.equal(clauseText(model[0]!.clauses[0]!), "MFA\nAdmins use MFA.\nAlways.");
  assert.equal(model[0]!.clauses[0]!.requirement, "multi-factor-authentication");
});
