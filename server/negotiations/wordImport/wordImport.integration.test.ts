import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import { scheduleFromYjs } from "../../../shared/editor/scheduleFromYjs";
import { startTestServer, type TestServer } from "../../test/testServer";
import { demoClients } from "../../test/demoLogins";
import { connectCollab, sessionCookie, synced } from "../../test/collabClient";
import { formattingProposalOf } from "../../../shared/editor/proposalMarks";
import type { ProposalView } from "../../../shared/proposals/proposals";
import { invitationSteps } from "../../test/invitationSteps";
import { buildDocx, docmFile, encryptedFile, entityBomb, formattingBody, newParagraphsBody, plainZip, zipBomb } from "./testing/docxFixtures";

let server: TestServer;
let sqlite: SQLite.Database;
const as = demoClients(() => server.url);

before(async () => {
  server = await startTestServer();
  sqlite = new SQLite(path.join(server.dataDir, "app.db"), { readonly: true });
});
after(async () => {
  sqlite.close();
  await server.stop();
});

const basics = { title: "Hosting schedule from Word", side: "buyer", ourOrg: "Acme Retail", counterpartyOrg: "CloudCo" };

function upload(bytes: Uint8Array, fields: Record<string, string> = basics, name = "schedule.docx") {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set("file", new Blob([new Uint8Array(bytes)]), name);
  return form;
}

const negotiationCount = () => (sqlite.prepare("select count(*) as n from negotiations").get() as { n: number }).n;

test("POST /api/negotiations/import creates the negotiation from the file, tracked changes kept as marked proposals", async () => {
  const buyer = await as("buyer");
  const res = await buyer.request("/api/negotiations/import", { method: "POST", body: upload(buildDocx()) });
  assert.equal(res.status, 201);
  const { id, proposals } = (await res.json()) as { id: string; proposals: number };
  assert.equal(proposals, 3);

  const client = connectCollab(server.url, id, await sessionCookie(server.url, "buyer@demo.test"));
  await synced(client);
  const doc = scheduleFromYjs(client.fragment);
  client.destroy();
  const outline: { section: string; clauses: string[] }[] = [];
  doc.forEach((section) => {
    const clauses: string[] = [];
    section.forEach((node) => void (node.type.name === "clause" && clauses.push(node.child(0).textContent)));
    outline.push({ section: section.child(0).textContent, clauses });
  });
  assert.deepEqual(outline, [
    { section: "Security measures", clauses: ["Encryption", "Backup and recovery"] },
    { section: "Incidents", clauses: ["Incident notification", "Logging and monitoring"] },
  ]);
  const marks: [string, string][] = [];
  doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === "insertion" || mark.type.name === "deletion") marks.push([mark.type.name, node.text!]);
  });
  assert.deepEqual(marks, [
    ["insertion", " and at rest"],
    ["deletion", "every week"],
    ["insertion", "daily"],
  ]);
  assert.equal(doc.child(0).child(1).attrs.requirement, "encryption-in-transit", "the encryption clause is linked to its suggested requirement");

  const entry = sqlite.prepare("select detail_json from audit_log where negotiation_id = ? and action = 'import.tracked_changes'").get(id) as {
    detail_json: string;
  };
  const detail = JSON.parse(entry.detail_json) as { proposals: { author: string; kind: string; clauseIndex: number }[] };
  assert.deepEqual(
    detail.proposals.map((p) => [p.author, p.kind, p.clauseIndex]),
    [
      ["Word: Anna de Vries", "insert", 0],
      ["Word: Bram Jansen", "delete", 1],
      ["Word: Anna de Vries", "insert", 1],
    ],
  );
  // Each is an open proposal the supplier's side can accept or reject, by its Word author, brought in by the importer.
  const open = (await (await buyer.request(`/api/negotiations/${id}/proposals`)).json()) as {
    kind: string;
    reason: string | null;
    status: string;
    author: { name: string; party: string; importedBy?: string };
  }[];
  assert.deepEqual(open.map((p) => [p.kind, p.author.name, p.status, p.author.party, p.author.importedBy, p.reason].join(" | ")).sort(), [
    "delete | Word: Bram Jansen | open | buyer | Bea Buyer (Acme Retail) | ",
    "insert | Word: Anna de Vries | open | buyer | Bea Buyer (Acme Retail) | ",
    "insert | Word: Anna de Vries | open | buyer | Bea Buyer (Acme Retail) | ",
  ]);
});

