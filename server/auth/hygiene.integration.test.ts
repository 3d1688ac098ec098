import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startTestServer, type TestServer } from "../test/testServer";
import { HttpClient } from "../test/httpClient";

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.stop());

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;

const openRedirects = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/%09/evil.example",
  "/%5Cevil.example",
  "/.//evil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  "\t//evil.example",
];

/** Where a browser on our origin would go for this Location header. */
const landsOn = (location: string | null) => new URL(location ?? "", server.url);

describe("redirect targets are our own paths", () => {
  test("POST /login refuses every open-redirect variant and lands on the dashboard", async () => {
    for (const target of openRedirects) {
      const res = await new HttpClient(server.url).request("/login", { form: { email: "observer@demo.test", password: "demo-password", redirectTo: target } });
      assert.equal(res.status, 302, JSON.stringify(target));
      assert.equal(res.headers.get("location"), "/dashboard", JSON.stringify(target));
    }
  });

  test("GET /login?redirectTo= for someone already logged in does the same", async () => {
    const client = new HttpClient(server.url);
    await client.logIn("observer@demo.test", "demo-password");
    for (const target of openRedirects) {
      const res = await client.request(`/login?${new URLSearchParams({ redirectTo: target })}`);
      assert.equal(res.status, 302, JSON.stringify(target));
      assert.equal(res.headers.get("location"), "/dashboard", JSON.stringify(target));
    }
  });

  test("POST /language falls back to the start page", async () => {
    for (const target of openRedirects) {
      const res = await new HttpClient(server.url).request("/language", { form: { locale: "nl", redirectTo: target } });
      assert.equal(res.status, 302, JSON.stringify(target));
      assert.equal(landsOn(res.headers.get("location")).origin, server.url, JSON.stringify(target));
      assert.equal(res.headers.get("location"), "/", JSON.stringify(target));
    }
  });

  test("POST /signup does the same (one sign-up: the address's budget is five an hour)", async () => {
    const res = await new HttpClient(server.url).request("/signup", {
      form: { name: "Redirected", email: unique("redirected"), password: "long-enough-pw", redirectTo: "/\t/evil.example" },
    });
    assert.equal(res.status, 302);
    assert.equal(res.headers.get("location"), "/dashboard");
  });

  test("a path of our own, with its query, is kept", async () => {
    const res = await new HttpClient(server.url).request("/login", {
      form: { email: "observer@demo.test", password: "demo-password", redirectTo: "/notifications?from=mail#top" },
    });
    assert.equal(res.headers.get("location"), "/notifications?from=mail#top");
  });
});

describe("password guesses are counted before they are checked", () => {
  test("40 concurrent wrong passwords for one account: at most 10 are checked, the rest get 429", async () => {
    const email = "supplier@demo.test";
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => new HttpClient(server.url).logIn(email, `wrong-guess-${i}`)));
    const statuses = answers.map((r) => r.status);
    const checked = statuses.filter((s) => s === 401).length;
    assert.ok(checked <= 10, `${checked} passwords were checked`);
    assert.equal(checked + statuses.filter((s) => s === 429).length, 40, statuses.join(","));
    const limited = answers.find((r) => r.status === 429)!;
    assert.ok(Number(limited.headers.get("retry-after")) > 0);
    // The account stays locked for the right password too, until the window passes.
    assert.equal((await new HttpClient(server.url).logIn(email, "demo-password")).status, 429);
  });

  test("password changes in settings share the account's budget: the 11th wrong current password gets 429", async () => {
    const email = unique("changer");
    const client = new HttpClient(server.url);
    assert.equal((await client.request("/signup", { form: { name: "Changer", email, password: "first-password" } })).status, 302);
    const change = (currentPassword: string) => client.request("/settings", { form: { intent: "password", currentPassword, newPassword: "second-password" } });
    for (let i = 0; i < 10; i++) assert.equal((await change(`wrong-${i}-password`)).status, 400);
    const limited = await change("first-password");
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get("retry-after")) > 0);
    assert.match(await limited.text(), /Too many failed attempts\. Try again in 15 minutes\./);
    assert.equal((await new HttpClient(server.url).logIn(email, "second-password")).status, 429, "nor was the password changed");
  });

  test("the right password gives its attempt back and clears the account's failures", async () => {
    const email = unique("forgetful");
    const client = new HttpClient(server.url);
    await client.request("/signup", { form: { name: "Forgetful", email, password: "right-password" } });
    for (let i = 0; i < 9; i++) assert.equal((await new HttpClient(server.url).logIn(email, `wrong-${i}-password`)).status, 401);
    assert.equal((await new HttpClient(server.url).logIn(email, "right-password")).status, 302);
    for (let i = 0; i < 9; i++) assert.equal((await new HttpClient(server.url).logIn(email, `wrong-${i}-password`)).status, 401, "a fresh budget");
  });
});

describe("budgets for new negotiations", () => {
  test("one account starts at most 20 negotiations a day; the 21st gets 429 with Retry-After and a message", async () => {
    const client = new HttpClient(server.url);
    await client.request("/signup", { form: { name: "Prolific", email: unique("prolific"), password: "long-enough-pw" } });
    const start = () =>
      client.request("/api/negotiations", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ title: "Budgeted", side: "buyer", ourOrg: "A", counterpartyOrg: "B", start: { kind: "empty" } }),
      });
    for (let i = 0; i < 20; i++) assert.equal((await start()).status, 201, `negotiation ${i + 1}`);
    const refused = await start();
    assert.equal(refused.status, 429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    assert.ok(retryAfter > 23 * 3600 && retryAfter <= 24 * 3600, `Retry-After ${retryAfter}`);
    assert.match(((await refused.json()) as { error: string }).error, /as many negotiations as one account may start in a day/);
    const wizard = await client.request("/negotiations/new", {
      form: { title: "Through the wizard", side: "buyer", ourOrg: "A", counterpartyOrg: "B", startKind: "empty", step: "review", intent: "create" },
    });
    assert.equal(wizard.status, 429, "the wizard shares the budget");
    assert.ok(Number(wizard.headers.get("retry-after")) > 0);
    const list = (await (await client.request("/api/negotiations")).json()) as unknown[];
    assert.equal(list.length, 20);
  });
});
