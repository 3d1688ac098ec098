import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import { WebSocket } from "ws";
import { startTestServer, type TestServer } from "../test/testServer";
import { HttpClient } from "../test/httpClient";
import { demoClients } from "../test/demoLogins";
import { invitationSteps } from "../test/invitationSteps";
import { connectCollab, firstClauseText, sessionCookie, synced, typeInFirstClause, waitFor } from "../test/collabClient";
import { CloseCode } from "../../shared/collaboration/closeCodes";

let server: TestServer;
let demoId: string;
const as = demoClients(() => server.url);

const steps = invitationSteps(() => server.url, as);
const signUp = steps.signUp;
const inviteAs = (who: string, email: string, role: string, negotiationId = demoId) => steps.invite(who, negotiationId, email, role);

const tokenOf = (link: string) => link.split("/").pop()!;

before(async () => {
  server = await startTestServer();
  const list = (await (await (await as("buyer")).request("/api/negotiations")).json()) as { id: string }[];
  demoId = list[0]!.id;
});
after(async () => {
  await server.stop();
});

describe("starting a negotiation", () => {
  const body = {
    title: "Payroll SaaS",
    side: "buyer",
    ourOrg: "Acme Retail",
    counterpartyOrg: "PayFast",
    start: { kind: "template", context: { service: "saas", data: "personal", criticality: "critical", rules: ["nis2"] }, exclude: ["cyber-insurance"] },
  };

  test("POST /api/negotiations builds the schedule from the answers; the creator owns the buyer side", async () => {
    const outsider = await as("outsider");
    const res = await outsider.request("/api/negotiations", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    assert.equal(res.status, 201);
    const { id } = (await res.json()) as { id: string };
    const detail = (await (await outsider.request(`/api/negotiations/${id}`)).json()) as {
      title: string;
      role: string;
      owner: boolean;
      parties: { buyer: string; supplier: string };
      members: { role: string }[];
    };
    assert.deepEqual(
      { title: detail.title, role: detail.role, owner: detail.owner, parties: detail.parties },
      {
        title: "Payroll SaaS",
        role: "buyer",
        owner: true,
        parties: { buyer: "Acme Retail", supplier: "PayFast" },
      },
    );
    const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
    const { content_json } = db.prepare("select content_json from doc_snapshots where negotiation_id = ?").get(id) as { content_json: string };
    const setup = JSON.parse((db.prepare("select setup_json from negotiations where id = ?").get(id) as { setup_json: string }).setup_json);
    db.close();
    const requirements = [...content_json.matchAll(/"requirement":"([a-z0-9-]+)"/g)].map((m) => m[1]);
    assert.ok(requirements.includes("incident-notification"));
    assert.ok(requirements.includes("data-security-measures") && requirements.includes("data-location"), "personal data brings the GDPR Art. 28(3) clauses");
    assert.ok(!requirements.includes("cyber-insurance"), "unticked clauses stay out");
    assert.equal(setup.level, "strict");
    assert.ok(setup.clauses.some((c: { reasons: { kind: string; regime?: string }[] }) => c.reasons.some((r) => r.regime === "nis2")));
  });

  test("the data answer may list several kinds (personal among them brings GDPR); none with others is refused", async () => {
    const outsider = await as("outsider");
    const start = (data: unknown) =>
      outsider.request("/api/negotiations", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ...body, title: "Mixed data", start: { ...body.start, context: { ...body.start.context, rules: [], data } } }),
      });
    const mixed = await start(["confidential", "personal"]);
    assert.equal(mixed.status, 201);
    const { id } = (await mixed.json()) as { id: string };
    const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
    const setup = JSON.parse((db.prepare("select setup_json from negotiations where id = ?").get(id) as { setup_json: string }).setup_json);
    db.close();
    assert.deepEqual(setup.context.data, ["confidential", "personal"]);
    assert.ok(setup.regimes.includes("gdpr"));
    const refused = await start(["none", "personal"]);
    assert.equal(refused.status, 400);
  });

  test("bad input gets 400 with the fields named; copying someone else's negotiation is a 404", async () => {
    const outsider = await as("outsider");
    const bad = await outsider.request("/api/negotiations", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...body, side: "both", title: "" }),
    });
    assert.equal(bad.status, 400);
    const issues = ((await bad.json()) as { issues: { path: string }[] }).issues.map((i) => i.path);
    assert.ok(issues.includes("side") && issues.includes("title"));
    const notJson = await outsider.request("/api/negotiations", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{" });
    assert.equal(notJson.status, 400);
    const copy = await outsider.request("/api/negotiations", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...body, start: { kind: "copy", fromNegotiationId: demoId } }),
    });
    assert.equal(copy.status, 404);
  });

  test("a member can copy a negotiation as a template: same text, new clause ids", async () => {
    const buyer = await as("buyer");
    const res = await buyer.request("/api/negotiations", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...body, start: { kind: "copy", fromNegotiationId: demoId } }),
    });
    assert.equal(res.status, 201);
    const { id } = (await res.json()) as { id: string };
    const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
    const content = (nid: string) =>
      (db.prepare("select content_json from doc_snapshots where negotiation_id = ?").get(nid) as { content_json: string }).content_json;
    const copyJson = content(id);
    const sourceJson = content(demoId);
    db.close();
    const ids = (json: string) => new Set([...json.matchAll(/"id":"([a-z2-7]+)"/g)].map((m) => m[1]));
    const strip = (json: string) => json.replace(/"id":"[a-z2-7]+"/g, "");
    assert.equal(strip(copyJson), strip(sourceJson));
    assert.equal([...ids(copyJson)].filter((x) => ids(sourceJson).has(x)).length, 0);
  });
});

