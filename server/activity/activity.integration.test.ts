import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import * as decoding from "lib0/decoding";
import { WebSocket } from "ws";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, negotiationApi } from "../test/demoLogins";
import { waitFor } from "../test/collabClient";
import { pilotNegotiationId } from "../test/pilotNegotiation";
import { CustomMessage } from "../../shared/collaboration/messages";
import { mentionToken } from "../../shared/mentions";
import type { NotificationView } from "../../shared/notificationView";
import type { ActivityEntry } from "../../shared/activity";

let server: TestServer;
let negotiationId: string;
let clauseIds: string[];
const as = demoClients(() => server.url);
const post = negotiationApi<{ error?: string }>(as, () => negotiationId);
const pushed: Record<string, number[]> = {};
const sockets: WebSocket[] = [];

function readDb<T>(query: string, ...params: unknown[]): T[] {
  const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
  try {
    return db.prepare(query).all(...params) as T[];
  } finally {
    db.close();
  }
}

const userId = (who: string) => readDb<{ id: string }>("select id from users where email = ?", `${who}@demo.test`)[0]!.id;

async function bell(who: string): Promise<{ unread: number; latest: NotificationView[] }> {
  const res = await (await as(who)).request("/api/notifications");
  assert.equal(res.status, 200);
  return (await res.json()) as { unread: number; latest: NotificationView[] };
}

async function ofThisNegotiation(who: string): Promise<NotificationView[]> {
  return (await bell(who)).latest.filter((n) => n.unread && n.link.startsWith(`/negotiations/${negotiationId}`));
}

