import { after, afterEach, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import path from "node:path";
import SQLite from "better-sqlite3";
import { WebSocket } from "ws";
import * as encoding from "lib0/encoding";
import { startTestServer, type TestServer } from "../test/testServer";
import { HttpClient } from "../test/httpClient";
import { connectCollab, firstClauseText, sessionCookie, synced, typeInFirstClause, waitFor, type CollabClient } from "../test/collabClient";
import { demoCookies } from "../test/demoLogins";
import { CloseCode } from "../../shared/collaboration/closeCodes";
import { maxMessageBytes } from "./collaborationServer";

let server: TestServer;
let negotiationId: string;
const cookies: Record<string, string> = {};
const clients: CollabClient[] = [];

async function demoNegotiationId(baseUrl: string) {
  const http = new HttpClient(baseUrl);
  await http.logIn("buyer@demo.test", "demo-password");
  const [first] = (await (await http.request("/api/negotiations")).json()) as { id: string }[];
  return first!.id;
}

function join(who: string, base = server.url): CollabClient {
  const client = connectCollab(base, negotiationId, cookies[who]);
  clients.push(client);
  return client;
}

/** Opens a raw socket and resolves with the HTTP status of a refused upgrade, or "open". */
function tryUpgrade(url: string, headers: Record<string, string>): Promise<number | "open"> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.on("open", () => {
      ws.close();
      resolve("open");
    });
    ws.on("error", () => undefined);
  });
}

