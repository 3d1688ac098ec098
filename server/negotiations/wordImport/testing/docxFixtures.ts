// Word files for the import tests, built here rather than checked in, so each test shows what it reads.
import { strToU8, zipSync, type Zippable } from "fflate";

const contentTypes = (main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;

const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Kop2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
</w:styles>`;

const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

const run = (text: string, props = "") => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const paragraph = (content: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${content}</w:p>`;
const styled = (style: string, text: string) => paragraph(run(text), `<w:pStyle w:val="${style}"/>`);
const listItem = (numId: number, ilvl: number, text: string) => paragraph(run(text), `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
const ins = (id: number, author: string, content: string) => `<w:ins w:id="${id}" w:author="${author}" w:date="2026-11-20T10:00:00Z">${content}</w:ins>`;
const del = (id: number, author: string, text: string) =>
  `<w:del w:id="${id}" w:author="${author}" w:date="2026-11-21T09:30:00Z"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;

/**
 * The schedule the tests import: two Heading 1 sections; clauses by Heading 2, by a typed number
 * ("2.2 …") and by a bold line; a bullet list with a nested item, a numbered list, a table; and
 * tracked changes by two authors (Anna inserts twice, Bram deletes once).
 */
export const scheduleBody = [
  styled("Kop1", "1 Security measures"),
  styled("Kop2", "1.1 Encryption"),
  paragraph(
    run("The Supplier shall encrypt Buyer Data ") +
      run("in transit", "<w:b/>") +
      ins(1, "Anna de Vries", run(" and at rest", "<w:i/>")) +
      run(" using current algorithms."),
  ),
  listItem(1, 0, "TLS 1.2 or higher"),
  listItem(1, 1, "no SSL"),
  listItem(1, 0, "AES-256 for storage"),
  styled("Kop2", "1.2 Backup and recovery"),
  paragraph(run("The Supplier shall make backups ") + del(2, "Bram Jansen", "every week") + ins(3, "Anna de Vries", run("daily")) + run(".")),
  `<w:tbl><w:tr><w:tc>${paragraph(run("Data"))}</w:tc><w:tc>${paragraph(run("Retention"))}</w:tc></w:tr><w:tr><w:tc>${paragraph(run("Backups"))}</w:tc><w:tc>${paragraph(run("30 days"))}</w:tc></w:tr></w:tbl>`,
  styled("Kop1", "2 Incidents"),
  paragraph(run("Incident notification", "<w:b/>")),
  paragraph(run("The Supplier shall notify the Buyer of any security incident without undue delay.")),
  listItem(2, 0, "within 24 hours: an early warning;"),
  listItem(2, 0, "within 72 hours: a full report."),
  paragraph(run("2.2 Logging and monitoring")),
  paragraph(run("Security events are logged and the logs are kept for one year.")),
].join("");

const rPrChange = (id: number, author: string, before: string) =>
  `<w:rPrChange w:id="${id}" w:author="${author}" w:date="2026-11-22T14:00:00Z"><w:rPr>${before}</w:rPr></w:rPrChange>`;

/**
 * Tracked formatting changes: Ann makes "72 hours" bold (two runs, as Word writes them), Bob takes
 * italic off "in writing"; Ann's bold on text she inserted is part of her insertion, and Bob's
 * change of font is no change the schedule holds.
 */
export const formattingBody = [
  styled("Kop1", "Incidents"),
  styled("Kop2", "Notification"),
  paragraph(
    run("The Supplier notifies the Buyer within ") +
      run("72", `<w:b/>${rPrChange(11, "Ann", "")}`) +
      run(" hours", `<w:b/>${rPrChange(12, "Ann", '<w:b w:val="false"/>')}`) +
      run(", ") +
      run("in writing", rPrChange(13, "Bob", "<w:i/>")) +
      ins(14, "Ann", run(" and by phone", `<w:b/>${rPrChange(15, "Ann", "")}`)) +
      run(".", `<w:rFonts w:ascii="Arial"/>${rPrChange(16, "Bob", '<w:rFonts w:ascii="Calibri"/>')}`),
  ),
].join("");

/** A paragraph mark Word tracks as inserted, dated apart from the runs so the tests see whose date counts. */
export const insertedMark = (author: string) => `<w:rPr><w:ins w:id="90" w:author="${author}" w:date="2026-11-23T08:00:00Z"/></w:rPr>`;

/**
 * Paragraphs Word tracks as inserted whole (mark and runs): Anna adds a paragraph (in two runs)
 * and a list item. Not whole: her inserted mark with a run already there, and with Bram's words;
 * an inserted clause heading is a heading.
 */
export const newParagraphsBody = [
  styled("Kop1", "Incidents"),
  styled("Kop2", "Notification"),
  paragraph(run("The Supplier notifies the Buyer.")),
  paragraph(ins(21, "Anna de Vries", run("Confirm ")) + ins(22, "Anna de Vries", run("in writing.", "<w:b/>")), insertedMark("Anna de Vries")),
  listItem(1, 0, "by mail"),
  paragraph(ins(23, "Anna de Vries", run("by phone")), `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>${insertedMark("Anna de Vries")}`),
  paragraph(run("Keep a record ") + ins(24, "Anna de Vries", run("for a year.")), insertedMark("Anna de Vries")),
  paragraph(ins(25, "Bram Jansen", run("Bram's words.")), insertedMark("Anna de Vries")),
  paragraph(ins(26, "Anna de Vries", run("Escalation")), `<w:pStyle w:val="Kop2"/>${insertedMark("Anna de Vries")}`),
  paragraph(run("Escalate within a day.")),
].join("");

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** A .docx zip of the given body; `extra` adds or replaces parts. */
export function buildDocx(body = scheduleBody, extra: Zippable = {}): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(contentTypes()),
    "_rels/.rels": strToU8(rels),
    "word/document.xml": strToU8(documentXml(body)),
    "word/styles.xml": strToU8(styles),
    "word/numbering.xml": strToU8(numbering),
    ...extra,
  });
}

/** A macro-enabled document (.docm): the macro project and its content type. */
export const docmFile = () =>
  zipSync({
    "[Content_Types].xml": strToU8(contentTypes("application/vnd.ms-word.document.macroEnabled.main+xml")),
    "_rels/.rels": strToU8(rels),
    "word/document.xml": strToU8(documentXml(styled("Kop1", "Macros"))),
    "word/vbaProject.bin": new Uint8Array([1, 2, 3, 4]),
  });

/** What a password-protected Word file starts with: the OLE compound file signature. */
export const encryptedFile = () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);

/** A zip bomb: an entry of 60 MB of one letter that packs into a few dozen KB. */
export const zipBomb = () => buildDocx(scheduleBody, { "word/document.xml": [new Uint8Array(60 * 1024 * 1024).fill(0x41), { level: 9 }] });

/** A document whose DOCTYPE declares entities that expand ("billion laughs"). */
export const entityBomb = () =>
  buildDocx(scheduleBody, {
    "word/document.xml": strToU8(
      `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph(run("&b;"))}</w:body></w:document>`,
    ),
  });

/** A zip that is no Word document: no word/document.xml. */
export const plainZip = () => zipSync({ "notes.txt": strToU8("hello") });
