import { newId } from "../../../shared/ids";
import type { ImportedBlock, ImportedChange, ImportedEntry, ImportedRun, ParsedDocx } from "../../../shared/wordImport/importedDocument";
import { child, elements, parseXml, XmlRefusal, type XmlElement } from "./parseXml";
import { openZip, ZipRefusal } from "./readZip";

/** Why a file cannot be imported; each has its own message telling the user what to do. */
export type DocxProblem = "notDocx" | "encrypted" | "macros" | "tooLarge" | "empty";

export class DocxRefusal extends Error {
  constructor(readonly problem: DocxProblem) {
    super(problem);
  }
}

/** A password-protected Word file is not a zip but an OLE compound file holding the encrypted package. */
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Reads a .docx into entries and tracked changes. Headings (by style or outline level) become
 * sections and clauses, numbered or bold title lines become clauses, the rest is body; tracked
 * insertions, deletions and formatting changes stay in the text, marked, each with a fresh id.
 */
export function readDocx(bytes: Uint8Array): ParsedDocx {
  if (oleSignature.every((b, i) => bytes[i] === b)) throw new DocxRefusal("encrypted");
  let zip: ReturnType<typeof openZip>;
  try {
    zip = openZip(bytes);
    const types = text(zip.read("[Content_Types].xml"));
    if (zip.names.some((n) => /vbaProject\.bin$/i.test(n)) || /macroEnabled/i.test(types ?? "")) throw new DocxRefusal("macros");
    if (types === null || !zip.names.includes("word/document.xml")) throw new DocxRefusal("notDocx");
    const document = parseXml(text(zip.read("word/document.xml"))!);
    const styles = headingStyles(xmlOrNull(zip.read("word/styles.xml")));
    const numbering = numberFormats(xmlOrNull(zip.read("word/numbering.xml")));
    const parsed = new BodyReader(styles, numbering).read(document);
    if (parsed.entries.length === 0) throw new DocxRefusal("empty");
    return parsed;
  } catch (error) {
    if (error instanceof DocxRefusal) throw error;
    if (error instanceof ZipRefusal) throw new DocxRefusal(error.reason === "notZip" ? "notDocx" : error.reason);
    if (error instanceof XmlRefusal) throw new DocxRefusal("notDocx");
    throw error;
  }
}

const text = (bytes: Uint8Array | null) => (bytes ? new TextDecoder().decode(bytes) : null);
const xmlOrNull = (bytes: Uint8Array | null) => (bytes ? parseXml(text(bytes)!) : null);

const isOn = (el: XmlElement | undefined) => el !== undefined && !["0", "false", "off"].includes(el.attrs["w:val"] ?? "");

/** Style id → heading level 1 (section) or 2 (clause), from the style's name or outline level. */
function headingStyles(styles: XmlElement | null): Map<string, 1 | 2> {
  const levels = new Map<string, 1 | 2>();
  for (const style of styles ? elements(styles, "w:style") : []) {
    const id = style.attrs["w:styleId"];
    const name = (child(style, "w:name")?.attrs["w:val"] ?? "").toLowerCase();
    const outline = child(child(style, "w:pPr"), "w:outlineLvl")?.attrs["w:val"];
    const level =
      name === "title" || name === "heading 1" || outline === "0" ? 1 : /^heading [23]$/.test(name) || outline === "1" || outline === "2" ? 2 : null;
    if (id && level) levels.set(id, level);
  }
  return levels;
}

/** (numId, level) → Word's number format ("decimal", "bullet", …). */
function numberFormats(numbering: XmlElement | null): (numId: string, ilvl: number) => string {
  const abstract = new Map<string, Map<number, string>>();
  const nums = new Map<string, string>();
  for (const def of numbering ? elements(numbering, "w:abstractNum") : []) {
    const levels = new Map<number, string>();
    for (const lvl of elements(def, "w:lvl")) levels.set(Number(lvl.attrs["w:ilvl"]), child(lvl, "w:numFmt")?.attrs["w:val"] ?? "decimal");
    abstract.set(def.attrs["w:abstractNumId"] ?? "", levels);
  }
  for (const num of numbering ? elements(numbering, "w:num") : []) nums.set(num.attrs["w:numId"] ?? "", child(num, "w:abstractNumId")?.attrs["w:val"] ?? "");
  return (numId, ilvl) => abstract.get(nums.get(numId) ?? "")?.get(ilvl) ?? "decimal";
}

