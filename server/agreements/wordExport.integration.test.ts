import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import * as Y from "yjs";
import JSZip from "jszip";
import { startTestServer, type TestServer } from "../test/testServer";
import { pdfPages, xmlWords } from "../test/exportText";
import { demoClients, negotiationApi } from "../test/demoLogins";
import { syncedDemoClient, typeInFirstClause, waitFor, type CollabClient } from "../test/collabClient";

let server: TestServer;
let negotiationId: string;
let baseline: { id: string; number: number };
let started: number;
const as = demoClients(() => server.url);
const open: CollabClient[] = [];
const post = negotiationApi<Record<string, unknown>>(as, () => negotiationId);

type Version = { id: string; number: number; name: string; kind: string; hash: string };
const get = async <T>(who: string, path: string) => (await (await as(who)).request(path)).json() as Promise<T>;
const exportUrl = (version: string, query: string) => `/negotiations/${negotiationId}/versions/${version}/export?${query}`;

async function docxParts(bytes: ArrayBuffer) {
  const zip = await JSZip.loadAsync(bytes);
  const part = (name: string) => zip.file(name)?.async("string") ?? Promise.resolve("");
  const named = (pattern: RegExp) =>
    Promise.all(
      Object.keys(zip.files)
        .filter((n) => pattern.test(n))
        .map(part),
    );
  return {
    document: await part("word/document.xml"),
    numbering: await part("word/numbering.xml"),
    settings: await part("word/settings.xml"),
    footers: (await named(/^word\/footer\d*\.xml$/)).join("\n"),
    headers: (await named(/^word\/header\d*\.xml$/)).join("\n"),
  };
}

/** The words of a part, on one line. */
const words = (xml: string) => xmlWords(xml, " ").replace(/\s+/g, " ");

function firstClauseText(client: CollabClient): Y.XmlText {
  const section = client.fragment.get(0) as Y.XmlElement;
  const clause = section.toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === "clause") as Y.XmlElement;
  return (clause.get(1) as Y.XmlElement).get(0) as Y.XmlText;
}

before(async () => {
  server = await startTestServer();
  negotiationId = (await get<{ id: string }[]>("buyer", "/api/negotiations"))[0]!.id;
  assert.equal((await post("buyer", "/versions", { name: "Baseline" })).status, 201);
  baseline = (await get<Version[]>("buyer", `/api/negotiations/${negotiationId}/versions`))[0]!;
  started = Date.now();

  // The supplier adds words to the first clause, then the buyer deletes its first word: two authors.
  const supplier = await syncedDemoClient(server.url, negotiationId, "supplier");
  const buyer = await syncedDemoClient(server.url, negotiationId, "buyer");
  open.push(supplier, buyer);
  typeInFirstClause(supplier, " Amendment one.");
  await waitFor(() => firstClauseText(buyer).toString().includes("Amendment one."), "the buyer sees the supplier's words");
  const text = firstClauseText(buyer);
  text.delete(0, text.toString().indexOf(" ") + 1);
  type Changes = { clauses: { segments: { kind: string; by?: string }[] }[] };
  let authors = 0;
  await waitFor(() => {
    void get<Changes>("observer", `/api/negotiations/${negotiationId}/changes?since=${baseline.id}`).then((c) => {
      authors = new Set(c.clauses.flatMap((cl) => cl.segments.filter((s) => s.kind !== "same").map((s) => s.by))).size;
    });
    return authors === 2;
  }, "both changes reach the server");
});
after(async () => {
  for (const client of open) client.destroy();
  await server.stop();
});

