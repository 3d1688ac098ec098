import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import SQLite from "better-sqlite3";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, negotiationApi } from "../test/demoLogins";
import { pilotNegotiationId } from "../test/pilotNegotiation";
import { proposeInFirstClause, syncedDemoClient, typeInFirstClause, waitFor, type CollabClient } from "../test/collabClient";
import { CustomMessage } from "../../shared/collaboration/messages";
import type { ActivityEntry } from "../../shared/activity";
import type { NotificationView } from "../../shared/notificationView";

// Through the real server and real sockets: an edit after a sign-off voids it, announced once.
const quietMs = 300;
let server: TestServer;
let sqlite: SQLite.Database;
let negotiationId: string;
const as = demoClients(() => server.url);
const post = negotiationApi<{ error?: string; effective?: boolean }>(as, () => negotiationId);
const clients: CollabClient[] = [];
const pushes: Record<string, number> = {};

/** A party's live editor, counting the bell pushes it receives. */
async function editor(who: string, id = negotiationId): Promise<CollabClient> {
  const client = await syncedDemoClient(server.url, id, who);
  pushes[who] = 0;
  client.provider.messageHandlers[CustomMessage.notification] = () => (pushes[who]! += 1);
  clients.push(client);
  return client;
}

const voidedMoves = () =>
  (
    sqlite.prepare("select id, user_id, detail_json from audit_log where negotiation_id = ? and action = 'signoff.voided' order by id").all(negotiationId) as {
      id: number;
      user_id: string | null;
      detail_json: string;
    }[]
  ).map((m) => ({ id: m.id, userId: m.user_id, detail: JSON.parse(m.detail_json) as Record<string, unknown> }));

const signoffIds = () =>
  (sqlite.prepare("select id, party from signoffs where negotiation_id = ? order by id").all(negotiationId) as { id: number; party: string }[]).map((s) => ({
    id: s.id,
    party: s.party,
  }));

/** How often the server read a negotiation's sign-offs to check them against its schedule (its debug log says so). */
const checks = (id: string) =>
  server
    .output()
    .split("\n")
    .filter((line) => line.includes('"checking sign-offs against the schedule"') && line.includes(`"negotiationId":"${id}"`)).length;

async function agreeToEverything() {
  const { clauses } = (await (await (await as("buyer")).request(`/api/negotiations/${negotiationId}/agreements`)).json()) as {
    clauses: { clauseId: string }[];
  };
  for (const clause of clauses)
    for (const who of ["buyer", "supplier"]) assert.equal((await post(who, "/agreements", { clauseId: clause.clauseId, decision: "agreed" })).status, 200);
}

async function voidedNotices(who: string): Promise<NotificationView[]> {
  const res = await (await as(who)).request("/api/notifications");
  const { latest } = (await res.json()) as { latest: NotificationView[] };
  return latest.filter((n) => /sign-off \(round 0\) was voided by a later edit/.test(n.what));
}

before(async () => {
  server = await startTestServer({ env: { EDIT_QUIET_MS: String(quietMs), LOG_LEVEL: "debug" } });
  negotiationId = await pilotNegotiationId(server.url);
  sqlite = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
});
after(async () => {
  for (const c of clients) c.destroy();
  sqlite.close();
  await server.stop();
});

