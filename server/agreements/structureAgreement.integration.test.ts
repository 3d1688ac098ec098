import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as Y from "yjs";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, negotiationApi } from "../test/demoLogins";
import { connectCollab, sessionCookie, synced, waitFor, type CollabClient } from "../test/collabClient";
import { structureUnitId } from "../../shared/agreements/scheduleStructure";
import { newId } from "../../shared/ids";

// The hostile case from issue #11: after an amendment round the supplier changes only a section
// heading (or only where a clause sits). Neither is in any clause's hash; the structure unit is.

type Unit = { clauseId: string; number: string; heading: string; status: string };
type Overview = {
  progress: { agreed: number; total: number };
  clauses: Unit[];
  decisions: { clauseId: string; party: string; decision: string; reason: string | null }[];
};
type Changes = {
  sections: { key: string; kind: string; number: string; segments: { text: string; kind: string; by?: string }[]; by: string[] }[];
  moves: { clauseId: string; from: string; to: string; by: string[] }[];
  people: Record<string, { name: string; role: string }>;
};

let server: TestServer;
let negotiationId: string;
const as = demoClients(() => server.url);
const open: CollabClient[] = [];

const post = negotiationApi<Record<string, unknown> & { blocking?: Unit[] }>(as, () => negotiationId);

const get = async <T>(who: string, path: string): Promise<T> => (await (await as(who)).request(path)).json() as Promise<T>;
const overview = () => get<Overview>("buyer", `/api/negotiations/${negotiationId}/agreements`);
const page = async (who: string, path: string) => (await (await as(who)).request(`/negotiations/${negotiationId}${path}`)).text();

async function agree(clauseId: string, ...parties: string[]) {
  for (const who of parties) assert.equal((await post(who, "/agreements", { clauseId, decision: "agreed" })).status, 200);
}

async function signBoth() {
  assert.equal((await post("buyer", "/signoff")).json.effective, false);
  assert.equal((await post("supplier", "/signoff")).json.effective, true);
}

async function waitForStructure(status: string) {
  let last: Overview | undefined;
  await waitFor(() => {
    void overview().then((o) => (last = o));
    return last?.clauses.at(-1)?.status === status;
  }, `the structure to be ${status}`);
  return last!;
}

async function supplierSocket(): Promise<CollabClient> {
  const client = connectCollab(server.url, negotiationId, await sessionCookie(server.url, "supplier@demo.test"));
  open.push(client);
  await synced(client);
  return client;
}

/** The effective version in force, as Markdown: what the parties signed. */
async function inForceMarkdown(): Promise<string> {
  const versions = await get<{ id: string; kind: string }[]>("buyer", `/api/negotiations/${negotiationId}/versions`);
  const inForce = versions.find((v) => v.kind === "effective")!;
  return (await (await as("buyer")).request(`/negotiations/${negotiationId}/versions/${inForce.id}/export?format=md`)).text();
}

before(async () => {
  server = await startTestServer();
  const list = await get<{ id: string; title: string }[]>("buyer", "/api/negotiations");
  negotiationId = list.find((n) => n.title.startsWith("Backup service pilot"))!.id;
});
after(async () => {
  for (const c of open) c.destroy();
  await server.stop();
});

test("the structure is an agreeable unit of its own: listed, blocking sign-off, agreed like a clause", async () => {
  const first = await overview();
  assert.deepEqual(first.clauses.map((c) => c.clauseId).at(-1), structureUnitId, "the structure comes last");
  assert.equal(first.progress.total, 4, "three clauses and the structure");
  for (const c of first.clauses.slice(0, -1)) await agree(c.clauseId, "buyer", "supplier");
  const refused = await post("buyer", "/signoff");
  assert.equal(refused.status, 409);
  assert.deepEqual(
    refused.json.blocking!.map((b) => [b.clauseId, b.status]),
    [[structureUnitId, "open"]],
  );

  assert.equal((await post("observer", "/agreements", { clauseId: structureUnitId, decision: "agreed" })).status, 403);
  assert.equal((await post("buyer", "/agreements", { clauseId: "schedule-structur", decision: "agreed" })).status, 400, "no other reserved ids");
  const asked = await post("buyer", "/agreements", { clauseId: structureUnitId, decision: "needs_change", reason: "Call the section 'Backup and restore'." });
  assert.equal(asked.status, 200);
  const after = await overview();
  assert.equal(after.clauses.at(-1)!.status, "needs-change");
  assert.equal(after.decisions.find((d) => d.clauseId === structureUnitId)!.reason, "Call the section 'Backup and restore'.", "both parties read the reason");

  await agree(structureUnitId, "buyer", "supplier");
  assert.equal((await overview()).progress.agreed, 4);
  await signBoth();
});

