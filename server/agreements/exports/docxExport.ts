import {
  AlignmentType,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from "docx";
import type { Block, Run, TrackedChange } from "../../../shared/editor/scheduleModel";
import { runningFooter, runningHeader } from "./docxPage";
import { headerLines, pageLine, signatureRows, statusLine, type ExportDocument } from "./exportDocument";

// One multilevel list numbers the schedule, as in the app: sections 1., 2. …, clauses 1.1, 1.2, 2.1 …
// Word restarts the clause level after each section, and a heading numbered this way is what its
// navigation pane and cross-references ("see clause 2.3") work with.
const scheduleNumbering = "schedule";
const numbering = {
  config: [
    {
      reference: scheduleNumbering,
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: "%1.", suffix: LevelSuffix.SPACE, alignment: AlignmentType.LEFT },
        { level: 1, format: LevelFormat.DECIMAL, text: "%1.%2", suffix: LevelSuffix.SPACE, alignment: AlignmentType.LEFT, isLegalNumberingStyle: true },
      ],
    },
  ],
};

/** Turns runs into Word runs; a run with a tracked change becomes a w:ins or w:del with its author and date. */
function wordRuns(list: Run[], revision: () => number): ParagraphChild[] {
  return list.map((r) => {
    const base: IRunOptions =
      "lineBreak" in r ? { text: "", break: 1 } : { text: r.text, bold: r.bold, italics: r.italic, highlight: r.placeholder ? "yellow" : undefined };
    const style = !("lineBreak" in r) && r.href ? "Hyperlink" : undefined;
    const change = r.change;
    // A formatting proposal is Word's w:rPrChange: the run as proposed, with the formatting it had.
    if (!("lineBreak" in r) && r.formatChange) {
      const { author, date, was } = r.formatChange;
      Object.assign(base, { revision: { id: revision(), author, date: new Date(date).toISOString(), bold: !!was.bold, italics: !!was.italic } });
    }
    const run = !change
      ? new TextRun({ ...base, style })
      : change.kind === "insert"
        ? new InsertedTextRun({ ...base, style, id: revision(), author: change.author, date: new Date(change.date).toISOString() })
        : new DeletedTextRun({ ...base, style, id: revision(), author: change.author, date: new Date(change.date).toISOString() });
    // Only links that withSafeLinks (exportDocument.ts) kept reach here.
    return !("lineBreak" in r) && r.href ? new ExternalHyperlink({ link: r.href, children: [run] }) : run;
  });
}

/**
 * A paragraph proposed new (decision 033) has its paragraph mark inserted, as Word tracks a new
 * paragraph: rejecting it there takes the whole paragraph away, not only its words.
 */
function paragraphMark(change: TrackedChange | undefined, revision: () => number): IParagraphOptions["run"] {
  return change?.kind === "insert" ? { insertion: { id: revision(), author: change.author, date: new Date(change.date).toISOString() } } : undefined;
}

function blocks(list: Block[], revision: () => number, level = 0): (Paragraph | Table)[] {
  return list.flatMap((b): (Paragraph | Table)[] => {
    if (b.kind === "paragraph")
      return [
        new Paragraph({ children: wordRuns(b.runs, revision), indent: level ? { left: 360 * level } : undefined, run: paragraphMark(b.change, revision) }),
      ];
    if (b.kind === "list") {
      // The bullet goes in front of the item's first paragraph; the rest of the item follows indented.
      return b.items.flatMap((item, i) => {
        const [first, ...rest] = item;
        if (first?.kind !== "paragraph") return blocks(item, revision, level + 1);
        // A new item's typed bullet is part of what was inserted, so rejecting it leaves none behind.
        const bullet = wordRuns([{ text: `${b.ordered ? `${i + 1}.` : "•"} `, change: first.change }], revision);
        return [
          new Paragraph({
            children: [...bullet, ...wordRuns(first.runs, revision)],
            indent: { left: 360 * (level + 1) },
            run: paragraphMark(first.change, revision),
          }),
          ...blocks(rest, revision, level + 1),
        ];
      });
    }
    return [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: b.rows.map(
          (row) =>
            new TableRow({
              children: row.map((cell) => new TableCell({ children: blocks(cell, revision).filter((p): p is Paragraph => p instanceof Paragraph) })),
            }),
        ),
      }),
    ];
  });
}

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/** Who signed off what, one row per record, and "not signed off" for a party without one. */
function signatureBlock(doc: ExportDocument): (Paragraph | Table)[] {
  const { t } = doc;
  const head = ["export.signature.party", "export.signature.by", "export.signature.at", "export.signature.hash"] as const;
  return [
    new Paragraph({ text: t("export.signoffsHeading"), heading: HeadingLevel.HEADING_1 }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: head.map((key) => cell(t(key), true)) }),
        ...signatureRows(doc).map(
          ({ org, party, signed }) =>
            new TableRow({
              children: [
                cell(`${org} (${party})`),
                ...(signed ? [cell(signed.name), cell(signed.time), cell(signed.hash)] : [cell(t("export.noSignoffs")), cell(""), cell("")]),
              ],
            }),
        ),
      ],
    }),
    new Paragraph({ children: [new TextRun({ text: t("export.notEsignature"), italics: true })] }),
  ];
}

/**
 * The schedule as the annex a lawyer attaches: a title block, Word headings numbered as in the app,
 * version, content hash and page x of y on every page, tables as tables and the signature block.
 * Open proposals are Word tracked changes by their author; with `trackedSince`, so is every change
 * since that version.
 */
export async function docxExport(doc: ExportDocument): Promise<Buffer> {
  const { t } = doc;
  let revisions = 0;
  const revision = () => ++revisions;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: t("export.documentTitle"), heading: HeadingLevel.TITLE }),
    ...headerLines(doc).map((line, i) => new Paragraph({ children: [new TextRun({ text: line, bold: i === 0 })] })),
    // Word shows a proposal like any tracked change; the reader needs to know accepting it there decides nothing.
    ...(doc.openProposals ? [new Paragraph({ children: [new TextRun({ text: t("export.proposals.legendWord"), italics: true })] })] : []),
  ];
  for (const section of doc.sections) {
    children.push(
      new Paragraph({
        children: section.headingRuns ? wordRuns(section.headingRuns, revision) : [new TextRun(section.heading)],
        heading: HeadingLevel.HEADING_1,
        numbering: { reference: scheduleNumbering, level: 0 },
      }),
    );
    for (const clause of section.clauses) {
      const heading = clause.headingRuns ? wordRuns(clause.headingRuns, revision) : [new TextRun(clause.heading)];
      children.push(
        // A removed clause keeps no number: Word would count it, and the clauses after it would read one off.
        clause.removed
          ? new Paragraph({ children: heading, run: { bold: true } })
          : new Paragraph({ children: heading, heading: HeadingLevel.HEADING_2, numbering: { reference: scheduleNumbering, level: 1 } }),
        new Paragraph({ children: [new TextRun({ text: statusLine(doc, clause), italics: true })] }),
        ...blocks(clause.blocks, revision),
      );
    }
  }
  children.push(...signatureBlock(doc));
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
  const header = runningHeader(`${t("export.documentTitle")} — ${doc.title}`);
  const footer = runningFooter(pageLine(doc), t);
  return Packer.toBuffer(
    new Document({
      title: doc.title,
      creator: "Common Ground",
      numbering,
      // A file with tracked changes opens with Track Changes on, so the reviewer's own edits are tracked too.
      features: doc.trackedSince || doc.openProposals ? { trackRevisions: true } : undefined,
      sections: [{ headers: { default: header }, footers: { default: footer }, children }],
    }),
  );
}
