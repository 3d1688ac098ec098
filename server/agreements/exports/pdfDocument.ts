// The page every PDF export shares (the schedule's and the minutes'): A4, DejaVu, the same margins,
// headings, and a running header and footer.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import type { Run } from "../../../shared/editor/scheduleModel";
import { plainPiece, pieceOf, writePieces, type FontName } from "./pdfPieces";

// DejaVu covers Dutch, arrows (⇄) and the like; the built-in PDF fonts only cover Latin-1.
const fontDir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
const fonts: Record<FontName, string> = {
  regular: join(fontDir, "DejaVuSans.ttf"),
  bold: join(fontDir, "DejaVuSans-Bold.ttf"),
  italic: join(fontDir, "DejaVuSans-Oblique.ttf"),
  boldItalic: join(fontDir, "DejaVuSans-BoldOblique.ttf"),
};

export type Pdf = InstanceType<typeof PDFDocument>;

export const pdfMargin = 56;

/** A new document with the fonts registered, and its bytes once it is ended. */
export function startPdf(title: string): { pdf: Pdf; done: Promise<Buffer> } {
  const pdf = new PDFDocument({ size: "A4", margin: pdfMargin, info: { Title: title, Creator: "Common Ground" }, bufferPages: true });
  for (const [name, file] of Object.entries(fonts)) pdf.registerFont(name, file);
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  return { pdf, done };
}

/** A heading: its number, then its words, or its runs when it holds an open proposal. */
export function heading(pdf: Pdf, text: string, size: number, runs?: Run[]) {
  pdf.moveDown(0.5);
  writePieces(pdf, runs ? [plainPiece(`${text} `, "bold"), ...runs.map((r) => pieceOf(r, "bold"))] : [plainPiece(text, "bold")], size);
  pdf.moveDown(0.3);
}

/** Header and footer on every page, once the number of pages is known (the pages are buffered until then); then ends the document. */
export function finishPages(pdf: Pdf, header: string, footer: (page: number, pages: number) => string) {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Inside the margins, where pdfkit would otherwise start a new page.
    const { top, bottom } = pdf.page.margins;
    pdf.page.margins.top = 0;
    pdf.page.margins.bottom = 0;
    const line = { width: pdf.page.width - 2 * pdfMargin, lineBreak: false };
    pdf
      .font("regular")
      .fontSize(8)
      .fillColor("#444444")
      .text(header, pdfMargin, 30, { ...line, align: "right" })
      .text(footer(i - range.start + 1, range.count), pdfMargin, pdf.page.height - 40, { ...line, align: "center" })
      .fillColor("black");
    pdf.page.margins.top = top;
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
}
