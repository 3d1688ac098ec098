import { test } from "node:test";
import assert from "node:assert/strict";
import { buildScheduleDoc } from "../editor/scheduleTemplate";
import { linkedClauses, regimeCoverage, type CoverageRegime } from "./coverage";

const regime: CoverageRegime = {
  id: "gdpr",
  name: "GDPR",
  elements: [
    {
      id: "gdpr:32",
      ref: "Art. 32",
      title: "Security",
      requirements: [
        { id: "encryption-at-rest", title: "Encryption" },
        { id: "security-baseline-isms", title: "ISMS" },
      ],
    },
    { id: "gdpr:33", ref: "Art. 33", title: "Breach", requirements: [{ id: "incident-notification", title: "Incidents" }] },
  ],
};

test("an element is covered by every clause linked to one of its requirements, numbered as shown", () => {
  const doc = buildScheduleDoc({
    sections: [
      {
        heading: "Security",
        clauses: [
          { heading: "Unlinked", requirement: null, body: ["x"] },
          { heading: "ISMS", requirement: "security-baseline-isms", body: ["y"] },
        ],
      },
      { heading: "More", clauses: [{ heading: "Crypto", requirement: "encryption-at-rest", body: ["z"] }] },
    ],
  });
  const coverage = regimeCoverage(regime, linkedClauses(doc));
  assert.deepEqual(
    coverage[0].clauses.map((c) => [c.number, c.heading]),
    [
      ["2.1", "Crypto"],
      ["1.2", "ISMS"],
    ],
  );
  assert.deepEqual(coverage[1].clauses, [], "no clause is linked to incident notification: a gap");
});
