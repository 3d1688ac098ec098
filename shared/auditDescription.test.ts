import { test } from "node:test";
import assert from "node:assert/strict";
import { describeAuditEntry } from "./auditDescription";
import { structureUnitId } from "./agreements/scheduleStructure";
import { translate } from "./i18n/index";

test("agreeing to the schedule structure reads as that, not as a clause", () => {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate("en", key, params);
  assert.equal(
    describeAuditEntry({ action: "clause.agreed", detail: { clauseId: structureUnitId, number: "", heading: "Schedule structure", party: "buyer" } }, t, "en"),
    "Agreed to the schedule structure (section headings and clause order) for the Buyer",
  );
  assert.equal(
    describeAuditEntry({ action: "clause.agreed", detail: { clauseId: "abcdefghijklmnop", number: "1.2", heading: "Backups", party: "supplier" } }, t, "en"),
    "Agreed to clause 1.2 Backups for the Supplier",
  );
});

test("a review date reads as a date in the reader's language", () => {
  const entry = { action: "review_date.set", detail: { dueAt: "2027-03-01" } };
  assert.match(
    describeAuditEntry(entry, (key, params) => translate("en", key, params), "en"),
    /1 March 2027/,
  );
  assert.match(
    describeAuditEntry(entry, (key, params) => translate("nl", key, params), "nl"),
    /1 maart 2027/,
  );
});

test("a voided sign-off names whose it was and what to do next, in either language", () => {
  const entry = { action: "signoff.voided", detail: { signoffId: 7, party: "supplier", round: 1, page: "agreement" } };
  const describe = (locale: "en" | "nl") =>
    describeAuditEntry(entry, (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(locale, key, params), locale);
  assert.equal(describe("en"), "The Supplier's sign-off (round 1) was voided by a later edit: review the changes and sign off again");
  assert.equal(
    describe("nl"),
    "De ondertekening van de Leverancier (ronde 1) is vervallen door een latere wijziging: bekijk de wijzigingen en onderteken opnieuw",
  );
});
