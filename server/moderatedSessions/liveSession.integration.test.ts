// The live session over the collaboration socket (decision 034), through the real server: pushed
// to everyone connected after each of the moderator's moves, given at once to a late joiner, and
// never taken from a client.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import { WebSocket } from "ws";
import * as encoding from "lib0/encoding";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, demoCookies, negotiationApi } from "../test/demoLogins";
import { pilotNegotiationId } from "../test/pilotNegotiation";
import { sessionFollower, waitFor } from "../test/collabClient";
import { CloseCode } from "../../shared/collaboration/closeCodes";
import { CustomMessage } from "../../shared/collaboration/messages";
import type { SessionView } from "../../shared/moderatedSessions/sessions";

let server: TestServer;
let negotiationId: string;
let clauseIds: string[];
const cookies: Record<string, string> = {};
const open: { destroy(): void }[] = [];
const as = demoClients(() => server.url);
const post = negotiationApi<Record<string, unknown>>(as, () => negotiationId);

before(async () => {
  server = await startTestServer();
  negotiationId = await pilotNegotiationId(server.url);
  const sqlite = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
  const { content_json } = sqlite.prepare("select content_json from doc_snapshots where negotiation_id = ?").get(negotiationId) as { content_json: string };
  sqlite.close();
  clauseIds = [...content_json.matchAll(/"type":"clause","attrs":\{"id":"([a-z2-7]+)"/g)].map((m) => m[1]!);
  Object.assign(cookies, await demoCookies(server.url, ["advisor", "buyer", "supplier"]));
});
after(async () => {
  for (const c of open) c.destroy();
  await server?.stop();
});

async function join(who: string) {
  const follower = await sessionFollower(server.url, negotiationId, cookies[who]);
  open.push(follower.client);
  return follower;
}

test("everyone connected follows the moderator's moves; a late joiner is told at once; the end is told too", async () => {
  const buyer = await join("buyer");
  const planned = await post("advisor", "/sessions", {
    plannedAt: "2026-12-10T09:00:00Z",
    agenda: [
      { kind: "clause", clauseId: clauseIds[0], timeBoxMinutes: 10 },
      { kind: "clause", clauseId: clauseIds[1] },
    ],
  });
  assert.equal(planned.status, 201);
  const id = String(planned.json.id);
  assert.equal((await post("advisor", `/sessions/${id}`, { action: "start" })).status, 200);
  await waitFor(() => buyer.pushed.at(-1)?.item?.number === 1, "the first item at the buyer's");
  const first = buyer.pushed.at(-1)!;
  assert.equal(first.id, id);
  assert.match(first.moderator.name, /Advisor|Ada/i);
  assert.deepEqual([first.item!.clauseId, first.item!.timeBoxMinutes, first.item!.of], [clauseIds[0], 10, 2]);

  assert.equal((await post("advisor", `/sessions/${id}`, { action: "next" })).status, 200);
  await waitFor(() => buyer.pushed.at(-1)?.item?.number === 2, "the second item at the buyer's");
  const second = buyer.pushed.at(-1)!.item!;
  assert.equal(second.clauseId, clauseIds[1]);
  assert.ok(second.since >= first.item!.since, "its clock starts when it became current");

  const supplier = await join("supplier");
  await waitFor(() => supplier.pushed.length > 0, "the greeting");
  assert.equal(supplier.pushed[0]!.item!.id, second.id, "a late joiner is where everyone is");

  const view = (await post("advisor", `/sessions/${id}`, { action: "end", present: [] })).json as unknown as SessionView;
  assert.equal(view.state, "ended");
  await waitFor(() => buyer.pushed.at(-1) === null && supplier.pushed.at(-1) === null, "the end, for both");
});

test("a session message from a client closes its connection: only the server says where a session is", async () => {
  const code = await new Promise<number | "still open">((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab/${negotiationId}`, { headers: { Cookie: cookies.supplier!, Origin: server.url } });
    open.push({ destroy: () => ws.terminate() });
    ws.on("close", (closed) => resolve(closed));
    ws.on("error", reject);
    setTimeout(() => resolve("still open"), 5_000).unref();
    ws.on("open", () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, CustomMessage.session);
      encoding.writeVarString(encoder, JSON.stringify({ session: null }));
      ws.send(encoding.toUint8Array(encoder));
    });
  });
  assert.equal(code, CloseCode.malformedMessage);
});