interface Paragraph {
  runs: ImportedRun[];
  style: 1 | 2 | null;
  list: { numId: string; ilvl: number; format: string } | null;
  /** The paragraph mark is a tracked insertion (`w:pPr/w:rPr/w:ins`): by whom and when. */
  insertedMark: { author: string; date: string | null } | null;
  /** Read as a paragraph proposed new (decision 033): the id of that one insertion. */
  insertion?: string;
}

const typedClauseNumber = /^\s*\d+\.\d+(\.\d+)*\.?\s+\S/;
const typedSectionNumber = /^\s*\d+\.?\s+\p{Lu}/u;
const numberPrefix = /^\s*\d+(\.\d+)*\.?\s+/;
const endsLikeSentence = /[.;:,]\s*$/;

class BodyReader {
  private readonly changes: ImportedChange[] = [];
  private readonly changeById = new Map<string, ImportedChange>();
  /** Formatting changes by Word's w:id, and the one the run before had (null: none, or a new paragraph). */
  private readonly formatById = new Map<string, ImportedChange>();
  private lastFormat: ImportedChange | null = null;

  constructor(
    private readonly styles: Map<string, 1 | 2>,
    private readonly format: (numId: string, ilvl: number) => string,
  ) {}

  read(document: XmlElement): ParsedDocx {
    const body = child(document, "w:body");
    const entries: ImportedEntry[] = [];
    let list: Paragraph[] = [];
    const flush = () => {
      if (list.length) entries.push({ role: "body", block: listBlock(list) });
      list = [];
    };
    for (const node of body ? this.blockElements(body) : []) {
      if (node.name === "w:tbl") {
        flush();
        entries.push({ role: "body", block: this.table(node) });
        continue;
      }
      const paragraph = this.paragraph(node);
      const content = runsText(paragraph.runs);
      if (!content.trim()) continue;
      const role = this.role(paragraph, content);
      if (role === "body") this.asNewParagraph(paragraph, content);
      if (role === "body" && paragraph.list) {
        list.push(paragraph);
        continue;
      }
      flush();
      entries.push({ role, block: role === "body" ? paragraphBlock(paragraph) : { kind: "paragraph", runs: withoutNumber(paragraph.runs) } });
    }
    flush();
    const used = new Set(entries.flatMap((e) => changeIds(e.block)));
    return { entries, changes: this.changes.filter((c) => used.has(c.id) && c.text.trim()) };
  }

  /**
   * A body paragraph Word tracks as inserted whole, its mark and every run inserted by one author,
   * is one proposal of a new paragraph (decision 033) rather than an insertion per run, which
   * rejected would leave an empty paragraph behind. Its runs take that proposal's id.
   */
  private asNewParagraph(p: Paragraph, content: string) {
    const mark = p.insertedMark;
    const inserted = (run: ImportedRun) => {
      const change = run.change === undefined ? undefined : this.changeById.get(run.change);
      return change?.kind === "insert" && change.author === mark?.author;
    };
    if (!mark || !p.runs.every(inserted)) return;
    const found: ImportedChange = { id: newId(), kind: "insert", author: mark.author, date: mark.date, text: content };
    this.changes.push(found);
    p.runs = p.runs.map((run) => ({ ...run, change: found.id }));
    p.insertion = found.id;
  }

  /** Paragraphs and tables in order, looking through content controls that wrap them. */
  private blockElements(parent: XmlElement): XmlElement[] {
    return elements(parent).flatMap((el) =>
      el.name === "w:p" || el.name === "w:tbl" ? [el] : el.name === "w:sdt" ? this.blockElements(child(el, "w:sdtContent") ?? el) : [],
    );
  }