describe("invitations", () => {
  test("an invitee signs up with the invited email, accepts once, and joins with the invited role", async () => {
    const { status, link } = await inviteAs("buyer", "new-supplier@example.test", "buyer");
    assert.equal(status, 200);
    assert.ok(link, "the inviter sees the link");
    const invitee = await signUp("new-supplier@example.test");
    const page = await invitee.request(`/invitations/${tokenOf(link!)}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Accept and open the negotiation/);
    const accepted = await invitee.request(`/invitations/${tokenOf(link!)}`, { method: "POST" });
    assert.equal(accepted.status, 302);
    assert.equal(accepted.headers.get("location"), `/negotiations/${demoId}`);
    const detail = (await (await invitee.request(`/api/negotiations/${demoId}`)).json()) as { role: string; owner: boolean };
    assert.deepEqual(detail, { ...detail, role: "buyer", owner: false });
    const again = await invitee.request(`/invitations/${tokenOf(link!)}`, { method: "POST" });
    assert.equal(again.status, 410, "single use");
  });

  test("without an SMTP server the mail waits in the outbox, visible only to its addressee", async () => {
    const { link } = await inviteAs("buyer", "outbox-check@example.test", "observer");
    const invitee = await signUp("outbox-check@example.test");
    const outbox = await invitee.request("/outbox");
    assert.equal(outbox.status, 200);
    assert.ok((await outbox.text()).includes(link!), "the invitee finds the link in their outbox");
    assert.doesNotMatch(await (await (await as("supplier")).request("/outbox")).text(), /outbox-check@example\.test/);
  });

  test("a revoked, an expired and a wrong-account invitation are refused with a clear message", async () => {
    const revoked = await inviteAs("buyer", "revoked@example.test", "observer");
    const db = new SQLite(path.join(server.dataDir, "app.db"));
    const invitationId = (email: string) => (db.prepare("select id from invitations where email = ?").get(email) as { id: string }).id;
    const res = await (
      await as("buyer")
    ).request(`/negotiations/${demoId}/members`, { form: { intent: "revoke", invitationId: invitationId("revoked@example.test") } });
    assert.equal(res.status, 200);
    const revokedUser = await signUp("revoked@example.test");
    const page = await revokedUser.request(`/invitations/${tokenOf(revoked.link!)}`);
    assert.equal(page.status, 410);
    assert.match(await page.text(), /was revoked/);
    assert.equal((await revokedUser.request(`/invitations/${tokenOf(revoked.link!)}`, { method: "POST" })).status, 410);

    const expired = await inviteAs("buyer", "late@example.test", "observer");
    db.prepare("update invitations set expires_at = ? where email = ?").run(Date.now() - 1, "late@example.test");
    db.close();
    const late = await signUp("late@example.test");
    assert.match(await (await late.request(`/invitations/${tokenOf(expired.link!)}`)).text(), /has expired/);

    const forOther = await inviteAs("buyer", "someone-else@example.test", "observer");
    const wrong = await as("outsider");
    assert.match(await (await wrong.request(`/invitations/${tokenOf(forOther.link!)}`)).text(), /but you are logged in as outsider@demo\.test/);
    assert.equal((await wrong.request(`/invitations/${tokenOf(forOther.link!)}`, { method: "POST" })).status, 403);
  });
});

describe("members", () => {
  function socketOf(cookie: string): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab/${demoId}`, { headers: { Cookie: cookie, Origin: server.url } });
      ws.on("open", () => resolve(ws));
      ws.on("error", reject);
    });
  }
  const closeCode = (ws: WebSocket) => new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));

  test("changing a role takes effect at once: the member's socket closes with 4501, and reconnects with the new rights", async () => {
    const { link } = await inviteAs("buyer", "temp-advisor@example.test", "advisor");
    const member = await signUp("temp-advisor@example.test");
    await member.request(`/invitations/${tokenOf(link!)}`, { method: "POST" });
    const ws = await socketOf(`session=${member.sessionToken}`);
    const code = closeCode(ws);
    const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
    const userId = (db.prepare("select id from users where email = ?").get("temp-advisor@example.test") as { id: string }).id;
    db.close();
    const res = await (await as("buyer")).request(`/negotiations/${demoId}/members`, { form: { intent: "role", userId, role: "observer" } });
    assert.equal(res.status, 200);
    assert.equal(await code, CloseCode.rightsChanged);
    const detail = (await (await member.request(`/api/negotiations/${demoId}`)).json()) as { role: string };
    assert.equal(detail.role, "observer");

    const again = await socketOf(`session=${member.sessionToken}`);
    const removed = closeCode(again);
    assert.equal((await (await as("buyer")).request(`/negotiations/${demoId}/members`, { form: { intent: "remove", userId } })).status, 200);
    assert.equal(await removed, CloseCode.forbidden);
    assert.equal((await member.request(`/api/negotiations/${demoId}`)).status, 404);
  });

  test("the last owner of a party cannot leave or be demoted", async () => {
    const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
    const supplierId = (db.prepare("select id from users where email = 'supplier@demo.test'").get() as { id: string }).id;
    db.close();
    const supplier = await as("supplier");
    const leave = await supplier.request(`/negotiations/${demoId}/members`, { form: { intent: "remove", userId: supplierId } });
    assert.equal(leave.status, 409);
    assert.match(await leave.text(), /must keep at least one owner/);
    const demote = await supplier.request(`/negotiations/${demoId}/members`, { form: { intent: "owner", userId: supplierId, owner: "0" } });
    assert.equal(demote.status, 409);
  });

  test("a buyer owner cannot manage the supplier's party", async () => {
    const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
    const supplierId = (db.prepare("select id from users where email = 'supplier@demo.test'").get() as { id: string }).id;
    db.close();
    const buyer = await as("buyer");
    assert.equal((await buyer.request(`/negotiations/${demoId}/members`, { form: { intent: "remove", userId: supplierId } })).status, 403);
    assert.equal((await inviteAs("buyer", "second-supplier@example.test", "supplier")).status, 403);
  });
});

