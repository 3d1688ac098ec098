import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startTestServer, type TestServer } from "../test/testServer";
import { HttpClient } from "../test/httpClient";
import { demoClients } from "../test/demoLogins";
import { pilotNegotiationId } from "../test/pilotNegotiation";

// How a refusal becomes a response (server/errors.ts toResponse), through the one gate
// (app/utils/member.server.ts requireMember) and the one policy (shared/policy.ts).

let server: TestServer;
let pilotId: string;
const as = demoClients(() => server.url);
before(async () => {
  server = await startTestServer();
  pilotId = await pilotNegotiationId(server.url);
});
after(async () => {
  await server.stop();
});

type Refusal = { error: string; code: string };

test("the API without a session answers 401 with the message in the caller's language", async () => {
  const en = await fetch(`${server.url}/api/negotiations/${pilotId}/threads`);
  assert.equal(en.status, 401);
  assert.deepEqual(await en.json(), { error: "You are not logged in: log in (POST /login) and send the session cookie.", code: "error.loginRequired" });
  const nl = await fetch(`${server.url}/api/negotiations`, { headers: { "Accept-Language": "nl" } });
  assert.equal(nl.status, 401);
  assert.match(((await nl.json()) as Refusal).error, /Je bent niet ingelogd/);
});

test("a page without a session redirects to the login page and back", async () => {
  const res = await new HttpClient(server.url).request(`/negotiations/${pilotId}/agreement?x=1`);
  assert.equal(res.status, 302);
  assert.equal(res.headers.get("location"), `/login?${new URLSearchParams({ redirectTo: `/negotiations/${pilotId}/agreement?x=1` })}`);
});

test("a non-member gets exactly the answer a missing negotiation gets, from the API and from pages", async () => {
  const outsider = await as("outsider");
  const theirs = await outsider.request(`/api/negotiations/${pilotId}/agreements`);
  const missing = await outsider.request(`/api/negotiations/aaaaaaaaaaaaaaaa/agreements`);
  assert.equal(theirs.status, 404);
  assert.equal(missing.status, 404);
  const body = await theirs.json();
  assert.deepEqual(body, await missing.json());
  assert.equal((body as Refusal).code, "error.notMember");
  for (const path of [`/api/negotiations/${pilotId}`, `/api/negotiations/${pilotId}/signoff`]) {
    const res = await outsider.request(path, path.endsWith("signoff") ? { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" } : {});
    assert.equal(res.status, 404, path);
  }
  const page = await outsider.request(`/negotiations/${pilotId}/members`);
  assert.equal(page.status, 404);
  assert.match(await page.text(), /No such negotiation, or you are not a member/);
});

test("the policy refuses through the API with its own message and code", async () => {
  const observer = await as("observer");
  const res = await observer.request(`/api/negotiations/${pilotId}/signoff`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept-Language": "nl" },
    body: "{}",
  });
  assert.equal(res.status, 403);
  const body = (await res.json()) as Refusal;
  assert.equal(body.code, "agreements.error.notOwner");
  assert.equal(body.error, "Alleen een eigenaar van de afnemer of de leverancier kan aftekenen.");
  const round = await (
    await as("buyer")
  ).request(`/api/negotiations/${pilotId}/rounds`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
  assert.equal(round.status, 409, "no agreement in force to amend yet");
  assert.equal(((await round.json()) as Refusal).code, "agreements.error.notEffective");
});

test("the page loader sends the policy's answers for this member", async () => {
  const buyer = await (await as("buyer")).request(`/negotiations/${pilotId}/agreement?_data=routes%2Fnegotiations.%24id_.agreement`);
  const observer = await (await as("observer")).request(`/negotiations/${pilotId}/agreement?_data=routes%2Fnegotiations.%24id_.agreement`);
  const policies = async (res: Response) => ((await res.json()) as { policies: Record<string, boolean> }).policies;
  const forBuyer = await policies(buyer);
  const forObserver = await policies(observer);
  assert.equal(forBuyer.signOff, true, "the buyer is its party's owner and nothing is in force");
  assert.equal(forBuyer.openRound, false, "no agreement in force to amend");
  assert.equal(forObserver.signOff, false);
  assert.equal(forObserver.edit, false);
});

test("a page refusal shows the translated message, not a generic error: bad query, missing version", async () => {
  const buyer = await as("buyer");
  const compare = await buyer.request(`/negotiations/${pilotId}/compare?from=not-a-version`);
  assert.equal(compare.status, 400);
  const html = await compare.text();
  assert.match(html, /This address has a parameter that is not valid here/);
  assert.doesNotMatch(html, /An unexpected error occurred/);
  const version = await buyer.request(`/negotiations/${pilotId}/versions/aaaaaaaaaaaaaaaaaaaaaaaaaa`);
  assert.equal(version.status, 404);
  assert.match(await version.text(), /No such version in this negotiation/);
});

test("starting a negotiation as a copy of someone else's is refused in words, not with a message key", async () => {
  const outsider = await as("outsider");
  const res = await outsider.request("/api/negotiations", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ title: "Copy attempt", side: "buyer", ourOrg: "Us", counterpartyOrg: "Them", start: { kind: "copy", fromNegotiationId: pilotId } }),
  });
  assert.equal(res.status, 404);
  const body = (await res.json()) as Refusal;
  assert.equal(body.code, "wizard.error.copySource");
  assert.match(body.error, /cannot be copied/);
});