  private role(p: Paragraph, content: string): ImportedEntry["role"] {
    if (p.style === 1) return "section";
    if (p.style === 2) return "clause";
    const short = content.length <= 120 && !endsLikeSentence.test(content);
    const bold = p.runs.every((r) => r.bold || r.lineBreak || !r.text?.trim());
    if (p.list) {
      // A numbered outline: top-level bold titles are sections, second-level titles clauses.
      const numbered = p.list.format !== "bullet" && p.list.format !== "none";
      if (numbered && short && p.list.ilvl === 0 && bold) return "section";
      if (numbered && short && p.list.ilvl === 1) return "clause";
      return "body";
    }
    if (typedClauseNumber.test(content) && short) return "clause";
    if (typedSectionNumber.test(content) && content.length <= 80 && !endsLikeSentence.test(content)) return "section";
    if (bold && short) return "clause";
    return "body";
  }

  private paragraph(p: XmlElement): Paragraph {
    const pPr = child(p, "w:pPr");
    const styleId = child(pPr, "w:pStyle")?.attrs["w:val"];
    const outline = child(pPr, "w:outlineLvl")?.attrs["w:val"];
    const style = outline === "0" ? 1 : outline === "1" || outline === "2" ? 2 : styleId ? (this.styles.get(styleId) ?? null) : null;
    const numPr = child(pPr, "w:numPr");
    const numId = child(numPr, "w:numId")?.attrs["w:val"];
    const ilvl = Number(child(numPr, "w:ilvl")?.attrs["w:val"] ?? 0);
    // numId 0 is Word's way of switching numbering off for a paragraph.
    const list = numId && numId !== "0" ? { numId, ilvl, format: this.format(numId, ilvl) } : null;
    const ins = child(child(pPr, "w:rPr"), "w:ins");
    const insertedMark = ins ? { author: ins.attrs["w:author"]?.trim() || "?", date: ins.attrs["w:date"] ?? null } : null;
    return { runs: this.paragraphRuns(p), style, list, insertedMark };
  }

  private paragraphRuns(p: XmlElement): ImportedRun[] {
    this.lastFormat = null;
    return this.runs(p, undefined);
  }

  private runs(parent: XmlElement, change: ImportedChange | undefined): ImportedRun[] {
    const out: ImportedRun[] = [];
    for (const el of elements(parent)) {
      switch (el.name) {
        case "w:r":
          out.push(...this.run(el, change));
          break;
        case "w:ins":
        case "w:moveTo":
        case "w:del":
        case "w:moveFrom": {
          const kind = el.name === "w:ins" || el.name === "w:moveTo" ? "insert" : "delete";
          const found: ImportedChange = { id: newId(), kind, author: el.attrs["w:author"]?.trim() || "?", date: el.attrs["w:date"] ?? null, text: "" };
          this.changes.push(found);
          this.changeById.set(found.id, found);
          const inner = this.runs(el, found);
          found.text = runsText(inner);
          out.push(...inner);
          break;
        }
        case "w:hyperlink":
        case "w:smartTag":
        case "w:fldSimple":
        case "w:customXml":
          out.push(...this.runs(el, change));
          break;
        case "w:sdt":
          out.push(...this.runs(child(el, "w:sdtContent") ?? el, change));
          break;
      }
    }
    return out;
  }

  private run(r: XmlElement, change: ImportedChange | undefined): ImportedRun[] {
    const rPr = child(r, "w:rPr");
    const format: ImportedRun = {};
    if (isOn(child(rPr, "w:b"))) format.bold = true;
    if (isOn(child(rPr, "w:i"))) format.italic = true;
    if (change) format.change = change.id;
    // Formatting one's own inserted text is part of the insertion (decision 030).
    const formatChange = change?.kind === "insert" ? null : this.formatChange(child(rPr, "w:rPrChange"), format);
    this.lastFormat = formatChange;
    const out: ImportedRun[] = [];
    for (const el of elements(r)) {
      const content =
        el.name === "w:t" || el.name === "w:delText"
          ? el.children.filter((c) => typeof c === "string").join("")
          : el.name === "w:tab"
            ? " "
            : el.name === "w:noBreakHyphen"
              ? "-"
              : null;
      if (content) out.push({ ...format, text: content });
      else if ((el.name === "w:br" && el.attrs["w:type"] !== "page") || el.name === "w:cr") out.push({ ...format, lineBreak: true });
    }
    if (formatChange) formatChange.text += runsText(out);
    return out;
  }