describe("the permission matrix: every role, a non-member and no session, for every action", () => {
  type Who = "buyer" | "supplier" | "advisor" | "observer" | "outsider" | "anonymous";
  const everyone: Who[] = ["buyer", "supplier", "advisor", "observer", "outsider", "anonymous"];
  const client = async (who: Who) => (who === "anonymous" ? new HttpClient(server.url) : as(who));

  const matrix: { action: string; run: (c: HttpClient) => Promise<number>; expect: Record<Who, number> }[] = [
    {
      action: "open the negotiation page",
      run: async (c) => (await c.request(`/negotiations/${demoId}`)).status,
      expect: { buyer: 200, supplier: 200, advisor: 200, observer: 200, outsider: 404, anonymous: 302 },
    },
    {
      action: "read it through the API",
      run: async (c) => (await c.request(`/api/negotiations/${demoId}`)).status,
      expect: { buyer: 200, supplier: 200, advisor: 200, observer: 200, outsider: 404, anonymous: 401 },
    },
    {
      action: "see the members page",
      run: async (c) => (await c.request(`/negotiations/${demoId}/members`)).status,
      expect: { buyer: 200, supplier: 200, advisor: 200, observer: 200, outsider: 404, anonymous: 302 },
    },
    {
      action: "invite an observer",
      run: async (c) =>
        (await c.request(`/negotiations/${demoId}/members`, { form: { intent: "invite", email: `obs-${Math.random()}@example.test`, role: "observer" } }))
          .status,
      expect: { buyer: 200, supplier: 200, advisor: 403, observer: 403, outsider: 404, anonymous: 302 },
    },
    {
      action: "archive it for themselves",
      run: async (c) => (await c.request("/dashboard", { form: { negotiationId: demoId, archived: "0" } })).status,
      expect: { buyer: 200, supplier: 200, advisor: 200, observer: 200, outsider: 404, anonymous: 302 },
    },
    {
      action: "copy it as a template",
      run: async (c) =>
        (
          await c.request("/api/negotiations", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ title: "Copy", side: "buyer", ourOrg: "A", counterpartyOrg: "B", start: { kind: "copy", fromNegotiationId: demoId } }),
          })
        ).status,
      expect: { buyer: 201, supplier: 201, advisor: 201, observer: 201, outsider: 404, anonymous: 401 },
    },
  ];

  for (const row of matrix) {
    test(row.action, async () => {
      for (const who of everyone) assert.equal(await row.run(await client(who)), row.expect[who], `${who}: ${row.action}`);
    });
  }

  test("edit the schedule over the socket", async () => {
    const expectEdit: Record<Who, "edits" | "read-only" | 401 | 404> = {
      buyer: "edits",
      supplier: "edits",
      advisor: "edits",
      observer: "read-only",
      outsider: 404,
      anonymous: 401,
    };
    for (const who of everyone) {
      const cookie = who === "anonymous" ? undefined : await sessionCookie(server.url, `${who}@demo.test`);
      const expected = expectEdit[who];
      if (typeof expected === "number") {
        const status = await new Promise<number>((resolve) => {
          const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab/${demoId}`, {
            headers: { Origin: server.url, ...(cookie ? { Cookie: cookie } : {}) },
          });
          ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
          ws.on("open", () => resolve(200));
          ws.on("error", () => undefined);
        });
        assert.equal(status, expected, who);
        continue;
      }
      const writer = connectCollab(server.url, demoId, cookie);
      await synced(writer);
      const marker = `edit-by-${who}`;
      typeInFirstClause(writer, ` ${marker}`);
      const reader = connectCollab(server.url, demoId, await sessionCookie(server.url, "buyer@demo.test"));
      const seen = () => reader.provider.synced && firstClauseText(reader.fragment).includes(marker);
      if (expected === "edits") {
        await waitFor(seen, `${who}'s edit at another member`);
      } else {
        // Proving an absence needs a bounded wait; the integration suite also checks the store.
        await synced(reader);
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(seen(), false, `${who}'s edit must not reach others`);
      }
      writer.destroy();
      reader.destroy();
    }
  });
});
