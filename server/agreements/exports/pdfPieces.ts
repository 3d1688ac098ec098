import type PDFDocument from "pdfkit";
import type { Run } from "../../../shared/editor/scheduleModel";

type Pdf = InstanceType<typeof PDFDocument>;
export type FontName = "regular" | "bold" | "italic" | "boldItalic";

/** A stretch of text drawn one way. */
export interface Piece {
  text: string;
  font: FontName;
  color: string;
  underline: boolean;
  strike: boolean;
  link: string | null;
}

// Underline and strike-through are what the legend names, and survive a grey printer; the colour
// tells a proposed insertion from a link, which is underlined too.
const proposalColour = { insert: "#1b6e3a", delete: "#a4262c", format: "#1f4e99" } as const;

export function fontFor(run: { bold?: boolean; italic?: boolean }): FontName {
  return run.bold && run.italic ? "boldItalic" : run.bold ? "bold" : run.italic ? "italic" : "regular";
}

export const plainPiece = (text: string, font: FontName = "regular"): Piece => ({ text, font, color: "black", underline: false, strike: false, link: null });

/**
 * A run as the PDF draws it: a link underlined, an open proposal (the only change a PDF carries:
 * redlines are Word's) underlined when inserted and struck through when deleted, in colour; a
 * formatting proposal in its proposed formatting, in blue.
 */
export function pieceOf(run: Run, font?: FontName): Piece {
  if ("lineBreak" in run) return plainPiece("\n");
  const change = run.change?.kind ?? (run.formatChange ? "format" : undefined);
  return {
    text: run.text,
    font: font ?? fontFor(run),
    color: change ? proposalColour[change] : "black",
    underline: !!run.href || change === "insert",
    strike: change === "delete",
    link: run.href ?? null,
  };
}

/**
 * Writes pieces as one flowing text, the first at `at` when given. Every option is set on every
 * piece: pdfkit carries an option left undefined over from the piece before (a link would run on).
 */
export function writePieces(pdf: Pdf, pieces: Piece[], size: number, first: { at?: { x: number; y: number }; indent?: number; width?: number } = {}) {
  const list = pieces.length > 0 ? pieces : [plainPiece("")];
  list.forEach((piece, i) => {
    const options = {
      continued: i < list.length - 1,
      indent: i === 0 ? (first.indent ?? 0) : 0,
      ...(first.width !== undefined && { width: first.width }),
      link: piece.link,
      underline: piece.underline,
      strike: piece.strike,
    };
    pdf.font(piece.font).fontSize(size).fillColor(piece.color);
    if (i === 0 && first.at) pdf.text(piece.text, first.at.x, first.at.y, options);
    else pdf.text(piece.text, options);
  });
  pdf.fillColor("black");
}
