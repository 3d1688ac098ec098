import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import * as Y from "yjs";
import type { WebSocket } from "ws";
import { listenForThreads } from "../test/threadPushes";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, negotiationApi } from "../test/demoLogins";
import { HttpClient } from "../test/httpClient";
import { connectCollab, sessionCookie, synced, waitFor } from "../test/collabClient";
import type { ThreadView } from "../../shared/threads";
import { mentionToken } from "../../shared/mentions";

let server: TestServer;
let negotiationId: string;
let clauseIds: string[];
const as = demoClients(() => server.url);
const pushes: Record<string, ThreadView[]> = {};
const sockets: WebSocket[] = [];

const post = negotiationApi<{ thread?: ThreadView; error?: string }>(as, () => negotiationId);

async function visible(who: string): Promise<ThreadView[]> {
  return (await (await as(who)).request(`/api/negotiations/${negotiationId}/threads`)).json() as Promise<ThreadView[]>;
}

/** A member's live socket, recording every thread the server pushes to it. */
async function listen(who: string) {
  pushes[who] = [];
  const ws = await listenForThreads(server.url, negotiationId, await as(who), pushes[who]);
  sockets.push(ws);
}

before(async () => {
  server = await startTestServer();
  const list = (await (await (await as("buyer")).request("/api/negotiations")).json()) as { id: string }[];
  negotiationId = list[0]!.id;
  const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
  const { content_json } = db.prepare("select content_json from doc_snapshots where negotiation_id = ?").get(negotiationId) as { content_json: string };
  db.close();
  clauseIds = [...content_json.matchAll(/"type":"clause","attrs":\{"id":"([a-z2-7]+)"/g)].map((m) => m[1]!);
  for (const who of ["buyer", "supplier", "advisor", "observer"]) await listen(who);
});
after(async () => {
  for (const ws of sockets) ws.close();
  await server.stop();
});

describe("visibility", () => {
  test("an internal buyer thread reaches the buyer only: not the supplier, advisor or observer, by any route or push", async () => {
    const created = await post("buyer", "/threads", { clauseId: clauseIds[1], visibility: "internal", body: "Our floor: 24 hours, no less." });
    assert.equal(created.status, 201);
    const thread = created.json.thread!;
    assert.equal(thread.party, "buyer");
    const shared = await post("supplier", "/threads", { clauseId: clauseIds[1], visibility: "shared", body: "Can we discuss 72 hours?" });
    assert.equal(shared.status, 201);
    await waitFor(
      () => ["buyer", "supplier", "advisor", "observer"].every((w) => pushes[w]!.some((t) => t.id === shared.json.thread!.id)),
      "the shared thread pushed to all",
    );
    assert.ok(
      pushes.buyer!.some((t) => t.id === thread.id),
      "the buyer's own socket gets the internal thread",
    );
    for (const who of ["supplier", "advisor", "observer"]) {
      assert.ok(!pushes[who]!.some((t) => t.id === thread.id), `${who} gets no push of it`);
      const list = await visible(who);
      assert.ok(!list.some((t) => t.id === thread.id), `${who} does not list it`);
      assert.ok(
        list.some((t) => t.id === shared.json.thread!.id),
        `${who} lists the shared one`,
      );
    }
    for (const body of [{ action: "reply", body: "peek" }, { action: "resolve" }]) {
      const res = await post("supplier", `/threads/${thread.id}`, body);
      assert.equal(res.status, 404, `supplier ${body.action} on the buyer's internal thread`);
    }
    const commentId = thread.comments[0]!.id;
    assert.equal((await post("supplier", `/comments/${commentId}`, { action: "delete" })).status, 404);
    assert.ok((await visible("buyer")).some((t) => t.id === thread.id));
  });

  test("advisors cannot keep internal notes and observers cannot comment", async () => {
    assert.equal((await post("advisor", "/threads", { clauseId: clauseIds[0], visibility: "internal", body: "x" })).status, 403);
    assert.equal((await post("observer", "/threads", { clauseId: clauseIds[0], visibility: "shared", body: "x" })).status, 403);
    assert.equal((await post("advisor", "/threads", { clauseId: clauseIds[0], visibility: "shared", body: "Moderator note" })).status, 201);
  });

  test("non-members and anonymous callers get 404 and 401", async () => {
    const outsider = new HttpClient(server.url);
    await outsider.logIn("outsider@demo.test", "demo-password");
    assert.equal((await outsider.request(`/api/negotiations/${negotiationId}/threads`)).status, 404);
    assert.equal((await new HttpClient(server.url).request(`/api/negotiations/${negotiationId}/threads`)).status, 401);
  });
});

describe("authorship", () => {
  test("the server sets author and time; fields a client adds are ignored", async () => {
    const before = Date.now();
    const res = await post("supplier", "/threads", {
      clauseId: clauseIds[2],
      visibility: "shared",
      body: "Signed, the buyer",
      author: { id: "someone-else", name: "Bea Buyer" },
      createdAt: 0,
    });
    assert.equal(res.status, 201);
    const comment = res.json.thread!.comments[0]!;
    assert.equal(comment.author.name, "Sam Supplier (Nimbus Cloud)");
    assert.equal(comment.author.role, "supplier");
    assert.ok(comment.createdAt >= before);
  });

  test("only the author edits or deletes a comment; a deleted one stays as 'comment deleted'", async () => {
    const { json } = await post("buyer", "/threads", { clauseId: clauseIds[3], visibility: "shared", body: "First version" });
    const thread = json.thread!;
    const commentId = thread.comments[0]!.id;
    assert.equal((await post("supplier", `/comments/${commentId}`, { action: "edit", body: "Forged" })).status, 403);
    const edited = await post("buyer", `/comments/${commentId}`, { action: "edit", body: "Second version" });
    assert.equal(edited.json.thread!.comments[0]!.body, "Second version");
    assert.ok(edited.json.thread!.comments[0]!.editedAt);
    await post("supplier", `/threads/${thread.id}`, { action: "reply", body: "Reply stays" });
    const deleted = await post("buyer", `/comments/${commentId}`, { action: "delete" });
    assert.deepEqual(
      deleted.json.thread!.comments.map((c) => c.body),
      [null, "Reply stays"],
    );
  });

  test("a comment over 10,000 characters is refused with 400", async () => {
    const res = await post("buyer", "/threads", { clauseId: clauseIds[0], visibility: "shared", body: "x".repeat(10_001) });
    assert.equal(res.status, 400);
  });

  test("resolve and reopen record who did it", async () => {
    const { json } = await post("buyer", "/threads", { clauseId: clauseIds[4], visibility: "shared", body: "Is 8 hours RTO realistic?" });
    const resolved = await post("advisor", `/threads/${json.thread!.id}`, { action: "resolve" });
    assert.equal(resolved.json.thread!.resolved!.by, "Ada Advisor (sector body)");
    const reopened = await post("supplier", `/threads/${json.thread!.id}`, { action: "reopen" });
    assert.equal(reopened.json.thread!.resolved, null);
  });
});

describe("mentions", () => {
  test("a mention by id notifies a member who can see the thread; naming someone who cannot is refused", async () => {
    const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
    const supplierId = (db.prepare("select id from users where email = 'supplier@demo.test'").get() as { id: string }).id;
    const sam = mentionToken("Sam Supplier (Nimbus Cloud)", supplierId);
    assert.equal((await post("buyer", "/threads", { clauseId: clauseIds[5], visibility: "shared", body: `${sam} can you confirm?` })).status, 201);
    assert.equal((await post("buyer", "/threads", { clauseId: clauseIds[5], visibility: "internal", body: `Do not tell ${sam} yet` })).status, 400);
    const rows = db
      .prepare(
        "select t.visibility from notifications n join threads t on t.id = n.thread_id join users u on u.id = n.user_id where u.email = 'supplier@demo.test' and n.kind = 'mention'",
      )
      .all() as { visibility: string }[];
    db.close();
    assert.deepEqual(
      rows.map((r) => r.visibility),
      ["shared"],
    );
  });

  test("the mentioned member finds it in notifications and on the dashboard until they read it", async () => {
    const supplier = await as("supplier");
    const list = await (await supplier.request("/notifications")).text();
    assert.match(list, /Bea Buyer \(Acme Retail\) mentioned you in/);
    assert.match(list, /can you confirm\?/);
    assert.doesNotMatch(list, /Do not tell/);
    const unread = Number((await (await supplier.request("/dashboard")).text()).match(/(\d+) new notifications?\b/)![1]);
    const link = list.match(/href="(\/negotiations\/[a-z2-7]+\?clause=[a-z2-7]+)&amp;thread=[a-z2-7]+"/)![1]!;
    assert.equal((await supplier.request(link)).status, 200);
    // The opened page marks the clause's mentions read with a POST; the GET itself changes nothing.
    const [, negotiation, clause] = link.match(/\/negotiations\/([a-z2-7]+)\?clause=([a-z2-7]+)/)!;
    assert.match(await (await supplier.request("/dashboard")).text(), new RegExp(`${unread} new notifications?\\b`), "the GET changed nothing");
    const read = await supplier.request(`/api/negotiations/${negotiation}/notifications/read`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ clauseId: clause }),
    });
    assert.equal(read.status, 200);
    const after = (await (await supplier.request("/dashboard")).text()).match(/(\d+) new notifications?\b/);
    assert.ok(Number(after?.[1] ?? 0) < unread, "the clause's mention and activity are read");
  });

  test("editing a comment to name someone new notifies them once; whom it named before hears nothing again", async () => {
    const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
    const idOf = (email: string) => (db.prepare("select id from users where email = ?").get(email) as { id: string }).id;
    const mentions = (email: string, commentId: string) =>
      (
        db.prepare("select count(*) as n from notifications where user_id = ? and comment_id = ? and kind = 'mention'").get(idOf(email), commentId) as {
          n: number;
        }
      ).n;
    const sam = mentionToken("Sam Supplier (Nimbus Cloud)", idOf("supplier@demo.test"));
    const ada = mentionToken("Ada Advisor", idOf("advisor@demo.test"));
    const { json } = await post("buyer", "/threads", { clauseId: clauseIds[7], visibility: "shared", body: `${sam} please look` });
    const commentId = json.thread!.comments[0]!.id;
    assert.equal(mentions("supplier@demo.test", commentId), 1);
    assert.equal(mentions("advisor@demo.test", commentId), 0);
    assert.equal((await post("buyer", `/comments/${commentId}`, { action: "edit", body: `${sam} and ${ada} please look` })).status, 200);
    assert.equal(mentions("advisor@demo.test", commentId), 1, "the newly named member is told");
    assert.equal(mentions("supplier@demo.test", commentId), 1, "the member named before is not told twice");
    assert.equal((await post("buyer", `/comments/${commentId}`, { action: "edit", body: `${sam} and ${ada}, please look` })).status, 200);
    assert.equal(mentions("advisor@demo.test", commentId), 1);
    db.close();
  });
});

