import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import { WebSocket } from "ws";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, demoCookies } from "../test/demoLogins";
import { connectCollab, synced, waitFor, type CollabClient } from "../test/collabClient";
import { CloseCode } from "../../shared/collaboration/closeCodes";
import { scheduleFragmentName } from "../../shared/editor/schema";
import { scheduleFromYjs } from "../../shared/editor/scheduleFromYjs";

// The cases of issue #11 that are about the document as a whole: what a hostile member's update
// does to everyone else's pages, legacy documents that are already broken, and reads that must
// never write. (Update-by-update refusals are in schemaGuard.property.integration.test.ts.)
let server: TestServer;
let pilotId: string;
let saasId: string;
const cookies: Record<string, string> = {};
const open: { destroy(): void }[] = [];
const as = demoClients(() => server.url);

before(async () => {
  server = await startTestServer({ env: { MAX_SCHEDULE_BYTES: String(1024 * 1024) } });
  const list = (await (await (await as("buyer")).request("/api/negotiations")).json()) as { id: string; title: string }[];
  pilotId = list.find((n) => /pilot/i.test(n.title))!.id;
  saasId = list.find((n) => !/pilot/i.test(n.title))!.id;
  Object.assign(cookies, await demoCookies(server.url, ["buyer", "supplier", "observer"]));
});
after(async () => {
  for (const c of open) c.destroy();
  await server.stop();
});

function join(who: string, negotiationId: string): CollabClient {
  const client = connectCollab(server.url, negotiationId, cookies[who]);
  open.push(client);
  return client;
}

