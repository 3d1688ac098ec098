import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as decoding from "lib0/decoding";
import { WebSocket } from "ws";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, negotiationApi } from "../test/demoLogins";
import { firstClauseText, proposeInFirstClause, syncedDemoClient, typeInFirstClause, waitFor, type CollabClient } from "../test/collabClient";
import { CustomMessage } from "../../shared/collaboration/messages";
import { CloseCode } from "../../shared/collaboration/closeCodes";
import type { AgreementSnapshot } from "../../shared/agreements/snapshot";

type Overview = AgreementSnapshot & {
  progress: { agreed: number; total: number };
  clauses: { clauseId: string; number: string; status: string; agreedBy: { party: string }[] }[];
};

let server: TestServer;
let negotiationId: string;
const as = demoClients(() => server.url);
const pushes: AgreementSnapshot[] = [];
const open: { close(): void }[] = [];

const post = negotiationApi<Record<string, unknown> & { error?: string }>(as, () => negotiationId);

async function overview(): Promise<Overview> {
  return (await (await as("buyer")).request(`/api/negotiations/${negotiationId}/agreements`)).json() as Promise<Overview>;
}

async function agreeAll(...parties: string[]) {
  for (const clause of (await overview()).clauses) {
    for (const who of parties) assert.equal((await post(who, "/agreements", { clauseId: clause.clauseId, decision: "agreed" })).status, 200);
  }
}

async function collab(who: string): Promise<CollabClient> {
  const client = await syncedDemoClient(server.url, negotiationId, who);
  open.push({ close: () => client.destroy() });
  return client;
}

