import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type AppLoadContext,
} from "@remix-run/node";
import type { Locale } from "../../shared/i18n/index";
import { importBasicsSchema, maxUploadBytes, type ImportBasics } from "../../server/negotiations/wordImport/importBasics";
import { canBeHeading, type ImportedBlock, type ImportedChange, type ImportedRun, type ParsedDocx } from "../../shared/wordImport/importedDocument";
import { importOutline } from "../../server/negotiations/wordImport/importOutline";
import type { PendingImport } from "../../server/negotiations/wordImport/pendingImports";
import { readUploadedDocx } from "../../server/negotiations/wordImport/readUploadedDocx";
import { clauseSuggestions, withRoles } from "../../server/negotiations/wordImport/startFromWord";
import { DomainError } from "./respond.server";

export { keepImport, pendingImport, dropImport } from "../../server/negotiations/wordImport/pendingImports";
export { startFromWord, withRoles } from "../../server/negotiations/wordImport/startFromWord";

/** A preview larger than this is not kept: no schedule has that much text. */
const maxParsedChars = 4 * 1024 * 1024;

/** The form as typed, to show again with a refusal. */
export type TypedBasics = Partial<Record<keyof ImportBasics, string>>;

/**
 * Reads the multipart upload: the file (at most 20 MB, refused before it is all read) and the
 * basics. Throws the refusal for a missing, oversized or unusable file and for invalid basics.
 */
export async function readImportUpload(request: Request): Promise<{ basics: ImportBasics; fileName: string; parsed: ParsedDocx; typed: TypedBasics }> {
  if (Number(request.headers.get("Content-Length") ?? 0) > maxUploadBytes + 64 * 1024) throw new DomainError(413, "wordImport.error.tooLarge");
  if (!/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) throw new DomainError(400, "wordImport.error.noFile");
  let form: FormData;
  try {
    form = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: maxUploadBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new DomainError(413, "wordImport.error.tooLarge");
    throw new DomainError(400, "wordImport.error.noFile");
  }
  const typed: TypedBasics = {};
  for (const key of ["title", "side", "ourOrg", "counterpartyOrg"] as const) {
    const value = form.get(key);
    if (typeof value === "string") typed[key] = value;
  }
  const basics = importBasicsSchema.safeParse(typed);
  if (!basics.success) {
    const issues = basics.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new DomainError(400, "wordImport.error.basics", { issues, typed });
  }
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) throw new DomainError(400, "wordImport.error.noFile", { typed });
  let parsed: ParsedDocx;
  try {
    parsed = readUploadedDocx(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.status, error.messageKey, { typed });
    throw error;
  }
  if (JSON.stringify(parsed).length > maxParsedChars) throw new DomainError(413, "wordImport.error.tooLarge", { typed });
  return { basics: basics.data, fileName: "name" in file && typeof file.name === "string" ? file.name.slice(0, 200) : "", parsed, typed };
}

export interface PreviewClause {
  key: number;
  /** The heading's entry index, null for text before the first heading. */
  headingEntry: number | null;
  heading: ImportedRun[];
  body: { entry: number; block: ImportedBlock; canSplit: boolean }[];
  canMerge: boolean;
  suggestion: { requirementId: string; confidence: number } | null;
  /** The requirement selected now: the creator's choice, else the suggestion; "" for none. */
  selected: string;
}

export interface ImportPreview {
  fileName: string;
  basics: ImportBasics;
  sections: { heading: ImportedRun[]; clauses: PreviewClause[] }[];
  changes: ImportedChange[];
  requirements: { id: string; title: string }[];
}

/** What the preview page shows for a pending import, with the creator's adjustments so far. */
export function importPreview(context: AppLoadContext, pending: PendingImport, locale: Locale): ImportPreview {
  const { catalogue } = context.services;
  const parsed = withRoles(pending.parsed, pending.roles);
  const suggestions = clauseSuggestions(catalogue, parsed);
  const runsOf = (index: number | null) => {
    const block = index === null ? null : parsed.entries[index]!.block;
    return block?.kind === "paragraph" ? block.runs : [];
  };
  const sections = importOutline(parsed.entries).map((section) => ({
    heading: runsOf(section.heading),
    clauses: section.clauses.map((clause, index): PreviewClause => {
      const suggestion = suggestions.get(clause.key) ?? null;
      const choice = pending.choices[clause.key];
      return {
        key: clause.key,
        headingEntry: clause.heading,
        heading: runsOf(clause.heading),
        body: clause.body.map((entry) => ({ entry, block: parsed.entries[entry]!.block, canSplit: canBeHeading(parsed.entries[entry]!) })),
        canMerge: clause.heading !== null && index > 0,
        suggestion,
        selected: choice === undefined ? (suggestion?.requirementId ?? "") : (choice ?? ""),
      };
    }),
  }));
  return {
    fileName: pending.fileName,
    basics: pending.basics,
    sections,
    changes: pending.parsed.changes,
    requirements: catalogue.requirements.map((r) => ({ id: r.id, title: r.title[locale] })).sort((a, b) => a.title.localeCompare(b.title, locale)),
  };
}

/**
 * Applies a preview form: the requirement selects, and one re-split (merge a clause's heading
 * into the clause before, or make a paragraph a new clause). Only roles and choices change;
 * the document's text is the server's own.
 */
export function applyPreviewForm(pending: PendingImport, form: FormData): void {
  const known = new Set(pending.parsed.entries.map((_e, i) => i));
  for (const [name, value] of form) {
    const key = /^requirement-(\d+)$/.exec(name)?.[1];
    if (key !== undefined && known.has(Number(key)) && typeof value === "string") pending.choices[Number(key)] = value === "" ? null : value.slice(0, 100);
  }
  const [action, at] = String(form.get("intent") ?? "").split(":");
  const index = Number(at);
  const entry = pending.parsed.entries[index];
  if (!entry || !canBeHeading(entry)) return;
  if (action === "merge") pending.roles[index] = "body";
  if (action === "split") pending.roles[index] = "clause";
}
