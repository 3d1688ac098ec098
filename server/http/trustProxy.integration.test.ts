import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startTestServer, type TestServer } from "../test/testServer";
import { HttpClient } from "../test/httpClient";

const unique = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;

function signUpVia(server: TestServer, forwardedFor: string) {
  return new HttpClient(server.url).request("/signup", {
    form: { name: "Someone", email: unique("proxied"), password: "long-enough-pw" },
    headers: { "X-Forwarded-For": forwardedFor },
  });
}

describe("TRUST_PROXY=1: one proxy of ours, which appends the address it saw", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: "1" } });
  });
  after(() => server.stop());

  test("five sign-ups per client address an hour, whatever the client writes in front of our proxy's entry", async () => {
    for (let i = 1; i <= 5; i++) assert.equal((await signUpVia(server, `198.51.100.${i}, 203.0.113.9`)).status, 302, `sign-up ${i}`);
    const refused = await signUpVia(server, "192.0.2.77, 203.0.113.9");
    assert.equal(refused.status, 429, "a forged left-most entry is not a new address");
    assert.ok(Number(refused.headers.get("retry-after")) > 0);
    assert.match(await refused.text(), /Too many sign-ups from your network\. Try again in 60 minutes\./);
    assert.equal((await signUpVia(server, "203.0.113.9")).status, 429);
    assert.equal((await signUpVia(server, "192.0.2.77, 203.0.113.10")).status, 302, "another client address has its own budget");
  });
});

describe("TRUST_PROXY as addresses: every trusted proxy's entry is skipped, the first untrusted one is the client", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { TRUST_PROXY: "127.0.0.1, 10.0.0.0/8" } });
  });
  after(() => server.stop());

  test("the address our inner proxy reported counts, not what the client prepended", async () => {
    for (let i = 1; i <= 5; i++) assert.equal((await signUpVia(server, `192.0.2.${i}, 198.51.100.7, 10.1.2.3`)).status, 302, `sign-up ${i}`);
    assert.equal((await signUpVia(server, "192.0.2.200, 198.51.100.7, 10.9.9.9")).status, 429);
    assert.equal((await signUpVia(server, "198.51.100.8, 10.1.2.3")).status, 302);
  });
});

describe("TRUST_PROXY=0 (the default): X-Forwarded-For is ignored", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ env: { SIGNUPS_PER_ADDRESS_PER_HOUR: "2" } });
  });
  after(() => server.stop());

  test("every sign-up from this socket shares one budget, and the budget is configurable", async () => {
    assert.equal((await signUpVia(server, "198.51.100.1")).status, 302);
    assert.equal((await signUpVia(server, "198.51.100.2")).status, 302);
    assert.equal((await signUpVia(server, "198.51.100.3")).status, 429);
  });

  test("a bad TRUST_PROXY stops the server with a message naming it", async () => {
    await assert.rejects(startTestServer({ env: { TRUST_PROXY: "yes" } }), /TRUST_PROXY="yes": "yes" is neither a hop count nor an IP address or CIDR network/);
    await assert.rejects(startTestServer({ env: { TRUST_PROXY: "10.0.0.0/33" } }), /TRUST_PROXY/);
  });
});
