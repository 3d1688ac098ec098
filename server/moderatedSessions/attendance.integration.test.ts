// Attendance and handing over moderation (decision 036) through the real server, socket and
// SQLite: the minutes say who was connected and for how long; the moderator hands over, and
// someone else takes over only while the moderator is away.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, demoCookies, negotiationApi } from "../test/demoLogins";
import { pilotNegotiationId } from "../test/pilotNegotiation";
import { sessionFollower, waitFor, type CollabClient } from "../test/collabClient";
import type { SessionView } from "../../shared/moderatedSessions/sessions";

let server: TestServer;
let negotiationId: string;
let sqlite: SQLite.Database;
const cookies: Record<string, string> = {};
const open: CollabClient[] = [];
const as = demoClients(() => server.url);
const post = negotiationApi<Record<string, unknown>>(as, () => negotiationId);
const userId = (who: string) => (sqlite.prepare("select id from users where email = ?").get(`${who}@demo.test`) as { id: string }).id;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

before(async () => {
  server = await startTestServer();
  negotiationId = await pilotNegotiationId(server.url);
  sqlite = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
  Object.assign(cookies, await demoCookies(server.url, ["advisor", "buyer", "supplier"]));
});
after(async () => {
  for (const c of open) c.destroy();
  sqlite?.close();
  await server?.stop();
});

async function join(who: string) {
  const follower = await sessionFollower(server.url, negotiationId, cookies[who]);
  open.push(follower.client);
  return follower;
}

/** Tries until the server has seen a connection close (it learns of it a moment after the client). */
async function eventually(attempt: () => Promise<number>, status: number, what: string): Promise<void> {
  let last = 0;
  for (let i = 0; i < 50 && last !== status; i++) {
    last = await attempt();
    if (last !== status) await sleep(100);
  }
  assert.equal(last, status, what);
}

test("moderation is handed over and taken over; the minutes list who attended, for how long, and the handovers", async () => {
  // Party owners may moderate too, so there is someone to hand over to.
  assert.equal((await post("buyer", "/settings", { sessionsByAdvisorsOnly: false })).status, 200);
  const buyer = await join("buyer");
  const planned = await post("advisor", "/sessions", { plannedAt: "2026-12-10T09:00:00Z", agenda: [{ kind: "topic", title: "Exit plan" }] });
  const id = String(planned.json.id);
  const advisor = await join("advisor");
  assert.equal((await post("advisor", `/sessions/${id}`, { action: "start" })).status, 200);

  // The supplier follows on the session's own page, which it re-reads while live.
  const page = await (await as("supplier")).request(`/negotiations/${negotiationId}/sessions/${id}`);
  assert.equal(page.status, 200);

  const early = await post("supplier", `/sessions/${id}`, { action: "takeover" });
  assert.equal(early.status, 409, "the moderator is connected");
  assert.match(String(early.json.error), /hand moderation over/i);
  assert.equal((await post("observer", `/sessions/${id}`, { action: "takeover" })).status, 403);

  await sleep(300);
  advisor.client.destroy();
  await eventually(async () => (await post("supplier", `/sessions/${id}`, { action: "takeover" })).status, 200, "taken over once the moderator is gone");
  await waitFor(() => buyer.pushed.at(-1)?.moderator.id === userId("supplier"), "followers now follow the supplier");
  assert.equal((await post("advisor", `/sessions/${id}`, { action: "next" })).status, 403, "the old moderator no longer runs it");

  assert.equal((await post("supplier", `/sessions/${id}`, { action: "handover", to: userId("observer") })).status, 400, "an observer never moderates");
  assert.equal((await post("supplier", `/sessions/${id}`, { action: "handover", to: userId("supplier") })).status, 400);
  await sleep(300);
  assert.equal((await post("supplier", `/sessions/${id}`, { action: "handover", to: userId("buyer") })).status, 200);
  await waitFor(() => buyer.pushed.at(-1)?.moderator.id === userId("buyer"), "the buyer moderates");
  assert.equal((await post("supplier", `/sessions/${id}`, { action: "takeover" })).status, 409, "the buyer is connected");

  await sleep(300);
  const ended = await post("buyer", `/sessions/${id}`, { action: "end", present: [userId("observer")] });
  assert.equal(ended.status, 200);
  const minutes = (ended.json as unknown as SessionView).minutes.at(-1)!.content;
  const attended = Object.fromEntries(minutes.attendees.map((a) => [a.role, a.attendedMs]));
  assert.ok(attended.buyer! >= 600, `connected throughout: ${attended.buyer}`);
  assert.ok(attended.advisor! >= 300, `connected and moderating until the take-over: ${attended.advisor}`);
  assert.ok(attended.supplier! >= 300, `moderating from the take-over to the handover: ${attended.supplier}`);
  assert.equal(attended.observer, 0, "present without a connection, as the moderator says");
  assert.ok(attended.advisor! < attended.buyer!, "the advisor left before the end");
  assert.equal(minutes.moderator, (sqlite.prepare("select name from users where email = 'buyer@demo.test'").get() as { name: string }).name);
  const handovers = (minutes.duringSession ?? []).filter((e) => e.action === "session.moderator_changed").map((e) => e.detail.takenOver);
  assert.deepEqual(handovers, [true, false]);

  const rows = sqlite.prepare("select count(*) as n from session_attendance where session_id = ? and to_at is null").get(id) as { n: number };
  assert.equal(rows.n, 0, "every stretch ended with the session");

  const markdown = await (await (await as("supplier")).request(`/api/negotiations/${negotiationId}/sessions/${id}/minutes?format=md`)).text();
  assert.match(markdown, /Oscar Observer \(present, not connected\)/);
  assert.match(markdown, /Bea Buyer \(Acme Retail\) \(under a minute\)/, "every format names how long");
});

test("a late joiner's stretch starts when they connect, and a session that is not live records nobody", async () => {
  const planned = await post("advisor", "/sessions", { plannedAt: "2026-12-11T09:00:00Z" });
  const id = String(planned.json.id);
  const early = await join("supplier");
  await sleep(200);
  const none = sqlite.prepare("select count(*) as n from session_attendance where session_id = ?").get(id) as { n: number };
  assert.equal(none.n, 0);
  assert.equal((await post("advisor", `/sessions/${id}`, { action: "start" })).status, 200);
  const late = await join("buyer");
  await waitFor(() => late.pushed.length > 0, "the greeting");
  early.client.destroy();
  await sleep(300);
  const rows = sqlite
    .prepare(
      "select u.email, a.via, a.to_at is null as open from session_attendance a join users u on u.id = a.user_id where session_id = ? order by u.email, a.via",
    )
    .all(id);
  assert.deepEqual(rows, [
    { email: "advisor@demo.test", via: "moderating", open: 1 },
    { email: "buyer@demo.test", via: "connection", open: 1 },
    { email: "supplier@demo.test", via: "connection", open: 0 },
  ]);
  assert.equal((await post("advisor", `/sessions/${id}`, { action: "end", present: [] })).status, 200);
});