describe("deleted clauses", () => {
  test("a thread outlives its clause and can be re-attached to another", async () => {
    const { json } = await post("supplier", "/threads", { clauseId: clauseIds[6], visibility: "shared", body: "About this clause" });
    const editor = connectCollab(server.url, negotiationId, await sessionCookie(server.url, "buyer@demo.test"));
    await synced(editor);
    editor.doc.transact(() => {
      for (const section of editor.fragment.toArray() as Y.XmlElement[]) {
        const index = section.toArray().findIndex((n) => n instanceof Y.XmlElement && n.getAttribute("id") === clauseIds[6]);
        if (index >= 0) section.delete(index, 1);
      }
    });
    const check = connectCollab(server.url, negotiationId, await sessionCookie(server.url, "advisor@demo.test"));
    await waitFor(() => check.provider.synced && !check.fragment.toString().includes(clauseIds[6]!), "the clause deletion at the server");
    const still = (await visible("supplier")).find((t) => t.id === json.thread!.id);
    assert.equal(still?.clauseId, clauseIds[6], "the thread is kept, pointing at the removed clause");
    const moved = await post("supplier", `/threads/${json.thread!.id}`, { action: "reattach", clauseId: clauseIds[7] });
    assert.equal(moved.json.thread!.clauseId, clauseIds[7]);
    editor.destroy();
    check.destroy();
  });
});
