// Issue #14 at the Yjs level, through the real server: in propose mode the server holds the line
// for every update, proposals are recorded for their author, decisions are the server's own edits
// that everyone receives, and agreed text is protected in either mode.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import { WebSocket } from "ws";
import * as Y from "yjs";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, demoCookies, negotiationApi } from "../test/demoLogins";
import { connectCollab, synced, waitFor, type CollabClient } from "../test/collabClient";
import { seededRandom } from "../test/seededRandom";
import { CloseCode } from "../../shared/collaboration/closeCodes";
import { scheduleFragmentName } from "../../shared/editor/schema";
import type { ProposalView } from "../../shared/proposals/proposals";

let server: TestServer;
let negotiationId: string;
const cookies: Record<string, string> = {};
const open: { destroy(): void }[] = [];
const as = demoClients(() => server.url);
const api = negotiationApi<Record<string, unknown>>(as, () => negotiationId);
const random = seededRandom(14);

before(async () => {
  server = await startTestServer();
  const list = (await (await (await as("buyer")).request("/api/negotiations")).json()) as { id: string; title: string }[];
  negotiationId = list.find((n) => !/pilot/i.test(n.title))!.id;
  Object.assign(cookies, await demoCookies(server.url, ["buyer", "supplier", "advisor", "observer"]));
});
after(async () => {
  for (const c of open) c.destroy();
  await server?.stop();
});

async function join(who: string): Promise<CollabClient> {
  const client = connectCollab(server.url, negotiationId, cookies[who]);
  open.push(client);
  await synced(client);
  return client;
}

