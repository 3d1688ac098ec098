import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import type { Block, Run } from "../../../shared/editor/scheduleModel";
import { headerLines, pageLine, signoffLines, statusLine, type ExportDocument } from "./exportDocument";
import { plainPiece, pieceOf, writePieces, type FontName, type Piece } from "./pdfPieces";
import { drawTable } from "./pdfTable";

// DejaVu covers Dutch, arrows (⇄) and the like; the built-in PDF fonts only cover Latin-1.
const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
const fonts: Record<FontName, string> = {
  regular: join(fontDir, "DejaVuSans.ttf"),
  bold: join(fontDir, "DejaVuSans-Bold.ttf"),
  italic: join(fontDir, "DejaVuSans-Oblique.ttf"),
  boldItalic: join(fontDir, "DejaVuSans-BoldOblique.ttf"),
};

type Pdf = InstanceType<typeof PDFDocument>;

function paragraph(pdf: Pdf, runs: Run[], indent: number, prefix = "") {
  writePieces(pdf, [...(prefix ? [plainPiece(prefix)] : []), ...runs.map((r) => pieceOf(r))], 10.5, { indent });
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
        b.rows.map((row) => row.map(cellPieces)),
        indent,
        "regular",
      );
  }
}

/** A cell's paragraphs (the schema allows nothing else in a cell) as lines of pieces. */
function cellPieces(cell: Block[]): Piece[] {
  return cell.flatMap((b, i) => (b.kind === "paragraph" ? [...(i > 0 ? [plainPiece("\n")] : []), ...b.runs.map((r) => pieceOf(r))] : []));
}

/** A heading: its number, then its words, or its runs when it holds an open proposal. */
function heading(pdf: Pdf, text: string, size: number, runs?: Run[]) {
  pdf.moveDown(0.5);
  writePieces(pdf, runs ? [plainPiece(`${text} `, "bold"), ...runs.map((r) => pieceOf(r, "bold"))] : [plainPiece(text, "bold")], size);
  pdf.moveDown(0.3);
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
  if (doc.openProposals)
    pdf
      .moveDown(0.3)
      .font("italic")
      .fontSize(10)
      .text(`${t("export.proposals.legend")} ${t("export.proposals.legendFormat")}`);
  for (const section of doc.sections) {
    if (section.headingRuns) heading(pdf, `${section.number}.`, 14, section.headingRuns);
    else heading(pdf, `${section.number}. ${section.heading}`, 14);
    for (const clause of section.clauses) {
      if (clause.headingRuns) heading(pdf, clause.number, 11.5, clause.headingRuns);
      else heading(pdf, `${clause.number} ${clause.heading}`, 11.5);
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
