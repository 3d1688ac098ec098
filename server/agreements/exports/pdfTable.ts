import type PDFDocument from "pdfkit";

type Pdf = InstanceType<typeof PDFDocument>;

const padding = 4;
const fontSize = 10;

/**
 * A schedule table drawn as a grid of ruled cells, as DOCX and the editor show it: columns of equal
 * width across the text block, each row as tall as its fullest cell. A row that does not fit on the
 * page starts the next one, so no cell is cut in two.
 */
export function drawTable(pdf: Pdf, rows: string[][], indent: number, font: string) {
  const columns = Math.max(1, ...rows.map((row) => row.length));
  const left = pdf.page.margins.left + indent;
  const width = pdf.page.width - pdf.page.margins.right - left;
  const columnWidth = width / columns;
  pdf.font(font).fontSize(fontSize);
  let y = pdf.y;
  for (const row of rows) {
    const cells = Array.from({ length: columns }, (_, i) => row[i] ?? "");
    const height = Math.max(...cells.map((text) => pdf.heightOfString(text, { width: columnWidth - 2 * padding }))) + 2 * padding;
    if (y + height > pdf.page.height - pdf.page.margins.bottom) {
      pdf.addPage();
      y = pdf.page.margins.top;
    }
    cells.forEach((text, i) => {
      const x = left + i * columnWidth;
      pdf.rect(x, y, columnWidth, height).lineWidth(0.5).strokeColor("#555555").stroke();
      pdf.fillColor("black").text(text, x + padding, y + padding, { width: columnWidth - 2 * padding });
    });
    y += height;
  }
  // Back to the text flow, below the table.
  pdf.x = pdf.page.margins.left;
  pdf.y = y;
  pdf.moveDown(0.6);
}
