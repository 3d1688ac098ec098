// Issue #14: a proposal carries a thread. Through the real server: the thread sits on the
// proposal's clause and quotes it, there is one per proposal and audience, it is refused for a
// proposal the negotiation does not have, and once the proposal is decided it says how, live.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as Y from "yjs";
import { listenForThreads } from "../test/threadPushes";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, negotiationApi } from "../test/demoLogins";
import { connectCollab, synced, waitFor, type CollabClient } from "../test/collabClient";
import { pilotNegotiationId } from "../test/pilotNegotiation";
import type { ProposalView } from "../../shared/proposals/proposals";
import type { NotificationView } from "../../shared/notificationView";
import type { ThreadView } from "../../shared/threads";
import { newId } from "../../shared/ids";

let server: TestServer;
let negotiationId: string;
let pilotId: string;
const as = demoClients(() => server.url);
const post = negotiationApi<{ thread?: ThreadView; code?: string }>(as, () => negotiationId);
const open: { destroy(): void }[] = [];
const pushes: Record<string, ThreadView[]> = {};

/** The supplier's proposal (an insertion at the start of the first clause's text) in `negotiation`, once the server has recorded it. */
let proposalId: string;
let proposalClauseId: string;
let pilotProposalId: string;

const clauseElements = (fragment: Y.XmlFragment) =>
  (fragment.toArray() as Y.XmlElement[]).flatMap((s) => s.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === "clause"));

async function join(who: string, negotiation: string): Promise<CollabClient> {
  const client = connectCollab(server.url, negotiation, `session=${(await as(who)).sessionToken}`);
  open.push(client);
  await synced(client);
  return client;
}

async function proposals(negotiation: string): Promise<ProposalView[]> {
  return (await (await as("buyer")).request(`/api/negotiations/${negotiation}/proposals`)).json() as Promise<ProposalView[]>;
}