/** A socket of a member's own, speaking the protocol by hand; collects what the server sends. */
function hostileSocket(who: string, negotiationId: string): Promise<{ ws: WebSocket; received: Uint8Array[]; closed: Promise<number | "still open"> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab/${negotiationId}`, { headers: { Cookie: cookies[who]!, Origin: server.url } });
    const received: Uint8Array[] = [];
    // Bounded, so that a server that keeps a hostile socket open fails the test instead of hanging it.
    const closed = new Promise<number | "still open">((r) => {
      ws.on("close", (code) => r(code));
      setTimeout(() => r("still open"), 15_000).unref();
    });
    ws.on("message", (data: Buffer) => received.push(new Uint8Array(data)));
    ws.on("open", () => resolve({ ws, received, closed }));
    ws.on("error", reject);
    open.push({ destroy: () => ws.terminate() });
  });
}

const updateMessage = (update: Uint8Array) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
};

/** The update that `change` makes on a copy of `client`'s document (the client's own stays clean). */
function craft(client: CollabClient, change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
  const before = Y.encodeStateVector(copy);
  copy.transact(() => change(copy.getXmlFragment(scheduleFragmentName)));
  return Y.encodeStateAsUpdate(copy, before);
}

const docUpdateRows = (negotiationId: string) => {
  const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
  const { n } = db.prepare("select count(*) n from doc_updates where negotiation_id = ?").get(negotiationId) as { n: number };
  db.close();
  return n;
};

test("poisoned structure is refused with 4422 and breaks nobody's pages", async () => {
  const supplier = join("supplier", saasId);
  await synced(supplier);
  const before = Y.encodeStateVector(supplier.doc);
  const hostile = await hostileSocket("buyer", saasId);
  hostile.ws.send(updateMessage(craft(supplier, (f) => f.insert(0, [new Y.XmlText("poison")]))));
  assert.equal(await hostile.closed, CloseCode.updateRefused);

  const second = await hostileSocket("buyer", saasId);
  const firstClause = (f: Y.XmlFragment) =>
    (f.get(0) as Y.XmlElement).toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === "clause") as Y.XmlElement;
  second.ws.send(updateMessage(craft(supplier, (f) => firstClause(f).setAttribute("id", new Y.XmlText("x") as unknown as string))));
  assert.equal(await second.closed, CloseCode.updateRefused);

  assert.deepEqual(Y.encodeStateVector(supplier.doc), before, "nothing reached the other member");
  scheduleFromYjs(supplier.fragment);
  const buyer = await as("buyer");
  assert.equal((await buyer.request("/dashboard")).status, 200);
  const agreements = await buyer.request(`/api/negotiations/${saasId}/agreements`);
  assert.equal(agreements.status, 200);
  const { clauses } = (await agreements.json()) as { clauses: { clauseId: unknown }[] };
  assert.ok(clauses.every((c) => typeof c.clauseId === "string"));
  assert.equal((await buyer.request(`/negotiations/${saasId}/versions/current/export?format=md`)).status, 200);
});

test("a change under ids the server already has, naming another place, is refused with 4422", async () => {
  const supplier = join("supplier", saasId);
  await synced(supplier);
  // Two copies that write as one Yjs client: the second reuses the ids the first already sent.
  const copyAs = (clientID: number) => {
    const copy = new Y.Doc();
    copy.clientID = clientID;
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(supplier.doc));
    return copy;
  };
  const change = (doc: Y.Doc, edit: (clause: Y.XmlElement) => void) => {
    const before = Y.encodeStateVector(doc);
    const section = doc.getXmlFragment(scheduleFragmentName).get(0) as Y.XmlElement;
    doc.transact(() => edit(section.toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === "clause") as Y.XmlElement));
    return Y.encodeStateAsUpdate(doc, before);
  };
  const [first, second] = [copyAs(2_024_111), copyAs(2_024_111)];
  const hostile = await hostileSocket("buyer", saasId);
  hostile.ws.send(updateMessage(change(first, (clause) => clause.setAttribute("requirement", "access-control"))));
  const supplierClause = () =>
    (supplier.fragment.get(0) as Y.XmlElement).toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === "clause") as Y.XmlElement;
  await waitFor(() => supplierClause().getAttribute("requirement") === "access-control", "the first, valid change");
  hostile.ws.send(updateMessage(change(second, (clause) => ((clause.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, "Hostile!"))));
  assert.equal(await hostile.closed, CloseCode.updateRefused);

  const reader = join("observer", saasId);
  await synced(reader);
  for (const fragment of [supplier.fragment, reader.fragment]) {
    scheduleFromYjs(fragment);
    assert.ok(!fragment.toString().includes("Hostile!"));
  }
});

test("an update whose dependencies are missing is never kept: the server asks for them, and closes a sender that keeps at it", async () => {
  const supplier = join("supplier", pilotId);
  await synced(supplier);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(supplier.doc));
  const text = (((copy.getXmlFragment(scheduleFragmentName).get(0) as Y.XmlElement).get(1) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlText;
  text.insert(0, "first ");
  const afterFirst = Y.encodeStateVector(copy);
  const hostile = await hostileSocket("buyer", pilotId);
  const rows = docUpdateRows(pilotId);
  for (let i = 1; i <= 9; i++) {
    text.insert(0, `orphan ${i} `);
    hostile.ws.send(updateMessage(Y.encodeStateAsUpdate(copy, afterFirst)));
  }
  assert.equal(await hostile.closed, CloseCode.malformedMessage);
  // Each dropped update was answered with a sync step 1: "send me what I lack".
  const steps1 = hostile.received.filter((m) => {
    const d = decoding.createDecoder(m);
    return decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === syncProtocol.messageYjsSyncStep1;
  });
  assert.ok(steps1.length >= 8, `the server asked for the missing changes (${steps1.length} requests)`);
  await new Promise((r) => setTimeout(r, 200)); // past a group commit
  assert.equal(docUpdateRows(pilotId), rows, "nothing stored");
  assert.ok(!supplier.fragment.toString().includes("orphan"), "nothing relayed");
});

test("a schedule cannot grow past MAX_SCHEDULE_BYTES: 4413, and nothing of it is kept", async () => {
  const supplier = join("supplier", pilotId);
  await synced(supplier);
  const hostile = await hostileSocket("buyer", pilotId);
  const huge = craft(supplier, (f) =>
    (((f.get(0) as Y.XmlElement).get(1) as Y.XmlElement).get(1) as Y.XmlElement).insert(0, [new Y.XmlText("x".repeat(1_200_000))]),
  );
  hostile.ws.send(updateMessage(huge));
  assert.equal(await hostile.closed, CloseCode.documentTooLarge);
  assert.ok(supplier.fragment.toString().length < 1_000_000);
});

test("a document stored broken before the checks reads without being written, and is repaired when its room opens", async () => {
  // Write a broken update straight into the store while nobody has the negotiation open.
  const reader = join("supplier", pilotId);
  await synced(reader);
  const poison = craft(reader, (f) => f.insert(0, [new Y.XmlText("stored before the checks")]));
  reader.destroy();
  for (const c of open) c.destroy();
  await new Promise((r) => setTimeout(r, 6500)); // the room unloads 5 s after the last one leaves
  const db = new SQLite(path.join(server.dataDir, "app.db"));
  db.prepare("insert into doc_updates (negotiation_id, data, user_id, created_at) values (?, ?, null, ?)").run(pilotId, poison, Date.now());
  db.close();

  const rows = docUpdateRows(pilotId);
  const buyer = await as("buyer");
  for (const url of [
    "/dashboard",
    `/api/negotiations/${pilotId}/agreements`,
    `/negotiations/${pilotId}/agreement`,
    `/negotiations/${pilotId}/versions/current/export?format=md`,
    `/api/negotiations/${pilotId}/changes`,
  ]) {
    assert.equal((await buyer.request(url)).status, 200, url);
  }
  assert.equal(docUpdateRows(pilotId), rows, "reading wrote nothing");

  const editor = join("supplier", pilotId);
  await synced(editor);
  await waitFor(() => !editor.fragment.toString().includes("stored before the checks"), "the repaired document");
  scheduleFromYjs(editor.fragment);
});

test("a member cannot reconnect without end: past COLLAB_CONNECTS_PER_MINUTE, new connections get 429", async () => {
  const statuses: (number | "open")[] = [];
  for (let i = 0; i < 65; i++) {
    statuses.push(
      await new Promise<number | "open">((resolve) => {
        const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab/${pilotId}`, { headers: { Cookie: cookies.observer!, Origin: server.url } });
        ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        ws.on("open", () => (ws.close(), resolve("open")));
        ws.on("error", () => undefined);
      }),
    );
  }
  const opened = statuses.filter((s) => s === "open").length;
  assert.ok(opened >= 55 && opened <= 61, `about a minute's budget (60) opened: ${opened}`);
  assert.equal(statuses.at(-1), 429);
  const other = join("supplier", pilotId);
  await synced(other); // someone else is not affected
});
