import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCatalogue } from "../../shared/knowledge/catalogue";
import { buildScheduleDoc } from "../../shared/editor/scheduleTemplate";
import { numberClauses } from "../../shared/editor/numbering";
import { saasDemoSchedule } from "./saasSchedule";

test("the demo schedule is realistic: at least 6 sections and 20 clauses, each linked to a real requirement", () => {
  const doc = buildScheduleDoc(saasDemoSchedule);
  const clauses = numberClauses(doc);
  assert.ok(doc.childCount >= 6);
  assert.ok(clauses.length >= 20, `${clauses.length} clauses`);
  assert.equal(clauses[0]!.number, "1.1");
  const known = new Set(loadCatalogue().requirements.map((r) => r.id));
  for (const c of clauses) if (c.requirement) assert.ok(known.has(c.requirement), `${c.number} links to unknown requirement ${c.requirement}`);
  assert.equal(new Set(clauses.map((c) => c.id)).size, clauses.length, "clause ids are unique");
});

test("the pilot demo links each of its three clauses to a real requirement", async () => {
  const { pilotDemoSchedule } = await import("./pilotSchedule");
  const clauses = numberClauses(buildScheduleDoc(pilotDemoSchedule));
  const known = new Set(loadCatalogue().requirements.map((r) => r.id));
  assert.equal(clauses.length, 3);
  for (const c of clauses) assert.ok(c.requirement && known.has(c.requirement), `${c.number} links to ${c.requirement}`);
});
