import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCatalogue } from "../knowledge/catalogue";
import { negotiationSetup, negotiationSetupSchema } from "./negotiationSetup";
import { selectClauses } from "./selectClauses";
import type { ServiceContext } from "./wizardAnswers";

const context: ServiceContext = { service: "saas", data: ["personal"], criticality: "critical", rules: ["nis2", "dora", "health"] };

test("what the wizard records passes the schema unchanged, and reads back as its level and regimes", () => {
  const selection = selectClauses(loadCatalogue(), context);
  const record = { start: "template" as const, context, level: selection.level, regimes: selection.regimes, clauses: selection.clauses };
  assert.deepEqual(negotiationSetupSchema.parse(record), record);
  assert.deepEqual(negotiationSetup(JSON.stringify(record)), { level: selection.level, regimes: selection.regimes });
});

test("a negotiation started empty, as a copy, or with an unreadable record has the default bar", () => {
  const fallback = { level: "standard", regimes: [] };
  assert.deepEqual(negotiationSetup(null), fallback);
  assert.deepEqual(negotiationSetup(JSON.stringify({ start: "empty" })), fallback);
  assert.deepEqual(negotiationSetup(JSON.stringify({ start: "copy" })), fallback);
  assert.deepEqual(negotiationSetup("{"), fallback);
  assert.deepEqual(negotiationSetup(JSON.stringify({ start: "template", level: "extreme" })), fallback);
});

test("a record the readers would not understand is refused where it is written", () => {
  assert.throws(() => negotiationSetupSchema.parse({ start: "demo", context, level: "standard", regimes: ["made-up"] }));
});

test("a record written when the data answer was a single kind still reads", () => {
  const older = { start: "demo", context: { ...context, data: "personal" }, level: "strict", regimes: ["gdpr"] };
  assert.deepEqual(negotiationSetupSchema.parse(older), { ...older, context });
  assert.deepEqual(negotiationSetup(JSON.stringify(older)), { level: "strict", regimes: ["gdpr"] });
});