  /**
   * A run's `w:rPrChange` as the editor's formatting proposal (decision 030): the run keeps the
   * formatting proposed and notes the bold and italic it had. Word gives each run its own w:id, so
   * consecutive runs by one author at one time are one change. One that leaves bold and italic as
   * they were changes nothing a schedule holds: no change.
   */
  private formatChange(rPrChange: XmlElement | undefined, run: ImportedRun): ImportedChange | null {
    const before = child(rPrChange, "w:rPr");
    const bold = isOn(child(before, "w:b"));
    const italic = isOn(child(before, "w:i"));
    if (!rPrChange || (bold === !!run.bold && italic === !!run.italic)) return null;
    const author = rPrChange.attrs["w:author"]?.trim() || "?";
    const date = rPrChange.attrs["w:date"] ?? null;
    const wordId = rPrChange.attrs["w:id"];
    const last = this.lastFormat;
    let found = (wordId === undefined ? undefined : this.formatById.get(wordId)) ?? (last?.author === author && last.date === date ? last : undefined);
    if (!found) {
      found = { id: newId(), kind: "format", author, date, text: "" };
      this.changes.push(found);
    }
    if (wordId !== undefined) this.formatById.set(wordId, found);
    run.formatChange = { id: found.id, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) };
    return found;
  }

  private table(tbl: XmlElement): ImportedBlock {
    const rows = elements(tbl, "w:tr").map((tr) =>
      elements(tr, "w:tc").map((tc) => {
        // A cell holds paragraphs only in our schema: nested tables give up their paragraphs.
        const paragraphs = allParagraphs(tc).map((p): ImportedBlock => ({ kind: "paragraph", runs: this.paragraphRuns(p) }));
        return paragraphs.length ? paragraphs : [{ kind: "paragraph" as const, runs: [] }];
      }),
    );
    return { kind: "table", rows: rows.filter((row) => row.length > 0) };
  }
}

function allParagraphs(el: XmlElement): XmlElement[] {
  return elements(el).flatMap((c) => (c.name === "w:p" ? [c] : allParagraphs(c)));
}

const runsText = (runs: ImportedRun[]) => runs.map((r) => (r.lineBreak ? " " : (r.text ?? ""))).join("");

function changeIds(block: ImportedBlock): string[] {
  if (block.kind === "paragraph") return block.runs.flatMap((r) => [r.change, r.formatChange?.id].filter((id) => id !== undefined));
  if (block.kind === "list") return block.items.flat().flatMap(changeIds);
  return block.rows.flat(2).flatMap(changeIds);
}

const paragraphBlock = (p: Paragraph): ImportedBlock => ({ kind: "paragraph", runs: p.runs, ...(p.insertion ? { insertion: p.insertion } : {}) });

/** A heading's typed-out number goes: numbers follow from position in the schedule. */
function withoutNumber(runs: ImportedRun[]): ImportedRun[] {
  const first = runs.findIndex((r) => r.text?.trim());
  const prefix = first >= 0 ? runs[first]!.text!.match(numberPrefix) : null;
  if (!prefix) return runs;
  const rest = runs[first]!.text!.slice(prefix[0].length);
  return [...runs.slice(0, first), ...(rest ? [{ ...runs[first]!, text: rest }] : []), ...runs.slice(first + 1)];
}

/** Consecutive list paragraphs as one list, deeper levels nested in the item before. */
function listBlock(paragraphs: Paragraph[]): ImportedBlock {
  const make = (p: Paragraph): Extract<ImportedBlock, { kind: "list" }> => ({ kind: "list", ordered: p.list!.format !== "bullet", items: [] });
  const root = make(paragraphs[0]!);
  const stack: { list: Extract<ImportedBlock, { kind: "list" }>; level: number }[] = [{ list: root, level: paragraphs[0]!.list!.ilvl }];
  for (const p of paragraphs) {
    const level = p.list!.ilvl;
    while (stack.length > 1 && level < stack.at(-1)!.level) stack.pop();
    const top = stack.at(-1)!;
    if (level > top.level && top.list.items.length > 0) {
      const nested = make(p);
      top.list.items.at(-1)!.push(nested);
      stack.push({ list: nested, level });
    }
    stack.at(-1)!.list.items.push([paragraphBlock(p)]);
  }
  return root;
}