test("a section heading changed in an amendment round blocks sign-off until both agree it; the agreement in force then carries exactly that heading", async () => {
  assert.equal((await post("supplier", "/rounds")).status, 201);
  assert.equal((await overview()).progress.agreed, 4, "an untouched structure stays agreed into the round");

  const supplier = await supplierSocket();
  const heading = (supplier.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
  const text = heading.get(0) as Y.XmlText;
  text.insert(text.length, " and restores");
  const changed = await waitForStructure("changed");
  assert.equal(changed.progress.agreed, 3, "every clause is still agreed");

  const refused = await post("buyer", "/signoff");
  assert.equal(refused.status, 409);
  assert.deepEqual(
    refused.json.blocking!.map((b) => [b.clauseId, b.status]),
    [[structureUnitId, "changed"]],
    "the blocking list names the structure",
  );

  // The redline shows the heading's new words, attributed to the supplier.
  const changes = await get<Changes>("observer", `/api/negotiations/${negotiationId}/changes`);
  assert.deepEqual(
    changes.sections.map((s) => [s.kind, s.number]),
    [["changed", "1"]],
  );
  const inserted = changes.sections[0]!.segments.filter((s) => s.kind === "inserted");
  assert.equal(inserted.map((s) => s.text).join(""), " and restores");
  assert.deepEqual(changes.people[inserted[0]!.by!], { name: "Sam Supplier (Nimbus Cloud)", role: "supplier" });
  assert.deepEqual(
    changes.sections[0]!.by.map((id) => changes.people[id]!.role),
    ["supplier"],
  );

  // The sign-off screen and compare say what changed since the agreement in force.
  const agreementPage = await page("buyer", "/agreement");
  assert.match(agreementPage, /What you sign: changes since the agreement in force/);
  assert.match(agreementPage, /Heading of section 1: “Backup service pilot” became “Backup service pilot and restores”/);
  const versions = await get<{ id: string }[]>("buyer", `/api/negotiations/${negotiationId}/versions`);
  assert.match(
    await page("buyer", `/compare?from=${versions[0]!.id}&to=current`),
    /Heading of section 1: “Backup service pilot” became “Backup service pilot and restores”/,
  );

  await agree(structureUnitId, "supplier");
  assert.equal((await post("supplier", "/signoff")).status, 409, "the supplier's own agreement is not enough");
  await agree(structureUnitId, "buyer");
  await signBoth();
  const signed = await inForceMarkdown();
  assert.match(signed, /^## 1\. Backup service pilot and restores$/m);
});

test("moving a clause into another section blocks sign-off likewise; the redline names who moved it", async () => {
  assert.equal((await post("buyer", "/rounds")).status, 201);
  const supplier = await supplierSocket();
  // What the editor's move does in Yjs: the clause, same id, deleted here and inserted there.
  const first = supplier.fragment.get(0) as Y.XmlElement;
  const clause = first.get(first.length - 1) as Y.XmlElement;
  const movedId = clause.getAttribute("id") as string;
  supplier.doc.transact(() => {
    const section = new Y.XmlElement("section");
    section.setAttribute("id", newId());
    const heading = new Y.XmlElement("section_heading");
    heading.insert(0, [new Y.XmlText("Exit")]);
    section.insert(0, [heading, clause.clone()]);
    first.delete(first.length - 1, 1);
    supplier.fragment.insert(1, [section]);
  });
  const changed = await waitForStructure("changed");
  assert.equal(changed.progress.agreed, 3, "the moved clause's own text is still agreed");
  assert.equal(changed.clauses.find((c) => c.clauseId === movedId)!.number, "2.1");
  const refused = await post("supplier", "/signoff");
  assert.deepEqual(
    refused.json.blocking!.map((b) => b.clauseId),
    [structureUnitId],
  );

  const changes = await get<Changes>("buyer", `/api/negotiations/${negotiationId}/changes`);
  assert.deepEqual(
    changes.moves.map((m) => [m.clauseId, m.from, m.to]),
    [[movedId, "1.3", "2.1"]],
  );
  assert.deepEqual(
    changes.moves[0]!.by.map((id) => changes.people[id]!.role),
    ["supplier"],
  );
  assert.deepEqual(
    changes.sections.map((s) => [s.kind, s.number]),
    [["added", "2"]],
  );
  const moved = /Clause “Return and deletion of data” moved from 1\.3 \(Backup service pilot and restores\) to 2\.1 \(Exit\)/;
  assert.match(await page("buyer", "/agreement"), moved);
  const [inForce] = await get<{ id: string }[]>("buyer", `/api/negotiations/${negotiationId}/versions`);
  const compared = await page("buyer", `/compare?from=${inForce!.id}&to=current`);
  assert.match(compared, moved);
  assert.match(compared, /Section 2 “Exit” added/);

  await agree(structureUnitId, "buyer", "supplier");
  await signBoth();
  const signed = await inForceMarkdown();
  assert.match(signed, /^## 2\. Exit\n\n### 2\.1 Return and deletion of data$/m);
});
