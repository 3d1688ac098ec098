import type PDFDocument from "pdfkit";
import { writePieces, type FontName, type Piece } from "./pdfPieces";

type Pdf = InstanceType<typeof PDFDocument>;

const padding = 4;
const fontSize = 10;

/**
 * A schedule table drawn as a grid of ruled cells, as DOCX and the editor show it: columns of equal
 * width across the text block, each row as tall as its fullest cell. A row that does not fit on the
 * page starts the next one, so no cell is cut in two. A cell is its pieces of text, all in `font`,
 * each keeping how it is marked (an open proposal's underline or strike-through, a link).
 */
export function drawTable(pdf: Pdf, rows: Piece[][][], indent: number, font: FontName) {
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const left = pdf.page.margins.left + indent;
  const width = pdf.page.width - pdf.page.margins.right - left;
  const columnWidth = width / columns;
  let y = pdf.y;
  for (const row of rows) {
    const cells = Array.from({ length: columns }, (_, i) => (row[i] ?? []).map((piece) => ({ ...piece, font })));
    const text = (cell: Piece[]) => cell.map((piece) => piece.text).join("");
    pdf.font(font).fontSize(fontSize);
    const height = Math.max(...cells.map((cell) => pdf.heightOfString(text(cell), { width: columnWidth - 2 * padding }))) + 2 * padding;
    if (y + height > pdf.page.height - pdf.page.margins.bottom) {
      pdf.addPage();
      y = pdf.page.margins.top;
    }
    cells.forEach((cell, i) => {
      const x = left + i * columnWidth;
      pdf.rect(x, y, columnWidth, height).lineWidth(0.5).strokeColor("#555555").stroke();
      writePieces(pdf, cell, fontSize, { at: { x: x + padding, y: y + padding }, width: columnWidth - 2 * padding });
    });
    y += height;
  }
  // Back to the text flow, below the table.
  pdf.x = pdf.page.margins.left;
  pdf.y = y;
  pdf.moveDown(0.6);
}
