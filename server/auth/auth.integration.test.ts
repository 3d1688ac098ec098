import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import { startTestServer, type TestServer } from "../test/testServer";
import { HttpClient } from "../test/httpClient";
import { sessionIdFromToken } from "./sessions";

let server: TestServer;
let sqlite: SQLite.Database;
const day = 24 * 60 * 60 * 1000;

before(async () => {
  server = await startTestServer();
  // A second connection to the server's own database file, to look at and age sessions.
  sqlite = new SQLite(path.join(server.dataDir, "app.db"));
});
after(async () => {
  sqlite.close();
  await server.stop();
});

const unique = () => `user-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;

describe("sign up", () => {
  test("creates an account, sets an HttpOnly session cookie and lands on the dashboard", async () => {
    const client = new HttpClient(server.url);
    const email = unique();
    const res = await client.request("/signup", { form: { name: "New Person", email: email.toUpperCase(), password: "long-enough-pw" } });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get("location"), "/dashboard");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("session="))!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    const row = sqlite.prepare("select email, password_hash from users where email = ?").get(email) as { email: string; password_hash: string };
    assert.equal(row.email, email, "email is stored lower-cased");
    assert.match(row.password_hash, /^\$argon2id\$/);
    const stored = sqlite.prepare("select id from sessions where id = ?").get(sessionIdFromToken(client.sessionToken!));
    assert.ok(stored, "only the token's SHA-256 is stored, and it is");
    assert.equal(sqlite.prepare("select id from sessions where id = ?").get(client.sessionToken!), undefined, "the raw token is not stored");
    const dashboard = await client.request("/dashboard");
    assert.equal(dashboard.status, 200);
  });

  test("refuses a short password and a taken email without creating anything", async () => {
    const client = new HttpClient(server.url);
    const short = await client.request("/signup", { form: { name: "X", email: unique(), password: "short" } });
    assert.equal(short.status, 400);
    assert.match(await short.text(), /at least 10/);
    const taken = await client.request("/signup", { form: { name: "X", email: "buyer@demo.test", password: "long-enough-pw" } });
    assert.equal(taken.status, 409);
    assert.equal(client.sessionToken, undefined);
  });
});

describe("log in and out", () => {
  test("the demo buyer logs in through POST /login and sees the demo negotiations, most recent first", async () => {
    const client = new HttpClient(server.url);
    const res = await client.logIn("buyer@demo.test", "demo-password");
    assert.equal(res.status, 302);
    const api = await client.request("/api/negotiations");
    assert.equal(api.status, 200);
    const list = (await api.json()) as { id: string; title: string; role: string }[];
    assert.deepEqual(
      list.map((n) => [n.title, n.role]),
      [
        ["Acme Retail ⇄ Nimbus Cloud — SaaS security schedule", "buyer"],
        ["Backup service pilot — three-clause schedule", "buyer"],
      ],
    );
  });

  test("every demo user gets their own role, the outsider an empty list", async () => {
    const expected: Record<string, string | null> = {
      "supplier@demo.test": "supplier",
      "advisor@demo.test": "advisor",
      "observer@demo.test": "observer",
      "outsider@demo.test": null,
    };
    for (const [email, role] of Object.entries(expected)) {
      const client = new HttpClient(server.url);
      await client.logIn(email, "demo-password");
      const list = (await (await client.request("/api/negotiations")).json()) as { role: string }[];
      assert.deepEqual(
        list.map((n) => n.role),
        role ? [role, role] : [],
        email,
      );
    }
  });

  test("a wrong password and an unknown email get the same answer and no cookie", async () => {
    const wrong = new HttpClient(server.url);
    const a = await wrong.logIn("supplier@demo.test", "not-the-password");
    const unknown = new HttpClient(server.url);
    const b = await unknown.logIn("nobody@example.test", "not-the-password");
    assert.equal(a.status, 401);
    assert.equal(b.status, 401);
    const message = "The email address or password is incorrect.";
    assert.ok((await a.text()).includes(message));
    assert.ok((await b.text()).includes(message));
    assert.equal(wrong.sessionToken, undefined);
    assert.equal(unknown.sessionToken, undefined);
  });

  test("log out ends the session on the server, not just in the browser", async () => {
    const client = new HttpClient(server.url);
    await client.logIn("advisor@demo.test", "demo-password");
    const token = client.sessionToken!;
    const res = await client.request("/logout", { method: "POST" });
    assert.equal(res.status, 302);
    assert.equal(client.sessionToken, undefined, "cookie cleared");
    const replay = new HttpClient(server.url);
    replay.cookies.set("session", token);
    assert.equal((await replay.request("/api/negotiations")).status, 401);
  });
});

describe("rate limit", () => {
  test("ten failures for one email lock it with 429 and Retry-After, even for the right password", async () => {
    const client = new HttpClient(server.url);
    const email = unique();
    await client.request("/signup", { form: { name: "Target", email, password: "the-right-password" } });
    const attacker = new HttpClient(server.url);
    for (let i = 0; i < 10; i++) assert.equal((await attacker.logIn(email, `guess-${i}-xxxx`)).status, 401);
    const locked = await attacker.logIn(email, "the-right-password");
    assert.equal(locked.status, 429);
    const retryAfter = Number(locked.headers.get("retry-after"));
    assert.ok(retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
    assert.match(await locked.text(), /Try again in 15 minutes/);
    assert.equal(attacker.sessionToken, undefined);
  });
});

describe("sessions", () => {
  test("no session: the API answers 401 JSON and pages redirect to login", async () => {
    const client = new HttpClient(server.url);
    const api = await client.request("/api/negotiations");
    assert.equal(api.status, 401);
    assert.ok(((await api.json()) as { error: string }).error.length > 0);
    const page = await client.request("/dashboard");
    assert.equal(page.status, 302);
    assert.equal(page.headers.get("location"), "/login?redirectTo=%2Fdashboard");
  });

  test("an expired session is refused and removed", async () => {
    const client = new HttpClient(server.url);
    await client.logIn("observer@demo.test", "demo-password");
    const id = sessionIdFromToken(client.sessionToken!);
    sqlite.prepare("update sessions set expires_at = ? where id = ?").run(Date.now() - 1000, id);
    assert.equal((await client.request("/api/negotiations")).status, 401);
    assert.equal(sqlite.prepare("select id from sessions where id = ?").get(id), undefined);
  });

  test("a session used in its second half slides forward 30 days and the cookie is re-sent", async () => {
    const client = new HttpClient(server.url);
    await client.logIn("observer@demo.test", "demo-password");
    const id = sessionIdFromToken(client.sessionToken!);
    sqlite.prepare("update sessions set expires_at = ? where id = ?").run(Date.now() + 10 * day, id);
    const res = await client.request("/api/negotiations");
    assert.equal(res.status, 200);
    assert.ok(res.headers.getSetCookie().some((c) => c.startsWith("session=") && /Max-Age=259\d{4}/.test(c)));
    const { expires_at } = sqlite.prepare("select expires_at from sessions where id = ?").get(id) as { expires_at: number };
    assert.ok(expires_at > Date.now() + 29 * day);
  });

  test("sign out all other sessions revokes them and keeps this one", async () => {
    const laptop = new HttpClient(server.url);
    const phone = new HttpClient(server.url);
    await laptop.logIn("supplier@demo.test", "demo-password");
    await phone.logIn("supplier@demo.test", "demo-password");
    const res = await laptop.request("/settings", { form: { intent: "signOutOthers" } });
    assert.equal(res.status, 200);
    assert.equal((await phone.request("/api/negotiations")).status, 401);
    assert.equal((await laptop.request("/api/negotiations")).status, 200);
  });

  test("changing the password needs the current one, and signs out the other sessions", async () => {
    const email = unique();
    const a = new HttpClient(server.url);
    await a.request("/signup", { form: { name: "Changer", email, password: "first-password" } });
    const b = new HttpClient(server.url);
    await b.logIn(email, "first-password");
    const wrong = await a.request("/settings", { form: { intent: "password", currentPassword: "nope-nope-nope", newPassword: "second-password" } });
    assert.equal(wrong.status, 400);
    const ok = await a.request("/settings", { form: { intent: "password", currentPassword: "first-password", newPassword: "second-password" } });
    assert.equal(ok.status, 200);
    assert.equal((await b.request("/api/negotiations")).status, 401);
    assert.equal((await a.request("/api/negotiations")).status, 200);
    assert.equal((await new HttpClient(server.url).logIn(email, "first-password")).status, 401);
    assert.equal((await new HttpClient(server.url).logIn(email, "second-password")).status, 302);
  });
});
