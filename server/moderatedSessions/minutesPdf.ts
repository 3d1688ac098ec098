import { finishPages, heading, startPdf, type Pdf } from "../agreements/exports/pdfDocument";
import { plainPiece, writePieces } from "../agreements/exports/pdfPieces";
import type { MinutesBlock, MinutesDocument } from "./minutesBlocks";

const body = 10.5;
const listIndent = 14;

function draw(pdf: Pdf, block: MinutesBlock) {
  switch (block.kind) {
    case "title":
      pdf.font("bold").fontSize(18).text(block.text).moveDown(0.3);
      return;
    case "heading":
      heading(pdf, block.text, 14);
      return;
    case "item":
      heading(pdf, `${block.number}. ${block.title}`, 11.5);
      return;
    case "outcome":
      writePieces(pdf, [plainPiece(block.text, "bold")], body);
      pdf.moveDown(0.3);
      return;
    case "paragraph":
      writePieces(pdf, [plainPiece(block.text)], body);
      pdf.moveDown(0.4);
      return;
    case "note":
      pdf.font("italic").fontSize(9.5).fillColor("#444444").text(block.text).fillColor("black").moveDown(0.4);
      return;
    case "list":
      for (const line of block.lines) {
        writePieces(pdf, [plainPiece(`• ${line}`)], body, { indent: listIndent });
        pdf.moveDown(0.2);
      }
      pdf.moveDown(0.2);
      return;
    case "attendees":
      for (const line of block.lines) {
        writePieces(pdf, [plainPiece(`${line.label}: `, "bold"), plainPiece(line.names)], body, { indent: listIndent });
        pdf.moveDown(0.2);
      }
      pdf.moveDown(0.2);
  }
}

/** The minutes as an A4 PDF, looking like the schedule's: which session and revision, and page x of y, on every page. */
export function minutesPdf(doc: MinutesDocument): Promise<Buffer> {
  const { pdf, done } = startPdf(doc.title);
  for (const block of doc.blocks) draw(pdf, block);
  finishPages(pdf, doc.title, (page, pages) => `${doc.pageLine} · ${doc.t("export.page", { page, pages })}`);
  return done;
}
