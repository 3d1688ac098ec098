import assert from "node:assert/strict";
import { test } from "node:test";
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { importOutline } from "./importOutline";
import { buildImportedSchedule } from "./buildImportedSchedule";
import { plainText, type ParsedDocx } from "../../../shared/wordImport/importedDocument";
import { DocxRefusal, readDocx } from "./readDocx";
import { buildDocx, docmFile, encryptedFile, entityBomb, formattingBody, insertedMark, newParagraphsBody, plainZip, zipBomb } from "./testing/docxFixtures";

const outlineText = (parsed: ParsedDocx) =>
  importOutline(parsed.entries).map((s) => ({
    section: s.heading === null ? null : plainText(parsed.entries[s.heading]!.block),
    clauses: s.clauses.map((c) => (c.heading === null ? null : plainText(parsed.entries[c.heading]!.block))),
  }));

test("headings become sections, Heading 2, typed numbers and bold lines become clauses, their numbers dropped", () => {
  assert.deepEqual(outlineText(readDocx(buildDocx())), [
    { section: "Security measures", clauses: ["Encryption", "Backup and recovery"] },
    { section: "Incidents", clauses: ["Incident notification", "Logging and monitoring"] },
  ]);
});

test("tracked insertions and deletions by two authors stay in the text, marked, each with its own id", () => {
  const parsed = readDocx(buildDocx());
  assert.deepEqual(
    parsed.changes.map(({ kind, author, date, text }) => ({ kind, author, date, text })),
    [
      { kind: "insert", author: "Anna de Vries", date: "2026-11-20T10:00:00Z", text: " and at rest" },
      { kind: "delete", author: "Bram Jansen", date: "2026-11-21T09:30:00Z", text: "every week" },
      { kind: "insert", author: "Anna de Vries", date: "2026-11-20T10:00:00Z", text: "daily" },
    ],
  );
  assert.equal(new Set(parsed.changes.map((c) => c.id)).size, 3);

  const { doc, proposals } = buildImportedSchedule(parsed, new Map());
  assert.deepEqual(
    proposals.map((p) => [p.kind, p.author, p.clauseIndex]),
    [
      ["insert", "Anna de Vries", 0],
      ["delete", "Bram Jansen", 1],
      ["insert", "Anna de Vries", 1],
    ],
  );
  const marked: [string, string, string][] = [];
  doc.descendants((node) => {
    for (const mark of node.marks)
      if (mark.type.name === "insertion" || mark.type.name === "deletion") marked.push([mark.type.name, node.text!, mark.attrs.id]);
  });
  assert.deepEqual(
    marked,
    parsed.changes.map((c) => [c.kind === "insert" ? "insertion" : "deletion", c.text, c.id]),
  );
  // Deleted text is not dropped, inserted text not silently accepted: both are there, marked.
  assert.match(doc.textContent, /every weekdaily/);
});

test("tracked formatting changes become formatting proposals as the editor makes them: the formatting proposed, `was` the one before", () => {
  const parsed = readDocx(buildDocx(formattingBody));
  assert.deepEqual(
    parsed.changes.map(({ kind, author, date, text }) => ({ kind, author, date, text })),
    [
      { kind: "format", author: "Ann", date: "2026-11-22T14:00:00Z", text: "72 hours" },
      { kind: "format", author: "Bob", date: "2026-11-22T14:00:00Z", text: "in writing" },
      { kind: "insert", author: "Ann", date: "2026-11-20T10:00:00Z", text: " and by phone" },
    ],
  );
  const [bold, unitalic, insertion] = parsed.changes.map((c) => c.id);

  const { doc, proposals } = buildImportedSchedule(parsed, new Map());
  assert.deepEqual(
    proposals.map((p) => [p.id, p.kind, p.author, p.clauseIndex]),
    [
      [bold, "format", "Ann", 0],
      [unitalic, "format", "Bob", 0],
      [insertion, "insert", "Ann", 0],
    ],
  );
  const runs: [string, unknown[]][] = [];
  doc
    .child(0)
    .child(1)
    .child(1)
    .forEach((n) => runs.push([n.text!, JSON.parse(JSON.stringify(n.marks)) as unknown[]]));
  assert.deepEqual(runs, [
    ["The Supplier notifies the Buyer within ", []],
    ["72 hours", [{ type: "bold" }, { type: "modification", attrs: { id: bold, was: [] } }]],
    [", ", []],
    ["in writing", [{ type: "modification", attrs: { id: unitalic, was: [{ type: "italic" }] } }]],
    // Ann's bold on her own inserted text is part of the insertion; Bob's new font is nothing here.
    [" and by phone", [{ type: "bold" }, { type: "insertion", attrs: { id: insertion } }]],
    [".", []],
  ]);
});