async function readAll(who: string) {
  const res = await (await as(who)).request("/api/notifications/read", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  assert.equal(res.status, 200);
}

/** A member's live socket, counting the notification pushes it gets. */
async function listen(who: string) {
  pushed[who] = [];
  const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab/${negotiationId}`, {
    headers: { Cookie: `session=${(await as(who)).sessionToken}`, Origin: server.url },
  });
  ws.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    if (type === CustomMessage.notification || type === CustomMessage.activity) pushed[who]!.push(type);
  });
  await new Promise((resolve) => ws.on("open", resolve));
  sockets.push(ws);
}

before(async () => {
  server = await startTestServer();
  negotiationId = await pilotNegotiationId(server.url);
  const [{ content_json }] = readDb<{ content_json: string }>("select content_json from doc_snapshots where negotiation_id = ?", negotiationId);
  clauseIds = [...content_json.matchAll(/"type":"clause","attrs":\{"id":"([a-z2-7]+)"/g)].map((m) => m[1]!);
  for (const who of ["buyer", "supplier", "advisor", "observer"]) {
    await listen(who);
    await readAll(who);
  }
});
after(async () => {
  for (const ws of sockets) ws.close();
  await server.stop();
});

describe("activity and notifications", () => {
  test("a supplier's agreement notifies the buyer, live, and not the supplier", async () => {
    const agreed = await post("supplier", "/agreements", { clauseId: clauseIds[0], decision: "agreed" });
    assert.equal(agreed.status, 200, agreed.json.error);
    const buyer = await ofThisNegotiation("buyer");
    assert.equal(buyer.length, 1);
    assert.match(buyer[0]!.headline, /Sam Supplier/);
    assert.match(buyer[0]!.what, /Agreed to clause 1/);
    assert.equal(buyer[0]!.link, `/negotiations/${negotiationId}?clause=${clauseIds[0]}`);
    assert.equal((await bell("buyer")).unread, 1);
    assert.deepEqual(await ofThisNegotiation("supplier"), []);
    await waitFor(() => pushed.buyer!.includes(CustomMessage.notification), "the buyer's socket is told");
    await waitFor(() => pushed.supplier!.includes(CustomMessage.activity), "the supplier's activity refreshes");
    assert.ok(!pushed.supplier!.includes(CustomMessage.notification), "the supplier's bell stays as it was");

    const dashboard = (await (await (await as("supplier")).request("/dashboard")).text()).replace(/<!-- -->/g, "");
    assert.match(
      dashboard,
      /Waiting for you<\/dt><dd>3 clauses need your party&#x27;s agreement<\/dd><dt>Waiting for them<\/dt><dd>4 clauses need their agreement/,
      "the supplier's agreement waits for the buyer",
    );
    assert.doesNotMatch(await (await (await as("observer")).request("/dashboard")).text(), /Waiting for/, "only the parties wait");

    const activity = (await (await (await as("observer")).request(`/api/negotiations/${negotiationId}/activity`)).json()) as ActivityEntry[];
    assert.equal(activity[0]!.action, "clause.agreed");
    assert.equal(activity[0]!.actor, "Sam Supplier (Nimbus Cloud)");
  });

  test("marking read is a POST; the bell's GET changes nothing", async () => {
    const [first] = await ofThisNegotiation("buyer");
    assert.equal((await bell("buyer")).unread, 1, "reading the list twice leaves it unread");
    const res = await (
      await as("buyer")
    ).request("/api/notifications/read", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ids: [first!.id] }) });
    assert.equal(res.status, 200);
    assert.equal((await bell("buyer")).unread, 0);
    const bad = await (
      await as("buyer")
    ).request("/api/notifications/read", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ ids: ["x"] }) });
    assert.equal(bad.status, 400);
  });

  test("an internal note never reaches the other party: no notification, no activity", async () => {
    const note = await post("supplier", "/threads", { clauseId: clauseIds[1], visibility: "internal", body: "Our floor is **48 hours**" });
    assert.equal(note.status, 201);
    const shared = await post("supplier", "/threads", { clauseId: clauseIds[1], visibility: "shared", body: "Could we say **48 hours**?" });
    assert.equal(shared.status, 201);
    const buyer = await ofThisNegotiation("buyer");
    assert.equal(buyer.length, 1, "only the shared comment");
    assert.equal(buyer[0]!.excerpt, "Could we say 48 hours?", "the preview is plain text");
    assert.match(buyer[0]!.link, /\?clause=[a-z2-7]+&thread=[a-z2-7]+$/);
    const activity = (await (await (await as("buyer")).request(`/api/negotiations/${negotiationId}/activity`)).json()) as ActivityEntry[];
    assert.ok(!activity.some((a) => a.excerpt?.includes("floor")));
    assert.deepEqual(await ofThisNegotiation("supplier"), [], "and the supplier is not told of their own comments");
  });

  test("a mention by id notifies exactly that member; a name alone notifies nobody; an internal note cannot name the other side", async () => {
    for (const who of ["buyer", "supplier", "advisor", "observer"]) await readAll(who);
    const advisorId = userId("advisor");
    const body = `${mentionToken("Ada Advisor", advisorId)} what do you think? @Sam Supplier (Nimbus Cloud)`;
    const mentioned = await post("buyer", "/threads", { clauseId: clauseIds[2], visibility: "shared", body });
    assert.equal(mentioned.status, 201);
    const mentions = readDb<{ user_id: string }>("select user_id from notifications where kind = 'mention'");
    assert.deepEqual(
      mentions.map((m) => m.user_id),
      [advisorId],
    );
    const advisor = await ofThisNegotiation("advisor");
    assert.equal(advisor.length, 1, "the mention, not also the comment");
    assert.match(advisor[0]!.headline, /mentioned you/);
    assert.match(advisor[0]!.excerpt!, /^@Ada Advisor what do you think\?/);
    const supplier = await ofThisNegotiation("supplier");
    assert.equal(supplier.length, 1);
    assert.doesNotMatch(supplier[0]!.headline, /mentioned you/, "the supplier hears of the comment, not of a mention");

    const refused = await post("buyer", "/threads", { clauseId: clauseIds[2], visibility: "internal", body: `${mentionToken("Sam", userId("supplier"))} hm` });
    assert.equal(refused.status, 400);
    assert.match(refused.json.error!, /cannot see this thread/);
  });

  test("a removed member sees nothing new, and nothing old", async () => {
    const removed = await (await as("buyer")).request(`/negotiations/${negotiationId}/members`, { form: { intent: "remove", userId: userId("observer") } });
    assert.ok(removed.status < 400, `removal answered ${removed.status}`);
    assert.equal((await post("supplier", "/agreements", { clauseId: clauseIds[1], decision: "agreed" })).status, 200);
    assert.deepEqual(await ofThisNegotiation("observer"), []);
    assert.equal((await (await as("observer")).request(`/api/negotiations/${negotiationId}/activity`)).status, 404);
  });
});
