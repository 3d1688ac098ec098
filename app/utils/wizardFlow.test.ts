import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCatalogue } from "../../shared/knowledge/catalogue";
import { firstDraft, type WizardDraft, type WizardStep } from "../../shared/templates/wizardSteps";
import { advance, readWizardForm, type PostedWizard } from "./wizardFlow.server";

const catalogue = loadCatalogue();
const answered: WizardDraft = { ...firstDraft, title: "Payroll SaaS", ourOrg: "Acme Retail", counterpartyOrg: "PayFast" };
const post = (step: WizardStep, intent: string, draft: Partial<WizardDraft> = {}, include: string[] | null = null): PostedWizard => ({
  step,
  intent,
  draft: { ...answered, ...draft },
  include,
});
const move = (posted: PostedWizard) => advance(catalogue, posted, "en");

test("going on checks the step left; a wrong answer stays on its step, named, with everything typed kept", () => {
  const { view } = move(post("service", "next", { title: "ab", ourOrg: "" }));
  assert.equal(view.step, "service");
  assert.deepEqual(view.errors, ["title", "ourOrg"]);
  assert.equal(view.draft.title, "ab");
  assert.equal(move(post("service", "next")).view.step, "data");
});

test("going back or to an earlier step checks nothing and keeps every answer; later steps cannot be skipped to", () => {
  const back = move(post("criticality", "back", { criticality: "nonsense", rules: ["dora"] })).view;
  assert.deepEqual([back.step, back.errors, back.draft.criticality, back.draft.rules], ["data", [], "nonsense", ["dora"]]);
  assert.equal(move(post("level", "goto:service")).view.step, "service");
  assert.equal(move(post("data", "goto:review")).view.step, "data");
});

test("an answer tampered with on an earlier step sends the user back to that step", () => {
  const { view } = move(post("level", "next", { data: ["everything"], level: "standard" }));
  assert.deepEqual([view.step, view.errors], ["data", ["data"]]);
});

test("personal data brings in GDPR, and the review says the data answer did", () => {
  const { view } = move(post("level", "next", { data: ["personal"], level: "standard" }));
  assert.equal(view.step, "review");
  assert.ok(view.proposal!.regimes.includes("gdpr"));
  const gdpr = view.proposal!.clauses.flatMap((c) => c.reasons).filter((r) => r.reason.kind === "regime" && r.reason.regime === "gdpr");
  assert.ok(gdpr.length > 0 && gdpr.every((r) => r.step === "data"));
  const { create } = move(post("review", "create", { data: ["personal"], level: "standard" }));
  assert.ok(create?.start.kind === "template" && create.start.context.rules.includes("gdpr"));
});

test("clauses unticked on the review stay unticked after going back and forward, and are left out on creation", () => {
  const all = move(post("level", "next", { level: "basic" })).view.proposal!.clauses.map((c) => c.id);
  const dropped = all[0]!;
  const back = move(post("review", "back", { level: "basic" }, all.slice(1))).view;
  assert.deepEqual([back.step, back.draft.exclude], ["level", [dropped]]);
  const again = move(post("level", "next", back.draft)).view;
  assert.deepEqual(again.draft.exclude, [dropped]);
  const { create } = move(post("review", "create", again.draft, all.slice(1)));
  assert.ok(create?.start.kind === "template");
  assert.deepEqual([create.start.exclude, create.start.level], [[dropped], "basic"]);
});

test("an empty schedule goes from the first step straight to review; a copy needs its source there", () => {
  assert.equal(move(post("service", "next", { startKind: "empty" })).view.step, "review");
  assert.deepEqual(move(post("service", "create", { startKind: "empty" })).create?.start, { kind: "empty" });
  const copy = move(post("review", "create", { startKind: "copy", copyFrom: "" })).view;
  assert.deepEqual([copy.step, copy.errors], ["review", ["copyFrom"]]);
});

test("the form is read bounded: arrays for ticked boxes, include only from the review, nonsense refused", () => {
  const form = new FormData();
  for (const [k, v] of [
    ["step", "review"],
    ["intent", "create"],
    ["title", "T"],
    ["rules", "nis2"],
    ["rules", "dora"],
    ["reviewed", "1"],
    ["include", "a"],
  ]) {
    form.append(k!, v!);
  }
  const posted = readWizardForm(form)!;
  assert.deepEqual([posted.step, posted.intent, posted.draft.rules, posted.include], ["review", "create", ["nis2", "dora"], ["a"]]);
  const huge = new FormData();
  huge.append("title", "x".repeat(5000));
  assert.equal(readWizardForm(huge), null);
  const odd = new FormData();
  odd.append("intent", "delete-everything");
  assert.equal(readWizardForm(odd), null);
});

test("the data step takes every kind that applies: confidential and personal data together bring in GDPR; none goes alone", () => {
  const form = new FormData();
  for (const [key, value] of [
    ["step", "data"],
    ["intent", "next"],
    ["data", "confidential"],
    ["data", "personal"],
  ])
    form.append(key!, value!);
  const posted = readWizardForm(form);
  assert.deepEqual(posted?.draft.data, ["confidential", "personal"]);
  const { view } = move(post("level", "next", { data: ["confidential", "personal"], level: "standard" }));
  assert.equal(view.step, "review");
  assert.ok(view.proposal!.regimes.includes("gdpr"));
  const mixed = move(post("data", "next", { data: ["none", "personal"] })).view;
  assert.deepEqual([mixed.step, mixed.errors], ["data", ["data"]]);
  const empty = move(post("data", "next", { data: [] })).view;
  assert.deepEqual([empty.step, empty.errors], ["data", ["data"]]);
});