/** A member's own socket speaking the protocol by hand: sends one update, reports how it closed. */
function hostileUpdate(who: string, update: Uint8Array): Promise<number | "still open"> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab/${negotiationId}`, { headers: { Cookie: cookies[who]!, Origin: server.url } });
    open.push({ destroy: () => ws.terminate() });
    ws.on("close", (code) => resolve(code));
    setTimeout(() => resolve("still open"), 5_000).unref();
    ws.on("error", reject);
    ws.on("open", () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      ws.send(encoding.toUint8Array(encoder));
    });
  });
}

/** The update `change` makes on a copy of `client`'s document (the client's own stays clean). */
function craft(client: CollabClient, change: (fragment: Y.XmlFragment) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
  const before = Y.encodeStateVector(copy);
  copy.transact(() => change(copy.getXmlFragment(scheduleFragmentName)));
  return Y.encodeStateAsUpdate(copy, before);
}

const clauses = (fragment: Y.XmlFragment) =>
  (fragment.toArray() as Y.XmlElement[]).flatMap((s) => s.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === "clause"));
/** The first run of text in clause `n`'s body. */
const bodyText = (fragment: Y.XmlFragment, n: number): Y.XmlText => {
  const clause = clauses(fragment)[n]!;
  for (const block of clause.toArray().slice(1) as Y.XmlElement[]) {
    const first = block.get(0);
    if (first instanceof Y.XmlText) return first;
  }
  throw new Error(`clause ${n} has no text to edit`);
};
const clauseId = (client: CollabClient, n: number) => clauses(client.fragment)[n]!.getAttribute("id") as string;
const deltaOf = (text: Y.XmlText) => text.toDelta() as { insert: string; attributes?: Record<string, { id: string } | undefined> }[];
const marked = (text: Y.XmlText, id: string) => deltaOf(text).some((op) => op.attributes?.insertion?.id === id || op.attributes?.deletion?.id === id);

const updateRows = () => {
  const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
  const { n } = db.prepare("select count(*) n from doc_updates where negotiation_id = ?").get(negotiationId) as { n: number };
  db.close();
  return n;
};

async function proposals(who: string, query = ""): Promise<ProposalView[]> {
  const res = await (await as(who)).request(`/api/negotiations/${negotiationId}/proposals${query}`);
  assert.equal(res.status, 200);
  return (await res.json()) as ProposalView[];
}

test("party owners choose propose mode; others may not; the mode is in the negotiation", async () => {
  assert.equal((await api("supplier", "/settings", { changes: "sometimes" })).status, 400);
  assert.equal((await api("advisor", "/settings", { changes: "proposals" })).status, 403);
  const foreign = await fetch(`${server.url}/api/negotiations/${negotiationId}/settings`, {
    method: "POST",
    headers: { Cookie: cookies.buyer!, "Content-Type": "application/json" },
    body: JSON.stringify({ changes: "proposals" }),
  });
  assert.equal(foreign.status, 403, "a mutation without our Origin is refused");
  assert.deepEqual((await api("buyer", "/settings", { changes: "proposals" })).json, { changes: "proposals" });
  const view = (await (await (await as("supplier")).request(`/api/negotiations/${negotiationId}`)).json()) as { changes: string };
  assert.equal(view.changes, "proposals");
  const audit = await (await as("buyer")).request(`/negotiations/${negotiationId}/audit.csv`);
  assert.match(await audit.text(), /propose changes/);
});

test("in propose mode a plain insert reaches nobody; a proposal reaches the buyer, recorded for the supplier; accepting makes it plain", async () => {
  const buyer = await join("buyer");
  const supplier = await join("supplier");
  const rows = updateRows();
  const beforeBuyer = Y.encodeStateVector(buyer.doc);
  assert.equal(
    await hostileUpdate(
      "supplier",
      craft(supplier, (f) => bodyText(f, 0).insert(0, "Plain ")),
    ),
    CloseCode.updateRefused,
  );
  assert.equal(
    await hostileUpdate(
      "supplier",
      craft(supplier, (f) => bodyText(f, 0).delete(0, 3)),
    ),
    CloseCode.updateRefused,
  );
  await new Promise((r) => setTimeout(r, 200));
  assert.deepEqual(Y.encodeStateVector(buyer.doc), beforeBuyer, "nothing reached the buyer");
  assert.equal(updateRows(), rows, "nothing was stored");

  const id = random.id();
  bodyText(supplier.fragment, 0).insert(0, "Proposed ", { insertion: { id } });
  await waitFor(() => marked(bodyText(buyer.fragment, 0), id), "the proposal at the buyer's");
  const [listed] = (await proposals("buyer")).filter((p) => p.id === id);
  assert.equal(listed?.kind, "insert");
  assert.equal(listed?.author.name, "Sam Supplier (Nimbus Cloud)");
  assert.equal(listed?.author.party, "supplier");
  assert.equal(listed?.text, "Proposed ");
  assert.equal(listed?.clauseId, clauseId(buyer, 0));

  assert.equal((await api("supplier", `/proposals/${id}`, { action: "reason", reason: "Clearer" })).status, 200);
  // The reason is a move the other side is told of, so their list shows it without a reload.
  const activity = (await (await (await as("buyer")).request(`/api/negotiations/${negotiationId}/activity`)).json()) as {
    action: string;
    detail: { proposalId?: string; reason?: string };
  }[];
  assert.ok(activity.some((e) => e.action === "proposal.reason" && e.detail.proposalId === id && e.detail.reason === "Clearer"));
  assert.equal((await api("supplier", `/proposals/${id}`, { action: "accept" })).status, 403, "not by the proposing party");
  assert.equal((await api("advisor", `/proposals/${id}`, { action: "accept" })).status, 403, "not by an advisor");
  assert.equal((await api("buyer", `/proposals/${id}`, { action: "withdraw" })).status, 403, "withdrawn by the author only");
  const accepted = await api("buyer", `/proposals/${id}`, { action: "accept" });
  assert.equal(accepted.status, 200);
  assert.equal(accepted.json.status, "accepted");
  for (const client of [buyer, supplier])
    await waitFor(() => bodyText(client.fragment, 0).toString().startsWith("Proposed ") && !marked(bodyText(client.fragment, 0), id), "plain text everywhere");
  assert.equal((await api("buyer", `/proposals/${id}`, { action: "reject" })).status, 409, "decided once");
  assert.deepEqual(
    (await proposals("buyer", "?status=all")).find((p) => p.id === id),
    { ...listed, text: "", reason: "Clearer", status: "accepted" },
  );
  assert.equal((await (await as("buyer")).request(`/api/negotiations/${negotiationId}/proposals?status=maybe`)).status, 400);
  // The decided id is nobody's to use again.
  assert.equal(
    await hostileUpdate(
      "supplier",
      craft(supplier, (f) => bodyText(f, 0).insert(0, "Again ", { insertion: { id } })),
    ),
    CloseCode.updateRefused,
  );
});

test("a proposal id recorded for the buyer cannot be used by the supplier; rejecting removes inserted text", async () => {
  const buyer = await join("buyer");
  const supplier = await join("supplier");
  const buyerId = random.id();
  bodyText(buyer.fragment, 1).insert(0, "Buyer's ", { insertion: { id: buyerId } });
  await waitFor(() => marked(bodyText(supplier.fragment, 1), buyerId), "the buyer's proposal at the supplier's");
  assert.equal(
    await hostileUpdate(
      "supplier",
      craft(supplier, (f) => bodyText(f, 0).insert(0, "Forged ", { insertion: { id: buyerId } })),
    ),
    CloseCode.updateRefused,
  );
  assert.equal((await proposals("buyer")).find((p) => p.id === buyerId)?.author.party, "buyer");

  const deletion = random.id();
  bodyText(supplier.fragment, 1).format(10, 4, { deletion: { id: deletion } });
  await waitFor(() => marked(bodyText(buyer.fragment, 1), deletion), "the deletion proposal at the buyer's");
  const textBefore = bodyText(buyer.fragment, 1).toString();
  assert.equal((await api("supplier", `/proposals/${buyerId}`, { action: "reject" })).status, 200);
  for (const client of [buyer, supplier]) await waitFor(() => !bodyText(client.fragment, 1).toString().includes("Buyer's"), "the rejected text gone");
  assert.equal((await api("buyer", `/proposals/${deletion}`, { action: "accept" })).status, 200);
  await waitFor(() => bodyText(supplier.fragment, 1).length === textBefore.replace(/<[^>]+>/g, "").length - "Buyer's ".length - 4, "the deleted text gone");
});

test("a formatting proposal is listed with what it changes; accepted it stays, rejected the text gets its formatting back", async () => {
  const buyer = await join("buyer");
  const supplier = await join("supplier");
  const runs = (text: Y.XmlText) =>
    deltaOf(text).map((op) => [
      op.insert,
      Object.keys(op.attributes ?? {})
        .sort()
        .join(","),
    ]);
  const text = bodyText(supplier.fragment, 2);
  const plainBefore = runs(bodyText(buyer.fragment, 2));
  const bolded = random.id();
  text.format(0, 4, { bold: {}, modification: { id: bolded, was: [] } });
  const unbolded = random.id();
  const forged = random.id();
  assert.equal(
    await hostileUpdate(
      "supplier",
      craft(supplier, (f) => bodyText(f, 2).format(5, 3, { italic: {}, modification: { id: forged, was: [{ type: "bold" }] } })),
    ),
    CloseCode.updateRefused,
    "a record of formatting the text never had",
  );
  text.format(5, 3, { italic: {}, modification: { id: unbolded, was: [] } });
  await waitFor(() => runs(bodyText(buyer.fragment, 2)).some(([, marks]) => marks === "italic,modification"), "both proposals at the buyer's");
  const listed = (await proposals("buyer")).filter((p) => p.id === bolded || p.id === unbolded);
  assert.deepEqual(
    listed.map((p) => [p.kind, p.author.party, p.formatting]),
    [
      ["format", "supplier", { on: ["bold"], off: [] }],
      ["format", "supplier", { on: ["italic"], off: [] }],
    ],
  );
  assert.equal((await api("buyer", `/proposals/${bolded}`, { action: "accept" })).status, 200);
  assert.equal((await api("buyer", `/proposals/${unbolded}`, { action: "reject" })).status, 200);
  for (const client of [buyer, supplier])
    await waitFor(() => {
      const now = runs(bodyText(client.fragment, 2));
      return now[0]?.[1] === "bold" && now.every(([, marks]) => !marks.includes("modification") && !marks.includes("italic"));
    }, "bold kept, italic gone, no proposal left");
  assert.equal(
    runs(bodyText(buyer.fragment, 2))
      .map(([insert]) => insert)
      .join(""),
    plainBefore.map(([insert]) => insert).join(""),
    "the words unchanged",
  );
});

test("agreed text is protected while editing together: proposals only, and no agreeing while one is open", async () => {
  assert.equal((await api("supplier", "/settings", { changes: "together" })).status, 200);
  const buyer = await join("buyer");
  const supplier = await join("supplier");
  const agreedId = clauseId(buyer, 2);
  for (const who of ["buyer", "supplier"]) assert.equal((await api(who, "/agreements", { clauseId: agreedId, decision: "agreed" })).status, 200);
  // Elsewhere, typing as before.
  bodyText(supplier.fragment, 3).insert(0, "Free ");
  await waitFor(() => bodyText(buyer.fragment, 3).toString().startsWith("Free "), "free typing");
  // In the agreed clause a keystroke is refused, a proposal is not.
  assert.equal(
    await hostileUpdate(
      "supplier",
      craft(supplier, (f) => bodyText(f, 2).insert(1, "x")),
    ),
    CloseCode.updateRefused,
  );
  const id = random.id();
  bodyText(supplier.fragment, 2).insert(0, "Better ", { insertion: { id } });
  await waitFor(() => marked(bodyText(buyer.fragment, 2), id), "the proposal in the agreed clause");
  const refused = await api("buyer", "/agreements", { clauseId: agreedId, decision: "agreed" });
  assert.equal(refused.status, 409);
  assert.equal(refused.json.code, "agreements.error.openProposals");
  const statuses = (await (await (await as("buyer")).request(`/api/negotiations/${negotiationId}/agreements`)).json()) as {
    clauses: { clauseId: string; status: string }[];
  };
  assert.equal(statuses.clauses.find((c) => c.clauseId === agreedId)?.status, "proposal-open");
  const signoff = await api("buyer", "/signoff", {});
  assert.equal(signoff.status, 409);
  assert.ok((signoff.json.blocking as { clauseId: string; status: string }[]).some((b) => b.clauseId === agreedId && b.status === "proposal-open"));
});

test("all open proposals in a clause are decided at once, only those of the other party", async () => {
  const buyer = await join("buyer");
  const agreedId = clauseId(buyer, 2);
  const own = random.id();
  bodyText(buyer.fragment, 2).insert(0, "Mine ", { insertion: { id: own } });
  for (let tries = 0; !(await proposals("buyer")).some((p) => p.id === own); tries++) {
    assert.ok(tries < 100, "the server records the buyer's proposal");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const rejected = await api("buyer", "/proposals", { action: "reject", clauseId: agreedId });
  assert.equal(rejected.status, 200);
  const decided = rejected.json as unknown as ProposalView[];
  assert.deepEqual(
    decided.map((p) => [p.author.party, p.status]),
    [["supplier", "rejected"]],
    "the supplier's proposal, not the buyer's own",
  );
  await waitFor(() => !bodyText(buyer.fragment, 2).toString().includes("Better "), "the rejected proposal gone");
  assert.equal(
    (await proposals("buyer"))
      .filter((p) => p.clauseId === agreedId)
      .map((p) => p.id)
      .join(),
    own,
  );
});

test("a copy of a negotiation starts from its text without the open proposals, which stay the source's", async () => {
  const buyer = await join("buyer");
  const supplier = await join("supplier");
  const inserted = random.id();
  const struck = random.id();
  bodyText(buyer.fragment, 2).insert(0, "Copied? ", { insertion: { id: inserted } });
  bodyText(supplier.fragment, 2).format(12, 5, { deletion: { id: struck } });
  await waitFor(() => marked(bodyText(supplier.fragment, 2), inserted) && marked(bodyText(buyer.fragment, 2), struck), "both proposals at both sides");
  const struckText = deltaOf(bodyText(buyer.fragment, 2)).find((op) => op.attributes?.deletion?.id === struck)!.insert;

  const res = await (
    await as("buyer")
  ).request("/api/negotiations", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      title: "Copy with open proposals",
      side: "buyer",
      ourOrg: "Acme Retail",
      counterpartyOrg: "Nimbus Cloud",
      start: { kind: "copy", fromNegotiationId: negotiationId },
    }),
  });
  assert.equal(res.status, 201);
  const { id } = (await res.json()) as { id: string };
  const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
  const { content_json } = db.prepare("select content_json from doc_snapshots where negotiation_id = ?").get(id) as { content_json: string };
  db.close();
  assert.doesNotMatch(content_json, /"type":"(insertion|deletion)"|"(insertion|deletion)":"/, "no proposal without its record");
  assert.doesNotMatch(content_json, /Copied\? /, "proposed text is not copied as if agreed");
  assert.ok(content_json.includes(struckText), "text proposed for deletion is still there");
  assert.equal((await proposals("buyer")).filter((p) => p.id === inserted || p.id === struck).length, 2, "the source keeps its proposals");
});

test("a clause moved in propose mode is a proposal: the buyer rejects it and it is back in place; accepted, it stays where it went", async () => {
  assert.equal((await api("buyer", "/settings", { changes: "proposals" })).status, 200);
  const buyer = await join("buyer");
  const supplier = await join("supplier");
  const section = (client: CollabClient) => client.fragment.get(0) as Y.XmlElement;
  const order = (client: CollabClient) =>
    section(client)
      .toArray()
      .slice(1)
      .map((c) => (c as Y.XmlElement).getAttribute("id"));
  const sectionId = section(supplier).getAttribute("id") as string;
  const start = order(buyer);
  const [first, second] = start as [string, string];
  /** The supplier's editor moving the section's first clause one down, as y-prosemirror writes a move. */
  const moveFirstDown = (id: string | null, movedFrom: string) => (fragment: Y.XmlFragment) => {
    const parent = fragment.get(0) as Y.XmlElement;
    const copy = (parent.get(1) as Y.XmlElement).clone();
    if (id) {
      copy.setAttribute("moved", id);
      copy.setAttribute("movedFrom", movedFrom);
    }
    parent.delete(1, 1);
    parent.insert(2, [copy]);
  };
  assert.equal(await hostileUpdate("supplier", craft(supplier, moveFirstDown(null, ""))), CloseCode.updateRefused, "not moved plainly");
  assert.equal(
    await hostileUpdate("supplier", craft(supplier, moveFirstDown(random.id(), `${sectionId}/${second}`))),
    CloseCode.updateRefused,
    "not with a forged place",
  );

  const id = random.id();
  supplier.doc.transact(() => moveFirstDown(id, `${sectionId}/`)(supplier.fragment));
  await waitFor(() => order(buyer)[1] === first, "the move at the buyer's");
  const [listed] = (await proposals("buyer")).filter((p) => p.id === id);
  assert.deepEqual([listed?.kind, listed?.scope, listed?.clauseId, listed?.movedFrom], ["move", "clause", first, { sectionId, afterClauseId: null }]);
  const statuses = (await (await (await as("buyer")).request(`/api/negotiations/${negotiationId}/agreements`)).json()) as {
    clauses: { clauseId: string; status: string }[];
  };
  assert.equal(statuses.clauses.find((c) => c.clauseId === first)?.status, "proposal-open");

  assert.equal((await api("supplier", `/proposals/${id}`, { action: "accept" })).status, 403, "not by the proposing party");
  assert.equal((await api("buyer", `/proposals/${id}`, { action: "reject" })).status, 200);
  for (const client of [buyer, supplier]) await waitFor(() => order(client).join() === start.join(), "back in place everywhere");
  const back = section(buyer).get(1) as Y.XmlElement;
  assert.deepEqual([back.getAttribute("id"), back.getAttribute("moved"), back.getAttribute("movedFrom")], [first, undefined, undefined]);
  const activity = (await (await (await as("buyer")).request(`/api/negotiations/${negotiationId}/activity`)).json()) as {
    action: string;
    detail: { proposalId?: string; kind?: string };
  }[];
  assert.ok(activity.some((e) => e.action === "proposal.rejected" && e.detail.proposalId === id && e.detail.kind === "move"));

  const again = random.id();
  supplier.doc.transact(() => moveFirstDown(again, `${sectionId}/`)(supplier.fragment));
  await waitFor(() => order(buyer)[1] === first, "the second move at the buyer's");
  assert.equal((await api("buyer", `/proposals/${again}`, { action: "accept" })).status, 200);
  await waitFor(() => !(section(supplier).get(2) as Y.XmlElement).getAttribute("moved"), "accepted: a plain clause at its new place");
  assert.deepEqual(order(supplier).slice(0, 2), [second, first]);

  // Withdrawn by its author, a move goes back like a rejected one.
  const withdrawn = random.id();
  supplier.doc.transact(() => moveFirstDown(withdrawn, `${sectionId}/`)(supplier.fragment));
  await waitFor(() => order(buyer)[1] === second, "the third move at the buyer's");
  assert.equal((await api("buyer", `/proposals/${withdrawn}`, { action: "withdraw" })).status, 403, "withdrawn by its author only");
  assert.equal((await api("supplier", `/proposals/${withdrawn}`, { action: "withdraw" })).status, 200);
  for (const client of [buyer, supplier])
    await waitFor(() => order(client)[0] === second && !(section(client).get(1) as Y.XmlElement).getAttribute("moved"), "back where it stood");

  // Moved back and accepted, the schedule reads as it started for the tests after this one.
  const restore = random.id();
  supplier.doc.transact(() => moveFirstDown(restore, `${sectionId}/`)(supplier.fragment));
  await waitFor(() => order(buyer)[0] === first, "the move back at the buyer's");
  assert.equal((await api("buyer", `/proposals/${restore}`, { action: "accept" })).status, 200);
  await waitFor(() => order(supplier).join() === start.join() && !(section(supplier).get(2) as Y.XmlElement).getAttribute("moved"), "as it started");
});

test("a new paragraph proposed in propose mode is listed as one; accepted it is plain for everyone, rejected it is gone", async () => {
  assert.equal((await api("buyer", "/settings", { changes: "proposals" })).status, 200);
  const buyer = await join("buyer");
  const supplier = await join("supplier");
  const n = 4;
  const blocks = (client: CollabClient) => clauses(client.fragment)[n]!.toArray().slice(1) as Y.XmlElement[];
  /** A paragraph after the clause's first block: proposed with `id`, or plain when null. */
  const newParagraph = (text: string, id: string | null) => (fragment: Y.XmlFragment) => {
    const paragraph = new Y.XmlElement("paragraph");
    if (id) paragraph.setAttribute("insertion", id);
    const run = new Y.XmlText();
    run.insert(0, text, id ? { insertion: { id } } : {});
    paragraph.insert(0, [run]);
    clauses(fragment)[n]!.insert(2, [paragraph]);
  };
  const count = blocks(buyer).length;
  assert.equal(await hostileUpdate("supplier", craft(supplier, newParagraph("Plain.", null))), CloseCode.updateRefused, "not a plain paragraph");
  const kept = random.id();
  const dropped = random.id();
  supplier.doc.transact(() => newParagraph("Keys rotate yearly.", kept)(supplier.fragment));
  supplier.doc.transact(() => newParagraph("Keys never expire.", dropped)(supplier.fragment));
  await waitFor(() => blocks(buyer).length === count + 2, "both paragraphs at the buyer's");
  const listed = (await proposals("buyer")).filter((p) => p.id === kept || p.id === dropped);
  assert.deepEqual(listed.map((p) => [p.kind, p.scope, p.text, p.clauseId, p.author.party]).sort(), [
    ["insert", "block", "Keys never expire.", clauseId(buyer, n), "supplier"],
    ["insert", "block", "Keys rotate yearly.", clauseId(buyer, n), "supplier"],
  ]);
  assert.equal((await api("supplier", `/proposals/${kept}`, { action: "accept" })).status, 403, "not by its own party");
  assert.equal((await api("buyer", `/proposals/${kept}`, { action: "accept" })).status, 200);
  assert.equal((await api("buyer", `/proposals/${dropped}`, { action: "reject" })).status, 200);
  for (const client of [buyer, supplier])
    await waitFor(() => {
      const now = blocks(client);
      const texts = now.map((b) => (b.get(0) as Y.XmlText | undefined)?.toString() ?? "");
      return (
        now.length === count + 1 &&
        texts.includes("Keys rotate yearly.") &&
        !texts.some((t) => t.includes("expire")) &&
        now.every((b) => b.getAttribute("insertion") === undefined)
      );
    }, "the accepted paragraph plain, the rejected one gone");
  assert.deepEqual(
    (await proposals("buyer", "?status=all"))
      .filter((p) => p.id === kept || p.id === dropped)
      .map((p) => [p.id, p.status])
      .sort(),
    [
      [kept, "accepted"],
      [dropped, "rejected"],
    ].sort(),
  );
});

test("a new section proposed in propose mode is one proposal with its clause; accepted it is plain for everyone, rejected it is gone", async () => {
  assert.equal((await api("buyer", "/settings", { changes: "proposals" })).status, 200);
  const buyer = await join("buyer");
  const supplier = await join("supplier");
  const sections = (client: CollabClient) => client.fragment.toArray() as Y.XmlElement[];
  /** A section at the end with one clause, proposed with `id` (its heading text too). */
  const newSection = (heading: string, id: string) => (fragment: Y.XmlFragment) => {
    const text = (value: string, attributes: Record<string, unknown> = {}) => {
      const run = new Y.XmlText();
      run.insert(0, value, attributes);
      return run;
    };
    const element = (name: string, attrs: Record<string, string>, children: (Y.XmlElement | Y.XmlText)[]) => {
      const el = new Y.XmlElement(name);
      for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
      el.insert(0, children);
      return el;
    };
    fragment.insert(fragment.length, [
      element("section", { id: random.id(), insertion: id }, [
        element("section_heading", {}, [text(heading, { insertion: { id } })]),
        element("clause", { id: random.id(), insertion: id }, [
          element("clause_heading", {}, [text("Logs")]),
          element("paragraph", {}, [text("Kept a year.")]),
        ]),
      ]),
    ]);
  };
  const count = sections(buyer).length;
  const kept = random.id();
  const dropped = random.id();
  supplier.doc.transact(() => newSection("Logging", kept)(supplier.fragment));
  supplier.doc.transact(() => newSection("Monitoring", dropped)(supplier.fragment));
  await waitFor(() => sections(buyer).length === count + 2, "both sections at the buyer's");
  const listed = (await proposals("buyer")).filter((p) => p.id === kept || p.id === dropped);
  assert.deepEqual(listed.map((p) => [p.kind, p.scope, p.text, p.clauseId]).sort(), [
    ["insert", "section", "Logging", null],
    ["insert", "section", "Monitoring", null],
  ]);
  assert.equal((await api("buyer", `/proposals/${kept}`, { action: "accept" })).status, 200);
  assert.equal((await api("buyer", `/proposals/${dropped}`, { action: "reject" })).status, 200);
  for (const client of [buyer, supplier])
    await waitFor(() => {
      const now = sections(client);
      const last = now.at(-1)!;
      const clause = last.get(1) as Y.XmlElement;
      return (
        now.length === count + 1 &&
        (last.get(0) as Y.XmlElement).toString() === "<section_heading>Logging</section_heading>" &&
        last.getAttribute("insertion") === undefined &&
        clause.getAttribute("insertion") === undefined
      );
    }, "the accepted section plain, the rejected one gone");
});

test("a proposal whose text its author deleted is not listed nor decided, and is back when the text is", async () => {
  assert.equal((await api("buyer", "/settings", { changes: "proposals" })).status, 200);
  const buyer = await join("buyer");
  const supplier = await join("supplier");
  const id = random.id();
  bodyText(supplier.fragment, 5).insert(0, "Gone ", { insertion: { id } });
  await waitFor(() => marked(bodyText(buyer.fragment, 5), id), "the proposal at the buyer's");
  assert.ok((await proposals("buyer")).some((p) => p.id === id));
  bodyText(supplier.fragment, 5).delete(0, "Gone ".length);
  await waitFor(() => !marked(bodyText(buyer.fragment, 5), id), "the text gone at the buyer's");
  assert.ok(!(await proposals("buyer")).some((p) => p.id === id), "not listed");
  const refused = await api("buyer", `/proposals/${id}`, { action: "accept" });
  assert.equal(refused.status, 409);
  assert.match(JSON.stringify(refused.json), /no longer in the text/);
  // An undo brings the words back under the same, still open, proposal.
  bodyText(supplier.fragment, 5).insert(0, "Gone ", { insertion: { id } });
  await waitFor(() => marked(bodyText(buyer.fragment, 5), id), "the text back at the buyer's");
  assert.ok((await proposals("buyer")).some((p) => p.id === id && p.text === "Gone "));
});

test("decisions are stored: after a restart the accepted text is plain", async () => {
  for (const c of open.splice(0)) c.destroy();
  const { dataDir } = server;
  await server.stop();
  server = await startTestServer({ dataDir });
  Object.assign(cookies, await demoCookies(server.url, ["buyer", "supplier"]));
  const buyer = await join("buyer");
  assert.ok(bodyText(buyer.fragment, 0).toString().startsWith("Proposed "));
  assert.ok(!deltaOf(bodyText(buyer.fragment, 0)).some((op) => op.attributes?.insertion));
  assert.ok(!bodyText(buyer.fragment, 1).toString().includes("Buyer's"));
});
