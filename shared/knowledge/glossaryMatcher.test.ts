import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCatalogue } from "./catalogue";
import { glossaryMatcher, termForms } from "./glossaryMatcher";

const catalogue = loadCatalogue();
const match = glossaryMatcher(catalogue.glossary.map((g) => ({ id: g.id, forms: termForms(g.term) })));
const ids = (text: string) => match(text).map((m) => m.id);

test("abbreviations and their expansions are both forms of a term; law qualifiers are not", () => {
  assert.deepEqual(termForms({ en: "RPO (Recovery Point Objective)", nl: "RPO (Recovery Point Objective)" }), ["RPO", "Recovery Point Objective"]);
  assert.deepEqual(termForms({ en: "Significant incident (NIS2)", nl: "Significant incident (NIS2)" }), ["Significant incident"]);
  assert.deepEqual(termForms({ en: "Sub-processor / subcontractor", nl: "Subverwerker / onderaannemer" }), [
    "Sub-processor",
    "subcontractor",
    "Subverwerker",
    "onderaannemer",
  ]);
});

test("terms are found in English and Dutch clause text, with exact offsets", () => {
  const text = "The Supplier restores service within the RTO and uses phishing-resistant MFA for all admins.";
  const found = match(text);
  assert.deepEqual(
    found.map((m) => text.slice(m.from, m.to)),
    ["RTO", "phishing-resistant MFA"],
  );
  assert.deepEqual(ids("De leverancier sluit een verwerkersovereenkomst en levert een SBOM."), ["dpa", "sbom"]);
});

test("the longest term wins, plurals count, and words that merely contain a term do not", () => {
  assert.deepEqual(ids("Phishing-resistant MFA"), ["phishing-resistant-mfa"]);
  assert.deepEqual(ids("All SLAs and exit plans"), ["sla", "exit-plan"]);
  assert.deepEqual(ids("associated socket soc NIS2 obligations"), []);
});
