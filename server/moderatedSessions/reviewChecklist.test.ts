import { test } from "node:test";
import assert from "node:assert/strict";
import { buildScheduleDoc } from "../../shared/editor/scheduleTemplate";
import type { CoverageRegime } from "../../shared/knowledge/coverage";
import { translate } from "../../shared/i18n/index";
import { coverageGapItems } from "./coverageGaps";
import { reviewChecklist } from "./reviewChecklist";

const nis2: CoverageRegime = {
  id: "nis2",
  name: "NIS2",
  elements: [
    { id: "nis2:21.2.j", ref: "NIS2 Art. 21(2)(j)", title: "Multi-factor authentication", requirements: [{ id: "multi-factor-authentication", title: "MFA" }] },
    { id: "nis2:23", ref: "NIS2 Art. 23", title: "Reporting", requirements: [{ id: "incident-notification", title: "Incidents" }] },
  ],
};

const schedule = (clauses: { heading: string; requirement: string | null }[]) =>
  buildScheduleDoc({ sections: [{ heading: "Security", clauses: clauses.map((c) => ({ ...c, body: ["Text."] })) }] });

test("an element no clause is linked to is a coverage-gap topic titled by its reference and title; a linked one is none", () => {
  const doc = schedule([{ heading: "Incidents", requirement: "incident-notification" }]);
  assert.deepEqual(coverageGapItems(doc, [nis2]), [
    { kind: "topic", clauseId: null, title: "NIS2 Art. 21(2)(j) Multi-factor authentication", reasons: ["coverage-gap"] },
  ]);
  const covered = schedule([
    { heading: "Incidents", requirement: "incident-notification" },
    { heading: "MFA", requirement: "multi-factor-authentication" },
  ]);
  assert.deepEqual(coverageGapItems(covered, [nis2]), []);
});

test("a title longer than a topic may be is shortened, never refused", () => {
  const long: CoverageRegime = { ...nis2, elements: [{ ...nis2.elements[0]!, title: "x".repeat(300) }] };
  const [gap] = coverageGapItems(schedule([]), [long]);
  assert.equal(gap!.title.length, 200);
  assert.ok(gap!.title.endsWith("…"));
});

const requirements = new Map([
  ["iso-27001", { kind: "certification" as const, category: "assurance" as const }],
  ["audit-rights", { kind: "requirement" as const, category: "assurance" as const }],
  ["incident-notification", { kind: "requirement" as const, category: "incident-management" as const }],
]);

test("the review checklist: the law per regime and its gaps, incidents, assurance clauses, then the other linked clauses", () => {
  const doc = schedule([
    { heading: "Incidents", requirement: "incident-notification" },
    { heading: "Free text", requirement: null },
    { heading: "Certificate", requirement: "iso-27001" },
    { heading: "Audits", requirement: "audit-rights" },
  ]);
  const items = reviewChecklist({ doc, regimes: [nis2], requirements, since: "1 March 2027", t: (key, params) => translate("en", key, params) });
  assert.deepEqual(
    items.map((i) => [i.title, i.reasons]),
    [
      ["What changed in NIS2 since 1 March 2027", ["review-law"]],
      ["NIS2 Art. 21(2)(j) Multi-factor authentication", ["coverage-gap"]],
      ["Security incidents since 1 March 2027: what happened, how they were reported, what was learned", ["review-incidents"]],
      ["1.3 Certificate", ["review-assurance"]],
      ["1.4 Audits", ["review-assurance"]],
      ["1.1 Incidents", ["review-verify"]],
    ],
  );
  assert.ok(
    items.filter((i) => i.kind === "clause").every((i) => i.clauseId),
    "clause items name their clause",
  );
});

test("without regimes the law is one topic, in the reader's language", () => {
  const items = reviewChecklist({ doc: schedule([]), regimes: [], requirements, since: "1 maart 2027", t: (key, params) => translate("nl", key, params) });
  assert.deepEqual(
    items.map((i) => i.reasons[0]),
    ["review-law", "review-incidents"],
  );
  assert.equal(items[0]!.title, "Wat is er sinds 1 maart 2027 veranderd in wet- en regelgeving");
});

test("judged by wording, an element covered only below the legal minimum is on the agenda too; an edited clause is not (decision 037)", async () => {
  const { loadCatalogue } = await import("../../shared/knowledge/catalogue");
  const { coverageRegimes, requirementWordings } = await import("../../shared/knowledge/localize");
  const catalogue = loadCatalogue();
  const wordings = new Map(Object.entries(requirementWordings(catalogue, "en")));
  const dora = coverageRegimes(catalogue, "en").find((r) => r.id === "dora")!;
  const audit = catalogue.requirements.find((r) => r.id === "audit-rights")!.levels!;
  const withAudit = (text: string) =>
    buildScheduleDoc({ sections: [{ heading: "Assurance", clauses: [{ heading: "Audit", requirement: "audit-rights", body: [text] }] }] });
  const reasonsFor = (text: string) => coverageGapItems(withAudit(text), [dora], wordings).find((i) => i.title.startsWith("DORA Art. 30(3)(e)"))?.reasons;
  assert.deepEqual(reasonsFor(audit.basic.clause.en), ["coverage-below"]);
  assert.equal(reasonsFor(audit.strict.clause.en), undefined);
  assert.equal(reasonsFor("Our own negotiated audit wording."), undefined, "edited wording needs a person, not an agenda slot of its own");
});