function rawSocket(cookie: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab/${negotiationId}`, { headers: { Cookie: cookie, Origin: server.url } });
    ws.on("open", () => resolve(ws));
    ws.on("error", reject);
  });
}

const closed = (ws: WebSocket) => new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));

before(async () => {
  server = await startTestServer();
  negotiationId = await demoNegotiationId(server.url);
  Object.assign(cookies, await demoCookies(server.url, ["buyer", "supplier", "advisor", "observer", "outsider"]));
});
// Each test's clients end with it (every y-websocket provider holds a process exit listener).
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
after(async () => {
  await server.stop();
});

describe("co-editing", () => {
  test("buyer and supplier edit the same clause and converge", async () => {
    const buyer = join("buyer");
    const supplier = join("supplier");
    await Promise.all([synced(buyer), synced(supplier)]);
    assert.match(firstClauseText(supplier.fragment), /information security management system/);
    typeInFirstClause(buyer, " [buyer]");
    typeInFirstClause(supplier, " [supplier]");
    await waitFor(
      () =>
        firstClauseText(buyer.fragment) === firstClauseText(supplier.fragment) &&
        firstClauseText(buyer.fragment).includes("[buyer]") &&
        firstClauseText(buyer.fragment).includes("[supplier]"),
      "convergence",
    );
  });

  test("presence shows the server's identity, whatever the client claims", async () => {
    const supplier = join("supplier");
    const buyer = join("buyer");
    await Promise.all([synced(supplier), synced(buyer)]);
    supplier.provider.awareness.setLocalStateField("user", { name: "Bea Buyer (Acme Retail)", role: "buyer" });
    supplier.provider.awareness.setLocalStateField("cursor", null);
    const seen = () => buyer.provider.awareness.getStates().get(supplier.doc.clientID) as { user?: { name: string; role: string } } | undefined;
    await waitFor(() => seen()?.user !== undefined, "supplier's presence at the buyer");
    assert.equal(seen()!.user!.role, "supplier");
    assert.equal(seen()!.user!.name, "Sam Supplier (Nimbus Cloud)");
  });

  test("an observer reads the document, but what it writes reaches no one and is not stored", async () => {
    const observer = join("observer");
    const buyer = join("buyer");
    await Promise.all([synced(observer), synced(buyer)]);
    assert.match(firstClauseText(observer.fragment), /information security/);
    typeInFirstClause(observer, " OBSERVER-WAS-HERE");
    typeInFirstClause(buyer, " after-observer");
    await waitFor(() => firstClauseText(observer.fragment).includes("after-observer"), "buyer's edit reaching the observer");
    assert.ok(!firstClauseText(buyer.fragment).includes("OBSERVER-WAS-HERE"));
    const fresh = join("advisor");
    await synced(fresh);
    assert.ok(!firstClauseText(fresh.fragment).includes("OBSERVER-WAS-HERE"));
    const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
    const rows = db.prepare("select count(*) n from doc_updates u join users on users.id = u.user_id where users.email = 'observer@demo.test'").get() as {
      n: number;
    };
    db.close();
    assert.equal(rows.n, 0);
  });
});

describe("who may connect", () => {
  const url = () => `${server.url.replace("http", "ws")}/collab/${negotiationId}`;

  test("no session cookie: 401 and no socket", async () => {
    assert.equal(await tryUpgrade(url(), { Origin: server.url }), 401);
  });

  test("an outsider, or an unknown negotiation: 404 and no socket", async () => {
    assert.equal(await tryUpgrade(url(), { Origin: server.url, Cookie: cookies.outsider! }), 404);
    assert.equal(await tryUpgrade(`${server.url.replace("http", "ws")}/collab/aaaaaaaaaaaaaaaa`, { Origin: server.url, Cookie: cookies.buyer! }), 404);
  });

  test("another site's page cannot use a member's cookie: 403", async () => {
    assert.equal(await tryUpgrade(url(), { Origin: "https://evil.example", Cookie: cookies.buyer! }), 403);
  });

  test("a member connects", async () => {
    assert.equal(await tryUpgrade(url(), { Origin: server.url, Cookie: cookies.buyer! }), "open");
  });
});

describe("sessions and limits", () => {
  test("logging out closes that session's live connections with 4401, not the member's others", async () => {
    const http = new HttpClient(server.url);
    await http.logIn("supplier@demo.test", "demo-password");
    const leaving = await rawSocket(`session=${http.sessionToken}`);
    const staying = join("supplier");
    await synced(staying);
    const code = closed(leaving);
    assert.equal((await http.request("/logout", { method: "POST" })).status, 302);
    assert.equal(await code, CloseCode.unauthenticated);
    const buyer = join("buyer");
    await synced(buyer);
    typeInFirstClause(buyer, " after-logout");
    await waitFor(() => firstClauseText(staying.fragment).includes("after-logout"), "the other session to stay connected");
  });

  test("a connection that floods the server is closed with 4529", async () => {
    const ws = await rawSocket(cookies.advisor!);
    const code = closed(ws);
    for (let i = 0; i < 1000 && ws.readyState === WebSocket.OPEN; i++) ws.send(Uint8Array.of(3)); // query awareness
    assert.equal(await code, CloseCode.rateLimited);
  });
});

describe("bad input hurts only the sender", () => {
  test("garbage and unknown messages close that one connection with 4400; the room carries on", async () => {
    const buyer = join("buyer");
    const supplier = join("supplier");
    await Promise.all([synced(buyer), synced(supplier)]);
    for (const garbage of [Uint8Array.of(0, 2, 200, 1, 2, 3), Uint8Array.of(9), Uint8Array.of(0, 0, 255, 255, 255, 255, 15), Uint8Array.of(1, 5, 1, 2)]) {
      const ws = await rawSocket(cookies.advisor!);
      const code = closed(ws);
      ws.send(garbage);
      assert.equal(await code, CloseCode.malformedMessage, `closed for ${garbage}`);
    }
    typeInFirstClause(buyer, " still-alive");
    await waitFor(() => firstClauseText(supplier.fragment).includes("still-alive"), "the room to keep working");
    assert.ok(buyer.provider.wsconnected && supplier.provider.wsconnected);
  });

  test("a frame over the size limit is refused and closes only its sender", async () => {
    const buyer = join("buyer");
    const supplier = join("supplier");
    await Promise.all([synced(buyer), synced(supplier)]);
    const ws = await rawSocket(cookies.advisor!);
    const code = closed(ws);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, new Uint8Array(maxMessageBytes + 1));
    ws.send(encoding.toUint8Array(encoder));
    assert.equal(await code, 1009);
    typeInFirstClause(supplier, " after-oversize");
    await waitFor(() => firstClauseText(buyer.fragment).includes("after-oversize"), "the room to keep working");
  });

  test("a client can neither change nor remove another client's presence", async () => {
    const buyer = join("buyer");
    const watcher = join("advisor");
    await Promise.all([synced(buyer), synced(watcher)]);
    // A fresh awareness state has clock 0, which peers ignore; the first real change announces it.
    buyer.provider.awareness.setLocalStateField("cursor", null);
    const buyerSeen = () => watcher.provider.awareness.getStates().get(buyer.doc.clientID) as { user?: { role: string } } | undefined;
    await waitFor(() => buyerSeen()?.user?.role === "buyer", "the buyer's presence");
    const ws = await rawSocket(cookies.supplier!);
    const forge = (state: unknown) => {
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, 1);
      encoding.writeVarUint(update, buyer.doc.clientID);
      encoding.writeVarUint(update, 1_000_000);
      encoding.writeVarString(update, JSON.stringify(state));
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, 1);
      encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
      ws.send(encoding.toUint8Array(message));
    };
    forge({ cursor: null });
    forge(null);
    // A later edit by the buyer proves the room processed the forgeries before it.
    typeInFirstClause(buyer, " after-forgery");
    await waitFor(() => firstClauseText(watcher.fragment).includes("after-forgery"), "the buyer's edit");
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(buyerSeen()?.user?.role, "buyer");
    ws.close();
  });
});

describe("persistence", () => {
  function freePort(): Promise<number> {
    return new Promise((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
  }

  test("SIGTERM and kill -9 keep the content; a client holding edits resends them on reconnect", async () => {
    const port = String(await freePort());
    let own = await startTestServer({ env: { PORT: port } });
    const base = own.url;
    const id = await demoNegotiationId(base);
    const cookie = await sessionCookie(base, "buyer@demo.test");
    const open = () => {
      const c = connectCollab(base, id, cookie);
      clients.push(c);
      return c;
    };

    const writer = open();
    await synced(writer);
    typeInFirstClause(writer, " before-sigterm");
    const reader = open();
    await waitFor(() => reader.provider.synced && firstClauseText(reader.fragment).includes("before-sigterm"), "edit at the server");
    reader.destroy();
    writer.destroy();
    assert.equal(await own.stop("SIGTERM"), 0);
    own = await startTestServer({ dataDir: own.dataDir, env: { PORT: port } });
    const afterTerm = open();
    await synced(afterTerm);
    assert.match(firstClauseText(afterTerm.fragment), /before-sigterm/);

    // Crash right after an edit: whatever the server had not stored, the client still holds.
    typeInFirstClause(afterTerm, " before-crash");
    await own.stop("SIGKILL");
    own = await startTestServer({ dataDir: own.dataDir, env: { PORT: port } });
    await waitFor(() => afterTerm.provider.synced, "the client reconnecting to the restarted server", 20_000);
    const fresh = open();
    await waitFor(
      () => fresh.provider.synced && firstClauseText(fresh.fragment).includes("before-crash"),
      "the crash-time edit at the restarted server",
      20_000,
    );
    afterTerm.destroy();
    fresh.destroy();
    await own.stop();
  });

  test("compaction keeps the content and bounds the stored rows (one per member per 10 minutes)", async () => {
    const writer = join("supplier");
    await synced(writer);
    for (let i = 0; i < 1200; i++) {
      typeInFirstClause(writer, `${i % 10}`);
      if (i % 100 === 99) await new Promise((r) => setTimeout(r, 1100)); // stay under the message rate limit
    }
    const expected = firstClauseText(writer.fragment);
    const reader = join("advisor");
    await waitFor(() => reader.provider.synced && firstClauseText(reader.fragment) === expected, "all 1200 edits at the server", 30_000);
    // Everyone leaves: the room unloads after a few idle seconds, which merges the history.
    for (const c of clients.splice(0)) c.destroy();
    const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
    const rows = () => (db.prepare("select count(*) n from doc_updates where negotiation_id = ?").get(negotiationId) as { n: number }).n;
    await waitFor(() => rows() < 10, "the stored rows to be compacted at unload", 30_000);
    const merged = db.prepare("select coalesce(sum(merged_count), 0) m from doc_updates where negotiation_id = ?").get(negotiationId) as { m: number };
    const snapshot = db.prepare("select through_update_id, content_json from doc_snapshots where negotiation_id = ?").get(negotiationId) as {
      through_update_id: number;
      content_json: string;
    };
    db.close();
    assert.ok(merged.m >= 1200, `every update is still accounted for (${merged.m})`);
    assert.ok(snapshot.through_update_id > 0);
    assert.ok(JSON.parse(snapshot.content_json).type === "doc");
  });
});
