import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { Block, Run } from "../../../shared/editor/scheduleModel";
import { headerLines, signoffLines, statusLine, type ExportDocument } from "./exportDocument";

function runs(list: Run[]): (TextRun | ExternalHyperlink)[] {
  return list.map((r) => {
    if ("lineBreak" in r) return new TextRun({ text: "", break: 1 });
    const text = new TextRun({
      text: r.text,
      bold: r.bold,
      italics: r.italic,
      style: r.href ? "Hyperlink" : undefined,
      highlight: r.placeholder ? "yellow" : undefined,
    });
    // Only links that withSafeLinks (exportDocument.ts) kept reach here.
    return r.href ? new ExternalHyperlink({ link: r.href, children: [text] }) : text;
  });
}

function blocks(list: Block[], level = 0): (Paragraph | Table)[] {
  return list.flatMap((b): (Paragraph | Table)[] => {
    if (b.kind === "paragraph") return [new Paragraph({ children: runs(b.runs), indent: level ? { left: 360 * level } : undefined })];
    if (b.kind === "list") {
      // The bullet goes in front of the item's first paragraph; the rest of the item follows indented.
      return b.items.flatMap((item, i) => {
        const [first, ...rest] = item;
        const bullet = new TextRun(`${b.ordered ? `${i + 1}.` : "•"} `);
        if (first?.kind !== "paragraph") return blocks(item, level + 1);
        return [new Paragraph({ children: [bullet, ...runs(first.runs)], indent: { left: 360 * (level + 1) } }), ...blocks(rest, level + 1)];
      });
    }
    return [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: b.rows.map(
          (row) =>
            new TableRow({ children: row.map((cell) => new TableCell({ children: blocks(cell).filter((p): p is Paragraph => p instanceof Paragraph) })) }),
        ),
      }),
    ];
  });
}

export async function docxExport(doc: ExportDocument): Promise<Buffer> {
  const { t } = doc;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    ...headerLines(doc).map((line) => new Paragraph({ text: line })),
  ];
  for (const section of doc.sections) {
    children.push(new Paragraph({ text: `${section.number}. ${section.heading}`, heading: HeadingLevel.HEADING_1 }));
    for (const clause of section.clauses) {
      children.push(
        new Paragraph({ text: `${clause.number} ${clause.heading}`, heading: HeadingLevel.HEADING_2 }),
        new Paragraph({ children: [new TextRun({ text: statusLine(doc, clause), italics: true })] }),
        ...blocks(clause.blocks),
      );
    }
  }
  children.push(
    new Paragraph({ text: t("export.signoffsHeading"), heading: HeadingLevel.HEADING_1 }),
    ...signoffLines(doc).map((line) => new Paragraph({ text: line })),
  );
  if (doc.threads) {
    children.push(new Paragraph({ text: t("export.threadsHeading"), heading: HeadingLevel.HEADING_1 }));
    if (doc.threads.length === 0) children.push(new Paragraph({ text: t("export.noThreads") }));
    for (const thread of doc.threads) {
      children.push(
        new Paragraph({
          text: `${t("export.thread", { clause: thread.clause })}${thread.resolved ? ` (${t("export.resolved")})` : ""}`,
          heading: HeadingLevel.HEADING_2,
        }),
      );
      if (thread.quote) children.push(new Paragraph({ children: [new TextRun({ text: t("export.quote", { quote: thread.quote }), italics: true })] }));
      for (const c of thread.comments) {
        children.push(new Paragraph({ children: [new TextRun({ text: `${c.author}, ${doc.formatTime(c.at)}: `, bold: true }), new TextRun(c.body)] }));
      }
    }
  }
  return Packer.toBuffer(new Document({ title: doc.title, creator: "Common Ground", sections: [{ children }] }));
}