before(async () => {
  server = await startTestServer();
  const list = (await (await (await as("buyer")).request("/api/negotiations")).json()) as { id: string }[];
  negotiationId = list[0]!.id;
  const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab/${negotiationId}`, {
    headers: { Cookie: `session=${(await as("observer")).sessionToken}`, Origin: server.url },
  });
  ws.on("message", (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) === CustomMessage.agreements) pushes.push(JSON.parse(decoding.readVarString(decoder)));
  });
  await new Promise((resolve) => ws.on("open", resolve));
  open.push(ws);
});
after(async () => {
  for (const o of open) o.close();
  await server.stop();
});

test("only the two parties agree; an agreement is pinned to the text and a Yjs edit by the other party reopens it", async () => {
  const first = (await overview()).clauses[0]!;
  let after: Overview | undefined;
  assert.equal(first.status, "open");
  for (const who of ["advisor", "observer"]) assert.equal((await post(who, "/agreements", { clauseId: first.clauseId, decision: "agreed" })).status, 403);
  assert.equal((await post("buyer", "/agreements", { clauseId: first.clauseId, decision: "agreed" })).status, 200);
  assert.equal((await overview()).clauses[0]!.status, "agreed-by-buyer");
  await waitFor(() => pushes.some((p) => p.decisions.some((d) => d.clauseId === first.clauseId)), "the observer's socket gets the new state");
  assert.equal((await post("supplier", "/agreements", { clauseId: first.clauseId, decision: "agreed" })).status, 200);
  assert.equal((await overview()).clauses[0]!.status, "agreed");

  // Agreed text takes proposals only (decision 020): the supplier proposes through the socket, as
  // the editor would, and the buyer accepts.
  const supplier = await collab("supplier");
  const proposal = proposeInFirstClause(supplier, " Amended by the supplier.");
  await waitFor(() => {
    void overview().then((o) => (after = o));
    return after?.clauses[0]?.status === "proposal-open";
  }, "the server to see the proposal");
  assert.equal((await post("buyer", "/agreements", { clauseId: first.clauseId, decision: "agreed" })).status, 409, "not while a proposal is open");
  assert.equal((await post("buyer", `/proposals/${proposal}`, { action: "accept" })).status, 200);
  after = undefined;
  await waitFor(() => {
    void overview().then((o) => (after = o));
    return after?.clauses[0]?.status === "changed";
  }, "the server to see the clause changed");
  assert.equal(after!.progress.agreed, 0);
  assert.deepEqual(after!.clauses[0]!.agreedBy, [], "neither agreement counts for the new text");
  supplier.destroy();
});

test("a client's stale view of a clause cannot be agreed; asking for a change opens a shared thread", async () => {
  const [, second] = (await overview()).clauses;
  const stale = await post("buyer", "/agreements", { clauseId: second!.clauseId, decision: "agreed", seenHash: "0".repeat(64) });
  assert.equal(stale.status, 409);
  assert.match(stale.json.error!, /changed while you were reading/);
  assert.equal((await post("supplier", "/agreements", { clauseId: second!.clauseId, decision: "needs_change" })).status, 400, "a reason is required");
  const asked = await post("supplier", "/agreements", { clauseId: second!.clauseId, decision: "needs_change", reason: "We need 48 hours, not 24." });
  assert.equal(asked.status, 200);
  assert.equal((await overview()).clauses[1]!.status, "needs-change");
  const threads = (await (await (await as("buyer")).request(`/api/negotiations/${negotiationId}/threads`)).json()) as {
    clauseId: string;
    comments: { body: string }[];
  }[];
  assert.ok(
    threads.some((t) => t.clauseId === second!.clauseId && t.comments[0]!.body === "We need 48 hours, not 24."),
    "the buyer sees the reason",
  );
});

test("sign-off is refused with what is open, accepted when all is agreed, and the frozen text refuses edits over the socket", async () => {
  assert.equal((await post("advisor", "/signoff")).status, 403);
  const refused = await post("buyer", "/signoff");
  assert.equal(refused.status, 409);
  const blocking = refused.json.blocking as { number: string; status: string }[];
  assert.equal(blocking.length, (await overview()).progress.total, "nothing is agreed by both yet");
  assert.ok(blocking.some((b) => b.status === "needs-change"));

  await agreeAll("buyer", "supplier");
  assert.equal((await overview()).progress.agreed, (await overview()).progress.total);
  const buyerSigned = await post("buyer", "/signoff");
  assert.equal(buyerSigned.status, 200);
  assert.equal(buyerSigned.json.effective, false, "one signature is not yet an agreement");
  const again = await post("buyer", "/signoff");
  assert.equal(again.status, 409, "a party signs the same text once per round");
  assert.equal(again.json.code, "agreements.error.alreadySigned");
  const supplierSigned = await post("supplier", "/signoff");
  assert.equal(supplierSigned.status, 200);
  assert.equal(supplierSigned.json.effective, true);
  assert.ok((await overview()).frozenAt);

  const versions = (await (await (await as("observer")).request(`/api/negotiations/${negotiationId}/versions`)).json()) as { kind: string }[];
  assert.deepEqual(
    versions.map((v) => v.kind),
    ["effective"],
  );

  // Edits sent over the socket no longer land, for anyone.
  const before = (await collab("buyer")).fragment;
  const textBefore = firstClauseText(before);
  const supplier = await collab("supplier");
  let closedWith: number | undefined;
  supplier.provider.on("connection-close", (event: { code: number } | null) => (closedWith ??= event?.code));
  typeInFirstClause(supplier, " Sneaked in after signing.");
  // The server refuses the edit and tells that client to drop its copy (it would resend it later).
  await waitFor(() => closedWith === CloseCode.editsRefused, "the sneaky editor to be closed with 4409");
  supplier.destroy();
  const observer = await collab("observer");
  const fresh = await collab("advisor");
  assert.equal(firstClauseText(fresh.fragment), textBefore);
  assert.equal(firstClauseText(observer.fragment), textBefore);
  assert.equal((await overview()).progress.agreed, (await overview()).progress.total, "still all agreed");
  assert.equal((await post("buyer", "/agreements", { clauseId: (await overview()).clauses[0]!.clauseId, decision: "agreed" })).status, 409);

  // A year on by default; owners and advisors move it, with real calendar dates only.
  const { reviewDueAt, frozenAt } = await overview();
  assert.ok(Math.abs(reviewDueAt! - frozenAt! - 365 * 24 * 3600 * 1000) < 1000);
  assert.equal((await post("observer", "/review-date", { date: "2027-03-01" })).status, 403);
  assert.equal((await post("buyer", "/review-date", { date: "2027-02-30" })).status, 400);
  assert.equal((await post("advisor", "/review-date", { date: "2027-03-01" })).status, 200);
  assert.equal((await overview()).reviewDueAt, Date.UTC(2027, 2, 1));
});

test("an amendment round needs only the changed clause re-agreed, and a second effective version follows", async () => {
  assert.equal((await post("observer", "/rounds")).status, 403);
  const opened = await post("supplier", "/rounds");
  assert.equal(opened.status, 201);
  assert.equal(opened.json.frozenAt, null);
  assert.equal(opened.json.round, 1);
  const openRound = opened.json.openRound as { kind: string; openedAt: number; inForce: { number: number } };
  assert.equal(openRound.kind, "amendment");
  assert.equal(openRound.inForce.number, 1, "the first effective version stays in force");
  assert.ok(openRound.openedAt <= Date.now());
  const total = (await overview()).progress.total;
  assert.equal((await overview()).progress.agreed, total, "unchanged clauses stay agreed");

  const buyer = await collab("buyer");
  const supplier = await collab("supplier");
  const proposal = proposeInFirstClause(supplier, " Amendment one.");
  await waitFor(() => firstClauseText(buyer.fragment).endsWith(" Amendment one."), "the proposal at the buyer's");
  assert.equal((await post("buyer", `/proposals/${proposal}`, { action: "accept" })).status, 200);
  let after: Overview | undefined;
  await waitFor(() => {
    void overview().then((o) => (after = o));
    return after?.progress.agreed === total - 1;
  }, "only the edited clause reopens");
  assert.equal(after!.clauses.filter((c) => c.status !== "agreed").length, 1);

  // The redline against the agreement in force shows the supplier's words, attributed to them.
  type Changes = {
    clauses: { id: string; change: string; segments: { text: string; kind: string; by?: string }[] }[];
    people: Record<string, { name: string; role: string }>;
  };
  const changes = (await (await (await as("observer")).request(`/api/negotiations/${negotiationId}/changes`)).json()) as Changes;
  const edited = changes.clauses.find((c) => c.id === after!.clauses[0]!.clauseId)!;
  assert.equal(edited.change, "changed");
  const inserted = edited.segments.filter((s) => s.kind === "inserted");
  assert.equal(inserted.map((s) => s.text).join(""), " Amendment one.");
  assert.deepEqual(changes.people[inserted[0]!.by!], { name: "Sam Supplier (Nimbus Cloud)", role: "supplier" });
  assert.equal(changes.clauses.filter((c) => c.change !== "unchanged").length, 1, "nothing else changed");
  assert.equal((await post("buyer", "/signoff")).status, 409);
  for (const who of ["buyer", "supplier"]) await post(who, "/agreements", { clauseId: after!.clauses[0]!.clauseId, decision: "agreed" });
  assert.equal((await post("buyer", "/signoff")).json.effective, false);
  const signed = await post("supplier", "/signoff");
  assert.equal(signed.json.effective, true);
  assert.equal(signed.json.openRound, null, "signed again: no round open");
  const versions = (await (await (await as("buyer")).request(`/api/negotiations/${negotiationId}/versions`)).json()) as { kind: string; round: number }[];
  assert.deepEqual(
    versions.map((v) => [v.kind, v.round]),
    [
      ["effective", 1],
      ["effective", 0],
    ],
  );
  supplier.destroy();
});

test("observers cannot save a version; advisors and parties can", async () => {
  assert.equal((await post("observer", "/versions", { name: "Observer's copy" })).status, 403);
  assert.equal((await post("advisor", "/versions", { name: "Advisor's checkpoint" })).status, 201);
  assert.equal((await post("buyer", "/versions", { name: "Buyer's checkpoint" })).status, 201);
  const versions = (await (await (await as("observer")).request(`/api/negotiations/${negotiationId}/versions`)).json()) as { name: string }[];
  assert.ok(!versions.some((v) => v.name === "Observer's copy"));
});