/** The notification paragraph's runs as the collaboration server holds them: text, marks and a formatting proposal's `was`. */
async function notificationRuns(id: string) {
  const client = connectCollab(server.url, id, await sessionCookie(server.url, "buyer@demo.test"));
  await synced(client);
  const doc = scheduleFromYjs(client.fragment);
  client.destroy();
  const runs: [string, string[], unknown][] = [];
  doc.descendants((node) => {
    if (node.type.name !== "paragraph" || !node.textContent.startsWith("The Supplier notifies")) return true;
    node.forEach((n) => runs.push([n.text!, n.marks.map((m) => m.type.name), formattingProposalOf(n.marks)?.was ?? null]));
    return false;
  });
  return runs;
}

/** Imports a .docx as `who` through the API: the new negotiation and how many proposals it holds. */
async function importedAs(who: Awaited<ReturnType<typeof as>>, bytes: Uint8Array): Promise<{ id: string; proposals: number }> {
  const res = await who.request("/api/negotiations/import", { method: "POST", body: upload(bytes) });
  assert.equal(res.status, 201);
  return (await res.json()) as { id: string; proposals: number };
}

test("a tracked formatting change becomes a format proposal by its Word author, and an export of it imports as the same proposal", async () => {
  const buyer = await as("buyer");
  const importFile = (bytes: Uint8Array) => importedAs(buyer, bytes);
  const listed = async (id: string) =>
    ((await (await buyer.request(`/api/negotiations/${id}/proposals`)).json()) as ProposalView[])
      .map((p) => ({ kind: p.kind, author: p.author.name, importedBy: p.author.importedBy, createdAt: p.createdAt, text: p.text, formatting: p.formatting }))
      .sort((a, b) => a.text.localeCompare(b.text));
  const changed = Date.parse("2026-11-22T14:00:00Z");
  const inserted = Date.parse("2026-11-20T10:00:00Z");
  const importedBy = "Bea Buyer (Acme Retail)";
  const expected = [
    { kind: "insert", author: "Word: Ann", importedBy, createdAt: inserted, text: " and by phone", formatting: undefined },
    { kind: "format", author: "Word: Ann", importedBy, createdAt: changed, text: "72 hours", formatting: { on: ["bold"], off: [] } },
    { kind: "format", author: "Word: Bob", importedBy, createdAt: changed, text: "in writing", formatting: { on: [], off: ["italic"] } },
  ];

  const first = await importFile(buildDocx(formattingBody));
  assert.equal(first.proposals, 3);
  assert.deepEqual(await listed(first.id), expected);
  const runs = [
    ["The Supplier notifies the Buyer within ", [], null],
    ["72 hours", ["bold", "modification"], []],
    [", ", [], null],
    ["in writing", ["modification"], [{ type: "italic" }]],
    [" and by phone", ["bold", "insertion"], null],
    [".", [], null],
  ];
  assert.deepEqual(await notificationRuns(first.id), runs);

  // Word's w:rPrChange out, and in again: the same proposals, by the same Word authors, dated the same.
  const exported = await buyer.request(`/negotiations/${first.id}/versions/current/export?format=docx`);
  assert.equal(exported.status, 200);
  const second = await importFile(new Uint8Array(await exported.arrayBuffer()));
  assert.equal(second.proposals, 3);
  assert.deepEqual(await listed(second.id), expected);
  assert.deepEqual(await notificationRuns(second.id), runs);

  // The preview lists them, and shows the changed text as proposed under the editor's dotted line.
  const uploaded = await buyer.request("/negotiations/import", { method: "POST", body: upload(buildDocx(formattingBody)) });
  const page = await (await buyer.request(uploaded.headers.get("Location")!)).text();
  assert.match(page, /<td>Word: Bob<\/td><td>Formatting<\/td><td><span class="proposal-fmt-run">in writing<\/span><\/td>/);
  assert.match(page, /<span class="proposal-fmt-run"><strong>72<\/strong><\/span>/);

  // Withdrawn by the member who brought it in, the text has its formatting before again.
  const bob = ((await (await buyer.request(`/api/negotiations/${first.id}/proposals`)).json()) as ProposalView[]).find((p) => p.author.name === "Word: Bob")!;
  const withdrawn = await buyer.request(`/api/negotiations/${first.id}/proposals/${bob.id}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ action: "withdraw" }),
  });
  assert.equal(withdrawn.status, 200);
  assert.deepEqual((await notificationRuns(first.id))[3], ["in writing", ["italic"], null]);
});

/** The paragraphs of the first clause with "Confirm" or "phone" in them, as the collaboration server holds them. */
async function newParagraphs(id: string) {
  const client = connectCollab(server.url, id, await sessionCookie(server.url, "buyer@demo.test"));
  await synced(client);
  const doc = scheduleFromYjs(client.fragment);
  client.destroy();
  const out: { node: string; insertion: unknown; text: string; marked: boolean }[] = [];
  doc.descendants((node) => {
    if (!/^(paragraph|list_item)$/.test(node.type.name) || !/Confirm|phone/.test(node.textContent)) return true;
    let marked = false;
    node.descendants((n) => void (marked ||= n.marks.some((m) => m.type.name === "insertion")));
    out.push({ node: node.type.name, insertion: node.attrs.insertion, text: node.textContent, marked });
    return false;
  });
  return out;
}

test("a paragraph or list item Word tracks as inserted whole is one block proposal; an export of it imports as the same; accepted, a plain paragraph", async () => {
  const buyer = await as("buyer");
  const importFile = (bytes: Uint8Array) => importedAs(buyer, bytes);
  const listed = async (id: string) =>
    ((await (await buyer.request(`/api/negotiations/${id}/proposals`)).json()) as ProposalView[])
      .map((p) => ({ id: p.id, kind: p.kind, scope: p.scope, author: p.author.name, createdAt: p.createdAt, text: p.text }))
      .sort((a, b) => a.text.localeCompare(b.text));
  const byAnna = { kind: "insert", author: "Word: Anna de Vries", createdAt: Date.parse("2026-11-23T08:00:00Z") };

  const first = await importFile(buildDocx(newParagraphsBody));
  assert.equal(first.proposals, 5, "two new blocks and three text insertions");
  const blocks = (await listed(first.id)).filter((p) => p.scope === "block");
  assert.deepEqual(
    blocks.map(({ id: _id, ...p }) => p),
    [
      { ...byAnna, scope: "block", text: "by phone" },
      { ...byAnna, scope: "block", text: "Confirm in writing." },
    ],
  );
  const [item, paragraph] = blocks.map((p) => p.id);
  assert.deepEqual(await newParagraphs(first.id), [
    { node: "paragraph", insertion: paragraph, text: "Confirm in writing.", marked: true },
    { node: "list_item", insertion: item, text: "by phone", marked: true },
  ]);

  // Word out and in again: the same proposal of a new paragraph, by the same Word author, dated the same.
  const exported = await buyer.request(`/negotiations/${first.id}/versions/current/export?format=docx`);
  assert.equal(exported.status, 200);
  const second = await importFile(new Uint8Array(await exported.arrayBuffer()));
  const again = (await listed(second.id)).filter((p) => p.scope === "block");
  // The export types a list's bullets, so the item comes back a paragraph with its bullet, still proposed new as a whole.
  assert.deepEqual(
    again.map(({ id: _id, ...p }) => p),
    [
      { ...byAnna, scope: "block", text: "• by phone" },
      { ...byAnna, scope: "block", text: "Confirm in writing." },
    ],
  );
  assert.deepEqual(
    (await newParagraphs(second.id)).find((p) => p.text === "Confirm in writing."),
    {
      node: "paragraph",
      insertion: again[1]!.id,
      text: "Confirm in writing.",
      marked: true,
    },
  );

  // The other party accepts it: the paragraph stays, plain.
  const { link } = await invitationSteps(() => server.url, as).invite("buyer", first.id, "supplier@demo.test", "supplier");
  const supplier = await as("supplier");
  assert.equal((await supplier.request(`/invitations/${link!.split("/").pop()!}`, { method: "POST" })).status, 302);
  const accepted = await supplier.request(`/api/negotiations/${first.id}/proposals/${paragraph}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ action: "accept" }),
  });
  assert.equal(accepted.status, 200);
  assert.deepEqual((await newParagraphs(first.id))[0], { node: "paragraph", insertion: null, text: "Confirm in writing.", marked: false });
  assert.ok(!(await listed(first.id)).some((p) => p.id === paragraph), "no longer open");
});

