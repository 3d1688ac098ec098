// Issue #14 through the real server: what an export says is only proposed. Open proposals are Word
// tracked changes by their author (the PDF and Markdown mark them too), the redline since a version
// leaves them out and shows accepted ones as their author's, and a decided proposal is plain text.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as Y from "yjs";
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, negotiationApi } from "../test/demoLogins";
import { syncedDemoClient, waitFor, type CollabClient } from "../test/collabClient";
import { newId } from "../../shared/ids";
import type { ProposalView } from "../../shared/proposals/proposals";

let server: TestServer;
let negotiationId: string;
let baseline: { id: string; number: number };
const as = demoClients(() => server.url);
const post = negotiationApi<Record<string, unknown>>(as, () => negotiationId);
const clients: CollabClient[] = [];
const supplierName = "Sam Supplier (Nimbus Cloud) (Supplier)";
// The supplier's proposals: an insertion and a deletion in the first clause, an insertion in the second that the buyer accepts.
const proposed = { id: newId(), text: "Proposed words " };
const struck = { id: newId(), text: "" };
let firstWords = ""; // the first clause's words up to the struck one, as the baseline has them
const accepted = { id: newId(), text: "Later accepted " };
const createdAt = new Map<string, number>();

type Version = { id: string; number: number; name: string };
const get = async <T>(who: string, path: string) => (await (await as(who)).request(path)).json() as Promise<T>;
const download = async (version: string, query: string) => {
  const res = await (await as("buyer")).request(`/negotiations/${negotiationId}/versions/${version}/export?${query}`);
  assert.equal(res.status, 200, query);
  return res.arrayBuffer();
};

async function docx(version: string, query = "") {
  const zip = await JSZip.loadAsync(await download(version, `format=docx${query}`));
  return { document: await zip.file("word/document.xml")!.async("string"), settings: await zip.file("word/settings.xml")!.async("string") };
}

/** The words of some document.xml, with the entities docx writes decoded. */
const words = (xml: string) =>
  xml
    .replace(/<w:p[ >]/g, " $&")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
const changes = (xml: string, tag: "ins" | "del") =>
  [...xml.matchAll(new RegExp(`<w:${tag} w:id="\\d+" w:author="([^"]*)" w:date="([^"]*)">(.*?)</w:${tag}>`, "g"))].map((m) => ({
    author: m[1]!.replace(/&quot;/g, '"'),
    date: Date.parse(m[2]!),
    xml: m[3]!,
    text: words(m[3]!),
  }));

async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++)
    pages.push((await (await pdf.getPage(i)).getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join(" "));
  return pages.join(" ").replace(/\s+/g, " ");
}

