// What a Word file becomes before it is a negotiation: a flat list of entries (section headings,
// clause headings and body blocks) that the preview can re-split without ever taking a document
// body from the browser, and the tracked changes found in it.
import type { ProposalScope } from "../proposals/proposals";

export interface ImportedRun {
  text?: string;
  lineBreak?: true;
  bold?: true;
  italic?: true;
  /** The id of the tracked insertion or deletion (ImportedChange) this run belongs to. */
  change?: string;
  /**
   * A tracked formatting change (`w:rPrChange`): its ImportedChange's id and the formatting the run
   * had before; the run's own bold and italic are the formatting proposed, as in Word.
   */
  formatChange?: { id: string; bold?: true; italic?: true };
}

/**
 * A body block. A paragraph Word tracks as inserted whole has `insertion`: the one insert change
 * its runs all carry, a paragraph (or list item) proposed new in a clause's body (decision 033).
 */
export type ImportedBlock =
  | { kind: "paragraph"; runs: ImportedRun[]; insertion?: string }
  | { kind: "list"; ordered: boolean; items: ImportedBlock[][] }
  | { kind: "table"; rows: ImportedBlock[][][] };

export type EntryRole = "section" | "clause" | "body";

export interface ImportedEntry {
  role: EntryRole;
  block: ImportedBlock;
}

/**
 * One `w:ins` or `w:del` in the file, or one formatting change (`w:rPrChange`, its consecutive runs
 * by one author at one time); its id is the one the proposal mark carries.
 */
export interface ImportedChange {
  id: string;
  kind: "insert" | "delete" | "format";
  author: string;
  /** As Word wrote it (ISO 8601), or null when the file has none. */
  date: string | null;
  text: string;
}

export interface ParsedDocx {
  entries: ImportedEntry[];
  changes: ImportedChange[];
}

/** A tracked change handed over to become a proposal, with the clause it sits in (null: a section heading). */
export interface ImportedProposal extends ImportedChange {
  /** "block": a paragraph or list item proposed new; "text" for every other change. */
  scope: Extract<ProposalScope, "text" | "block">;
  clauseIndex: number | null;
  /** The clause the change sits in; null in a section heading. */
  clauseId: string | null;
}

export const plainText = (block: ImportedBlock): string =>
  block.kind === "paragraph"
    ? block.runs.map((r) => (r.lineBreak ? " " : (r.text ?? ""))).join("")
    : block.kind === "list"
      ? block.items.map((item) => item.map(plainText).join(" ")).join(" ")
      : block.rows.map((row) => row.map((cell) => cell.map(plainText).join(" ")).join(" ")).join(" ");

/** Only a paragraph can be a heading: the preview may turn it into a clause or back into text. */
export const canBeHeading = (entry: ImportedEntry) => entry.role !== "section" && entry.block.kind === "paragraph";