/** Proposes text at the start of the first clause's body, as the supplier, in propose mode. */
async function propose(negotiation: string, text: string): Promise<{ id: string; clauseId: string }> {
  const owner = negotiationApi(as, () => negotiation);
  assert.equal((await owner("buyer", "/settings", { changes: "proposals" })).status, 200);
  const supplier = await join("supplier", negotiation);
  const clause = clauseElements(supplier.fragment)[0]!;
  const body = (clause.toArray().slice(1) as Y.XmlElement[]).map((block) => block.get(0)).find((first) => first instanceof Y.XmlText) as Y.XmlText;
  const id = newId();
  body.insert(0, text, { insertion: { id } });
  for (let tries = 0; !(await proposals(negotiation)).some((p) => p.id === id); tries++) {
    assert.ok(tries < 200, "the server records the proposal");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { id, clauseId: clause.getAttribute("id") as string };
}

async function visible(who: string): Promise<ThreadView[]> {
  return (await (await as(who)).request(`/api/negotiations/${negotiationId}/threads`)).json() as Promise<ThreadView[]>;
}

/** A member's live socket, recording every thread the server pushes to it. */
async function listen(who: string) {
  pushes[who] = [];
  const ws = await listenForThreads(server.url, negotiationId, await as(who), pushes[who]);
  open.push({ destroy: () => ws.close() });
}

/** Where the workspace page opens for a link, as its loader tells the page. */
async function opensAt(who: string, query: string): Promise<Record<string, unknown>> {
  const html = await (await (await as(who)).request(`/negotiations/${negotiationId}${query}`)).text();
  const pick = (key: string) => {
    const match = new RegExp(`\\\\?"${key}\\\\?":(null|\\\\?"([a-z2-7]+)\\\\?")`).exec(html);
    assert.ok(match, `the page's data names ${key}`);
    return match[2] ?? null;
  };
  return { openClause: pick("openClause"), openThread: pick("openThread"), openProposal: pick("openProposal") };
}

before(async () => {
  server = await startTestServer();
  pilotId = await pilotNegotiationId(server.url);
  const list = (await (await (await as("buyer")).request("/api/negotiations")).json()) as { id: string }[];
  negotiationId = list.find((n) => n.id !== pilotId)!.id;
  ({ id: proposalId, clauseId: proposalClauseId } = await propose(negotiationId, "Proposed "));
  ({ id: pilotProposalId } = await propose(pilotId, "Elsewhere "));
  for (const who of ["buyer", "supplier", "observer"]) await listen(who);
});
after(async () => {
  for (const c of open) c.destroy();
  await server?.stop();
});

test("a thread on a proposal sits on the proposal's clause, quotes it, and is one per audience: a second start is a reply", async () => {
  const started = await post("buyer", "/threads", { proposalId, visibility: "shared", body: "Why add this?" });
  assert.equal(started.status, 201);
  const thread = started.json.thread!;
  assert.equal(thread.clauseId, proposalClauseId);
  assert.equal(thread.quote, "Proposed ");
  assert.deepEqual(thread.proposal, { id: proposalId, kind: "insert", author: "Sam Supplier (Nimbus Cloud)", status: "open", decided: null });
  await waitFor(() => pushes.supplier!.some((t) => t.id === thread.id), "the thread pushed to the supplier");

  const again = await post("supplier", "/threads", { proposalId, visibility: "shared", body: "Our auditors ask for it." });
  assert.equal(again.status, 200, "the proposal's shared thread exists: the comment joins it");
  assert.equal(again.json.thread!.id, thread.id);
  assert.deepEqual(
    again.json.thread!.comments.map((c) => c.body),
    ["Why add this?", "Our auditors ask for it."],
  );

  // Party-internal notes keep their rules: the supplier's own, unseen by the buyer.
  const note = await post("supplier", "/threads", { proposalId, visibility: "internal", body: "We could live without it." });
  assert.equal(note.status, 201);
  assert.equal(note.json.thread!.party, "supplier");
  assert.ok(!(await visible("buyer")).some((t) => t.id === note.json.thread!.id), "the buyer does not see the supplier's note");
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.ok(!pushes.buyer!.some((t) => t.id === note.json.thread!.id), "nor is it pushed to the buyer");
  assert.equal((await post("advisor", "/threads", { proposalId, visibility: "internal", body: "x" })).status, 403);
  assert.equal((await post("observer", "/threads", { proposalId, visibility: "shared", body: "x" })).status, 403);

  // The comment is a move the other side hears of, and its link leads to the thread.
  const activity = (await (await (await as("buyer")).request(`/api/negotiations/${negotiationId}/activity`)).json()) as {
    action: string;
    detail: Record<string, unknown>;
  }[];
  const comment = activity.find((e) => e.action === "comment.shared" && e.detail.threadId === thread.id);
  assert.equal(comment?.detail.proposalId, proposalId);

  // A link to the open proposal opens its clause with the proposal.
  assert.deepEqual(await opensAt("supplier", `?proposal=${proposalId}`), { openClause: proposalClauseId, openThread: null, openProposal: proposalId });
});

test("a thread is refused for a proposal the negotiation does not have, another negotiation's included, and for a body naming a clause too", async () => {
  for (const id of [pilotProposalId, newId()]) {
    const refused = await post("buyer", "/threads", { proposalId: id, visibility: "shared", body: "Which one?" });
    assert.equal(refused.status, 404);
    assert.equal(refused.json.code, "proposals.error.notFound");
  }
  assert.ok(!(await visible("buyer")).some((t) => t.proposal?.id === pilotProposalId), "no thread was made");
  assert.equal((await post("buyer", "/threads", { proposalId, clauseId: proposalClauseId, visibility: "shared", body: "x" })).status, 400);
  assert.equal((await post("buyer", "/threads", { proposalId, visibility: "shared", body: "x", quote: "forged" })).status, 400);
  assert.equal((await post("buyer", "/threads", { visibility: "shared", body: "x" })).status, 400);
  // Another negotiation's proposal is not linked to either.
  assert.deepEqual(await opensAt("buyer", `?proposal=${pilotProposalId}`), { openClause: null, openThread: null, openProposal: null });
});

test("once the proposal is decided its threads say how, pushed to who may read them; they take replies, the proposal no new thread", async () => {
  const shared = (await visible("buyer")).find((t) => t.proposal?.id === proposalId && t.visibility === "shared")!;
  const note = (await visible("supplier")).find((t) => t.proposal?.id === proposalId && t.visibility === "internal")!;
  for (const who of ["buyer", "supplier", "observer"]) pushes[who]!.length = 0;
  const before = Date.now();
  assert.equal((await post("buyer", `/proposals/${proposalId}`, { action: "accept" })).status, 200);

  const accepted = (t: ThreadView) => t.proposal?.status === "accepted" && t.proposal.decided?.by === "Bea Buyer (Acme Retail)";
  await waitFor(() => ["supplier", "observer"].every((w) => pushes[w]!.some((t) => t.id === shared.id && accepted(t))), "the outcome pushed to all");
  await waitFor(() => pushes.supplier!.some((t) => t.id === note.id && accepted(t)), "the supplier's note says it too");
  assert.ok(!pushes.buyer!.some((t) => t.id === note.id), "the buyer hears nothing of the supplier's note");
  const read = (await visible("observer")).find((t) => t.id === shared.id)!;
  assert.ok(accepted(read));
  assert.ok(read.proposal!.decided!.at >= before);
  assert.equal(read.comments.length, 2, "the discussion stays readable");

  const late = await post("supplier", "/threads", { proposalId, visibility: "shared", body: "One more thing" });
  assert.equal(late.status, 409);
  assert.equal(late.json.code, "proposals.error.decided");
  const reply = await post("supplier", `/threads/${shared.id}`, { action: "reply", body: "Thanks for accepting." });
  assert.equal(reply.status, 200);
  assert.ok(accepted(reply.json.thread!));

  // The supplier is told of the decision, with a link to the proposal; it opens its thread (the shared one) now.
  const bell = (await (await (await as("supplier")).request("/api/notifications")).json()) as { latest: NotificationView[] };
  assert.ok(bell.latest.some((n) => n.link === `/negotiations/${negotiationId}?clause=${proposalClauseId}&proposal=${proposalId}`));
  assert.deepEqual(await opensAt("supplier", `?proposal=${proposalId}`), { openClause: proposalClauseId, openThread: shared.id, openProposal: null });
});
