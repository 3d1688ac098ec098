// Facts the knowledge base states, as the reference material (../shared/reference) has them (issue #16).
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCatalogue } from "./catalogue";

const catalogue = loadCatalogue();
const requirement = (id: string) => catalogue.requirements.find((r) => r.id === id)!;

test("facts as the reference has them: BIO2 has no BBN levels, only BIO 1.04 had them", () => {
  const bio = requirement("bio");
  for (const text of [bio.summary.en, bio.summary.nl, bio.supplier.en, bio.supplier.nl]) assert.doesNotMatch(text, /BIO2[^.;]*\bBBN/);
  assert.match(bio.summary.en, /BIO 1\.04 had basic security levels \(BBN1–BBN3\), BIO2 has none/);
});
