import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import { startTestServer, type TestServer } from "../test/testServer";
import { mentionToken } from "../../shared/mentions";
import { HttpClient } from "../test/httpClient";

let server: TestServer;
let sqlite: SQLite.Database;
let negotiationId: string;
const people: Record<string, HttpClient> = {};
const clauseId = "aaaaaaaaaaaaaaaaaaaaaaaaaa";

async function signUp(key: string, name: string): Promise<HttpClient> {
  const client = new HttpClient(server.url);
  const email = `${key}-${Date.now()}@example.test`;
  const res = await client.request("/signup", { form: { name, email, password: "long-enough-password" } });
  assert.equal(res.status, 302, `sign up ${key}`);
  people[key] = client;
  return client;
}

async function userEmail(client: HttpClient): Promise<string> {
  const html = await (await client.request("/settings")).text();
  return html.match(/[\w.-]+@example\.test/)![0];
}

async function invite(inviter: string, invitee: string, role: string): Promise<string> {
  const res = await people[inviter]!.request(`/negotiations/${negotiationId}/members`, {
    form: { intent: "invite", email: await userEmail(people[invitee]!), role },
  });
  assert.equal(res.status, 200, `${inviter} invites ${invitee}`);
  const link = (await res.text()).match(/value="(http[^"]+\/invitations\/[a-z2-7]+)"/)![1]!;
  return new URL(link).pathname;
}

