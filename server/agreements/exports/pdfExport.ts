import type { Block, Run } from "../../../shared/editor/scheduleModel";
import { headerLines, pageLine, signoffLines, statusLine, type ExportDocument } from "./exportDocument";
import { finishPages, heading, startPdf, type Pdf } from "./pdfDocument";
import { plainPiece, pieceOf, writePieces, type Piece } from "./pdfPieces";
import { drawTable } from "./pdfTable";

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

/**
 * An A4 PDF as the annex a lawyer attaches: the title block, numbered clauses with their status,
 * the signature block, the threads annex, and on every page which text it is and page x of y.
 */
export function pdfExport(doc: ExportDocument): Promise<Buffer> {
  const { t } = doc;
  const { pdf, done } = startPdf(doc.title);

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
  finishPages(pdf, `${t("export.documentTitle")} — ${doc.title}`, (page, pages) => `${pageLine(doc)} · ${t("export.page", { page, pages })}`);
  return done;
}
