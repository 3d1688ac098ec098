import { test } from "node:test";
import assert from "node:assert/strict";
import { fieldsShownOn, firstDraft, impliedRules, invalidFields, stepsFor, wizardDraftSchema, wizardSteps } from "./wizardSteps";

test("a schedule that fits the service takes six steps; an empty one or a copy goes from the basics to review", () => {
  assert.deepEqual(stepsFor("template"), [...wizardSteps]);
  assert.deepEqual(stepsFor("empty"), ["service", "review"]);
  assert.deepEqual(stepsFor("copy"), ["service", "review"]);
});

test("each answer is shown on exactly one step, so no field is posted twice", () => {
  for (const startKind of ["template", "empty", "copy"]) {
    const shown = stepsFor(startKind).flatMap((step) => fieldsShownOn(step, startKind));
    assert.equal(new Set(shown).size, shown.length, startKind);
  }
});

test("a step's answers are checked with the API's rules; the service type only matters for a fitting schedule", () => {
  const draft = { ...firstDraft, title: "ok title", ourOrg: "A", counterpartyOrg: "B" };
  assert.deepEqual(invalidFields("service", draft), []);
  assert.deepEqual(invalidFields("service", { ...draft, title: " ", side: "both", service: "" }), ["title", "side", "service"]);
  assert.deepEqual(invalidFields("service", { ...draft, startKind: "empty", service: "" }), []);
  assert.deepEqual(invalidFields("regimes", { ...draft, rules: ["nis2", "sox"] }), ["rules"]);
  assert.deepEqual(invalidFields("review", { ...draft, startKind: "copy", copyFrom: "../x" }), ["copyFrom"]);
});

test("personal data, ordinary or special, implies GDPR", () => {
  assert.deepEqual(impliedRules(["personal"]), ["gdpr"]);
  assert.deepEqual(impliedRules(["special"]), ["gdpr"]);
  assert.deepEqual(impliedRules(["confidential"]), []);
});

test("the draft keeps unknown answers as typed but bounds their size", () => {
  assert.equal(wizardDraftSchema.parse({ side: "both" }).side, "both");
  assert.equal(wizardDraftSchema.safeParse({ exclude: Array(501).fill("x") }).success, false);
});
