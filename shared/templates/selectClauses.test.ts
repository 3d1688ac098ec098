import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCatalogue } from "../knowledge/catalogue";
import { applicableRegimes, scheduleFromSelection, selectClauses, suggestedLevel } from "./selectClauses";
import type { ServiceContext } from "./wizardAnswers";

const catalogue = loadCatalogue();
const ids = (context: ServiceContext) => selectClauses(catalogue, context).clauses.map((c) => c.requirementId);
const base: ServiceContext = { service: "saas", data: ["internal"], criticality: "low", rules: [] };

test("the level follows data sensitivity, criticality and financial regulation", () => {
  assert.equal(suggestedLevel(base), "basic");
  assert.equal(suggestedLevel({ ...base, data: ["personal"], criticality: "important" }), "standard");
  assert.equal(suggestedLevel({ ...base, data: ["special"], criticality: "critical" }), "strict");
  assert.equal(suggestedLevel({ ...base, data: ["confidential"], criticality: "important", rules: ["dora"] }), "strict");
});

test("each kind of service starts from its own model clauses", () => {
  assert.ok(ids(base).includes("data-location") === false);
  assert.ok(ids(base).includes("exit-plan-transition"));
  const iot = ids({ ...base, service: "iot" });
  assert.ok(iot.includes("security-updates-support-period"));
  assert.ok(iot.includes("secure-by-default"));
  assert.ok(!iot.includes("exit-plan-transition"));
});

test("personal data brings GDPR, and says so with the article", () => {
  const selection = selectClauses(catalogue, { ...base, data: ["personal"] });
  assert.deepEqual(selection.regimes, ["gdpr"]);
  const reasons = selection.clauses.flatMap((c) => c.reasons);
  assert.ok(reasons.some((r) => r.kind === "regime" && r.regime === "gdpr" && /Art\. 28\(3\)\(c\)/.test(r.ref)));
});

test("every element of every applicable regime is covered by some selected clause", () => {
  const context: ServiceContext = { service: "saas", data: ["personal"], criticality: "critical", rules: ["nis2", "dora"] };
  const selection = selectClauses(catalogue, context);
  const chosen = new Set(selection.clauses.map((c) => c.requirementId));
  for (const regimeId of applicableRegimes(context)) {
    const regime = catalogue.regimes.find((r) => r.id === regimeId)!;
    for (const element of regime.elements) {
      const covered = catalogue.requirements.some((r) => chosen.has(r.id) && r.covers.includes(element.id));
      assert.ok(covered, `${element.id} is covered`);
    }
  }
  assert.equal(new Set(selection.clauses.map((c) => c.requirementId)).size, selection.clauses.length, "no clause twice");
});

test("sectors add their certification; IoT products fall under the CRA", () => {
  assert.ok(ids({ ...base, rules: ["health"] }).includes("nen-7510"));
  assert.ok(ids({ ...base, rules: ["government"] }).includes("bio"));
  assert.ok(applicableRegimes({ ...base, service: "iot" }).includes("cra"));
  assert.ok(!applicableRegimes(base).includes("cra"));
});

test("the schedule text comes from the catalogue at the chosen level, in the creator's language", () => {
  const selection = selectClauses(catalogue, { ...base, data: ["personal"], criticality: "critical" });
  const schedule = scheduleFromSelection(catalogue, selection, "nl", (c) => `[${c}]`);
  const notification = catalogue.requirements.find((r) => r.id === "incident-notification")!;
  const clause = schedule.sections.flatMap((s) => s.clauses).find((c) => c.requirement === "incident-notification")!;
  assert.equal(clause.heading, notification.title.nl);
  assert.equal(clause.body[0], notification.levels!.strict.clause.nl);
  assert.equal(new Set(schedule.sections.map((s) => s.heading)).size, schedule.sections.length, "one section per category");
});

test("several kinds of data: the most sensitive sets the level, any personal data brings in GDPR", () => {
  assert.equal(suggestedLevel({ ...base, data: ["internal", "special"], criticality: "critical" }), "strict");
  assert.ok(applicableRegimes({ ...base, data: ["confidential", "personal"] }).includes("gdpr"));
  assert.ok(!applicableRegimes({ ...base, data: ["internal", "confidential"] }).includes("gdpr"));
});

test("a DORA contract is never basic; the schedule never holds a text below the floor of a regime that applies (decision 037)", async () => {
  const { serviceTypes } = await import("./wizardAnswers");
  assert.equal(suggestedLevel({ ...base, rules: ["dora"] }), "standard");
  for (const service of serviceTypes) {
    for (const rules of [["nis2"], ["dora"], ["gdpr"], ["nis2", "dora", "gdpr"]] as const) {
      const context = { ...base, service, rules: [...rules] };
      const selection = selectClauses(catalogue, context);
      for (const level of ["basic", "standard", "strict"] as const) {
        const schedule = scheduleFromSelection(catalogue, { ...selection, level }, "en", (c) => c);
        for (const clause of schedule.sections.flatMap((s) => s.clauses)) {
          const requirement = catalogue.requirements.find((r) => r.id === clause.requirement);
          if (!requirement?.levels) continue;
          const used = (["basic", "standard", "strict"] as const).find((l) => requirement.levels![l].clause.en === clause.body[0])!;
          const below = Object.keys(requirement.levels[used].below).filter((e) => selection.regimes.some((r) => e.startsWith(`${r}:`)));
          assert.deepEqual(below, [], `${service} ${rules.join("+")} at ${level}: ${requirement.id} ${used}`);
        }
      }
    }
  }
});

test("the floor raises only the clauses that need it: a basic DORA schedule's audit clause is strict, its MFA clause stays basic", () => {
  const selection = selectClauses(catalogue, { ...base, rules: ["dora"] });
  const schedule = scheduleFromSelection(catalogue, { ...selection, level: "basic" }, "en", (c) => c);
  const text = (id: string) => schedule.sections.flatMap((s) => s.clauses).find((c) => c.requirement === id)?.body[0];
  const levels = (id: string) => catalogue.requirements.find((r) => r.id === id)!.levels!;
  assert.equal(text("audit-rights"), levels("audit-rights").strict.clause.en);
  if (text("multi-factor-authentication")) assert.equal(text("multi-factor-authentication"), levels("multi-factor-authentication").basic.clause.en);
});

test("a point of NIS2 that lists several measures brings a clause for each (decision 037)", async () => {
  const { serviceTypes } = await import("./wizardAnswers");
  const saas = ids({ ...base, rules: ["nis2"] });
  for (const id of [
    "backup-management",
    "disaster-recovery-rto-rpo",
    "business-continuity-plan",
    "coordinated-vulnerability-disclosure",
    "personnel-screening",
    "asset-inventory",
  ])
    assert.ok(saas.includes(id), `SaaS under NIS2 has ${id}`);
  for (const service of serviceTypes) {
    const chosen = ids({ ...base, service, rules: ["nis2"] });
    assert.ok(chosen.includes("vulnerability-patching"), `${service} under NIS2 patches`);
    assert.ok(chosen.includes("multi-factor-authentication"), `${service} under NIS2 has MFA`);
  }
});
