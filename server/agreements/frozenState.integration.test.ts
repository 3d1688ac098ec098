import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, negotiationApi } from "../test/demoLogins";
import { firstClauseText, proposeInFirstClause, syncedDemoClient, waitFor, type CollabClient } from "../test/collabClient";
import { CloseCode } from "../../shared/collaboration/closeCodes";

// changeFrozenState: the live connections follow what the sign-off or the new round committed.
let server: TestServer;
let negotiationId: string;
const as = demoClients(() => server.url);
const clients: CollabClient[] = [];

const post = negotiationApi<{ effective?: boolean }>(as, () => negotiationId);

async function collab(who: string): Promise<CollabClient> {
  const client = await syncedDemoClient(server.url, negotiationId, who);
  clients.push(client);
  return client;
}

before(async () => {
  server = await startTestServer();
  const list = (await (await (await as("buyer")).request("/api/negotiations")).json()) as { id: string }[];
  negotiationId = list[0]!.id;
});
after(async () => {
  for (const c of clients) c.destroy();
  await server.stop();
});

test("an open connection is closed once when the agreement takes effect and once when a round opens, and then edits land", async () => {
  const buyer = await collab("buyer");
  const closes: number[] = [];
  buyer.provider.on("connection-close", (event: { code: number } | null) => closes.push(event?.code ?? 0));

  const { clauses } = (await (await (await as("buyer")).request(`/api/negotiations/${negotiationId}/agreements`)).json()) as {
    clauses: { clauseId: string }[];
  };
  for (const clause of clauses)
    for (const who of ["buyer", "supplier"]) assert.equal((await post(who, "/agreements", { clauseId: clause.clauseId, decision: "agreed" })).status, 200);
  assert.equal((await post("buyer", "/signoff")).json.effective, false);
  // The close frame would come before the answer to the sign-off; a moment later is plenty.
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(closes, [], "one signature changes nobody's rights");
  assert.equal((await post("supplier", "/signoff")).json.effective, true);
  await waitFor(() => closes.length > 0, "the buyer's connection to close");
  assert.deepEqual(closes, [CloseCode.rightsChanged], "the second signature froze the schedule");

  await waitFor(() => buyer.provider.wsconnected && buyer.provider.synced, "the buyer to reconnect");
  assert.equal((await post("supplier", "/rounds")).status, 201);
  await waitFor(() => closes.length > 1, "the buyer's connection to close again");
  assert.deepEqual(closes, [CloseCode.rightsChanged, CloseCode.rightsChanged]);

  await waitFor(() => buyer.provider.wsconnected && buyer.provider.synced, "the buyer to reconnect");
  // Every clause is agreed: the change is a proposal (decision 020).
  proposeInFirstClause(buyer, " Amended in round one.");
  const observer = await collab("observer");
  await waitFor(() => firstClauseText(observer.fragment).endsWith(" Amended in round one."), "the edit to reach the observer");
});
