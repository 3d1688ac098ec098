import { test } from "node:test";
import assert from "node:assert/strict";
import { describeAuditEntry } from "./auditDescription";
import { structureUnitId } from "./agreements/scheduleStructure";
import { translate } from "./i18n/index";

test("agreeing to the schedule structure reads as that, not as a clause", () => {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate("en", key, params);
  assert.equal(
    describeAuditEntry({ action: "clause.agreed", detail: { clauseId: structureUnitId, number: "", heading: "Schedule structure", party: "buyer" } }, t),
    "Agreed to the schedule structure (section headings and clause order) for the Buyer",
  );
  assert.equal(
    describeAuditEntry({ action: "clause.agreed", detail: { clauseId: "abcdefghijklmnop", number: "1.2", heading: "Backups", party: "supplier" } }, t),
    "Agreed to clause 1.2 Backups for the Supplier",
  );
});
