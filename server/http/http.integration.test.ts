import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { startTestServer, type TestServer } from "../test/testServer";
import { HttpClient } from "../test/httpClient";
import { repoRoot } from "../paths";

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server.stop();
});

test("GET /healthz answers ok once the database is migrated", async () => {
  const res = await fetch(`${server.url}/healthz`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { ok: true });
});

test("pages carry security headers with a per-request script nonce", async () => {
  const a = await fetch(`${server.url}/`);
  const b = await fetch(`${server.url}/`);
  const csp = a.headers.get("content-security-policy")!;
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
  const nonce = csp.match(/'nonce-([^']+)'/)![1]!;
  assert.notEqual(nonce, b.headers.get("content-security-policy")!.match(/'nonce-([^']+)'/)![1]);
  assert.ok((await a.text()).includes(`nonce="${nonce}"`), "inline scripts carry the nonce");
  assert.equal(a.headers.get("x-content-type-options"), "nosniff");
  assert.ok(a.headers.get("x-request-id"));
});

test("fingerprinted assets are cached for a year and served compressed", async () => {
  const html = await (await fetch(`${server.url}/`)).text();
  const asset = html.match(/\/build\/[^"]+\.js/)![0];
  const res = await fetch(server.url + asset, { headers: { "Accept-Encoding": "gzip" } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get("cache-control")!, /max-age=31536000.*immutable/);
  assert.equal(res.headers.get("content-encoding"), "gzip");
  assert.equal((await fetch(`${server.url}/favicon.ico`)).status, 200);
});

test("a mutation from a foreign Origin, or with none, is refused with 403", async () => {
  const evil = new HttpClient(server.url, "https://evil.example");
  const res = await evil.logIn("buyer@demo.test", "demo-password");
  assert.equal(res.status, 403);
  assert.equal(evil.sessionToken, undefined);
  const bare = await fetch(`${server.url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email: "buyer@demo.test", password: "demo-password" }),
    redirect: "manual",
  });
  assert.equal(bare.status, 403);
  // A logged-in victim's cookie does not help a foreign page either.
  const victim = new HttpClient(server.url);
  await victim.logIn("buyer@demo.test", "demo-password");
  const forged = await victim.request("/settings", { form: { intent: "signOutOthers" }, headers: { Origin: "https://evil.example" } });
  assert.equal(forged.status, 403);
});

test("a member opens the negotiation page; an outsider gets the same 404 as a missing id", async () => {
  const buyer = new HttpClient(server.url);
  await buyer.logIn("buyer@demo.test", "demo-password");
  const [negotiation] = (await (await buyer.request("/api/negotiations")).json()) as { id: string }[];
  const page = await buyer.request(`/negotiations/${negotiation!.id}`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Sam Supplier/);
  const outsider = new HttpClient(server.url);
  await outsider.logIn("outsider@demo.test", "demo-password");
  assert.equal((await outsider.request(`/negotiations/${negotiation!.id}`)).status, 404);
  assert.equal((await outsider.request(`/negotiations/does-not-exist`)).status, 404);
});

test("the language follows Accept-Language and the switch is remembered for the user", async () => {
  const dutch = await fetch(`${server.url}/login`, { headers: { "Accept-Language": "nl-NL,nl;q=0.9" } });
  assert.match(await dutch.text(), /<html lang="nl"/);
  const client = new HttpClient(server.url);
  await client.logIn("advisor@demo.test", "demo-password");
  const res = await client.request("/language", { form: { locale: "nl", redirectTo: "/dashboard" } });
  assert.equal(res.status, 302);
  assert.equal(res.headers.get("location"), "/dashboard");
  client.cookies.delete("lang"); // the saved preference, not the cookie, must carry it
  const page = await client.request("/dashboard", { headers: { "Accept-Language": "en" } });
  assert.match(await page.text(), /Je onderhandelingen/);
});

// Run asynchronously: a blocked event loop lets the test server's idle keep-alive sockets expire
// unseen, and the next fetch reusing one fails with "other side closed".
test("a bad configuration value stops the server with a message that names it", async () => {
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "server/index.ts"],
      { cwd: repoRoot, env: { ...process.env, PORT: "not-a-port", DATA_DIR: "/tmp/unused" }, encoding: "utf8", timeout: 20_000 },
      (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stderr }),
    );
  });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /PORT="not-a-port"/);
  assert.match(result.stderr, /README\.md/);
});

test("the knowledge base is public and speaks the reader's language", async () => {
  const en = await fetch(`${server.url}/api/knowledge/incident-notification`);
  assert.equal(en.status, 200);
  assert.equal(((await en.json()) as { title: string }).title, "Incident and data breach notification");
  const nl = await fetch(`${server.url}/api/knowledge/incident-notification`, { headers: { "Accept-Language": "nl" } });
  assert.equal(((await nl.json()) as { title: string }).title, "Melding van incidenten en datalekken");
  assert.equal((await fetch(`${server.url}/api/knowledge/no-such-thing`)).status, 404);
  assert.equal((await fetch(`${server.url}/knowledge/no-such-thing`)).status, 404);
  assert.match(await (await fetch(`${server.url}/knowledge?q=datalekken`)).text(), /Incident and data breach notification/);
});

test("the catalogue can be browsed by category; an unknown category is a clear 400", async () => {
  const res = await fetch(`${server.url}/api/knowledge?category=cryptography`);
  assert.equal(res.status, 200);
  const hits = (await res.json()) as { id: string }[];
  assert.ok(hits.some((h) => h.id === "encryption-at-rest"));
  assert.ok(!hits.some((h) => h.id === "incident-notification"), "only the chosen category");
  const bad = await fetch(`${server.url}/api/knowledge?category=astrology`);
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: string }).error, /category/);
});
