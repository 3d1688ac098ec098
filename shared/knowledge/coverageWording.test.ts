// Coverage by wording (decision 037), with the real catalogue: green only where the text at its
// level meets the law's minimum.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildScheduleDoc } from "../editor/scheduleTemplate";
import { loadCatalogue } from "./catalogue";
import { linkedClauses, regimeCoverage } from "./coverage";
import { coverageRegimes, requirementWordings } from "./localize";

const catalogue = loadCatalogue();
const wordings = new Map(Object.entries(requirementWordings(catalogue, "en")));
const regimes = coverageRegimes(catalogue, "en");
const regime = (id: string) => regimes.find((r) => r.id === id)!;
const requirement = (id: string) => catalogue.requirements.find((r) => r.id === id)!;

function coverageOf(regimeId: string, elementId: string, clauses: { requirement: string; body: string }[]) {
  const doc = buildScheduleDoc({
    sections: [
      {
        heading: "Security",
        clauses: clauses.map((c, i) => ({
          heading: `Clause ${i + 1}`,
          requirement: c.requirement,
          body: [c.body],
          fields: requirement(c.requirement).fields.map((f) => ({ id: f.id, label: f.label.en, hint: f.hint.en })),
        })),
      },
    ],
  });
  return regimeCoverage(regime(regimeId), linkedClauses(doc), wordings).find((row) => row.element.id === elementId)!;
}

test("the catalogue's MFA text covers NIS2 21(2)(j); rewritten to say passwords are fine, it is 'edited — check', for either language", () => {
  const mfa = requirement("multi-factor-authentication").levels!;
  assert.equal(coverageOf("nis2", "nis2:21.2.j.authentication", [{ requirement: "multi-factor-authentication", body: mfa.basic.clause.en }]).state, "covered");
  assert.equal(coverageOf("nis2", "nis2:21.2.j.authentication", [{ requirement: "multi-factor-authentication", body: mfa.strict.clause.nl }]).state, "covered");
  const weakened = coverageOf("nis2", "nis2:21.2.j.authentication", [
    { requirement: "multi-factor-authentication", body: "Passwords are fine. No MFA is required." },
  ]);
  assert.equal(weakened.state, "edited");
  const clause = weakened.clauses[0]!;
  assert.equal(clause.state, "edited");
  assert.ok(clause.state === "edited" && clause.nearest, "the nearest catalogue text is there to compare with");
});

test("a basic audit clause under DORA is below the legal minimum, and says what it lacks; the strict one covers", () => {
  const audit = requirement("audit-rights").levels!;
  const basic = coverageOf("dora", "dora:30.3.e", [{ requirement: "audit-rights", body: audit.basic.clause.en }]);
  assert.equal(basic.state, "below");
  assert.match(basic.clauses[0]!.state === "below" ? basic.clauses[0]!.lacks : "", /inspection/);
  assert.equal(coverageOf("dora", "dora:30.3.e", [{ requirement: "audit-rights", body: audit.strict.clause.en }]).state, "covered");
  assert.equal(coverageOf("gdpr", "gdpr:28.3.h", [{ requirement: "audit-rights", body: audit.standard.clause.en }]).state, "covered", "enough for GDPR");
});

test("a blank filled in by the parties still reads as the catalogue text", () => {
  const standard = requirement("incident-response-assistance").levels!.standard.clause.en;
  assert.match(standard, /\{\{annex\}\}/);
  const doc = buildScheduleDoc({
    sections: [{ heading: "S", clauses: [{ heading: "Assistance", requirement: "incident-response-assistance", body: [standard.replace("{{annex}}", "4")] }] }],
  });
  const row = regimeCoverage(regime("dora"), linkedClauses(doc), wordings).find((r) => r.element.id === "dora:30.2.f")!;
  assert.equal(row.state, "covered");
});

test("one clause that covers beats a weaker one; a floor of one regime is not another's", () => {
  const assistance = requirement("incident-response-assistance").levels!;
  assert.equal(coverageOf("nis2", "nis2:21.2.b", [{ requirement: "incident-response-assistance", body: assistance.basic.clause.en }]).state, "covered");
  const both = coverageOf("dora", "dora:30.2.f", [
    { requirement: "incident-response-assistance", body: assistance.basic.clause.en },
    { requirement: "incident-response-assistance", body: assistance.standard.clause.en },
  ]);
  assert.equal(both.state, "covered");
  assert.deepEqual(
    both.clauses.map((c) => c.state),
    ["below", "covered"],
  );
});

test("without the catalogue's wording at hand a link is shown as a link, never as covered", () => {
  const doc = buildScheduleDoc({ sections: [{ heading: "S", clauses: [{ heading: "MFA", requirement: "multi-factor-authentication", body: ["anything"] }] }] });
  const row = regimeCoverage(regime("nis2"), linkedClauses(doc)).find((r) => r.element.id === "nis2:21.2.j.authentication")!;
  assert.equal(row.state, "linked");
});

test("every level a `below` names is an element its entry covers, with what it lacks in both languages", () => {
  for (const r of catalogue.requirements) {
    for (const level of ["basic", "standard", "strict"] as const) {
      for (const [element, lacks] of Object.entries(r.levels?.[level].below ?? {})) {
        assert.ok(r.covers.includes(element), `${r.id} ${level}: ${element}`);
        assert.ok(lacks.en && lacks.nl);
      }
    }
  }
});
