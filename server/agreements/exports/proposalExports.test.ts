// Open proposals in each format, from a schedule read with its proposal records: Word tracked
// changes, underlined and struck-through text in the PDF, <ins>/<del> in Markdown.
import { test } from "node:test";
import assert from "node:assert/strict";
import JSZip from "jszip";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { ProposalRecord } from "../../../db/queries/proposals";
import { scheduleSchema as s } from "../../../shared/editor/schema";
import { scheduleModel, type ProposalLookup } from "../../../shared/editor/scheduleModel";
import { translate, type MessageKey } from "../../../shared/i18n/index";
import { docxExport } from "./docxExport";
import type { ExportDocument } from "./exportDocument";
import { markdownExport } from "./markdownExport";
import { pdfExport } from "./pdfExport";
import { proposalLookup } from "./proposalLookup";
import { exportDocumentOf } from "../../test/exportDocumentOf";

const t = (key: MessageKey, params?: Record<string, string | number>) => translate("en", key, params);
const proposedAt = Date.UTC(2026, 11, 3, 9, 30);
const record = (id: string, kind: "insert" | "delete", status: ProposalRecord["status"] = "open"): ProposalRecord => ({
  id,
  scope: "text",
  movedFrom: null,
  negotiationId: "n",
  clauseId: "c1",
  kind,
  authorId: "u",
  authorName: 'Sam "S" | Supplier',
  wordAuthor: null,
  party: "supplier",
  createdAt: proposedAt,
  reason: null,
  status,
  decidedBy: null,
  decidedAt: null,
});

const ins = (id: string) => [s.marks.insertion.create({ id })];
const del = (id: string) => [s.marks.deletion.create({ id })];
const cell = (...content: ReturnType<typeof s.text>[]) => s.nodes.table_cell.create(null, s.nodes.paragraph.create(null, content));
const doc = s.nodes.doc.create(
  null,
  s.nodes.section.create({ id: "s1" }, [
    s.nodes.section_heading.create(null, s.text("Incidents")),
    s.nodes.clause.create({ id: "c1" }, [
      s.nodes.clause_heading.create(null, [s.text("Notice"), s.text(" period", ins("h"))]),
      s.nodes.paragraph.create(null, [s.text("Notify "), s.text("promptly ", ins("a")), s.text("within "), s.text("24", del("d")), s.text(" hours.")]),
      s.nodes.table.create(null, s.nodes.table_row.create(null, [cell(s.text("Channel")), cell(s.text("Mail"), s.text(" or phone", ins("t")))])),
    ]),
  ]),
);

const exportOf = (lookup?: ProposalLookup): ExportDocument =>
  exportDocumentOf(
    scheduleModel(doc, lookup),
    { status: "proposal-open", agreedBy: [] },
    { t, title: "Proposals", generatedAt: proposedAt, openProposals: lookup !== undefined },
  );
const open = exportOf(proposalLookup([record("h", "insert"), record("a", "insert"), record("d", "delete"), record("t", "insert")], t, "current"));

test("in Word, open proposals are tracked changes by their author and party, dated when proposed; the file says they are decided in Common Ground", async () => {
  const zip = await JSZip.loadAsync(await docxExport(open));
  const xml = await zip.file("word/document.xml")!.async("string");
  const author = `w:author="Sam &quot;S&quot; | Supplier (Supplier)" w:date="${new Date(proposedAt).toISOString()}"`;
  for (const words of [" period", "promptly ", " or phone"])
    assert.match(xml, new RegExp(`<w:ins w:id="\\d+" ${author}>(?:(?!</w:ins>).)*<w:t[^>]*>${words}</w:t>`), `an insertion: ${words}`);
  assert.match(xml, new RegExp(`<w:del w:id="\\d+" ${author}>(?:(?!</w:del>).)*<w:delText[^>]*>24</w:delText>`));
  assert.ok(xml.includes(t("export.proposals.legendWord")));
  assert.match(await zip.file("word/settings.xml")!.async("string"), /<w:trackRevisions\/>/);
});

test("a tracked change read from a Word file goes back to Word in the name Word gave it, marked as from Word, with no party", async () => {
  const imported = { ...record("d", "delete"), wordAuthor: "Anna de Vries" };
  const zip = await JSZip.loadAsync(await docxExport(exportOf(proposalLookup([record("a", "insert"), imported], t, "current"))));
  const xml = await zip.file("word/document.xml")!.async("string");
  assert.match(xml, /<w:del w:id="\d+" w:author="Word: Anna de Vries" w:date="[^"]+">(?:(?!<\/w:del>).)*<w:delText[^>]*>24<\/w:delText>/);
  assert.match(xml, /<w:ins w:id="\d+" w:author="Sam &quot;S&quot; \| Supplier \(Supplier\)"/, "a member's proposal is still named with their party");
});

