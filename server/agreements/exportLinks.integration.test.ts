import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import SQLite from "better-sqlite3";
import JSZip from "jszip";
import { startTestServer, type TestServer } from "../test/testServer";
import { demoClients } from "../test/demoLogins";

let server: TestServer;
let negotiationId: string;
let versionId: string;
const as = demoClients(() => server.url);

const unsafeTargets = [
  "javascript:alert(1)",
  " JaVaScRiPt:alert(document.cookie)",
  "file:///etc/passwd",
  "file://fileserver/share/payload.exe",
  "\\\\fileserver\\share\\payload.exe",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
];
const safeTarget = "https://example.org/policy";
// A safe target whose ")" would end a Markdown link early and start a new one after it.
const breakout = "https://example.org/a)[evil](javascript:alert(2)";

type PMNode = { type: string; text?: string; marks?: { type: string; attrs?: Record<string, unknown> }[]; content?: PMNode[] };

function firstParagraph(node: PMNode): PMNode | undefined {
  if (node.type === "paragraph") return node;
  for (const child of node.content ?? []) {
    const found = firstParagraph(child);
    if (found) return found;
  }
  return undefined;
}

const link = (text: string, href: string): PMNode => ({ type: "text", text, marks: [{ type: "link", attrs: { href } }] });

before(async () => {
  server = await startTestServer();
  const buyer = await as("buyer");
  negotiationId = ((await (await buyer.request("/api/negotiations")).json()) as { id: string }[])[0]!.id;
  const post = (p: string, body: unknown) =>
    buyer.request(`/api/negotiations/${negotiationId}${p}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  assert.equal((await post("/versions", { name: "With links" })).status, 201);
  versionId = ((await (await buyer.request(`/api/negotiations/${negotiationId}/versions`)).json()) as { id: string }[])[0]!.id;
  const clauseId = ((await (await buyer.request(`/api/negotiations/${negotiationId}/agreements`)).json()) as { clauses: { clauseId: string }[] }).clauses[0]!
    .clauseId;
  const comment = [
    "See [the policy](javascript:alert(3)) and ![img](file:///etc/passwd)",
    '<img src=x onerror=alert(4)> <a href="javascript:alert(5)">click</a>',
    "[unc](\\\\fileserver\\share) <javascript:alert(6)>",
    "# not a heading",
  ].join("\n");
  assert.equal((await post("/threads", { clauseId, visibility: "shared", body: comment })).status, 201);

  // Stored versions may hold what no editor would write today (older data, another client); the
  // export is the last line, so the links go straight into the stored version.
  const sqlite = new SQLite(path.join(server.dataDir, "app.db"));
  const row = sqlite.prepare("select content_json from versions where id = ?").get(versionId) as { content_json: string };
  const doc = JSON.parse(row.content_json) as PMNode;
  const paragraph = firstParagraph(doc)!;
  paragraph.content = [
    ...(paragraph.content ?? []),
    ...unsafeTargets.map((href, i) => link(` UNSAFE-${i} `, href)),
    link(" SAFE-LINK ", safeTarget),
    link(" BREAKOUT ", breakout),
  ];
  sqlite.prepare("update versions set content_json = ? where id = ?").run(JSON.stringify(doc), versionId);
  sqlite.close();
});
after(() => server.stop());

const download = async (format: string) => {
  const res = await (await as("buyer")).request(`/negotiations/${negotiationId}/versions/${versionId}/export?format=${format}&threads=1`);
  assert.equal(res.status, 200, format);
  return res.arrayBuffer();
};

test("DOCX: unsafe link targets are gone (their text stays), safe ones remain external hyperlinks", async () => {
  const zip = await JSZip.loadAsync(await download("docx"));
  const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
  const targets = [...rels.matchAll(/Target="([^"]*)"[^>]*TargetMode="External"/g)].map((m) => m[1]!);
  assert.ok(targets.includes(safeTarget), `the safe link stays: ${targets.join(" ")}`);
  for (const target of targets) assert.match(target, /^(https?:\/\/|mailto:)/, `external target ${target}`);
  for (const unsafe of unsafeTargets) assert.ok(!targets.includes(unsafe.trim()), unsafe);
  assert.doesNotMatch(rels, /Target="(javascript|vbscript|file|data):|Target="\\\\/i);
  const text = await zip.file("word/document.xml")!.async("string");
  for (let i = 0; i < unsafeTargets.length; i++) assert.match(text, new RegExp(`UNSAFE-${i}`), "the link text stays as plain text");
});

test("PDF: no link annotation points anywhere unsafe", async () => {
  const pdf = Buffer.from(await download("pdf")).toString("latin1");
  const uris = [...pdf.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!);
  assert.ok(
    uris.some((u) => u.startsWith(safeTarget)),
    `the safe link stays: ${uris.join(" ")}`,
  );
  assert.doesNotMatch(pdf, /\/URI \((javascript|vbscript|file|data):/i);
  assert.doesNotMatch(pdf, /\/URI \(\\\\/);
});

test("Markdown: no unsafe link target, and comment text cannot make links, images, HTML or headings", async () => {
  const md = new TextDecoder().decode(await download("md"));
  const targets = [...md.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]!);
  assert.ok(targets.includes(safeTarget), `the safe link stays: ${targets.join(" ")}`);
  for (const target of targets) assert.match(target, /^(https?:\/\/|mailto:)/, `link target ${target}`);
  assert.ok(
    targets.some((t) => t.startsWith("https://example.org/a%29%5Bevil%5D%28javascript")),
    "a ) in a target is encoded, so no link starts after it",
  );
  for (let i = 0; i < unsafeTargets.length; i++) assert.match(md, new RegExp(`UNSAFE-${i}`));
  // Outside escaped characters, no markup survives from the comment.
  assert.doesNotMatch(md, /(?<!\\)<img|(?<!\\)<a |(?<!\\)<javascript/);
  assert.doesNotMatch(md, /(?<![\\%])\[the policy\]\(/);
  assert.doesNotMatch(md, /(?<!\\)!\[img\]/);
  assert.match(md, /> \\# not a heading/);
});
