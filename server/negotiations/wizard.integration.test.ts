import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients } from "../test/demoLogins";
import type { WizardView } from "../../shared/templates/wizardSteps";

let server: TestServer;
const as = demoClients(() => server.url);

before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server.stop();
});

const basics: [string, string][] = [
  ["title", "Wizard over HTTP"],
  ["side", "buyer"],
  ["ourOrg", "Acme Retail"],
  ["counterpartyOrg", "PayFast"],
  ["startKind", "template"],
  ["service", "saas"],
];

/** One post of the wizard's form as the browser sends it; `_data` asks Remix for the action's JSON instead of the page. */
async function post(fields: [string, string][], asJson = true) {
  const client = await as("outsider");
  return client.request(`/negotiations/new${asJson ? "?_data=routes%2Fnegotiations.new" : ""}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

test("a step with a wrong answer is refused (400) at that field, with every answer given kept", async () => {
  const res = await post([["step", "service"], ["intent", "next"], ...basics.filter(([k]) => k !== "title"), ["title", "x"]]);
  assert.equal(res.status, 400);
  const view = (await res.json()) as WizardView;
  assert.deepEqual([view.step, view.errors, view.draft.title, view.draft.ourOrg], ["service", ["title"], "x", "Acme Retail"]);
});

test("without JavaScript the next step comes back as the page itself", async () => {
  const res = await post([["step", "service"], ["intent", "next"], ...basics], false);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /Step 2 of 6: Data/);
  assert.match(html, /<input type="hidden" name="title" value="Wizard over HTTP"\/>/);
});

test("personal data on step 2 makes GDPR apply in the schedule created on step 6, with the reasons kept", async () => {
  const answers: [string, string][] = [...basics, ["data", "personal"], ["criticality", "important"], ["level", "standard"]];
  const review = await post([["step", "level"], ["intent", "next"], ...answers]);
  const view = (await review.json()) as WizardView;
  assert.equal(view.step, "review");
  assert.ok(view.proposal!.regimes.includes("gdpr"));
  const dropped = view.proposal!.clauses[0]!.id;
  const kept = view.proposal!.clauses.slice(1).map((c): [string, string] => ["include", c.id]);
  const created = await post([["step", "review"], ["intent", "create"], ["reviewed", "1"], ...answers, ...kept]);
  assert.equal(created.status, 204);
  const id = created.headers.get("x-remix-redirect")!.split("/").pop()!;
  const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
  const setup = JSON.parse((db.prepare("select setup_json from negotiations where id = ?").get(id) as { setup_json: string }).setup_json);
  db.close();
  assert.ok(setup.context.rules.includes("gdpr"));
  assert.ok(setup.regimes.includes("gdpr"));
  assert.equal(setup.level, "standard");
  assert.ok(setup.clauses.some((c: { reasons: { regime?: string }[] }) => c.reasons.some((r) => r.regime === "gdpr")));
  assert.ok(!setup.clauses.some((c: { requirementId: string }) => c.requirementId === dropped), "the unticked clause is left out");
});

test("a form that is not the wizard's is refused whole", async () => {
  const res = await post([["intent", "drop table"], ...basics]);
  assert.equal(res.status, 400);
  assert.match(((await res.json()) as { error: string }).error, /could not be read/);
});