test("in Markdown, open proposals are <ins> and <del> saying who proposed them and when, escaped for attributes and tables", () => {
  const md = markdownExport(open);
  const title = (kind: string) => `title="${kind} proposed by Sam &quot;S&quot; &#124; Supplier (Supplier), ${new Date(proposedAt).toISOString()}"`;
  assert.ok(md.includes(`### 1.1 Notice<ins ${title("Insertion")}> period</ins>`), md);
  assert.ok(md.includes(`Notify <ins ${title("Insertion")}>promptly </ins>within <del ${title("Deletion")}>24</del> hours.`), md);
  assert.ok(md.includes(`| Channel | Mail<ins ${title("Insertion")}> or phone</ins> |`), md);
  assert.ok(md.includes(`*${t("export.proposals.legend")}*`), "the legend");
  assert.doesNotMatch(markdownExport(exportOf()), /<ins|<del|underlined/, "read without proposals, nothing is marked");
});

async function pdfPage(bytes: Buffer) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const page = await pdf.getPage(1);
  const text = (await page.getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join(" ");
  const ops = (await page.getOperatorList()).fnArray;
  return { text: text.replace(/\s+/g, " "), strokes: ops.filter((op) => op === OPS.stroke).length };
}

test("in the PDF, open proposals are underlined or struck through, in the text and in tables, with a legend", async () => {
  const marked = await pdfPage(await pdfExport(open));
  const plain = await pdfPage(await pdfExport(exportOf()));
  assert.ok(marked.text.includes(t("export.proposals.legend")), marked.text);
  assert.ok(!plain.text.includes(t("export.proposals.legend")));
  for (const words of ["Notice period", "promptly", "24", "or phone"]) assert.ok(marked.text.includes(words), words);
  // The table's rules are strokes in both; each proposal adds its line under or through its text.
  assert.equal(marked.strokes - plain.strokes, 4);
});

test("an open move says where the clause stood, by whom and when, in Markdown, Word and the PDF", async () => {
  const two = s.nodes.doc.create(
    null,
    s.nodes.section.create({ id: "s1" }, [
      s.nodes.section_heading.create(null, s.text("Incidents")),
      s.nodes.clause.create({ id: "c2" }, [s.nodes.clause_heading.create(null, s.text("Channel")), s.nodes.paragraph.create(null, s.text("By mail."))]),
      s.nodes.clause.create({ id: "c1", moved: "m", movedFrom: "s1/c2x" }, [
        s.nodes.clause_heading.create(null, s.text("Notice")),
        s.nodes.paragraph.create(null, s.text("Notify.")),
      ]),
    ]),
  );
  const move = {
    ...record("m", "delete"),
    kind: "move" as const,
    scope: "clause" as const,
    authorName: "Sam Supplier",
    movedFrom: { sectionId: "s1", afterClauseId: null },
  };
  const line = `Proposed moved from the start of section 1 by Sam Supplier (Supplier), ${new Date(proposedAt).toISOString()}`;
  const startOf = s.nodes.doc.create(
    null,
    two.firstChild!.copy(
      two.firstChild!.content.replaceChild(
        2,
        two.firstChild!.child(2).type.create({ ...two.firstChild!.child(2).attrs, movedFrom: "s1/" }, two.firstChild!.child(2).content),
      ),
    ),
  );
  const exported = exportDocumentOf(
    scheduleModel(startOf, proposalLookup([move], t, "current")),
    { status: "proposal-open", agreedBy: [] },
    { t, openProposals: true },
  );
  assert.ok(markdownExport(exported).includes(line), markdownExport(exported));
  const xml = await (await JSZip.loadAsync(await docxExport(exported))).file("word/document.xml")!.async("string");
  assert.ok(xml.includes(line), "in Word");
  assert.ok((await pdfPage(await pdfExport(exported))).text.includes("Proposed moved from the start of section 1"), "in the PDF");
  const gone = exportDocumentOf(
    scheduleModel(two, proposalLookup([move], t, "current")),
    { status: "proposal-open", agreedBy: [] },
    { t, openProposals: true },
  );
  assert.ok(markdownExport(gone).includes(`Proposed moved by Sam`), "the place it stood has gone");
  assert.ok(!markdownExport(exportOf()).includes("Proposed moved"));
});