test("the redline since a version is a DOCX with Word tracked changes, by author and date", async () => {
  const res = await (await as("observer")).request(exportUrl("current", `format=docx&since=${baseline.id}`));
  assert.equal(res.status, 200);
  assert.match(
    res.headers.get("content-disposition") ?? "",
    new RegExp(`filename="Security-schedule-Acme-Retail-draft-changes-since-v${baseline.number}\\.docx"`),
  );
  const { document, settings } = await docxParts(await res.arrayBuffer());

  const insertions = [...document.matchAll(/<w:ins w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)">(.*?)<\/w:ins>/g)];
  const deletions = [...document.matchAll(/<w:del w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)">(.*?)<\/w:del>/g)];
  const inserted = insertions.find((m) => words(m[4]!).includes("Amendment one."));
  assert.ok(inserted, `an insertion with the supplier's words: ${insertions.map((m) => m[0]).join("\n")}`);
  assert.equal(inserted[2], "Sam Supplier (Nimbus Cloud) (Supplier)");
  assert.equal(deletions.length, 1, "one deletion");
  assert.equal(deletions[0]![2], "Bea Buyer (Acme Retail) (Buyer)");
  assert.match(deletions[0]![4]!, /<w:delText[^>]*>\w+ <\/w:delText>/, "deleted text is w:delText");
  for (const m of [inserted, deletions[0]!]) {
    const at = Date.parse(m[3]!);
    assert.ok(at >= started - 1000 && at <= Date.now(), `the date of the change: ${m[3]}`);
  }
  const ids = [...insertions, ...deletions].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, "revision ids are unique");
  assert.match(settings, /<w:trackRevisions\/>/, "Word opens it with Track Changes on");
  assert.ok(words(document).includes(`Tracked changes since: Version ${baseline.number}: Baseline`), "the title block says since when");
});

test("the redline export is validated: DOCX of the current draft only, and a version of this negotiation", async () => {
  const status = async (version: string, query: string) => (await (await as("buyer")).request(exportUrl(version, query))).status;
  assert.equal(await status("current", `format=pdf&since=${baseline.id}`), 400);
  assert.equal(await status(baseline.id, `format=docx&since=${baseline.id}`), 400);
  assert.equal(await status("current", "format=docx&since=not-an-id"), 400);
  const [, other] = await get<{ id: string }[]>("buyer", "/api/negotiations");
  const inOther = await (
    await as("buyer")
  ).request(`/api/negotiations/${other!.id}/versions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Elsewhere" }),
  });
  assert.equal(inOther.status, 201);
  const foreign = (await get<Version[]>("buyer", `/api/negotiations/${other!.id}/versions`))[0]!;
  assert.equal(await status("current", `format=docx&since=${foreign.id}`), 404, "a version of another negotiation");
  assert.equal((await (await as("outsider")).request(exportUrl("current", `format=docx&since=${baseline.id}`))).status, 404);
});

test("a DOCX is a contract annex: title block, Word headings and numbering, page x of y with version and hash, signature block", async () => {
  const bytes = await (await (await as("buyer")).request(exportUrl("current", "format=docx"))).arrayBuffer();
  const { document, numbering, footers, headers, settings } = await docxParts(bytes);
  const text = words(document);
  for (const line of [
    "Security schedule",
    "Annex to the agreement: Acme Retail ⇄ Nimbus Cloud",
    "Buyer: Acme Retail",
    "Supplier: Nimbus Cloud",
    "Version: Current draft",
  ])
    assert.ok(text.includes(line), `title block: ${line}`);
  assert.doesNotMatch(document, /<w:ins |<w:del /, "a clean export has no tracked changes");
  assert.doesNotMatch(settings, /trackRevisions/);

  // Sections are Heading 1 at the numbering's first level, clauses Heading 2 at its second.
  const paragraphs = [...document.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => m[1]!);
  const clause = paragraphs.find((p) => words(p).trim() === "Information security management");
  assert.ok(clause, "the clause heading, its number left to Word");
  assert.match(clause, /<w:pStyle w:val="Heading2"\/>/);
  assert.match(clause, /<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
  assert.ok(paragraphs.some((p) => /<w:pStyle w:val="Heading1"\/>/.test(p) && /<w:ilvl w:val="0"\/>/.test(p)));
  const level = (n: number, text: string) =>
    new RegExp(`<w:lvl w:ilvl="${n}"[^>]*>(?:(?!</w:lvl>).)*<w:numFmt w:val="decimal"/>(?:(?!</w:lvl>).)*<w:lvlText w:val="${text}"/>`);
  assert.match(numbering, level(0, "%1."), "sections: 1., 2. …");
  assert.match(numbering, level(1, "%1.%2"), "clauses: 1.1, 1.2 …, restarting in each section");

  assert.match(footers, /Current draft · content hash [0-9a-f]{16} · /);
  assert.match(footers, /<w:instrText[^>]*>PAGE<\/w:instrText>/);
  assert.match(footers, /<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
  assert.ok(words(footers).includes("Page") && words(footers).includes("of"));
  assert.ok(words(headers).includes("Security schedule — Acme Retail ⇄ Nimbus Cloud"));

  assert.ok(text.includes("Party Signed off by When Content hash signed"), "the signature block's columns");
  assert.ok(text.includes("Acme Retail (Buyer) Not signed off.") && text.includes("Nimbus Cloud (Supplier) Not signed off."), "not signed, per party");
});

test("a signed agreement lists its sign-off records with the hash they pin, in DOCX and PDF; every PDF page says page x of y", async () => {
  const clauses = (await get<{ clauses: { clauseId: string }[] }>("buyer", `/api/negotiations/${negotiationId}/agreements`)).clauses;
  for (const { clauseId } of clauses)
    for (const who of ["buyer", "supplier"]) assert.equal((await post(who, "/agreements", { clauseId, decision: "agreed" })).status, 200);
  assert.equal((await post("buyer", "/signoff")).status, 200);
  assert.equal((await post("supplier", "/signoff")).status, 200);
  const effective = (await get<Version[]>("buyer", `/api/negotiations/${negotiationId}/versions`)).find((v) => v.kind === "effective")!;

  const docx = await docxParts(await (await (await as("buyer")).request(exportUrl(effective.id, "format=docx"))).arrayBuffer());
  const text = words(docx.document);
  assert.ok(text.includes(`Acme Retail (Buyer) Bea Buyer (Acme Retail)`), "the buyer's record");
  assert.ok(text.includes(`Nimbus Cloud (Supplier) Sam Supplier (Nimbus Cloud)`), "the supplier's record");
  assert.equal(text.split(effective.hash).length - 1, 3, "the full hash in the title block and in both records");
  assert.ok(words(docx.footers).includes(`Version ${effective.number}: ${effective.name} · content hash ${effective.hash.slice(0, 16)}`));

  const pages = await pdfPages(await (await (await as("buyer")).request(exportUrl(effective.id, "format=pdf"))).arrayBuffer());
  assert.ok(pages.length > 1, "a schedule of several pages");
  pages.forEach((page, i) => {
    const flat = page.replace(/\s+/g, " ");
    assert.ok(flat.includes(`Page ${i + 1} of ${pages.length}`), `page ${i + 1}: page x of y`);
    assert.ok(flat.includes(`content hash ${effective.hash.slice(0, 16)}`), `page ${i + 1}: the short hash`);
    assert.ok(flat.includes("Security schedule — Acme Retail ⇄ Nimbus Cloud"), `page ${i + 1}: the header`);
  });
  const all = pages.join(" ").replace(/\s+/g, " ");
  assert.ok(all.includes("Signed off for Acme Retail (Buyer) by Bea Buyer (Acme Retail)"), "the buyer's sign-off in the PDF");
  assert.ok(all.includes(`content hash signed: ${effective.hash}`), "with the hash it pins");
});