test("every bad file is refused with a 4xx that says what to do, and nothing is created", async () => {
  const buyer = await as("buyer");
  const before = negotiationCount();
  const cases: [string, FormData, number, RegExp][] = [
    ["random bytes", upload(new Uint8Array(2048).map((_v, i) => (i * 31) % 251)), 400, /not a Word document/],
    ["a zip without document", upload(plainZip()), 400, /not a Word document/],
    ["password-protected", upload(encryptedFile()), 400, /password-protected.*without password/],
    ["macros", upload(docmFile(), basics, "macros.docm"), 400, /macros/],
    ["a zip bomb", upload(zipBomb()), 413, /too large/],
    ["entity expansion", upload(entityBomb()), 400, /not a Word document/],
    ["over 20 MB", upload(new Uint8Array(21 * 1024 * 1024)), 413, /too large/],
    ["no file", (() => Object.entries(basics).reduce((f, [k, v]) => (f.set(k, v), f), new FormData()))(), 400, /Choose a \.docx file/],
    ["missing basics", upload(buildDocx(), { title: "x", side: "buyer", ourOrg: "", counterpartyOrg: "" }), 400, /missing or invalid/],
  ];
  for (const [what, body, status, message] of cases) {
    const res = await buyer.request("/api/negotiations/import", { method: "POST", body });
    assert.equal(res.status, status, what);
    assert.match(((await res.json()) as { error: string }).error, message, what);
  }
  const dutch = await buyer.request("/api/negotiations/import", { method: "POST", body: upload(encryptedFile()), headers: { "Accept-Language": "nl" } });
  assert.match(((await dutch.json()) as { error: string }).error, /wachtwoord/);
  assert.equal(negotiationCount(), before);
});