test("an edit after a sign-off voids it once, tells both parties, and each sign-off is announced on its own", async () => {
  const buyer = await editor("buyer");
  const supplier = await editor("supplier");
  await waitFor(() => checks(negotiationId) === 1, "the check as the room loads");

  await agreeToEverything();
  const signed = await post("buyer", "/signoff");
  assert.equal(signed.status, 200, signed.json.error);
  assert.equal(signed.json.effective, false);
  const [buyerSignoff] = signoffIds();

  const pushesBefore = { ...pushes };
  // A burst of typing is one check, once it settles. Agreed text takes proposals (decision 020).
  const proposed: { by: string; id: string }[] = [];
  for (const word of [" Also", " in", " transit."]) {
    proposed.push({ by: "supplier", id: proposeInFirstClause(supplier, word) });
    await sleep(quietMs / 4);
  }
  await waitFor(() => voidedMoves().length > 0, "the voided sign-off", 10_000);
  await sleep(quietMs * 3);
  assert.equal(checks(negotiationId), 2, "one check for the whole burst");
  const [voided] = voidedMoves();
  assert.equal(voidedMoves().length, 1);
  assert.equal(voided!.userId, null, "nobody's move");
  assert.deepEqual(voided!.detail, { signoffId: buyerSignoff!.id, party: "buyer", round: 0, page: "agreement" });

  const members = (
    sqlite.prepare("select user_id from negotiation_members where negotiation_id = ? order by user_id").all(negotiationId) as { user_id: string }[]
  ).map((m) => m.user_id);
  const notified = (sqlite.prepare("select user_id from notifications where audit_id = ? order by user_id").all(voided!.id) as { user_id: string }[]).map(
    (n) => n.user_id,
  );
  assert.deepEqual(notified, members, "every member, the signer's party first of all");
  for (const who of ["buyer", "supplier"]) {
    const [notice] = await voidedNotices(who);
    assert.equal(notice?.what, "The Buyer's sign-off (round 0) was voided by a later edit: review the changes and sign off again");
    assert.equal(notice?.link, `/negotiations/${negotiationId}/agreement`);
    await waitFor(() => pushes[who]! > pushesBefore[who]!, `${who}'s bell to be told`);
  }
  const activity = (await (await (await as("supplier")).request(`/api/negotiations/${negotiationId}/activity`)).json()) as ActivityEntry[];
  assert.deepEqual(
    activity.filter((a) => a.action === "signoff.voided").map((a) => a.actor),
    [null],
    "the Activity tab shows it, as the system's",
  );

  // Nothing left to void: later edits are not checked, and record nothing again.
  proposed.push({ by: "buyer", id: proposeInFirstClause(buyer, " Keys are rotated.") });
  await sleep(quietMs * 4);
  assert.equal(checks(negotiationId), 2, "no sign-off left to void: the edit reads no sign-offs");
  assert.equal(voidedMoves().length, 1);
  assert.equal((await voidedNotices("buyer")).length, 1);

  // The supplier signs the new text; the buyer's edit voids that sign-off, on its own.
  for (const { by, id } of proposed) assert.equal((await post(by === "buyer" ? "supplier" : "buyer", `/proposals/${id}`, { action: "accept" })).status, 200);
  await agreeToEverything();
  assert.equal((await post("supplier", "/signoff")).json.effective, false, "the buyer's sign-off was of other text");
  const supplierSignoff = signoffIds().at(-1)!;
  assert.equal(supplierSignoff.party, "supplier");
  proposeInFirstClause(buyer, " Weekly.");
  await waitFor(() => voidedMoves().length > 1, "the supplier's voided sign-off", 10_000);
  await sleep(quietMs * 3);
  assert.deepEqual(
    voidedMoves().map((m) => m.detail.signoffId),
    [buyerSignoff!.id, supplierSignoff.id],
    "one move per sign-off",
  );
  proposeInFirstClause(supplier, " Daily.");
  await sleep(quietMs * 4);
  assert.equal(voidedMoves().length, 2);
});

test("a room without a sign-off reads sign-offs once, as it loads, and never for its edits", async () => {
  const list = (await (await (await as("buyer")).request("/api/negotiations")).json()) as { id: string }[];
  const other = list.find((n) => n.id !== negotiationId)!.id;
  const buyer = await editor("buyer", other);
  await waitFor(() => checks(other) === 1, "the check as the room loads");
  for (const word of [" One.", " Two.", " Three."]) {
    typeInFirstClause(buyer, word);
    await sleep(quietMs * 2);
  }
  await sleep(quietMs * 2);
  assert.equal(checks(other), 1);
});
