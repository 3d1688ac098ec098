import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalogue } from "./catalogue";
import { suggestRequirement } from "./suggestRequirement";

const catalogue = loadCatalogue();
const suggest = (heading: string, body: string) => suggestRequirement(catalogue, heading, body);

test("a clause's heading and text point to the requirement it implements, in either language", () => {
  assert.equal(suggest("Encryption", "The Supplier shall encrypt Buyer Data in transit using TLS 1.2 or higher.")?.requirementId, "encryption-in-transit");
  assert.equal(suggest("Backup and recovery", "The Supplier shall make backups daily and test restores.")?.requirementId, "backup-management");
  assert.equal(
    suggest("Incident notification", "The Supplier notifies the Buyer of security incidents within 24 hours.")?.requirementId,
    "incident-notification",
  );
  assert.equal(suggest("Meervoudige authenticatie", "Beheerders loggen in met een tweede factor.")?.requirementId, "multi-factor-authentication");
});

test("the confidence is between 0 and 1, higher for a heading that names the requirement", () => {
  const named = suggest("Incident notification", "")!;
  const vague = suggest("Reporting", "Security incidents are notified to the Buyer.");
  assert.ok(named.confidence > 0 && named.confidence <= 1);
  assert.ok(!vague || vague.confidence < named.confidence);
});

test("a clause about nothing in the catalogue gets no suggestion, and the same text always gets the same answer", () => {
  assert.equal(suggest("Lunch arrangements", "Sandwiches are served at noon on Fridays."), null);
  const text = ["Logging and monitoring", "Security events are logged and the logs are kept for one year."] as const;
  assert.deepEqual(suggest(...text), suggest(...text));
});