function post(who: string, path: string, body: unknown) {
  return people[who]!.request(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

async function comment(who: string, visibility: "shared" | "internal", body: string): Promise<{ threadId: string; commentId: string }> {
  const res = await post(who, `/api/negotiations/${negotiationId}/threads`, { clauseId, visibility, body });
  assert.equal(res.status, 201, `${who} comments`);
  const { thread } = (await res.json()) as { thread: { id: string; comments: { id: string }[] } };
  return { threadId: thread.id, commentId: thread.comments[0]!.id };
}

/** The `@[Name](user:ID)` token the comment composer writes for this account. */
async function mention(who: string, name: string): Promise<string> {
  const { id } = sqlite.prepare("select id from users where email = ?").get(await userEmail(people[who]!)) as { id: string };
  return mentionToken(name, id);
}

const notificationsPage = async (who: string) => (await people[who]!.request("/notifications")).text();

async function changeRole(who: string, target: string, role: string) {
  const userId = (sqlite.prepare("select id from users where email = ?").get(await userEmail(people[target]!)) as { id: string }).id;
  const res = await people[who]!.request(`/negotiations/${negotiationId}/members`, { form: { intent: "role", userId, role } });
  assert.equal(res.status, 200, `${who} makes ${target} ${role}`);
  return userId;
}

before(async () => {
  // Many accounts from one address: this file is not about the sign-up budget.
  server = await startTestServer({ env: { SIGNUPS_PER_ADDRESS_PER_HOUR: "50" } });
  sqlite = new SQLite(path.join(server.dataDir, "app.db"));
  await signUp("buyer", "Bea Buyer");
  const res = await post("buyer", "/api/negotiations", {
    title: "Mole test",
    side: "buyer",
    ourOrg: "Acme",
    counterpartyOrg: "Nimbus",
    start: { kind: "empty" },
  });
  negotiationId = ((await res.json()) as { id: string }).id;
  for (const [key, name] of [
    ["supplier", "Sam Supplier"],
    ["mole", "Max Mole"],
    ["colleague", "Carla Colleague"],
    ["leaver", "Lou Leaver"],
    ["quiet", "Quinn Quiet"],
  ] as const) {
    await signUp(key, name);
  }
});
after(async () => {
  sqlite.close();
  await server.stop();
});

describe("membership is the party's own", () => {
  test("an invitation into the supplier side sent before it had anyone is void once its first member joined", async () => {
    const forSupplier = await invite("buyer", "supplier", "supplier");
    const forMole = await invite("buyer", "mole", "supplier");
    assert.equal((await people.supplier!.request(forSupplier, { method: "POST" })).status, 302);
    await comment("supplier", "internal", "SUPPLIER-INTERNAL: our real price floor");

    const page = await people.mole!.request(forMole);
    assert.equal(page.status, 410);
    assert.match(await page.text(), /This invitation is no longer valid/);
    const accepted = await people.mole!.request(forMole, { method: "POST" });
    assert.equal(accepted.status, 403);
    assert.match(await accepted.text(), /its side of the negotiation has got members of its own/);
    assert.equal((await people.mole!.request(`/api/negotiations/${negotiationId}/threads`)).status, 404);
    assert.deepEqual(await (await people.mole!.request("/api/negotiations")).json(), []);
    const revoked = sqlite
      .prepare("select revoked_at from invitations where negotiation_id = ? and email = ?")
      .get(negotiationId, await userEmail(people.mole!)) as { revoked_at: number | null };
    assert.ok(revoked.revoked_at, "the buyer's outstanding invitation into the supplier side was revoked");
    const resent = await people.buyer!.request(`/negotiations/${negotiationId}/members`, {
      form: {
        intent: "resend",
        invitationId: (sqlite.prepare("select id from invitations where email = ?").get(await userEmail(people.mole!)) as { id: string }).id,
      },
    });
    assert.equal(resent.status, 403, "nor can the buyer revive it");
  });

  test("the supplier's owner invites their own colleagues, who join as members (not owners)", async () => {
    for (const who of ["colleague", "leaver", "quiet"]) {
      assert.equal((await people[who]!.request(await invite("supplier", who, "supplier"), { method: "POST" })).status, 302, who);
    }
    const owners = sqlite
      .prepare("select count(*) as n from negotiation_members where negotiation_id = ? and role = 'supplier' and is_owner = 1")
      .get(negotiationId) as { n: number };
    assert.equal(owners.n, 1);
  });
});

describe("notifications follow current membership and visibility", () => {
  test("a member demoted to observer no longer sees internal mentions, old or new, nor counts them", async () => {
    const carla = await mention("colleague", "Carla Colleague");
    await comment("supplier", "internal", `${carla} INTERNAL-ONE: do not tell the buyer`);
    await comment("supplier", "shared", `${carla} SHARED-ONE: visible to all`);
    assert.match(await notificationsPage("colleague"), /INTERNAL-ONE/);
    assert.match(await notificationsPage("colleague"), /Notifications, 2 unread/);

    await changeRole("supplier", "colleague", "observer");
    const refused = await post("supplier", `/api/negotiations/${negotiationId}/threads`, { clauseId, visibility: "internal", body: `${carla} INTERNAL-TWO` });
    assert.equal(refused.status, 400, "an internal note cannot mention an observer");
    const page = await notificationsPage("colleague");
    assert.doesNotMatch(page, /INTERNAL-ONE|INTERNAL-TWO/);
    assert.match(page, /SHARED-ONE/, "shared threads stay visible to an observer");
    assert.match(page, /Notifications, 1 unread/);
    assert.match(await (await people.colleague!.request("/dashboard")).text(), /1 new notification\b/);
  });

  test("a removed member's notifications of the negotiation are gone", async () => {
    await comment("supplier", "internal", `${await mention("leaver", "Lou Leaver")} INTERNAL-LEAVER: still here?`);
    assert.match(await notificationsPage("leaver"), /INTERNAL-LEAVER/);
    const userId = (sqlite.prepare("select id from users where email = ?").get(await userEmail(people.leaver!)) as { id: string }).id;
    assert.equal((await people.supplier!.request(`/negotiations/${negotiationId}/members`, { form: { intent: "remove", userId } })).status, 200);
    const page = await notificationsPage("leaver");
    assert.doesNotMatch(page, /INTERNAL-LEAVER/);
    assert.match(page, /Notifications, none unread/);
    assert.equal((sqlite.prepare("select count(*) as n from notifications where user_id = ?").get(userId) as { n: number }).n, 0);
  });

  test("the filter holds at read time, whatever changed the membership", async () => {
    await comment("supplier", "internal", `${await mention("quiet", "Quinn Quiet")} INTERNAL-QUIET: between us`);
    assert.match(await notificationsPage("quiet"), /INTERNAL-QUIET/);
    const userId = (sqlite.prepare("select id from users where email = ?").get(await userEmail(people.quiet!)) as { id: string }).id;
    // Behind the members page's back: only the read-time filter stands between this row and the page.
    sqlite.prepare("update negotiation_members set role = 'advisor' where negotiation_id = ? and user_id = ?").run(negotiationId, userId);
    assert.equal((sqlite.prepare("select count(*) as n from notifications where user_id = ?").get(userId) as { n: number }).n, 1);
    const page = await notificationsPage("quiet");
    assert.doesNotMatch(page, /INTERNAL-QUIET/);
    assert.match(page, /Notifications, none unread/);
    assert.doesNotMatch(await (await people.quiet!.request("/dashboard")).text(), /new notification/);
  });
});

describe("comment mutations check the current role", () => {
  test("an observer can no longer edit or delete the comments they wrote as a supplier", async () => {
    await changeRole("supplier", "colleague", "supplier");
    const { commentId } = await comment("colleague", "shared", "Written while a supplier");
    await changeRole("supplier", "colleague", "observer");
    const path = `/api/negotiations/${negotiationId}/comments/${commentId}`;
    assert.equal((await post("colleague", path, { action: "edit", body: "Rewritten as an observer" })).status, 403);
    assert.equal((await post("colleague", path, { action: "delete" })).status, 403);
    const stored = sqlite.prepare("select body, deleted_at from comments where id = ?").get(commentId) as { body: string; deleted_at: number | null };
    assert.deepEqual(stored, { body: "Written while a supplier", deleted_at: null });
  });
});

/** The buyer's unread notifications: the supplier side's comments and moves, and the mention. */
const unread = (options: { aboutThreads?: boolean } = {}) =>
  (
    sqlite
      .prepare(
        `select count(*) as n from notifications n join users u on u.id = n.user_id where u.name = 'Bea Buyer' and read_at is null${options.aboutThreads ? " and thread_id is not null" : ""}`,
      )
      .get() as { n: number }
  ).n;

describe("GET has no side effects", () => {
  test("opening the negotiation at a clause reads nothing by itself; the page's POST marks that clause's mentions read", async () => {
    const before = unread();
    await comment("supplier", "shared", `${await mention("buyer", "Bea Buyer")} SHARED-FOR-BUYER: please look`);
    assert.equal(unread(), before + 1);
    assert.equal((await people.buyer!.request(`/negotiations/${negotiationId}?clause=${clauseId}`)).status, 200);
    assert.equal(unread(), before + 1, "the GET changed nothing");
    assert.equal((await post("mole", `/api/negotiations/${negotiationId}/notifications/read`, { clauseId })).status, 404, "only members");
    assert.equal((await post("buyer", `/api/negotiations/${negotiationId}/notifications/read`, { clauseId: "not a clause" })).status, 400);
    assert.equal((await post("buyer", `/api/negotiations/${negotiationId}/notifications/read`, { clauseId })).status, 200);
    assert.equal(unread({ aboutThreads: true }), 0, "every comment here is on that clause");
    assert.ok(unread() > 0, "members joining are about no clause and stay unread");
  });
});