test("routes' own refusals are translated too: wrong method, unknown entry, bad query", async () => {
  const buyer = await as("buyer");
  const put = await buyer.request("/api/negotiations", { method: "PUT", headers: { "Accept-Language": "nl" } });
  assert.equal(put.status, 405);
  assert.deepEqual(await put.json(), { error: "Hier is alleen POST toegestaan.", code: "error.methodNotAllowed" });
  const codes: [string, number, string][] = [
    ["/api/knowledge/no-such-entry", 404, "knowledge.error.notFound"],
    ["/api/knowledge?category=bogus", 400, "knowledge.error.badQuery"],
    [`/api/negotiations/${pilotId}/changes?since=!`, 400, "changes.error.badSince"],
  ];
  for (const [path, status, code] of codes) {
    const res = await buyer.request(path);
    assert.equal(res.status, status, path);
    assert.equal(((await res.json()) as Refusal).code, code, path);
  }
  const page = await buyer.request("/knowledge/no-such-entry");
  assert.equal(page.status, 404);
  assert.match(await page.text(), /There is no such requirement or certification/);
});

test("sign-up and log-in refusals reach the form in words: a taken email at its field, what was typed kept", async () => {
  const client = new HttpClient(server.url);
  const taken = await client.request("/signup", { form: { name: "Twin", email: "buyer@demo.test", password: "long-enough-pw" } });
  assert.equal(taken.status, 409);
  const html = await taken.text();
  assert.match(html, /class="field-error">An account with this email/);
  assert.match(html, /value="Twin"/);
  const wrong = await client.logIn("supplier@demo.test", "not-the-password");
  assert.match(await wrong.text(), /value="supplier@demo.test"/);
});

test("an /api/ address no endpoint answers is a JSON 404 for every method, not an HTML page", async () => {
  const buyer = await as("buyer");
  for (const [path, method] of [
    ["/api/no-such-endpoint", "GET"],
    [`/api/negotiations/${pilotId}/no-such-thing`, "GET"],
    [`/api/negotiations/${pilotId}/no-such-thing`, "POST"],
    ["/api/a/b/c", "DELETE"],
  ] as const) {
    const res = await buyer.request(path, method === "GET" ? {} : { method, headers: { "Content-Type": "application/json" }, body: "{}" });
    assert.equal(res.status, 404, `${method} ${path}`);
    assert.match(res.headers.get("content-type") ?? "", /application\/json/, `${method} ${path}`);
    assert.equal(((await res.json()) as Refusal).code, "error.apiNotFound", `${method} ${path}`);
  }
  const dutch = await fetch(`${server.url}/api/nothing`, { headers: { "Accept-Language": "nl" } });
  assert.match(((await dutch.json()) as Refusal).error, /Dit API-adres bestaat niet/);
});
