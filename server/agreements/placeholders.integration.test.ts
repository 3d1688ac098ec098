import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as Y from "yjs";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, negotiationApi } from "../test/demoLogins";
import { syncedDemoClient, type CollabClient } from "../test/collabClient";

let server: TestServer;
let negotiationId: string;
let buyerSocket: CollabClient;
const as = demoClients(() => server.url);
const post = negotiationApi<{ error?: string; code?: string; placeholders?: string[]; blocking?: { clauseId: string; placeholders: string[] }[] }>(
  as,
  () => negotiationId,
);

/** The clause elements (in the buyer's synced copy) that hold a placeholder. */
function clausesWithBlanks(fragment: Y.XmlFragment): Y.XmlElement[] {
  const out: Y.XmlElement[] = [];
  for (const section of fragment.toArray() as Y.XmlElement[]) {
    for (const clause of section.toArray()) {
      if (clause instanceof Y.XmlElement && clause.nodeName === "clause" && blanksIn(clause).length > 0) out.push(clause);
    }
  }
  return out;
}

function blanksIn(element: Y.XmlElement): Y.XmlElement[] {
  return element.toArray().flatMap((child) => (child instanceof Y.XmlElement ? (child.nodeName === "placeholder" ? [child] : blanksIn(child)) : []));
}

/** Types over a placeholder, as the editor does: the blank goes, the value joins the text before it. */
function fillIn(blank: Y.XmlElement, value: string) {
  const paragraph = blank.parent as Y.XmlElement;
  const index = paragraph.toArray().indexOf(blank);
  blank.doc!.transact(() => {
    const before = paragraph.get(index - 1);
    paragraph.delete(index, 1);
    if (before instanceof Y.XmlText) before.insert(before.length, value);
    else paragraph.insert(index, [new Y.XmlText(value)]);
  });
}

before(async () => {
  server = await startTestServer();
  const res = await (
    await as("buyer")
  ).request("/api/negotiations", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      title: "Placeholders",
      side: "buyer",
      ourOrg: "Acme Retail",
      counterpartyOrg: "Nimbus Cloud",
      start: { kind: "template", context: { service: "saas", data: "personal", criticality: "critical", rules: ["nis2"] }, level: "standard" },
    }),
  });
  assert.equal(res.status, 201);
  negotiationId = ((await res.json()) as { id: string }).id;
  buyerSocket = await syncedDemoClient(server.url, negotiationId, "buyer");
});
after(async () => {
  buyerSocket.destroy();
  await server.stop();
});

test("a clause with a blank cannot be agreed, sign-off lists the blanks and exports show them; once filled in it can be agreed", async () => {
  const [clause] = clausesWithBlanks(buyerSocket.fragment);
  assert.ok(clause, "the template's schedule has blanks to fill in");
  const clauseId = clause.getAttribute("id") as unknown as string;
  const labels = blanksIn(clause).map((b) => b.getAttribute("label") as unknown as string);

  const refused = await post("buyer", "/agreements", { clauseId, decision: "agreed" });
  assert.equal(refused.status, 409);
  assert.equal(refused.json.code, "agreements.error.unfilledPlaceholder");
  assert.deepEqual(refused.json.placeholders, labels);
  assert.match(refused.json.error!, new RegExp(`“${labels[0]}”`), "the message names the field");

  const inDutch = await (
    await as("buyer")
  ).request(`/api/negotiations/${negotiationId}/agreements`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept-Language": "nl" },
    body: JSON.stringify({ clauseId, decision: "agreed" }),
  });
  assert.match(((await inDutch.json()) as { error: string }).error, /open veld/, "the refusal is translated");

  assert.equal((await post("buyer", "/agreements", { clauseId, decision: "needs_change", reason: "Which annex?" })).status, 200, "asking for a change is fine");

  const signOff = await post("buyer", "/signoff");
  assert.equal(signOff.status, 409);
  assert.deepEqual(signOff.json.blocking!.find((b) => b.clauseId === clauseId)!.placeholders, labels, "sign-off names what is left to fill in");

  const markdown = await (await (await as("buyer")).request(`/negotiations/${negotiationId}/versions/current/export?format=md`)).text();
  assert.ok(markdown.includes(`**\\[to fill in: ${labels[0]}\\]**`), "an export shows the blank as one");

  for (const blank of blanksIn(clause)) fillIn(blank, "7");
  // The server has the filled-in text once the socket delivered it: ask until then, one request at a time.
  const deadline = Date.now() + 10_000;
  let answer = await post("buyer", "/agreements", { clauseId, decision: "agreed" });
  while (answer.status !== 200 && Date.now() < deadline) {
    assert.equal(answer.json.code, "agreements.error.unfilledPlaceholder", "refused only while the blank is not yet filled in on the server");
    await new Promise((resolve) => setTimeout(resolve, 50));
    answer = await post("buyer", "/agreements", { clauseId, decision: "agreed" });
  }
  assert.equal(answer.status, 200, "filled in, the clause can be agreed");
});