test("a body paragraph or list item Word tracks as inserted whole is one proposal of a new paragraph; with a run already there or another author's words, text proposals", () => {
  const parsed = readDocx(buildDocx(newParagraphsBody));
  const mark = "2026-11-23T08:00:00Z";
  const runs = "2026-11-20T10:00:00Z";
  assert.deepEqual(
    parsed.changes.map(({ kind, author, date, text }) => ({ kind, author, date, text })),
    [
      { kind: "insert", author: "Anna de Vries", date: mark, text: "Confirm in writing." },
      { kind: "insert", author: "Anna de Vries", date: mark, text: "by phone" },
      { kind: "insert", author: "Anna de Vries", date: runs, text: "for a year." },
      { kind: "insert", author: "Bram Jansen", date: runs, text: "Bram's words." },
      { kind: "insert", author: "Anna de Vries", date: runs, text: "Escalation" },
    ],
  );
  const [paragraph, item, partly, other, heading] = parsed.changes.map((c) => c.id);

  const { doc, proposals } = buildImportedSchedule(parsed, new Map());
  assert.deepEqual(
    proposals.map((p) => [p.id, p.scope, p.clauseIndex]),
    [
      [paragraph, "block", 0],
      [item, "block", 0],
      [partly, "text", 0],
      [other, "text", 0],
      [heading, "text", 1],
    ],
  );
  const notification = doc.child(0).child(1);
  const shape: unknown[] = [];
  notification.forEach((node) => {
    const marked = (n: typeof node) => {
      const out: [string, string | null][] = [];
      n.descendants((t) => void (t.isText && out.push([t.text!, t.marks.find((m) => m.type.name === "insertion")?.attrs.id ?? null])));
      return out;
    };
    if (node.type.name === "bullet_list") node.forEach((li) => shape.push(["list_item", li.attrs.insertion, li.child(0).attrs.insertion, marked(li)]));
    else if (node.type.name === "paragraph") shape.push(["paragraph", node.attrs.insertion, marked(node)]);
  });
  assert.deepEqual(shape, [
    ["paragraph", null, [["The Supplier notifies the Buyer.", null]]],
    [
      "paragraph",
      paragraph,
      [
        ["Confirm ", paragraph],
        ["in writing.", paragraph],
      ],
    ],
    ["list_item", null, null, [["by mail", null]]],
    ["list_item", item, null, [["by phone", item]]],
    [
      "paragraph",
      null,
      [
        ["Keep a record ", null],
        ["for a year.", partly],
      ],
    ],
    ["paragraph", null, [["Bram's words.", other]]],
  ]);
  assert.equal(doc.child(0).child(2).child(0).textContent, "Escalation", "an inserted clause heading is a heading, its words inserted");
});