const clauses = (fragment: Y.XmlFragment) =>
  (fragment.toArray() as Y.XmlElement[]).flatMap((s) => s.toArray().filter((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === "clause"));
const bodyText = (client: CollabClient, n: number) => (clauses(client.fragment)[n]!.get(1) as Y.XmlElement).get(0) as Y.XmlText;
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const marks = (text: Y.XmlText) =>
  (text.toDelta() as { attributes?: Record<string, { id: string }> }[]).flatMap((op) => Object.values(op.attributes ?? {}).map((m) => m.id));

async function openProposals(): Promise<ProposalView[]> {
  return get<ProposalView[]>("buyer", `/api/negotiations/${negotiationId}/proposals`);
}

before(async () => {
  server = await startTestServer();
  const list = await get<{ id: string; title: string }[]>("buyer", "/api/negotiations");
  negotiationId = list.find((n) => !/pilot/i.test(n.title))!.id;
  assert.equal((await post("buyer", "/versions", { name: "Baseline" })).status, 201);
  baseline = (await get<Version[]>("buyer", `/api/negotiations/${negotiationId}/versions`))[0]!;
  assert.equal((await post("buyer", "/settings", { changes: "proposals" })).status, 200);

  const supplier = await syncedDemoClient(server.url, negotiationId, "supplier");
  const buyer = await syncedDemoClient(server.url, negotiationId, "buyer");
  clients.push(supplier, buyer);
  const first = bodyText(supplier, 0);
  const plain = (first.toDelta() as { insert: string }[]).map((op) => op.insert).join("");
  const from = plain.indexOf(" ") + 1;
  struck.text = plain.slice(from, plain.indexOf(" ", from) + 1);
  firstWords = plain.slice(0, from + struck.text.length);
  first.format(from, struck.text.length, { deletion: { id: struck.id } });
  first.insert(0, proposed.text, { insertion: { id: proposed.id } });
  bodyText(supplier, 1).insert(0, accepted.text, { insertion: { id: accepted.id } });
  await waitFor(() => marks(bodyText(buyer, 0)).length === 2 && marks(bodyText(buyer, 1)).length === 1, "the proposals at the buyer's");
  for (let tries = 0; (await openProposals()).length < 3; tries++) {
    assert.ok(tries < 100, "the server records the three proposals");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const p of await openProposals()) createdAt.set(p.id, p.createdAt);
  assert.equal((await post("buyer", `/proposals/${accepted.id}`, { action: "accept" })).status, 200);
  await waitFor(() => marks(bodyText(supplier, 1)).length === 0, "the accepted proposal is plain text");
});
after(async () => {
  for (const client of clients) client.destroy();
  await server.stop();
});

test("open proposals are Word tracked changes by their author, dated when proposed; an accepted one is plain text", async () => {
  const { document, settings } = await docx("current");
  const [insertion, ...otherInsertions] = changes(document, "ins");
  assert.equal(otherInsertions.length, 0, "one insertion: the open one");
  assert.equal(insertion?.text, proposed.text);
  assert.equal(insertion.author, supplierName);
  assert.equal(insertion.date, createdAt.get(proposed.id));
  const [deletion, ...otherDeletions] = changes(document, "del");
  assert.equal(otherDeletions.length, 0);
  assert.equal(deletion?.author, supplierName);
  assert.equal(deletion.date, createdAt.get(struck.id));
  assert.match(deletion.xml, new RegExp(`<w:delText[^>]*>${escaped(struck.text)}</w:delText>`), "the struck word is w:delText");
  const text = words(document);
  assert.ok(text.includes(accepted.text.trim()), "the accepted words are in the text");
  assert.ok(!insertion.text.includes(accepted.text.trim()));
  assert.ok(text.includes("Status: Proposal open"), "the clause says a proposal is open");
  assert.ok(text.includes("Open proposals are tracked changes in the name of who proposed them"));
  assert.match(settings, /<w:trackRevisions\/>/);
});

test("the redline since a version leaves open proposals to their own tracked changes, and names an accepted one's author", async () => {
  const redline = await get<{ clauses: { segments: { text: string; kind: string; by?: string }[] }[]; people: Record<string, { name: string }> }>(
    "buyer",
    `/api/negotiations/${negotiationId}/changes?since=${baseline.id}`,
  );
  const segments = redline.clauses.flatMap((c) => c.segments);
  assert.ok(!segments.some((s) => s.kind !== "same" && s.text.includes(proposed.text.trim())), "an open insertion is no change of the text");
  assert.ok(!segments.some((s) => s.kind === "deleted" && s.text.includes(struck.text.trim())), "nor is an open deletion");
  const acceptedSegment = segments.find((s) => s.kind === "inserted" && s.text.includes(accepted.text.trim()));
  assert.equal(redline.people[acceptedSegment?.by ?? ""]?.name, "Sam Supplier (Nimbus Cloud)", "an accepted insertion is its author's");

  const { document } = await docx("current", `&since=${baseline.id}`);
  const insertions = changes(document, "ins");
  const deletions = changes(document, "del");
  assert.deepEqual(
    insertions.filter((c) => c.text.includes(proposed.text.trim())).map((c) => [c.text, c.author, c.date]),
    [[proposed.text, supplierName, createdAt.get(proposed.id)]],
    "the open insertion once, as the proposal",
  );
  assert.equal(words(document).split(proposed.text.trim()).length, 2, "its words appear once");
  assert.deepEqual(
    deletions.filter((c) => c.text.includes(struck.text.trim())).map((c) => [c.author, c.date]),
    [[supplierName, createdAt.get(struck.id)]],
    "the open deletion once, as the proposal",
  );
  const acceptedRun = insertions.find((c) => c.text.includes(accepted.text.trim()));
  assert.equal(acceptedRun?.author, supplierName, "the accepted insertion is the supplier's change, not the system's");

  // The comparison with the draft reads it the same way: the accepted words, not the proposed ones.
  // Both pages then list the open proposals apart, each linking to it in the negotiation.
  for (const page of [`compare?from=${baseline.id}&to=current`, `changes?since=${baseline.id}`]) {
    const html = await (await (await as("buyer")).request(`/negotiations/${negotiationId}/${page}`)).text();
    const [compared, outline = ""] = html.split('class="open-proposals-outline"');
    assert.ok(compared!.includes(accepted.text.trim()), `${page}: the accepted insertion is compared`);
    assert.ok(!compared!.includes(proposed.text.trim()), `${page}: the open one is not`);
    assert.ok(outline.includes(proposed.text.trim()) && outline.includes(struck.text.trim()), `${page}: the open ones are listed apart`);
    assert.ok(outline.includes(`?proposal=${proposed.id}`), `${page}: with a link to decide it`);
  }
});

test("the PDF and the Markdown mark open proposals and say how", async () => {
  const md = new TextDecoder().decode(await download("current", "format=md"));
  assert.match(md, new RegExp(`<ins title="Insertion proposed by ${escaped(supplierName)}, [^"]+">${escaped(proposed.text)}</ins>`));
  assert.match(md, new RegExp(`<del title="Deletion proposed by ${escaped(supplierName)}, [^"]+">${escaped(struck.text)}</del>`));
  assert.doesNotMatch(md, new RegExp(`<ins[^>]*>${escaped(accepted.text)}`), "the accepted words are plain");
  assert.ok(md.includes(accepted.text));
  assert.ok(md.includes("*Open proposals are underlined (insertions) or struck through (deletions).*"));
  assert.ok(md.includes("Status: Proposal open"));
  const pdf = await pdfText(await download("current", "format=pdf"));
  assert.ok(pdf.includes("Open proposals are underlined (insertions) or struck through (deletions)."), "the PDF's legend");
  assert.ok(pdf.includes(proposed.text.trim()) && pdf.includes("Status: Proposal open"));
});

test("a version saved with open proposals keeps them as proposals; once decided, the draft is plain text", async () => {
  assert.equal((await post("supplier", "/versions", { name: "With proposals" })).status, 201);
  const saved = (await get<Version[]>("buyer", `/api/negotiations/${negotiationId}/versions`))[0]!;
  assert.equal((await post("buyer", `/proposals/${proposed.id}`, { action: "accept" })).status, 200);
  assert.equal((await post("buyer", `/proposals/${struck.id}`, { action: "reject" })).status, 200);
  await waitFor(() => marks(bodyText(clients[0]!, 0)).length === 0, "both decisions applied");

  const { document, settings } = await docx("current");
  assert.doesNotMatch(document, /<w:ins |<w:del /, "no tracked changes once decided");
  assert.doesNotMatch(settings, /trackRevisions/);
  const text = words(document);
  assert.ok(text.includes(`${proposed.text}${firstWords}`), "the accepted words, and the word whose deletion was rejected, are plain text");
  assert.ok(!text.includes("Open proposals are"), "no legend without proposals");
  const md = new TextDecoder().decode(await download("current", "format=md"));
  assert.doesNotMatch(md, /<ins|<del/);

  const version = await docx(saved.id);
  assert.deepEqual(
    changes(version.document, "ins").map((c) => [c.text, c.author]),
    [[proposed.text, supplierName]],
    "the version still says the words were only proposed",
  );
  assert.deepEqual(
    changes(version.document, "del").map((c) => c.text),
    [struck.text],
  );
  assert.ok(words(version.document).includes("Status: Proposal open"));

  // The version's page says the same, to everyone who reads it.
  const page = await (await (await as("buyer")).request(`/negotiations/${negotiationId}/versions/${saved.id}`)).text();
  assert.match(page, new RegExp(`<ins title="inserted by ${supplierName.replace(/[()]/g, "\\$&")}">${proposed.text}`));
  assert.match(page, new RegExp(`<del title="deleted by [^"]+">${struck.text}`));
});
