import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { runningFooter, runningHeader } from "../agreements/exports/docxPage";
import type { MinutesBlock, MinutesDocument } from "./minutesBlocks";

// A typed bullet, indented as the schedule's lists are: the file needs no numbering definitions.
const bulleted = (children: TextRun[]) => new Paragraph({ children: [new TextRun("• "), ...children], indent: { left: 360 } });

function paragraphs(block: MinutesBlock): Paragraph[] {
  switch (block.kind) {
    case "title":
      return [new Paragraph({ text: block.text, heading: HeadingLevel.TITLE })];
    case "heading":
      return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_1 })];
    case "item":
      return [new Paragraph({ text: `${block.number}. ${block.title}`, heading: HeadingLevel.HEADING_2 })];
    case "outcome":
      return [new Paragraph({ children: [new TextRun({ text: block.text, bold: true })] })];
    case "paragraph":
      return [new Paragraph({ text: block.text })];
    case "note":
      return [new Paragraph({ children: [new TextRun({ text: block.text, italics: true })] })];
    case "list":
      return block.lines.map((line) => bulleted([new TextRun(line)]));
    case "attendees":
      return block.lines.map((line) => bulleted([new TextRun({ text: `${line.label}: `, bold: true }), new TextRun(line.names)]));
  }
}

/** The minutes as a Word file, with the schedule's running header and footer: which session and revision, page x of y. */
export function minutesDocx(doc: MinutesDocument): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      title: doc.title,
      creator: "Common Ground",
      sections: [
        {
          headers: { default: runningHeader(doc.title) },
          footers: { default: runningFooter(doc.pageLine, doc.t) },
          children: doc.blocks.flatMap(paragraphs),
        },
      ],
    }),
  );
}