test("a clause keeps one block that is not proposed new: a clause of only new paragraphs has its first one's words proposed as text", () => {
  const inserted = (id: number, text: string) =>
    `<w:p><w:pPr>${insertedMark("Ann")}</w:pPr><w:ins w:id="${id}" w:author="Ann"><w:r><w:t>${text}</w:t></w:r></w:ins></w:p>`;
  const heading = (style: string, text: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
  const { doc, proposals } = buildImportedSchedule(
    readDocx(buildDocx(heading("Kop1", "Incidents") + heading("Kop2", "New") + inserted(1, "First.") + inserted(2, "Second."))),
    new Map(),
  );
  const clause = doc.child(0).child(1);
  assert.deepEqual([clause.child(1).attrs.insertion, clause.child(2).attrs.insertion], [null, proposals[1]!.id]);
  assert.deepEqual(
    proposals.map((p) => [p.text, p.scope]),
    [
      ["First.", "text"],
      ["Second.", "block"],
    ],
  );
});

test("lists (nested), tables, bold and italic are kept in the clause bodies", () => {
  const { doc } = buildImportedSchedule(readDocx(buildDocx()), new Map());
  const encryption = doc.child(0).child(1);
  assert.deepEqual(
    encryption.content.content.map((n) => n.type.name),
    ["clause_heading", "paragraph", "bullet_list"],
  );
  const list = encryption.child(2);
  assert.equal(list.childCount, 2);
  assert.equal(list.child(0).child(1).type.name, "bullet_list", "the level-2 item is nested in the item before");
  const marks = new Map<string, string[]>();
  encryption.child(1).forEach((n) =>
    marks.set(
      n.text!,
      n.marks.map((m) => m.type.name),
    ),
  );
  assert.deepEqual(marks.get("in transit"), ["bold"]);
  assert.deepEqual(marks.get(" and at rest"), ["italic", "insertion"]);
  const backup = doc.child(0).child(2);
  assert.equal(backup.child(2).type.name, "table");
  assert.equal(backup.child(2).textContent, "DataRetentionBackups30 days");
  const notification = doc.child(1).child(1);
  assert.equal(notification.child(2).type.name, "ordered_list");
});

test("re-split roles and requirement links by clause key shape the document", () => {
  const parsed = readDocx(buildDocx());
  const backupHeading = parsed.entries.findIndex((e) => plainText(e.block) === "Backup and recovery");
  const merged = { ...parsed, entries: parsed.entries.map((e, i) => (i === backupHeading ? { ...e, role: "body" as const } : e)) };
  const encryptionKey = importOutline(merged.entries)[0]!.clauses[0]!.key;
  const { doc } = buildImportedSchedule(merged, new Map([[encryptionKey, "encryption"]]));
  assert.equal(doc.child(0).childCount, 2, "section heading and one clause");
  assert.equal(doc.child(0).child(1).attrs.requirement, "encryption");
  assert.match(doc.child(0).child(1).textContent, /Backup and recovery/);
});

test("a file made by the docx package: Word's heading styles, a numbered outline and a table", async () => {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: "outline",
          levels: [0, 1].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.LEFT })),
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: "Access", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: "Multi-factor authentication", numbering: { reference: "outline", level: 1 } }),
          new Paragraph({ text: "All administrative access uses a second factor." }),
          new Paragraph({ children: [new TextRun({ text: "Privileged accounts", bold: true })] }),
          new Table({
            rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph("Role")] }), new TableCell({ children: [new Paragraph("Review")] })] })],
          }),
        ],
      },
    ],
  });
  const parsed = readDocx(new Uint8Array(await Packer.toBuffer(document)));
  assert.deepEqual(outlineText(parsed), [{ section: "Access", clauses: ["Multi-factor authentication", "Privileged accounts"] }]);
  assert.equal(parsed.entries.at(-1)!.block.kind, "table");
});

const refusal = (bytes: Uint8Array) => {
  try {
    readDocx(bytes);
    return "read";
  } catch (error) {
    if (error instanceof DocxRefusal) return error.problem;
    throw error;
  }
};

test("hostile and unusable files are refused with their reason", () => {
  const random = new Uint8Array(4096).map((_v, i) => (i * 7919 + 13) % 256);
  assert.equal(refusal(random), "notDocx");
  assert.equal(refusal(new Uint8Array(0)), "notDocx");
  assert.equal(refusal(plainZip()), "notDocx");
  assert.equal(refusal(encryptedFile()), "encrypted");
  assert.equal(refusal(docmFile()), "macros");
  assert.equal(refusal(entityBomb()), "notDocx");
  assert.equal(refusal(buildDocx("<w:p><w:r><w:t>unclosed</w:r></w:p>")), "notDocx");
  assert.equal(refusal(buildDocx("")), "empty");
});

test("a zip bomb is refused before it is inflated, also when its header lies about the size", () => {
  const bomb = zipBomb();
  assert.ok(bomb.length < 1024 * 1024, `the bomb is small (${bomb.length} bytes)`);
  assert.equal(refusal(bomb), "tooLarge");
  // Patch the central directory to claim the entry unpacks to 1 KB.
  const lying = bomb.slice();
  const view = new DataView(lying.buffer);
  const name = new TextEncoder().encode("word/document.xml");
  for (let at = 0; at + 46 < lying.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (length === name.length && name.every((b, i) => lying[at + 46 + i] === b)) view.setUint32(at + 24, 1024, true);
  }
  const before = process.memoryUsage().rss;
  assert.equal(refusal(lying), "tooLarge");
  assert.ok(process.memoryUsage().rss - before < 40 * 1024 * 1024, "it stopped long before 60 MB");
});
