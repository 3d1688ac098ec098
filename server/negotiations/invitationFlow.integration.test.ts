import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients } from "../test/demoLogins";
import { invitationSteps } from "../test/invitationSteps";

// Invitations as the invitee finds them: on the dashboard, in the outbox, on a link already used;
// and what the inviter is told (duplicates refused, where the mail went).
let server: TestServer;
let demoId: string;
const as = demoClients(() => server.url);

const steps = invitationSteps(() => server.url, as);
const signUp = steps.signUp;
const inviteAs = (who: string, email: string, role: string) => steps.invite(who, demoId, email, role);

const tokenOf = (link: string) => link.split("/").pop()!;

before(async () => {
  server = await startTestServer({ env: { SIGNUPS_PER_ADDRESS_PER_HOUR: "50" } });
  const list = (await (await (await as("buyer")).request("/api/negotiations")).json()) as { id: string }[];
  demoId = list[0]!.id;
});
after(async () => {
  await server.stop();
});

describe("invitations for the invitee and the inviter", () => {
  test("a used link opened by a member says they are in already, with a link there; anyone else is told it was used", async () => {
    const { link } = await inviteAs("buyer", "used-link@example.test", "observer");
    const invitee = await signUp("used-link@example.test");
    assert.equal((await invitee.request(`/invitations/${tokenOf(link!)}`, { method: "POST" })).status, 302);
    const page = await invitee.request(`/invitations/${tokenOf(link!)}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /You are already a member of this negotiation\./);
    assert.ok(html.includes(`href="/negotiations/${demoId}"`), "links to the negotiation");
    assert.doesNotMatch(html, /Log in to open/);
    const outsider = await as("outsider");
    const other = await outsider.request(`/invitations/${tokenOf(link!)}`);
    assert.equal(other.status, 410);
    const otherHtml = await other.text();
    assert.match(otherHtml, /has already been used\. If you still need to join/);
    assert.doesNotMatch(otherHtml, /already a member/);
  });

  test("the dashboard shows the invitations addressed to the account's email, and Accept joins through the same checks", async () => {
    await inviteAs("buyer", "dash-invitee@example.test", "observer");
    const invitee = await signUp("dash-invitee@example.test");
    const dashboard = await (await invitee.request("/dashboard")).text();
    assert.match(dashboard, /Invitations for you/);
    assert.match(dashboard, /Invited by Bea Buyer \(Acme Retail\) as Observer/);
    assert.doesNotMatch(await (await (await as("outsider")).request("/dashboard")).text(), /Invitations for you/, "nobody else sees it");

    const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
    const invitationId = (db.prepare("select id from invitations where email = ?").get("dash-invitee@example.test") as { id: string }).id;
    db.close();
    // An id is not enough: accepting an invitation addressed to someone else answers like a missing one.
    const stolen = await (await as("outsider")).request("/dashboard", { form: { intent: "accept", invitationId } });
    assert.equal(stolen.status, 404);
    assert.equal((await (await as("outsider")).request(`/api/negotiations/${demoId}`)).status, 404);

    const accepted = await invitee.request("/dashboard", { form: { intent: "accept", invitationId } });
    assert.equal(accepted.status, 302);
    assert.equal(accepted.headers.get("location"), `/negotiations/${demoId}`);
    const detail = (await (await invitee.request(`/api/negotiations/${demoId}`)).json()) as { role: string };
    assert.equal(detail.role, "observer");
    assert.doesNotMatch(await (await invitee.request("/dashboard")).text(), /Invitations for you/, "an accepted invitation is no longer offered");
    const again = await invitee.request("/dashboard", { form: { intent: "accept", invitationId } });
    assert.equal(again.status, 410, "single use, as with the link");
  });

  test("revoked and expired invitations are not offered on the dashboard, and cannot be accepted from it", async () => {
    await inviteAs("buyer", "dash-late@example.test", "observer");
    const db = new SQLite(path.join(server.dataDir, "app.db"));
    db.prepare("update invitations set expires_at = ? where email = ?").run(Date.now() - 1, "dash-late@example.test");
    const invitationId = (db.prepare("select id from invitations where email = ?").get("dash-late@example.test") as { id: string }).id;
    db.close();
    const invitee = await signUp("dash-late@example.test");
    assert.doesNotMatch(await (await invitee.request("/dashboard")).text(), /Invitations for you/);
    const res = await invitee.request("/dashboard", { form: { intent: "accept", invitationId } });
    assert.equal(res.status, 410);
    assert.match(await res.text(), /has expired/);
  });

  test("a second open invitation for the same address, or one for a member, is refused with 409 at the email field", async () => {
    const first = await inviteAs("buyer", "twice@example.test", "observer");
    assert.equal(first.status, 200);
    const res = await (
      await as("buyer")
    ).request(`/negotiations/${demoId}/members`, { form: { intent: "invite", email: "Twice@Example.test", role: "advisor" } });
    assert.equal(res.status, 409);
    const html = await res.text();
    assert.match(html, /already has an open invitation to this negotiation/);
    assert.match(html, /value="twice@example\.test"/, "what was typed stays in the form");
    const member = await (
      await as("buyer")
    ).request(`/negotiations/${demoId}/members`, { form: { intent: "invite", email: "advisor@demo.test", role: "observer" } });
    assert.equal(member.status, 409);
    assert.match(await member.text(), /already a member of the negotiation/);

    // Once the first is revoked, a new invitation may be sent.
    const db = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
    const invitationId = (db.prepare("select id from invitations where email = ?").get("twice@example.test") as { id: string }).id;
    db.close();
    await (await as("buyer")).request(`/negotiations/${demoId}/members`, { form: { intent: "revoke", invitationId } });
    assert.equal((await inviteAs("buyer", "twice@example.test", "observer")).status, 200);
    // Reviving the revoked one would make two open invitations.
    const resend = await (await as("buyer")).request(`/negotiations/${demoId}/members`, { form: { intent: "resend", invitationId } });
    assert.equal(resend.status, 409);
  });

  test("without SMTP_URL the inviter is told the mail was kept in the outbox, not sent", async () => {
    const res = await (
      await as("buyer")
    ).request(`/negotiations/${demoId}/members`, { form: { intent: "invite", email: "told@example.test", role: "observer" } });
    const html = await res.text();
    assert.match(html, /No mail server is configured \(SMTP_URL\), so no mail was sent/);
    assert.doesNotMatch(html, /The invitation mail was sent to/);
  });

  test("the outbox turns links to us into links and leaves the rest text", async () => {
    const { link } = await inviteAs("buyer", "outbox-links@example.test", "observer");
    const invitee = await signUp("outbox-links@example.test");
    const html = await (await invitee.request("/outbox")).text();
    assert.ok(html.includes(`<a href="${link}">${link}</a>`), "the invitation link is clickable");

    // Anything else in a body stays text: other sites, other schemes, markup.
    const db = new SQLite(path.join(server.dataDir, "app.db"));
    db.prepare("insert into outbox (to_email, subject, body, created_at) values (?, ?, ?, ?)").run(
      "outbox-links@example.test",
      "Mixed",
      `Elsewhere https://evil.example/phish and javascript:alert(1) and <b>bold</b> and ${server.url}/dashboard.`,
      Date.now(),
    );
    db.close();
    const mixed = await (await invitee.request("/outbox")).text();
    assert.ok(mixed.includes("Elsewhere https://evil.example/phish and"), "a foreign link is text");
    assert.doesNotMatch(mixed, /href="https:\/\/evil|href="javascript/);
    assert.ok(mixed.includes("&lt;b&gt;bold&lt;/b&gt;"), "markup is escaped");
    assert.ok(mixed.includes(`<a href="${server.url}/dashboard">${server.url}/dashboard</a>.`), "our own link is one, without the full stop");
  });
});
