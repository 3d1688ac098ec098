import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients, negotiationApi } from "../test/demoLogins";
import { docxText, pdfText } from "../test/exportText";

let server: TestServer;
let negotiationId: string;
let clauseId: string;
const as = demoClients(() => server.url);

const postJson = negotiationApi<unknown>(as, () => negotiationId);

async function post(who: string, path: string, body: unknown) {
  const { status } = await postJson(who, path, body);
  assert.ok(status >= 200 && status < 300, `${path}: ${status}`);
}

async function download(who: string, format: string, threads = true) {
  return (await as(who)).request(`/negotiations/${negotiationId}/versions/current/export?format=${format}${threads ? "&threads=1" : ""}`);
}

before(async () => {
  server = await startTestServer();
  const list = (await (await (await as("buyer")).request("/api/negotiations")).json()) as { id: string }[];
  negotiationId = list[0]!.id;
  const overview = (await (await (await as("buyer")).request(`/api/negotiations/${negotiationId}/agreements`)).json()) as { clauses: { clauseId: string }[] };
  clauseId = overview.clauses[0]!.clauseId;
  await post("buyer", "/threads", { clauseId, visibility: "internal", body: "INTERNAL-SECRET: our floor is ISO 27001." });
  await post("supplier", "/threads", { clauseId, visibility: "shared", body: "SHARED-NOTE: we are certified since 2021." });
  await post("buyer", "/agreements", { clauseId, decision: "agreed" });
  await post("supplier", "/agreements", { clauseId, decision: "agreed" });
});
after(() => server.stop());

test("every format carries the numbered clauses, the status per clause, the parties and the shared annex only", async () => {
  const texts: Record<string, string> = {};
  for (const format of ["md", "docx", "pdf"]) {
    const res = await download("buyer", format);
    assert.equal(res.status, 200, format);
    assert.match(
      res.headers.get("content-disposition") ?? "",
      new RegExp(`^attachment; filename="Security-schedule-Acme-Retail-draft\\.${format}"; filename\\*=UTF-8''`),
    );
    const bytes = await res.arrayBuffer();
    assert.equal(Number(res.headers.get("content-length")), bytes.byteLength);
    texts[format] = format === "md" ? new TextDecoder().decode(bytes) : format === "docx" ? await docxText(bytes) : await pdfText(bytes);
  }
  for (const [format, text] of Object.entries(texts)) {
    const flat = text.replace(/\s+/g, " ");
    // In DOCX the number is Word's own numbering (wordExport.integration.test.ts), not text.
    assert.ok(flat.includes(format === "docx" ? "Information security management" : "1.1 Information security management"), `${format}: numbered clause`);
    assert.ok(flat.includes("Acme Retail ⇄ Nimbus Cloud"), `${format}: title with its arrow`);
    assert.ok(flat.includes("Buyer: Acme Retail") && flat.includes("Supplier: Nimbus Cloud"), `${format}: parties`);
    assert.ok(/Status: Agreed — Bea Buyer \(Acme Retail\) \(Buyer\)/.test(flat), `${format}: status of the agreed clause with who agreed`);
    assert.ok(flat.includes("Status: Open"), `${format}: status of an open clause`);
    assert.ok(flat.includes("SHARED-NOTE: we are certified since 2021."), `${format}: shared thread in the annex`);
    assert.ok(!flat.includes("INTERNAL-SECRET"), `${format}: never an internal note`);
    assert.ok(flat.includes("Not signed off."), `${format}: sign-off state`);
  }
  assert.ok(!(await (await download("buyer", "md", false)).text()).includes("SHARED-NOTE"), "the annex only on request");
});

test("exports are for members only, validated, and recorded in the audit log", async () => {
  assert.equal((await download("outsider", "pdf")).status, 404);
  assert.equal((await download("observer", "md")).status, 200);
  assert.equal((await download("buyer", "exe")).status, 400);
  assert.equal((await (await as("buyer")).request(`/negotiations/${negotiationId}/versions/aaaaaaaaaaaaaaaaaaaaaaaaaa/export?format=md`)).status, 404);
  const csv = await (await (await as("observer")).request(`/negotiations/${negotiationId}/audit.csv`)).text();
  assert.match(csv, /^time_utc,member,action,description,detail_json\r\n/);
  assert.match(csv, /Oscar Observer,export,Exported Current draft as MD/);
  assert.match(csv, /Bea Buyer \(Acme Retail\),clause\.agreed,Agreed to clause 1\.1 Information security management for the Buyer/);
  assert.equal((await (await as("outsider")).request(`/negotiations/${negotiationId}/audit.csv`)).status, 404);
});
