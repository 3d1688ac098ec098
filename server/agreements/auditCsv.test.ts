import { test } from "node:test";
import assert from "node:assert/strict";
import { auditCsv } from "./auditCsv";

test("audit CSV quotes what needs quoting and defuses spreadsheet formulas", () => {
  const csv = auditCsv(
    [
      { id: 1, at: Date.UTC(2026, 10, 28, 12), userName: 'Bea, "the" Buyer', action: "clause.agreed", detail: { clauseId: "abc" } },
      { id: 2, at: Date.UTC(2026, 10, 28, 13), userName: '=HYPERLINK("x")', action: "signoff", detail: {} },
    ],
    (row) => `described ${row.id}`,
  );
  const lines = csv.trimEnd().split("\r\n");
  assert.equal(lines[0], "time_utc,member,action,description,detail_json");
  assert.equal(lines[1], `2026-11-28T12:00:00.000Z,"Bea, ""the"" Buyer",clause.agreed,described 1,"{""clauseId"":""abc""}"`);
  assert.ok(lines[2]!.includes(`"'=HYPERLINK(""x"")"`));
});