test("a formatting proposal is Word's w:rPrChange with the formatting before, a titled span in Markdown; decided, it reads as decided", async () => {
  const proposed = [s.marks.bold.create(), s.marks.modification.create({ id: "f", was: [{ type: "italic" }] })];
  const formatted = s.nodes.doc.create(
    null,
    s.nodes.section.create({ id: "s1" }, [
      s.nodes.section_heading.create(null, s.text("Incidents")),
      s.nodes.clause.create({ id: "c1" }, [
        s.nodes.clause_heading.create(null, s.text("Notice")),
        s.nodes.paragraph.create(null, [s.text("Notify "), s.text("promptly", proposed)]),
      ]),
    ]),
  );
  const exported = (status: ProposalRecord["status"]) =>
    exportDocumentOf(
      scheduleModel(formatted, proposalLookup([{ ...record("f", "insert"), kind: "format", status }], t, "current")),
      { status: "proposal-open", agreedBy: [] },
      { t, title: "Formatting", generatedAt: proposedAt, openProposals: status === "open" },
    );
  const xml = await (await JSZip.loadAsync(await docxExport(exported("open")))).file("word/document.xml")!.async("string");
  assert.match(
    xml,
    /<w:rPr><w:b\/><w:bCs\/><w:rPrChange w:id="\d+" w:author="Sam &quot;S&quot; \| Supplier \(Supplier\)" w:date="[^"]+"><w:rPr><w:b w:val="false"\/>/,
    xml,
  );
  assert.match(xml, /<w:rPrChange(?:(?!<\/w:rPrChange>).)*<w:i\/>/, "italic before");
  const md = markdownExport(exported("open"));
  assert.ok(
    md.includes(
      `Notify <span title="Formatting proposed by Sam &quot;S&quot; &#124; Supplier (Supplier), ${new Date(proposedAt).toISOString()}; it was: italic">**promptly**</span>`,
    ),
    md,
  );
  assert.ok(markdownExport(exported("rejected")).includes("Notify *promptly*"), "rejected: the formatting before");
  assert.ok(markdownExport(exported("accepted")).includes("Notify **promptly**"), "accepted: the formatting proposed");
});

const withBlocks = s.nodes.doc.create(
  null,
  s.nodes.section.create({ id: "s1" }, [
    s.nodes.section_heading.create(null, s.text("Incidents")),
    s.nodes.clause.create({ id: "c1" }, [
      s.nodes.clause_heading.create(null, s.text("Notice")),
      s.nodes.paragraph.create(null, s.text("Notify within 24 hours.")),
      s.nodes.paragraph.create({ insertion: "p" }, s.text("Confirm in writing.", ins("p"))),
      s.nodes.bullet_list.create(null, [
        s.nodes.list_item.create(null, s.nodes.paragraph.create(null, s.text("Mail"))),
        s.nodes.list_item.create({ insertion: "p" }, s.nodes.paragraph.create(null, s.text("Phone", ins("p")))),
      ]),
    ]),
  ]),
);
const withBlocksAs = (status: ProposalRecord["status"]) =>
  exportDocumentOf(
    scheduleModel(withBlocks, proposalLookup([{ ...record("p", "insert", status), scope: "block" }], t, "current")),
    { status: "proposal-open", agreedBy: [] },
    { t, title: "Paragraphs", generatedAt: proposedAt, openProposals: status === "open" },
  );

test("a new paragraph or list item is inserted text in the exports; rejected it leaves no empty paragraph or item behind", () => {
  const exported = (status: ProposalRecord["status"]) => markdownExport(withBlocksAs(status));
  assert.match(exported("open"), /<ins title="[^"]*">Confirm in writing\.<\/ins>/);
  assert.match(exported("open"), /- <ins title="[^"]*">Phone<\/ins>/);
  const rejected = exported("rejected");
  assert.ok(rejected.includes("Notify within 24 hours.\n\n- Mail\n"), rejected);
  assert.ok(!/Confirm|Phone|\n-\s*\n/.test(rejected), rejected);
  const accepted = exported("accepted");
  assert.ok(accepted.includes("Confirm in writing.") && accepted.includes("- Phone"), accepted);
});

test("in Word, a new paragraph or list item has its paragraph mark inserted by its author, so rejecting it there removes the whole paragraph", async () => {
  const documentXml = async (status: ProposalRecord["status"]) =>
    (await JSZip.loadAsync(await docxExport(withBlocksAs(status)))).file("word/document.xml")!.async("string");
  const xml = await documentXml("open");
  const by = `w:author="Sam &quot;S&quot; \\| Supplier \\(Supplier\\)" w:date="${new Date(proposedAt).toISOString()}"`;
  const paragraphs = xml.match(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/g)!;
  const paragraphOf = (words: string) => paragraphs.find((p) => p.includes(`>${words}</w:t>`))!;
  for (const words of ["Confirm in writing.", "Phone"]) {
    const paragraph = paragraphOf(words);
    assert.match(paragraph, new RegExp(`^<w:p><w:pPr>(?:(?!</w:pPr>).)*<w:rPr><w:ins w:id="\\d+" ${by}/></w:rPr></w:pPr>`), paragraph);
    // Every run of it is inserted too, the list item's typed bullet with it.
    assert.doesNotMatch(paragraph.replace(/<w:ins (?:(?!<\/w:ins>).)*<\/w:ins>/g, ""), /<w:r>/, paragraph);
  }
  for (const words of ["Notify within 24 hours.", "Mail"]) assert.doesNotMatch(paragraphOf(words), /<w:ins /, `agreed, not inserted: ${words}`);
  const accepted = await documentXml("accepted");
  assert.ok(accepted.includes(">Confirm in writing.</w:t>") && !accepted.includes("<w:ins "), "accepted: plain paragraphs");
  const rejected = await documentXml("rejected");
  assert.ok(!rejected.includes("Confirm") && !rejected.includes("Phone") && !rejected.includes("<w:ins "), "rejected: gone");
});
