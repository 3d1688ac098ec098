import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import SQLite from "better-sqlite3";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, negotiationApi } from "../test/demoLogins";
import { waitFor } from "../test/collabClient";
import { pilotNegotiationId } from "../test/pilotNegotiation";

let server: TestServer;
let negotiationId: string;
let clauseIds: string[];
let sqlite: SQLite.Database;
const as = demoClients(() => server.url);
const post = negotiationApi<{ error?: string }>(as, () => negotiationId);
const digestsTo = (email: string) =>
  sqlite.prepare("select subject, body from outbox where to_email = ? and subject like '%unread notification%'").all(email) as {
    subject: string;
    body: string;
  }[];

before(async () => {
  // Due digests are looked for every second; each user gets at most one an hour.
  server = await startTestServer({ env: { DIGEST_CHECK_SECONDS: "1", DIGEST_INTERVAL_MINUTES: "60" } });
  negotiationId = await pilotNegotiationId(server.url);
  sqlite = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
  const { content_json } = sqlite.prepare("select content_json from doc_snapshots where negotiation_id = ?").get(negotiationId) as { content_json: string };
  clauseIds = [...content_json.matchAll(/"type":"clause","attrs":\{"id":"([a-z2-7]+)"/g)].map((m) => m[1]!);
});
after(async () => {
  sqlite.close();
  await server.stop();
});

test("without SMTP_URL a digest of unread notifications goes to the outbox once per interval, and not to whoever turned it off", async () => {
  const off = await (await as("advisor")).request("/settings", { form: { intent: "digest" } });
  assert.equal(off.status, 200);
  assert.equal((await post("supplier", "/agreements", { clauseId: clauseIds[0], decision: "agreed" })).status, 200);

  await waitFor(() => digestsTo("buyer@demo.test").length > 0, "the buyer's digest", 15_000);
  const [digest] = digestsTo("buyer@demo.test");
  assert.match(digest!.subject, /^1 unread notification on Common Ground$/);
  assert.match(digest!.body, /Sam Supplier \(Nimbus Cloud\) in “Backup service pilot[^”]*”: Agreed to clause 1/);
  assert.match(digest!.body, new RegExp(`/negotiations/${negotiationId}\\?clause=${clauseIds[0]}`));

  // Another move within the hour: no second digest, however many checks pass.
  assert.equal((await post("supplier", "/agreements", { clauseId: clauseIds[1], decision: "agreed" })).status, 200);
  await sleep(3_000);
  assert.equal(digestsTo("buyer@demo.test").length, 1);
  assert.equal(digestsTo("advisor@demo.test").length, 0, "the advisor turned digests off");
  assert.equal(digestsTo("supplier@demo.test").length, 0, "the supplier is not told of their own moves");
});
