import { test } from "node:test";
import assert from "node:assert/strict";
import { translate, type Locale } from "../../../shared/i18n/index";
import { exportFileName } from "./exportFileName";

const doc = (locale: Locale, buyer: string, versionNumber: number | null) => ({
  t: (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(locale, key, params),
  parties: [
    { party: "buyer" as const, org: buyer },
    { party: "supplier" as const, org: "Nimbus Cloud" },
  ],
  versionNumber,
});

test("an export is named in the reader's language after the buyer and the version", () => {
  assert.equal(exportFileName(doc("en", "Acme", 3), "docx"), "Security-schedule-Acme-v3.docx");
  assert.equal(exportFileName(doc("nl", "Acme", 3), "docx"), "Beveiligingsbijlage-Acme-v3.docx");
  assert.equal(exportFileName(doc("nl", "Acme Retail", null), "pdf"), "Beveiligingsbijlage-Acme-Retail-concept.pdf");
  assert.equal(exportFileName(doc("en", "Acme Retail", null), "md"), "Security-schedule-Acme-Retail-draft.md");
});

test("characters no file system takes are replaced, accents stay", () => {
  assert.equal(exportFileName(doc("nl", 'Zorg/Groep: "Noord" <Café>', 1), "md"), "Beveiligingsbijlage-Zorg-Groep-Noord-Café-v1.md");
});