test("a mutation from a foreign Origin is refused before the file is read", async () => {
  const buyer = await as("buyer");
  const before = negotiationCount();
  const res = await buyer.request("/api/negotiations/import", { method: "POST", body: upload(buildDocx()), headers: { Origin: "https://evil.example" } });
  assert.equal(res.status, 403);
  assert.equal(negotiationCount(), before);
});

test("the import page keeps the parsed file server-side, re-splits on request and creates the negotiation", async () => {
  const buyer = await as("supplier");
  const uploaded = await buyer.request("/negotiations/import", { method: "POST", body: upload(buildDocx(), { ...basics, side: "supplier" }) });
  assert.equal(uploaded.status, 302);
  const previewUrl = uploaded.headers.get("Location")!;
  const draft = new URL(previewUrl, server.url).searchParams.get("draft")!;
  const page = await (await buyer.request(previewUrl)).text();
  assert.match(page, /Backup and recovery/);
  assert.match(page, /Word: Bram Jansen/);
  // Someone else cannot see or use it.
  assert.equal((await (await as("buyer")).request(previewUrl)).status, 410);

  const mergeButton = /name="intent" value="(merge:\d+)"/g.exec(page)![1]!;
  const merged = await buyer.request("/negotiations/import", { form: { draft, intent: mergeButton } });
  assert.equal(merged.status, 302);
  const created = await buyer.request("/negotiations/import", { form: { draft, intent: "create" } });
  assert.equal(created.status, 302);
  const id = created.headers.get("Location")!.split("/").pop()!;
  const client = connectCollab(server.url, id, await sessionCookie(server.url, "supplier@demo.test"));
  await synced(client);
  const doc = scheduleFromYjs(client.fragment);
  client.destroy();
  assert.equal(doc.child(0).childCount, 2, "the second clause was merged into the first");
  assert.equal((await buyer.request(previewUrl)).status, 410, "a used preview is gone");
});
