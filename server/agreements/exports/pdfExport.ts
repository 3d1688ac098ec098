import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import type { Block, Run } from "../../../shared/editor/scheduleModel";
import { headerLines, pageLine, signoffLines, statusLine, type ExportDocument } from "./exportDocument";
import { drawTable } from "./pdfTable";

// DejaVu covers Dutch, arrows (⇄) and the like; the built-in PDF fonts only cover Latin-1.
const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
const fonts = {
  regular: join(fontDir, "DejaVuSans.ttf"),
  bold: join(fontDir, "DejaVuSans-Bold.ttf"),
  italic: join(fontDir, "DejaVuSans-Oblique.ttf"),
  boldItalic: join(fontDir, "DejaVuSans-BoldOblique.ttf"),
};

type Pdf = InstanceType<typeof PDFDocument>;

function fontFor(run: { bold?: boolean; italic?: boolean }) {
  return run.bold && run.italic ? "boldItalic" : run.bold ? "bold" : run.italic ? "italic" : "regular";
}

function paragraph(pdf: Pdf, runs: Run[], indent: number, prefix = "") {
  const pieces = runs.map((r) => ("lineBreak" in r ? { text: "\n" } : r));
  if (prefix) pieces.unshift({ text: prefix });
  if (pieces.length === 0) pieces.push({ text: "" });
  pieces.forEach((piece, i) => {
    pdf
      .font(fontFor(piece))
      .fontSize(10.5)
      .text(piece.text, {
        continued: i < pieces.length - 1,
        indent: i === 0 ? indent : 0,
        link: "href" in piece && piece.href ? piece.href : undefined,
        underline: "href" in piece && !!piece.href,
      });
  });
  pdf.moveDown(0.4);
}

function blocks(pdf: Pdf, list: Block[], indent = 0) {
  for (const b of list) {
    if (b.kind === "paragraph") paragraph(pdf, b.runs, indent);
    else if (b.kind === "list") {
      b.items.forEach((item, i) => {
        const [first, ...rest] = item;
        const bullet = `${b.ordered ? `${i + 1}.` : "•"} `;
        if (first?.kind === "paragraph") {
          paragraph(pdf, first.runs, indent + 14, bullet);
          blocks(pdf, rest, indent + 14);
        } else blocks(pdf, item, indent + 14);
      });
    } else
      drawTable(
        pdf,
        b.rows.map((row) => row.map(cellText)),
        indent,
        "regular",
      );
  }
}

/** A cell's paragraphs (the schema allows nothing else in a cell) as lines of plain text. */
function cellText(cell: Block[]): string {
  return cell.flatMap((b) => (b.kind === "paragraph" ? [b.runs.map((r) => ("lineBreak" in r ? "\n" : r.text)).join("")] : [])).join("\n");
}

function heading(pdf: Pdf, text: string, size: number) {
  pdf.moveDown(0.5).font("bold").fontSize(size).text(text).moveDown(0.3);
}

/**
 * An A4 PDF as the annex a lawyer attaches: the title block, numbered clauses with their status,
 * the signature block, the threads annex, and on every page which text it is and page x of y.
 */
export function pdfExport(doc: ExportDocument): Promise<Buffer> {
  const { t } = doc;
  const pdf = new PDFDocument({ size: "A4", margin: 56, info: { Title: doc.title, Creator: "Common Ground" }, bufferPages: true });
  for (const [name, file] of Object.entries(fonts)) pdf.registerFont(name, file);
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  pdf.font("bold").fontSize(18).text(t("export.documentTitle")).moveDown(0.3);
  headerLines(doc).forEach((line, i) =>
    pdf
      .font(i === 0 ? "bold" : "regular")
      .fontSize(i === 0 ? 12 : 10)
      .text(line)
      .moveDown(i === 0 ? 0.3 : 0),
  );
  for (const section of doc.sections) {
    heading(pdf, `${section.number}. ${section.heading}`, 14);
    for (const clause of section.clauses) {
      heading(pdf, `${clause.number} ${clause.heading}`, 11.5);
      pdf.font("italic").fontSize(9.5).fillColor("#444444").text(statusLine(doc, clause)).fillColor("black").moveDown(0.3);
      blocks(pdf, clause.blocks);
    }
  }
  heading(pdf, t("export.signoffsHeading"), 14);
  for (const line of signoffLines(doc)) pdf.font("regular").fontSize(10).text(line).moveDown(0.2);
  if (doc.threads) {
    heading(pdf, t("export.threadsHeading"), 14);
    if (doc.threads.length === 0) pdf.font("regular").fontSize(10).text(t("export.noThreads"));
    for (const thread of doc.threads) {
      heading(pdf, `${t("export.thread", { clause: thread.clause })}${thread.resolved ? ` (${t("export.resolved")})` : ""}`, 11);
      if (thread.quote)
        pdf
          .font("italic")
          .fontSize(10)
          .text(t("export.quote", { quote: thread.quote }))
          .moveDown(0.2);
      for (const c of thread.comments) {
        pdf
          .font("bold")
          .fontSize(10)
          .text(`${c.author}, ${doc.formatTime(c.at)}: `, { continued: true })
          .font("regular")
          .text(c.body)
          .moveDown(0.3);
      }
    }
  }
  // Header and footer, once the number of pages is known (the pages are buffered until then).
  const range = pdf.bufferedPageRange();
  const header = `${t("export.documentTitle")} — ${doc.title}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Inside the margins, where pdfkit would otherwise start a new page.
    const { top, bottom } = pdf.page.margins;
    pdf.page.margins.top = 0;
    pdf.page.margins.bottom = 0;
    const line = { width: pdf.page.width - 112, lineBreak: false };
    pdf
      .font("regular")
      .fontSize(8)
      .fillColor("#444444")
      .text(header, 56, 30, { ...line, align: "right" })
      .text(`${pageLine(doc)} · ${t("export.page", { page: i - range.start + 1, pages: range.count })}`, 56, pdf.page.height - 40, { ...line, align: "center" })
      .fillColor("black");
    pdf.page.margins.top = top;
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
